import { isDue, isMastered, type QuestionSchedule } from './scheduler';

export interface Mastery {
  /** Questions answered at least once (since their last reset or answer-key change). */
  readonly seen: number;
  /** See isMastered: last answer right and not yet due. */
  readonly mastered: number;
  readonly due: number;
  readonly total: number;
}

/** Mastery figures of a set of questions (a topic, a domain, a pack), e.g. "7/12 mastered, 3 due". */
export function masteryOf(keys: readonly string[], schedules: ReadonlyMap<string, QuestionSchedule>, now: number): Mastery {
  let seen = 0;
  let mastered = 0;
  let due = 0;
  for (const key of keys) {
    const s = schedules.get(key);
    if (!s) continue;
    seen++;
    if (isMastered(s, now)) mastered++;
    if (isDue(s, now)) due++;
  }
  return { seen, mastered, due, total: keys.length };
}
