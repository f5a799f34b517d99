import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { TermIndex } from '../../src/core/glossary/termIndex';
import { load } from './helpers';

describe('loader and index properties (fast-check)', () => {
  it('arbitrary text in any pack file never throws and always gives problems with ranges inside the file', () => {
    fc.assert(
      fc.property(fc.constantFrom('pack.yaml', 'glossary.yaml', 'topics/t1.yaml', 'topics/t9.yaml'), fc.string({ maxLength: 400 }), (file, text) => {
        const r = load({ [file]: text });
        for (const p of r.problems) {
          assert.ok(p.range.start.line >= 0 && p.range.start.character >= 0);
          assert.ok(p.range.end.line > p.range.start.line || (p.range.end.line === p.range.start.line && p.range.end.character >= p.range.start.character));
          if (p.file.endsWith(`/${file}`)) assert.ok(p.range.start.line <= text.split(/\r\n|\r|\n/).length, 'range within the file');
        }
        if (file !== 'pack.yaml') assert.ok(r.pack, 'a broken topic or glossary never takes the pack down');
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary YAML values in any place never throw', () => {
    // Keys mix real field names with Object.prototype's own names: a key "valueOf" once found a method
    // where a field spec was expected and threw (CI found it one run in several hundred with plain jsonValue).
    const keys = fc.constantFrom('id', 'title', 'domain', 'notes', 'questions', 'terms', 'domains', 'version', 'exam', 'options', 'type', 'items', 'pairs', 'cases', 'x', 'valueOf', 'constructor', 'toString', '__proto__', 'hasOwnProperty');
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.jsonValue({ maxDepth: 1 }), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(keys, tie('value'), { maxKeys: 4 })),
    }));
    fc.assert(
      fc.property(fc.constantFrom('pack.yaml', 'glossary.yaml', 'topics/t1.yaml'), fc.dictionary(keys, value), (file, doc) => {
        const r = load({ [file]: stringify(doc) });
        assert.ok(Array.isArray(r.problems));
      }),
      { numRuns: 300 },
    );
  });

  it('term lookup never throws and any match covers the cursor', () => {
    const index = new TermIndex([
      { id: 'peft', term: 'PEFT', aliases: ['parameter-efficient fine-tuning'], definition: 'd', confusedWith: [], packId: 'p', source: { file: 'f', line: 0 } },
      { id: 'fm', term: 'foundation model', aliases: [], definition: 'd', confusedWith: [], packId: 'p', source: { file: 'f', line: 0 } },
    ]);
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: -5, max: 210 }), (line, col) => {
        const m = index.findTermAt(line, col);
        if (m) assert.ok(m.start <= col && col < m.end && m.end <= line.length);
      }),
      { numRuns: 1000 },
    );
  });
});
