import { createHash } from 'node:crypto';
import type { AnswerEvent } from '../quiz/session';

/**
 * The records of the progress log, one JSON object per line. Short field names because every answer ever
 * given is kept. Any change to a record's shape bumps `v`: readers reject fields they do not know.
 */
export interface AnswerRecord {
  v: 1;
  kind: 'answer';
  /** Question key, `<pack id>/<question id>`. */
  q: string;
  /** Epoch milliseconds. */
  at: number;
  /** Chosen option indexes, sorted ascending, no duplicates. */
  c: number[];
  ok: boolean;
  /** answerKeyHash of the question when it was answered. */
  h: string;
  /** Writer id: the window that recorded it. */
  w: string;
}

/** Hides earlier answers of `keys` from scheduling; the answers themselves stay on disk. */
export interface ResetRecord {
  v: 1;
  kind: 'reset';
  at: number;
  w: string;
  keys: string[] | 'all';
}

export type ProgressRecord = AnswerRecord | ResetRecord;

export const RECORD_VERSION = 1;

/** Writer ids end up in file names, so they are kept to a safe alphabet (a UUID fits). */
export const WRITER_ID = /^[A-Za-z0-9_-]{1,64}$/;
const HASH = /^[0-9a-f]{12}$/;
const MAX_KEY_LENGTH = 400;
const MAX_OPTIONS = 100;

/**
 * A short hash of the answer key: the options' texts (whitespace-normalised, so reflowing YAML does not
 * count as a change) and which are correct. Editing only the prompt or explanations keeps the hash; changing
 * an option, its correctness or the options' order restarts the question's schedule (stored choices are
 * indexes, so a reordering changes what they mean).
 */
export function answerKeyHash(q: { readonly options: readonly { readonly text: string; readonly correct: boolean }[] }): string {
  const canonical = JSON.stringify(q.options.map((o) => [o.text.replace(/\s+/g, ' ').trim(), o.correct]));
  return createHash('sha256').update(canonical).digest('hex').slice(0, 12);
}

/** The record to append for an answer from a quiz session. */
export function answerRecordOf(event: AnswerEvent, hash: string, writerId: string): AnswerRecord {
  return { v: 1, kind: 'answer', q: event.questionKey, at: event.at, c: [...event.chosen].sort((a, b) => a - b), ok: event.correct, h: hash, w: writerId };
}

/** Either the validated record (a fresh object with only the known fields, in canonical order) or why not. */
export type RecordCheck = { readonly record: ProgressRecord } | { readonly error: string };

const ANSWER_FIELDS = new Set(['v', 'kind', 'q', 'at', 'c', 'ok', 'h', 'w']);
const RESET_FIELDS = new Set(['v', 'kind', 'at', 'w', 'keys']);

function isKey(x: unknown): x is string {
  // eslint-disable-next-line no-control-regex
  return typeof x === 'string' && x.length > 0 && x.length <= MAX_KEY_LENGTH && !/[\u0000-\u001f]/.test(x);
}

function isTime(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

/** Validates a parsed JSON value as a record of the current version. */
export function checkRecord(value: unknown): RecordCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'not a JSON object' };
  const o = value as Record<string, unknown>;
  if (o.v !== RECORD_VERSION) {
    return typeof o.v === 'number' && Number.isInteger(o.v) && o.v > RECORD_VERSION
      ? { error: `written by a newer Study Deck (record version ${o.v})` }
      : { error: `"v" must be ${RECORD_VERSION}` };
  }
  const fields = o.kind === 'answer' ? ANSWER_FIELDS : o.kind === 'reset' ? RESET_FIELDS : undefined;
  if (!fields) return { error: '"kind" must be "answer" or "reset"' };
  const unknown = Object.keys(o).find((k) => !fields.has(k));
  if (unknown !== undefined) return { error: `unknown field "${unknown}"` };
  if (!isTime(o.at)) return { error: '"at" must be a time in milliseconds (a whole number, 0 or more)' };
  if (typeof o.w !== 'string' || !WRITER_ID.test(o.w)) return { error: '"w" must be a writer id (letters, digits, "-" or "_")' };

  if (o.kind === 'reset') {
    const keys = o.keys;
    if (keys === 'all') return { record: { v: 1, kind: 'reset', at: o.at, w: o.w, keys: 'all' } };
    if (!Array.isArray(keys) || keys.length === 0 || !keys.every(isKey)) return { error: '"keys" must be "all" or a non-empty list of question keys' };
    return { record: { v: 1, kind: 'reset', at: o.at, w: o.w, keys: [...keys] } };
  }

  if (!isKey(o.q)) return { error: '"q" must be a question key' };
  const c = o.c;
  if (!Array.isArray(c) || !c.every((i, n) => Number.isInteger(i) && i >= 0 && i < MAX_OPTIONS && (n === 0 || i > c[n - 1]))) {
    return { error: '"c" must be a list of option indexes in increasing order' };
  }
  if (typeof o.ok !== 'boolean') return { error: '"ok" must be true or false' };
  if (typeof o.h !== 'string' || !HASH.test(o.h)) return { error: '"h" must be 12 lower-case hex digits' };
  return { record: { v: 1, kind: 'answer', q: o.q, at: o.at, c: [...(c as number[])], ok: o.ok, h: o.h, w: o.w } };
}

/** One line of a log as a record, or undefined when it is malformed or of another version. */
export function parseRecord(line: string): ProgressRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const checked = checkRecord(value);
  return 'record' in checked ? checked.record : undefined;
}

/** The version of a line written by a newer Study Deck, so it can be told apart from garbage. */
export function futureVersionOf(line: string): number | undefined {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const v = (value as Record<string, unknown>).v;
    return typeof v === 'number' && Number.isInteger(v) && v > RECORD_VERSION ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Identifies a record across files, so that imports and re-imports never count an answer twice. */
export function recordId(r: ProgressRecord): string {
  return JSON.stringify([r.w, r.at, r.kind, r.kind === 'answer' ? r.q : r.keys]);
}

/** The canonical line for a record (no trailing newline). */
export function serializeRecord(r: ProgressRecord): string {
  const checked = checkRecord(r);
  if ('error' in checked) throw new Error(`Not a valid progress record: ${checked.error}`);
  return JSON.stringify(checked.record);
}

/** Time order, with ties broken by id so every reader replays the same sequence. */
export function compareRecords(a: ProgressRecord, b: ProgressRecord): number {
  if (a.at !== b.at) return a.at - b.at;
  const ia = recordId(a);
  const ib = recordId(b);
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}
