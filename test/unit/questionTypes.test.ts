import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Domain, MatchingQuestion, OrderingQuestion, Pack, Question, Topic } from '../../src/core/content/model';
import { drawExam, seededRandom } from '../../src/core/exam/draw';
import { ExamSession } from '../../src/core/exam/examSession';
import { answerKeyHash, answerRecordOf, checkRecord, examRecordOf, examResultOf, parseRecord, serializeRecord } from '../../src/core/progress/records';
import { guessChance } from '../../src/core/progress/readiness';
import { buildSchedules } from '../../src/core/progress/scheduler';
import { cleanAnswer, isComplete, isCorrectAnswer, NO_RESPONSE, presentedOrder, responsesOf, rightAnswer, rightParts } from '../../src/core/quiz/answers';
import { QuizSession } from '../../src/core/quiz/session';
import { brief, load, PACK_YAML, topic } from './helpers';

const base = { explanation: 'E', terms: [], topicId: 't', domainId: 'd', packId: 'p', source: { file: 'f', line: 0 } };

function ordering(id: string, n = 4): OrderingQuestion {
  return { ...base, id, key: `p/${id}`, type: 'ordering', prompt: 'Order', items: Array.from({ length: n }, (_, i) => ({ text: `step ${i}`, why: `why ${i}` })) };
}

function matching(id: string, n = 3, distractors = 1): MatchingQuestion {
  return {
    ...base,
    id,
    key: `p/${id}`,
    type: 'matching',
    prompt: 'Match',
    pairs: Array.from({ length: n }, (_, i) => ({ prompt: `prompt ${i}`, response: `response ${i}`, why: `why ${i}` })),
    distractors: Array.from({ length: distractors }, (_, i) => ({ text: `extra ${i}`, why: `no ${i}` })),
  };
}

describe('question types: answers and scoring', () => {
  const o = ordering('o');
  const m = matching('m');

  // [question, answer, right in full, parts right]
  const table: [string, Question, number[], boolean, number][] = [
    ['ordering in the right order', o, [0, 1, 2, 3], true, 4],
    ['ordering with two swapped', o, [1, 0, 2, 3], false, 2],
    ['ordering all wrong', o, [3, 2, 1, 0], false, 0],
    ['ordering rotated', o, [1, 2, 3, 0], false, 0],
    ['matching all right', m, [0, 1, 2], true, 3],
    ['matching with a distractor chosen', m, [0, 1, 3], false, 2],
    ['matching with two swapped', m, [1, 0, 2], false, 1],
    ['matching with a prompt left open', m, [0, 1, NO_RESPONSE], false, 2],
  ];
  for (const [name, q, answer, right, parts] of table) {
    it(`${name}: ${right ? 'right' : 'wrong'} in full, ${parts} part${parts === 1 ? '' : 's'} right`, () => {
      assert.equal(isCorrectAnswer(q, answer), right);
      assert.equal(rightParts(q, answer).right, parts);
    });
  }

  it('keeps only whole answers: a permutation for ordering, each response once for matching', () => {
    assert.deepEqual(cleanAnswer(o, [2, 0, 1, 3]), [2, 0, 1, 3]);
    assert.equal(cleanAnswer(o, [0, 1, 2]), undefined, 'an item missing');
    assert.equal(cleanAnswer(o, [0, 0, 1, 2]), undefined, 'an item twice');
    assert.equal(cleanAnswer(o, [0, 1, 2, 4]), undefined, 'no item 4');
    assert.equal(cleanAnswer(m, [0, 0, 1]), undefined, 'a response used twice');
    assert.equal(cleanAnswer(m, [0, 1, 4]), undefined, 'no response 4');
    assert.equal(cleanAnswer(m, [0, 1, NO_RESPONSE]), undefined, 'practice needs every prompt');
    assert.deepEqual(cleanAnswer(m, [0, 1, NO_RESPONSE], { partial: true }), [0, 1, NO_RESPONSE], 'an exam may hold a half-done answer');
    assert.equal(isComplete(m, [0, 1, NO_RESPONSE]), false);
    assert.deepEqual(rightAnswer(m), [0, 1, 2]);
    assert.deepEqual(responsesOf(m).map((r) => r.text), ['response 0', 'response 1', 'response 2', 'extra 0']);
  });

  it('never shows an ordering in its right order, and shows the same order again for the same seed', () => {
    for (let seed = 0; seed < 200; seed++) {
      const order = presentedOrder(o, seed);
      assert.deepEqual([...order].sort(), [0, 1, 2, 3]);
      assert.notDeepEqual(order, [0, 1, 2, 3], `seed ${seed}`);
      assert.deepEqual(presentedOrder(o, seed), order);
    }
    assert.deepEqual([...presentedOrder(m, 7)].sort(), [0, 1, 2, 3], 'every response of a matching question, distractors too');
  });

  it('rates a practice answer Good only when right in full, Again otherwise (FSRS)', () => {
    const s = new QuizSession([o, m], () => 1_000);
    const wrong = s.answer([1, 0, 2, 3])!;
    assert.equal(wrong.correct, false);
    assert.equal(wrong.kind, 'ordering');
    s.next();
    const right = s.answer([0, 1, 2])!;
    assert.equal(right.correct, true);
    const records = [answerRecordOf(wrong, answerKeyHash(o), 'w'), answerRecordOf(right, answerKeyHash(m), 'w')];
    const schedules = buildSchedules(records, (k) => (k === o.key ? answerKeyHash(o) : answerKeyHash(m)));
    assert.equal(schedules.get(o.key)!.lastCorrect, false);
    assert.equal(schedules.get(m.key)!.lastCorrect, true);
    assert.ok(schedules.get(m.key)!.due > schedules.get(o.key)!.due, 'a right answer comes back later than a wrong one');
  });

  it('gives the blind-guess chance the exam would: 1/n! for ordering, 1/(k·(k−1)·…) for matching', () => {
    assert.equal(guessChance(ordering('o3', 3)), 1 / 6);
    assert.equal(guessChance(ordering('o5', 5)), 1 / 120);
    assert.equal(guessChance(matching('m3', 3, 0)), 1 / 6);
    assert.equal(guessChance(matching('m3', 3, 1)), 1 / (4 * 3 * 2));
    assert.equal(guessChance(matching('m7', 7, 2)), 1 / (9 * 8 * 7 * 6 * 5 * 4 * 3));
  });
});

