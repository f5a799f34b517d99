/**
 * Finds flashcards in one Markdown note, in the notation of Obsidian Spaced Repetition's defaults
 * (`::`, `:::`, `?`, `??`, `==highlight==` clozes) plus Anki clozes (`{{c1::text::hint}}`).
 *
 * One pass classifies lines (front matter, code, headings, prose) and masks what is not prose
 * (inline code, HTML comments, URLs, escaped characters), so notation is looked for only where
 * a reader sees text. A second pass over blocks of prose lines builds cards. Both are linear in
 * the text: no regex here can backtrack over a whole line.
 */
import { createHash } from 'node:crypto';
import type { Range } from '../content/model';

/** The tag that marks a card file when the setting names none. */
export const DEFAULT_CARD_TAG = 'flashcards';

/**
 * `basic` asks the front and shows the back (`::`, `?`, and the forward half of `:::` / `??`).
 * `reversed` is the back-to-front half of `:::` / `??`. `cloze` hides part of a paragraph.
 */
export type CardKind = 'basic' | 'reversed' | 'cloze';

export interface Card {
  /** `card:` + 16 hex digits; see `cardId` for what it is made of and what keeps it stable. */
  readonly id: string;
  readonly kind: CardKind;
  /** Markdown asked first. Cloze: the paragraph with this card's deletions as `[...]`, or `[hint]`. */
  readonly front: string;
  /** Markdown shown after. Cloze: the paragraph with this card's deletions revealed as `**bold**`. */
  readonly back: string;
  /** 0-based line of the card's first line (the front's, or the paragraph's). */
  readonly line: number;
  /** From the first non-blank character of the first line to the end of the last line's text. */
  readonly range: Range;
  readonly deck: string;
  /** Cloze only: N of `{{cN::…}}`, or the 1-based position of the `==highlight==` in its paragraph. */
  readonly clozeIndex?: number;
  /** Cloze only: the texts this card hides, as written (Markdown), in order. */
  readonly hidden?: readonly string[];
}

export type CardProblemCode =
  | 'card-unclosed-cloze'
  | 'card-empty-cloze'
  | 'card-empty-front'
  | 'card-empty-back'
  | 'card-missing-front'
  | 'card-missing-back'
  | 'card-duplicate';

export interface CardProblem {
  readonly code: CardProblemCode;
  readonly message: string;
  readonly range: Range;
}

/** One occurrence of the card tag, in the body (`#flashcards/aws`) or in front matter `tags:`. */
export interface DeckTag {
  /** The tag path without `#`: `flashcards` for the root tag, `flashcards/aws/s3` for a sub-deck. */
  readonly deck: string;
  /** The tag as written: with its `#` in the body; without quotes in front matter. */
  readonly range: Range;
  readonly inFrontMatter: boolean;
}

export interface DeckTags {
  /** Every occurrence, in document order (front matter first, since it is at the top). */
  readonly tags: readonly DeckTag[];
  /** Distinct decks in the order they first appear. */
  readonly decks: readonly string[];
  /** The note's deck: the first tag's. Undefined when the note carries no card tag. */
  readonly deck?: string;
}

export interface ParsedNote extends DeckTags {
  /** Carries the card tag, or was parsed with `forceInclude`. */
  readonly isCardFile: boolean;
  readonly cards: readonly Card[];
  readonly problems: readonly CardProblem[];
}

export interface ParseNoteOptions {
  /** The card tag, with or without `#` (default `flashcards`). Matched case-insensitively. */
  readonly tag?: string;
  /** Parse cards even without the tag (the file matched `studyDeck.notes.include`). */
  readonly forceInclude?: boolean;
  /** Deck of a force-included note without a tag; default: the tag root (`flashcards`). */
  readonly defaultDeck?: string;
}

// ---------------------------------------------------------------------------------------------
// Public functions

