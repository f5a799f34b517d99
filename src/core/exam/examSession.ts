import type { Question } from '../content/model';
import { isCorrectChoice } from '../quiz/session';

export type ExamEnd = 'submitted' | 'timeout';

/** JSON-safe; the extension stores it (globalState) so a reload resumes the exam. */
export interface ExamState {
  readonly v: 1;
  readonly id: string;
  readonly packId: string;
  readonly title: string;
  readonly questionKeys: readonly string[];
  readonly answers: Readonly<Record<string, readonly number[]>>;
  readonly flagged: readonly string[];
  readonly index: number;
  /** Epoch ms. */
  readonly startedAt: number;
  readonly limitMs: number;
  /** Time charged so far, as of savedAt. */
  readonly elapsedMs: number;
  /** Epoch ms when this state was taken. */
  readonly savedAt: number;
  readonly passScore: number;
  readonly maxScore: number;
  /** From the draw, shown to the user. */
  readonly notes: readonly string[];
}

export interface ExamItem {
  readonly key: string;
  readonly domainId: string;
  readonly chosen: readonly number[];
  readonly correct: boolean;
}

export interface ExamResult {
  readonly id: string;
  readonly packId: string;
  readonly title: string;
  readonly startedAt: number;
  readonly submittedAt: number;
  readonly elapsedMs: number;
  readonly limitMs: number;
  readonly end: ExamEnd;
  readonly passScore: number;
  readonly maxScore: number;
  /** Every question of the exam in exam order; unanswered have chosen [] and correct false. */
  readonly items: readonly ExamItem[];
}

/** How much of the time between the last saved state and a resume is charged, by default: two minutes. */
export const DEFAULT_MAX_GAP_MS = 120_000;

const isNonNegative = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const isStringList = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/**
 * Thorough structural check of a stored state (it comes from storage, maybe from an older or broken build).
 * Fields it does not know are tolerated: they are never read, and refusing them would throw away an exam in
 * progress. Whether stored answers still fit the questions is resume's business, as content may change.
 */
export function isExamState(v: unknown): v is ExamState {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  if (o.v !== 1) return false;
  if (typeof o.id !== 'string' || o.id === '' || typeof o.packId !== 'string' || typeof o.title !== 'string') return false;
  if (!isStringList(o.questionKeys) || !isStringList(o.flagged) || !isStringList(o.notes)) return false;
  const answers = o.answers;
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return false;
  for (const a of Object.values(answers)) {
    if (!Array.isArray(a) || !a.every((i) => Number.isSafeInteger(i) && (i as number) >= 0)) return false;
  }
  if (!Number.isSafeInteger(o.index) || (o.index as number) < 0) return false;
  return [o.startedAt, o.limitMs, o.elapsedMs, o.savedAt, o.passScore, o.maxScore].every(isNonNegative);
}

/** Indexes that are options of `q`, sorted, without duplicates. */
function cleanChoice(q: Question, chosen: readonly number[]): number[] {
  return [...new Set(chosen)].filter((i) => Number.isInteger(i) && i >= 0 && i < q.options.length).sort((a, b) => a - b);
}

/**
 * A timed exam over a fixed list of questions. No feedback until submitted; answers may be changed until then.
 *
 * The clock is kept as time charged up to a reference instant plus wall time since then, so taking a state
 * for storage never changes what is charged, and a resume can decide how much of a gap to charge.
 */
export class ExamSession {
  private position = 0;
  private readonly answers = new Map<string, readonly number[]>();
  private readonly flagged = new Set<string>();
  private readonly byKey: ReadonlyMap<string, Question>;
  private outcome: ExamResult | undefined;

  private constructor(
    readonly id: string,
    readonly packId: string,
    readonly title: string,
    readonly questions: readonly Question[],
    readonly notes: readonly string[],
    readonly startedAt: number,
    readonly limitMs: number,
    readonly passScore: number,
    readonly maxScore: number,
    /** Time charged as of `since`. */
    private charged: number,
    private since: number,
  ) {
    this.byKey = new Map(questions.map((q) => [q.key, q]));
  }

  static start(o: {
    id: string;
    packId: string;
    title: string;
    questions: readonly Question[];
    limitMs: number;
    passScore: number;
    maxScore: number;
    notes?: readonly string[];
    now: number;
  }): ExamSession {
    return new ExamSession(o.id, o.packId, o.title, uniqueByKey(o.questions), [...(o.notes ?? [])], o.now, nonNegative(o.limitMs), o.passScore, o.maxScore, 0, o.now);
  }

