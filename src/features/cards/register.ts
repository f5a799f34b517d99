import * as vscode from 'vscode';
import type { Card } from '../../core/cards/parser';
import { isDue } from '../../core/progress/scheduler';
import { formatWhen } from '../formatWhen';
import type { ProgressService } from '../progress/progressService';
import { CARDS_VIEW_TYPE, CardPanels } from './cardPanel';
import { cardTag, CardService } from './cardService';
import { termCards } from '../../core/glossary/termCards';
import type { Content, ContentService } from '../content/contentService';

/** New cards in one sitting: enough to make progress, few enough that a big note is not a wall. */
const NEW_PER_SITTING = 20;

export interface CardsFeature {
  readonly service: CardService;
  readonly panels: CardPanels;
  readonly lenses: CardLensProvider;
}

/** What "Review Cards" was asked for: everything, a deck, or a card and the rest of its note. */
type ReviewTarget = { readonly deck?: string; readonly file?: string; readonly key?: string };

function targetOf(arg: unknown): ReviewTarget {
  if (typeof arg === 'string') return { deck: arg };
  if (typeof arg === 'object' && arg !== null) {
    const o = arg as Record<string, unknown>;
    return {
      deck: typeof o.deck === 'string' ? o.deck : undefined,
      file: typeof o.file === 'string' ? o.file : undefined,
      key: typeof o.key === 'string' ? o.key : undefined,
    };
  }
  return {};
}

/** A lens per line that starts cards: what is due there, and a click to review it. */
export class CardLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly cards: CardService,
    private readonly progress: ProgressService,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const parsed = this.cards.parseDocument(document);
    if (!parsed.isCardFile || parsed.cards.length === 0) return [];
    // Schedules come from the log; a first lens may wait for it once, later ones do not.
    await this.progress.ready();
    const now = Date.now();
    const byLine = new Map<number, Card[]>();
    for (const c of parsed.cards) {
      const list = byLine.get(c.line);
      if (list) list.push(c);
      else byLine.set(c.line, [c]);
    }
    const lenses: vscode.CodeLens[] = [];
    for (const [line, cards] of byLine) {
      const schedules = cards.map((c) => this.progress.cardSchedule(c.id));
      const fresh = schedules.filter((s) => !s).length;
      const due = schedules.filter((s) => s && isDue(s, now)).length;
      let title: string;
      if (cards.length === 1) title = fresh ? vscode.l10n.t('New card · Review') : due ? vscode.l10n.t('Due · Review') : vscode.l10n.t('Next review {0}', formatWhen(schedules[0]!.due, now));
      else if (fresh + due > 0) title = vscode.l10n.t('{0} cards: {1} new, {2} due · Review', cards.length, fresh, due);
      else title = vscode.l10n.t('{0} cards · next review {1}', cards.length, formatWhen(Math.min(...schedules.map((s) => s!.due)), now));
      const range = new vscode.Range(line, 0, line, 0);
      lenses.push(new vscode.CodeLens(range, { title, command: 'studyDeck.reviewCards', arguments: [{ file: document.uri.toString(), key: cards[0].id }], tooltip: vscode.l10n.t('Review this card, then the note\'s other due cards') }));
    }
    return lenses;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export const EXAMPLE_NOTE = `# Flashcards in your notes #flashcards/example

Study Deck turns lines like these into cards you review with Again, Hard, Good and Easy. The review data
stays in Study Deck's own storage; this note never changes. Delete this file when you have seen it work.

The capital of France::Paris

Parameter-efficient fine-tuning:::PEFT

What does RAG add to a prompt?
?
Passages retrieved from your own documents, so the model answers from them.

ROUGE
??
The metric for summaries: n-gram overlap with reference summaries.

A model that does well on training data and badly on new data is ==overfitting==.

{{c1::BLEU}} scores translations; {{c2::ROUGE}} scores summaries.

Code stays code: \`std::vector\` or \`a::b\` in backticks never makes a card.
`;

/** Packs whose glossary the learner studies as cards: opt-in, so nobody gets hundreds of new cards unasked. */
const GLOSSARY_PACKS_KEY = 'studyDeck.glossaryCardPacks';

