import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { loadPack } from '../../src/core/content/loader';
import type { Domain, Pack, Question, Topic } from '../../src/core/content/model';
import { readPackFolder } from '../../src/core/content/packFiles';
import { allocateByWeight, drawExam, seededRandom } from '../../src/core/exam/draw';
import { ExamSession, isExamState, type ExamResult, type ExamState } from '../../src/core/exam/examSession';
import { scoreExam } from '../../src/core/exam/score';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 0, 5, 9);

/** The AIF-C01 domains and weights. */
const AIF: Domain[] = [
  { id: 'fund', title: 'Fundamentals of AI and ML', weight: 20 },
  { id: 'genai', title: 'Fundamentals of Generative AI', weight: 24 },
  { id: 'apps', title: 'Applications of Foundation Models', weight: 28 },
  { id: 'resp', title: 'Guidelines for Responsible AI', weight: 14 },
  { id: 'sec', title: 'Security, Compliance and Governance', weight: 14 },
];

function question(id: string, domainId: string, correct: number[] = [0], options = 4): Question {
  return {
    id,
    key: `p/${id}`,
    type: correct.length > 1 ? 'multiple' : 'single',
    prompt: `Question ${id}?`,
    options: Array.from({ length: options }, (_, i) => ({ text: `Option ${i}`, correct: correct.includes(i), why: 'Because.' })),
    explanation: '',
    terms: [],
    topicId: `t-${domainId}`,
    domainId,
    packId: 'p',
    source: { file: '/p/topics/t.yaml', line: 0 },
  };
}

/** A pack with `counts[i]` questions in domain i (every third one multiple response), one topic per domain. */
function pack(counts: readonly number[], domains: readonly Domain[] = AIF, exam: Pack['exam'] = { questions: 65, minutes: 90, passScore: 700, maxScore: 1000 }): Pack {
  const topics: Topic[] = domains.map((d, i) => ({
    id: `t-${d.id}`,
    title: d.title,
    domainId: d.id,
    notes: '',
    questions: Array.from({ length: counts[i] ?? 0 }, (_, n) => question(`${d.id}-${n}`, d.id, n % 3 === 2 ? [0, 2] : [n % 4])),
    cases: [],
    sources: [],
    packId: 'p',
    source: { file: `/p/topics/t-${d.id}.yaml`, line: 0 },
  }));
  return { id: 'p', title: 'Practice', version: 1, exam, domains, tasks: [], topics, terms: [], origin: 'workspace', root: '/p' };
}

const countBy = (qs: readonly Question[], domainId: string): number => qs.filter((q) => q.domainId === domainId).length;

