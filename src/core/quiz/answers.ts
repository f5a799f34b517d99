import type { Question } from '../content/model';

/**
 * Answers of every question type as one shape, a list of whole numbers, so sessions, the exam, the log and
 * the webview protocol carry them alike:
 * - single and multiple: the chosen option indexes, sorted;
 * - ordering: item indexes in the order the learner placed them (a permutation of 0..n-1);
 * - matching: per prompt, in the pack's order, the index of the response chosen (pairs' responses first,
 *   then distractors), NO_RESPONSE where none is chosen yet.
 */
export type Answer = readonly number[];

export const NO_RESPONSE = -1;

/** How an answer's numbers are read: choice answers share one shape, whatever the number of right options. */
export type AnswerKind = 'choice' | 'ordering' | 'matching';

export function answerKind(q: Question): AnswerKind {
  return q.type === 'single' || q.type === 'multiple' ? 'choice' : q.type;
}

/** How many responses a matching question offers: one per pair plus its distractors. */
export function responseCount(q: Question): number {
  return q.type === 'matching' ? q.pairs.length + q.distractors.length : 0;
}

/** The responses of a matching question by index: pairs' responses, then distractors. */
export function responsesOf(q: Question): { text: string; why: string; pair?: number }[] {
  if (q.type !== 'matching') return [];
  return [...q.pairs.map((p, i) => ({ text: p.response, why: p.why, pair: i })), ...q.distractors.map((d) => ({ text: d.text, why: d.why }))];
}

/**
 * The answer made valid for `q`, or undefined when it cannot be one. `partial` allows what an exam may hold
 * before submission: a matching answer with prompts still open. A choice answer is de-duplicated and sorted;
 * an ordering must be a whole permutation; a matching answer uses each response at most once.
 */
export function cleanAnswer(q: Question, raw: readonly number[], opts: { partial?: boolean } = {}): Answer | undefined {
  if (!Array.isArray(raw)) return undefined;
  if (q.type !== 'single' && q.type !== 'multiple' && !raw.every((i) => Number.isInteger(i))) return undefined;
  switch (q.type) {
    case 'single':
    case 'multiple': {
      // Stray entries are dropped rather than failing the answer, as the webview may send a stale index.
      const clean = [...new Set(raw)].filter((i) => Number.isInteger(i) && i >= 0 && i < q.options.length).sort((a, b) => a - b);
      if (clean.length === 0) return undefined;
      return q.type === 'single' ? clean.slice(0, 1) : clean;
    }
    case 'ordering': {
      const n = q.items.length;
      if (raw.length !== n || new Set(raw).size !== n || !raw.every((i) => i >= 0 && i < n)) return undefined;
      return [...raw];
    }
    case 'matching': {
      const n = q.pairs.length;
      const k = responseCount(q);
      if (raw.length !== n) return undefined;
      const used = raw.filter((i) => i !== NO_RESPONSE);
      if (!used.every((i) => i >= 0 && i < k) || new Set(used).size !== used.length) return undefined;
      if (used.length === 0) return undefined;
      if (used.length < n && !opts.partial) return undefined;
      return [...raw];
    }
  }
}

/** True when nothing is left open: every prompt matched (other types are complete once valid). */
export function isComplete(q: Question, answer: Answer): boolean {
  return q.type !== 'matching' || answer.every((i) => i !== NO_RESPONSE);
}

/** Right only in full, as on the exam: every option, every position, every pair. */
export function isCorrectAnswer(q: Question, answer: Answer): boolean {
  const clean = cleanAnswer(q, answer, { partial: true });
  if (!clean) return false;
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const picked = new Set(clean);
      return q.options.every((o, i) => o.correct === picked.has(i));
    }
    case 'ordering':
    case 'matching':
      return clean.every((v, i) => v === i);
  }
}

/**
 * How much of an answer is right, for feedback only (scoring never gives partial credit): positions in
 * place for ordering, pairs matched for matching, right choices for choice questions.
 */
export function rightParts(q: Question, answer: Answer): { right: number; of: number } {
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const picked = new Set(answer);
      return { right: q.options.filter((o, i) => o.correct && picked.has(i)).length, of: q.options.filter((o) => o.correct).length };
    }
    case 'ordering':
      return { right: q.items.filter((_, i) => answer[i] === i).length, of: q.items.length };
    case 'matching':
      return { right: q.pairs.filter((_, i) => answer[i] === i).length, of: q.pairs.length };
  }
}

/** Options a choice question wants picked (1 for single). 0 for other types. */
export function correctCount(q: Question): number {
  return q.type === 'single' || q.type === 'multiple' ? q.options.filter((o) => o.correct).length : 0;
}

/** A number from a string, for seeding a shuffle per question (FNV-1a). */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The order a question's items (ordering) or responses (matching) are shown in: shuffled, the same every time
 * for the same seed, so a reload shows the same arrangement. An ordering never starts in the right order,
 * which would give the answer away. Empty for choice questions, whose options keep the pack's order.
 */
export function presentedOrder(q: Question, seed: number): number[] {
  const n = q.type === 'ordering' ? q.items.length : q.type === 'matching' ? responseCount(q) : 0;
  const order = Array.from({ length: n }, (_, i) => i);
  let a = (seed ^ hashSeed(q.key)) >>> 0;
  const random = (): number => {
    // mulberry32: small and good enough to shuffle five items.
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  if (q.type === 'ordering' && n > 1 && order.every((v, i) => v === i)) order.push(order.shift()!);
  return order;
}

/** The answer key as an answer: the right options, the items in order, each prompt with its own response. */
export function rightAnswer(q: Question): number[] {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return q.options.flatMap((o, i) => (o.correct ? [i] : []));
    case 'ordering':
      return q.items.map((_, i) => i);
    case 'matching':
      return q.pairs.map((_, i) => i);
  }
}
