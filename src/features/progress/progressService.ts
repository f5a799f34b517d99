import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Question } from '../../core/content/model';
import type { ExamResult } from '../../core/exam/examSession';
import { masteryOf, type Mastery } from '../../core/progress/figures';
import { dailyAccuracyFromDays, streakFromDays, type DayAccuracy, type Streak } from '../../core/progress/history';
import { ProgressLedger } from '../../core/progress/ledger';
import {
  answerKeyHash,
  answerRecordOf,
  CARD_KEY_PREFIX,
  cardKeyHash,
  cardReviewRecordOf,
  compareRecords,
  examRecordOf,
  recordId,
  type CardRating,
  type ExamRecord,
  type ProgressRecord,
  type ResetRecord,
} from '../../core/progress/records';
import { dueKeys, FSRS_PARAMETERS, nextDue, recallAt, type QuestionSchedule } from '../../core/progress/scheduler';
import { readSnapshot, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, currentTimeZone, writeSnapshot } from '../../core/progress/snapshot';
import { markOf, ProgressStore, type LogMark } from '../../core/progress/store';
import type { AnswerEvent } from '../../core/quiz/session';
import { Disposable } from '../../util/dispose';
import { questionByKey, type Content, type ContentService } from '../content/contentService';
import type { AnswerSink } from './answerSink';

/** Replaying the logs yields after this long, so no slice of progress work holds the extension host longer. */
const SLICE_MS = 20;
/** A snapshot is saved this long after the last change (and when the window closes). */
const SNAPSHOT_DELAY_MS = 5_000;
/** Other writers' logs are looked at this often even without a file event. */
const POLL_MS = 60_000;
const FSRS_ID = JSON.stringify(FSRS_PARAMETERS);
/** Ends the writer id of a log written while the learner's progress folder was unreachable. */
export const OFFLINE_SUFFIX = '-offline';

export interface ProgressTimings {
  /** From the start of loading to the first due count, ms. */
  readonly firstDueMs: number;
  /** The longest stretch any progress work held the extension host, ms. */
  readonly longestSliceMs: number;
  readonly fromSnapshot: boolean;
}

/**
 * Every answer, kept on disk (an append-only log per window, merged on read), scheduled with FSRS. What the
 * logs add up to (the ledger) is kept in a snapshot, so a start-up reads the snapshot and replays only the
 * lines written after it; a missing or stale snapshot is rebuilt from the logs in short slices. Other
 * windows' (and other machines', through a synced folder) answers are merged in when their logs change.
 */
export class ProgressService extends Disposable implements AnswerSink {
  private store: ProgressStore;
  private ledger = new ProgressLedger();
  /** How far into each other writer's log the ledger reaches; this window's own log is always applied. */
  private marks: LogMark[] = [];
  private loaded: Promise<void> | undefined;
  private rebuilding: Promise<void> | undefined;
  private merging: Promise<void> = Promise.resolve();
  /** Bumped whenever the ledger is replaced: a merge read against an older ledger's marks starts over. */
  private generation = 0;
  /** This window's records applied while a rebuild runs: the rebuild adds those its read missed. */
  private ownDuringRebuild: ProgressRecord[] | undefined;
  private writes: Promise<unknown> = Promise.resolve();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires after an answer, a reset, an import or another window's answers. */
  readonly onDidChange = this.changed.event;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private snapshotTimer: ReturnType<typeof setTimeout> | undefined;
  private watcher: vscode.Disposable | undefined;
  private longest = 0;
  /** True once a ledger is loaded (from the snapshot or the logs). */
  private hasLedger = false;
  /** Set once the first load has a due count: for the bench and the tests. */
  timings: ProgressTimings | undefined;
  /**
   * Where the logs should be now (the learner's folder or the default place), asked before each load;
   * `offline` when the learner's folder cannot be reached and answers go to the default place meanwhile.
   */
  locate: (() => Promise<{ dir: vscode.Uri; offline: boolean }>) | undefined;
  /** True for a folder the learner chose (never recreated when missing: it may be an unplugged drive). */
  isChosenFolder: (dir: vscode.Uri) => boolean = () => false;
  /** Writing to a log marked as written while the learner's folder was unreachable, to be merged into it. */
  private offline = false;
  /** Called when a write fails: may move the logs to a folder that works; true to try the write again. */
  onWriteFailed: ((e: Error) => Promise<boolean>) | undefined;

