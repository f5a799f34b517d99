import * as vscode from 'vscode';
import { CardIndex, type DeckSummary, type IndexedCard } from '../../core/cards/cardIndex';
import { DEFAULT_CARD_TAG, parseNote, type CardProblem, type ParsedNote } from '../../core/cards/parser';
import { isDue, type QuestionSchedule } from '../../core/progress/scheduler';
import { Disposable } from '../../util/dispose';
import type { ProgressService } from '../progress/progressService';

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
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('studydeck-cards'));
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when cards are added, changed or removed. */
  readonly onDidChange = this.changed.event;
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
    if (this.index.remove(uri.toString())) this.changed.fire();
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
    this.report(uri, parsed.problems);
    if (notify && (had || parsed.isCardFile)) this.changed.fire();
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

  decks(): DeckSummary[] {
    return this.index.decks();
  }

  card(key: string): IndexedCard | undefined {
    return this.index.card(key);
  }

  counts(cards: readonly IndexedCard[] = this.index.cards, now = Date.now()): CardCounts {
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
