import { dayKeyer } from './history';
import { applyAnswer, applyReset, type QuestionSchedule } from './scheduler';
import { compareRecords, type AnswerRecord, type ExamRecord, type ProgressRecord } from './records';

/** Card reviews kept one by one for this many days (for a deck's recent recall); older ones only count. */
export const RECENT_DAYS = 45;
const DAY_MS = 86_400_000;

/** What a day of study adds up to: answers to questions (right or not), card reviews. */
export interface DayTally {
  answered: number;
  correct: number;
  cards: number;
}

/**
 * Everything Study Deck derives from the answer logs, built record by record in time order: schedules, the
 * counts, each day's tally, the mock exams, recent card reviews. It replaces holding every record in memory,
 * and it is what the snapshot stores, so a start-up reads it and replays only what came after.
 */
export class ProgressLedger {
  private readonly dayOf = dayKeyer();
  /** Questions' schedules, by question key. */
  readonly schedules = new Map<string, QuestionSchedule>();
  /** Flashcards' schedules, by card key: kept apart so question figures never count cards. */
  readonly cards = new Map<string, QuestionSchedule>();
  answers = 0;
  cardReviews = 0;
  readonly exams: ExamRecord[] = [];
  /** Local day (YYYY-MM-DD) → tally, since the last reset of everything. */
  readonly days = new Map<string, DayTally>();
  /** [time, card key, recalled] of the last RECENT_DAYS days, oldest first. */
  recentCards: [number, string, boolean][] = [];
  resetAllAt = -Infinity;
  readonly resetAt = new Map<string, number>();
  /** The latest record time applied: a record older than this arrived out of order. */
  watermark = -Infinity;
  /** The record at the watermark, to order another of the same millisecond as a replay does (not saved). */
  private last: ProgressRecord | undefined;

  /**
   * Applies one record, as a full replay in time order would. `currentHash` gives the answer key a question
   * has now; an answer given against another is left out of scheduling (it still counts in the history), and
   * a question no longer there gets no schedule. Returns false when the record is older than one already
   * applied and its place matters: the caller must then rebuild from the logs to keep the replay's order.
   */
  apply(r: ProgressRecord, currentHash: (key: string) => string | undefined, outOfOrder = false): boolean {
    // Of the same millisecond, a replay orders records by writer and kind (compareRecords).
    const late = r.at < this.watermark || (r.at === this.watermark && (this.last === undefined || compareRecords(r, this.last) < 0));
    if (late && !outOfOrder && !this.placesAlone(r, currentHash)) return false;
    if (!late) {
      this.watermark = r.at;
      this.last = r;
    }
    switch (r.kind) {
      case 'reset':
        if (r.keys === 'all') {
          this.resetAllAt = Math.max(this.resetAllAt, r.at);
          // A full reset starts the history over; the answers stay on disk.
          this.days.clear();
          this.recentCards = [];
        } else for (const k of r.keys) this.resetAt.set(k, Math.max(this.resetAt.get(k) ?? -Infinity, r.at));
        applyReset(this.schedules, r.keys);
        applyReset(this.cards, r.keys);
        return true;
      case 'exam':
        this.exams.push(r);
        return true;
      case 'answer':
        this.applyAnswer(r, currentHash);
        return true;
    }
  }

  /**
   * Whether a record older than the watermark lands exactly where a full replay would put it when applied
   * now. That holds for an answer whose own question (or card) has nothing later applied, after any reset of
   * everything: schedules are per key, the counts and day tallies add up in any order. It is the usual case
   * when another machine's answers arrive through a synced folder after this one's, and it spares a rebuild
   * of the whole history for each of them. Resets, exams and answers whose question moved on still rebuild.
   */
  private placesAlone(r: ProgressRecord, currentHash: (key: string) => string | undefined): boolean {
    if (r.kind !== 'answer' || r.at <= this.resetAllAt) return false;
    const card = r.t === 'card';
    if (r.at <= (this.resetAt.get(r.q) ?? -Infinity) || currentHash(r.q) !== r.h) return true;
    const s = (card ? this.cards : this.schedules).get(r.q);
    return s === undefined || (s.hash === r.h && r.at > s.lastAnswerAt);
  }

