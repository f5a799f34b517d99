import * as vscode from 'vscode';
import type { ContentService } from '../content/contentService';
import type { CardService } from '../cards/cardService';
import type { ProgressService } from '../progress/progressService';
import { TopicsProvider } from './topicsProvider';

export function registerTopics(context: vscode.ExtensionContext, content: ContentService, progress: ProgressService, cards?: CardService): TopicsProvider {
  const provider = new TopicsProvider(content, progress, cards);
  const view = vscode.window.createTreeView('studyDeck.topics', { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(provider, view, content.onDidChange((c) => {
    provider.refresh();
    void vscode.commands.executeCommand('setContext', 'studyDeck.noContent', c.packs.length === 0);
  }));
  const updateBadge = () => {
    const questions = progress.due().length;
    const dueCards = cards?.indexed ? cards.counts().due : 0;
    const due = questions + dueCards;
    view.badge = due > 0 ? { value: due, tooltip: dueCards > 0 ? vscode.l10n.t('{0} questions and {1} flashcards due for review', questions, dueCards) : vscode.l10n.t('{0} questions due for review', due) } : undefined;
    void vscode.commands.executeCommand('setContext', 'studyDeck.hasCards', (cards?.index.cards.length ?? 0) > 0);
  };
  context.subscriptions.push(
    progress.onDidChange(() => {
      provider.refresh();
      updateBadge();
    }),
    ...(cards
      ? [
          cards.onDidChange(() => {
            provider.refresh();
            updateBadge();
          }),
        ]
      : []),
  );
  context.subscriptions.push(
    vscode.commands.registerCommand('studyDeck.reloadContent', async () => {
      const c = await vscode.window.withProgress({ location: { viewId: 'studyDeck.topics' }, title: vscode.l10n.t('Reloading Study Deck packs') }, () => content.reload());
      const n = c.packs.reduce((a, p) => a + p.topics.reduce((b, t) => b + t.questions.length, 0), 0);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Study Deck: {0} packs, {1} questions, {2} problems', c.packs.length, n, c.problems.length), 4000);
    }),
  );
  const HIDDEN_KEY = 'studyDeck.topics.hiddenDomains';
  const MASTERED_KEY = 'studyDeck.topics.hideMastered';
  const applyFilter = (keys: string[], hideMastered: boolean) => {
    provider.setHiddenDomains(keys, hideMastered);
    const parts = [...(keys.length ? [vscode.l10n.t('{0} domains hidden', keys.length)] : []), ...(hideMastered ? [vscode.l10n.t('mastered hidden')] : [])];
    view.description = parts.length ? parts.join(' · ') : undefined;
    void vscode.commands.executeCommand('setContext', 'studyDeck.topicsFiltered', parts.length > 0);
  };
  applyFilter(context.workspaceState.get<string[]>(HIDDEN_KEY, []), context.workspaceState.get<boolean>(MASTERED_KEY, false));
  context.subscriptions.push(
    vscode.commands.registerCommand('studyDeck.filterTopics', async () => {
      const c = await content.get();
      const masteredItem = { label: `$(eye-closed) ${vscode.l10n.t('Hide topics I have mastered')}`, key: '', mastered: true, picked: provider.hideMastered };
      const items = [masteredItem, ...c.packs.flatMap((p) => [
        { label: p.title, kind: vscode.QuickPickItemKind.Separator, key: '', mastered: false },
        ...p.domains.map((d) => ({ label: d.title, description: vscode.l10n.t('{0}% of the exam', d.weight), key: `${p.id}/${d.id}`, mastered: false, picked: !provider.hiddenDomains.has(`${p.id}/${d.id}`) })),
      ])];
      const chosen = await vscode.window.showQuickPick(items, { canPickMany: true, title: vscode.l10n.t('Show topics of these domains') });
      if (!chosen) return;
      const shown = new Set(chosen.map((i) => i.key));
      const hidden = items.filter((i) => i.key && !shown.has(i.key)).map((i) => i.key);
      const hideMastered = chosen.some((i) => i.mastered);
      await context.workspaceState.update(HIDDEN_KEY, hidden);
      await context.workspaceState.update(MASTERED_KEY, hideMastered);
      applyFilter(hidden, hideMastered);
    }),
    vscode.commands.registerCommand('studyDeck.clearTopicFilter', async () => {
      await context.workspaceState.update(HIDDEN_KEY, []);
      await context.workspaceState.update(MASTERED_KEY, false);
      applyFilter([], false);
    }),
  );
  return provider;
}
