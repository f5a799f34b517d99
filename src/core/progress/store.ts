import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { sortInSlices } from '../../util/slicedSort';
import { checkRecord, futureVersionOf, parseRecord, recordId, serializeRecord, WRITER_ID, type ProgressRecord } from './records';

export interface LoadResult {
  /** Every record of every log, de-duplicated, in time order. */
  readonly records: ProgressRecord[];
  /** Sentences for a person: what could not be read and where it was kept. */
  readonly problems: string[];
  /** How far each log was read, for a later tail read (readTails). */
  readonly marks: LogMark[];
}

/**
 * How much of a log was read: its first `size` bytes, whose last (up to) TAIL_BYTES hash to `tail`. A log
 * is append-only, so when its first `size` bytes still end the same way, only what follows is new.
 */
export interface LogMark {
  readonly name: string;
  readonly size: number;
  readonly tail: string;
}

/** What readTails found: the records appended since the marks, and the new marks; undefined when a full read is needed. */
export interface TailResult {
  readonly records: ProgressRecord[];
  readonly marks: LogMark[];
  readonly problems: string[];
}

const TAIL_BYTES = 4096;
/** Parsing yields to the event loop after this long, so a long log never holds the extension host. */
const SLICE_MS = 20;

export const EXPORT_FORMAT = 'studydeck-progress';
export const EXPORT_VERSION = 1;

/**
 * Every log this store reads: one per writer, and the copies sync tools make of them ("answers-x (conflicted
 * copy).jsonl", "answers-x.sync-conflict-….jsonl"), whose records count once. `.tmp` files of an unfinished
 * rewrite do not match.
 */
const LOG_FILE = /^answers-[^/\\]+\.jsonl$/;
/** The name a writer gives its own log; others are copies. */
const OWN_LOG = /^answers-[A-Za-z0-9_-]+\.jsonl$/;

/** True for a log that a sync tool copied (a conflict), not one a Study Deck window writes. */
export function isLogCopy(name: string): boolean {
  return LOG_FILE.test(name) && !OWN_LOG.test(name);
}
const NEWLINE = 0x0a;
/** How often, and how long apart, a torn last line is read again in case its writer is still writing it. */
const TORN_TAIL_RETRIES = 3;
const TORN_TAIL_WAIT_MS = 50;

interface Snapshot {
  readonly bytes: Buffer;
  readonly size: number;
  readonly mtimeMs: number;
}

/**
 * The answer log on disk. Each window (writer) appends only to its own `answers-<writerId>.jsonl`, so two
 * windows answering at once never write the same file; reading merges every log. Nothing is deleted: lines
 * that do not parse are moved to a `corrupt-*.txt` backup and reported.
 */
export class ProgressStore {
  /** The one file this store appends to. */
  readonly file: string;
  /** Its name in the folder. */
  get fileName(): string {
    return path.basename(this.file);
  }
  /** Operations of one store run one at a time, so an append never races this store's own rewrite. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Problems met while importing or exporting, handed over by the next load(). */
  private unreported: string[] = [];

  /**
   * @param createDir make the folder when it is missing: yes for the default place; no for a folder the
   *   learner chose, where a missing folder means an unplugged or offline drive that must not be recreated
   */
  constructor(
    readonly dir: string,
    readonly writerId: string,
    private readonly createDir = true,
  ) {
    if (!WRITER_ID.test(writerId)) throw new Error(`Invalid progress writer id ${JSON.stringify(writerId)}: use letters, digits, "-" and "_".`);
    this.file = path.join(dir, `answers-${writerId}.jsonl`);
  }

  /** Reads and merges all logs. Never throws for a bad or unreadable file: it says so in `problems`. */
  load(): Promise<LoadResult> {
    return this.serial(async () => {
      const result = await this.loadNow();
      const problems = [...this.unreported, ...result.problems];
      this.unreported = [];
      return { records: result.records, problems, marks: result.marks };
    });
  }

