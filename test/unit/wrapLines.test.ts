import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { wrapLines } from '../../src/util/wrapLines';

describe('wrapping a question into lines (palette on VS Code 1.96)', () => {
  it('breaks at spaces into lines no longer than the width, losing no word', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zA-Z?.,()]{1,15}$/), { maxLength: 60 }), fc.integer({ min: 20, max: 100 }), (words, width) => {
        const lines = wrapLines(words.join(' '), width);
        assert.ok(lines.every((l) => l.length > 0 && l.length <= width));
        assert.equal(lines.join(' '), words.join(' '));
        // No line could have taken the next line's first word.
        for (let i = 0; i + 1 < lines.length; i++) assert.ok(lines[i].length + 1 + lines[i + 1].split(' ')[0].length > width);
      }),
    );
  });

  it('cuts a word longer than a line, and collapses runs of spaces and newlines', () => {
    assert.deepEqual(wrapLines('a '.repeat(3) + 'x'.repeat(25), 10), ['a a a', 'xxxxxxxxxx', 'xxxxxxxxxx', 'xxxxx']);
    assert.deepEqual(wrapLines('  Which   service\n\nfits?  ', 72), ['Which service fits?']);
    assert.deepEqual(wrapLines('', 72), []);
  });
});
