import type { Topic } from '../../core/content/model';
import * as vscode from 'vscode';
import type { Content, ContentService } from '../content/contentService';
import { topicKey } from '../content/contentService';
import { termCardDeck } from '../../core/glossary/termCards';
import { cardTag, type CardService } from '../cards/cardService';
import type { ProgressService } from '../progress/progressService';
import type { TopicsElement } from './model';

/** "12 cards · 3 due · 4 new": short, as tree rows are. */
function cardSummary(cards: number, due: number, fresh: number): string {
  const parts = [cards === 1 ? vscode.l10n.t('1 card') : vscode.l10n.t('{0} cards', cards)];
  if (due > 0) parts.push(vscode.l10n.t('{0} due', due));
  if (fresh > 0) parts.push(vscode.l10n.t('{0} new', fresh));
  return parts.join(' · ');
}

function questionCount(n: number): string {
  return n === 1 ? vscode.l10n.t('1 question') : vscode.l10n.t('{0} questions', n);
}

export class TopicsProvider implements vscode.TreeDataProvider<TopicsElement> {
  private readonly changed = new vscode.EventEmitter<TopicsElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  /** "pack/domain" keys the user chose to hide with the filter. */
  private hidden = new Set<string>();

  constructor(
    private readonly content: ContentService,
    private readonly progress?: ProgressService,
    private readonly cards?: CardService,
  ) {}

  get hiddenDomains(): ReadonlySet<string> {
    return this.hidden;
  }

  /** Hide topics whose every question is mastered (see isMastered): what is left is what to study. */
  hideMastered = false;

  setHiddenDomains(keys: Iterable<string>, hideMastered = this.hideMastered): void {
    this.hidden = new Set(keys);
    this.hideMastered = hideMastered;
    this.refresh();
  }

  private isFullyMastered(t: Topic): boolean {
    if (!this.progress?.current || t.questions.length === 0) return false;
    const m = this.progress.mastery(t.questions);
    return m.mastered === m.total;
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }

  async getChildren(element?: TopicsElement): Promise<TopicsElement[]> {
    const c = await this.content.get();
    if (!element) return this.roots(c);
    switch (element.kind) {
      case 'pack': {
        const p = element.pack;
        const domains: TopicsElement[] = p.domains
          .filter((d) => p.topics.some((t) => t.domainId === d.id) && !this.hidden.has(`${p.id}/${d.id}`))
          .map((domain) => ({ kind: 'domain', pack: p, domain }));
        // The pack's glossary as cards, once the learner opted in (Study Glossary).
        const glossary = this.cards?.glossaryDecks().find((d) => d.deck === termCardDeck(p.id));
        return glossary ? [...domains, { kind: 'deck', deck: glossary.deck, cards: glossary.cards }] : domains;
      }
      case 'domain':
        return element.pack.topics.filter((t) => t.domainId === element.domain.id && !(this.hideMastered && this.isFullyMastered(t))).map((topic) => ({ kind: 'topic', topic, pack: element.pack }));
      case 'notes':
        return (this.cards?.decks() ?? []).map((d) => ({ kind: 'deck', deck: d.deck, cards: d.cards }));
      case 'topic':
        return [
          { kind: 'action', topic: element.topic, action: 'notes' },
          { kind: 'action', topic: element.topic, action: 'quiz' },
        ];
      default:
        return [];
    }
  }

