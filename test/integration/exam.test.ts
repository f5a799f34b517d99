import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Question } from '../../src/core/content/model';
import { drawExam } from '../../src/core/exam/draw';
import { rightAnswer } from '../../src/core/quiz/answers';
import { dashboardView } from '../../src/features/dashboard/dashboardPanel';
import { ExamPanels } from '../../src/features/exam/examPanel';
import { EXAM_STATE_KEY, ExamService, LEASE_MS } from '../../src/features/exam/examService';
import { ProgressService } from '../../src/features/progress/progressService';
import { api } from './0-extension.test';

const made: ProgressService[] = [];

/**
 * A progress store of the test's own. These tests move the exam's clock ahead (up to 91 minutes), so their
 * answers are dated in the future; in the window's store they would outrank what later tests answer now.
 */
function ownProgress(a: Awaited<ReturnType<typeof api>>): ProgressService {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studydeck-exam-'));
  const p = new ProgressService(vscode.Uri.file(dir), a.content, 'exam-test', vscode.Uri.file(path.join(dir, 'cache')));
  made.push(p);
  return p;
}

/** A whole answer that is wrong: a wrong option, or the key with its first two entries swapped. */
function wrongAnswer(q: Question): number[] {
  if (q.type === 'single' || q.type === 'multiple') return [q.options.findIndex((o) => !o.correct)];
  const a = rightAnswer(q);
  [a[0], a[1]] = [a[1], a[0]];
  return a;
}

/** globalState as the editor keeps it, in memory, so "before" and "after the reload" can share it. */
class MemoryMemento implements vscode.Memento {
  private readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, fallback?: T): T | undefined {
    return this.values.has(key) ? (structuredClone(this.values.get(key)) as T) : fallback;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, structuredClone(value));
  }
}

const MINUTE = 60_000;

