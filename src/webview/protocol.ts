/**
 * Messages between the extension and the quiz webview. Both sides import these types; the extension
 * checks every incoming message with isQuizClientMessage before acting on it.
 */
import { asRecord, isChoiceList, isIndex, isShortString } from './guards';

/** Pack text travels as plain strings; the webview renders Markdown with raw HTML off. */
export interface QuestionView {
  readonly key: string;
  readonly index: number;
  readonly total: number;
  readonly type: 'single' | 'multiple';
  readonly choose: number;
  readonly prompt: string;
  readonly options: readonly { readonly text: string }[];
  readonly flagged: boolean;
  readonly topicTitle: string;
  /** Present once answered. */
  readonly feedback?: FeedbackView;
}

export interface FeedbackView {
  readonly chosen: readonly number[];
  readonly correct: boolean;
  readonly options: readonly { readonly correct: boolean; readonly why: string }[];
  readonly explanation: string;
  readonly terms: readonly { readonly id: string; readonly term: string }[];
}

export interface SummaryView {
  readonly correct: number;
  readonly total: number;
  readonly items: readonly { readonly index: number; readonly prompt: string; readonly correct: boolean; readonly flagged: boolean }[];
  readonly missed: number;
}

export type QuizHostMessage =
  | { readonly type: 'question'; readonly question: QuestionView }
  | { readonly type: 'summary'; readonly summary: SummaryView }
  | { readonly type: 'empty'; readonly message: string };

export type QuizClientMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'answer'; readonly key: string; readonly chosen: readonly number[] }
  | { readonly type: 'next' }
  | { readonly type: 'flag'; readonly key: string }
  | { readonly type: 'review'; readonly index: number }
  | { readonly type: 'summary' }
  | { readonly type: 'retryMissed' }
  | { readonly type: 'openTerm'; readonly id: string };

/** Guards the extension against anything a compromised or buggy webview might post. */
export function isQuizClientMessage(m: unknown): m is QuizClientMessage {
  const o = asRecord(m);
  if (!o) return false;
  switch (o.type) {
    case 'ready':
    case 'next':
    case 'summary':
    case 'retryMissed':
      return true;
    case 'answer':
      return isShortString(o.key) && isChoiceList(o.chosen, false);
    case 'flag':
      return isShortString(o.key);
    case 'review':
      return isIndex(o.index);
    case 'openTerm':
      return isShortString(o.id);
    default:
      return false;
  }
}
