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
  /** Card id → the files that hold it; kept up to date per file, so a save costs that file's cards only. */
  private readonly owners = new Map<string, Set<string>>();
  private readonly byId = new Map<string, IndexedCard>();
  /** Every card in file order, rebuilt only when asked for after a change. */
  private list: IndexedCard[] | undefined;

  constructor(private options: ParseNoteOptions = {}) {}

  /** A new tag: the caller re-adds every file, since which files are card files may change. */
  setOptions(options: ParseNoteOptions): void {
    this.options = options;
    this.files.clear();
    this.owners.clear();
    this.byId.clear();
    this.list = undefined;
  }

  /**
   * Parses one file's text and keeps what it holds; returns the parse (problems included). `include` marks a
   * file matched by the include globs, which counts without the tag.
   */
  update(file: string, text: string, include = false): ParsedNote {
    const parsed = parseNote(text, { ...this.options, forceInclude: include || this.options.forceInclude });
    this.drop(file);
    if (parsed.isCardFile) {
      this.files.set(file, parsed);
      for (const c of parsed.cards) {
        let owners = this.owners.get(c.id);
        if (!owners) this.owners.set(c.id, (owners = new Set()));
        owners.add(file);
        this.settle(c.id);
      }
    }
    this.list = undefined;
    return parsed;
  }

  remove(file: string): boolean {
    const had = this.drop(file);
    if (had) this.list = undefined;
    return had;
  }

  private drop(file: string): boolean {
    const old = this.files.get(file);
    if (!old) return false;
    this.files.delete(file);
    for (const c of old.cards) {
      const owners = this.owners.get(c.id);
      owners?.delete(file);
      if (!owners || owners.size === 0) {
        this.owners.delete(c.id);
        this.byId.delete(c.id);
      } else this.settle(c.id);
    }
    return true;
  }

  /** A card held by several files is the one in the first file by path. */
  private settle(id: string): void {
    const owners = this.owners.get(id);
    if (!owners || owners.size === 0) return;
    let first: string | undefined;
    for (const f of owners) if (first === undefined || f < first) first = f;
    const card = this.files.get(first!)!.cards.find((c) => c.id === id)!;
    this.byId.set(id, { ...card, file: first! });
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

  /** Every distinct card, files in path order, each file's cards as written. */
  get cards(): readonly IndexedCard[] {
    if (this.list) return this.list;
    const list: IndexedCard[] = [];
    for (const file of this.fileNames) {
      for (const c of this.files.get(file)!.cards) {
        const indexed = this.byId.get(c.id);
        if (indexed && indexed.file === file && !(list.length > 0 && list[list.length - 1].id === c.id)) list.push(indexed);
      }
    }
    this.list = list;
    return list;
  }

  card(id: string): IndexedCard | undefined {
    return this.byId.get(id);
  }

  /** Decks by name, each with its cards; names sorted. */
  decks(): DeckSummary[] {
    const byDeck = new Map<string, IndexedCard[]>();
    for (const c of this.cards) {
      const list = byDeck.get(c.deck);
      if (list) list.push(c);
      else byDeck.set(c.deck, [c]);
    }
    return [...byDeck.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([deck, cards]) => ({ deck, cards }));
  }
}
