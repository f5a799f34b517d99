import type { AnswerEvent } from '../../core/quiz/session';

/** Where every answer goes: the quiz panel and the palette quizzes report to it (ProgressService). */
export interface AnswerSink {
  record(event: AnswerEvent): void;
}
