import * as assert from 'node:assert/strict';
import type { Domain, Question, QuestionType } from '../../src/core/content/model';
import type { AnswerRecord } from '../../src/core/progress/records';
import { guessChance, parseExamDate, readiness } from '../../src/core/progress/readiness';
import { buildSchedules, type QuestionSchedule } from '../../src/core/progress/scheduler';

const H = 'aaaaaaaaaaaa';
const MINUTE = 60_000;
// Local times, so the tests mean the same in any time zone.
const T = new Date(2026, 10, 28, 9).getTime();

function question(id: string, domainId: string, options = 4, correct = 1, type: QuestionType = correct > 1 ? 'multiple' : 'single'): Question {
  return {
    id,
    key: `p/${id}`,
    type,
    prompt: `Question ${id}?`,
    options: Array.from({ length: options }, (_, i) => ({ text: `Option ${i}`, correct: i < correct, why: 'Because.' })),
    explanation: '',
    terms: [],
    topicId: 't1',
    domainId,
    packId: 'p',
    source: { file: '/p/topics/t1.yaml', line: 0 },
  } as Question;
}

function answer(q: Question, at: number, ok: boolean): AnswerRecord {
  return { v: 1, kind: 'answer', q: q.key, at, c: [0], ok, h: H, w: 'w1' };
}

function answered(questions: readonly Question[], at: number, ok: boolean): Map<string, QuestionSchedule> {
  return buildSchedules(
    questions.map((q) => answer(q, at, ok)),
    () => H,
  );
}

const NONE = new Map<string, QuestionSchedule>();
const DOMAINS: Domain[] = [
  { id: 'd1', title: 'One', weight: 60 },
  { id: 'd2', title: 'Two', weight: 40 },
];
// d1: single choice of 4 (guess 1/4); d2: choose 2 of 5 (guess 1/10).
const QUESTIONS = [question('a1', 'd1'), question('a2', 'd1'), question('a3', 'd1'), question('b1', 'd2', 5, 2), question('b2', 'd2', 5, 2)];