  /**
   * The records appended to the logs since `marks` (and every record of a log not in them). Undefined when
   * that is not enough: a marked log shrank, was rewritten or is gone, or a new line cannot be read; then
   * call load().
   */
  readTails(marks: readonly LogMark[], skip: readonly string[] = []): Promise<TailResult | undefined> {
    return this.serial(async () => {
      let names: string[];
      try {
        names = (await fs.readdir(this.dir)).filter((n) => LOG_FILE.test(n) && !skip.includes(n)).sort();
      } catch (e) {
        if (errorCode(e) === 'ENOENT' && marks.length === 0) return { records: [], marks: [], problems: [] };
        return undefined;
      }
      const known = new Map(marks.map((m) => [m.name, m]));
      if (marks.some((m) => !names.includes(m.name))) return undefined;
      // A sync tool's copy repeats records already counted: only a full load counts each once.
      if (names.some((n) => !known.has(n) && isLogCopy(n))) return undefined;
      const records: ProgressRecord[] = [];
      const out: LogMark[] = [];
      const problems: string[] = [];
      for (const name of names) {
        const mark = known.get(name);
        const tail = await readFrom(path.join(this.dir, name), mark);
        if (!tail) return undefined;
        let future = 0;
        let pending = Buffer.alloc(0);
        // A tail can be a whole new log (another machine's years): it yields as the full load does.
        for (const line of textLines(tail.bytes)) {
          if (line === BREATHE) {
            await breathe();
            continue;
          }
          const { raw, text } = line;
          const record = parseRecord(text);
          if (record) records.push(record);
          else if (futureVersionOf(text) !== undefined) future++;
          else if (tail.bytes[tail.bytes.length - 1] !== NEWLINE && raw.byteOffset + raw.length === tail.bytes.byteOffset + tail.bytes.length) pending = Buffer.from(raw);
          // A bad line: the full load sets it aside and says so.
          else return undefined;
        }
        if (future > 0) problems.push(newerVersionProblem(future, name));
        // A torn last line (another window mid-append) is read again next time.
        out.push(await markOf(path.join(this.dir, name), tail.end - pending.length));
      }
      return { records, marks: out, problems };
    });
  }

  /** Appends one record to this writer's log, on a line of its own even after a torn previous write. */
  append(record: ProgressRecord): Promise<void> {
    const line = serializeRecord(record);
    return this.serial(async () => {
      if (this.createDir) await fs.mkdir(this.dir, { recursive: true });
      const prefix = (await endsMidLine(this.file)) ? '\n' : '';
      // One write call per record, opened for appending: a crash can tear at most this line.
      await fs.appendFile(this.file, `${prefix}${line}\n`);
    });
  }

  /**
   * Adds the records of an export that are not already here, in a new log file. The whole text is checked
   * first: when anything is wrong it throws, saying what and where, and writes nothing.
   */
  async importFile(text: string): Promise<{ added: number; skipped: number }> {
    const incoming = parseExport(text);
    return this.serial(async () => {
      const current = await this.loadNow();
      this.unreported.push(...current.problems);
      const seen = new Set(current.records.map(recordId));
      const fresh: ProgressRecord[] = [];
      for (const r of incoming) {
        const id = recordId(r);
        if (seen.has(id)) continue;
        seen.add(id);
        fresh.push(r);
      }
      if (fresh.length > 0) {
        if (this.createDir) await fs.mkdir(this.dir, { recursive: true });
        const name = `answers-import-${Date.now()}-${randomBytes(3).toString('hex')}.jsonl`;
        await this.writeAtomically(path.join(this.dir, name), fresh.map((r) => `${serializeRecord(r)}\n`).join(''));
      }
      return { added: fresh.length, skipped: incoming.length - fresh.length };
    });
  }

