import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { Question } from '../../core/content/model';
import { masteryOf, type Mastery } from '../../core/progress/figures';
import type { ExamResult } from '../../core/exam/examSession';
import { answerKeyHash, answerRecordOf, CARD_KEY_PREFIX, cardKeyHash, cardReviewRecordOf, examRecordOf, type CardRating, type ExamRecord, type ProgressRecord, type ResetRecord } from '../../core/progress/records';
import { applyAnswer, applyReset, buildSchedules, dueKeys, nextDue, recallAt, type QuestionSchedule } from '../../core/progress/scheduler';
import { ProgressStore } from '../../core/progress/store';
import type { AnswerEvent } from '../../core/quiz/session';
import { Disposable } from '../../util/dispose';
import type { Content, ContentService } from '../content/contentService';
import type { AnswerSink } from './answerSink';

/**
 * Every answer, kept on disk (an append-only log per window, merged on read), scheduled with FSRS.
 * Loads on first use; other windows' answers are merged in when their logs change.
 */
export class ProgressService extends Disposable implements AnswerSink {
  private readonly store: ProgressStore;
  private records: ProgressRecord[] = [];
  private schedules = new Map<string, QuestionSchedule>();
  /** Flashcards' schedules, by card key; kept apart so question figures never count cards. */
  private cardSchedules = new Map<string, QuestionSchedule>();
  private loaded: Promise<void> | undefined;
  private writes: Promise<unknown> = Promise.resolve();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires after an answer, a reset, an import or another window's answers. */
  readonly onDidChange = this.changed.event;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly dir: vscode.Uri,
    private readonly content: ContentService,
    writerId: string = randomUUID(),
  ) {
    super();
    this.store = new ProgressStore(dir.fsPath, writerId);
    // A content reload can change answer keys: schedules are rebuilt against the new hashes.
    this.register(content.onDidChange(() => this.loaded && void this.rebuild()));
  }

  /** Loads the log once; later calls wait for the same load. */
  ready(): Promise<void> {
    return (this.loaded ??= this.load());
  }

  private async load(): Promise<void> {
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.dir, 'answers-*.jsonl')));
    const otherWindow = (uri: vscode.Uri) => {
      if (uri.fsPath !== this.store.file) this.scheduleReload();
    };
    this.register(watcher.onDidChange(otherWindow));
    this.register(watcher.onDidCreate(otherWindow));
    await this.reloadFromDisk();
  }

  private async reloadFromDisk(): Promise<void> {
    const { records, problems } = await this.store.load();
    this.records = records;
    await this.rebuild();
    if (problems.length > 0) {
      // Told once per problem; the data was set aside, not lost.
      void vscode.window.showWarningMessage(vscode.l10n.t('Study Deck: {0}', problems.join(' ')));
    }
  }

  private async rebuild(): Promise<void> {
    const c = await this.content.get();
    const hashes = new Map<string, string>();
    const all = buildSchedules(this.records, (key) => {
      // A card's schedule survives edits to its back; its key (its front) is its identity.
      if (key.startsWith(CARD_KEY_PREFIX)) return cardKeyHash(key);
      let h = hashes.get(key);
      if (h === undefined) {
        const q = c.questions.get(key);
        if (!q) return undefined;
        h = answerKeyHash(q);
        hashes.set(key, h);
      }
      return h;
    });
    this.schedules = new Map();
    this.cardSchedules = new Map();
    for (const [k, v] of all) (k.startsWith(CARD_KEY_PREFIX) ? this.cardSchedules : this.schedules).set(k, v);
    this.changed.fire();
  }

  private scheduleReload(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.reloadFromDisk(), 200);
  }

  record(event: AnswerEvent): void {
    void this.recordAnswer(event);
  }

  /** Appends the answer to this window's log and updates its schedule; resolves once it is on disk. */
  async recordAnswer(event: AnswerEvent): Promise<void> {
    await this.ready();
    const c = await this.content.get();
    const q = c.questions.get(event.questionKey);
    if (!q) return;
    const record = answerRecordOf(event, answerKeyHash(q), this.store.writerId);
    this.records.push(record);
    applyAnswer(this.schedules, record);
    this.changed.fire();
    await this.enqueue(() => this.store.append(record));
  }

  /** Appends a flashcard review (Again, Hard, Good or Easy) and reschedules the card. */
  async recordCardReview(cardKey: string, rating: CardRating, at = Date.now()): Promise<QuestionSchedule | undefined> {
    await this.ready();
    const record = cardReviewRecordOf({ cardKey, rating, at }, this.store.writerId);
    this.records.push(record);
    applyAnswer(this.cardSchedules, record);
    this.changed.fire();
    await this.enqueue(() => this.store.append(record));
    return this.cardSchedules.get(cardKey);
  }

  cardSchedule(key: string): QuestionSchedule | undefined {
    return this.cardSchedules.get(key);
  }

  /** Every card's schedule; cards never reviewed have none. */
  get cards(): ReadonlyMap<string, QuestionSchedule> {
    return this.cardSchedules;
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
      const record = answerRecordOf({ questionKey: item.key, kind: item.kind, chosen: item.chosen, correct: item.correct, at: result.submittedAt }, answerKeyHash(q), this.store.writerId);
      applyAnswer(this.schedules, record);
      added.push(record);
    }
    const exam = examRecordOf(result, this.store.writerId);
    added.push(exam);
    this.records.push(...added);
    this.changed.fire();
    await this.enqueue(async () => {
      for (const r of added) await this.store.append(r);
    });
    return exam;
  }

  /** Past mock exams, oldest first. */
  attempts(): ExamRecord[] {
    return this.records.filter((r): r is ExamRecord => r.kind === 'exam').sort((a, b) => a.at - b.at);
  }

  /** Every record loaded or written (for history figures); do not modify. */
  get log(): readonly ProgressRecord[] {
    return this.records;
  }

  /** Writes in order; a failed write is reported, and the answer stays in memory for this session. */
  private enqueue(write: () => Promise<void>): Promise<void> {
    const next = this.writes.then(write).catch((e: Error) => {
      void vscode.window.showErrorMessage(vscode.l10n.t('Study Deck could not save your progress to {0}: {1}', this.dir.fsPath, e.message));
    });
    this.writes = next;
    return next;
  }

  /** Waits for pending writes (tests and deactivation). */
  flush(): Promise<unknown> {
    return this.writes;
  }

  async reset(keys: readonly string[] | 'all'): Promise<void> {
    await this.ready();
    const record: ResetRecord = { v: 1, kind: 'reset', at: Date.now(), w: this.store.writerId, keys: keys === 'all' ? 'all' : [...keys] };
    this.records.push(record);
    applyReset(this.schedules, keys);
    applyReset(this.cardSchedules, keys);
    this.changed.fire();
    await this.enqueue(() => this.store.append(record));
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
    await this.reloadFromDisk();
    return result;
  }

  schedule(key: string): QuestionSchedule | undefined {
    return this.schedules.get(key);
  }

  /** Loaded schedules, or undefined before the first load (callers show no figures rather than wait). */
  get current(): ReadonlyMap<string, QuestionSchedule> | undefined {
    return this.loaded ? this.schedules : undefined;
  }

  due(now = Date.now()): string[] {
    return dueKeys(this.schedules, now);
  }

  nextDue(now = Date.now()): number | undefined {
    return nextDue(this.schedules, now);
  }

  mastery(questions: readonly Question[], now = Date.now()): Mastery {
    return masteryOf(
      questions.map((q) => q.key),
      this.schedules,
      now,
    );
  }

  /** Average predicted recall of the questions that use a term, or undefined when none was answered. */
  termRecall(c: Content, termKey: string, now = Date.now()): { recall: number; answered: number } | undefined {
    const qs = c.questionsByTerm.get(termKey) ?? [];
    const seen = qs.map((q) => this.schedules.get(q.key)).filter((s): s is QuestionSchedule => s !== undefined);
    if (seen.length === 0) return undefined;
    return { recall: seen.reduce((a, s) => a + recallAt(s, now), 0) / seen.length, answered: seen.length };
  }

  /** Answers to questions (card reviews are counted apart). */
  get answerCount(): number {
    return this.records.filter((r) => r.kind === 'answer' && r.t !== 'card').length;
  }

  get cardReviewCount(): number {
    return this.records.filter((r) => r.kind === 'answer' && r.t === 'card').length;
  }

  override dispose(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    super.dispose();
  }
}