function near(actual: number, expected: number, what: string, tolerance = 1e-9): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual}, expected ${expected}`);
}

describe('readiness', () => {
  it('gives the chance of a blind guess from the options and the number to choose', () => {
    assert.equal(guessChance(question('q', 'd1', 4, 1)), 1 / 4);
    assert.equal(guessChance(question('q', 'd1', 5, 2)), 1 / 10);
    assert.equal(guessChance(question('q', 'd1', 2, 1)), 1 / 2);
    assert.equal(guessChance(question('q', 'd1', 6, 3)), 1 / 20);
    assert.equal(guessChance(question('q', 'd1', 0, 0)), 0, 'no options, no chance');
  });

  it('puts an untouched pack at the weighted guess level, which is not a pass', () => {
    const r = readiness(DOMAINS, QUESTIONS, NONE, T);
    near(r.expected, 0.6 * 0.25 + 0.4 * 0.1, 'expected');
    assert.equal(r.estimatedScore, 190);
    assert.deepEqual([r.passScore, r.maxScore, r.likelyPass], [700, 1000, false]);
    assert.deepEqual([r.seen, r.total, r.at], [0, 5, T]);
    assert.deepEqual(
      r.byDomain.map((d) => [d.domainId, d.title, d.weight, d.seen, d.total]),
      [
        ['d1', 'One', 60, 0, 3],
        ['d2', 'Two', 40, 0, 2],
      ],
    );
    near(r.byDomain[0].expected, 0.25, 'd1');
    near(r.byDomain[1].expected, 0.1, 'd2');
    assert.deepEqual(r.leftOut, []);
  });

  it('is about 1 and a pass for a pack answered all right just now', () => {
    const r = readiness(DOMAINS, QUESTIONS, answered(QUESTIONS, T, true), T + MINUTE);
    assert.ok(r.expected > 0.99 && r.expected <= 1, `expected ${r.expected}`);
    assert.ok(r.estimatedScore >= 990);
    assert.equal(r.likelyPass, true);
    assert.deepEqual([r.seen, r.total], [5, 5]);
  });

  it('counts questions last answered wrong at the guess level, even right after the answer', () => {
    // FSRS itself predicts recall near 1 right after any answer; "all wrong, likely pass" would be absurd.
    const r = readiness(DOMAINS, QUESTIONS, answered(QUESTIONS, T, false), T + MINUTE);
    near(r.expected, 0.19, 'expected');
    assert.equal(r.likelyPass, false);
    assert.equal(r.seen, 5);
  });

  it('predicts less the later the exam, never below the guess level', () => {
    const schedules = answered(QUESTIONS, T, true);
    const dates = ['2026-11-29', '2026-12-15', '2027-02-01', '2027-11-28'].map((v) => {
      const parsed = parseExamDate(v);
      assert.ok(parsed && 'at' in parsed, v);
      return parsed.at;
    });
    const figures = dates.map((at) => readiness(DOMAINS, QUESTIONS, schedules, at));
    for (let i = 1; i < figures.length; i++) assert.ok(figures[i].expected < figures[i - 1].expected, `falls: ${figures.map((f) => f.expected).join(', ')}`);
    assert.ok(figures.every((f) => f.expected > 0.19));
    assert.equal(figures[0].likelyPass, true, 'tomorrow');
    assert.equal(figures[3].likelyPass, false, 'a year on, with no review');
    assert.equal(figures[1].at, dates[1]);
  });

  it('weighs domains: strength in a heavy domain counts for more than in a light one', () => {
    const domains: Domain[] = [
      { id: 'heavy', title: 'Heavy', weight: 80 },
      { id: 'light', title: 'Light', weight: 20 },
    ];
    const heavy = [question('h1', 'heavy'), question('h2', 'heavy')];
    const light = [question('l1', 'light'), question('l2', 'light')];
    const all = [...heavy, ...light];
    const strongHeavy = readiness(domains, all, answered(heavy, T, true), T + MINUTE);
    const strongLight = readiness(domains, all, answered(light, T, true), T + MINUTE);
    assert.ok(strongHeavy.expected > strongLight.expected + 0.4, `${strongHeavy.expected} vs ${strongLight.expected}`);
    assert.equal(strongHeavy.likelyPass, true);
    assert.equal(strongLight.likelyPass, false);
    assert.deepEqual(
      strongHeavy.byDomain.map((d) => d.share),
      [0.8, 0.2],
    );
  });

  it('leaves out and names domains without questions, spreading their weight over the rest', () => {
    const domains: Domain[] = [
      { id: 'd1', title: 'One', weight: 60 },
      { id: 'empty', title: 'Nothing here yet', weight: 10 },
      { id: 'd2', title: 'Two', weight: 30 },
    ];
    // Listed out of domain order, plus one question of a domain the pack does not have.
    const questions = [question('b1', 'd2', 2, 1), question('a1', 'd1'), question('x1', 'gone')];
    const r = readiness(domains, questions, NONE, T);
    assert.deepEqual(r.leftOut, ['Nothing here yet']);
    assert.deepEqual(
      r.byDomain.map((d) => d.domainId),
      ['d1', 'd2'],
      'pack domain order',
    );
    near(r.byDomain[0].share, 60 / 90, 'd1 share');
    near(r.expected, (60 * 0.25 + 30 * 0.5) / 90, 'renormalised over the domains with questions');
    assert.equal(r.total, 2, 'the question of an unknown domain is not counted');
  });

  it('counts domains equally when their weights are all zero, and is 0 with no questions at all', () => {
    const zero: Domain[] = [
      { id: 'd1', title: 'One', weight: 0 },
      { id: 'd2', title: 'Two', weight: 0 },
    ];
    near(readiness(zero, QUESTIONS, NONE, T).expected, (0.25 + 0.1) / 2, 'equal shares');
    const empty = readiness(DOMAINS, [], NONE, T);
    assert.deepEqual([empty.expected, empty.estimatedScore, empty.likelyPass, empty.total], [0, 0, false, 0]);
    assert.deepEqual(empty.leftOut, ['One', 'Two']);
  });

  it('scales the score to the exam and passes at exactly the pass score', () => {
    // Untouched: 0.19 of the maximum.
    assert.equal(readiness(DOMAINS, QUESTIONS, NONE, T, { passScore: 700, maxScore: 1000 }).estimatedScore, 190);
    const small = readiness(DOMAINS, QUESTIONS, NONE, T, { passScore: 19, maxScore: 100 });
    assert.deepEqual([small.estimatedScore, small.passScore, small.maxScore, small.likelyPass], [19, 19, 100, true]);
    assert.equal(readiness(DOMAINS, QUESTIONS, NONE, T, { passScore: 20, maxScore: 100 }).likelyPass, false);
    // Rounded to the nearest point: 0.19 * 30 = 5.7.
    assert.equal(readiness(DOMAINS, QUESTIONS, NONE, T, { passScore: 6, maxScore: 30 }).estimatedScore, 6);
  });

  describe('parseExamDate', () => {
    it('reads nothing as today and a calendar date as local noon of that day', () => {
      assert.equal(parseExamDate(''), undefined);
      assert.equal(parseExamDate('   '), undefined);
      assert.deepEqual(parseExamDate('2026-12-15'), { at: new Date(2026, 11, 15, 12).getTime() });
      assert.deepEqual(parseExamDate(' 2026-12-15 '), { at: new Date(2026, 11, 15, 12).getTime() }, 'spaces around are ignored');
      assert.deepEqual(parseExamDate('2028-02-29'), { at: new Date(2028, 1, 29, 12).getTime() }, 'a leap day');
      assert.deepEqual(parseExamDate('2020-01-01'), { at: new Date(2020, 0, 1, 12).getTime() }, 'a past date is the caller’s call');
    });

    it('explains what is wrong with anything else, naming the value and the form', () => {
      for (const value of ['2026-02-30', '15/12/2026', '2026-13-01', '2027-02-29', '2026-1-5', 'tomorrow']) {
        const parsed = parseExamDate(value);
        assert.ok(parsed && 'error' in parsed, value);
        assert.ok(parsed.error.includes(`"${value}"`), parsed.error);
        assert.ok(parsed.error.includes('YYYY-MM-DD'), parsed.error);
      }
    });
  });
});
