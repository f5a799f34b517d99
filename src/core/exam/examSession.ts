import type { Question } from '../content/model';
import { answerKind, cleanAnswer, isComplete, isCorrectAnswer, NO_RESPONSE, type AnswerKind } from '../quiz/answers';

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
  /** Seeds the shuffled order of ordering items and matching responses; absent in exams saved before. */
  readonly seed?: number;
}

export interface ExamItem {
  readonly key: string;
  readonly domainId: string;
  /** How to read `chosen`; kept in the record, since the question may change or go. */
  readonly kind: AnswerKind;
  /** The answer as answers.ts describes it; [] when unanswered. */
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
    if (!Array.isArray(a) || !a.every((i) => Number.isSafeInteger(i) && (i as number) >= NO_RESPONSE)) return false;
  }
  if (o.seed !== undefined && !Number.isSafeInteger(o.seed)) return false;
  if (!Number.isSafeInteger(o.index) || (o.index as number) < 0) return false;
  return [o.startedAt, o.limitMs, o.elapsedMs, o.savedAt, o.passScore, o.maxScore].every(isNonNegative);
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
    /** Seeds the shuffled order of ordering items and matching responses. */
    readonly seed: number,
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
    seed?: number;
  }): ExamSession {
    const seed = o.seed ?? Math.floor(Math.random() * 0x100000000);
    return new ExamSession(o.id, o.packId, o.title, uniqueByKey(o.questions), [...(o.notes ?? [])], o.now, nonNegative(o.limitMs), o.passScore, o.maxScore, seed, 0, o.now);
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
    // Exams saved before seeds existed had only choice questions, whose options are never shuffled.
    const seed = state.seed ?? 0;
    const s = new ExamSession(state.id, state.packId, state.title, questions, [...state.notes], state.startedAt, limitMs, state.passScore, state.maxScore, seed, charged, now);
    for (const q of questions) {
      const a = Object.hasOwn(state.answers, q.key) ? state.answers[q.key] : undefined;
      // An answer that no longer fits the question (its options changed) is dropped whole rather than
      // trimmed, so the user is never credited with a choice they did not make.
      const clean = Array.isArray(a) && a.length > 0 ? cleanAnswer(q, a, { partial: true }) : undefined;
      if (clean && (q.type !== 'single' && q.type !== 'multiple' ? true : clean.length === new Set(a).size)) s.answers.set(q.key, clean);
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
   * Replaces the answer to question `key` (any question, not only current). A choice answer has invalid
   * indexes dropped, is sorted and de-duplicated; an ordering must be a whole permutation; a matching answer
   * may leave prompts open. An empty list clears the answer. Returns false (no change) if the key is unknown,
   * the answer cannot be one for this question, or the exam is submitted.
   */
  answer(key: string, chosen: readonly number[]): boolean {
    const q = this.byKey.get(key);
    if (!q || this.outcome) return false;
    if (chosen.length === 0 || (q.type === 'matching' && chosen.every((i) => i === NO_RESPONSE))) {
      this.answers.delete(key);
      return true;
    }
    const clean = cleanAnswer(q, chosen, { partial: true });
    if (!clean) {
      // Choice answers that name no real option clear the answer, as before; other malformed ones are refused.
      if (q.type !== 'single' && q.type !== 'multiple') return false;
      this.answers.delete(key);
      return true;
    }
    this.answers.set(key, clean);
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

  /** Answered in full: a matching question with prompts still open is not answered yet. */
  isAnswered(key: string): boolean {
    const q = this.byKey.get(key);
    const a = this.answers.get(key);
    return q !== undefined && a !== undefined && isComplete(q, a);
  }

  counts(): { answered: number; unanswered: number; flagged: number; total: number } {
    const total = this.questions.length;
    const answered = this.questions.filter((q) => this.isAnswered(q.key)).length;
    return { answered, unanswered: total - answered, flagged: this.flagged.size, total };
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
      return { key: q.key, domainId: q.domainId, kind: answerKind(q), chosen: [...chosen], correct: chosen.length > 0 && isCorrectAnswer(q, chosen) };
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
      seed: this.seed,
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
