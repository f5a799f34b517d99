import * as vscode from 'vscode';
import type { Question } from '../../core/content/model';
import type { ContentService } from '../content/contentService';
import type { ProgressService } from '../progress/progressService';
import type { QuizPanels } from '../quiz/quizPanel';

/** "Drill Confusable Terms": look-alike terms as questions in the quiz panel, due ones first. */
export function registerDrills(context: vscode.ExtensionContext, content: ContentService, progress: ProgressService, quiz: QuizPanels): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('studyDeck.drillConfusables', async (arg?: unknown) => {
      const c = await content.get();
      await progress.ready();
      const withDrills = c.packs.filter((p) => [...c.drills.values()].some((d) => d.packId === p.id));
      if (withDrills.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Study Deck: no glossary names look-alike terms ("confusedWith"), so there is nothing to drill.'));
        return;
      }
      let pack = withDrills.find((p) => p.id === arg);
      if (!pack && withDrills.length === 1) pack = withDrills[0];
      if (!pack) {
        const picked = await vscode.window.showQuickPick(
          withDrills.map((p) => ({ label: p.title, id: p.id })),
          { title: vscode.l10n.t('Drill the look-alike terms of which pack?') },
        );
        pack = withDrills.find((p) => p.id === picked?.id);
        if (!pack) return;
      }
      const now = Date.now();
      const drills = [...c.drills.values()].filter((d) => d.packId === pack.id);
      // Due drills first, then ones never answered (shuffled), then the rest: the same priority as Quick Quiz.
      const rank = (q: Question) => {
        const s = progress.schedule(q.key);
        return s === undefined ? 1 : s.due <= now ? 0 : 2;
      };
      const shuffled = drills.map((q) => ({ q, r: rank(q), x: Math.random() })).sort((a, b) => a.r - b.r || a.x - b.x);
      const size = vscode.workspace.getConfiguration('studyDeck').get<number>('quickQuiz.size', 10);
      quiz.openQuestions(`drill:${pack.id}`, vscode.l10n.t('Look-alike terms: {0}', pack.title), shuffled.slice(0, Math.max(1, size)).map((x) => x.q));
    }),
  );
}