/** Where the card tag occurs in `text`, and the decks it names. Tags in code or comments do not count. */
export function findDeckTags(text: string, tag: string = DEFAULT_CARD_TAG): DeckTags {
  const root = tagRoot(tag);
  // Most notes do not mention the tag at all: skip scanning them.
  if (!text.toLowerCase().includes(root.toLowerCase())) return { tags: [], decks: [] };
  return collectTags(scanLines(text), root);
}

/** True when `text` carries the card tag as a whole tag, in prose or in front matter. */
export function isCardFile(text: string, tag: string = DEFAULT_CARD_TAG): boolean {
  return findDeckTags(text, tag).tags.length > 0;
}

/** The cards of one note and what is wrong with the ones that could not be read. */
export function parseNote(text: string, opts: ParseNoteOptions = {}): ParsedNote {
  const root = tagRoot(opts.tag ?? DEFAULT_CARD_TAG);
  const mentionsTag = text.toLowerCase().includes(root.toLowerCase());
  if (!mentionsTag && !opts.forceInclude) return { isCardFile: false, tags: [], decks: [], cards: [], problems: [] };
  const lines = scanLines(text);
  const found: DeckTags = mentionsTag ? collectTags(lines, root) : { tags: [], decks: [] };
  if (found.tags.length === 0 && !opts.forceInclude) return { isCardFile: false, ...found, cards: [], problems: [] };
  const deck = found.deck ?? opts.defaultDeck ?? root;
  const { cards, problems } = new CardBuilder(lines, deck).build();
  return { isCardFile: true, ...found, cards, problems };
}

/**
 * A card's id: `card:` + the first 16 hex digits of sha256(kind, normalized front, cloze key).
 * Normalized = NFC, whitespace runs (newlines too) collapsed to one space, trimmed, lower-cased:
 * reflowing or re-capitalizing a front keeps its history; `RAG` and `rag` fronts share an id.
 * The file, the line and the back are not part of it, so moving a card or editing its back keeps it.
 * A reversed card's front is the note's back. A cloze card's "front" here is its paragraph with every
 * deletion replaced by a placeholder, then its own hidden texts; its key is `cN` or `h<position>`.
 */
export function cardId(kind: CardKind, front: string, clozeKey = ''): string {
  const norm = front.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  return `card:${createHash('sha256').update(`${kind}\u0000${norm}\u0000${clozeKey}`).digest('hex').slice(0, 16)}`;
}

// ---------------------------------------------------------------------------------------------
// Pass 1: lines

type LineKind = 'blank' | 'code' | 'front-matter' | 'heading' | 'break' | 'tags' | 'sep' | 'text';

interface Line {
  readonly raw: string;
  readonly kind: LineKind;
  /** `raw` with HTML comments turned into spaces: the text a card shows (`<!--SR:…-->` disappears). */
  readonly visible: string;
  /** `visible` with code spans, URLs and escaped characters turned into MASK: where notation is looked for. */
  readonly masked: string;
}

/** Not whitespace and not any notation character, so masked text is never blank and never a marker. */
const MASK = '\u0001';

