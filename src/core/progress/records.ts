import { createHash } from 'node:crypto';
import type { Question } from '../content/model';
import type { ExamResult } from '../exam/examSession';
import type { AnswerKind } from '../quiz/answers';
import type { AnswerEvent } from '../quiz/session';

/**
 * The records of the progress log, one JSON object per line: answers (which schedule reviews), resets (which
 * hide earlier answers from scheduling) and finished mock exams (kept for their history; they do not
 * schedule). Short field names because every answer ever given is kept. Any change to a record's shape bumps
 * `v`: readers reject fields they do not know, and an older Study Deck keeps (never rewrites) a line of a
 * newer version. Version 2 added answers to ordering and matching questions; records whose shape version 1
 * can hold are still written as version 1, so an older Study Deck goes on reading them.
 */
export interface AnswerRecord {
  v: 1 | 2;
  kind: 'answer';
  /** Question key, `<pack id>/<question id>`. */
  q: string;
  /** Epoch milliseconds. */
  at: number;
  /**
   * v1 (choice): chosen option indexes, sorted ascending, no duplicates. v2: as `t` says, the item indexes
   * in the order placed (ordering) or per prompt the response index, -1 for none (matching).
   */
  c: number[];
  /** v2 only: how to read `c`; `card` is a flashcard review, rated in `r`, with `c` empty. */
  t?: 'ordering' | 'matching' | 'card';
  /** v2 card reviews only: the FSRS rating given, 1 Again, 2 Hard, 3 Good, 4 Easy. */
  r?: CardRating;
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

/** A finished mock exam: every question with the answer given, so results and history survive content edits. */
export interface ExamRecord {
  v: 1 | 2;
  kind: 'exam';
  /** When it was submitted, epoch ms. */
  at: number;
  w: string;
  /** The exam's id, unique per attempt. */
  id: string;
  pack: string;
  /** At most MAX_TITLE_LENGTH characters. */
  title: string;
  /** When it was started, epoch ms. */
  start: number;
  /** Time charged, ms. */
  ms: number;
  /** Time allowed, ms. */
  limit: number;
  end: 'submitted' | 'timeout';
  pass: number;
  max: number;
  /**
   * In exam order: [question key, chosen (sorted, may be empty), correct, domain id], and in v2 for ordering
   * and matching questions a fifth element saying how to read `chosen`, as in an answer's `t`.
   */
  items: ExamRecordItem[];
}

export type ExamRecordItem = [string, number[], boolean, string] | [string, number[], boolean, string, 'ordering' | 'matching'];

export type ProgressRecord = AnswerRecord | ResetRecord | ExamRecord;

/** Again, Hard, Good, Easy: the four FSRS ratings a flashcard review gives. */
export type CardRating = 1 | 2 | 3 | 4;
export const CARD_KEY_PREFIX = 'card:';

/**
 * A card's identity is its front, so editing its back must not restart its schedule: its "answer key"
 * hash is made from the key alone.
 */
export function cardKeyHash(key: string): string {
  return createHash('sha256').update(`card-key\0${key}`).digest('hex').slice(0, 12);
}

/** The record for one flashcard review; a rating of Hard or better counts as recalled. */
export function cardReviewRecordOf(review: { readonly cardKey: string; readonly rating: CardRating; readonly at: number }, writerId: string): AnswerRecord {
  return { v: 2, kind: 'answer', q: review.cardKey, at: review.at, c: [], ok: review.rating >= 2, h: cardKeyHash(review.cardKey), w: writerId, t: 'card', r: review.rating };
}

/** The newest record version this Study Deck reads and writes; it reads every older one too. */
export const RECORD_VERSION = 2;

/** Writer ids end up in file names, so they are kept to a safe alphabet (a UUID fits). */
export const WRITER_ID = /^[A-Za-z0-9_-]{1,64}$/;
const HASH = /^[0-9a-f]{12}$/;
const MAX_KEY_LENGTH = 400;
const MAX_OPTIONS = 100;
export const MAX_TITLE_LENGTH = 300;
export const MAX_EXAM_ITEMS = 1000;

/**
 * A short hash of the answer key: the options' texts (whitespace-normalised, so reflowing YAML does not
 * count as a change) and which are correct; for ordering the items in order, for matching the pairs and
 * distractors. Editing only the prompt or explanations keeps the hash; changing what an answer's indexes
 * point at (an option, the items' order, a response) restarts the question's schedule.
 */
export function answerKeyHash(q: Question): string {
  const norm = (text: string) => text.replace(/\s+/g, ' ').trim();
  // Choice questions keep the canonical form of version 1, so their schedules survive this change.
  const canonical =
    q.type === 'ordering'
      ? JSON.stringify(['ordering', q.items.map((i) => norm(i.text))])
      : q.type === 'matching'
        ? JSON.stringify(['matching', q.pairs.map((p) => [norm(p.prompt), norm(p.response)]), q.distractors.map((d) => norm(d.text))])
        : JSON.stringify(q.options.map((o) => [norm(o.text), o.correct]));
  return createHash('sha256').update(canonical).digest('hex').slice(0, 12);
}

/** The record to append for an answer from a quiz session; version 1 whenever its shape fits. */
export function answerRecordOf(event: AnswerEvent, hash: string, writerId: string): AnswerRecord {
  if (event.kind === 'choice') return { v: 1, kind: 'answer', q: event.questionKey, at: event.at, c: [...event.chosen].sort((a, b) => a - b), ok: event.correct, h: hash, w: writerId };
  return { v: 2, kind: 'answer', q: event.questionKey, at: event.at, c: [...event.chosen], ok: event.correct, h: hash, w: writerId, t: event.kind };
}

/** The record to append for a submitted exam; the title is cut to MAX_TITLE_LENGTH so the record stays valid. */
export function examRecordOf(result: ExamResult, writerId: string): ExamRecord {
  let title = result.title;
  if (title.length > MAX_TITLE_LENGTH) {
    title = title.slice(0, MAX_TITLE_LENGTH);
    // Never end on half a surrogate pair.
    const last = title.charCodeAt(title.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) title = title.slice(0, -1);
  }
  // The session's numbers are whole with an epoch-ms clock; rounding keeps a fractional clock from making
  // the record invalid, which would lose the attempt when it is appended.
  const whole = (x: number): number => Math.max(0, Math.round(x));
  const items = result.items.map((i): ExamRecordItem => (i.kind === 'choice' ? [i.key, [...new Set(i.chosen)].sort((a, b) => a - b), i.correct, i.domainId] : [i.key, [...i.chosen], i.correct, i.domainId, i.kind]));
  return {
    v: items.some((i) => i.length === 5) ? 2 : 1,
    kind: 'exam',
    at: whole(result.submittedAt),
    w: writerId,
    id: result.id,
    pack: result.packId,
    title,
    start: whole(result.startedAt),
    ms: whole(result.elapsedMs),
    limit: whole(result.limitMs),
    end: result.end,
    pass: whole(result.passScore),
    max: whole(result.maxScore),
    items,
  };
}

/** The exam result a record stands for, e.g. to show a past attempt again. */
export function examResultOf(record: ExamRecord): ExamResult {
  return {
    id: record.id,
    packId: record.pack,
    title: record.title,
    startedAt: record.start,
    submittedAt: record.at,
    elapsedMs: record.ms,
    limitMs: record.limit,
    end: record.end,
    passScore: record.pass,
    maxScore: record.max,
    items: record.items.map(([key, chosen, correct, domainId, kind]) => ({ key, domainId, kind: kind ?? ('choice' as AnswerKind), chosen: [...chosen], correct })),
  };
}

/** Either the validated record (a fresh object with only the known fields, in canonical order) or why not. */
export type RecordCheck = { readonly record: ProgressRecord } | { readonly error: string };

const ANSWER_FIELDS = new Set(['v', 'kind', 'q', 'at', 'c', 'ok', 'h', 'w']);
const ANSWER_FIELDS_V2 = new Set([...ANSWER_FIELDS, 't', 'r']);
const RESET_FIELDS = new Set(['v', 'kind', 'at', 'w', 'keys']);
const EXAM_FIELDS = new Set(['v', 'kind', 'at', 'w', 'id', 'pack', 'title', 'start', 'ms', 'limit', 'end', 'pass', 'max', 'items']);

function isKey(x: unknown): x is string {
  // eslint-disable-next-line no-control-regex
  return typeof x === 'string' && x.length > 0 && x.length <= MAX_KEY_LENGTH && !/[\u0000-\u001f]/.test(x);
}

function isTime(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

/** Option indexes: whole numbers below MAX_OPTIONS, strictly increasing (so sorted and without duplicates). */
function isChoice(c: unknown): c is number[] {
  return Array.isArray(c) && c.every((i, n) => Number.isInteger(i) && i >= 0 && i < MAX_OPTIONS && (n === 0 || i > c[n - 1]));
}

const isAnswerKind = (t: unknown): t is 'ordering' | 'matching' => t === 'ordering' || t === 'matching';

/**
 * An ordering (a whole permutation of 0..n-1) or a matching answer (per prompt a response index or -1, no
 * response twice); an exam may hold a matching answer with every prompt open, written as all -1.
 */
function isSequence(c: unknown, t: 'ordering' | 'matching'): c is number[] {
  if (!Array.isArray(c) || c.length > MAX_OPTIONS || !c.every((i) => Number.isInteger(i) && i >= -1 && i < MAX_OPTIONS)) return false;
  const used = (c as number[]).filter((i) => i !== -1);
  if (new Set(used).size !== used.length) return false;
  return t === 'matching' || (used.length === c.length && used.every((i) => i < c.length));
}

/** Validates a parsed JSON value as a record of the current version. */
export function checkRecord(value: unknown): RecordCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'not a JSON object' };
  const o = value as Record<string, unknown>;
  if (o.v !== 1 && o.v !== 2) {
    return typeof o.v === 'number' && Number.isInteger(o.v) && o.v > RECORD_VERSION
      ? { error: `written by a newer Study Deck (record version ${o.v})` }
      : { error: `"v" must be 1 or ${RECORD_VERSION}` };
  }
  const v = o.v;
  if (v === 2 && o.kind === 'reset') return { error: 'a reset record is version 1' };
  const fields = o.kind === 'answer' ? (v === 2 ? ANSWER_FIELDS_V2 : ANSWER_FIELDS) : o.kind === 'reset' ? RESET_FIELDS : o.kind === 'exam' ? EXAM_FIELDS : undefined;
  if (!fields) return { error: '"kind" must be "answer", "reset" or "exam"' };
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