describe('mock exam', () => {
  after(() => made.splice(0).forEach((p) => p.dispose()));
  it('"Start Mock Exam" opens the exam intro for the built-in pack', async () => {
    const a = await api();
    await vscode.commands.executeCommand('studyDeck.startExam');
    const panel = a.exam.panels.panel;
    assert.ok(panel, 'an exam panel is open');
    assert.equal(panel.panel.viewType, 'studyDeck.exam');
    assert.deepEqual(panel.state, { mode: 'intro', packId: 'aws-ai-practitioner' });
    assert.equal(a.exam.service.active, undefined, 'the clock has not started before the user presses Start');
    panel.panel.dispose();
  });

  it('takes answers through the webview protocol, resumes after a reload with the time kept, and records the attempt', async () => {
    const a = await api();
    const progress = ownProgress(a);
    await progress.ready();
    const c = await a.content.get();
    const pack = c.packs.find((p) => p.id === 'aws-ai-practitioner')!;
    const uri = vscode.extensions.getExtension('studydeck.study-deck')!.extensionUri;
    const memento = new MemoryMemento();
    let now = Date.now();
    const clock = () => now;

    const before = new ExamService(memento, a.content, progress, clock);
    const panels = new ExamPanels(uri, before, a.content, progress, a.quiz);
    const panel = panels.showIntro(pack, drawExam(pack));
    await panel.receive({ type: 'begin' });
    const session = before.active!;
    assert.equal(session.questions.length, 65);

    // Three right, two wrong, one flagged; off-protocol messages change nothing.
    const qs = session.questions.slice(0, 5);
    const right = (i: number) => rightAnswer(qs[i]);
    const wrong = (i: number) => wrongAnswer(qs[i]);
    for (let i = 0; i < 5; i++) await panel.receive({ type: 'answer', key: qs[i].key, chosen: i < 3 ? right(i) : wrong(i) });
    await panel.receive({ type: 'flag', key: qs[4].key });
    await panel.receive({ type: 'answer', key: qs[0].key, chosen: 'all' });
    await panel.receive({ type: 'runCommand', command: 'workbench.action.terminal.new' });
    await panel.receive({ type: 'goTo', index: 7 });
    assert.deepEqual(session.counts(), { answered: 5, unanswered: 60, flagged: 1, total: 65 });

    // Ten minutes of work, then the window reloads (five seconds).
    now += 10 * MINUTE;
    panels.dispose();
    before.dispose();
    now += 5_000;

    const after = new ExamService(memento, a.content, progress, clock);
    const resumed = await after.resume();
    assert.ok(resumed, 'the exam comes back after the reload');
    assert.equal(resumed.id, session.id);
    assert.equal(resumed.index, 7, 'at the question the user was on');
    assert.equal(resumed.remainingMs(now), 80 * MINUTE - 5_000, 'the reload costs its five seconds, no more');
    assert.deepEqual(resumed.counts(), { answered: 5, unanswered: 60, flagged: 1, total: 65 });

    const panels2 = new ExamPanels(uri, after, a.content, progress, a.quiz);
    const panel2 = panels2.showExam();
    const attemptsBefore = progress.attempts().length;
    const submitted = new Promise((resolve) => after.onDidSubmit(resolve));
    await panel2.receive({ type: 'submit' });
    await submitted;
    await progress.flush();
    assert.equal(memento.get(EXAM_STATE_KEY), undefined, 'no exam is in progress any more');
    const attempts = progress.attempts();
    assert.equal(attempts.length, attemptsBefore + 1, 'the attempt is in the history');
    const last = attempts[attempts.length - 1];
    assert.equal(last.id, session.id);
    assert.equal(last.end, 'submitted');
    assert.equal(last.items.length, 65);
    assert.equal(last.items.filter((i) => i[2]).length, 3, 'three right');
    assert.equal(panel2.state.mode, 'results', 'the panel shows the results');
    for (const q of qs) assert.equal(progress.schedule(q.key)?.lastAnswerAt, last.at, `${q.id} is scheduled from the exam answer`);
    panels2.dispose();
    after.dispose();
  });

  it('runs an exam in one window at a time: another window waits, takes over a stale one, or one handed back', async () => {
    const a = await api();
    const c = await a.content.get();
    const pack = c.packs.find((p) => p.id === 'aws-ai-practitioner')!;
    const memento = new MemoryMemento();
    let now = Date.now();
    const clock = () => now;
    const first = new ExamService(memento, a.content, a.progress, clock);
    const second = new ExamService(memento, a.content, a.progress, clock);
    try {
      const session = await first.start(pack, drawExam(pack));
      // A choice question: [0] is a whole answer to it (an ordering or matching one needs every item).
      const q0 = session.questions.find((q) => q.type === 'single')!;
      await first.answer(q0.key, [0]);
      assert.equal(await second.resume(), undefined, 'a second window does not run the same exam');
      assert.equal(second.heldElsewhere, true, 'and knows why');

      // The first window stops saving (closed without a goodbye): after the lease, the second takes over,
      // and the first, should it wake up, stops instead of saving over it.
      now += LEASE_MS + 1_000;
      const taken = await second.resume();
      assert.equal(taken?.id, session.id);
      assert.deepEqual(taken?.answerOf(q0.key), [0], 'with the answers given so far');
      await first.persist();
      assert.equal(first.active === undefined, true, 'the first window stops running it');
      assert.equal(first.movedAway, true);
      assert.equal(second.active?.id, session.id, 'the second window runs it');

      // A window that hands the exam back (on reload or shutdown) lets the next one resume it at once.
      await second.release();
      const third = new ExamService(memento, a.content, a.progress, clock);
      assert.equal((await third.resume())?.id, session.id);
      await third.discard();
      third.dispose();
    } finally {
      first.dispose();
      second.dispose();
    }
  });

  it('submits by itself when time runs out, even with no panel open', async () => {
    const a = await api();
    const progress = ownProgress(a);
    const c = await a.content.get();
    const pack = c.packs.find((p) => p.id === 'aws-ai-practitioner')!;
    let now = Date.now();
    const service = new ExamService(new MemoryMemento(), a.content, progress, () => now);
    const session = await service.start(pack, drawExam(pack));
    await service.answer(session.questions[0].key, [0]);
    now += 91 * MINUTE;
    const submitted = new Promise<{ result: { end: string } }>((resolve) => service.onDidSubmit(resolve));
    await service.tick();
    assert.equal((await submitted).result.end, 'timeout');
    const last = progress.attempts().at(-1)!;
    assert.equal(last.id, session.id);
    assert.equal(last.ms, 90 * MINUTE, 'charged the full 90 minutes');
    service.dispose();
  });

  it('opens the progress dashboard as a webview panel of its own type', async () => {
    const a = await api();
    await vscode.commands.executeCommand('studyDeck.showProgress');
    const panel = a.dashboard.panel;
    assert.ok(panel);
    assert.equal(panel.panel.viewType, 'studyDeck.progress');
    panel.panel.dispose();
  });

  it('predicts readiness for the exam date the user sets, and says when the setting is not a date', async () => {
    const a = await api();
    await a.progress.ready();
    const c = await a.content.get();
    const config = vscode.workspace.getConfiguration('studyDeck');
    const now = Date.now();
    try {
      await config.update('examDate', '', vscode.ConfigurationTarget.Global);
      const today = dashboardView(c, a.progress, now).packs.find((p) => p.packId === 'aws-ai-practitioner')!.readiness!;
      assert.equal(today.atExamDate, false);
      assert.equal(today.at, now);

      const inThirtyDays = new Date(now + 30 * 86_400_000);
      const date = `${inThirtyDays.getFullYear()}-${String(inThirtyDays.getMonth() + 1).padStart(2, '0')}-${String(inThirtyDays.getDate()).padStart(2, '0')}`;
      await config.update('examDate', date, vscode.ConfigurationTarget.Global);
      const later = dashboardView(c, a.progress, now).packs.find((p) => p.packId === 'aws-ai-practitioner')!.readiness!;
      assert.equal(later.atExamDate, true);
      assert.equal(new Date(later.at).getDate(), inThirtyDays.getDate(), 'recall is predicted for that day');
      assert.ok(later.expected <= today.expected, `recall can only fade without reviews: ${later.expected} <= ${today.expected}`);

      await config.update('examDate', '15/12/2026', vscode.ConfigurationTarget.Global);
      const bad = dashboardView(c, a.progress, now);
      assert.match(bad.examDateError ?? '', /YYYY-MM-DD/, 'the dashboard says what form the date takes');
      assert.equal(bad.packs[0].readiness?.atExamDate, false, 'and predicts for today meanwhile');
    } finally {
      await config.update('examDate', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
