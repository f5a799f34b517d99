import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { checkRecord, futureVersionOf, parseRecord, recordId, serializeRecord, WRITER_ID, type ProgressRecord } from './records';

export interface LoadResult {
  /** Every record of every log, de-duplicated, in time order. */
  readonly records: ProgressRecord[];
  /** Sentences for a person: what could not be read and where it was kept. */
  readonly problems: string[];
}

export const EXPORT_FORMAT = 'studydeck-progress';
export const EXPORT_VERSION = 1;

/** Every log this store reads; `.tmp` files of an unfinished rewrite do not match. */
const LOG_FILE = /^answers-[A-Za-z0-9_-]+\.jsonl$/;
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
  /** Operations of one store run one at a time, so an append never races this store's own rewrite. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Problems met while importing or exporting, handed over by the next load(). */
  private unreported: string[] = [];

  constructor(
    readonly dir: string,
    readonly writerId: string,
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
      return { records: result.records, problems };
    });
  }

  /** Appends one record to this writer's log, on a line of its own even after a torn previous write. */
  append(record: ProgressRecord): Promise<void> {
    const line = serializeRecord(record);
    return this.serial(async () => {
      await fs.mkdir(this.dir, { recursive: true });
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
        await fs.mkdir(this.dir, { recursive: true });
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
      if (errorCode(e) === 'ENOENT') return { records: [], problems };
      problems.push(`The progress folder ${this.dir} could not be read (${describeError(e)}); no progress was loaded.`);
      return { records: [], problems };
    }
    const byId = new Map<string, ProgressRecord>();
    for (const name of names.filter((n) => LOG_FILE.test(n)).sort()) {
      for (const r of await this.readLog(name, problems)) {
        const id = recordId(r);
        if (!byId.has(id)) byId.set(id, r);
      }
    }
    const records = [...byId].sort(([ia, a], [ib, b]) => a.at - b.at || (ia < ib ? -1 : ia > ib ? 1 : 0)).map(([, r]) => r);
    return { records, problems };
  }

  /** The records of one log; bad lines are backed up and removed from it, future-version lines stay put. */
  private async readLog(name: string, problems: string[]): Promise<ProgressRecord[]> {
    const file = path.join(this.dir, name);
    let snap: Snapshot;
    try {
      snap = await readSnapshot(file);
    } catch (e) {
      problems.push(`${name} could not be read (${describeError(e)}); the answers in it are left out until it can be read.`);
      return [];
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
    for (const raw of splitLines(snap.bytes)) {
      const text = decodeLine(raw);
      if (text.trim() === '') continue;
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
    if (future > 0) {
      problems.push(
        `${count(future, 'record')} in ${name} ${future === 1 ? 'was' : 'were'} written by a newer version of Study Deck; ` +
          'they are kept in the file but not used by this version. Update Study Deck to include them.',
      );
    }
    if (bad.length > 0) problems.push(await this.setAside(name, snap, kept, bad));
    return records;
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
function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let nl = bytes.indexOf(NEWLINE); nl !== -1; nl = bytes.indexOf(NEWLINE, start)) {
    lines.push(bytes.subarray(start, nl));
    start = nl + 1;
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
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
