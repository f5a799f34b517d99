import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { Pack } from '../../core/content/model';
import { drawExam } from '../../core/exam/draw';
import type { ContentService } from '../content/contentService';
import type { ProgressService } from '../progress/progressService';
import type { QuizPanels } from '../quiz/quizPanel';
import { EXAM_VIEW_TYPE, ExamPanels } from './examPanel';
import { ExamService } from './examService';

const WINDOW_ID_KEY = 'studyDeck.windowId';

function minutesLeft(ms: number): number {
  return Math.max(0, Math.ceil(ms / 60_000));
}

export function registerExam(context: vscode.ExtensionContext, content: ContentService, progress: ProgressService, quiz: QuizPanels): { service: ExamService; panels: ExamPanels } {
  // The same id after a reload, so the window finds its own exam rather than one "held elsewhere".
  let windowId = context.workspaceState.get<string>(WINDOW_ID_KEY);
  if (!windowId) {
    windowId = randomUUID();
    void context.workspaceState.update(WINDOW_ID_KEY, windowId);
  }
  const service = new ExamService(context.globalState, content, progress, Date.now, windowId);
  const panels = new ExamPanels(context.extensionUri, service, content, progress, quiz);

  /** Packs a mock exam can be built from: an exam profile and at least one question. */
  const examPacks = async (): Promise<Pack[]> => (await content.get()).packs.filter((p) => p.exam && p.topics.some((t) => t.questions.length > 0));

  context.subscriptions.push(
    service,
    panels,
    vscode.window.registerWebviewPanelSerializer(EXAM_VIEW_TYPE, panels),
    // Time can run out while no panel shows the exam: say so, and offer the results.
    service.onDidSubmit(({ result }) => {
      if (result.end !== 'timeout' || panels.panel?.panel.visible) return;
      const see = vscode.l10n.t('See Results');
      void vscode.window.showInformationMessage(vscode.l10n.t('Study Deck: time ran out on your mock exam, so it was submitted as it stood.'), see).then((choice) => {
        if (choice === see) panels.showResults(result.id);
      });
    }),
    vscode.commands.registerCommand('studyDeck.startExam', async (arg?: unknown) => {
      await progress.ready();
      let stored = await service.resume();
      if (!stored && service.heldElsewhere) {
        const takeOver = vscode.l10n.t('Continue It Here');
        const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Study Deck: a mock exam is running in another window. Continue it there, or bring it here; the other window then stops it within 15 seconds.'), takeOver);
        if (choice !== takeOver) return;
        stored = await service.resume(true);
        if (stored) {
          panels.showExam();
          return;
        }
      }
      if (stored) {
        const c = stored.counts();
        const resume = { label: `$(debug-continue) ${vscode.l10n.t('Resume the exam in progress')}`, detail: vscode.l10n.t('{0} of {1} answered, {2} minutes left', c.answered, c.total, minutesLeft(stored.remainingMs(service.now()))), resume: true };
        const fresh = { label: `$(discard) ${vscode.l10n.t('Discard it and start a new exam')}`, detail: vscode.l10n.t('Its answers are not recorded.'), resume: false };
        const picked = await vscode.window.showQuickPick([resume, fresh], { title: vscode.l10n.t('A mock exam is in progress'), placeHolder: vscode.l10n.t('Resume it or start over?') });
        if (!picked) return;
        if (picked.resume) {
          panels.showExam();
          return;
        }
        await service.discard();
      }
      const packs = await examPacks();
      if (packs.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Study Deck: no loaded pack has an exam profile. Add "exam: {questions, minutes, passScore, maxScore}" to a pack.yaml to build mock exams from it.'));
        return;
      }
      let pack = typeof arg === 'string' ? packs.find((p) => p.id === arg) : undefined;
      if (!pack && packs.length === 1) pack = packs[0];
      if (!pack) {
        const picked = await vscode.window.showQuickPick(
          packs.map((p) => ({ label: p.title, description: vscode.l10n.t('{0} questions, {1} minutes', p.exam!.questions, p.exam!.minutes), pack: p })),
          { placeHolder: vscode.l10n.t('Take a mock exam from which pack?') },
        );
        pack = picked?.pack;
      }
      if (!pack) return;
      panels.showIntro(pack, drawExam(pack));
    }),
  );
  context.subscriptions.push(examClock(service, panels));
  return { service, panels };
}

/**
 * While an exam runs and its panel is closed or hidden, the status bar shows the minutes left, so a closed
 * panel never means a clock running unseen; a click brings the exam back.
 */
function examClock(service: ExamService, panels: ExamPanels): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('studyDeck.exam', vscode.StatusBarAlignment.Left, 49);
  item.name = vscode.l10n.t('Study Deck: mock exam clock');
  item.command = { title: vscode.l10n.t('Resume the mock exam'), command: 'studyDeck.startExam' };
  let timer: ReturnType<typeof setInterval> | undefined;
  const update = () => {
    const session = service.active;
    // Minutes pass without events: a timer while an exam runs, none otherwise.
    if (session && !timer) timer = setInterval(update, 15_000);
    if (!session && timer) {
      clearInterval(timer);
      timer = undefined;
    }
    if (!session || panels.panel?.panel.visible) {
      item.hide();
      return;
    }
    const left = minutesLeft(session.remainingMs(service.now()));
    item.text = `$(watch) ${vscode.l10n.t('Exam: {0} min left', left)}`;
    item.tooltip = vscode.l10n.t('Study Deck: a mock exam is running ({0} minutes left). Click to go back to it.', left);
    item.accessibilityInformation = { label: item.tooltip };
    item.show();
  };
  return vscode.Disposable.from(
    item,
    { dispose: () => timer && clearInterval(timer) },
    service.onDidChange(update),
    service.onDidSubmit(update),
    panels.onDidChangeVisibility(update),
  );
}
