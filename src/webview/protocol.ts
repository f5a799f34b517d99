/**
 * Messages between the extension and the quiz webview. Both sides import these types; the extension
 * checks every incoming message with isQuizClientMessage before acting on it.
 */
import { asRecord, isAnswerList, isIndex, isShortString } from './guards';

/**
 * A glossary term marked in the text (as a `term:` link the webview turns into a focusable term): what its
 * tooltip shows. Pack text, rendered as Markdown with HTML off.
 */
export interface TermTipView {
  readonly key: string;
  readonly term: string;
  readonly expansion?: string;
  readonly definition: string;
  readonly confusedWith: readonly { readonly term: string; readonly difference?: string }[];
}

/** The scenario of a case study, shown with each of its questions. */
export interface CaseView {
  readonly key: string;
  readonly title: string;
  /** Markdown. */
  readonly scenario: string;
  /** This question's place among the case's questions, 1-based. */
  readonly part: number;
  readonly parts: number;
}

/**
 * What the learner answers with, by question type. Items and responses come in the order to show them
 * (shuffled by the host); `index` is what an answer refers to.
 */
export type QuestionBodyView =
  | { readonly type: 'single' | 'multiple'; readonly choose: number; readonly options: readonly { readonly text: string }[] }
  | { readonly type: 'ordering'; readonly items: readonly { readonly index: number; readonly text: string }[] }
  | { readonly type: 'matching'; readonly prompts: readonly { readonly text: string }[]; readonly responses: readonly { readonly index: number; readonly text: string }[] };

/** Pack text travels as plain strings; the webview renders Markdown with raw HTML off. */
export interface QuestionView {
  readonly key: string;
  readonly index: number;
  readonly total: number;
  readonly prompt: string;
  readonly body: QuestionBodyView;
  readonly case?: CaseView;
  readonly flagged: boolean;
  readonly topicTitle: string;
  /** Present once answered. */
  readonly feedback?: FeedbackView;
  /** The glossary terms marked in this view's text; empty while term help is off (a running exam, the setting). */
  readonly glossary?: readonly TermTipView[];
}

/** Why each part is right or wrong, by question type; `chosen` in FeedbackView is read accordingly. */
export type FeedbackDetail =
  | { readonly type: 'choice'; readonly options: readonly { readonly correct: boolean; readonly why: string }[] }
  /** The items in the right order; chosen lists item indexes in the order the learner placed them. */
  | { readonly type: 'ordering'; readonly items: readonly { readonly text: string; readonly why: string }[] }
  /** Every pair and distractor; chosen gives per prompt the response index (pairs first, then distractors; -1 none). */
  | { readonly type: 'matching'; readonly pairs: readonly { readonly prompt: string; readonly response: string; readonly why: string }[]; readonly distractors: readonly { readonly text: string; readonly why: string }[] };

export interface FeedbackView {
  readonly chosen: readonly number[];
  readonly correct: boolean;
  /** Options, positions or pairs right: feedback only, scoring is all or nothing. */
  readonly parts: { readonly right: number; readonly of: number };
  readonly detail: FeedbackDetail;
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
  | { readonly type: 'openTerm'; readonly id: string }
  /** Opens a marked term's whole glossary entry; `key` is "pack/term". */
  | { readonly type: 'lookUpTerm'; readonly key: string };

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
      return isShortString(o.key) && isAnswerList(o.chosen, false);
    case 'flag':
      return isShortString(o.key);
    case 'review':
      return isIndex(o.index);
    case 'openTerm':
      return isShortString(o.id);
    case 'lookUpTerm':
      return isShortString(o.key);
    default:
      return false;
  }
}