  private applyAnswer(r: AnswerRecord, currentHash: (key: string) => string | undefined): void {
    const card = r.t === 'card';
    if (card) this.cardReviews++;
    else this.answers++;
    // A reset of everything at the same moment wins, as in a full replay: the history starts after it.
    if (r.at <= this.resetAllAt) return;
    const day = this.dayOf(r.at);
    const tally = this.days.get(day) ?? { answered: 0, correct: 0, cards: 0 };
    if (card) tally.cards++;
    else {
      tally.answered++;
      if (r.ok) tally.correct++;
    }
    this.days.set(day, tally);
    if (card) {
      // In time order; only a record placed alone (see placesAlone) goes anywhere but the end.
      let i = this.recentCards.length;
      while (i > 0 && this.recentCards[i - 1][0] > r.at) i--;
      this.recentCards.splice(i, 0, [r.at, r.q, r.ok]);
    }
    // A reset at the same moment wins, as in a full replay (buildSchedules).
    if (r.at <= (this.resetAt.get(r.q) ?? -Infinity)) return;
    const hash = currentHash(r.q);
    if (hash !== undefined && hash === r.h) applyAnswer(card ? this.cards : this.schedules, r);
  }

  /** Drops card reviews older than RECENT_DAYS before `now` (kept in the logs, counted in the days). */
  prune(now: number): void {
    const since = now - RECENT_DAYS * DAY_MS;
    if (this.recentCards.length > 0 && this.recentCards[0][0] < since) this.recentCards = this.recentCards.filter(([at]) => at >= since);
  }

  /** Keys whose schedule was built against another answer key than the question has now (content edited). */
  staleKeys(currentHash: (key: string) => string | undefined): string[] {
    const stale: string[] = [];
    for (const [k, s] of this.schedules) if (currentHash(k) !== s.hash) stale.push(k);
    return stale;
  }

  /** Local days with at least one answer or card review since the last reset of everything. */
  activeDays(): Set<string> {
    const out = new Set<string>();
    for (const [d, t] of this.days) if (t.answered + t.cards > 0) out.add(d);
    return out;
  }

  toJSON(): LedgerData {
    return {
      schedules: [...this.schedules.values(), ...this.cards.values()],
      answers: this.answers,
      cardReviews: this.cardReviews,
      exams: this.exams,
      days: [...this.days].map(([d, t]) => [d, t.answered, t.correct, t.cards]),
      recentCards: this.recentCards,
      resetAllAt: Number.isFinite(this.resetAllAt) ? this.resetAllAt : null,
      resetAt: [...this.resetAt],
      watermark: Number.isFinite(this.watermark) ? this.watermark : null,
    };
  }

  static fromJSON(d: LedgerData): ProgressLedger {
    const l = new ProgressLedger();
    for (const s of d.schedules) (s.key.startsWith('card:') ? l.cards : l.schedules).set(s.key, s);
    l.answers = d.answers;
    l.cardReviews = d.cardReviews;
    l.exams.push(...d.exams);
    for (const [day, answered, correct, cards] of d.days) l.days.set(day, { answered, correct, cards });
    l.recentCards = d.recentCards;
    l.resetAllAt = d.resetAllAt ?? -Infinity;
    for (const [k, at] of d.resetAt) l.resetAt.set(k, at);
    l.watermark = d.watermark ?? -Infinity;
    return l;
  }
}

/** The ledger as JSON (infinities as null). */
export interface LedgerData {
  readonly schedules: QuestionSchedule[];
  readonly answers: number;
  readonly cardReviews: number;
  readonly exams: ExamRecord[];
  readonly days: [string, number, number, number][];
  readonly recentCards: [number, string, boolean][];
  readonly resetAllAt: number | null;
  readonly resetAt: [string, number][];
  readonly watermark: number | null;
}
