import * as vscode from 'vscode';
import { formatWhen } from '../formatWhen';
import type { CardService } from '../cards/cardService';
import type { ProgressService } from '../progress/progressService';

/** "$(mortar-board) N due" in the status bar (questions and flashcards); runs Review Due. Kept current as answers and time pass. */
export function registerStatusBar(context: vscode.ExtensionContext, progress: ProgressService, cards?: CardService): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('studyDeck.due', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Study Deck: questions due');
  item.command = 'studyDeck.reviewDue';
  const update = () => {
    const questions = progress.due().length;
    const dueCards = cards?.indexed ? cards.counts().due : 0;
    const due = questions + dueCards;
    const next = progress.nextDue();
    item.text = `$(mortar-board) ${vscode.l10n.t('{0} due', due)}`;
    item.tooltip =
      dueCards > 0
        ? vscode.l10n.t('Study Deck: {0} questions and {1} flashcards to review. Click to start.', questions, dueCards)
        : due > 0
          ? vscode.l10n.t('Study Deck: {0} questions to review. Click to start.', due)
          : next
            ? vscode.l10n.t('Study Deck: nothing due. Next review {0}.', formatWhen(next))
            : vscode.l10n.t('Study Deck: nothing scheduled yet.');
    item.accessibilityInformation = { label: item.tooltip as string };
    item.show();
  };
  context.subscriptions.push(item, progress.onDidChange(update), ...(cards ? [cards.onDidChange(update)] : []));
  // Questions fall due as time passes, without any event.
  const timer = setInterval(() => progress.current && update(), 60_000);
  context.subscriptions.push({ dispose: () => clearInterval(timer) });
  return item;
}