const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^[ \t]*(`{3,}|~{3,})[ \t]*$/;
const TAG_WORD = /^#[\p{L}\p{N}_\-/]+$/u;
const NOT_DIGIT = /[^#\p{N}]/u;
/** Lines after which an indented line starts a code block (it cannot interrupt a paragraph). */
const CODE_CAN_FOLLOW: ReadonlySet<LineKind> = new Set(['blank', 'code', 'front-matter', 'heading', 'break']);

function scanLines(input: string): Line[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const raws = text.split('\n');
  for (let i = 0; i < raws.length; i++) if (raws[i].endsWith('\r')) raws[i] = raws[i].slice(0, -1);

  // Front matter: a `---` first line closed by `---` or `...`; unclosed, it is a thematic break.
  let fmEnd = -1;
  if (raws[0].trimEnd() === '---') {
    for (let k = 1; k < raws.length; k++) {
      const t = raws[k].trimEnd();
      if (t === '---' || t === '...') {
        fmEnd = k;
        break;
      }
    }
  }

  const lines: Line[] = new Array(raws.length);
  let fence: { ch: string; len: number } | undefined;
  let inComment = false;
  let inList = false;
  let prev: LineKind = 'blank';
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i];
    let kind: LineKind;
    let visible = raw;
    let masked = raw;
    if (i <= fmEnd) kind = 'front-matter';
    else if (fence) {
      const m = FENCE_CLOSE.exec(raw);
      if (m && m[1][0] === fence.ch && m[1].length >= fence.len) fence = undefined;
      kind = 'code';
    } else if (!inComment && raw.trim() === '') kind = 'blank';
    else {
      const indent = inComment ? 0 : indentOf(raw);
      // A list ends at a line that is neither an item nor indented as its continuation, after a blank line.
      if (!inComment && indent < 2 && prev === 'blank' && !LIST_ITEM.test(raw)) inList = false;
      // Fences may be indented inside lists; elsewhere 4 spaces make code or paragraph text, not a fence.
      const open = inComment || (indent >= 4 && !inList) ? null : FENCE_OPEN.exec(raw);
      if (!inComment && indent >= 4 && !inList && CODE_CAN_FOLLOW.has(prev)) kind = 'code';
      else if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
        fence = { ch: open[1][0], len: open[1].length };
        kind = 'code';
      } else {
        const s = scanInline(raw, inComment);
        visible = s.visible;
        masked = s.masked;
        inComment = s.inComment;
        kind = classify(visible, masked);
        if (kind === 'heading' || kind === 'break') inList = false;
        else if (kind !== 'blank' && LIST_ITEM.test(visible)) inList = true;
      }
    }
    lines[i] = { raw, kind, visible, masked };
    prev = kind;
  }
  return lines;
}

function classify(visible: string, masked: string): LineKind {
  const t = visible.trim();
  if (t === '') return 'blank';
  if (t === '?' || t === '??') return 'sep';
  if (HEADING.test(visible)) return 'heading';
  if (BREAK.test(visible.trimEnd())) return 'break';
  // A line of tags only (`#flashcards/aws #todo`) is metadata: it never joins a card's text.
  const m = masked.trim();
  if (m[0] === '#' && m.split(/[ \t]+/).every((w) => TAG_WORD.test(w) && NOT_DIGIT.test(w))) return 'tags';
  return 'text';
}

function indentOf(raw: string): number {
  let col = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === ' ') col++;
    else if (c === '\t') col += 4 - (col % 4);
    else break;
  }
  return col;
}

const AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/y;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const URL_STOP = /[\s<>"{}|\\^`]/;
const URL_TRAILING = /[.,:;!?*_~'"]/;
const SCHEME_CHAR = /[A-Za-z0-9+.-]/;

/**
 * Hides HTML comments (spaces in both outputs) and masks code spans, link targets, autolinks,
 * bare URLs and backslash-escaped punctuation (MASK in `masked` only). Offsets never move.
 */
function scanInline(raw: string, inComment: boolean): { visible: string; masked: string; inComment: boolean } {
  // Most lines hold none of these characters.
  if (!inComment && !/[`<\]\\]|:\/\//.test(raw)) return { visible: raw, masked: raw, inComment };
  const n = raw.length;
  /** Triples: start, end, 0 = comment / 1 = mask. Pushed in order, never overlapping. */
  const spans: number[] = [];
  let i = 0;
  let lastEnd = 0;
  if (inComment) {
    const end = raw.indexOf('-->');
    if (end < 0) return { visible: ' '.repeat(n), masked: ' '.repeat(n), inComment: true };
    spans.push(0, end + 3, 0);
    i = lastEnd = end + 3;
    inComment = false;
  }
  // Backtick run lengths with no closing run further on: a later run of that length cannot close either.
  const unclosed = new Set<number>();
  while (i < n) {
    const c = raw[i];
    if (c === '\\') {
      if (i + 1 < n && ASCII_PUNCT.test(raw[i + 1])) {
        spans.push(i + 1, i + 2, 1);
        lastEnd = i + 2;
      }
      i += 2;
    } else if (c === '`') {
      let len = 1;
      while (raw[i + len] === '`') len++;
      const close = unclosed.has(len) ? -1 : closingRun(raw, i + len, len);
      if (close < 0) {
        unclosed.add(len);
        i += len;
      } else {
        spans.push(i, close + len, 1);
        i = lastEnd = close + len;
      }
    } else if (c === '<') {
      if (raw.startsWith('<!--', i)) {
        const end = raw.indexOf('-->', i + 4);
        if (end < 0) {
          spans.push(i, n, 0);
          inComment = true;
          break;
        }
        spans.push(i, end + 3, 0);
        i = lastEnd = end + 3;
        continue;
      }
      AUTOLINK.lastIndex = i;
      const m = AUTOLINK.exec(raw);
      if (m) {
        spans.push(i, i + m[0].length, 1);
        i = lastEnd = i + m[0].length;
      } else i++;
    } else if (c === ']' && raw[i + 1] === '(') {
      const end = linkTargetEnd(raw, i + 2);
      if (end > i + 2) spans.push(i + 2, end, 1);
      i = lastEnd = Math.max(end, i + 2);
    } else if (c === ':' && raw[i + 1] === '/' && raw[i + 2] === '/') {
      let s = i;
      while (s > lastEnd && SCHEME_CHAR.test(raw[s - 1])) s--;
      while (s < i && !/[A-Za-z]/.test(raw[s])) s++;
      if (i - s >= 2) {
        const end = bareUrlEnd(raw, i + 3);
        spans.push(s, end, 1);
        i = lastEnd = Math.max(end, i + 1);
      } else i++;
    } else i++;
  }
  if (spans.length === 0) return { visible: raw, masked: raw, inComment };
  let visible = '';
  let masked = '';
  let pos = 0;
  for (let k = 0; k < spans.length; k += 3) {
    const [start, end, type] = [spans[k], spans[k + 1], spans[k + 2]];
    const keep = raw.slice(pos, start);
    visible += keep + (type === 0 ? ' '.repeat(end - start) : raw.slice(start, end));
    masked += keep + (type === 0 ? ' ' : MASK).repeat(end - start);
    pos = end;
  }
  return { visible: visible + raw.slice(pos), masked: masked + raw.slice(pos), inComment };
}

/** Start of the next backtick run of exactly `len` from `from`, or -1. */
function closingRun(raw: string, from: number, len: number): number {
  let j = from;
  for (;;) {
    const k = raw.indexOf('`', j);
    if (k < 0) return -1;
    let m = 1;
    while (raw[k + m] === '`') m++;
    if (m === len) return k;
    j = k + m;
  }
}

/** End of a `](target` destination: `<…>`, or up to whitespace or the `)` that closes it. */
function linkTargetEnd(raw: string, p: number): number {
  if (raw[p] === '<') {
    const close = raw.indexOf('>', p);
    return close < 0 ? p : close + 1;
  }
  let depth = 0;
  let j = p;
  for (; j < raw.length; j++) {
    const c = raw[j];
    if (c === ' ' || c === '\t') break;
    if (c === '\\') j++;
    else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) break;
      depth--;
    }
  }
  return Math.min(j, raw.length);
}

/** End of a bare URL: up to whitespace or a character URLs cannot hold, without trailing punctuation (as GFM). */
function bareUrlEnd(raw: string, p: number): number {
  let j = p;
  let open = 0;
  let close = 0;
  while (j < raw.length && !URL_STOP.test(raw[j])) {
    if (raw[j] === '(') open++;
    else if (raw[j] === ')') close++;
    j++;
  }
  for (;;) {
    const c = raw[j - 1];
    if (j > p && URL_TRAILING.test(c)) j--;
    else if (j > p && c === ')' && close > open) {
      j--;
      close--;
    } else return j;
  }
}

// ---------------------------------------------------------------------------------------------
// Tags

