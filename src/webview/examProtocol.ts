/**
 * Messages between the extension and the mock exam webview. The extension owns the exam (answers, flags,
 * clock); the webview renders and reports input. Incoming messages are checked with isExamClientMessage.
 */
import { asRecord, isAnswerList, isIndex, isShortString } from './guards';
import type { CaseView, QuestionBodyView, QuestionView } from './protocol';

export interface ExamIntroView {
  readonly title: string;
  readonly questions: number;
  readonly minutes: number;
  readonly passScore: number;
  readonly maxScore: number;
  /** Where the draw could not follow the exam profile (a small pack), in plain sentences. */
  readonly notes: readonly string[];
}

export interface NavigatorItem {
  readonly answered: boolean;
  readonly flagged: boolean;
  /** The case study the question belongs to, so the navigator can group its questions. */
  readonly caseTitle?: string;
}

export interface ExamQuestionView {
  readonly key: string;
  readonly index: number;
  readonly prompt: string;
  readonly body: QuestionBodyView;
  readonly case?: CaseView;
  /** The answer so far (see answers.ts); [] when none. */
  readonly chosen: readonly number[];
  readonly flagged: boolean;
}

export interface ExamRunView {
  readonly title: string;
  readonly total: number;
  readonly question: ExamQuestionView;
  readonly navigator: readonly NavigatorItem[];
  readonly remainingMs: number;
  readonly limitMs: number;
  readonly notes: readonly string[];
  /** Time not charged because the editor was closed, shown once after resuming. */
  readonly pausedMs: number;
}

export interface DomainResultView {
  readonly domainId: string;
  readonly title: string;
  readonly weight: number;
  readonly correct: number;
  readonly total: number;
  readonly percent: number;
}

export interface ResultItemView {
  readonly index: number;
  /** First line of the prompt, or a notice when the question is no longer in the pack. */
  readonly prompt: string;
  readonly answered: boolean;
  readonly correct: boolean;
  readonly domainTitle: string;
  readonly available: boolean;
}

export interface ExamResultsView {
  readonly attemptId: string;
  readonly title: string;
  readonly submittedAt: number;
  readonly end: 'submitted' | 'timeout';
  readonly elapsedMs: number;
  readonly limitMs: number;
  readonly correct: number;
  readonly answered: number;
  readonly total: number;
  readonly percent: number;
  readonly estimatedScore: number;
  readonly passScore: number;
  readonly maxScore: number;
  readonly passed: boolean;
  readonly byDomain: readonly DomainResultView[];
  readonly weakest: { readonly domainId: string; readonly title: string } | undefined;
  readonly items: readonly ResultItemView[];
}

export type ExamHostMessage =
  | { readonly type: 'intro'; readonly intro: ExamIntroView }
  | { readonly type: 'exam'; readonly exam: ExamRunView }
  | { readonly type: 'results'; readonly results: ExamResultsView }
  /** One question of a finished attempt, with every option's explanation. */
  | { readonly type: 'reviewQuestion'; readonly question: QuestionView; readonly attemptId: string }
  | { readonly type: 'empty'; readonly message: string };

export type ExamClientMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'begin' }
  | { readonly type: 'answer'; readonly key: string; readonly chosen: readonly number[] }
  | { readonly type: 'flag'; readonly key: string }
  | { readonly type: 'goTo'; readonly index: number }
  | { readonly type: 'submit' }
  | { readonly type: 'reviewQuestion'; readonly index: number }
  | { readonly type: 'results' }
  | { readonly type: 'studyDomain'; readonly domainId: string }
  | { readonly type: 'openTerm'; readonly id: string }
  | { readonly type: 'lookUpTerm'; readonly key: string };

export function isExamClientMessage(m: unknown): m is ExamClientMessage {
  const o = asRecord(m);
  if (!o) return false;
  switch (o.type) {
    case 'ready':
    case 'begin':
    case 'submit':
    case 'results':
      return true;
    case 'answer':
      // An empty list clears the answer: exam answers can change until submission.
      return isShortString(o.key) && isAnswerList(o.chosen, true);
    case 'flag':
      return isShortString(o.key);
    case 'goTo':
    case 'reviewQuestion':
      return isIndex(o.index);
    case 'studyDomain':
      return isShortString(o.domainId);
    case 'openTerm':
      return isShortString(o.id);
    case 'lookUpTerm':
      return isShortString(o.key);
    default:
      return false;
  }
}
