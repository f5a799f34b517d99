/** Shared checks for messages coming from webviews: small, bounded values only. */
export const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 10_000;
export const isShortString = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 300;
/**
 * An answer of any question type: option indexes, an item order, or per prompt a response index where -1
 * means none yet (see src/core/quiz/answers.ts). Whether it fits the question is the session's business.
 */
export const isAnswerList = (v: unknown, allowEmpty: boolean): v is number[] =>
  Array.isArray(v) && v.length <= 20 && (allowEmpty || v.length > 0) && v.every((i) => i === -1 || isIndex(i));

export function asRecord(m: unknown): Record<string, unknown> | undefined {
  return typeof m === 'object' && m !== null && !Array.isArray(m) ? (m as Record<string, unknown>) : undefined;
}