const TAG_BODY = /[\p{L}\p{N}_\-/]+/uy;
const FM_TAGS_KEY = /^tags?[ \t]*:(.*)$/i;
const FM_LIST_ITEM = /^[ \t]*-(?:[ \t]+(.*))?$/;
const FM_WORD = /"[^"]*"|'[^']*'|[^,\s[\]]+/g;

function tagRoot(tag: string): string {
  return tag.trim().replace(/^#+/, '').replace(/\/+$/, '') || DEFAULT_CARD_TAG;
}

/** The deck a tag names, or undefined when it is not the card tag (`#flashcardsX` is not). */
function deckOf(body: string, root: string): string | undefined {
  const lower = body.toLowerCase();
  const r = root.toLowerCase();
  if (lower === r) return root;
  if (!lower.startsWith(`${r}/`)) return undefined;
  const sub = body
    .slice(root.length + 1)
    .split('/')
    .filter((s) => s !== '')
    .join('/');
  return sub ? `${root}/${sub}` : root;
}

function collectTags(lines: readonly Line[], root: string): DeckTags {
  const tags: DeckTag[] = [];
  const add = (deck: string | undefined, line: number, start: number, end: number, inFrontMatter: boolean): void => {
    if (deck) tags.push({ deck, range: rangeOf(line, start, line, end), inFrontMatter });
  };
  for (let i = 0; i < lines.length; i++) {
    const { kind, raw, masked } = lines[i];
    if (kind === 'front-matter') {
      const m = FM_TAGS_KEY.exec(raw);
      if (!m) continue;
      const valueAt = raw.length - m[1].length;
      if (m[1].trim() !== '') {
        // `tags: [a, b]`, `tags: a`, `tags: a, b` (Obsidian also reads space-separated words).
        for (const w of words(raw, valueAt)) add(deckOf(w.text, root), i, w.start, w.end, true);
        continue;
      }
      // `tags:` followed by `- a` lines.
      let k = i + 1;
      for (; k < lines.length && lines[k].kind === 'front-matter'; k++) {
        const item = FM_LIST_ITEM.exec(lines[k].raw);
        if (!item) {
          if (lines[k].raw.trim() === '') continue;
          break;
        }
        const at = lines[k].raw.length - (item[1] ?? '').length;
        for (const w of words(lines[k].raw, at)) add(deckOf(w.text, root), k, w.start, w.end, true);
      }
      i = k - 1;
    } else if (kind === 'text' || kind === 'heading' || kind === 'tags' || kind === 'sep') {
      // A tag starts a line or follows whitespace (`a#b` is not a tag).
      for (let h = masked.indexOf('#'); h >= 0; h = masked.indexOf('#', h + 1)) {
        if (h > 0 && !/\s/.test(masked[h - 1])) continue;
        TAG_BODY.lastIndex = h + 1;
        const body = TAG_BODY.exec(masked);
        if (body) add(deckOf(body[0], root), i, h, h + 1 + body[0].length, false);
      }
    }
  }
  const decks = [...new Set(tags.map((t) => t.deck))];
  return decks.length > 0 ? { tags, decks, deck: decks[0] } : { tags, decks };
}

/** Front matter tag words from `at`, without quotes or `#`; start/end cover the word as written. */
function words(raw: string, at: number): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  FM_WORD.lastIndex = at;
  for (let m = FM_WORD.exec(raw); m; m = FM_WORD.exec(raw)) {
    let start = m.index;
    let end = start + m[0].length;
    if (m[0][0] === '"' || m[0][0] === "'") {
      start++;
      end--;
    }
    const text = raw.slice(start, end).trim().replace(/^#/, '');
    if (text) out.push({ text, start, end });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Pass 2: cards

/** One cloze deletion on a line: `==text==` or `{{cN::text::hint}}`. Offsets in the line. */
interface Deletion {
  readonly start: number;
  readonly end: number;
  /** The hidden text as written (Markdown). */
  readonly hidden: string;
  /** N of `{{cN::`; undefined for a highlight. */
  readonly n?: number;
  readonly hint?: string;
}

interface TextLine {
  readonly dels: readonly Deletion[];
  /** Broken Anki deletions on the line; the card or paragraph holding the line is skipped. */
  readonly bad: readonly CardProblem[];
  /** The only card separator on the line, when there is exactly one. */
  readonly sep?: { readonly start: number; readonly len: number };
}

const ANKI_OPEN = /\{\{c(\d{1,4})::/y;
const LIST_MARKER = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/;

class CardBuilder {
  private readonly cards: Card[] = [];
  private readonly problems: CardProblem[] = [];
  private readonly seen = new Map<string, Card>();
  private readonly info: (TextLine | undefined)[];

  constructor(
    private readonly lines: readonly Line[],
    private readonly deck: string,
  ) {
    this.info = new Array(lines.length);
  }

  build(): { cards: Card[]; problems: CardProblem[] } {
    const { lines } = this;
    const inBlock = (k: number): boolean => k < lines.length && (lines[k].kind === 'text' || lines[k].kind === 'sep');
    for (let i = 0; i < lines.length; ) {
      if (!inBlock(i)) {
        i++;
        continue;
      }
      let end = i;
      while (inBlock(end)) end++;
      this.block(i, end);
      i = end;
    }
    // Broken deletions are reported per block before its cards: report everything in document order.
    this.problems.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
    return { cards: this.cards, problems: this.problems };
  }

  private text(k: number): TextLine {
    return (this.info[k] ??= analyze(this.lines[k], k));
  }

  /** Consecutive text and `?` lines [a, b): single-line cards, multi-line cards, and cloze paragraphs between them. */
  private block(a: number, b: number): void {
    for (let k = a; k < b; k++) if (this.lines[k].kind === 'text') for (const p of this.text(k).bad) this.problems.push(p);
    let pending = -1; // first line of prose not yet given to a card
    for (let k = a; k < b; ) {
      if (this.lines[k].kind === 'sep') {
        let j = k + 1;
        while (j < b && this.lines[j].kind === 'text' && !this.text(j).sep) j++;
        let backEnd = j;
        const front = pending;
        pending = -1;
        // Two multi-line cards without a blank line between: the line right above the next `?` is its front.
        if (j < b && this.lines[j].kind === 'sep' && j - 1 > k) {
          backEnd = j - 1;
          pending = j - 1;
        }
        this.multiLine(front, k, backEnd);
        k = j;
      } else if (this.text(k).sep) {
        this.paragraph(pending, k);
        pending = -1;
        this.singleLine(k);
        k++;
      } else {
        if (pending < 0) pending = k;
        k++;
      }
    }
    this.paragraph(pending, b);
  }

  private singleLine(k: number): void {
    const { visible } = this.lines[k];
    const sep = this.text(k).sep!;
    const front = visible.slice(0, sep.start).replace(LIST_MARKER, '').trim();
    const back = visible.slice(sep.start + sep.len).trim();
    const mark = sep.len === 3 ? ':::' : '::';
    const at = rangeOf(k, sep.start, k, sep.start + sep.len);
    if (!front) return this.problem('card-empty-front', at, `Nothing before "${mark}": write the question before it, or put code in backticks.`);
    if (!back) return this.problem('card-empty-back', at, `Nothing after "${mark}": write the answer after it, or put code in backticks.`);
    if (this.text(k).bad.length > 0) return;
    this.pair(front, back, sep.len === 3, k, this.span(k, k + 1));
  }

  /** `?` / `??` on line `sep`; front lines [front, sep), back lines (sep, backEnd). */
  private multiLine(front: number, sep: number, backEnd: number): void {
    const { raw, visible } = this.lines[sep];
    const start = raw.length - raw.trimStart().length;
    const mark = visible.trim();
    const at = rangeOf(sep, start, sep, start + mark.length);
    if (front < 0) return this.problem('card-missing-front', at, `"${mark}" has no front above it: write the question on the lines right above it, with no blank line between.`);
    if (backEnd <= sep + 1) return this.problem('card-missing-back', at, `"${mark}" has no back below it: write the answer on the lines right below it, with no blank line between.`);
    for (let k = front; k < backEnd; k++) if (k !== sep && this.text(k).bad.length > 0) return;
    this.pair(this.join(front, sep), this.join(sep + 1, backEnd), mark === '??', front, this.span(front, backEnd));
  }

  private pair(front: string, back: string, both: boolean, line: number, range: Range): void {
    this.add({ id: cardId('basic', front), kind: 'basic', front, back, line, range, deck: this.deck });
    if (both) this.add({ id: cardId('reversed', back), kind: 'reversed', front: back, back: front, line, range, deck: this.deck });
  }

  /** Prose lines [a, b): one card per `==highlight==`, one per Anki number. */
  private paragraph(a: number, b: number): void {
    if (a < 0 || a >= b) return;
    const perLine: (readonly Deletion[])[] = [];
    let any = false;
    for (let k = a; k < b; k++) {
      const t = this.text(k);
      if (t.bad.length > 0) return;
      perLine.push(t.dels);
      if (t.dels.length > 0) any = true;
    }
    if (!any) return;
    const indent = this.commonIndent(a, b);
    const render = (show: (d: Deletion) => string): string => {
      const out: string[] = [];
      for (let k = a; k < b; k++) {
        const v = this.lines[k].visible;
        let s = '';
        let pos = indent;
        for (const d of perLine[k - a]) {
          s += v.slice(pos, d.start) + show(d);
          pos = d.end;
        }
        out.push((s + v.slice(pos)).trimEnd());
      }
      return out.join('\n');
    };
    // Ids see the paragraph with every deletion blanked, plus the card's own hidden text: editing one
    // deletion (or a hint) resets no other card, and "capital of ==France==" differs from "of ==Italy==".
    const template = render((d) => (d.n === undefined ? '\u0000h' : '\u0000c'));
    const all = perLine.flat();
    const groups: { key: string; index: number; dels: Deletion[] }[] = [];
    const anki = [...new Set(all.filter((d) => d.n !== undefined).map((d) => d.n!))].sort((x, y) => x - y);
    for (const n of anki) groups.push({ key: `c${n}`, index: n, dels: all.filter((d) => d.n === n) });
    let ordinal = 0;
    for (const d of all) if (d.n === undefined) groups.push({ key: `h${++ordinal}`, index: ordinal, dels: [d] });
    const range = this.span(a, b);
    for (const g of groups) {
      const mine = new Set(g.dels);
      const front = render((d) => (mine.has(d) ? `[${d.hint ?? '...'}]` : d.hidden));
      const back = render((d) => (mine.has(d) ? bold(d.hidden) : d.hidden));
      const hidden = g.dels.map((d) => d.hidden);
      this.add({ id: cardId('cloze', [template, ...hidden].join('\u0000'), g.key), kind: 'cloze', front, back, line: a, range, deck: this.deck, clozeIndex: g.index, hidden });
    }
  }

  private add(card: Card): void {
    const first = this.seen.get(card.id);
    if (first) {
      const same = card.kind === 'cloze' ? 'Same text around the deletions and same hidden text' : 'Same front';
      this.problem('card-duplicate', card.range, `${same} as the card on line ${first.line + 1}: they would share one review history. Reword or delete one of them.`);
      return;
    }
    this.seen.set(card.id, card);
    this.cards.push(card);
  }

  private problem(code: CardProblemCode, range: Range, message: string): void {
    this.problems.push({ code, message, range });
  }

  /** Lines [a, b) without their common indentation, so indented list content does not render as code. */
  private join(a: number, b: number): string {
    const indent = this.commonIndent(a, b);
    const out: string[] = [];
    for (let k = a; k < b; k++) out.push(this.lines[k].visible.slice(indent).trimEnd());
    return out.join('\n');
  }

  private commonIndent(a: number, b: number): number {
    let min = Infinity;
    for (let k = a; k < b; k++) {
      const v = this.lines[k].visible;
      min = Math.min(min, v.length - v.trimStart().length);
    }
    return min;
  }

  private span(a: number, b: number): Range {
    const first = this.lines[a].raw;
    return rangeOf(a, first.length - first.trimStart().length, b - 1, this.lines[b - 1].raw.trimEnd().length);
  }
}

/** Deletions, broken deletions and the separator of one prose line. */
function analyze(line: Line, k: number): TextLine {
  const { masked, visible } = line;
  const dels: Deletion[] = [];
  const bad: CardProblem[] = [];
  /** Pairs start, end of Anki syntax, whose `::` are not card separators. */
  const anki: number[] = [];
  if (masked.includes('==') || masked.includes('{{c')) {
    let hlOpen = -1;
    let noClose = false; // no `}}` after some point: none after any later point either
    for (let i = 0; i < masked.length; ) {
      const c = masked[i];
      if (c === '{' && masked.startsWith('{{c', i)) {
        ANKI_OPEN.lastIndex = i;
        const m = ANKI_OPEN.exec(masked);
        if (m) {
          hlOpen = -1; // a highlight cannot span an Anki deletion
          const textStart = i + m[0].length;
          const close = noClose ? -1 : masked.indexOf('}}', textStart);
          if (close < 0) {
            noClose = true;
            bad.push({ code: 'card-unclosed-cloze', range: rangeOf(k, i, k, textStart), message: `"${m[0]}" is not closed: end the hidden text with "}}" on the same line.` });
            anki.push(i, textStart);
            i = textStart;
            continue;
          }
          const hintAt = masked.indexOf('::', textStart);
          const textEnd = hintAt >= 0 && hintAt < close ? hintAt : close;
          const hidden = visible.slice(textStart, textEnd);
          if (hidden.trim() === '') {
            bad.push({ code: 'card-empty-cloze', range: rangeOf(k, i, k, close + 2), message: `"${visible.slice(i, close + 2)}" hides nothing: write the hidden text after "${m[0]}".` });
          } else {
            const hint = textEnd < close ? visible.slice(textEnd + 2, close).trim() : '';
            dels.push({ start: i, end: close + 2, hidden, n: Number(m[1]), ...(hint ? { hint } : {}) });
          }
          anki.push(i, close + 2);
          i = close + 2;
          continue;
        }
      }
      if (c === '=' && masked[i + 1] === '=') {
        let j = i;
        while (masked[j] === '=') j++;
        // Exactly two `=`; opens before text and closes after text, so `a == b` is not a highlight.
        if (j - i === 2) {
          if (hlOpen < 0) {
            if (j < masked.length && !/\s/.test(masked[j])) hlOpen = i;
          } else if (!/\s/.test(masked[i - 1])) {
            dels.push({ start: hlOpen, end: j, hidden: visible.slice(hlOpen + 2, i) });
            hlOpen = -1;
          }
        }
        i = j;
        continue;
      }
      i++;
    }
  }

  // Card separators: runs of exactly 2 or 3 colons outside Anki syntax; a line is a card only with one.
  let count = 0;
  let sep: { start: number; len: number } | undefined;
  let s = 0;
  for (let i = masked.indexOf(':'); i >= 0; ) {
    while (s < anki.length && anki[s + 1] <= i) s += 2;
    if (s < anki.length && anki[s] <= i) {
      i = masked.indexOf(':', anki[s + 1]);
      continue;
    }
    let j = i;
    while (masked[j] === ':') j++;
    if (j - i === 2 || j - i === 3) {
      if (count++ === 0) sep = { start: i, len: j - i };
    }
    i = masked.indexOf(':', j);
  }
  return count === 1 ? { dels, bad, sep } : { dels, bad };
}

/** `**text**` with surrounding spaces kept outside the markers, so Markdown renders it bold. */
function bold(text: string): string {
  const core = text.trim();
  const lead = text.slice(0, text.length - text.trimStart().length);
  const tail = text.slice(lead.length + core.length);
  return `${lead}**${core}**${tail}`;
}

function rangeOf(line: number, start: number, endLine: number, end: number): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}
