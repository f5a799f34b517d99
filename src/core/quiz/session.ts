import type { Question } from '../content/model';

/** One answer as the progress store will keep it. */
export interface AnswerEvent {
  readonly questionKey: string;
  /** Indexes into the question's options, sorted. */
  readonly chosen: readonly number[];
  readonly correct: boolean;
  /** Epoch milliseconds. */
  readonly at: number;
}

/** Right only with every correct option and no wrong one, as on the exam. */
export function isCorrectChoice(question: Question, chosen: readonly number[]): boolean {
  const picked = new Set(chosen);
  return question.options.every((o, i) => o.correct === picked.has(i)) && picked.size > 0;
}

export function correctCount(question: Question): number {
  return question.options.filter((o) => o.correct).length;
}

/** What a webview needs to restore a session; question keys keep it valid across content edits. */
export interface SessionState {
  readonly questionKeys: readonly string[];
  readonly index: number;
  readonly answers: Readonly<Record<string, readonly number[]>>;
  readonly flagged: readonly string[];
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
  ) {}

  static restore(state: SessionState, lookup: (key: string) => Question | undefined, now?: () => number): QuizSession {
    const questions = state.questionKeys.map(lookup).filter((q): q is Question => q !== undefined);
    const s = new QuizSession(questions, now);
    for (const q of questions) {
      const a = state.answers[q.key];
      if (a && a.every((i) => Number.isInteger(i) && i >= 0 && i < q.options.length)) s.answers.set(q.key, [...a]);
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
    const clean = [...new Set(chosen)].filter((i) => Number.isInteger(i) && i >= 0 && i < q.options.length).sort((a, b) => a - b);
    if (clean.length === 0) return undefined;
    this.answers.set(q.key, clean);
    return { questionKey: q.key, chosen: clean, correct: isCorrectChoice(q, clean), at: this.now() };
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
      if (a && isCorrectChoice(q, a)) correct++;
    }
    return { correct, answered: this.answers.size, total: this.questions.length };
  }

  missed(): Question[] {
    return this.questions.filter((q) => {
      const a = this.answers.get(q.key);
      return a !== undefined && !isCorrectChoice(q, a);
    });
  }

  state(): SessionState {
    return {
      questionKeys: this.questions.map((q) => q.key),
      index: this.position,
      answers: Object.fromEntries(this.answers),
      flagged: [...this.flagged],
    };
  }
}
