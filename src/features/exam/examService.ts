import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { Pack } from '../../core/content/model';
import type { ExamDraw } from '../../core/exam/draw';
import { hashSeed } from '../../core/quiz/answers';
import { ExamSession, isExamState, type ExamEnd, type ExamResult, type ExamState } from '../../core/exam/examSession';
import { Disposable } from '../../util/dispose';
import type { ContentService } from '../content/contentService';
import type { ProgressService } from '../progress/progressService';

/** Where the exam in progress is kept: global, so it survives reloads and is found from any folder. */
export const EXAM_STATE_KEY = 'studyDeck.exam.active';
/** How often the clock is saved while an exam runs; a crash loses at most this much charged time. */
const HEARTBEAT_MS = 15_000;
/**
 * A window that saved the exam this recently still holds it: another window does not resume it too (both
 * would save over each other's answers). Three heartbeats, so a busy window does not lose its exam.
 */
export const LEASE_MS = 3 * HEARTBEAT_MS;

/** The exam in progress as stored: its state and the window that runs it (none once released). */
type StoredExam = ExamState & { readonly owner?: string };

/**
 * The mock exam in progress. The extension, not the webview, owns the answers and the clock: hiding the
 * panel or reloading the window resumes the same exam with the time that is really left, and the exam is
 * submitted when time runs out even if no panel is open.
 */
