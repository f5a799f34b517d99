import * as assert from 'node:assert/strict';
import { masteryOf } from '../../src/core/progress/figures';
import type { AnswerRecord } from '../../src/core/progress/records';
import { buildSchedules } from '../../src/core/progress/scheduler';

const H = 'aaaaaaaaaaaa';
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 6, 12);

function answer(q: string, at: number, ok: boolean): AnswerRecord {
  return { v: 1, kind: 'answer', q, at, c: [0], ok, h: H, w: 'w1' };
}

describe('mastery figures', () => {
  const keys = ['p/right', 'p/wrong', 'p/old-right', 'p/unseen'];
  const schedules = buildSchedules(
    [answer('p/right', T0 + 10 * DAY, true), answer('p/wrong', T0 + 10 * DAY, false), answer('p/old-right', T0, true), answer('p/elsewhere', T0 + 10 * DAY, true)],
    () => H,
  );

  it('counts seen, mastered, due and total for a set of questions', () => {
    const now = T0 + 10 * DAY + 3_600_000;
    // right: mastered; wrong: seen, due tomorrow; old-right: answered 10 days ago, due by now; unseen: nothing.
    assert.deepEqual(masteryOf(keys, schedules, now), { seen: 3, mastered: 1, due: 1, total: 4 });
  });

  it('moves questions from mastered to due as time passes', () => {
    assert.deepEqual(masteryOf(keys, schedules, T0 + 40 * DAY), { seen: 3, mastered: 0, due: 3, total: 4 });
  });

  it('is all zeros for no questions, and ignores questions outside the set', () => {
    assert.deepEqual(masteryOf([], schedules, T0), { seen: 0, mastered: 0, due: 0, total: 0 });
    assert.deepEqual(masteryOf(['p/unseen'], schedules, T0), { seen: 0, mastered: 0, due: 0, total: 1 });
  });
});
