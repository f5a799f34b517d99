import type { Domain } from '../content/model';
import type { ExamResult } from './examSession';

export interface DomainScore {
  readonly domainId: string;
  readonly title: string;
  readonly weight: number;
  readonly correct: number;
  readonly total: number;
  /** 0..100 rounded to integer; total 0 → percent 0. */
  readonly percent: number;
}

export interface ExamScore {
  readonly correct: number;
  readonly answered: number;
  readonly total: number;
  readonly percent: number;
  /** Linear estimate: round(maxScore * correct / total). The real exam scales scores; callers label this an estimate. */
  readonly estimatedScore: number;
  readonly passScore: number;
  readonly maxScore: number;
  /** estimatedScore >= passScore; an exam without questions never passes. */
  readonly passed: boolean;
  /**
   * In `domains` order, only domains with at least one question in the exam; items whose domainId is not in
   * `domains` are grouped under their id as title with weight 0.
   */
  readonly byDomain: readonly DomainScore[];
  /** Lowest percent among byDomain; ties → larger weight; undefined when no items. */
  readonly weakestDomainId: string | undefined;
}

const percentOf = (correct: number, total: number): number => (total > 0 ? Math.round((100 * correct) / total) : 0);

/** Scores a finished exam overall and per domain. Unanswered questions count as wrong, as on the real exam. */
export function scoreExam(result: ExamResult, domains: readonly Domain[]): ExamScore {
  const tally = new Map<string, { correct: number; total: number }>();
  let correct = 0;
  let answered = 0;
  for (const item of result.items) {
    if (item.correct) correct++;
    if (item.chosen.length > 0) answered++;
    const t = tally.get(item.domainId) ?? { correct: 0, total: 0 };
    t.total++;
    if (item.correct) t.correct++;
    tally.set(item.domainId, t);
  }

  const byDomain: DomainScore[] = [];
  const listed = new Set<string>();
  const add = (domainId: string, title: string, weight: number): void => {
    const t = tally.get(domainId);
    if (!t || listed.has(domainId)) return;
    listed.add(domainId);
    byDomain.push({ domainId, title, weight, correct: t.correct, total: t.total, percent: percentOf(t.correct, t.total) });
  };
  for (const d of domains) add(d.id, d.title, d.weight);
  // Map iteration follows first appearance, i.e. exam order, for domains the caller did not list.
  for (const id of tally.keys()) add(id, id, 0);

  // Compared on the rounded percent the user sees, so two domains shown at the same percent tie and the
  // heavier one (more exam questions at stake) is named; further ties keep the earlier domain.
  let weakest: DomainScore | undefined;
  for (const d of byDomain) {
    if (!weakest || d.percent < weakest.percent || (d.percent === weakest.percent && d.weight > weakest.weight)) weakest = d;
  }

  const total = result.items.length;
  const estimatedScore = total > 0 ? Math.round((result.maxScore * correct) / total) : 0;
  return {
    correct,
    answered,
    total,
    percent: percentOf(correct, total),
    estimatedScore,
    passScore: result.passScore,
    maxScore: result.maxScore,
    passed: total > 0 && estimatedScore >= result.passScore,
    byDomain,
    weakestDomainId: weakest?.domainId,
  };
}
