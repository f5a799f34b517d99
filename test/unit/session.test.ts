import * as assert from 'node:assert/strict';
import type { Question } from '../../src/core/content/model';
import { isCorrectAnswer as isCorrectChoice } from '../../src/core/quiz/answers';
import { QuizSession } from '../../src/core/quiz/session';

function q(id: string, correct: number[], n = 4, type: 'single' | 'multiple' = correct.length > 1 ? 'multiple' : 'single'): Question {
  return {
    id,
    key: `p/${id}`,
    type,
    prompt: `Prompt ${id}`,
    options: Array.from({ length: n }, (_, i) => ({ text: `o${i}`, correct: correct.includes(i), why: `why ${i}` })),
    explanation: 'e',
    terms: [],
    topicId: 't',
    domainId: 'd',
    packId: 'p',
    source: { file: 'f', line: 0 },
  };
}

describe('quiz session', () => {
  it('scores single answer by the one correct option', () => {
    assert.equal(isCorrectChoice(q('a', [2]), [2]), true);
    assert.equal(isCorrectChoice(q('a', [2]), [1]), false);
  });

  it('scores multiple response right only with every correct option and no wrong one', () => {
    const m = q('m', [0, 3], 5);
    assert.equal(isCorrectChoice(m, [0, 3]), true);
    assert.equal(isCorrectChoice(m, [3, 0]), true);
    assert.equal(isCorrectChoice(m, [0]), false, 'partial is wrong');
    assert.equal(isCorrectChoice(m, [0, 3, 1]), false, 'an extra wrong option is wrong');
    assert.equal(isCorrectChoice(m, []), false);
  });

  it('records each answer once with time, choices and verdict, then moves on and summarises', () => {
    let now = 1000;
    const s = new QuizSession([q('a', [0]), q('b', [1]), q('c', [0, 2])], () => now);
    const e1 = s.answer([0]);
    assert.deepEqual(e1, { questionKey: 'p/a', kind: 'choice', chosen: [0], correct: true, at: 1000 });
    assert.equal(s.answer([1]), undefined, 'a second answer to the same question is ignored');
    assert.equal(s.next(), true);
    now = 2000;
    assert.equal(s.answer([3])?.correct, false);
    s.next();
    assert.equal(s.answer([2, 0, 2, 9])?.chosen.join(), '0,2', 'duplicates and out-of-range choices are dropped');
    assert.equal(s.next(), false, 'no question after the last');
    assert.equal(s.finished, true);
    assert.deepEqual(s.score(), { correct: 2, answered: 3, total: 3 });
    assert.deepEqual(s.missed().map((x) => x.id), ['b']);
  });

  it('ignores an empty answer', () => {
    const s = new QuizSession([q('a', [0])]);
    assert.equal(s.answer([]), undefined);
    assert.equal(s.score().answered, 0);
  });

  it('flags and unflags the current question', () => {
    const s = new QuizSession([q('a', [0]), q('b', [1])]);
    assert.equal(s.toggleFlag(), true);
    assert.equal(s.isFlagged('p/a'), true);
    assert.equal(s.toggleFlag(), false);
  });

  it('restores from its state, dropping questions that no longer exist', () => {
    const qs = [q('a', [0]), q('b', [1]), q('c', [2])];
    const s = new QuizSession(qs);
    s.answer([0]);
    s.next();
    s.toggleFlag();
    const state = s.state();
    const byKey = new Map(qs.filter((x) => x.id !== 'c').map((x) => [x.key, x]));
    const r = QuizSession.restore(state, (k) => byKey.get(k));
    assert.equal(r.questions.length, 2);
    assert.equal(r.index, 1);
    assert.deepEqual(r.answerOf('p/a'), [0]);
    assert.equal(r.isFlagged('p/b'), true);
  });
});
