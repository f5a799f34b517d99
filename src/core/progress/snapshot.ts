import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { LedgerData } from './ledger';
import type { LogMark } from './store';

/**
 * A derived, rebuildable copy of what the answer logs add up to (the ledger), with how far into each log it
 * reaches. The logs stay the truth: a snapshot that is missing, unreadable, of another version or no longer
 * matching the logs is simply rebuilt from them.
 */
export const SNAPSHOT_FORMAT = 'studydeck-progress-snapshot';
export const SNAPSHOT_VERSION = 1;

export interface ProgressSnapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly version: number;
  /** The folder of the logs it was built from: moving the logs elsewhere makes it stale. */
  readonly logDir: string;
  /** Days are local days: a snapshot made in another time zone is rebuilt. */
  readonly timeZone: string;
  /** The FSRS parameters the schedules were computed with. */
  readonly fsrs: string;
  readonly logs: readonly LogMark[];
  readonly ledger: LedgerData;
  readonly savedAt: number;
}

export function currentTimeZone(): string {
  return `${Intl.DateTimeFormat().resolvedOptions().timeZone}|${new Date(0).getTimezoneOffset()}|${new Date(Date.UTC(2000, 6, 1)).getTimezoneOffset()}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The snapshot in `text` if it is one this version can use for `logDir`, else why not. */
export function checkSnapshot(text: string, logDir: string, fsrs: string): { snapshot: ProgressSnapshot } | { stale: string } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { stale: 'unreadable' };
  }
  if (!isObject(v) || v.format !== SNAPSHOT_FORMAT) return { stale: 'not a snapshot' };
  if (v.version !== SNAPSHOT_VERSION) return { stale: `version ${String(v.version)}` };
  if (v.logDir !== logDir) return { stale: 'another log folder' };
  if (v.timeZone !== currentTimeZone()) return { stale: 'another time zone' };
  if (v.fsrs !== fsrs) return { stale: 'other scheduling parameters' };
  const logs = v.logs;
  const ledger = v.ledger;
  if (!Array.isArray(logs) || !logs.every((m) => isObject(m) && typeof m.name === 'string' && Number.isSafeInteger(m.size) && typeof m.tail === 'string')) return { stale: 'bad log marks' };
  if (!isObject(ledger) || !Array.isArray(ledger.schedules) || !Array.isArray(ledger.days) || !Array.isArray(ledger.exams) || !Array.isArray(ledger.recentCards) || !Array.isArray(ledger.resetAt)) return { stale: 'bad ledger' };
  if (!Number.isSafeInteger(ledger.answers) || !Number.isSafeInteger(ledger.cardReviews)) return { stale: 'bad counts' };
  const scheduleOk = (s: unknown) => isObject(s) && typeof s.key === 'string' && typeof s.hash === 'string' && Number.isFinite(s.due) && Number.isFinite(s.lastAnswerAt) && isObject(s.card);
  if (!ledger.schedules.every(scheduleOk)) return { stale: 'bad schedules' };
  return { snapshot: v as unknown as ProgressSnapshot };
}

/** Reads the snapshot file; missing or unusable gives the reason as `stale`. */
export async function readSnapshot(file: string, logDir: string, fsrs: string): Promise<{ snapshot: ProgressSnapshot } | { stale: string }> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return { stale: 'missing' };
  }
  return checkSnapshot(text, logDir, fsrs);
}

/** Writes the snapshot whole or not at all (temporary file, then rename). */
export async function writeSnapshot(file: string, snapshot: ProgressSnapshot): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(snapshot));
  await fs.rename(tmp, file);
}
