import * as vscode from 'vscode';
import { CardIndex, type DeckSummary, type IndexedCard } from '../../core/cards/cardIndex';
import { DEFAULT_CARD_TAG, parseNote, type CardProblem, type ParsedNote } from '../../core/cards/parser';
import type { Term } from '../../core/content/model';
import { TermIndex } from '../../core/glossary/termIndex';
import { isDue, type QuestionSchedule } from '../../core/progress/scheduler';
import { Disposable } from '../../util/dispose';
import type { ProgressService } from '../progress/progressService';

/** Notes with this tag teach the hover their terms. */
export const GLOSSARY_TAG = 'glossary';
/** The pack id of terms that come from the learner's notes. */
export const NOTES_PACK_ID = 'notes';

/** Never notes: dependencies, version control and Study Deck's own packs. */
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/.studydeck/**}';
/** Files read between yields to the event loop, so indexing never holds the extension host for long. */
const FILES_PER_SLICE = 25;
/** Work per slice is also cut at this many milliseconds. */
const SLICE_MS = 15;

export interface CardCounts {
  readonly cards: number;
  readonly due: number;
  readonly fresh: number;
}

/** The card tag from settings, without "#" (default flashcards). */
export function cardTag(): string {
  const raw = vscode.workspace.getConfiguration('studyDeck').get<string>('notes.tag', `#${DEFAULT_CARD_TAG}`).trim();
  return raw.replace(/^#/, '') || DEFAULT_CARD_TAG;
}

function includeGlobs(): string[] {
  return vscode.workspace.getConfiguration('studyDeck').get<string[]>('notes.include', []).filter((g) => typeof g === 'string' && g.trim() !== '');
}

/**
 * Flashcards in the workspace's Markdown notes: an index built in small slices after start-up (never during
 * activation), kept current per saved, created or deleted file; card problems in the Problems panel.
 * Review data lives in the progress store, never in the notes.
 */
export class CardService extends Disposable {
  readonly index = new CardIndex({ tag: cardTag() });
  /** Cards in notes tagged #glossary: those whose front is a single term explain it in the hover. */
  private readonly glossaryNotes = new CardIndex({ tag: GLOSSARY_TAG });
  private noteTerms: TermIndex | undefined;
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('studydeck-cards'));
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when cards are added, changed or removed. */
  readonly onDidChange = this.changed.event;
  /** Glossary term cards of the packs the learner opted in to (Study Glossary): no file, same review flow. */
  private readonly termCardsById = new Map<string, IndexedCard>();
  private termDecks: DeckSummary[] = [];
  private indexing: Promise<void> | undefined;
  private watching = false;
  private included = new Set<string>();
  private pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** The longest time one slice of indexing held the extension host, in ms (for the bench and tests). */
  longestSliceMs = 0;
  /** How long the last full index took, in ms. */
  lastIndexMs = 0;

  constructor(private readonly progress: ProgressService) {
    super();
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('studyDeck.notes')) void this.reindexAll();
      }),
    );
    this.register({ dispose: () => this.pending.forEach((t) => clearTimeout(t)) });
  }

  /** Resolves once every note has been read; later calls wait for the same pass. */
  ready(): Promise<void> {
    return (this.indexing ??= this.indexAll());
  }

  /** True once the first full pass has finished. */
  get indexed(): boolean {
    return this.lastIndexMs > 0;
  }

  private async reindexAll(): Promise<void> {
    await this.indexing?.catch(() => undefined);
    this.index.setOptions({ tag: cardTag() });
    this.diagnostics.clear();
    this.indexing = this.indexAll();
    await this.indexing;
  }

  private async indexAll(): Promise<void> {
    this.startWatching();
    const started = performance.now();
    const markdown = await vscode.workspace.findFiles('**/*.md', EXCLUDE);
    const included = new Set<string>();
    for (const glob of includeGlobs()) for (const uri of await vscode.workspace.findFiles(glob, EXCLUDE)) included.add(uri.toString());
    this.included = included;
    const uris = new Map<string, vscode.Uri>();
    for (const u of [...markdown, ...[...included].map((s) => vscode.Uri.parse(s))]) uris.set(u.toString(), u);
    const list = [...uris.values()];
    let sliceStart = performance.now();
    for (let i = 0; i < list.length; i++) {
      await this.readAndIndex(list[i], false);
      const spent = performance.now() - sliceStart;
      if ((i + 1) % FILES_PER_SLICE === 0 || spent > SLICE_MS) {
        this.longestSliceMs = Math.max(this.longestSliceMs, spent);
        await new Promise((r) => setImmediate(r));
        sliceStart = performance.now();
      }
    }
    this.longestSliceMs = Math.max(this.longestSliceMs, performance.now() - sliceStart);
    this.lastIndexMs = performance.now() - started;
    this.changed.fire();
  }

  private startWatching(): void {
    if (this.watching) return;
    this.watching = true;
    const watcher = this.register(vscode.workspace.createFileSystemWatcher('**/*.md'));
    this.register(watcher.onDidCreate((u) => this.scheduleRead(u)));
    this.register(watcher.onDidChange((u) => this.scheduleRead(u)));
    this.register(watcher.onDidDelete((u) => this.forget(u)));
    // Saving is the author's signal, and the watcher can lag behind it; the document holds the text.
    this.register(vscode.workspace.onDidSaveTextDocument((d) => this.isCandidate(d.uri) && this.indexText(d.uri, d.getText(), true)));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reindexAll()));
  }

  private isCandidate(uri: vscode.Uri): boolean {
    if (this.included.has(uri.toString())) return true;
    if (!uri.path.endsWith('.md')) return false;
    return !/\/(node_modules|\.git|\.studydeck)\//.test(uri.path);
  }

  /** Re-reads a file a moment after it changes on disk (a burst of changes reads it once). */
  private scheduleRead(uri: vscode.Uri): void {
    if (!this.isCandidate(uri) || !this.indexing) return;
    const key = uri.toString();
    const t = this.pending.get(key);
    if (t) clearTimeout(t);
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        void this.readAndIndex(uri, true);
      }, 150),
    );
  }

  private forget(uri: vscode.Uri): void {
    this.diagnostics.delete(uri);
    const terms = this.glossaryNotes.remove(uri.toString());
    if (terms) this.noteTerms = undefined;
    if (this.index.remove(uri.toString()) || terms) this.changed.fire();
  }

  private async readAndIndex(uri: vscode.Uri, notify: boolean): Promise<void> {
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      // Gone or unreadable between listing and reading: it holds no cards for now.
      this.forget(uri);
      return;
    }
    this.indexText(uri, text, notify);
  }

  private indexText(uri: vscode.Uri, text: string, notify: boolean): void {
    const key = uri.toString();
    const had = this.index.has(key);
    const parsed = this.index.update(key, text, this.included.has(key));
    const hadTerms = this.glossaryNotes.has(key);
    // Most notes never mention the glossary tag: parse them for it only when the text has it.
    const glossary = text.includes(`#${GLOSSARY_TAG}`) || /^tags:.*\bglossary\b/im.test(text) ? this.glossaryNotes.update(key, text) : undefined;
    if (!glossary) this.glossaryNotes.remove(key);
    if (hadTerms || glossary?.isCardFile) this.noteTerms = undefined;
    this.report(uri, parsed.isCardFile ? parsed.problems : (glossary?.problems ?? []));
    if (notify && (had || parsed.isCardFile || hadTerms || glossary?.isCardFile)) this.changed.fire();
  }

  /**
   * Terms the learner defined in notes tagged #glossary (`RAG::Retrieval-augmented generation`), for the
   * hover: a card whose front is a short name, not a question, becomes a term "from your notes".
   */
  noteTermIndex(): TermIndex | undefined {
    if (this.noteTerms) return this.noteTerms;
    const terms: Term[] = [];
    const seen = new Set<string>();
    for (const c of this.glossaryNotes.cards) {
      const name = c.front.replace(/\s+/g, ' ').trim();
      if (c.kind !== 'basic' || name.length > 60 || /[?.!:]$/.test(name) || name.split(' ').length > 6 || seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      terms.push({ id: c.id, term: name, aliases: [], definition: c.back, confusedWith: [], packId: NOTES_PACK_ID, source: { file: c.file, line: c.line } });
    }
    this.noteTerms = new TermIndex(terms);
    return this.noteTerms;
  }

  private report(uri: vscode.Uri, problems: readonly CardProblem[]): void {
    if (problems.length === 0) {
      this.diagnostics.delete(uri);
      return;
    }
    this.diagnostics.set(
      uri,
      problems.map((p) => {
        const d = new vscode.Diagnostic(new vscode.Range(p.range.start.line, p.range.start.character, p.range.end.line, p.range.end.character), p.message, vscode.DiagnosticSeverity.Warning);
        d.code = p.code;
        d.source = 'Study Deck';
        return d;
      }),
    );
  }

  /** Cards of a document as it stands in the editor (for CodeLens: the lines must match what is shown). */
  parseDocument(document: vscode.TextDocument): ParsedNote {
    return parseNote(document.getText(), { tag: cardTag(), forceInclude: this.included.has(document.uri.toString()) });
  }

  /** Replaces the glossary term cards (a pack opted in or out, or the content reloaded). */
  setTermCards(cards: readonly IndexedCard[]): void {
    this.termCardsById.clear();
    const byDeck = new Map<string, IndexedCard[]>();
    for (const c of cards) {
      this.termCardsById.set(c.id, c);
      const list = byDeck.get(c.deck);
      if (list) list.push(c);
      else byDeck.set(c.deck, [c]);
    }
    this.termDecks = [...byDeck.entries()].map(([deck, list]) => ({ deck, cards: list }));
    this.changed.fire();
  }

  /** Decks of the notes' cards. */
  decks(): DeckSummary[] {
    return this.index.decks();
  }

  /** Decks of glossary term cards, one per opted-in pack. */
  glossaryDecks(): DeckSummary[] {
    return this.termDecks;
  }

  /** Every card to review: the notes' and the glossary's. */
  get allCards(): readonly IndexedCard[] {
    return this.termCardsById.size === 0 ? this.index.cards : [...this.index.cards, ...this.termCardsById.values()];
  }

  card(key: string): IndexedCard | undefined {
    return this.index.card(key) ?? this.termCardsById.get(key);
  }

  counts(cards: readonly IndexedCard[] = this.allCards, now = Date.now()): CardCounts {
    let due = 0;
    let fresh = 0;
    for (const c of cards) {
      const s = this.progress.cardSchedule(c.id);
      if (!s) fresh++;
      else if (isDue(s, now)) due++;
    }
    return { cards: cards.length, due, fresh };
  }

  schedule(key: string): QuestionSchedule | undefined {
    return this.progress.cardSchedule(key);
  }

  /**
   * What to review: due cards, the most overdue first, then cards never reviewed (at most `newLimit`), in
   * the order they are written.
   */
  queue(cards: readonly IndexedCard[], newLimit: number, now = Date.now()): IndexedCard[] {
    const due: { c: IndexedCard; at: number }[] = [];
    const fresh: IndexedCard[] = [];
    for (const c of cards) {
      const s = this.progress.cardSchedule(c.id);
      if (!s) fresh.push(c);
      else if (isDue(s, now)) due.push({ c, at: s.due });
    }
    due.sort((a, b) => a.at - b.at);
    return [...due.map((d) => d.c), ...fresh.slice(0, Math.max(0, newLimit))];
  }
}