export function registerCards(context: vscode.ExtensionContext, progress: ProgressService, content?: ContentService): CardsFeature {
  const service = new CardService(progress);
  const optedIn = () => new Set(context.globalState.get<string[]>(GLOSSARY_PACKS_KEY, []));
  const syncTermCards = (c: Content) => service.setTermCards(c.packs.filter((p) => optedIn().has(p.id)).flatMap((p) => termCards(p)));
  if (content) {
    context.subscriptions.push(content.onDidChange(syncTermCards));
    // Only if already opted in: no content load at start-up for a learner who never asked for term cards.
    if (optedIn().size > 0) setTimeout(() => void content.get().then(syncTermCards), 2500);
  }
  const panels = new CardPanels(context.extensionUri, service, progress, content);
  const lenses = new CardLensProvider(service, progress);
  context.subscriptions.push(
    service,
    panels,
    lenses,
    vscode.window.registerWebviewPanelSerializer(CARDS_VIEW_TYPE, panels),
    vscode.languages.registerCodeLensProvider({ language: 'markdown' }, lenses),
    service.onDidChange(() => lenses.refresh()),
    progress.onDidChange(() => lenses.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('studyDeck.notes') && lenses.refresh()),
    vscode.commands.registerCommand('studyDeck.reviewCards', async (arg?: unknown) => {
      const target = targetOf(arg);
      await Promise.all([service.ready(), progress.ready()]);
      const all = service.allCards;
      let keys: string[];
      let title: string;
      if (target.file) {
        // The card asked for first, due or not; then the rest of its note that is due.
        const ofFile = all.filter((c) => c.file === target.file);
        const rest = service.queue(ofFile, NEW_PER_SITTING).map((c) => c.id).filter((k) => k !== target.key);
        keys = target.key && service.card(target.key) ? [target.key, ...rest] : rest;
        title = vscode.l10n.t('Cards: {0}', vscode.workspace.asRelativePath(vscode.Uri.parse(target.file), false));
      } else if (target.deck) {
        keys = service.queue(all.filter((c) => c.deck === target.deck || c.deck.startsWith(`${target.deck}/`)), NEW_PER_SITTING).map((c) => c.id);
        title = vscode.l10n.t('Cards: #{0}', target.deck);
      } else {
        keys = service.queue(all, NEW_PER_SITTING).map((c) => c.id);
        title = vscode.l10n.t('Review Cards');
      }
      if (keys.length === 0 && !target.file) {
        void vscode.window.showInformationMessage(
          all.length === 0
            ? vscode.l10n.t('Study Deck: no flashcards yet. Tag a Markdown note with #{0} and write "Front::Back" lines, or run "New Flashcard Note".', cardTag())
            : vscode.l10n.t('Study Deck: no cards are due. Come back later, or add new ones to your notes.'),
        );
        return;
      }
      panels.open(title, keys);
    }),
    vscode.commands.registerCommand('studyDeck.studyGlossary', async (arg?: unknown) => {
      if (!content) return;
      const c = await content.get();
      const packs = c.packs.filter((p) => p.terms.length > 0);
      let chosen: string[];
      if (typeof arg === 'string' && packs.some((p) => p.id === arg)) chosen = [...new Set([...optedIn(), arg])];
      else {
        const picked = await vscode.window.showQuickPick(
          packs.map((p) => ({ label: p.title, description: vscode.l10n.t('{0} terms, {1} cards', p.terms.length, p.terms.length * 2), id: p.id, picked: optedIn().has(p.id) })),
          { canPickMany: true, title: vscode.l10n.t('Study which glossaries as cards?'), placeHolder: vscode.l10n.t('Each term becomes two cards: term → definition and definition → term.') },
        );
        if (!picked) return;
        chosen = picked.map((p) => p.id);
      }
      await context.globalState.update(GLOSSARY_PACKS_KEY, chosen);
      syncTermCards(c);
      await Promise.all([service.ready(), progress.ready()]);
      const decks = service.glossaryDecks();
      const keys = service.queue(decks.flatMap((d) => d.cards), NEW_PER_SITTING).map((x) => x.id);
      if (keys.length === 0) {
        if (chosen.length > 0) void vscode.window.showInformationMessage(vscode.l10n.t('Study Deck: no glossary cards are due. Come back later.'));
        return;
      }
      panels.open(vscode.l10n.t('Glossary cards'), keys);
    }),
    vscode.commands.registerCommand('studyDeck.newFlashcardNote', async () => {
      const text = EXAMPLE_NOTE.replace('#flashcards/', `#${cardTag()}/`);
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) {
        // No folder: an untitled note still shows its lenses; saving it somewhere indexes it.
        const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
        await vscode.window.showTextDocument(doc);
        return;
      }
      let uri = vscode.Uri.joinPath(folder.uri, 'flashcards-example.md');
      for (let n = 2; await exists(uri); n++) uri = vscode.Uri.joinPath(folder.uri, `flashcards-example-${n}.md`);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
    }),
  );
  // Indexing waits until start-up is over, and then runs in slices; nothing here parses during activation.
  const warmUp = setTimeout(() => void service.ready(), 2000);
  context.subscriptions.push({ dispose: () => clearTimeout(warmUp) });
  return { service, panels, lenses };
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