  private roots(c: Content): TopicsElement[] {
    const out: TopicsElement[] = [];
    const errors = c.problems.filter((p) => p.severity === 'error').length;
    const warnings = c.problems.length - errors;
    if (c.problems.length > 0) {
      const files = new Set(c.problems.map((p) => p.file)).size;
      out.push({
        kind: 'message',
        id: 'problems',
        label: vscode.l10n.t('Pack problems: {0}, {1}', errors === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', errors), warnings === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', warnings)),
        tooltip: vscode.l10n.t('{0} pack files have problems. The rest of each pack still loads. Open the Problems panel to fix them.', files),
        icon: errors > 0 ? 'error' : 'warning',
        command: 'workbench.actions.view.problems',
      });
    }
    if (c.workspacePacksBlocked) {
      out.push({
        kind: 'message',
        id: 'restricted',
        label: vscode.l10n.t('Workspace packs not loaded: restricted mode'),
        tooltip: vscode.l10n.t('Study Deck reads packs from .studydeck/ only in a trusted workspace. Trust this folder to load them.'),
        icon: 'shield',
        command: 'workbench.trust.manage',
      });
    }
    for (const pack of c.packs) out.push({ kind: 'pack', pack });
    // Flashcards from the learner's own notes, apart from the packs and never part of an exam.
    if (this.cards?.indexed && this.cards.index.cards.length > 0) out.push({ kind: 'notes' });
    return out;
  }

  getTreeItem(element: TopicsElement): vscode.TreeItem {
    switch (element.kind) {
      case 'pack': {
        // The short title keeps the row and its question count inside a sidebar of default width.
        const item = new vscode.TreeItem(element.pack.short ?? element.pack.title, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `pack:${element.pack.id}`;
        const count = element.pack.topics.reduce((n, t) => n + t.questions.length, 0);
        item.description = element.pack.origin === 'workspace' ? vscode.l10n.t('workspace · {0}', questionCount(count)) : questionCount(count);
        item.iconPath = new vscode.ThemeIcon(element.pack.origin === 'workspace' ? 'folder-library' : 'library');
        item.contextValue = 'studyDeck.pack';
        // A string tooltip would become the row's accessible name; keep the title first for screen readers.
        const tip = new vscode.MarkdownString().appendText(element.pack.title);
        if (element.pack.description) tip.appendMarkdown('\n\n').appendText(element.pack.description);
        item.tooltip = tip;
        item.accessibilityInformation = { label: `${element.pack.title}, ${item.description}` };
        return item;
      }
      case 'domain': {
        // As for topics: the short title and the bare weight fit a sidebar of default width; the tooltip and
        // screen readers get the exam guide's words.
        const d = element.domain;
        const item = new vscode.TreeItem(d.short ?? d.title, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `domain:${element.pack.id}/${d.id}`;
        item.description = `${d.weight}%`;
        const full = vscode.l10n.t('{0}: {1}% of the exam', d.title, d.weight);
        item.tooltip = full;
        item.accessibilityInformation = { label: full };
        item.iconPath = new vscode.ThemeIcon('symbol-namespace');
        item.contextValue = 'studyDeck.domain';
        return item;
      }
      case 'topic': {
        const t = element.topic;
        // The short title keeps the row's figures in view in a narrow sidebar; the full one is in the tooltip.
        const item = new vscode.TreeItem(t.short ?? t.title, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `topic:${topicKey(t)}`;
        const m = this.progress?.current ? this.progress.mastery(t.questions) : undefined;
        // "7/12" is mastered out of all; the due count shows only when there is something to review.
        // Short, because topic titles are long and the sidebar narrow; the tooltip and screen readers get words.
        item.description = m ? (m.due > 0 ? vscode.l10n.t('{0}/{1} · {2} due', m.mastered, m.total, m.due) : `${m.mastered}/${m.total}`) : questionCount(t.questions.length);
        const spoken = m ? vscode.l10n.t('{0} of {1} mastered, {2} due, {3} answered', m.mastered, m.total, m.due, m.seen) : questionCount(t.questions.length);
        item.iconPath = new vscode.ThemeIcon('book');
        item.contextValue = 'studyDeck.topic';
        const task = t.task === undefined ? undefined : element.pack.tasks.find((x) => x.id === t.task);
        const tip = new vscode.MarkdownString().appendMarkdown('**').appendText(t.title).appendMarkdown('**\n\n');
        if (t.task !== undefined) tip.appendText(task ? vscode.l10n.t('Task {0}: {1}', task.id, task.title) : vscode.l10n.t('Task {0}', t.task)).appendMarkdown('\n\n');
        item.tooltip = tip.appendText(spoken);
        item.accessibilityInformation = { label: `${t.title}, ${spoken}` };
        return item;
      }
      case 'notes': {
        const counts = this.cards!.counts(this.cards!.index.cards);
        const item = new vscode.TreeItem(vscode.l10n.t('Your notes'), vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'notes';
        item.iconPath = new vscode.ThemeIcon('notebook');
        item.description = cardSummary(counts.cards, counts.due, counts.fresh);
        item.tooltip = new vscode.MarkdownString().appendText(vscode.l10n.t('Flashcards from the Markdown notes in this workspace tagged #{0}. Their reviews are kept by Study Deck, not in the notes.', cardTag()));
        item.accessibilityInformation = { label: `${vscode.l10n.t('Your notes')}, ${item.description}` };
        return item;
      }
      case 'deck': {
        const counts = this.cards!.counts(element.cards);
        const glossary = element.deck.startsWith('glossary/');
        // Under "Your notes" the tag's root is implied: "#flashcards/aws" reads "aws", so the counts stay in view
        // in a narrow sidebar; the tooltip has the whole tag.
        const root = `${cardTag()}/`;
        const name = element.deck.startsWith(root) && element.deck.length > root.length ? element.deck.slice(root.length) : `#${element.deck}`;
        const item = new vscode.TreeItem(glossary ? vscode.l10n.t('Glossary cards') : name, vscode.TreeItemCollapsibleState.None);
        item.id = `deck:${element.deck}`;
        item.iconPath = new vscode.ThemeIcon(glossary ? 'symbol-key' : 'layers');
        item.description = cardSummary(counts.cards, counts.due, counts.fresh);
        const spoken = vscode.l10n.t('{0} cards, {1} due, {2} new', counts.cards, counts.due, counts.fresh);
        item.tooltip = new vscode.MarkdownString().appendText(`#${element.deck}\n${spoken}`);
        item.accessibilityInformation = { label: `${vscode.l10n.t('Deck {0}', element.deck)}, ${spoken}` };
        item.contextValue = 'studyDeck.deck';
        item.command = { command: 'studyDeck.reviewCards', title: vscode.l10n.t('Review Cards'), arguments: [element.deck] };
        return item;
      }
      case 'action': {
        const notes = element.action === 'notes';
        const item = new vscode.TreeItem(notes ? vscode.l10n.t('Read the notes') : vscode.l10n.t('Take the quiz'), vscode.TreeItemCollapsibleState.None);
        item.id = `${element.action}:${topicKey(element.topic)}`;
        item.iconPath = new vscode.ThemeIcon(notes ? 'note' : 'checklist');
        item.command = { command: notes ? 'studyDeck.openNotes' : 'studyDeck.openQuiz', title: item.label as string, arguments: [topicKey(element.topic)] };
        item.contextValue = `studyDeck.${element.action}`;
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(element.label, vscode.TreeItemCollapsibleState.None);
        item.id = `message:${element.id}`;
        item.tooltip = element.tooltip;
        item.accessibilityInformation = { label: `${element.label}. ${element.tooltip}` };
        item.iconPath = new vscode.ThemeIcon(element.icon);
        if (element.command) item.command = { command: element.command, title: element.label };
        return item;
      }
    }
  }
}
