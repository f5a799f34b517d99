import { parseNote, type Card, type CardProblem, type ParseNoteOptions, type ParsedNote } from './parser';

/** A card as the index knows it: where it was first found. */
export interface IndexedCard extends Card {
  /** The file's path (or URI string), as the caller gave it. */
  readonly file: string;
}

export interface DeckSummary {
  readonly deck: string;
  readonly cards: readonly IndexedCard[];
}

/**
 * Every flashcard of the notes, by file. A file is parsed when it is added or saved, never all at once on a
 * keystroke. A card whose front appears in two notes is one card (its identity is its front), found in the
 * first of them by path.
 */
export class CardIndex {
  private readonly files = new Map<string, ParsedNote>();
  private merged: { byId: Map<string, IndexedCard>; list: IndexedCard[] } | undefined;

  constructor(private options: ParseNoteOptions = {}) {}

  /** A new tag: the caller re-adds every file, since which files are card files may change. */
  setOptions(options: ParseNoteOptions): void {
    this.options = options;
    this.files.clear();
    this.merged = undefined;
  }

  /**
   * Parses one file's text and keeps what it holds; returns the parse (problems included). `include` marks a
   * file matched by the include globs, which counts without the tag.
   */
  update(file: string, text: string, include = false): ParsedNote {
    const parsed = parseNote(text, { ...this.options, forceInclude: include || this.options.forceInclude });
    if (parsed.isCardFile) this.files.set(file, parsed);
    else this.files.delete(file);
    this.merged = undefined;
    return parsed;
  }

  remove(file: string): boolean {
    const had = this.files.delete(file);
    if (had) this.merged = undefined;
    return had;
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  get fileCount(): number {
    return this.files.size;
  }

  /** Card files, sorted by path. */
  get fileNames(): string[] {
    return [...this.files.keys()].sort();
  }

  cardsOf(file: string): readonly Card[] {
    return this.files.get(file)?.cards ?? [];
  }

  problemsOf(file: string): readonly CardProblem[] {
    return this.files.get(file)?.problems ?? [];
  }

  /** Every distinct card, files in path order. */
  get cards(): readonly IndexedCard[] {
    return this.merge().list;
  }

  card(id: string): IndexedCard | undefined {
    return this.merge().byId.get(id);
  }

  /** Decks by name, each with its cards; names sorted. */
  decks(): DeckSummary[] {
    const byDeck = new Map<string, IndexedCard[]>();
    for (const c of this.merge().list) {
      const list = byDeck.get(c.deck);
      if (list) list.push(c);
      else byDeck.set(c.deck, [c]);
    }
    return [...byDeck.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([deck, cards]) => ({ deck, cards }));
  }

  private merge(): { byId: Map<string, IndexedCard>; list: IndexedCard[] } {
    if (this.merged) return this.merged;
    const byId = new Map<string, IndexedCard>();
    const list: IndexedCard[] = [];
    for (const file of [...this.files.keys()].sort()) {
      for (const c of this.files.get(file)!.cards) {
        if (byId.has(c.id)) continue;
        const indexed = { ...c, file };
        byId.set(c.id, indexed);
        list.push(indexed);
      }
    }
    this.merged = { byId, list };
    return this.merged;
  }
}
