import { createEmptyCard, fsrs, Rating, type Card, type Grade, type State } from 'ts-fsrs';
import { compareRecords, type AnswerRecord, type ProgressRecord } from './records';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * FSRS-6 with ts-fsrs's default weights and target retention 0.9. Fuzz is off so that every window, and a
 * replay of the log, computes the same due times. Short-term (minute) learning steps are off: a quiz bank is
 * answered in bursts, and a question answered right would otherwise be "due" again ten minutes later; here a
 * first right answer is due in about 3 days and a wrong one the next day.
 */
export const FSRS_PARAMETERS = { request_retention: 0.9, enable_fuzz: false, enable_short_term: false } as const;
const scheduler = fsrs(FSRS_PARAMETERS);

/** ts-fsrs's Card as plain JSON (times in epoch ms), so a schedule can be updated exactly without replaying. */
export interface CardState {
  readonly due: number;
  readonly stability: number;
  readonly difficulty: number;
  readonly elapsed_days: number;
  readonly scheduled_days: number;
  readonly learning_steps: number;
  readonly reps: number;
  readonly lapses: number;
  readonly state: State;
  readonly last_review: number;
}

export interface QuestionSchedule {
  readonly key: string;
  /** When predicted recall falls to the target (0.9): the question is due from then on. Epoch ms. */
  readonly due: number;
  readonly lastAnswerAt: number;
  /** Answers counted since the last reset or answer-key change. */
  readonly reps: number;
  /** FSRS lapses: wrong answers after the question had been answered before. */
  readonly lapses: number;
  /** FSRS stability in days: the interval at which recall would drop to 90%. */
  readonly stability: number;
  readonly lastCorrect: boolean;
  /** The answer-key hash these answers were given against. */
  readonly hash: string;
  readonly card: CardState;
}

/**
 * Replays each question's answers in time order. Answers at or before a reset that covers their question
 * are left out, and so are answers given against another answer key than the current one; questions for
 * which `currentHash` returns undefined no longer exist and get no schedule. Exam records do not schedule:
 * they are a history of attempts, and only quiz answers (which show feedback) are meant to space reviews.
 */
export function buildSchedules(records: readonly ProgressRecord[], currentHash: (key: string) => string | undefined): Map<string, QuestionSchedule> {
  let resetAllAt = -Infinity;
  const resetAt = new Map<string, number>();
  for (const r of records) {
    if (r.kind !== 'reset') continue;
    if (r.keys === 'all') resetAllAt = Math.max(resetAllAt, r.at);
    else for (const k of r.keys) resetAt.set(k, Math.max(resetAt.get(k) ?? -Infinity, r.at));
  }
  const hashes = new Map<string, string | undefined>();
  const hashOf = (key: string): string | undefined => {
    if (!hashes.has(key)) hashes.set(key, currentHash(key));
    return hashes.get(key);
  };
  const answers = records.filter((r): r is AnswerRecord => {
    if (r.kind !== 'answer') return false;
    if (r.at <= Math.max(resetAllAt, resetAt.get(r.q) ?? -Infinity)) return false;
    const hash = hashOf(r.q);
    return hash !== undefined && r.h === hash;
  });
  answers.sort(compareRecords);
  const schedules = new Map<string, QuestionSchedule>();
  for (const a of answers) applyAnswer(schedules, a);
  return schedules;
}

/**
 * Updates one question's schedule for a new answer in O(1), the same step buildSchedules replays. An answer
 * with another answer-key hash than the schedule's starts the question over, as a rebuild would. An answer
 * older than the last one (another window's clock) is scheduled as if given at the last answer's time.
 */
export function applyAnswer(schedules: Map<string, QuestionSchedule>, record: AnswerRecord): void {
  const previous = schedules.get(record.q);
  const start = previous && previous.hash === record.h ? previous : undefined;
  const at = Math.max(record.at, start?.lastAnswerAt ?? -Infinity);
  const card = start ? toCard(start.card) : createEmptyCard(new Date(at));
  // Questions are right or wrong (Good or Again); flashcards carry the rating the learner gave.
  const rating = record.r ?? (record.ok ? Rating.Good : Rating.Again);
  const next = scheduler.next(card, new Date(at), rating as Grade).card;
  const state = fromCard(next, at);
  schedules.set(record.q, {
    key: record.q,
    due: state.due,
    lastAnswerAt: at,
    reps: state.reps,
    lapses: state.lapses,
    stability: state.stability,
    lastCorrect: record.ok,
    hash: record.h,
    card: state,
  });
}

