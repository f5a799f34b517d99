import * as vscode from 'vscode';
import type { ContentService } from '../content/contentService';
import { TopicsProvider } from './topicsProvider';

export function registerTopics(context: vscode.ExtensionContext, content: ContentService): TopicsProvider {
  const provider = new TopicsProvider(content);
  const view = vscode.window.createTreeView('studyDeck.topics', { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(provider, view, content.onDidChange((c) => {
    provider.refresh();
    void vscode.commands.executeCommand('setContext', 'studyDeck.noContent', c.packs.length === 0);
  }));
  context.subscriptions.push(
    vscode.commands.registerCommand('studyDeck.reloadContent', async () => {
      const c = await vscode.window.withProgress({ location: { viewId: 'studyDeck.topics' }, title: vscode.l10n.t('Reloading Study Deck packs') }, () => content.reload());
      const n = c.packs.reduce((a, p) => a + p.topics.reduce((b, t) => b + t.questions.length, 0), 0);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Study Deck: {0} packs, {1} questions, {2} problems', c.packs.length, n, c.problems.length), 4000);
    }),
  );
  return provider;
}
