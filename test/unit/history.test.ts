import * as assert from 'node:assert/strict';
import type { Question, Topic } from '../../src/core/content/model';
import { dailyAccuracy, dayKey, streakOf, weakestTopics } from '../../src/core/progress/history';
import type { AnswerRecord, ProgressRecord, ResetRecord } from '../../src/core/progress/records';
import { buildSchedules } from '../../src/core/progress/scheduler';

const H = 'aaaaaaaaaaaa';
const DAY = 86_400_000;

/** A local time (month 1-based, unlike Date), so the tests mean the same in any time zone. */
function at(year: number, month: number, day: number, hour = 9, minute = 0): number {
  return new Date(year, month - 1, day, hour, minute).getTime();
}

function answer(q: string, when: number, ok = true): AnswerRecord {
  return { v: 1, kind: 'answer', q, at: when, c: [0], ok, h: H, w: 'w1' };
}

function reset(when: number, keys: string[] | 'all'): ResetRecord {
  return { v: 1, kind: 'reset', at: when, w: 'w1', keys };
}

/** Answers at 9:00 on each of the given days of one month. */
function onDays(year: number, month: number, days: number[]): AnswerRecord[] {
  return days.map((d) => answer('p/q1', at(year, month, d)));
}

const NOW = at(2026, 11, 28, 9);