/**
 * When each of the four ratings would bring a card back, for the buttons of a review: the same FSRS step as
 * applyAnswer, without changing anything. `s` undefined: a card never reviewed.
 */
export function previewDue(s: QuestionSchedule | undefined, now: number): Record<1 | 2 | 3 | 4, number> {
  const at = Math.max(now, s?.lastAnswerAt ?? -Infinity);
  const card = s ? toCard(s.card) : createEmptyCard(new Date(at));
  const grades = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const;
  const out = {} as Record<1 | 2 | 3 | 4, number>;
  for (const g of grades) out[g as 1 | 2 | 3 | 4] = scheduler.next(card, new Date(at), g).card.due.getTime();
  return out;
}

/** Removes the schedules a reset covers; later answers start those questions over. */
export function applyReset(schedules: Map<string, QuestionSchedule>, keys: readonly string[] | 'all'): void {
  if (keys === 'all') schedules.clear();
  else for (const k of keys) schedules.delete(k);
}

/**
 * Predicted recall (0..1) at `now` on the FSRS forgetting curve. Unlike ts-fsrs's get_retrievability,
 * elapsed time is not rounded down to whole days, so the estimate falls smoothly through the day.
 */
export function recallAt(s: QuestionSchedule, now: number): number {
  const elapsedDays = Math.max(0, now - s.lastAnswerAt) / DAY_MS;
  return scheduler.forgetting_curve(elapsedDays, s.stability);
}

export function isDue(s: QuestionSchedule, now: number): boolean {
  return s.due <= now;
}

/** Keys of the due questions, the most overdue first. */
export function dueKeys(schedules: ReadonlyMap<string, QuestionSchedule>, now: number): string[] {
  return [...schedules.values()]
    .filter((s) => isDue(s, now))
    .sort((a, b) => a.due - b.due || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((s) => s.key);
}

/** The earliest due time after `now`, e.g. to refresh a "N due" count then; undefined when none. */
export function nextDue(schedules: ReadonlyMap<string, QuestionSchedule>, now: number): number | undefined {
  let earliest: number | undefined;
  for (const s of schedules.values()) if (s.due > now && (earliest === undefined || s.due < earliest)) earliest = s.due;
  return earliest;
}

/**
 * How many questions fall due on each of the next `days` local calendar days: day 0 is everything already
 * due or due before midnight; questions due after the last day are not counted.
 */
export function dueCountsByDay(schedules: ReadonlyMap<string, QuestionSchedule>, now: number, days: number): number[] {
  const counts = new Array<number>(Math.max(0, days)).fill(0);
  if (counts.length === 0) return counts;
  // Local midnights, built with setDate so a daylight-saving change keeps days on calendar boundaries.
  const ends: number[] = [];
  for (let i = 1; i <= counts.length; i++) {
    const d = new Date(now);
    d.setHours(0, 0, 0, 0);
    d.setDate(d.getDate() + i);
    ends.push(d.getTime());
  }
  for (const s of schedules.values()) {
    const day = ends.findIndex((end) => s.due < end);
    if (day !== -1) counts[day]++;
  }
  return counts;
}

/**
 * Mastered: answered at least once since the last reset or answer-key change, the last answer was right,
 * and the question is not due. FSRS sets the due time where predicted recall falls to the target of 0.9
 * (rounded to whole days), so "not due" means "still expected to be recalled". A first right answer counts
 * as mastered until it falls due (about 3 days later); a question whose last answer was wrong never does.
 */
export function isMastered(s: QuestionSchedule, now: number): boolean {
  return s.reps > 0 && s.lastCorrect && !isDue(s, now);
}

function toCard(c: CardState): Card {
  return { ...c, due: new Date(c.due), last_review: new Date(c.last_review) };
}

function fromCard(c: Card, at: number): CardState {
  return {
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    last_review: c.last_review?.getTime() ?? at,
  };
}