  if (o.kind === 'exam') return checkExam(o, v, o.at, o.w);

  if (!isKey(o.q)) return { error: '"q" must be a question key' };
  const c = o.c;
  if (v === 2 && o.t === 'card') {
    if (!(Array.isArray(c) && c.length === 0)) return { error: 'a card review has "c": []' };
    if (o.r !== 1 && o.r !== 2 && o.r !== 3 && o.r !== 4) return { error: '"r" must be a rating: 1, 2, 3 or 4' };
    if (o.ok !== (o.r >= 2)) return { error: '"ok" must be true for a rating of 2 or more, false for 1' };
    if (typeof o.h !== 'string' || !HASH.test(o.h)) return { error: '"h" must be 12 lower-case hex digits' };
    return { record: { v: 2, kind: 'answer', q: o.q, at: o.at, c: [], ok: o.ok, h: o.h, w: o.w, t: 'card', r: o.r } };
  }
  if (o.r !== undefined) return { error: '"r" is only for card reviews' };
  if (v === 2) {
    if (!isAnswerKind(o.t)) return { error: '"t" must be "ordering", "matching" or "card"' };
    if (!isSequence(c, o.t)) return { error: o.t === 'ordering' ? '"c" must list every item index once, in the order placed' : '"c" must give per prompt a response index or -1, no response twice' };
  } else if (!isChoice(c)) return { error: '"c" must be a list of option indexes in increasing order' };
  if (typeof o.ok !== 'boolean') return { error: '"ok" must be true or false' };
  if (typeof o.h !== 'string' || !HASH.test(o.h)) return { error: '"h" must be 12 lower-case hex digits' };
  if (v === 2) return { record: { v: 2, kind: 'answer', q: o.q, at: o.at, c: [...c], ok: o.ok, h: o.h, w: o.w, t: o.t as 'ordering' | 'matching' } };
  return { record: { v: 1, kind: 'answer', q: o.q, at: o.at, c: [...c], ok: o.ok, h: o.h, w: o.w } };
}