describe('exam draw', () => {
  it('apportions 65 questions at 20/24/28/14/14 as 13/16/18/9/9', () => {
    assert.deepEqual(allocateByWeight(65, [20, 24, 28, 14, 14]), [13, 16, 18, 9, 9]);
  });

  it('apportions exactly, within each quota rounded down or up, ties to the earlier index', () => {
    assert.deepEqual(allocateByWeight(3, [1, 1, 1, 1]), [1, 1, 1, 0]);
    assert.deepEqual(allocateByWeight(5, [0, 0]), [3, 2], 'all-zero weights spread evenly');
    assert.deepEqual(allocateByWeight(0, [20, 80]), [0, 0]);
    assert.deepEqual(allocateByWeight(7, []), []);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.array(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })), { minLength: 1, maxLength: 12 }), (total, weights) => {
        const shares = allocateByWeight(total, weights);
        assert.equal(shares.length, weights.length);
        assert.equal(shares.reduce((a, b) => a + b, 0), total, 'sums to the total');
        const sum = weights.reduce((a, b) => a + b, 0);
        shares.forEach((s, i) => {
          assert.ok(Number.isInteger(s) && s >= 0);
          const quota = sum > 0 ? (total * weights[i]) / sum : total / weights.length;
          assert.ok(s <= Math.ceil(quota - 1e-9) && s >= Math.floor(quota + 1e-9), `share ${s} of quota ${quota}`);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('draws a full exam at the domain weights, without repeats, with single and multiple response', () => {
    const d = drawExam(pack([40, 40, 40, 40, 40]), { random: seededRandom(1) });
    assert.equal(d.questions.length, 65);
    assert.equal(d.asked, 65);
    assert.equal(new Set(d.questions.map((q) => q.key)).size, 65, 'no repeated question');
    assert.deepEqual(AIF.map((x) => countBy(d.questions, x.id)), [13, 16, 18, 9, 9]);
    assert.deepEqual(d.perDomain, AIF.map((x, i) => ({ domainId: x.id, wanted: [13, 16, 18, 9, 9][i], drawn: [13, 16, 18, 9, 9][i], available: 40 })));
    assert.deepEqual(d.notes, []);
    assert.ok(d.questions.some((q) => q.type === 'single') && d.questions.some((q) => q.type === 'multiple'));
    // Shuffled across domains, not in blocks.
    assert.notDeepEqual(d.questions.slice(0, 13).map((q) => q.domainId), Array(13).fill('fund'));
  });

  it('draws the built-in AIF-C01 pack as the real exam: 65 questions at 13/16/18/9/9', async () => {
    const root = path.resolve(__dirname, '..', '..', '..', 'content', 'aws-ai-practitioner');
    const p = loadPack({ root, origin: 'builtin', files: (await readPackFolder(root)).files }).pack;
    assert.ok(p);
    const d = drawExam(p, { random: seededRandom(5) });
    assert.equal(d.questions.length, 65);
    assert.equal(new Set(d.questions.map((q) => q.key)).size, 65);
    assert.deepEqual(p.domains.map((x) => countBy(d.questions, x.id)), [13, 16, 18, 9, 9]);
    assert.deepEqual(d.notes, []);
  });

  it('is reproducible with the same seed and varies with another', () => {
    const p = pack([40, 40, 40, 40, 40]);
    const keys = (seed: number): string[] => drawExam(p, { random: seededRandom(seed) }).questions.map((q) => q.key);
    assert.deepEqual(keys(42), keys(42));
    assert.notDeepEqual(keys(42), keys(43));
  });

  it('takes the questions a short domain lacks from the others, by weight, and says so', () => {
    const d = drawExam(pack([40, 40, 40, 40, 5]), { random: seededRandom(7) });
    assert.equal(d.questions.length, 65);
    assert.equal(new Set(d.questions.map((q) => q.key)).size, 65);
    const sec = d.perDomain[4];
    assert.deepEqual(sec, { domainId: 'sec', wanted: 9, drawn: 5, available: 5 });
    // The 4 missing go 20:24:28:14 → quotas 0.94/1.13/1.31/0.66 → 1/1/1/1.
    assert.deepEqual(d.perDomain.map((x) => x.drawn), [14, 17, 19, 10, 5]);
    assert.deepEqual(d.notes, ['The pack has only 5 questions in "Security, Compliance and Governance"; drew 5 instead of 9 and took the rest from other domains.']);
  });

  it('keeps redistributing when the domains that take up the slack run out too', () => {
    // Short by 11 + 15 + 9 = 35; genai and resp split it 22/13 by weight, but genai has only 4 to spare, so
    // resp takes the remaining 18 in a second round.
    const d = drawExam(pack([2, 20, 3, 40, 0]), { random: seededRandom(3) });
    assert.equal(d.questions.length, 65);
    assert.equal(new Set(d.questions.map((q) => q.key)).size, 65);
    assert.deepEqual(d.perDomain.map((x) => x.drawn), [2, 20, 3, 40, 0]);
    assert.equal(d.notes.length, 3);
    assert.match(d.notes[0], /^The pack has only 2 questions in "Fundamentals of AI and ML"; drew 2 instead of 13/);
    assert.match(d.notes[2], /^The pack has no questions in "Security, Compliance and Governance"; took its 9 from other domains\.$/);
  });

  it('gives every question and one note when the pack has fewer than asked', () => {
    const d = drawExam(pack([10, 10, 10, 5, 5]), { random: seededRandom(2) });
    assert.equal(d.questions.length, 40);
    assert.equal(new Set(d.questions.map((q) => q.key)).size, 40);
    assert.deepEqual(d.notes, ['The pack has 40 questions; the exam has 40 instead of 65.']);
  });

  it('gives an empty exam and a note for an empty pack, and never throws', () => {
    const d = drawExam(pack([0, 0, 0, 0, 0]));
    assert.deepEqual(d.questions, []);
    assert.equal(d.notes.length, 1);
    assert.match(d.notes[0], /no questions/);
    const bare = drawExam({ ...pack([]), domains: [], topics: [], exam: undefined });
    assert.deepEqual([bare.questions, bare.asked, bare.perDomain], [[], 65, []]);
    assert.equal(bare.notes.length, 1);
  });

  it('asks for opts.questions over the pack profile, and the profile over 65', () => {
    assert.equal(drawExam(pack([40, 40, 40, 40, 40]), { questions: 10, random: seededRandom(1) }).questions.length, 10);
    assert.equal(drawExam(pack([40, 40, 40, 40, 40], AIF, { questions: 20, minutes: 30, passScore: 700, maxScore: 1000 })).asked, 20);
    assert.equal(drawExam(pack([40, 40, 40, 40, 40], AIF, undefined)).asked, 65);
  });

  it('never repeats a question and never exceeds what was asked or what a domain has (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 5, maxLength: 5 }),
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer(),
        (counts, weights, asked, seed) => {
          const domains = AIF.map((x, i) => ({ ...x, weight: weights[i] }));
          const total = counts.reduce((a, b) => a + b, 0);
          const d = drawExam(pack(counts, domains), { questions: asked, random: seededRandom(seed) });
          assert.equal(d.questions.length, Math.min(asked, total));
          assert.equal(new Set(d.questions.map((q) => q.key)).size, d.questions.length);
          d.perDomain.forEach((x, i) => {
            assert.ok(x.drawn <= x.available && x.available === counts[i]);
            assert.equal(countBy(d.questions, x.domainId), x.drawn);
          });
          assert.equal(d.perDomain.reduce((a, x) => a + x.wanted, 0), asked);
          // An empty pack always gets a note, even for an exam of 0 questions.
          if (total > 0) assert.equal(d.notes.length === 0, d.perDomain.every((x) => x.drawn >= x.wanted));
          else assert.equal(d.notes.length, 1);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('exam session', () => {
  const qs = [question('a', 'fund'), question('b', 'genai', [1]), question('c', 'apps', [0, 2]), question('d', 'sec', [3])];
  const byKey = new Map(qs.map((q) => [q.key, q]));
  const lookup = (k: string): Question | undefined => byKey.get(k);
  const start = (now = T0, limitMs = 90 * MINUTE): ExamSession =>
    ExamSession.start({ id: 'exam-1', packId: 'p', title: 'Practice', questions: qs, limitMs, passScore: 700, maxScore: 1000, notes: ['a note'], now });

  it('counts time down with the clock and expires at the limit', () => {
    const s = start();
    assert.equal(s.remainingMs(T0), 90 * MINUTE);
    assert.equal(s.remainingMs(T0 + 10 * MINUTE), 80 * MINUTE);
    assert.equal(s.elapsedMs(T0 + 10 * MINUTE), 10 * MINUTE);
    assert.equal(s.expired(T0 + 90 * MINUTE - 1), false);
    assert.equal(s.expired(T0 + 90 * MINUTE), true);
    assert.equal(s.remainingMs(T0 + 200 * MINUTE), 0, 'never below 0');
    assert.equal(s.elapsedMs(T0 + 200 * MINUTE), 90 * MINUTE, 'never more than the limit');
    assert.equal(s.elapsedMs(T0 - MINUTE), 0, 'a clock that went back charges nothing');
  });

  it('charges the full limit when it ends by timeout', () => {
    const s = start();
    const r = s.submit(T0 + 5 * MINUTE, 'timeout');
    assert.equal(r.end, 'timeout');
    assert.equal(r.elapsedMs, 90 * MINUTE);
    assert.equal(s.remainingMs(T0 + 6 * MINUTE), 0);
  });

  it('changes and clears answers before submitting, and freezes them after', () => {
    const s = start();
    assert.equal(s.answer('p/a', [1]), true);
    assert.deepEqual(s.answerOf('p/a'), [1]);
    assert.equal(s.answer('p/a', [0]), true, 'an answer can be changed');
    assert.deepEqual(s.answerOf('p/a'), [0]);
    assert.equal(s.answer('p/c', [2, 0, 2, 9, -1, 1.5]), true);
    assert.deepEqual(s.answerOf('p/c'), [0, 2], 'invalid indexes dropped, sorted, de-duplicated');
    assert.equal(s.answer('p/b', [1]), true);
    assert.equal(s.answer('p/b', []), true);
    assert.equal(s.answerOf('p/b'), undefined, 'an empty list clears the answer');
    assert.equal(s.answer('p/nope', [0]), false);
    assert.equal(s.toggleFlag('p/d'), true);
    assert.deepEqual(s.counts(), { answered: 2, unanswered: 2, flagged: 1, total: 4 });

    const r = s.submit(T0 + 30 * MINUTE, 'submitted');
    assert.equal(s.submitted, true);
    assert.equal(s.answer('p/a', [1]), false);
    assert.equal(s.answer('p/b', [1]), false);
    assert.deepEqual(s.answerOf('p/a'), [0]);
    assert.equal(s.toggleFlag('p/d'), false);
    assert.equal(s.isFlagged('p/d'), true, 'flags are frozen too');
    assert.deepEqual(r, {
      id: 'exam-1',
      packId: 'p',
      title: 'Practice',
      startedAt: T0,
      submittedAt: T0 + 30 * MINUTE,
      elapsedMs: 30 * MINUTE,
      limitMs: 90 * MINUTE,
      end: 'submitted',
      passScore: 700,
      maxScore: 1000,
      items: [
        { key: 'p/a', domainId: 'fund', kind: 'choice', chosen: [0], correct: true },
        { key: 'p/b', domainId: 'genai', kind: 'choice', chosen: [], correct: false },
        { key: 'p/c', domainId: 'apps', kind: 'choice', chosen: [0, 2], correct: true },
        { key: 'p/d', domainId: 'sec', kind: 'choice', chosen: [], correct: false },
      ],
    });
    assert.equal(s.submit(T0 + 40 * MINUTE, 'timeout'), r, 'a second submit returns the same result');
    assert.equal(s.elapsedMs(T0 + 80 * MINUTE), 30 * MINUTE, 'the clock stops at submit');
  });

  it('gives no partial credit for multiple response', () => {
    const s = start();
    s.answer('p/c', [0]);
    assert.equal(s.submit(T0, 'submitted').items[2].correct, false);
  });

  it('round-trips answers, flags, index and time through a JSON state', () => {
    const s = start();
    s.answer('p/a', [0]);
    s.answer('p/c', [0, 2]);
    s.toggleFlag('p/b');
    s.goTo(2);
    s.goTo(99);
    assert.equal(s.index, 2, 'an index out of range is ignored');
    const state = JSON.parse(JSON.stringify(s.state(T0 + 5 * MINUTE))) as unknown;
    assert.ok(isExamState(state));
    assert.equal(state.elapsedMs, 5 * MINUTE);
    assert.equal(state.savedAt, T0 + 5 * MINUTE);

    const { session: r, pausedMs } = ExamSession.resume(state, lookup, T0 + 5 * MINUTE);
    assert.equal(pausedMs, 0);
    assert.deepEqual([r.id, r.packId, r.title, r.notes, r.questions.map((q) => q.key)], ['exam-1', 'p', 'Practice', ['a note'], qs.map((q) => q.key)]);
    assert.equal(r.index, 2);
    assert.equal(r.current?.key, 'p/c');
    assert.deepEqual(r.answerOf('p/a'), [0]);
    assert.deepEqual(r.answerOf('p/c'), [0, 2]);
    assert.equal(r.isFlagged('p/b'), true);
    assert.equal(r.remainingMs(T0 + 5 * MINUTE), 85 * MINUTE);
    assert.deepEqual(r.state(T0 + 5 * MINUTE), s.state(T0 + 5 * MINUTE));
  });

  it('charges a 10-second reload, but only maxGapMs of a 3-hour gap, and says how long it paused', () => {
    const s = start();
    const saved = s.state(T0 + 20 * MINUTE);
    const short = ExamSession.resume(saved, lookup, T0 + 20 * MINUTE + 10_000);
    assert.equal(short.pausedMs, 0);
    assert.equal(short.session.elapsedMs(T0 + 20 * MINUTE + 10_000), 20 * MINUTE + 10_000);

    const later = T0 + 20 * MINUTE + 3 * 60 * MINUTE;
    const long = ExamSession.resume(saved, lookup, later);
    assert.equal(long.session.elapsedMs(later), 22 * MINUTE, 'charged up to the default 2 minutes');
    assert.equal(long.pausedMs, 3 * 60 * MINUTE - 2 * MINUTE);
    assert.equal(long.session.remainingMs(later + MINUTE), 67 * MINUTE, 'the clock runs again after the resume');

    const strict = ExamSession.resume(saved, lookup, later, 30_000);
    assert.equal(strict.session.elapsedMs(later), 20 * MINUTE + 30_000);
    assert.equal(strict.pausedMs, 3 * 60 * MINUTE - 30_000);
  });

  it('drops questions no longer found and stored answers that no longer fit, keeping the current question', () => {
    const s = start();
    s.answer('p/a', [0]);
    s.answer('p/b', [1]);
    s.answer('p/d', [3]);
    s.toggleFlag('p/a');
    s.goTo(3);
    const state = s.state(T0);
    const edited = new Map(byKey);
    edited.delete('p/a');
    edited.set('p/d', question('d', 'sec', [0], 3)); // now 3 options: the stored choice 3 means nothing
    const tampered: ExamState = { ...state, answers: { ...state.answers, 'p/c': [0, 7, 1.5] as number[] } };
    const { session: r } = ExamSession.resume(tampered, (k) => edited.get(k), T0);
    assert.deepEqual(r.questions.map((q) => q.key), ['p/b', 'p/c', 'p/d']);
    assert.equal(r.current?.key, 'p/d', 'still on the same question');
    assert.deepEqual(r.answerOf('p/b'), [1]);
    assert.equal(r.answerOf('p/c'), undefined);
    assert.equal(r.answerOf('p/d'), undefined);
    assert.deepEqual(r.counts(), { answered: 1, unanswered: 2, flagged: 0, total: 3 });
  });

  it('recognises a stored state and rejects malformed ones', () => {
    const good = JSON.parse(JSON.stringify(start().state(T0))) as Record<string, unknown>;
    assert.equal(isExamState(good), true);
    const bad: unknown[] = [
      null,
      [],
      'x',
      { ...good, v: 2 },
      { ...good, id: '' },
      { ...good, packId: 3 },
      { ...good, questionKeys: 'p/a' },
      { ...good, questionKeys: [1] },
      { ...good, answers: [] },
      { ...good, answers: { 'p/a': [-2] } },
      { ...good, answers: { 'p/a': 0 } },
      { ...good, flagged: [null] },
      { ...good, index: -1 },
      { ...good, index: 0.5 },
      { ...good, startedAt: 'now' },
      { ...good, limitMs: -5 },
      { ...good, elapsedMs: null },
      { ...good, savedAt: undefined },
      { ...good, notes: 'n' },
      { ...good, passScore: Infinity },
    ];
    for (const b of bad) assert.equal(isExamState(b), false, JSON.stringify(b));
  });
});

describe('exam score', () => {
  /** 65 items at 13/16/18/9/9 with 10/12/14/5/5 right: 46 of 65. */
  function result(): ExamResult {
    const sizes = [13, 16, 18, 9, 9];
    const right = [10, 12, 14, 5, 5];
    const items = AIF.flatMap((d, i) =>
      Array.from({ length: sizes[i] }, (_, n) => ({ key: `p/${d.id}-${n}`, domainId: d.id, kind: 'choice' as const, chosen: n < right[i] ? [0] : n % 2 === 0 ? [1] : [], correct: n < right[i] })),
    );
    return { id: 'e', packId: 'p', title: 'Practice', startedAt: T0, submittedAt: T0 + MINUTE, elapsedMs: MINUTE, limitMs: 90 * MINUTE, end: 'submitted', passScore: 700, maxScore: 1000, items };
  }

  it('scores overall and per domain, counting unanswered as wrong', () => {
    const s = scoreExam(result(), AIF);
    assert.equal(s.correct, 46);
    assert.equal(s.total, 65);
    assert.equal(s.answered, 46 + 2 + 2 + 2 + 2 + 2, 'the wrong answers given, plus the right ones');
    assert.equal(s.percent, 71);
    assert.equal(s.estimatedScore, 708);
    assert.equal(s.passed, true);
    assert.deepEqual(
      s.byDomain.map((d) => [d.domainId, d.correct, d.total, d.percent, d.weight]),
      [
        ['fund', 10, 13, 77, 20],
        ['genai', 12, 16, 75, 24],
        ['apps', 14, 18, 78, 28],
        ['resp', 5, 9, 56, 14],
        ['sec', 5, 9, 56, 14],
      ],
    );
    assert.equal(s.weakestDomainId, 'resp', 'equal percent and weight: the earlier domain');
  });

  it('fails below the pass score and breaks a tie for weakest by weight', () => {
    const r = result();
    const items = r.items.map((i) => (i.domainId === 'apps' && i.key.endsWith('-0') ? { ...i, correct: false } : i));
    const heavier = AIF.map((d) => (d.id === 'sec' ? { ...d, weight: 15 } : d));
    const s = scoreExam({ ...r, items, passScore: 720 }, heavier);
    assert.equal(s.correct, 45);
    assert.equal(s.estimatedScore, 692);
    assert.equal(s.passed, false);
    assert.equal(s.weakestDomainId, 'sec', 'same percent as resp, larger weight');
  });

  it('lists only domains in the exam, and unknown domains by id with weight 0', () => {
    const r = result();
    const items = [...r.items.filter((i) => i.domainId === 'genai'), { key: 'p/x', domainId: 'old-domain', kind: 'choice' as const, chosen: [], correct: false }];
    const s = scoreExam({ ...r, items }, AIF);
    assert.deepEqual(s.byDomain.map((d) => [d.domainId, d.title, d.weight, d.percent]), [
      ['genai', 'Fundamentals of Generative AI', 24, 75],
      ['old-domain', 'old-domain', 0, 0],
    ]);
    assert.equal(s.weakestDomainId, 'old-domain');
  });

  it('scores an empty exam as 0 without a weakest domain', () => {
    const s = scoreExam({ ...result(), items: [] }, AIF);
    assert.deepEqual([s.correct, s.total, s.percent, s.estimatedScore, s.passed, s.byDomain, s.weakestDomainId], [0, 0, 0, 0, false, [], undefined]);
  });
});