export class ExamService extends Disposable {
  private session: ExamSession | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private resuming: Promise<ExamSession | undefined> | undefined;
  /** Time the clock stood still while the editor was closed, shown in the exam panel after resuming. */
  pausedMs = 0;
  /** Set when the last resume found the exam running in another window. */
  heldElsewhere = false;
  /** Set when another window took over the exam this window was running. */
  movedAway = false;
  private readonly submitted = this.register(new vscode.EventEmitter<{ readonly result: ExamResult }>());
  /** Fires once an exam is submitted (by the user or by the clock) and recorded. */
  readonly onDidSubmit = this.submitted.event;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when an exam starts, resumes, is discarded or ends. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly content: ContentService,
    private readonly progress: ProgressService,
    /** Injectable so tests can move time on. */
    readonly now: () => number = Date.now,
    /**
     * This window, as the owner of the exam it runs. Kept in the workspace's storage by the caller, so it
     * survives a window reload (the editor opens a folder in one window at a time).
     */
    private readonly windowId: string = randomUUID(),
  ) {
    super();
    this.register({ dispose: () => this.stopClock() });
  }

  get active(): ExamSession | undefined {
    return this.session;
  }

  /** The saved exam in progress, if any (it may belong to an earlier window). */
  stored(): StoredExam | undefined {
    const v = this.memento.get<unknown>(EXAM_STATE_KEY);
    return isExamState(v) ? v : undefined;
  }

  /**
   * Brings back the saved exam, or submits it when its time ran out meanwhile; undefined when none, or when
   * another window runs it (heldElsewhere; `takeOver` resumes it here anyway).
   */
  resume(takeOver = false): Promise<ExamSession | undefined> {
    if (this.session) return Promise.resolve(this.session);
    return (this.resuming ??= this.resumeNow(takeOver).finally(() => (this.resuming = undefined)));
  }

  private async resumeNow(takeOver: boolean): Promise<ExamSession | undefined> {
    const state = this.stored();
    this.heldElsewhere = false;
    if (!state) return undefined;
    if (!takeOver && state.owner !== undefined && state.owner !== this.windowId && this.now() - state.savedAt < LEASE_MS) {
      this.heldElsewhere = true;
      return undefined;
    }
    const c = await this.content.get();
    const { session, pausedMs } = ExamSession.resume(state, (k) => c.questions.get(k), this.now());
    if (session.questions.length === 0) {
      await this.memento.update(EXAM_STATE_KEY, undefined);
      return undefined;
    }
    this.session = session;
    this.pausedMs = pausedMs;
    if (session.expired(this.now())) {
      await this.submit('timeout');
      return undefined;
    }
    this.startClock();
    await this.persist(true);
    this.changed.fire();
    return session;
  }

  async start(pack: Pack, draw: ExamDraw): Promise<ExamSession> {
    await this.discard();
    const exam = pack.exam!;
    const id = randomUUID();
    const session = ExamSession.start({
      id,
      // Seeded by the attempt, so the results review can show items and responses as the exam did.
      seed: hashSeed(id),
      packId: pack.id,
      title: pack.title,
      questions: draw.questions,
      limitMs: exam.minutes * 60_000,
      passScore: exam.passScore,
      maxScore: exam.maxScore,
      notes: draw.notes,
      now: this.now(),
    });
    this.session = session;
    this.pausedMs = 0;
    this.movedAway = false;
    this.startClock();
    await this.persist(true);
    this.changed.fire();
    return session;
  }

  /** Drops the exam in progress without recording it. */
  async discard(): Promise<void> {
    this.stopClock();
    const had = this.session !== undefined;
    this.session = undefined;
    await this.memento.update(EXAM_STATE_KEY, undefined);
    if (had) this.changed.fire();
  }

  answer(key: string, chosen: readonly number[]): Promise<void> {
    return this.change(() => this.session?.answer(key, chosen));
  }

  toggleFlag(key: string): Promise<void> {
    return this.change(() => this.session?.toggleFlag(key));
  }

  goTo(index: number): Promise<void> {
    return this.change(() => this.session?.goTo(index));
  }

  private async change(apply: () => unknown): Promise<void> {
    if (!this.session || this.session.submitted) return;
    if (this.session.expired(this.now())) {
      await this.submit('timeout');
      return;
    }
    apply();
    await this.persist();
  }

  /** Ends the exam, records every answer and the attempt, and tells listeners. */
  async submit(end: ExamEnd): Promise<ExamResult | undefined> {
    const session = this.session;
    if (!session || session.submitted) return undefined;
    const result = session.submit(this.now(), end);
    this.stopClock();
    this.session = undefined;
    await this.memento.update(EXAM_STATE_KEY, undefined);
    await this.progress.recordExam(result);
    this.submitted.fire({ result });
    this.changed.fire();
    return result;
  }

  /** Checks the clock: submits when time is up, else waits for the rest. */
  async tick(): Promise<void> {
    if (!this.session) return;
    if (this.session.expired(this.now())) await this.submit('timeout');
    else this.armTimer();
  }

  /**
   * Saves answers and the clock, so a reload or a crash resumes where the user was. `claim` when this window
   * starts or resumes the exam; otherwise a save finding that another window has claimed it stops here.
   */
  async persist(claim = false): Promise<void> {
    const session = this.session;
    if (!session || session.submitted) return;
    const stored = this.stored();
    if (!claim && stored?.id === session.id && stored.owner !== undefined && stored.owner !== this.windowId) {
      // Another window took this exam over: stop here rather than save over its answers.
      this.stopClock();
      this.session = undefined;
      this.movedAway = true;
      this.changed.fire();
      return;
    }
    await this.memento.update(EXAM_STATE_KEY, { ...session.state(this.now()), owner: this.windowId } satisfies StoredExam);
  }

  /** Saves the exam without an owner and stops its clock here: on reload or shutdown, so the next window resumes it at once. */
  async release(): Promise<void> {
    const session = this.session;
    if (!session || session.submitted) return;
    this.stopClock();
    this.session = undefined;
    await this.memento.update(EXAM_STATE_KEY, session.state(this.now()));
  }

  private startClock(): void {
    this.stopClock();
    this.armTimer();
    this.heartbeat = setInterval(() => void this.persist(), HEARTBEAT_MS);
  }

  private armTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    const remaining = this.session?.remainingMs(this.now()) ?? 0;
    // setTimeout's limit is about 24.8 days; exams are minutes long, but a bad profile must not spin.
    this.timer = setTimeout(() => void this.tick(), Math.min(remaining + 250, 2 ** 31 - 1));
  }

  private stopClock(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.timer = undefined;
    this.heartbeat = undefined;
  }

  override dispose(): void {
    // Saved on the way out too (deactivate normally released it already): the heartbeat may be 15 s old.
    void this.release();
    super.dispose();
  }
}
