import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AnswerRecord, ProgressRecord, ResetRecord } from '../../src/core/progress/records';
import {
  applyAnswer,
  applyReset,
  buildSchedules,
  dueCountsByDay,
  dueKeys,
  isDue,
  isMastered,
  nextDue,
  recallAt,
  type QuestionSchedule,
} from '../../src/core/progress/scheduler';

const H1 = 'aaaaaaaaaaaa';
const H2 = 'bbbbbbbbbbbb';
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 6, 12);
const sameKey = (): string => H1;

function answer(q: string, at: number, ok: boolean, h = H1, w = 'w1'): AnswerRecord {
  return { v: 1, kind: 'answer', q, at, c: [ok ? 0 : 1], ok, h, w };
}

function reset(at: number, keys: string[] | 'all'): ResetRecord {
  return { v: 1, kind: 'reset', at, w: 'w1', keys };
}

function one(records: ProgressRecord[], key = 'p/q1', hash: (k: string) => string | undefined = sameKey): QuestionSchedule {
  const s = buildSchedules(records, hash).get(key);
  assert.ok(s, `a schedule for ${key}`);
  return s;
}

/** A schedule with only a due time that matters, for the counting functions. */
function dueAt(key: string, due: number, lastCorrect = true): QuestionSchedule {
  const s = one([answer(key, due - DAY, lastCorrect)], key);
  return { ...s, due };
}

