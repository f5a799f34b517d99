/**
 * Messages between the extension and the flashcard webview. The extension owns the queue, the schedules and
 * the typed-answer check; the webview shows a card and reports keys and clicks. Checked with
 * isCardsClientMessage before anything acts on them.
 */
import { asRecord, isShortString } from './guards';
import type { TermTipView } from './protocol';

export interface RatingButtonView {
  readonly rating: 1 | 2 | 3 | 4;
  /** "Again", "Hard", "Good", "Easy". */
  readonly label: string;
  /** When this rating would bring the card back, e.g. "1 d" or "12 d". */
  readonly interval: string;
}

export interface TypedVerdictView {
  readonly typed: string;
  readonly match: boolean;
  readonly expected: string;
  readonly diff: readonly { readonly text: string; readonly kind: 'same' | 'missing' | 'extra' }[];
}

export interface CardView {
  readonly key: string;
  /** Markdown; image paths beside the note are already webview URIs. */
  readonly front: string;
  readonly back: string;
  readonly kind: 'basic' | 'reversed' | 'cloze';
  readonly deck: string;
  /** Where it is written, e.g. "notes/aws.md:12", for the learner to find it. */
  readonly where: string;
  /** "New", "Due" or "Review", for the header. */
  readonly status: string;
  readonly index: number;
  readonly total: number;
  readonly revealed: boolean;
  /** Shown once revealed. */
  readonly ratings: readonly RatingButtonView[];
  /** Typed-answer mode: an input before revealing, then the comparison. */
  readonly typing: boolean;
  readonly verdict?: TypedVerdictView;
  /** Glossary terms marked in the card's text. */
  readonly glossary?: readonly TermTipView[];
}

export interface CardsDoneView {
  readonly reviewed: number;
  readonly tally: readonly { readonly label: string; readonly count: number }[];
  /** When the next card of this set falls due, in words; undefined when none is scheduled. */
  readonly next?: string;
}

export type CardsHostMessage =
  | { readonly type: 'card'; readonly card: CardView }
  | { readonly type: 'done'; readonly done: CardsDoneView }
  | { readonly type: 'empty'; readonly message: string };

export type CardsClientMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'reveal'; readonly key: string; readonly typed?: string }
  | { readonly type: 'rate'; readonly key: string; readonly rating: 1 | 2 | 3 | 4 }
  | { readonly type: 'openSource'; readonly key: string }
  | { readonly type: 'lookUpTerm'; readonly key: string };

const MAX_TYPED = 2_000;

export function isCardsClientMessage(m: unknown): m is CardsClientMessage {
  const o = asRecord(m);
  if (!o) return false;
  switch (o.type) {
    case 'ready':
      return true;
    case 'reveal':
      return isShortString(o.key) && (o.typed === undefined || (typeof o.typed === 'string' && o.typed.length <= MAX_TYPED));
    case 'rate':
      return isShortString(o.key) && (o.rating === 1 || o.rating === 2 || o.rating === 3 || o.rating === 4);
    case 'openSource':
    case 'lookUpTerm':
      return isShortString(o.key);
    default:
      return false;
  }
}
