import type { Topic } from '../content/model';
import type { ProgressRecord } from './records';
import { isMastered, recallAt, type QuestionSchedule } from './scheduler';

/** Local calendar day as 'YYYY-MM-DD'. */
export function dayKey(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * dayKey for many times at once. Answers come in time order, so most fall on the day before them: the day's
 * bounds are kept and a Date is built only when a time leaves them (100,000 answers: one Date per day).
 */
export function dayKeyer(): (ms: number) => string {
  let start = Infinity;
  let end = -Infinity;
  let key = '';
  return (ms) => {
    if (ms < start || ms >= end) {
      const d = new Date(ms);
      d.setHours(0, 0, 0, 0);
      start = d.getTime();
      d.setDate(d.getDate() + 1);
      end = d.getTime();
      key = dayKey(ms);
    }
    return key;
  };
}

/**
 * The local day `offset` days from the day of `ms`. Built at local noon with setDate, so a daylight-saving
 * change (a 23- or 25-hour day) never skips or repeats a calendar day.
 */
export function dayKeyFrom(ms: number, offset: number): string {
  const d = new Date(ms);
  d.setHours(12, 0, 0, 0);
  d.setDate(d.getDate() + offset);
  return dayKey(d.getTime());
}

/** Noon of the day a key names, to step from. */
function noonOf(key: string): number {
  const [y, m, d] = key.split('-').map(Number);
  const date = new Date(2000, 0, 1, 12);
  date.setFullYear(y, m - 1, d);
  return date.getTime();
}

/**
 * Answers that count for history, as of `now`: given after the latest reset of 'all' (a full reset starts the
 * history over; resets of some questions do not, the answers were still given) and not after `now`. Resets
 * count whenever they were made, as buildSchedules counts them. Records of other kinds are ignored.
 */
function countedAnswers(records: readonly ProgressRecord[], now: number): { at: number; ok: boolean }[] {
  let resetAllAt = -Infinity;
  for (const r of records) {
    if (r.kind === 'reset') {
      if (r.keys === 'all') resetAllAt = Math.max(resetAllAt, r.at);
    }
  }
  const answers: { at: number; ok: boolean }[] = [];
  for (const r of records) {
    if (r.kind === 'answer') {
      if (r.at > resetAllAt && r.at <= now) answers.push({ at: r.at, ok: r.ok });
    }
  }
  return answers;
}

export interface DayAccuracy {
  readonly day: string;
  readonly answered: number;
  readonly correct: number;
}

/**
 * The last `days` local days, oldest first, ending with the day of `now` (days with no answers have 0/0).
 * Only answers after the latest reset of 'all' count (a full reset starts the history over); answers in the
 * future of now are ignored.
 */
export function dailyAccuracy(records: readonly ProgressRecord[], now: number, days: number): DayAccuracy[] {
  const byDay = new Map<string, { answered: number; correct: number }>();
  const keyOf = dayKeyer();
  for (const a of countedAnswers(records, now)) {
    const key = keyOf(a.at);
    const t = byDay.get(key) ?? { answered: 0, correct: 0 };
    t.answered++;
    if (a.ok) t.correct++;
    byDay.set(key, t);
  }
  return dailyAccuracyFromDays(byDay, now, days);
}

/** The same from each day's tally (the progress ledger keeps them): the last `days` local days, oldest first. */
export function dailyAccuracyFromDays(byDay: ReadonlyMap<string, { readonly answered: number; readonly correct: number }>, now: number, days: number): DayAccuracy[] {
  const n = Math.max(0, Math.floor(days));
  const out: DayAccuracy[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const day = dayKeyFrom(now, -i);
    const t = byDay.get(day);
    out.push({ day, answered: t?.answered ?? 0, correct: t?.correct ?? 0 });
  }
  return out;
}

export interface Streak {
  readonly current: number;
  readonly longest: number;
  readonly answeredToday: boolean;
}

/**
 * Consecutive local days with at least one answer. `current` counts back from today, or from yesterday when
 * nothing was answered yet today (a streak is not broken until a whole day passes). Same reset-all rule.
 */
export function streakOf(records: readonly ProgressRecord[], now: number): Streak {
  const keyOf = dayKeyer();
  return streakFromDays(new Set(countedAnswers(records, now).map((a) => keyOf(a.at))), now);
}

/** The same from the set of local days with at least one answer or review. */
export function streakFromDays(days: ReadonlySet<string>, now: number): Streak {
  const answeredToday = days.has(dayKey(now));
  let current = 0;
  for (let i = answeredToday ? 0 : 1; days.has(dayKeyFrom(now, -i)); i++) current++;

  let longest = 0;
  for (const day of days) {
    // Count only from the first day of each run, so every run is walked once.
    if (days.has(dayKeyFrom(noonOf(day), -1))) continue;
    let run = 1;
    for (let next = dayKeyFrom(noonOf(day), 1); days.has(next); next = dayKeyFrom(noonOf(next), 1)) run++;
    longest = Math.max(longest, run);
  }
  return { current, longest, answeredToday };
}

export interface TopicStanding {
  readonly packId: string;
  readonly topicId: string;
  readonly title: string;
  readonly domainId: string;
  readonly seen: number;
  readonly total: number;
  readonly mastered: number;
  /** Mean predicted recall of the right answer over seen questions (0 for one last answered wrong); undefined when none was seen. */
  readonly recall: number | undefined;
}

/**
 * Weakest first: topics with answers recalled below WELL_RECALLED, by lowest mean recall (ties: fewer mastered /
 * total, then title); then untouched topics in the given order; then topics still well recalled. At most `limit` (default 5). Topics with no questions are skipped.
 */
/** FSRS schedules a review when predicted recall falls to 0.9; above it a topic needs no study yet. */
export const WELL_RECALLED = 0.9;

export function weakestTopics(topics: readonly Topic[], schedules: ReadonlyMap<string, QuestionSchedule>, now: number, limit = 5): TopicStanding[] {
  const touched: TopicStanding[] = [];
  const untouched: TopicStanding[] = [];
  for (const t of topics) {
    if (t.questions.length === 0) continue;
    let seen = 0;
    let mastered = 0;
    let recallSum = 0;
    for (const q of t.questions) {
      const s = schedules.get(q.key);
      if (!s) continue;
      seen++;
      // FSRS predicts high recall right after any answer; a wrong last answer is not a recalled one.
      recallSum += s.lastCorrect ? recallAt(s, now) : 0;
      if (isMastered(s, now)) mastered++;
    }
    const standing: TopicStanding = {
      packId: t.packId,
      topicId: t.id,
      title: t.title,
      domainId: t.domainId,
      seen,
      total: t.questions.length,
      mastered,
      recall: seen > 0 ? recallSum / seen : undefined,
    };
    (seen > 0 ? touched : untouched).push(standing);
  }
  touched.sort((a, b) => a.recall! - b.recall! || a.mastered / a.total - b.mastered / b.total || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  // A topic still recalled at the scheduler's target is not weak: untouched topics come before it.
  const weak = touched.filter((t) => t.recall! < WELL_RECALLED);
  const strong = touched.filter((t) => t.recall! >= WELL_RECALLED);
  return [...weak, ...untouched, ...strong].slice(0, Math.max(0, Math.floor(limit)));
}
