import * as vscode from 'vscode';
import type { IndexedCard } from '../../core/cards/cardIndex';
import type { CardRating } from '../../core/progress/records';
import { previewDue } from '../../core/progress/scheduler';
import { intervalLabel } from '../cards/cardPanel';
import { plainText } from '../glossary/register';
import type { ProgressService } from '../progress/progressService';
import { choosable, showText, type TextRow } from './textRows';

type Item = vscode.QuickPickItem & TextRow & { rating?: CardRating; reveal?: true };

/** One QuickPick; resolves with the accepted item, or undefined on Escape. */
function pick(setup: (qp: vscode.QuickPick<Item>) => void): Promise<Item | undefined> {
  const qp = vscode.window.createQuickPick<Item>();
  qp.ignoreFocusOut = true;
  setup(qp);
  return new Promise((resolve) => {
    let done = false;
    qp.onDidAccept(() => {
      const chosen = choosable(qp.selectedItems)[0] ?? choosable(qp.activeItems)[0];
      if (!chosen) return;
      done = true;
      resolve(chosen);
      qp.hide();
    });
    qp.onDidHide(() => {
      if (!done) resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

/**
 * Flashcards in the palette: the front, Enter shows the back, then Again, Hard, Good or Easy, each with the
 * interval it would give. Each rating is recorded at once, so Escape loses nothing.
 */
export async function runPaletteCards(title: string, cards: readonly IndexedCard[], progress: ProgressService): Promise<number> {
  const labels: Record<CardRating, string> = { 1: vscode.l10n.t('Again'), 2: vscode.l10n.t('Hard'), 3: vscode.l10n.t('Good'), 4: vscode.l10n.t('Easy') };
  let reviewed = 0;
  for (const [i, card] of cards.entries()) {
    const heading = `${title} · ${vscode.l10n.t('Card {0} of {1}', i + 1, cards.length)} · #${card.deck}`;
    const front = await pick((qp) => {
      qp.title = heading;
      showText(qp, plainText(card.front), vscode.l10n.t('Enter shows the answer, Escape stops'), [{ label: `$(eye) ${vscode.l10n.t('Show the answer')}`, reveal: true, alwaysShow: true }]);
      qp.activeItems = choosable(qp.items);
    });
    if (!front) break;
    const now = Date.now();
    const due = previewDue(progress.cardSchedule(card.id), now);
    const rated = await pick((qp) => {
      qp.title = heading;
      const ratings = ([1, 2, 3, 4] as const).map((r): Item => ({ label: `${r}. ${labels[r]}`, description: intervalLabel(due[r] - now), rating: r, alwaysShow: true }));
      showText(qp, `${plainText(card.front)} → ${plainText(card.back)}`, vscode.l10n.t('How well did you remember it?'), ratings);
      // Good is the usual answer: start there.
      qp.activeItems = [ratings[2]];
    });
    if (!rated?.rating) break;
    await progress.recordCardReview(card.id, rated.rating);
    reviewed++;
  }
  if (reviewed > 0) void vscode.window.showInformationMessage(vscode.l10n.t('{0}: {1} cards reviewed.', title, reviewed));
  return reviewed;
}
