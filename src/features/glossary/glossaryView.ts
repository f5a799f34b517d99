import * as vscode from 'vscode';
import type { Term } from '../../core/content/model';
import { termKey, type ContentService } from '../content/contentService';
import type { ProgressService } from '../progress/progressService';
import { plainText } from './register';

type GlossaryElement = { readonly kind: 'letter'; readonly letter: string; readonly terms: readonly Term[] } | { readonly kind: 'term'; readonly term: Term };

/** The first letter a term sorts under, A–Z, or "#" for digits and symbols. */
function letterOf(term: Term): string {
  const first = term.term.normalize('NFD').replace(/\p{M}/gu, '').charAt(0).toUpperCase();
  return /[A-Z]/.test(first) ? first : '#';
}

/**
 * Every glossary term of every loaded pack, A to Z, with what you recall of it; a filter narrows the list
 * to terms whose name, alias, expansion or definition contains the text.
 */
export class GlossaryProvider implements vscode.TreeDataProvider<GlossaryElement> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private filterText = '';

  constructor(
    private readonly content: ContentService,
    private readonly progress: ProgressService,
  ) {}

  get filter(): string {
    return this.filterText;
  }

  setFilter(text: string): void {
    this.filterText = text.trim();
    this.refresh();
  }

  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async terms(): Promise<Term[]> {
    const c = await this.content.get();
    const needle = this.filterText.toLowerCase();
    const all = c.packs.flatMap((p) => p.terms);
    const shown = needle ? all.filter((t) => [t.term, t.expansion ?? '', ...t.aliases, t.definition].some((s) => s.toLowerCase().includes(needle))) : all;
    return shown.sort((a, b) => a.term.localeCompare(b.term, undefined, { sensitivity: 'base' }));
  }

  async getChildren(element?: GlossaryElement): Promise<GlossaryElement[]> {
    if (element?.kind === 'letter') return element.terms.map((term) => ({ kind: 'term', term }));
    if (element) return [];
    const groups = new Map<string, Term[]>();
    for (const t of await this.terms()) {
      const l = letterOf(t);
      const list = groups.get(l);
      if (list) list.push(t);
      else groups.set(l, [t]);
    }
    return [...groups.entries()].map(([letter, terms]) => ({ kind: 'letter', letter, terms }));
  }

  getTreeItem(element: GlossaryElement): vscode.TreeItem {
    if (element.kind === 'letter') {
      // Filtered lists are short: show them open.
      const item = new vscode.TreeItem(element.letter, this.filterText ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `letter:${element.letter}`;
      item.description = element.terms.length === 1 ? vscode.l10n.t('1 term') : vscode.l10n.t('{0} terms', element.terms.length);
      return item;
    }
    const t = element.term;
    const item = new vscode.TreeItem(t.term, vscode.TreeItemCollapsibleState.None);
    item.id = `term:${termKey(t)}`;
    const c = this.content.peek();
    const recall = c && this.progress.current ? this.progress.termRecall(c, termKey(t)) : undefined;
    const recallText = recall ? vscode.l10n.t('recall {0}%', Math.round(recall.recall * 100)) : undefined;
    item.description = [t.expansion, recallText].filter(Boolean).join(' · ');
    item.tooltip = new vscode.MarkdownString().appendMarkdown('**').appendText(t.term).appendMarkdown('**\n\n').appendText(plainText(t.definition));
    item.accessibilityInformation = { label: [t.term, t.expansion, recallText].filter(Boolean).join(', ') };
    item.iconPath = new vscode.ThemeIcon('symbol-key');
    item.contextValue = 'studyDeck.term';
    item.command = { command: 'studyDeck.lookUpTerm', title: vscode.l10n.t('Look Up Term'), arguments: [termKey(t)] };
    return item;
  }
}

export function registerGlossaryView(context: vscode.ExtensionContext, content: ContentService, progress: ProgressService): GlossaryProvider {
  const provider = new GlossaryProvider(content, progress);
  const view = vscode.window.createTreeView('studyDeck.glossary', { treeDataProvider: provider, showCollapseAll: true });
  const applyFilter = (text: string) => {
    provider.setFilter(text);
    view.description = provider.filter ? vscode.l10n.t('filter: {0}', provider.filter) : undefined;
    void vscode.commands.executeCommand('setContext', 'studyDeck.glossaryFiltered', provider.filter !== '');
  };
  context.subscriptions.push(
    provider,
    view,
    content.onDidChange(() => provider.refresh()),
    progress.onDidChange(() => provider.refresh()),
    vscode.commands.registerCommand('studyDeck.filterGlossary', async () => {
      const text = await vscode.window.showInputBox({ title: vscode.l10n.t('Filter the glossary'), prompt: vscode.l10n.t('Show terms whose name, expansion, alias or definition contains this text.'), value: provider.filter });
      if (text !== undefined) applyFilter(text);
    }),
    vscode.commands.registerCommand('studyDeck.clearGlossaryFilter', () => applyFilter('')),
  );
  return provider;
}
