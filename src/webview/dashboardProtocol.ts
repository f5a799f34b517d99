/** Messages between the extension and the progress dashboard webview; checked with isDashboardClientMessage. */
import { asRecord, isShortString } from './guards';

export interface ReadinessView {
  readonly expected: number;
  readonly estimatedScore: number;
  readonly passScore: number;
  readonly maxScore: number;
  readonly likelyPass: boolean;
  readonly seen: number;
  readonly total: number;
  /** When recall is predicted for: the exam date, or now. */
  readonly at: number;
  readonly atExamDate: boolean;
  readonly byDomain: readonly { readonly title: string; readonly weight: number; readonly expected: number; readonly seen: number; readonly total: number }[];
  readonly leftOut: readonly string[];
}

export interface MasteryView {
  readonly mastered: number;
  readonly seen: number;
  readonly due: number;
  readonly total: number;
}

export interface PackDashboardView {
  readonly packId: string;
  readonly title: string;
  readonly readiness: ReadinessView | undefined;
  readonly domains: readonly (MasteryView & {
    readonly id: string;
    readonly title: string;
    readonly weight: number;
    readonly topics: readonly (MasteryView & { readonly key: string; readonly title: string })[];
  })[];
}

export interface DashboardView {
  readonly generatedAt: number;
  readonly answers: number;
  /** The setting as typed, and why it was not used when it is not a date. */
  readonly examDate: string;
  readonly examDateError: string | undefined;
  readonly packs: readonly PackDashboardView[];
  /** Last 30 local days, oldest first; `day` is YYYY-MM-DD. */
  readonly accuracy: readonly { readonly day: string; readonly answered: number; readonly correct: number }[];
  /** Next 14 days, today first. */
  readonly due: readonly { readonly day: string; readonly count: number }[];
  readonly streak: { readonly current: number; readonly longest: number; readonly answeredToday: boolean };
  readonly weakest: readonly { readonly key: string; readonly title: string; readonly recall: number | undefined; readonly seen: number; readonly total: number; readonly mastered: number }[];
  /** Flashcard decks from the learner's notes: apart from the packs, never part of readiness. */
  readonly decks: readonly {
    readonly deck: string;
    readonly cards: number;
    readonly due: number;
    readonly fresh: number;
    /** Share of reviews in the last 30 days rated Hard or better; undefined without reviews. */
    readonly retention: number | undefined;
    readonly reviews: number;
  }[];
  readonly attempts: readonly {
    readonly id: string;
    readonly title: string;
    readonly at: number;
    readonly estimatedScore: number;
    readonly passScore: number;
    readonly maxScore: number;
    readonly passed: boolean;
    readonly correct: number;
    readonly total: number;
    readonly end: 'submitted' | 'timeout';
  }[];
}

export type DashboardHostMessage = { readonly type: 'dashboard'; readonly data: DashboardView } | { readonly type: 'empty'; readonly message: string };

export type DashboardClientMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'studyTopic'; readonly key: string }
  | { readonly type: 'openAttempt'; readonly id: string }
  | { readonly type: 'startExam'; readonly packId: string }
  | { readonly type: 'reviewDue' }
  | { readonly type: 'reviewDeck'; readonly deck: string }
  | { readonly type: 'setExamDate' };

export function isDashboardClientMessage(m: unknown): m is DashboardClientMessage {
  const o = asRecord(m);
  if (!o) return false;
  switch (o.type) {
    case 'ready':
    case 'reviewDue':
    case 'setExamDate':
      return true;
    case 'studyTopic':
      return isShortString(o.key);
    case 'openAttempt':
      return isShortString(o.id);
    case 'startExam':
      return isShortString(o.packId);
    case 'reviewDeck':
      return isShortString(o.deck);
    default:
      return false;
  }
}