describe('question types: the progress log', () => {
  const o = ordering('o');
  const m = matching('m');

  it('writes ordering and matching answers as version 2 and reads them back; choice answers stay version 1', () => {
    const ro = answerRecordOf({ questionKey: o.key, kind: 'ordering', chosen: [2, 0, 1, 3], correct: false, at: 5 }, answerKeyHash(o), 'w');
    assert.deepEqual(ro, { v: 2, kind: 'answer', q: 'p/o', at: 5, c: [2, 0, 1, 3], ok: false, h: answerKeyHash(o), w: 'w', t: 'ordering' });
    assert.deepEqual(parseRecord(serializeRecord(ro)), ro);
    const rm = answerRecordOf({ questionKey: m.key, kind: 'matching', chosen: [0, 3, NO_RESPONSE], correct: false, at: 6 }, answerKeyHash(m), 'w');
    assert.deepEqual(parseRecord(serializeRecord(rm)), rm);
    const rc = answerRecordOf({ questionKey: 'p/c', kind: 'choice', chosen: [2, 0], correct: true, at: 7 }, 'aaaaaaaaaaaa', 'w');
    assert.equal(rc.v, 1);
    assert.equal('t' in rc, false);
  });

  it('refuses malformed version 2 answers, and version 1 lines written before still load unchanged', () => {
    const good = { v: 2, kind: 'answer', q: 'p/o', at: 5, c: [1, 0, 2], ok: false, h: 'aaaaaaaaaaaa', w: 'w', t: 'ordering' };
    const bad = [
      { ...good, t: undefined },
      { ...good, t: 'single' },
      { ...good, c: [0, 0, 1] },
      { ...good, c: [0, 1, 3] },
      { ...good, t: 'matching', c: [0, 0, 1] },
      { ...good, v: 1 },
      { v: 2, kind: 'reset', at: 5, w: 'w', keys: 'all' },
    ];
    for (const b of bad) assert.ok('error' in checkRecord(b), JSON.stringify(b));
    const old = '{"v":1,"kind":"answer","q":"p/c","at":1,"c":[0,2],"ok":true,"h":"aaaaaaaaaaaa","w":"w"}';
    assert.deepEqual(parseRecord(old), JSON.parse(old));
  });

  it('changes the answer-key hash when the order of items or a pair changes, not when only the prompt does', () => {
    const h = answerKeyHash(o);
    assert.equal(answerKeyHash({ ...o, prompt: 'Put them in order' }), h);
    assert.notEqual(answerKeyHash({ ...o, items: [...o.items].reverse() }), h);
    const hm = answerKeyHash(m);
    assert.equal(answerKeyHash({ ...m, pairs: m.pairs.map((p) => ({ ...p, why: 'changed' })) }), hm);
    assert.notEqual(answerKeyHash({ ...m, pairs: m.pairs.map((p, i) => (i === 0 ? { ...p, response: 'other' } : p)) }), hm);
    assert.notEqual(answerKeyHash({ ...m, distractors: [] }), hm);
  });

  it('keeps an exam of mixed types through its record: version 2 only when it holds ordering or matching', () => {
    const s = ExamSession.start({ id: 'x', packId: 'p', title: 'T', questions: [o, m, choice('c')], limitMs: 60_000, passScore: 700, maxScore: 1000, now: 0, seed: 1 });
    s.answer(o.key, [0, 1, 2, 3]);
    s.answer(m.key, [1, NO_RESPONSE, 0]);
    assert.deepEqual(s.counts(), { answered: 1, unanswered: 2, flagged: 0, total: 3 }, 'a half-matched question is not answered yet');
    const result = s.submit(1_000, 'submitted');
    const record = examRecordOf(result, 'w');
    assert.equal(record.v, 2);
    assert.deepEqual(record.items.map((i) => i.slice(1)), [
      [[0, 1, 2, 3], true, 'd', 'ordering'],
      [[1, NO_RESPONSE, 0], false, 'd', 'matching'],
      [[], false, 'd'],
    ]);
    assert.deepEqual(parseRecord(serializeRecord(record)), record);
    assert.deepEqual(examResultOf(record).items.map((i) => i.kind), ['ordering', 'matching', 'choice']);
    const onlyChoice = ExamSession.start({ id: 'y', packId: 'p', title: 'T', questions: [choice('c')], limitMs: 60_000, passScore: 700, maxScore: 1000, now: 0 });
    assert.equal(examRecordOf(onlyChoice.submit(1, 'submitted'), 'w').v, 1);
  });
});