  /** All records as an export: one record per line, so two exports diff line by line. */
  exportText(): Promise<string> {
    return this.serial(async () => {
      const { records, problems } = await this.loadNow();
      this.unreported.push(...problems);
      const body = records.map((r) => `    ${serializeRecord(r)}`).join(',\n');
      return [
        '{',
        `  "format": "${EXPORT_FORMAT}",`,
        `  "version": ${EXPORT_VERSION},`,
        `  "exportedAt": ${Date.now()},`,
        `  "records": [${records.length > 0 ? `\n${body}\n  ` : ''}]`,
        '}',
        '',
      ].join('\n');
    });
  }

  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async loadNow(): Promise<LoadResult> {
    const problems: string[] = [];
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return { records: [], problems, marks: [] };
      problems.push(`The progress folder ${this.dir} could not be read (${describeError(e)}); no progress was loaded.`);
      return { records: [], problems, marks: [] };
    }
    const byId = new Set<string>();
    const entries: [string, ProgressRecord][] = [];
    const marks: LogMark[] = [];
    const copies = names.filter(isLogCopy);
    if (copies.length > 0) {
      problems.push(`A sync tool made ${copies.length === 1 ? 'a copy' : `${copies.length} copies`} of a progress log in ${this.dir} (${copies.join(', ')}); ${copies.length === 1 ? 'its' : 'their'} answers are merged and each counted once. The ${copies.length === 1 ? 'copy' : 'copies'} can stay.`);
    }
    let slice = performance.now();
    for (const name of names.filter((n) => LOG_FILE.test(n)).sort()) {
      const log = await this.readLog(name, problems);
      for (const r of log.records) {
        const id = recordId(r);
        if (!byId.has(id)) {
          byId.add(id);
          entries.push([id, r]);
        }
        if (performance.now() - slice > SLICE_MS) {
          await breathe();
          slice = performance.now();
        }
      }
      if (log.mark) marks.push(log.mark);
    }
    // Logs are written in time order, so this is a merge of a few sorted runs: near linear for TimSort.
    // In slices: a million records would otherwise hold the extension host for half a second.
    const sorted = await sortInSlices(entries, ([ia, a], [ib, b]) => a.at - b.at || (ia < ib ? -1 : ia > ib ? 1 : 0), SLICE_MS);
    const records = sorted.map(([, r]) => r);
    return { records, problems, marks };
  }

  /** The records of one log; bad lines are backed up and removed from it, future-version lines stay put. */
  private async readLog(name: string, problems: string[]): Promise<{ records: ProgressRecord[]; mark?: LogMark }> {
    const file = path.join(this.dir, name);
    let snap: Snapshot;
    try {
      snap = await readSnapshot(file);
    } catch (e) {
      problems.push(`${name} could not be read (${describeError(e)}); the answers in it are left out until it can be read.`);
      return { records: [] };
    }
    // A torn last line may be another window's append still under way: look again before calling it corrupt.
    for (let i = 0; i < TORN_TAIL_RETRIES && hasTornTail(snap.bytes); i++) {
      await new Promise((resolve) => setTimeout(resolve, TORN_TAIL_WAIT_MS));
      const again = await readSnapshot(file).catch(() => undefined);
      if (!again || again.bytes.equals(snap.bytes)) break;
      snap = again;
    }

    const records: ProgressRecord[] = [];
    const kept: Buffer[] = [];
    const bad: Buffer[] = [];
    let future = 0;
    for (const line of textLines(snap.bytes)) {
      if (line === BREATHE) {
        await breathe();
        continue;
      }
      const { raw, text } = line;
      const record = parseRecord(text);
      if (record) {
        records.push(record);
        kept.push(raw);
      } else if (futureVersionOf(text) !== undefined) {
        // Not corrupt: a newer Study Deck (maybe still running in another window) wrote it; leave it for that one.
        future++;
        kept.push(raw);
      } else {
        bad.push(raw);
      }
    }
    if (future > 0) problems.push(newerVersionProblem(future, name));
    if (bad.length > 0) {
      // The log is rewritten without the bad lines: no mark, the next read is a full one.
      problems.push(await this.setAside(name, snap, kept, bad));
      return { records };
    }
    // Up to the last whole line: a torn last line (an append under way) is read again next time.
    const covered = snap.bytes[snap.bytes.length - 1] === NEWLINE || snap.bytes.length === 0 ? snap.bytes.length : snap.bytes.lastIndexOf(NEWLINE) + 1;
    return { records, mark: { name, size: covered, tail: hashOf(snap.bytes.subarray(Math.max(0, covered - TAIL_BYTES), covered)) } };
  }

  /** Copies the bad lines to a backup, then rewrites the log without them; returns what happened, for a person. */
  private async setAside(name: string, snap: Snapshot, kept: Buffer[], bad: Buffer[]): Promise<string> {
    const file = path.join(this.dir, name);
    const lines = `${count(bad.length, 'unreadable line')} of ${name}`;
    const backup = `corrupt-${name}-${new Date().toISOString().replace(/:/g, '-')}.txt`;
    try {
      await fs.appendFile(path.join(this.dir, backup), Buffer.concat(bad.flatMap((b) => [b, Buffer.of(NEWLINE)])));
    } catch (e) {
      return `${lines} could not be copied to a backup (${describeError(e)}), so the file was left as it is; the rest of your progress loaded.`;
    }
    try {
      const tmp = `${file}.${this.writerId}.tmp`;
      await writeFileSynced(tmp, Buffer.concat(kept.flatMap((b) => [b, Buffer.of(NEWLINE)])));
      // Replace the log only if nobody appended since it was read; otherwise the next load cleans it.
      const now = await fs.stat(file);
      if (now.size === snap.size && now.mtimeMs === snap.mtimeMs) await fs.rename(tmp, file);
      else await fs.rm(tmp, { force: true });
    } catch (e) {
      return `${lines} ${bad.length === 1 ? 'was' : 'were'} copied to ${backup}, but the log could not be rewritten (${describeError(e)}); the rest of your progress loaded.`;
    }
    return `${lines} ${bad.length === 1 ? 'was' : 'were'} set aside in ${backup}; the rest of your progress loaded.`;
  }

  private async writeAtomically(target: string, data: string): Promise<void> {
    const tmp = `${target}.${this.writerId}.tmp`;
    await writeFileSynced(tmp, data);
    await fs.rename(tmp, target);
  }
}

