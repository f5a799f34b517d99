import type { Domain, ExamProfile, Question } from '../content/model';
import { recallAt, type QuestionSchedule } from './scheduler';

/** Used when a pack declares no exam profile: the common AWS scale. */
const DEFAULT_EXAM: Pick<ExamProfile, 'passScore' | 'maxScore'> = { passScore: 700, maxScore: 1000 };

/**
 * Chance of a blind guess being right, all-or-nothing as the exam scores it:
 * - single or multiple: 1 / C(options, correct count), 1/4 for single of 4, 1/10 for choose 2 of 5;
 * - ordering of n items: 1 / n!, one arrangement of all;
 * - matching of n prompts from k responses, each used once: 1 / (k · (k−1) · … · (k−n+1)).
 */
export function guessChance(q: Question): number {
  switch (q.type) {
    case 'ordering':
      return 1 / fallingFactorial(q.items.length, q.items.length);
    case 'matching':
      return 1 / fallingFactorial(q.pairs.length + q.distractors.length, q.pairs.length);
    case 'single':
    case 'multiple': {
      const n = q.options.length;
      if (n === 0) return 0;
      // A single-answer question is one pick whatever its data says; a broken "multiple" with no correct
      // option still asks for at least one pick, so it is never a free point.
      const k = q.type === 'single' ? 1 : Math.min(n, Math.max(1, q.options.filter((o) => o.correct).length));
      return 1 / binomial(n, k);
    }
  }
}

/** k · (k−1) · … · (k−n+1): ways to fill n places from k distinct things; 1 for n = 0. */
function fallingFactorial(k: number, n: number): number {
  let p = 1;
  for (let i = 0; i < n; i++) p *= Math.max(1, k - i);
  return p;
}

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) c = (c * (n - i + 1)) / i;
  return Math.round(c);
}

/**
 * Chance of answering one question right at `at`. Recalled, or not recalled and guessed right; so it never
 * falls below the guess level. A question whose last answer was wrong counts as not recalled: FSRS predicts
 * recall of almost 1 right after any answer (the answer was just shown), which would make a pack answered
 * all wrong a "likely pass" today.
 */
export function answerChance(q: Question, s: QuestionSchedule | undefined, at: number): number {
  const guess = guessChance(q);
  if (!s) return guess;
  const recall = s.lastCorrect ? recallAt(s, at) : 0;
  return recall + (1 - recall) * guess;
}

export interface DomainReadiness {
  readonly domainId: string;
  readonly title: string;
  /** The domain's weight as the pack gives it (percent, by convention). */
  readonly weight: number;
  /** This domain's part of the overall figure, 0..1: weights renormalised over the domains that have questions. */
  readonly share: number;
  /** 0..1 */
  readonly expected: number;
  readonly seen: number;
  readonly total: number;
}

export interface Readiness {
  /** When recall is predicted for. */
  readonly at: number;
  /** 0..1, weighted by domain. */
  readonly expected: number;
  /** round(expected * maxScore) */
  readonly estimatedScore: number;
  readonly passScore: number;
  readonly maxScore: number;
  /** estimatedScore >= passScore */
  readonly likelyPass: boolean;
  /** Questions with a schedule. */
  readonly seen: number;
  /** All questions counted (those in one of the given domains). */
  readonly total: number;
  /** Pack domain order; domains with no questions are left out. */
  readonly byDomain: readonly DomainReadiness[];
  /** Titles of domains with no questions (their weight is spread over the rest). */
  readonly leftOut: readonly string[];
}

/**
 * Per question: answerChance at `at` — predicted recall (recallAt) if it has a schedule, with a blind guess
 * as the fallback, and guessChance alone if never answered. Per domain: the mean over its questions.
 * Overall: weighted mean over domains by weight, renormalised over the domains that have questions.
 * Questions of a domain not in `domains` are not counted. exam defaults to { passScore: 700, maxScore: 1000 }
 * when undefined.
 */
export function readiness(
  domains: readonly Domain[],
  questions: readonly Question[],
  schedules: ReadonlyMap<string, QuestionSchedule>,
  at: number,
  exam?: Pick<ExamProfile, 'passScore' | 'maxScore'>,
): Readiness {
  const { passScore, maxScore } = exam ?? DEFAULT_EXAM;
  const byId = new Map<string, { sum: number; seen: number; total: number }>(domains.map((d) => [d.id, { sum: 0, seen: 0, total: 0 }]));
  for (const q of questions) {
    const acc = byId.get(q.domainId);
    if (!acc) continue;
    const s = schedules.get(q.key);
    acc.sum += answerChance(q, s, at);
    acc.total++;
    if (s) acc.seen++;
  }

  const present = domains.filter((d) => (byId.get(d.id)?.total ?? 0) > 0);
  const weightSum = present.reduce((a, d) => a + Math.max(0, d.weight), 0);
  // Weights that are all zero (or missing) should not zero the figure: count the domains equally then.
  const shareOf = (d: Domain): number => (weightSum > 0 ? Math.max(0, d.weight) / weightSum : 1 / present.length);

  const byDomain: DomainReadiness[] = present.map((d) => {
    const acc = byId.get(d.id)!;
    return { domainId: d.id, title: d.title, weight: d.weight, share: shareOf(d), expected: acc.sum / acc.total, seen: acc.seen, total: acc.total };
  });
  const expected = Math.min(1, Math.max(0, byDomain.reduce((a, d) => a + d.share * d.expected, 0)));
  const estimatedScore = Math.round(expected * maxScore);
  return {
    at,
    expected,
    estimatedScore,
    passScore,
    maxScore,
    likelyPass: estimatedScore >= passScore,
    seen: byDomain.reduce((a, d) => a + d.seen, 0),
    total: byDomain.reduce((a, d) => a + d.total, 0),
    byDomain,
    leftOut: domains.filter((d) => !present.includes(d)).map((d) => d.title),
  };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses the `studyDeck.examDate` setting: '' → undefined (today); 'YYYY-MM-DD' a real calendar date → local
 * noon of that date in ms; anything else → { error: 'a sentence saying the value and the expected form' }.
 * Surrounding spaces are ignored (easily pasted in). Dates before today are allowed (caller decides).
 */
export function parseExamDate(value: string): { at: number } | { error: string } | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  const m = DATE.exec(text);
  if (!m) return { error: `The exam date "${text}" is not in the form YYYY-MM-DD, e.g. 2026-12-15.` };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Noon keeps the time on the same calendar day whatever a daylight-saving change does to that day.
  const date = new Date(2000, 0, 1, 12);
  date.setFullYear(y, mo - 1, d); // setFullYear, not the constructor: that maps years 0–99 to 1900–1999
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) {
    return { error: `The exam date "${text}" is not a real calendar date; expected YYYY-MM-DD, e.g. 2026-12-15.` };
  }
  return { at: date.getTime() };
}