function choice(id: string, domainId = 'd', caseKey?: string): Question {
  return { ...base, id, key: `p/${id}`, domainId, type: 'single', prompt: 'P', options: [{ text: 'a', correct: true, why: 'w' }, { text: 'b', correct: false, why: 'w' }], ...(caseKey ? { caseKey } : {}) };
}

describe('question types: the exam draw with case studies', () => {
  const AIF: Domain[] = [
    { id: 'fund', title: 'F', weight: 20 },
    { id: 'genai', title: 'G', weight: 24 },
    { id: 'apps', title: 'A', weight: 28 },
    { id: 'resp', title: 'R', weight: 14 },
    { id: 'sec', title: 'S', weight: 14 },
  ];

  /** `standalone[i]` ordinary questions and `cases[i]` case studies (of `caseSize` questions) in domain i. */
  function pack(standalone: number[], cases: number[], caseSize = 3): Pack {
    const topics: Topic[] = AIF.map((d, i) => {
      const questions: Question[] = Array.from({ length: standalone[i] }, (_, n) => choice(`${d.id}-${n}`, d.id));
      const studies = Array.from({ length: cases[i] }, (_, c) => {
        const key = `p/${d.id}-case-${c}`;
        const qs = Array.from({ length: caseSize }, (_, n) => choice(`${d.id}-case-${c}-${n}`, d.id, key));
        questions.push(...qs);
        return { id: `${d.id}-case-${c}`, key, title: `Case ${c}`, scenario: 'S', questionKeys: qs.map((q) => q.key), topicId: `t-${d.id}`, packId: 'p', source: { file: 'f', line: 0 } };
      });
      return { id: `t-${d.id}`, title: d.title, domainId: d.id, notes: '', questions, cases: studies, sources: [], packId: 'p', source: { file: 'f', line: 0 } };
    });
    return { id: 'p', title: 'P', version: 1, exam: { questions: 65, minutes: 90, passScore: 700, maxScore: 1000 }, domains: AIF, tasks: [], topics, terms: [], origin: 'workspace', root: '/p' };
  }

  it('keeps the domain weights, at most one case study, whole and together, and never repeats a question', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 5, maxLength: 5 }), fc.integer({ min: 2, max: 4 }), fc.integer(), (cases, size, seed) => {
        const p = pack([40, 40, 40, 40, 40], cases, size);
        const d = drawExam(p, { random: seededRandom(seed) });
        assert.equal(d.questions.length, 65);
        assert.deepEqual(d.perDomain.map((x) => x.drawn), [13, 16, 18, 9, 9], 'the weights hold');
        assert.deepEqual(
          AIF.map((dom) => d.questions.filter((q) => q.domainId === dom.id).length),
          [13, 16, 18, 9, 9],
        );
        assert.equal(new Set(d.questions.map((q) => q.key)).size, 65, 'no repeats');
        const caseKeys = new Set(d.questions.filter((q) => q.caseKey).map((q) => q.caseKey));
        assert.ok(caseKeys.size <= 1, 'at most one case study');
        if (caseKeys.size === 1) {
          const at = d.questions.map((q, i) => (q.caseKey ? i : -1)).filter((i) => i >= 0);
          assert.equal(at.length, size, 'the whole case study');
          assert.equal(at[at.length - 1] - at[0], size - 1, 'its questions together');
          assert.equal(d.caseKey, [...caseKeys][0]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('draws a case study about as often as the pack holds case questions', () => {
    // 6 case studies of 3 in 498 questions: 65 × 18/498 ≈ 2.35 case questions, so a case in ≈ 78% of exams.
    const p = pack([90, 110, 130, 60, 60], [1, 1, 2, 1, 1]);
    const random = seededRandom(42);
    let withCase = 0;
    for (let i = 0; i < 2000; i++) if (drawExam(p, { random }).caseKey) withCase++;
    assert.ok(withCase / 2000 > 0.72 && withCase / 2000 < 0.84, `${withCase} of 2000`);
  });

  it('includes a small pack\'s only case study when the exam takes every question', () => {
    const p = pack([2, 0, 0, 0, 0], [0, 0, 1, 0, 0], 2);
    const d = drawExam({ ...p, exam: { ...p.exam!, questions: 4 } }, { random: seededRandom(3) });
    assert.equal(d.questions.length, 4);
    assert.equal(d.caseKey, 'p/apps-case-0');
  });
});

describe('question types: the validator', () => {
  const ORDER = `  - id: o1
    type: ordering
    prompt: Put these in order.
    items:
      - { text: First, why: It starts. }
      - { text: Second, why: It follows. }
      - { text: Third, why: It ends. }
    explanation: That is the order.
`;
  const MATCH = `  - id: m1
    type: matching
    prompt: Match them.
    pairs:
      - { prompt: P1, response: R1, why: One. }
      - { prompt: P2, response: R2, why: Two. }
      - { prompt: P3, response: R3, why: Three. }
    distractors:
      - { text: R4, why: None. }
    explanation: Each to its own.
`;
  const CASE = `cases:
  - id: c1
    title: A case
    scenario: |
      A company wants to do something.
    questions:
      - id: c1-a
        type: single
        prompt: First?
        options:
          - { text: A, correct: true, why: Yes. }
          - { text: B, why: No. }
        explanation: A.
      - id: c1-b
        type: single
        prompt: Second?
        options:
          - { text: A, why: No. }
          - { text: B, correct: true, why: Yes. }
        explanation: B.
`;

  it('loads every new type with zero problems, a case study\'s questions after the others', () => {
    const r = load({ 'topics/t1.yaml': `${topic('t1', ORDER + MATCH)}${CASE}` });
    assert.deepEqual(r.problems, []);
    const t = r.pack!.topics[0];
    assert.deepEqual(t.questions.map((q) => [q.id, q.type, q.caseKey]), [
      ['o1', 'ordering', undefined],
      ['m1', 'matching', undefined],
      ['c1-a', 'single', 'demo/c1'],
      ['c1-b', 'single', 'demo/c1'],
    ]);
    assert.deepEqual(t.cases.map((c) => [c.key, c.title, c.questionKeys]), [['demo/c1', 'A case', ['demo/c1-a', 'demo/c1-b']]]);
  });

  // One fixture per new code, with the exact range an author is sent to: [code, file, line, char, line, char].
  const cases: { name: string; yaml: string; expect: ReturnType<typeof brief>[]; ids?: string[] }[] = [
    {
      name: 'ordering-item-count: two items are too few',
      yaml: topic('t1', ORDER.replace('      - { text: Third, why: It ends. }\n', '')),
      expect: [['ordering-item-count', 'topics/t1.yaml', 9, 6, 10, 42]],
      ids: [],
    },
    {
      name: 'ordering-item-count: six items are too many',
      yaml: topic('t1', ORDER.replace('      - { text: Third, why: It ends. }\n', ['Third', '4th', '5th', '6th'].map((x) => `      - { text: ${x}, why: W. }\n`).join(''))),
      expect: [['ordering-item-count', 'topics/t1.yaml', 9, 6, 14, 30]],
      ids: [],
    },
    {
      name: 'matching-pair-count: two pairs are too few',
      yaml: topic('t1', MATCH.replace('      - { prompt: P3, response: R3, why: Three. }\n', '')),
      expect: [['matching-pair-count', 'topics/t1.yaml', 9, 6, 10, 47]],
      ids: [],
    },
    {
      name: 'duplicate-text: an ordering item written twice',
      yaml: topic('t1', ORDER.replace('{ text: Third,', '{ text: first,')),
      expect: [['duplicate-text', 'topics/t1.yaml', 11, 16, 11, 21]],
      ids: [],
    },
    {
      name: 'duplicate-text: a matching prompt written twice',
      yaml: topic('t1', MATCH.replace('prompt: P3,', 'prompt: P1,')),
      expect: [['duplicate-text', 'topics/t1.yaml', 11, 18, 11, 20]],
      ids: [],
    },
    {
      name: 'duplicate-text: a distractor equal to a right response',
      yaml: topic('t1', MATCH.replace('{ text: R4,', '{ text: R2,')),
      expect: [['duplicate-text', 'topics/t1.yaml', 13, 16, 13, 18]],
      ids: [],
    },
    {
      name: 'missing-why on an item, a pair and a distractor: warnings, the questions load',
      yaml: topic('t1', ORDER.replace(', why: It follows.', '') + MATCH.replace(', why: Two.', '').replace(', why: None.', '')),
      expect: [
        ['missing-why', 'topics/t1.yaml', 10, 10, 10, 14],
        ['missing-why', 'topics/t1.yaml', 18, 10, 18, 16],
        ['missing-why', 'topics/t1.yaml', 21, 10, 21, 14],
      ],
      ids: ['o1', 'm1'],
    },
    {
      name: 'field-not-for-type: options on an ordering question, with the field it takes',
      yaml: topic('t1', ORDER.replace('    items:', '    options: []\n    items:')),
      expect: [['field-not-for-type', 'topics/t1.yaml', 8, 4, 8, 11]],
      ids: ['o1'],
    },
    {
      name: 'missing-field: an ordering question without items',
      yaml: topic('t1', ORDER.replace(/ {4}items:\n( {6}-.*\n)+/, '')),
      expect: [['missing-field', 'topics/t1.yaml', 6, 10, 6, 18]],
      ids: [],
    },
    {
      name: 'invalid-value: a misspelt type, with a suggestion',
      yaml: topic('t1', ORDER.replace('type: ordering', 'type: odering')),
      expect: [['invalid-value', 'topics/t1.yaml', 6, 10, 6, 17]],
      ids: [],
    },
    {
      name: 'case-too-few-questions: one question is not a case study',
      yaml: topic('t1', ORDER) + CASE.replace(/ {6}- id: c1-b[\s\S]*$/, ''),
      expect: [['case-too-few-questions', 'topics/t1.yaml', 19, 6, 25, 23]],
      ids: ['o1'],
    },
    {
      name: 'empty-scenario: the case study is skipped',
      yaml: topic('t1', ORDER) + CASE.replace('    scenario: |\n      A company wants to do something.\n', '    scenario: ""\n'),
      expect: [['empty-scenario', 'topics/t1.yaml', 16, 14, 16, 16]],
      ids: ['o1'],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const r = load({ 'topics/t1.yaml': c.yaml });
      assert.deepEqual(r.problems.map(brief), c.expect);
      for (const p of r.problems) assert.ok(p.message.length > 20, `message says what to fix: ${p.message}`);
      if (c.ids) assert.deepEqual(r.pack?.topics[0]?.questions.map((q) => q.id) ?? [], c.ids);
    });
  }

  it('suggests the field a question type takes, and the type a misspelling meant', () => {
    const r = load({ 'topics/t1.yaml': topic('t1', ORDER.replace('    items:', '    options: []\n    items:')) });
    assert.match(r.problems[0].message, /Did you mean "items"\?/);
    const typo = load({ 'topics/t1.yaml': topic('t1', ORDER.replace('type: ordering', 'type: odering')) });
    assert.match(typo.problems[0].message, /Did you mean "ordering"\?/);
  });

  it('reports every problem of a file in one pass, even of a topic that cannot load', () => {
    // No notes (a warning: the topic loads), a duplicate id, an unknown term and a single with two keys.
    const yaml = `id: t2
title: T2
domain: d1
questions:
  - id: q1
    type: single
    prompt: P
    options:
      - { text: A, correct: true, why: W. }
      - { text: B, correct: true, why: W. }
    explanation: E
    terms: [nothing]
  - id: q9
    type: single
    prompt: P
    options:
      - { text: A, correct: true, why: W. }
      - { text: B, why: W. }
    explanation: E
`;
    const r = load({ 'topics/t2.yaml': yaml });
    assert.deepEqual(r.problems.map((p) => p.code), ['missing-notes', 'duplicate-id', 'unknown-term', 'single-many-correct']);
    assert.deepEqual(r.pack?.topics.find((t) => t.id === 't2')?.questions.map((q) => q.id), ['q9'], 'the topic loads its good question');
    // The same file under an unknown domain: the topic is skipped, yet its questions' problems are still told.
    const skipped = load({ 'topics/t2.yaml': yaml.replace('domain: d1', 'domain: d7').replace('questions:', 'notes: N\nquestions:') });
    assert.deepEqual(skipped.problems.map((p) => p.code), ['unknown-domain', 'duplicate-id', 'unknown-term', 'single-many-correct']);
  });

  it('checks tasks, sources and review dates', () => {
    const pack = `${PACK_YAML}tasks:\n  - { id: "1.1", title: First task, domain: d1 }\n  - { id: "1.2", title: Second task }\n`;
    const t = (extra: string) => topic('t1', '', extra).replace('questions:\n', '');
    const ok = load({ 'pack.yaml': pack, 'topics/t1.yaml': t('task: "1.2"\nshort: T1\nsources:\n  - https://docs.aws.amazon.com/x\nreviewed: "2026-11"\n') });
    assert.deepEqual(ok.problems, []);
    assert.deepEqual(ok.pack!.tasks, [{ id: '1.1', title: 'First task', domainId: 'd1' }, { id: '1.2', title: 'Second task' }]);
    assert.deepEqual([ok.pack!.topics[0].short, ok.pack!.topics[0].sources, ok.pack!.topics[0].reviewed], ['T1', ['https://docs.aws.amazon.com/x'], '2026-11']);
    const bad = load({ 'pack.yaml': pack, 'topics/t1.yaml': t('task: "1.3"\nsources:\n  - docs.aws.amazon.com/x\nreviewed: "2099-01"\n') });
    assert.deepEqual(bad.problems.map(brief), [
      ['unknown-task', 'topics/t1.yaml', 3, 6, 3, 11],
      ['invalid-source', 'topics/t1.yaml', 5, 4, 5, 25],
      ['invalid-date', 'topics/t1.yaml', 6, 10, 6, 19],
    ]);
    assert.match(bad.problems[0].message, /Did you mean "1\.[12]"\?/);
    const badMonth = load({ 'topics/t1.yaml': t('reviewed: "2026-13"\n') });
    assert.deepEqual(badMonth.problems.map((p) => p.code), ['invalid-date']);
    // Without a task list, any task is accepted, as before.
    assert.deepEqual(load({ 'topics/t1.yaml': t('task: "9.9"\n') }).problems, []);
  });
});