  /**
   * Questions are looked up by key (content may have been edited; keys no longer found are dropped, invalid
   * stored answers dropped). Time between state.savedAt and now is charged only up to maxGapMs (default
   * 120_000): a window reload costs its real seconds, while a closed editor pauses the clock. `pausedMs` is
   * the uncharged part (0 normally).
   */
  static resume(state: ExamState, lookup: (key: string) => Question | undefined, now: number, maxGapMs = DEFAULT_MAX_GAP_MS): { session: ExamSession; pausedMs: number } {
    const questions = uniqueByKey(state.questionKeys.map((k) => lookup(k)).filter((q): q is Question => q !== undefined));
    const gap = Math.max(0, now - state.savedAt);
    const chargeable = Math.min(gap, nonNegative(maxGapMs));
    const limitMs = nonNegative(state.limitMs);
    const charged = Math.min(limitMs, nonNegative(state.elapsedMs) + chargeable);
    const s = new ExamSession(state.id, state.packId, state.title, questions, [...state.notes], state.startedAt, limitMs, state.passScore, state.maxScore, charged, now);
    for (const q of questions) {
      const a = Object.hasOwn(state.answers, q.key) ? state.answers[q.key] : undefined;
      // A stored index the question no longer has means its options changed: the whole answer is dropped
      // rather than trimmed, so the user is never credited with a choice they did not make.
      if (Array.isArray(a) && a.length > 0 && a.every((i) => Number.isInteger(i) && i >= 0 && i < q.options.length)) s.answers.set(q.key, cleanChoice(q, a));
      if (state.flagged.includes(q.key)) s.flagged.add(q.key);
    }
    // Stay on the same question even when earlier ones were dropped.
    const currentKey = state.questionKeys[state.index];
    const at = questions.findIndex((q) => q.key === currentKey);
    s.position = at !== -1 ? at : Math.min(Math.max(0, state.index), Math.max(0, questions.length - 1));
    return { session: s, pausedMs: gap - chargeable };
  }

  get index(): number {
    return this.position;
  }

  get current(): Question | undefined {
    return this.questions[this.position];
  }

  get submitted(): boolean {
    return this.outcome !== undefined;
  }

  /** Out of range ignored. */
  goTo(index: number): void {
    if (Number.isInteger(index) && index >= 0 && index < this.questions.length) this.position = index;
  }

  /**
   * Replaces the answer to question `key` (any question, not only current); invalid indexes dropped, sorted,
   * de-duplicated; an empty list clears the answer. Returns false (no change) if key unknown or the exam is
   * submitted.
   */
  answer(key: string, chosen: readonly number[]): boolean {
    const q = this.byKey.get(key);
    if (!q || this.outcome) return false;
    const clean = cleanChoice(q, chosen);
    if (clean.length === 0) this.answers.delete(key);
    else this.answers.set(key, clean);
    return true;
  }

  answerOf(key: string): readonly number[] | undefined {
    return this.answers.get(key);
  }

  /** Returns the new flagged state; ignored (false) after submit or for an unknown key. */
  toggleFlag(key: string): boolean {
    if (!this.byKey.has(key) || this.outcome) return false;
    if (this.flagged.has(key)) this.flagged.delete(key);
    else this.flagged.add(key);
    return this.flagged.has(key);
  }

  isFlagged(key: string): boolean {
    return this.flagged.has(key);
  }

  counts(): { answered: number; unanswered: number; flagged: number; total: number } {
    const total = this.questions.length;
    return { answered: this.answers.size, unanswered: total - this.answers.size, flagged: this.flagged.size, total };
  }

  /** Never more than limitMs; frozen once submitted. A clock that went back charges nothing for it. */
  elapsedMs(now: number): number {
    if (this.outcome) return this.outcome.elapsedMs;
    return Math.min(this.limitMs, this.charged + Math.max(0, now - this.since));
  }

  /** Never below 0. */
  remainingMs(now: number): number {
    return Math.max(0, this.limitMs - this.elapsedMs(now));
  }

  expired(now: number): boolean {
    return this.elapsedMs(now) >= this.limitMs;
  }

  /** Ends the exam once (a second call returns the same result); reason 'timeout' charges the full limit. */
  submit(now: number, end: ExamEnd): ExamResult {
    if (this.outcome) return this.outcome;
    const items: ExamItem[] = this.questions.map((q) => {
      const chosen = this.answers.get(q.key) ?? [];
      return { key: q.key, domainId: q.domainId, chosen: [...chosen], correct: chosen.length > 0 && isCorrectChoice(q, chosen) };
    });
    this.outcome = {
      id: this.id,
      packId: this.packId,
      title: this.title,
      startedAt: this.startedAt,
      submittedAt: now,
      elapsedMs: end === 'timeout' ? this.limitMs : this.elapsedMs(now),
      limitMs: this.limitMs,
      end,
      passScore: this.passScore,
      maxScore: this.maxScore,
      items,
    };
    return this.outcome;
  }

  /** savedAt = now, elapsedMs accrued to now. */
  state(now: number): ExamState {
    return {
      v: 1,
      id: this.id,
      packId: this.packId,
      title: this.title,
      questionKeys: this.questions.map((q) => q.key),
      answers: Object.fromEntries([...this.answers].map(([k, a]) => [k, [...a]])),
      flagged: [...this.flagged],
      index: this.position,
      startedAt: this.startedAt,
      limitMs: this.limitMs,
      elapsedMs: this.elapsedMs(now),
      savedAt: now,
      passScore: this.passScore,
      maxScore: this.maxScore,
      notes: [...this.notes],
    };
  }
}

/** Answers and flags are keyed by question key, so a key listed twice would be one question shown twice. */
function uniqueByKey(questions: readonly Question[]): Question[] {
  const seen = new Set<string>();
  const unique: Question[] = [];
  for (const q of questions) {
    if (seen.has(q.key)) continue;
    seen.add(q.key);
    unique.push(q);
  }
  return unique;
}

function nonNegative(x: number): number {
  return Number.isFinite(x) && x > 0 ? x : 0;
}
