import type { CardRating } from '../progress/records';

/** What a card panel keeps across a reload: the queue by card key and where it stands. */
export interface CardSessionState {
  readonly keys: readonly string[];
  readonly index: number;
  readonly revealed: boolean;
  readonly tally: Readonly<Record<CardRating, number>>;
  /** Keys already sent round again after Again, so a card comes back at most once per session. */
  readonly again: readonly string[];
}

export function isCardSessionState(v: unknown): v is CardSessionState {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  const tally = o.tally as Record<string, unknown> | undefined;
  return (
    Array.isArray(o.keys) &&
    o.keys.every((k) => typeof k === 'string') &&
    Number.isSafeInteger(o.index) &&
    typeof o.revealed === 'boolean' &&
    Array.isArray(o.again) &&
    typeof tally === 'object' &&
    tally !== null &&
    [1, 2, 3, 4].every((r) => Number.isSafeInteger(tally[r]))
  );
}

/**
 * One sitting of flashcard review: show a front, reveal its back, take a rating, move on. A card rated
 * Again comes back once at the end of the sitting, as in other spaced-repetition tools; its schedule is
 * what the rating made it. The session holds keys only; the caller looks cards up and records ratings.
 */
export class CardReviewSession {
  private keys: string[];
  private position: number;
  private shown: boolean;
  private readonly counts: Record<CardRating, number>;
  private readonly requeued: Set<string>;

  constructor(keys: readonly string[], state?: CardSessionState) {
    this.keys = state ? [...state.keys] : [...new Set(keys)];
    this.position = state ? Math.min(Math.max(0, state.index), this.keys.length) : 0;
    this.shown = state?.revealed ?? false;
    this.counts = { ...(state?.tally ?? { 1: 0, 2: 0, 3: 0, 4: 0 }) };
    this.requeued = new Set(state?.again ?? []);
  }

  get current(): string | undefined {
    return this.keys[this.position];
  }

  get index(): number {
    return this.position;
  }

  get total(): number {
    return this.keys.length;
  }

  get revealed(): boolean {
    return this.shown;
  }

  get finished(): boolean {
    return this.position >= this.keys.length;
  }

  get tally(): Readonly<Record<CardRating, number>> {
    return this.counts;
  }

  /** Drops keys the caller can no longer find (a card edited away); keeps the place. */
  keepOnly(exists: (key: string) => boolean): void {
    const before = this.keys.slice(0, this.position).filter(exists).length;
    this.keys = this.keys.filter(exists);
    this.position = Math.min(before, this.keys.length);
  }

  reveal(): boolean {
    if (this.finished || this.shown) return false;
    this.shown = true;
    return true;
  }

  /** Rates the current card (only once revealed) and moves on; returns the key rated. */
  rate(rating: CardRating): string | undefined {
    const key = this.current;
    if (key === undefined || !this.shown) return undefined;
    this.counts[rating]++;
    if (rating === 1 && !this.requeued.has(key)) {
      this.requeued.add(key);
      this.keys.push(key);
    }
    this.position++;
    this.shown = false;
    return key;
  }

  state(): CardSessionState {
    return { keys: [...this.keys], index: this.position, revealed: this.shown, tally: { ...this.counts }, again: [...this.requeued] };
  }
}
