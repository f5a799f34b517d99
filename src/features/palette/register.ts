import * as vscode from 'vscode';
import type { Question } from '../../core/content/model';
import { questionByKey, type ContentService } from '../content/contentService';
import { pickTermFromPalette, questionsUsing, resolveTermArg } from '../glossary/register';
import type { ProgressService } from '../progress/progressService';
import type { QuizPanels } from '../quiz/quizPanel';
import { formatWhen } from '../formatWhen';
import type { CardService } from '../cards/cardService';
import { runPaletteCards } from './paletteCards';
import { runPaletteQuiz } from './paletteQuiz';

function shuffle<T>(items: readonly T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

export function registerPaletteQuizzes(context: vscode.ExtensionContext, content: ContentService, progress: ProgressService, panels: QuizPanels, cards?: CardService): void {
  /** The score as a notification; the command does not wait on it, so the quiz ends when the questions do. */
  const finish = (title: string, result: Awaited<ReturnType<typeof runPaletteQuiz>>) => {
    if (result.answered === 0) return;
    const review = vscode.l10n.t('Review Missed in the Panel');
    const message = vscode.l10n.t('{0}: {1} of {2} correct.', title, result.correct, result.answered);
    void (result.missed.length ? vscode.window.showInformationMessage(message, review) : vscode.window.showInformationMessage(message)).then((choice) => {
      if (choice === review) panels.openQuestions(`missed:${Date.now()}`, vscode.l10n.t('Missed questions'), result.missed);
    });
  };

  /** Due questions first, then ones never answered, then the rest, each group shuffled. */
  const prioritise = (pool: readonly Question[]): Question[] => {
    const now = Date.now();
    const due: Question[] = [];
    const unseen: Question[] = [];
    const rest: Question[] = [];
    for (const q of pool) {
      const s = progress.schedule(q.key);
      (s === undefined ? unseen : s.due <= now ? due : rest).push(q);
    }
    return [...shuffle(due), ...shuffle(unseen), ...shuffle(rest)];
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('studyDeck.quickQuiz', async () => {
      const c = await content.get();
      await progress.ready();
      type ScopeItem = vscode.QuickPickItem & { questions?: readonly Question[] };
      const items: ScopeItem[] = [];
      for (const p of c.packs) {
        for (const d of p.domains) {
          const topics = p.topics.filter((t) => t.domainId === d.id && t.questions.length > 0);
          if (topics.length === 0) continue;
          // A separator per domain, the whole domain first, then its topics.
          items.push({ label: c.packs.length > 1 ? `${p.title} · ${d.title}` : d.title, kind: vscode.QuickPickItemKind.Separator });
          const qs = topics.flatMap((t) => t.questions);
          items.push({ label: `$(symbol-namespace) ${vscode.l10n.t('All of {0}', d.title)}`, description: vscode.l10n.t('{0} questions', qs.length), questions: qs });
          for (const t of topics) items.push({ label: `$(book) ${t.title}`, description: vscode.l10n.t('{0} questions', t.questions.length), questions: t.questions });
        }
      }
      const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: vscode.l10n.t('Quick Quiz: choose domains or topics'), matchOnDescription: true });
      if (!picked || picked.length === 0) return;
      const pool = [...new Map(picked.flatMap((i) => i.questions ?? []).map((q) => [q.key, q])).values()];
      const size = vscode.workspace.getConfiguration('studyDeck').get<number>('quickQuiz.size', 10);
      const title = vscode.l10n.t('Quick Quiz');
      finish(title, await runPaletteQuiz(title, prioritise(pool).slice(0, Math.max(1, size)), progress, c.cases));
    }),
    vscode.commands.registerCommand('studyDeck.reviewDue', async () => {
      const c = await content.get();
      await progress.ready();
      const due = progress
        .due()
        .map((k) => questionByKey(c, k))
        .filter((q): q is Question => q !== undefined);
      // Flashcards from the notes are due too; they follow the questions.
      if (cards) await cards.ready();
      const dueCards = cards ? cards.queue(cards.allCards, 0) : [];
      if (due.length === 0 && dueCards.length === 0) {
        const next = progress.nextDue();
        void vscode.window.showInformationMessage(
          next ? vscode.l10n.t('Study Deck: nothing is due. The next review is {0}.', formatWhen(next)) : vscode.l10n.t('Study Deck: nothing is due yet. Answer some questions and Study Deck schedules their reviews.'),
        );
        return;
      }
      const title = vscode.l10n.t('Review Due');
      if (due.length > 0) {
        const result = await runPaletteQuiz(title, due, progress, c.cases);
        finish(title, result);
        // Stopped part-way (Escape): the cards wait for another time.
        if (result.answered < due.length) return;
      }
      if (dueCards.length > 0) await runPaletteCards(title, dueCards, progress);
    }),
    vscode.commands.registerCommand('studyDeck.quizTerm', async (arg?: unknown) => {
      const c = await content.get();
      await progress.ready();
      const term = resolveTermArg(c, arg) ?? (await pickTermFromPalette(c, vscode.l10n.t('Quiz yourself on which term?')));
      if (!term) return;
      const questions = questionsUsing(c, term);
      if (questions.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Study Deck: no question uses "{0}" yet.', term.term));
        return;
      }
      const title = vscode.l10n.t('Quiz: {0}', term.term);
      finish(title, await runPaletteQuiz(title, prioritise(questions), progress, c.cases));
    }),
  );
}