  /**
   * @param dir where the logs are (the default, or the folder the learner chose)
   * @param cacheDir where the snapshot is kept: machine-local, never in a synced folder
   */
  constructor(
    private logDir: vscode.Uri,
    private readonly content: ContentService,
    readonly writerId: string = randomUUID(),
    private readonly cacheDir: vscode.Uri = vscode.Uri.joinPath(logDir, '..', 'progress-cache'),
  ) {
    super();
    this.store = new ProgressStore(logDir.fsPath, writerId);
    // A content reload can change answer keys: only then are the schedules rebuilt.
    this.register(content.onDidChange((c) => this.loaded && this.checkAnswerKeys(c)));
  }

  /** Where the logs are now. */
  get dir(): vscode.Uri {
    return this.logDir;
  }

  /** Loads once; later calls wait for the same load. */
  ready(): Promise<void> {
    return (this.loaded ??= this.load());
  }

  /**
   * Reads and writes the logs in another folder from now on (the learner chose one, it became unreachable or
   * came back). Pending writes finish where they started; nothing is moved or deleted here.
   */
  async moveTo(dir: vscode.Uri, offline = false): Promise<void> {
    await this.writes;
    await this.saveSnapshot();
    await this.switchTo(dir, offline);
  }

  /** moveTo without waiting for pending writes: for a write that failed, from inside the write queue. */
  async switchTo(dir: vscode.Uri, offline = false): Promise<void> {
    this.useStore(dir, offline);
    this.marks = [];
    this.loaded = this.load();
    await this.loaded;
  }

  private useStore(dir: vscode.Uri, offline: boolean): void {
    this.logDir = dir;
    this.offline = offline;
    // Answers saved while the learner's folder is away go to a log of their own, merged into it on return.
    this.store = new ProgressStore(dir.fsPath, offline ? `${this.writerId}${OFFLINE_SUFFIX}` : this.writerId, !this.isChosenFolder(dir));
  }

  /** True while answers go to the default place because the learner's folder cannot be reached. */
  get isOffline(): boolean {
    return this.offline;
  }

  private get snapshotFile(): string {
    // One per log folder, so moving the logs never mixes two histories.
    const id = Buffer.from(this.store.dir).toString('base64url').slice(-40);
    return path.join(this.cacheDir.fsPath, `snapshot-${id}.json`);
  }

  private hashFor(c: Content): (key: string) => string | undefined {
    const hashes = new Map<string, string | undefined>();
    return (key) => {
      // A card's schedule survives edits to its back; its key (its front) is its identity.
      if (key.startsWith(CARD_KEY_PREFIX)) return cardKeyHash(key);
      if (!hashes.has(key)) {
        const q = questionByKey(c, key);
        hashes.set(key, q && answerKeyHash(q));
      }
      return hashes.get(key);
    };
  }

  private async load(): Promise<void> {
    const started = performance.now();
    const where = await this.locate?.();
    if (where && (where.dir.fsPath !== this.logDir.fsPath || where.offline !== this.offline)) this.useStore(where.dir, where.offline);
    this.watch();
    const c = await this.content.get();
    const snap = await readSnapshot(this.snapshotFile, this.store.dir, FSRS_ID);
    if ('snapshot' in snap) {
      const tail = await this.store.readTails(snap.snapshot.logs);
      if (tail) {
        const slice = performance.now();
        const ledger = ProgressLedger.fromJSON(snap.snapshot.ledger);
        const hash = this.hashFor(c);
        let inOrder = true;
        for (const r of tail.records.sort(compareRecords)) {
          if (ledger.apply(r, hash)) continue;
          // Older than the snapshot's newest (a review dated in the past, another machine's late sync):
          // counted now, placed exactly by the rebuild below.
          ledger.apply(r, hash, true);
          inOrder = false;
        }
        this.ledger = ledger;
        this.generation++;
        this.hasLedger = true;
        this.marks = tail.marks.filter((m) => m.name !== this.store.fileName);
        this.note(performance.now() - slice);
        this.timings = { firstDueMs: performance.now() - started, longestSliceMs: this.longest, fromSnapshot: true };
        this.changed.fire();
        this.tell(tail.problems);
        // Answers that came in out of time order (another machine's, synced late), or questions whose answer
        // key changed: replay everything in the background to be exact.
        // Until then the figures are close; ready() waits for exact ones.
        if (!inOrder) await this.rebuild();
        else if (ledger.staleKeys(hash).length > 0) void this.rebuild();
        else if (tail.records.length > 0) this.saveSnapshotSoon();
        return;
      }
    }
    await this.rebuild();
    this.timings = { firstDueMs: performance.now() - started, longestSliceMs: this.longest, fromSnapshot: false };
  }

