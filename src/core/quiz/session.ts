import type { Question } from '../content/model';
import { answerKind, cleanAnswer, isCorrectAnswer, type Answer, type AnswerKind } from './answers';

export { correctCount } from './answers';

/** One answer as the progress store will keep it. */
export interface AnswerEvent {
  readonly questionKey: string;
  /** The answer in the shape of its question's type (see answers.ts). */
  readonly chosen: Answer;
  readonly kind: AnswerKind;
  readonly correct: boolean;
  /** Epoch milliseconds. */
  readonly at: number;
}

/** What a webview needs to restore a session; question keys keep it valid across content edits. */
export interface SessionState {
  readonly questionKeys: readonly string[];
  readonly index: number;
  readonly answers: Readonly<Record<string, readonly number[]>>;
  readonly flagged: readonly string[];
  /** Seeds the shuffled order of ordering items and matching responses, so a reload shows the same. */
  readonly seed?: number;
}

/**
 * A quiz over a fixed list of questions: answer, move on, flag, summarise, retry the missed ones.
 * Shared by the panel, the palette and (later) the exam.
 */
export class QuizSession {
  private position = 0;
  private readonly answers = new Map<string, readonly number[]>();
  private readonly flagged = new Set<string>();

  constructor(
    readonly questions: readonly Question[],
    private readonly now: () => number = Date.now,
    /** Seeds the shuffled order of ordering items and matching responses. */
    readonly seed: number = Math.floor(Math.random() * 0x100000000),
  ) {}

  static restore(state: SessionState, lookup: (key: string) => Question | undefined, now?: () => number): QuizSession {
    const questions = state.questionKeys.map(lookup).filter((q): q is Question => q !== undefined);
    const s = new QuizSession(questions, now, typeof state.seed === 'number' && Number.isSafeInteger(state.seed) ? state.seed : undefined);
    for (const q of questions) {
      const a = Object.hasOwn(state.answers, q.key) ? state.answers[q.key] : undefined;
      // An answer that no longer fits the question (its options changed) is dropped, never reinterpreted.
      const clean = Array.isArray(a) ? cleanAnswer(q, a) : undefined;
      if (clean) s.answers.set(q.key, clean);
      if (state.flagged.includes(q.key)) s.flagged.add(q.key);
    }
    s.position = Math.min(Math.max(0, state.index), Math.max(0, questions.length - 1));
    return s;
  }

  get index(): number {
    return this.position;
  }

  get current(): Question | undefined {
    return this.questions[this.position];
  }

  get finished(): boolean {
    return this.questions.length > 0 && this.questions.every((q) => this.answers.has(q.key));
  }

  answerOf(key: string): readonly number[] | undefined {
    return this.answers.get(key);
  }

  isFlagged(key: string): boolean {
    return this.flagged.has(key);
  }

  /** Records the answer to the current question (once: a second answer to the same question is ignored). */
  answer(chosen: readonly number[]): AnswerEvent | undefined {
    const q = this.current;
    if (!q || this.answers.has(q.key)) return undefined;
    const clean = cleanAnswer(q, chosen);
    if (!clean) return undefined;
    this.answers.set(q.key, clean);
    return { questionKey: q.key, kind: answerKind(q), chosen: clean, correct: isCorrectAnswer(q, clean), at: this.now() };
  }

  next(): boolean {
    if (this.position >= this.questions.length - 1) return false;
    this.position++;
    return true;
  }

  goTo(index: number): void {
    if (index >= 0 && index < this.questions.length) this.position = index;
  }

  toggleFlag(): boolean {
    const q = this.current;
    if (!q) return false;
    if (this.flagged.has(q.key)) this.flagged.delete(q.key);
    else this.flagged.add(q.key);
    return this.flagged.has(q.key);
  }

  score(): { correct: number; answered: number; total: number } {
    let correct = 0;
    for (const q of this.questions) {
      const a = this.answers.get(q.key);
      if (a && isCorrectAnswer(q, a)) correct++;
    }
    return { correct, answered: this.answers.size, total: this.questions.length };
  }

  missed(): Question[] {
    return this.questions.filter((q) => {
      const a = this.answers.get(q.key);
      return a !== undefined && !isCorrectAnswer(q, a);
    });
  }

  state(): SessionState {
    return {
      questionKeys: this.questions.map((q) => q.key),
      index: this.position,
      answers: Object.fromEntries(this.answers),
      flagged: [...this.flagged],
      seed: this.seed,
    };
  }
}
