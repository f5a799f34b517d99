import * as assert from 'node:assert/strict';
import { isQuizClientMessage } from '../../src/webview/protocol';

describe('webview protocol guard', () => {
  const valid: unknown[] = [
    { type: 'ready' },
    { type: 'answer', key: 'p/q1', chosen: [0, 2] },
    { type: 'next' },
    { type: 'flag', key: 'p/q1' },
    { type: 'review', index: 3 },
    { type: 'summary' },
    { type: 'retryMissed' },
    { type: 'openTerm', id: 'peft' },
  ];
  const invalid: unknown[] = [
    null,
    'ready',
    42,
    {},
    { type: 'runCommand', command: 'workbench.action.terminal.new' },
    { type: 'answer', key: 'p/q1', chosen: 'all' },
    { type: 'answer', key: 'p/q1', chosen: [-2] },
    { type: 'answer', key: 'p/q1', chosen: [1.5] },
    { type: 'answer', key: '', chosen: [0] },
    { type: 'answer', key: 'x'.repeat(301), chosen: [0] },
    { type: 'answer', key: 'p/q1', chosen: Array.from({ length: 21 }, (_, i) => i) },
    { type: 'review', index: '3' },
    { type: 'openTerm', id: { toString: () => 'peft' } },
    { type: 'flag' },
  ];
  for (const m of valid) it(`accepts ${JSON.stringify(m)}`, () => assert.equal(isQuizClientMessage(m), true));
  for (const m of invalid) it(`rejects ${JSON.stringify(m)?.slice(0, 80)}`, () => assert.equal(isQuizClientMessage(m), false));
});