  /** Replays every log into a new ledger, in short slices; the old one serves until the new one is whole. */
  rebuild(): Promise<void> {
    if (this.rebuilding) return this.rebuilding;
    // From now on, this window's records are noted, so none applied before the logs are read is lost.
    this.ownDuringRebuild = [];
    return (this.rebuilding = this.rebuildNow().finally(() => (this.rebuilding = undefined)));
  }

  private async rebuildNow(): Promise<void> {
    const store = this.store;
    const c = await this.content.get();
    const { records, problems, marks } = await store.load();
    const hash = this.hashFor(c);
    const ledger = new ProgressLedger();
    let slice = performance.now();
    for (const r of records) {
      // The store returns replay order (compareRecords), so every record is in order; forced all the same,
      // so that a change to that order could misplace a record but never drop one.
      ledger.apply(r, hash, true);
      if (performance.now() - slice > SLICE_MS) {
        this.note(performance.now() - slice);
        await new Promise((resolve) => setImmediate(resolve));
        slice = performance.now();
      }
    }
    this.note(performance.now() - slice);
    // The logs moved meanwhile (another folder chosen, or it went offline): read the new place.
    if (store !== this.store) return this.rebuildNow();
    // Answers given meanwhile went to the old ledger; those written after the read are added here.
    const pending = this.ownDuringRebuild ?? [];
    this.ownDuringRebuild = undefined;
    if (pending.length > 0) {
      const since = Math.min(...pending.map((r) => r.at));
      const read = new Set(records.filter((r) => r.w === this.store.writerId && r.at >= since).map(recordId));
      for (const r of pending) if (!read.has(recordId(r))) ledger.apply(r, hash, true);
    }
    this.ledger = ledger;
    this.generation++;
    this.hasLedger = true;
    this.marks = marks.filter((m) => m.name !== this.store.fileName);
    this.changed.fire();
    this.tell(problems);
    this.saveSnapshotSoon();
  }

  private note(ms: number): void {
    this.longest = Math.max(this.longest, ms);
  }

  /** The longest stretch any progress work held the extension host so far, ms. */
  get longestSliceMs(): number {
    return this.longest;
  }

  private tell(problems: readonly string[]): void {
    // Told once per problem; the data was set aside or kept, not lost.
    if (problems.length > 0) void vscode.window.showWarningMessage(vscode.l10n.t('Study Deck: {0}', problems.join(' ')));
  }

  private checkAnswerKeys(c: Content): void {
    if (this.ledger.staleKeys(this.hashFor(c)).length > 0) void this.rebuild();
    else this.changed.fire();
  }