describe('progress history', () => {
  it('names local calendar days', () => {
    assert.equal(dayKey(at(2026, 1, 5, 23, 59)), '2026-01-05');
    assert.equal(dayKey(at(2026, 1, 6, 0, 0)), '2026-01-06');
    assert.equal(dayKey(at(2026, 12, 31, 23, 59)), '2026-12-31');
  });

  describe('dailyAccuracy', () => {
    const records: ProgressRecord[] = [
      answer('p/q1', at(2026, 11, 28, 8), true),
      answer('p/q2', at(2026, 11, 28, 0, 30), false),
      answer('p/q1', at(2026, 11, 27, 23, 59), true),
      answer('p/q1', at(2026, 11, 25, 10), true),
      answer('p/q2', at(2026, 11, 25, 11), true),
      answer('p/q3', at(2026, 11, 25, 12), false),
      answer('p/q1', at(2026, 11, 14, 9), true), // 15 days back: only in the 30-day view
      answer('p/q1', at(2026, 11, 28, 10), true), // later today than now
      answer('p/q1', at(2026, 11, 29, 9), true), // tomorrow
    ];

    it('counts answered and right per local day, oldest first, ending today, with empty days as 0/0', () => {
      const days = dailyAccuracy(records, NOW, 14);
      assert.equal(days.length, 14);
      assert.equal(days[0].day, '2026-11-15');
      assert.deepEqual(days.slice(-4), [
        { day: '2026-11-25', answered: 3, correct: 2 },
        { day: '2026-11-26', answered: 0, correct: 0 },
        { day: '2026-11-27', answered: 1, correct: 1 },
        { day: '2026-11-28', answered: 2, correct: 1 },
      ]);
      assert.equal(
        days.reduce((a, d) => a + d.answered, 0),
        6,
        'nothing from before the window or after now',
      );
    });

    it('reaches further back with more days, whatever order the records come in', () => {
      const days = dailyAccuracy([...records].reverse(), NOW, 30);
      assert.equal(days.length, 30);
      assert.deepEqual(
        [days[0].day, days[29].day],
        ['2026-10-30', '2026-11-28'],
      );
      assert.deepEqual(
        days.find((d) => d.day === '2026-11-14'),
        { day: '2026-11-14', answered: 1, correct: 1 },
      );
      assert.deepEqual(dailyAccuracy(records, NOW, 14), dailyAccuracy([...records].reverse(), NOW, 14));
      assert.deepEqual(dailyAccuracy(records, NOW, 0), []);
      assert.deepEqual(dailyAccuracy(records, NOW, 1), [{ day: '2026-11-28', answered: 2, correct: 1 }]);
    });

    it('starts over after a reset of everything, but not after a reset of some questions', () => {
      const afterAll = dailyAccuracy([...records, reset(at(2026, 11, 27, 12), 'all')], NOW, 14);
      assert.deepEqual(
        afterAll.filter((d) => d.answered > 0),
        [
          { day: '2026-11-27', answered: 1, correct: 1 },
          { day: '2026-11-28', answered: 2, correct: 1 },
        ],
      );
      assert.deepEqual(dailyAccuracy([...records, reset(at(2026, 11, 27, 12), ['p/q1', 'p/q2'])], NOW, 14), dailyAccuracy(records, NOW, 14));
    });

    it('keeps to calendar days across daylight-saving changes', () => {
      // Spans the 2026 changes of Europe (29 March, 25 October) and the US (8 March, 1 November).
      for (const now of [at(2026, 11, 28, 0, 30), at(2026, 3, 30, 23, 30), at(2026, 3, 10, 0, 10)]) {
        const days = dailyAccuracy([], now, 60).map((d) => d.day);
        assert.equal(new Set(days).size, 60);
        assert.equal(days[59], dayKey(now));
        for (let i = 1; i < days.length; i++) {
          const [y, m, d] = days[i - 1].split('-').map(Number);
          assert.equal(days[i], dayKey(new Date(y, m - 1, d + 1, 12).getTime()), `after ${days[i - 1]}`);
        }
      }
      // Late on the day the clocks go back or forward, answers still land on that day.
      const late = [answer('p/q1', at(2026, 11, 1, 23, 30)), answer('p/q1', at(2026, 3, 29, 23, 30)), answer('p/q1', at(2026, 3, 8, 23, 30))];
      const nov = dailyAccuracy(late, at(2026, 11, 2, 9), 2);
      assert.deepEqual(
        nov.map((d) => [d.day, d.answered]),
        [
          ['2026-11-01', 1],
          ['2026-11-02', 0],
        ],
      );
      assert.equal(dailyAccuracy(late, at(2026, 3, 30, 9), 2)[0].answered, 1);
      assert.equal(dailyAccuracy(late, at(2026, 3, 9, 9), 2)[0].answered, 1);
    });
  });

  describe('streakOf', () => {
    it('counts three days ending today', () => {
      assert.deepEqual(streakOf(onDays(2026, 11, [26, 27, 28]), NOW), { current: 3, longest: 3, answeredToday: true });
    });

    it('keeps a streak ending yesterday current while nothing is answered yet today', () => {
      assert.deepEqual(streakOf(onDays(2026, 11, [25, 26, 27]), NOW), { current: 3, longest: 3, answeredToday: false });
      // Late in the evening it still counts: a whole day has not passed.
      assert.equal(streakOf(onDays(2026, 11, [25, 26, 27]), at(2026, 11, 28, 23, 59)).current, 3);
    });

    it('breaks at a gap of a whole day and keeps the longest run', () => {
      assert.deepEqual(streakOf(onDays(2026, 11, [24, 25, 27]), NOW), { current: 1, longest: 2, answeredToday: false });
      assert.deepEqual(streakOf(onDays(2026, 11, [25, 26]), NOW), { current: 0, longest: 2, answeredToday: false });
      const records = [...onDays(2026, 10, [3, 4, 5, 6, 7, 9]), ...onDays(2026, 11, [27, 28])];
      assert.deepEqual(streakOf(records, NOW), { current: 2, longest: 5, answeredToday: true });
    });

    it('counts several answers on a day once, and none in the future', () => {
      const records = [answer('p/q1', at(2026, 11, 28, 8)), answer('p/q2', at(2026, 11, 28, 8, 30)), answer('p/q1', at(2026, 11, 27, 7)), answer('p/q1', at(2026, 11, 29, 9))];
      assert.deepEqual(streakOf(records, NOW), { current: 2, longest: 2, answeredToday: true });
      assert.deepEqual(streakOf([answer('p/q1', at(2026, 11, 28, 10))], NOW), { current: 0, longest: 0, answeredToday: false });
      assert.deepEqual(streakOf([], NOW), { current: 0, longest: 0, answeredToday: false });
    });

    it('runs across a month end and a year end', () => {
      const records = [...onDays(2026, 11, [29, 30]), ...onDays(2026, 12, [1, 2])];
      assert.deepEqual(streakOf(records, at(2026, 12, 2, 20)), { current: 4, longest: 4, answeredToday: true });
      const newYear = [...onDays(2026, 12, [30, 31]), ...onDays(2027, 1, [1])];
      assert.deepEqual(streakOf(newYear, at(2027, 1, 2, 8)), { current: 3, longest: 3, answeredToday: false });
      // Across the US autumn clock change too.
      assert.equal(streakOf(onDays(2026, 10, [30, 31]).concat(onDays(2026, 11, [1, 2])), at(2026, 11, 2, 20)).current, 4);
    });

    it('starts over after a reset of everything', () => {
      const records = [...onDays(2026, 11, [20, 21, 22, 23, 26, 27]), reset(at(2026, 11, 27, 8), 'all'), answer('p/q1', at(2026, 11, 27, 10))];
      assert.deepEqual(streakOf(records, NOW), { current: 1, longest: 1, answeredToday: false });
    });
  });

  describe('weakestTopics', () => {
    const T = at(2026, 11, 1, 9);

    function topic(id: string, questions: number, title = `Topic ${id}`): Topic {
      const qs: Question[] = Array.from({ length: questions }, (_, i) => ({
        id: `${id}-q${i}`,
        key: `p/${id}-q${i}`,
        type: 'single',
        prompt: '?',
        options: [
          { text: 'A', correct: true, why: '' },
          { text: 'B', correct: false, why: '' },
        ],
        explanation: '',
        terms: [],
        topicId: id,
        domainId: 'd1',
        packId: 'p',
        source: { file: `/p/topics/${id}.yaml`, line: 0 },
      }));
      return { id, title, domainId: 'd1', notes: '', questions: qs, cases: [], sources: [], packId: 'p', source: { file: `/p/topics/${id}.yaml`, line: 0 } };
    }

    // Answered on 1 November and looked at ten days later: wrong answers are forgotten fastest, right
    // answers given recently are remembered best.
    const topics = [topic('fresh', 2), topic('untouched1', 3), topic('wrong', 2), topic('empty', 0), topic('old', 2), topic('untouched2', 1)];
    const schedules = buildSchedules(
      [answer('p/fresh-q0', T + 9 * DAY), answer('p/fresh-q1', T + 9 * DAY), answer('p/wrong-q0', T, false), answer('p/wrong-q1', T, true), answer('p/old-q0', T), answer('p/old-q1', T)],
      () => H,
    );
    const now = T + 10 * DAY;

    it('puts the lowest recall first, then untouched topics in their order, then well-recalled ones, skipping empty ones', () => {
      const weakest = weakestTopics(topics, schedules, now);
      assert.deepEqual(
        weakest.map((t) => t.topicId),
        ['wrong', 'old', 'untouched1', 'untouched2', 'fresh'],
      );
      const [wrong, old, untouched, , fresh] = weakest;
      assert.ok(old.recall! < 0.9 && fresh.recall! >= 0.9, `only well-recalled topics go last: old ${old.recall}, fresh ${fresh.recall}`);
      assert.deepEqual([wrong.packId, wrong.title, wrong.domainId, wrong.seen, wrong.total], ['p', 'Topic wrong', 'd1', 2, 2]);
      assert.ok(wrong.recall! < old.recall! && old.recall! < fresh.recall! && fresh.recall! <= 1, `${wrong.recall} < ${old.recall} < ${fresh.recall}`);
      assert.deepEqual([old.mastered, fresh.mastered], [0, 2], 'old answers have fallen due; fresh ones are mastered');
      assert.deepEqual([untouched.seen, untouched.total, untouched.mastered, untouched.recall], [0, 3, 0, undefined]);
    });

    it('returns at most `limit` topics', () => {
      assert.deepEqual(
        weakestTopics(topics, schedules, now, 2).map((t) => t.topicId),
        ['wrong', 'old'],
      );
      assert.equal(weakestTopics(topics, schedules, now, 10).length, 5);
      assert.deepEqual(weakestTopics(topics, schedules, now, 0), []);
      assert.deepEqual(weakestTopics([], schedules, now), []);
    });

    it('breaks ties in recall by the share mastered, then by title', () => {
      // All answered right at the same moment: the same recall everywhere.
      const tied = [topic('half', 2, 'Half'), topic('beta', 1, 'Beta'), topic('alpha', 1, 'Alpha')];
      const s = buildSchedules([answer('p/half-q0', T), answer('p/beta-q0', T), answer('p/alpha-q0', T)], () => H);
      assert.deepEqual(
        weakestTopics(tied, s, T + DAY).map((t) => [t.topicId, t.mastered, t.total]),
        [
          ['half', 1, 2],
          ['alpha', 1, 1],
          ['beta', 1, 1],
        ],
      );
    });
  });
});