/** The exam-specific fields of a record whose v, kind, fields, at and w are already checked. */
function checkExam(o: Record<string, unknown>, v: 1 | 2, at: number, w: string): RecordCheck {
  if (!isKey(o.id)) return { error: '"id" must be an exam id' };
  if (!isKey(o.pack)) return { error: '"pack" must be a pack id' };
  if (typeof o.title !== 'string' || o.title.length > MAX_TITLE_LENGTH) return { error: `"title" must be text of at most ${MAX_TITLE_LENGTH} characters` };
  if (!isTime(o.start)) return { error: '"start" must be a time in milliseconds (a whole number, 0 or more)' };
  for (const f of ['ms', 'limit', 'pass', 'max'] as const) {
    if (!isTime(o[f])) return { error: `"${f}" must be a whole number, 0 or more` };
  }
  if (o.end !== 'submitted' && o.end !== 'timeout') return { error: '"end" must be "submitted" or "timeout"' };
  const items = o.items;
  if (!Array.isArray(items) || items.length > MAX_EXAM_ITEMS) return { error: `"items" must be a list of at most ${MAX_EXAM_ITEMS} questions` };
  const seen = new Set<string>();
  const clean: ExamRecordItem[] = [];
  let typed = false;
  for (let n = 0; n < items.length; n++) {
    const item: unknown = items[n];
    const bad = { error: `"items"[${n}] must be [question key, option indexes in increasing order, true or false, domain id]${v === 2 ? ', or that with "ordering" or "matching" after it' : ''}` };
    if (!Array.isArray(item) || (item.length !== 4 && !(v === 2 && item.length === 5))) return bad;
    const [key, chosen, correct, domain, t] = item as unknown[];
    if (!isKey(key) || typeof correct !== 'boolean' || !isKey(domain)) return bad;
    if (item.length === 5) {
      // An unanswered ordering or matching question is written as [].
      if (!isAnswerKind(t) || !(Array.isArray(chosen) && chosen.length === 0) && !isSequence(chosen, t)) return bad;
    } else if (!isChoice(chosen)) return bad;
    const answer = chosen as number[];
    if (correct && !answer.some((i) => i >= 0)) return { error: `"items"[${n}] is marked correct without an answer` };
    if (seen.has(key)) return { error: `"items"[${n}] repeats question "${key}"` };
    seen.add(key);
    if (item.length === 5) typed = true;
    clean.push(item.length === 5 ? [key, [...answer], correct, domain, t as 'ordering' | 'matching'] : [key, [...answer], correct, domain]);
  }
  if (v === 2 && !typed) return { error: 'a version 2 exam record has at least one ordering or matching item; write it as version 1' };
  const { ms, limit, pass, max } = o as Record<'ms' | 'limit' | 'pass' | 'max', number>;
  return {
    record: { v, kind: 'exam', at, w, id: o.id, pack: o.pack, title: o.title, start: o.start, ms, limit, end: o.end, pass, max, items: clean },
  };
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
  return JSON.stringify([r.w, r.at, r.kind, r.kind === 'answer' ? r.q : r.kind === 'exam' ? r.id : r.keys]);
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