/** Validates a whole export and returns its records, or throws an Error that says what is wrong and where. */
export function parseExport(text: string): ProgressRecord[] {
  const notExport = 'This is not a Study Deck progress export';
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(`${notExport}: it is not valid JSON (${e instanceof Error ? e.message : String(e)}). Nothing was imported.`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error(`${notExport}: expected a JSON object with "format": "${EXPORT_FORMAT}". Nothing was imported.`);
  const o = doc as Record<string, unknown>;
  if (o.format !== EXPORT_FORMAT) {
    throw new Error(`${notExport}: "format" is ${o.format === undefined ? 'missing' : JSON.stringify(o.format)}, expected "${EXPORT_FORMAT}". Nothing was imported.`);
  }
  if (o.version !== EXPORT_VERSION) {
    throw new Error(
      typeof o.version === 'number' && o.version > EXPORT_VERSION
        ? `This export was made by a newer version of Study Deck (export version ${o.version}); update Study Deck to import it. Nothing was imported.`
        : `This export has "version" ${JSON.stringify(o.version) ?? 'missing'}; expected ${EXPORT_VERSION}. Nothing was imported.`,
    );
  }
  if (o.exportedAt !== undefined && !(typeof o.exportedAt === 'number' && Number.isFinite(o.exportedAt))) {
    throw new Error('This export has an "exportedAt" that is not a time in milliseconds. Nothing was imported.');
  }
  if (!Array.isArray(o.records)) throw new Error('This export has no "records" list. Nothing was imported.');
  return o.records.map((value: unknown, i) => {
    const checked = checkRecord(value);
    if ('error' in checked) throw new Error(`records[${i}] of the export is not valid: ${checked.error}. Nothing was imported.`);
    return checked.record;
  });
}

/** Lets other work run between slices of a long read. */
function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Yielded by textLines when a slice is used up: the caller awaits breathe() (a generator cannot). */
const BREATHE = Symbol('breathe');

/** A log's non-empty lines, decoded, with BREATHE every SLICE_MS: a log can hold years of answers. */
function* textLines(bytes: Buffer): Generator<{ raw: Buffer; text: string } | typeof BREATHE> {
  let slice = performance.now();
  for (const raw of splitLines(bytes)) {
    if (performance.now() - slice > SLICE_MS) {
      yield BREATHE;
      slice = performance.now();
    }
    const text = decodeLine(raw);
    if (text.trim() !== '') yield { raw, text };
  }
}

function newerVersionProblem(future: number, name: string): string {
  return `${count(future, 'record')} in ${name} ${future === 1 ? 'was' : 'were'} written by a newer version of Study Deck; they are kept in the file but not used by this version. Update Study Deck to include them.`;
}

/** The bytes of `file` after `mark`, if its first mark.size bytes still end as they did; all of it without a mark. */
async function readFrom(file: string, mark: LogMark | undefined): Promise<{ bytes: Buffer; end: number } | undefined> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const { size } = await handle.stat();
    const from = mark?.size ?? 0;
    if (size < from) return undefined;
    if (mark) {
      const start = Math.max(0, from - TAIL_BYTES);
      const head = Buffer.alloc(from - start);
      await handle.read(head, 0, head.length, start);
      if (hashOf(head) !== mark.tail) return undefined;
    }
    const bytes = Buffer.alloc(size - from);
    if (bytes.length > 0) await handle.read(bytes, 0, bytes.length, from);
    return { bytes, end: size };
  } finally {
    await handle.close();
  }
}