describe('FSRS scheduler', () => {
  it('schedules a first right answer days ahead and a wrong one sooner', () => {
    const right = one([answer('p/q1', T0, true)]);
    const wrong = one([answer('p/q1', T0, false)]);
    assert.ok(right.due > T0 + DAY, 'right: more than a day ahead');
    assert.ok(wrong.due > T0, 'wrong: still in the future');
    assert.ok(wrong.due < right.due, 'wrong sooner than right');
    assert.deepEqual([right.reps, right.lastCorrect, right.lastAnswerAt, right.hash], [1, true, T0, H1]);
    assert.equal(wrong.lastCorrect, false);
  });

  it('spaces repeated right answers further apart and counts a lapse after a wrong one', () => {
    const records = [answer('p/q1', T0, true)];
    let s = one(records);
    const intervals = [s.due - T0];
    for (let i = 0; i < 3; i++) {
      records.push(answer('p/q1', s.due, true));
      const next = one(records);
      intervals.push(next.due - s.due);
      s = next;
    }
    for (let i = 1; i < intervals.length; i++) assert.ok(intervals[i] > intervals[i - 1], `interval ${i} grows`);
    records.push(answer('p/q1', s.due, false));
    const lapsed = one(records);
    assert.equal(lapsed.lapses, 1);
    assert.ok(lapsed.stability < s.stability);
    assert.ok(lapsed.due - s.due < intervals[intervals.length - 1]);
  });

  it('hides answers at or before a reset that covers the question, for one key or all', () => {
    const records: ProgressRecord[] = [answer('p/q1', T0, true), answer('p/q2', T0, true), reset(T0 + 1000, ['p/q1'])];
    let schedules = buildSchedules(records, sameKey);
    assert.equal(schedules.has('p/q1'), false);
    assert.equal(schedules.get('p/q2')?.reps, 1);

    records.push(answer('p/q1', T0 + 2000, false));
    schedules = buildSchedules(records, sameKey);
    assert.equal(schedules.get('p/q1')?.reps, 1, 'answers after the reset count');
    assert.equal(schedules.get('p/q1')?.lastCorrect, false);

    records.push(reset(T0 + 3000, 'all'));
    assert.equal(buildSchedules(records, sameKey).size, 0);
  });

  it('starts over when the answer key changes and skips questions that no longer exist', () => {
    const records = [answer('p/q1', T0, true), answer('p/q1', T0 + 3 * DAY, true), answer('p/q2', T0, true)];
    const hashes = new Map([['p/q1', H2]]);
    const schedules = buildSchedules(records, (k) => hashes.get(k));
    assert.equal(schedules.size, 0, 'old-key answers of q1 and the deleted q2 give no schedule');

    records.push(answer('p/q1', T0 + 4 * DAY, false, H2));
    const s = one(records, 'p/q1', (k) => hashes.get(k));
    assert.deepEqual([s.reps, s.lapses, s.hash, s.lastCorrect], [1, 0, H2, false]);

    // The same restart when the new answer arrives incrementally.
    const live = buildSchedules(records.slice(0, 2), sameKey);
    applyAnswer(live, records[3]);
    assert.deepEqual(live.get('p/q1'), s);
  });

  it('gives with applyAnswer exactly the schedules that buildSchedules replays', () => {
    const records: AnswerRecord[] = [];
    let t = T0;
    for (let i = 0; i < 30; i++) {
      t += ((i * 7919) % 5) * DAY + ((i * 104_729) % 3_600_000);
      records.push(answer(`p/q${i % 3}`, t, i % 4 !== 1));
    }
    const incremental = new Map<string, QuestionSchedule>();
    for (const r of records) applyAnswer(incremental, r);
    assert.deepEqual(incremental, buildSchedules(records, sameKey));
  });

  it('builds the same schedules whatever order the records come in', () => {
    const records: ProgressRecord[] = [answer('p/q1', T0, true), answer('p/q1', T0 + 5 * DAY, false), reset(T0 + 6 * DAY, ['p/q2']), answer('p/q2', T0 + DAY, true), answer('p/q1', T0 + 9 * DAY, true)];
    assert.deepEqual(buildSchedules([...records].reverse(), sameKey), buildSchedules(records, sameKey));
  });

  it('schedules an answer older than the last one (another clock) without throwing', () => {
    const schedules = buildSchedules([answer('p/q1', T0 + DAY, true)], sameKey);
    applyAnswer(schedules, answer('p/q1', T0, false, H1, 'w2'));
    const s = schedules.get('p/q1');
    assert.ok(s);
    assert.equal(s.reps, 2);
    assert.ok(s.due > s.lastAnswerAt);
  });

  it('removes reset schedules with applyReset', () => {
    const schedules = buildSchedules([answer('p/q1', T0, true), answer('p/q2', T0, true)], sameKey);
    applyReset(schedules, ['p/q1']);
    assert.deepEqual([...schedules.keys()], ['p/q2']);
    applyReset(schedules, 'all');
    assert.equal(schedules.size, 0);
  });

  it('predicts recall of 1 right after an answer, falling over time to about 0.9 when due', () => {
    const s = one([answer('p/q1', T0, true), answer('p/q1', T0 + 3 * DAY, true)]);
    assert.ok(Math.abs(recallAt(s, s.lastAnswerAt) - 1) < 1e-6);
    const times = [1 / 24, 0.5, 1, 3, 10, 30, 365].map((d) => s.lastAnswerAt + d * DAY);
    const recalls = times.map((t) => recallAt(s, t));
    for (let i = 1; i < recalls.length; i++) assert.ok(recalls[i] < recalls[i - 1], `recall falls: ${recalls.join(', ')}`);
    assert.ok(recalls.every((r) => r > 0 && r <= 1));
    assert.ok(Math.abs(recallAt(s, s.due) - 0.9) < 0.03, `recall at due ${recallAt(s, s.due)}`);
    assert.equal(recallAt(s, s.lastAnswerAt - DAY), recallAt(s, s.lastAnswerAt), 'no recall above 1 before the answer');
  });

  it('lists due questions, the next due time and mastery', () => {
    const now = T0 + 10 * DAY;
    const schedules = new Map([
      ['p/a', dueAt('p/a', now - 2 * DAY)],
      ['p/b', dueAt('p/b', now - DAY, false)],
      ['p/c', dueAt('p/c', now)],
      ['p/d', dueAt('p/d', now + 3 * DAY)],
      ['p/e', dueAt('p/e', now + DAY, false)],
    ]);
    assert.deepEqual(dueKeys(schedules, now), ['p/a', 'p/b', 'p/c'], 'most overdue first; due at now is due');
    assert.equal(nextDue(schedules, now), now + DAY);
    assert.equal(nextDue(schedules, now + 5 * DAY), undefined);
    assert.equal(isDue(schedules.get('p/c')!, now), true);
    assert.equal(isDue(schedules.get('p/d')!, now), false);
    assert.deepEqual(
      [...schedules.values()].filter((s) => isMastered(s, now)).map((s) => s.key),
      ['p/d'],
      'mastered: last answer right and not due',
    );
  });

  it('counts questions falling due on each of the next days, overdue ones on day 0', () => {
    const now = new Date(2025, 0, 6, 12).getTime(); // local noon, so the hours below stay on their local day
    const offsets = [-5 * DAY, -1, 0, 6 * 3_600_000, DAY, DAY + 3_600_000, 3 * DAY, 13 * DAY, 20 * DAY];
    const schedules = new Map(offsets.map((o, i) => [`p/q${i}`, dueAt(`p/q${i}`, now + o)]));
    const counts = dueCountsByDay(schedules, now, 14);
    assert.equal(counts.length, 14);
    assert.deepEqual(counts.slice(0, 4), [4, 2, 0, 1]);
    assert.equal(counts[13], 1);
    assert.equal(counts.reduce((a, b) => a + b, 0), offsets.length - 1, 'everything but the one due after 14 days');
    assert.deepEqual(dueCountsByDay(schedules, now, 0), []);
    assert.equal(dueCountsByDay(schedules, now, 1)[0], 4);
  });

  it('never throws and always schedules after the last answer, for any answers (fast-check)', () => {
    const answers = fc.array(fc.record({ key: fc.integer({ min: 0, max: 3 }), ok: fc.boolean(), gap: fc.integer({ min: 0, max: 400 * DAY }) }), { maxLength: 60 });
    fc.assert(
      fc.property(answers, fc.integer({ min: 0, max: 14 }), (list, days) => {
        let t = T0;
        const records: ProgressRecord[] = list.map((a) => {
          t += a.gap;
          return answer(`p/q${a.key}`, t, a.ok);
        });
        const schedules = buildSchedules(records, sameKey);
        const incremental = new Map<string, QuestionSchedule>();
        for (const r of records) if (r.kind === 'answer') applyAnswer(incremental, r);
        assert.deepEqual(incremental, schedules);
        for (const s of schedules.values()) {
          assert.ok(s.due > s.lastAnswerAt, `due ${s.due} after last answer ${s.lastAnswerAt}`);
          assert.ok(Number.isFinite(s.stability) && s.stability > 0);
          const r = recallAt(s, s.due + DAY);
          assert.ok(r >= 0 && r <= 1);
          assert.equal(s.reps, records.filter((x) => x.kind === 'answer' && x.q === s.key).length);
        }
        const counts = dueCountsByDay(schedules, t, days);
        assert.ok(counts.reduce((a, b) => a + b, 0) <= schedules.size);
        // A reset in the middle only ever removes history.
        const cut = records[Math.floor(records.length / 2)];
        if (cut) assert.ok(buildSchedules([...records, reset(cut.at, 'all')], sameKey).size <= schedules.size);
      }),
      { numRuns: 200 },
    );
  });
});