  private watch(): void {
    this.watcher?.dispose();
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.dir, 'answers-*.jsonl'));
    const otherWriter = (uri: vscode.Uri) => {
      if (uri.fsPath !== this.store.file) this.scheduleReload();
    };
    // A watcher takes a moment to start and network or synced drives may send no events at all: look once
    // just after starting, then every minute, besides reacting to events.
    const settle = setTimeout(() => this.scheduleReload(), 1_500);
    const poll = setInterval(() => this.scheduleReload(), POLL_MS);
    const timers = new vscode.Disposable(() => {
      clearTimeout(settle);
      clearInterval(poll);
    });
    this.watcher = vscode.Disposable.from(watcher, timers, watcher.onDidChange(otherWriter), watcher.onDidCreate(otherWriter), watcher.onDidDelete(otherWriter));
    this.register(this.watcher);
  }

  private scheduleReload(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.mergeOthers(), 200);
  }

  /** Another writer appended (another window, or another machine through a synced folder): apply what is new. */
  private mergeOthers(): Promise<void> {
    // One merge at a time: two reading from the same marks would apply the same lines twice.
    return (this.merging = this.merging.then(() => this.mergeOthersNow()).catch(() => undefined));
  }

  private async mergeOthersNow(): Promise<void> {
    await this.ready();
    await this.rebuilding;
    const generation = this.generation;
    const tail = await this.store.readTails(this.marks, [this.store.fileName]);
    // A rebuild replaced the ledger while the tails were read: they may already be in it; read again.
    if (generation !== this.generation) return this.mergeOthersNow();
    if (!tail) {
      // A log read before is gone (a sync tool removed it, or another machine's was deleted): say so.
      const present = new Set(await fs.readdir(this.store.dir).catch(() => [] as string[]));
      const gone = this.marks.map((m) => m.name).filter((n) => !present.has(n));
      await this.rebuild();
      if (gone.length > 0) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t('Study Deck: {0} left the progress folder {1}; the answers in it no longer count. If a sync tool removed it, restore it from the tool\'s history or trash.', gone.join(', '), this.store.dir),
        );
      }
      return;
    }
    if (tail.records.length === 0) return;
    const hash = this.hashFor(await this.content.get());
    let inOrder = true;
    for (const r of tail.records.sort(compareRecords)) {
      if (this.ledger.apply(r, hash)) continue;
      this.ledger.apply(r, hash, true);
      inOrder = false;
    }
    this.marks = tail.marks;
    this.changed.fire();
    if (!inOrder) void this.rebuild();
    else this.saveSnapshotSoon();
  }

  /** Applies a record this window just made; one older than the newest applied is placed by a rebuild. */
  /**
   * Applies a record this window just made. One older than the newest applied (a review dated in the past)
   * is placed by a rebuild: the returned promise settles when the figures are exact again.
   */
  private applyOwn(r: ProgressRecord, c: Content): Promise<void> | undefined {
    let exact: Promise<void> | undefined;
    if (!this.ledger.apply(r, this.hashFor(c))) {
      this.ledger.apply(r, this.hashFor(c), true);
      exact = this.rebuild();
    }
    this.ownDuringRebuild?.push(r);
    this.changed.fire();
    this.saveSnapshotSoon();
    return exact;
  }

  record(event: AnswerEvent): void {
    void this.recordAnswer(event);
  }

  /** Appends the answer to this window's log and updates its schedule; resolves once it is on disk. */
  async recordAnswer(event: AnswerEvent): Promise<void> {
    await this.ready();
    const c = await this.content.get();
    const q = questionByKey(c, event.questionKey);
    if (!q) return;
    const record = answerRecordOf(event, answerKeyHash(q), this.store.writerId);
    const exact = this.applyOwn(record, c);
    await this.enqueue(() => this.store.append(record));
    await exact;
  }

  /** Appends a flashcard review (Again, Hard, Good or Easy) and reschedules the card. */
  async recordCardReview(cardKey: string, rating: CardRating, at = Date.now()): Promise<QuestionSchedule | undefined> {
    await this.ready();
    const record = cardReviewRecordOf({ cardKey, rating, at }, this.store.writerId);
    const exact = this.applyOwn(record, await this.content.get());
    await this.enqueue(() => this.store.append(record));
    await exact;
    return this.ledger.cards.get(cardKey);
  }

  cardSchedule(key: string): QuestionSchedule | undefined {
    return this.ledger.cards.get(key);
  }

  /** Every card's schedule; cards never reviewed have none. */
  get cards(): ReadonlyMap<string, QuestionSchedule> {
    return this.ledger.cards;
  }

  /**
   * A finished mock exam: each answered question counts as an answer (FSRS schedules it like any other),
   * and the attempt itself is kept for the results and the dashboard.
   */
  async recordExam(result: ExamResult): Promise<ExamRecord> {
    await this.ready();
    const c = await this.content.get();
    const added: ProgressRecord[] = [];
    for (const item of result.items) {
      const q = c.questions.get(item.key);
      if (!q || item.chosen.length === 0) continue;
      added.push(answerRecordOf({ questionKey: item.key, kind: item.kind, chosen: item.chosen, correct: item.correct, at: result.submittedAt }, answerKeyHash(q), this.store.writerId));
    }
    const exam = examRecordOf(result, this.store.writerId);
    added.push(exam);
    const exact = added.map((r) => this.applyOwn(r, c));
    await this.enqueue(async () => {
      for (const r of added) await this.store.append(r);
    });
    await Promise.all(exact);
    return exam;
  }

  /** Past mock exams, oldest first. */
  attempts(): ExamRecord[] {
    return [...this.ledger.exams].sort((a, b) => a.at - b.at);
  }

  /** Answers to questions per local day, the last `days` days (for the dashboard). */
  dailyAccuracy(now: number, days: number): DayAccuracy[] {
    return dailyAccuracyFromDays(this.ledger.days, now, days);
  }

  /** Days in a row with an answer or a card review. */
  streak(now: number): Streak {
    return streakFromDays(this.ledger.activeDays(), now);
  }

  /** Card reviews of the last weeks: [time, card key, recalled]. */
  recentCardReviews(now = Date.now()): readonly (readonly [number, string, boolean])[] {
    this.ledger.prune(now);
    return this.ledger.recentCards;
  }

  /** Writes in order; a failed write is reported, and the answer stays in memory for this session. */
  private enqueue(write: () => Promise<void>): Promise<void> {
    const next = this.writes.then(write).catch(async (e: Error) => {
      // The folder went away (an offline drive): the location moves the logs somewhere that works, once.
      if (this.onWriteFailed && (await this.onWriteFailed(e).catch(() => false))) {
        try {
          await write();
          return;
        } catch (again) {
          e = again as Error;
        }
      }
      void vscode.window.showErrorMessage(vscode.l10n.t('Study Deck could not save your progress to {0}: {1}', this.dir.fsPath, e.message));
    });
    this.writes = next;
    return next;
  }

  /** Waits for pending writes (tests and deactivation). */
  flush(): Promise<unknown> {
    return this.writes;
  }

  private saveSnapshotSoon(): void {
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = setTimeout(() => void this.saveSnapshot(), SNAPSHOT_DELAY_MS);
  }

  /** Writes the snapshot now: what the ledger holds, up to where the logs were read (this window's log in full). */
  async saveSnapshot(): Promise<void> {
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = undefined;
    if (!this.loaded) return;
    await this.ready();
    await this.rebuilding;
    await this.writes;
    this.ledger.prune(Date.now());
    const own = await markOf(this.store.file).catch(() => undefined);
    try {
      await writeSnapshot(this.snapshotFile, {
        format: SNAPSHOT_FORMAT,
        version: SNAPSHOT_VERSION,
        logDir: this.store.dir,
        timeZone: currentTimeZone(),
        fsrs: FSRS_ID,
        logs: [...this.marks, ...(own ? [own] : [])],
        ledger: this.ledger.toJSON(),
        savedAt: Date.now(),
      });
    } catch {
      // A snapshot only saves time; without one the next start replays the logs.
    }
  }

  async reset(keys: readonly string[] | 'all'): Promise<void> {
    await this.ready();
    const record: ResetRecord = { v: 1, kind: 'reset', at: Date.now(), w: this.store.writerId, keys: keys === 'all' ? 'all' : [...keys] };
    const exact = this.applyOwn(record, await this.content.get());
    await this.enqueue(() => this.store.append(record));
    await exact;
  }

  async exportText(): Promise<string> {
    await this.ready();
    await this.writes;
    return this.store.exportText();
  }

  async importText(text: string): Promise<{ added: number; skipped: number }> {
    await this.ready();
    await this.writes;
    const result = await this.store.importFile(text);
    await this.rebuild();
    return result;
  }

  schedule(key: string): QuestionSchedule | undefined {
    return this.ledger.schedules.get(key);
  }

  /** Loaded schedules, or undefined before the first load (callers show no figures rather than wait). */
  get current(): ReadonlyMap<string, QuestionSchedule> | undefined {
    return this.hasLedger ? this.ledger.schedules : undefined;
  }

  due(now = Date.now()): string[] {
    return dueKeys(this.ledger.schedules, now);
  }

  nextDue(now = Date.now()): number | undefined {
    return nextDue(this.ledger.schedules, now);
  }

  mastery(questions: readonly Question[], now = Date.now()): Mastery {
    return masteryOf(
      questions.map((q) => q.key),
      this.ledger.schedules,
      now,
    );
  }

  /** Average predicted recall of the questions that use a term, or undefined when none was answered. */
  termRecall(c: Content, termKey: string, now = Date.now()): { recall: number; answered: number } | undefined {
    const qs = c.questionsByTerm.get(termKey) ?? [];
    const seen = qs.map((q) => this.ledger.schedules.get(q.key)).filter((s): s is QuestionSchedule => s !== undefined);
    if (seen.length === 0) return undefined;
    return { recall: seen.reduce((a, s) => a + recallAt(s, now), 0) / seen.length, answered: seen.length };
  }

  /** Answers to questions (card reviews are counted apart). */
  get answerCount(): number {
    return this.ledger.answers;
  }

  get cardReviewCount(): number {
    return this.ledger.cardReviews;
  }

  override dispose(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    // The snapshot is saved on the way out; a window closed mid-write loses only the time it saves.
    if (this.snapshotTimer) void this.saveSnapshot();
    super.dispose();
  }
}

/** Whether a folder holds any answer logs (for moving between folders). */
export async function hasLogs(dir: string): Promise<number> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => /^answers-.+\.jsonl$/.test(n)).length;
}