/** The mark for the first `size` bytes of a file (all of it by default). */
export async function markOf(file: string, size?: number): Promise<LogMark> {
  const handle = await fs.open(file, 'r');
  try {
    const end = size ?? (await handle.stat()).size;
    const start = Math.max(0, end - TAIL_BYTES);
    const tail = Buffer.alloc(end - start);
    await handle.read(tail, 0, tail.length, start);
    return { name: path.basename(file), size: end, tail: hashOf(tail) };
  } finally {
    await handle.close();
  }
}

function hashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

async function readSnapshot(file: string): Promise<Snapshot> {
  const handle = await fs.open(file, 'r');
  try {
    const stat = await handle.stat();
    const bytes = await handle.readFile();
    return { bytes, size: stat.size, mtimeMs: stat.mtimeMs };
  } finally {
    await handle.close();
  }
}

/** Lines as raw bytes, so a backup keeps exactly what was on disk (even bytes that are not UTF-8). */
function* splitLines(bytes: Buffer): Generator<Buffer> {
  // One line at a time, so the caller can yield between lines of a long log.
  let start = 0;
  for (let nl = bytes.indexOf(NEWLINE); nl !== -1; nl = bytes.indexOf(NEWLINE, start)) {
    yield bytes.subarray(start, nl);
    start = nl + 1;
  }
  if (start < bytes.length) yield bytes.subarray(start);
}

function decodeLine(raw: Buffer): string {
  return raw.toString('utf8').replace(/^\uFEFF/, '').replace(/\r$/, '');
}

function hasTornTail(bytes: Buffer): boolean {
  if (bytes.length === 0 || bytes[bytes.length - 1] === NEWLINE) return false;
  const tail = decodeLine(bytes.subarray(bytes.lastIndexOf(NEWLINE) + 1));
  return parseRecord(tail) === undefined && futureVersionOf(tail) === undefined;
}

/** True when the file exists and its last byte is not a newline (a previous write was torn). */
async function endsMidLine(file: string): Promise<boolean> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return false;
    throw e;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] !== NEWLINE;
  } finally {
    await handle.close();
  }
}

/** Written and flushed before any rename, so a crash leaves either the old file or the whole new one. */
async function writeFileSynced(file: string, data: string | Buffer): Promise<void> {
  const handle = await fs.open(file, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

function describeError(e: unknown): string {
  return errorCode(e) ?? (e instanceof Error ? e.message : String(e));
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
