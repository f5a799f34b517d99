import type { Term } from '../content/model';
import { type TermIndex, type TermMatch, tokenize } from './termIndex';

// The same word characters as the term index, so that word starts here are token starts there.
const WORD = /[\p{L}\p{N}_]/u;
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && WORD.test(ch);
const ALNUM = /[\p{L}\p{N}]/u;
const isAlnum = (ch: string | undefined): boolean => ch !== undefined && ALNUM.test(ch);

/**
 * Every term occurrence in a plain line or text, left to right, non-overlapping, the longest first.
 * Each lookup reads only the few words around one word start, so this is linear in the text for a fixed
 * index, whatever the number of terms.
 */
export function findTerms(text: string, index: TermIndex): TermMatch[] {
  const out: TermMatch[] = [];
  const starts = startsOf(index);
  let pos = 0;
  let i = 0;
  while (i < text.length) {
    if (!isWordChar(text[i])) {
      i++;
      continue;
    }
    // A word start (the scan always steps over whole words).
    let end = i + 1;
    while (end < text.length && isWordChar(text[end])) end++;
    if (starts.has(text.slice(i, end))) {
      let m = index.findTermAt(text, i);
      // The longest match here overlaps the one just taken: look again at the text after that one only.
      if (m && m.start < pos) m = findTermAfter(text, index, pos, i);
      if (m) {
        out.push(m);
        pos = m.end;
        i = m.end;
        continue;
      }
    }
    i = end;
  }
  return out;
}

interface Starts {
  /** False only if no term or alias can start with this word: the lookup is skipped for most prose. */
  has(word: string): boolean;
}

const startsCache = new WeakMap<TermIndex, Starts>();

/**
 * The first word of every form, lower-cased; the word of a one-word form may also carry a plural ending
 * the index accepts (-s, -es, -ies for -y): any word ending so is checked without it too.
 */
function startsOf(index: TermIndex): Starts {
  let starts = startsCache.get(index);
  if (starts) return starts;
  const first = new Set<string>();
  const single = new Set<string>();
  for (const t of index.terms) {
    for (const form of [t.term, ...t.aliases]) {
      const words = tokenize(form).map((w) => w.toLowerCase());
      if (words.length === 0) continue;
      first.add(words[0]);
      if (words.length === 1) single.add(words[0]);
    }
  }
  starts = {
    has(word) {
      const w = word.toLowerCase();
      if (first.has(w)) return true;
      if (!w.endsWith('s')) return false;
      return single.has(w.slice(0, -1)) || (w.endsWith('es') && single.has(w.slice(0, -2))) || (w.endsWith('ies') && single.has(`${w.slice(0, -3)}y`));
    },
  };
  startsCache.set(index, starts);
  return starts;
}

/** The longest term covering `column` that starts at or after `from` (a word end), reading a bounded window. */
function findTermAfter(text: string, index: TermIndex, from: number, column: number): TermMatch | undefined {
  let to = Math.min(text.length, column + index.maxChars + 1);
  // End the window between words: a word cut by it would look complete. A match covering `column` is at
  // most maxChars long, so the words given up here could not be part of one.
  while (to > column && to < text.length && isWordChar(text[to]) && isWordChar(text[to - 1])) to--;
  const m = index.findTermAt(text.slice(from, to), column - from);
  return m && { term: m.term, start: m.start + from, end: m.end + from, text: m.text };
}

export interface MarkTermsOptions {
  /** The key in each `term:` link; `${packId}/${id}` by default. */
  termKey?: (t: Term) => string;
  /** Mark only the first occurrence of each term (default true). */
  firstOnly?: boolean;
}

export interface MarkedMarkdown {
  readonly markdown: string;
  /** The distinct terms marked (or already marked with a `term:` link), in order of first appearance. */
  readonly terms: Term[];
}

const defaultKey = (t: Term): string => `${t.packId}/${t.id}`;

/**
 * Percent-encodes the key, and also the characters encodeURIComponent leaves (`!'()*~`): a bare `)` would
 * end the link, and the webviews accept only `term:[\w.%-]+` as a link.
 */
export function encodeTermKey(key: string): string {
  return encodeURIComponent(key).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Wraps glossary terms in Markdown as `[text](term:<key>)` links, without a Markdown parser (the extension
 * host bundle stays small): one pass over the lines finds the paragraphs outside code blocks, and a small
 * inline scanner masks what must stay as written (code spans, links, images, autolinks, bare URLs, HTML
 * tags, entities, escapes). Terms are looked up per line in the masked text, as the hover does.
 * Where the Markdown is ambiguous the scanner leaves text unmarked rather than risk breaking it.
 */
export function markTermsInMarkdown(markdown: string, index: TermIndex, opts: MarkTermsOptions = {}): MarkedMarkdown {
  const marker = new Marker(index, opts.termKey ?? defaultKey, opts.firstOnly ?? true);
  const lines = markdown.split('\n');
  const out: string[] = [];
  /** The paragraph being read (inline constructs may span its lines). */
  let chunk: string[] = [];
  /** Blockquote depth of that paragraph, and the column of a `>` nested in a list item on its first line. */
  let chunkDepth = 0;
  let chunkQuoteAt = -1;
  let chunkLineDepth = 0;
  /**
   * The paragraph has a line Markdown renderers read differently (code, or more of the paragraph): then
   * where the paragraph ends, and so which backticks pair, is unsure. It is read, but not marked.
   */
  let chunkAmbiguous = false;
  const flush = (): void => {
    if (chunk.length > 0) out.push(marker.markChunk(chunk.join('\n'), !chunkAmbiguous));
    chunk = [];
    chunkAmbiguous = false;
  };

  let fence: Fence | undefined;
  /** A table whose rows follow: each cell is marked on its own, as each is parsed on its own. */
  let table: { readonly depth: number; readonly col: number } | undefined;
  /** Content columns of the open list items, innermost last: indented code starts 4 columns past the top. */
  let lists: number[] = [];
  let depth = 0;
  let afterBlank = true;
  /** The last line was a list item with nothing after its marker: a blank line now ends that item. */
  let emptyItem = false;

  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    // Classified with tabs expanded (a tab after `>` or a list marker counts in columns); output as written.
    const wide = expandTabs(line);
    if (fence) {
      const q = stripQuotes(wide, fence.depth, fence.depth > 0);
      const ind = indentOf(q.rest);
      // A fence ends with its container: fenced code has no lazy continuation lines.
      const containerEnded = q.depth < fence.depth || (q.at >= 0 && q.at < fence.quoteAt) || (!isBlank(q.rest) && ind < fence.col);
      if (!containerEnded) {
        const m = FENCE_CLOSE.exec(q.rest);
        if (m && m[1][0] === fence.ch && m[1].length >= fence.len && ind - fence.col <= 3) fence = undefined;
        out.push(line);
        continue;
      }
      fence = undefined;
    }

    // markdown-it continues a blockquote at a `>` however far in (it checks 3 spaces only to start one).
    const q = stripQuotes(wide, Infinity, depth > 0);
    const rest = q.rest;
    const prevDepth = depth;
    if (q.depth !== depth) lists = [];
    depth = q.depth;
    if (isBlank(rest)) {
      flush();
      out.push(line);
      if (emptyItem) lists.pop();
      emptyItem = false;
      table = undefined;
      afterBlank = true;
      continue;
    }
    const wasBlank = afterBlank;
    afterBlank = false;
    emptyItem = false;
    // A deeper blockquote starts a block of its own, even right after a paragraph; so does one left of a
    // `>` nested in the paragraph's list item (`- > a` then `> b`: the item ends).
    if (chunk.length > 0 && (q.depth > chunkDepth || (chunkQuoteAt >= 0 && q.depth > chunkLineDepth && indentOf(stripQuotes(wide, chunkLineDepth, chunkLineDepth > 0).rest) < chunkQuoteAt))) flush();
    const ind = indentOf(rest);
    if (wasBlank || chunk.length === 0) while (lists.length > 0 && ind < top(lists)) lists.pop();
    /** Ends the list items left of `col`; true if the line is then indented code in what remains. */
    const closeItems = (col: number): boolean => {
      while (lists.length > 0 && top(lists) > col) lists.pop();
      return col - top(lists) >= 4;
    };

    /** A paragraph this line may continue. */
    let open = chunk.length > 0;
    // Left of a list item's content or outside the paragraph's blockquote, a line is a lazy continuation
    // unless it starts a block that interrupts the paragraph (and so ends the item or the blockquote).
    const lazy = open && (ind < top(lists) || q.depth < chunkDepth);
    if (ind - top(lists) >= 4) {
      // Indented code cannot interrupt a paragraph; after a blank line or a block, 4 columns in is code.
      if (!open) {
        out.push(line);
        table = undefined;
        continue;
      }
      // A lazy line this far in: renderers disagree on it.
      if (lazy) chunkAmbiguous = true;
      chunk.push(line);
      continue;
    }

    // A table comes first (markdown-it tries it before any other block): `- a | b` over `--|--` is a
    // table whose first cell reads "- a". It interrupts a paragraph (not on a blockquote's lazy line);
    // its rows are cells, not paragraphs.
    if (table && (q.depth !== table.depth || ind < table.col || endsTable(rest.slice(ind)))) table = undefined;
    const tableDepth = Math.min(q.depth, prevDepth);
    const header = tableDepth === q.depth ? rest : stripQuotes(wide, tableDepth, prevDepth > 0).rest;
    const headerInd = indentOf(header);
    // A block start left of a list item's content ends the item first; the table is then tried outside it.
    const tableCol = ind < top(lists) && interrupts(rest) ? top(lists.filter((c) => c <= ind)) : top(lists);
    if (!table && !(open && q.depth < chunkDepth) && headerInd - tableCol < 4 && n + 1 < lines.length && isTableStart(header.slice(headerInd), lines[n + 1], tableDepth, prevDepth > 0, tableCol)) {
      closeItems(tableCol);
      flush();
      out.push(markRow(line, marker), lines[n + 1]);
      n++;
      table = { depth: tableDepth, col: tableCol };
      continue;
    }

    // New containers on this line: list items and blockquotes, nested in any order (`- > 1. text`).
    let content = rest.slice(ind);
    let col = ind;
    /** Content column of the innermost container, counted after the line's last `>`. */
    let containerCol = top(lists);
    let isItem = false;
    let quotes = 0;
    let newQuotes = 0;
    let quoteAt = -1;
    let code = false;
    for (;;) {
      const li = THEMATIC_BREAK.test(content) ? null : LIST_ITEM.exec(content);
      if (li) {
        const after = content.slice(li[0].length);
        // A list cannot interrupt a paragraph with an empty item, or with an ordered one not starting at 1
        // (markdown-it lets it end a blockquote's paragraph on a lazy line all the same).
        if (open && q.depth >= chunkDepth && !isItem && quotes === 0 && ind >= top(lists) && (isBlank(after) || (/^\d/.test(li[1]) && !/^0*1[.)]$/.test(li[1])))) break;
        if (!isItem && quotes === 0 && closeItems(col)) {
          code = true;
          break;
        }
        isItem = true;
        const pad = li[2]?.length ?? 1;
        const empty = isBlank(after);
        // Five or more spaces after the marker: the item starts with indented code.
        code = pad > 4 && !empty;
        col += li[1].length + (pad > 4 ? 1 : pad);
        containerCol = col;
        // Items inside a `>` opened on this line are counted from that `>`: later lines without it are
        // outside them, so only items before any such `>` are kept.
        if (quotes === 0) {
          lists.push(col);
          emptyItem = empty;
        }
        content = after;
        if (code || empty) break;
        continue;
      }
      const bq = /^> ?/.exec(content);
      if (!bq) break;
      // Inside a list item, the `>` of the paragraph's own blockquote continues it.
      const continuing = open && !isItem && q.depth + quotes < chunkDepth;
      if (!continuing) {
        if (!isItem && newQuotes === 0 && closeItems(col)) {
          code = true;
          break;
        }
        newQuotes++;
      }
      if (quoteAt < 0) quoteAt = col;
      quotes++;
      content = content.slice(bq[0].length);
      const k = indentOf(content);
      // Columns restart after a `>`, as they do when the next line's markers are stripped.
      col = k;
      containerCol = 0;
      content = content.slice(k);
      if (k >= 4) {
        code = true;
        break;
      }
    }
    if (isItem || newQuotes > 0) {
      flush();
      open = false;
      table = undefined;
    }
    // markdown-it counts a tab among blockquote markers its own way (it may make the line code): read
    // such a line, but never mark it or the indented lines after it.
    const ambiguous = q.depth + quotes > 0 && LEADING_TAB.test(line);
    const blockDepth = q.depth + quotes;
    if (code && open) {
      // A marker too far in once the list item ends: renderers differ on whether this continues the
      // paragraph or is code.
      chunkAmbiguous = true;
      chunk.push(line);
      continue;
    }
    if (code || isBlank(content)) {
      // Indented code, or markers with nothing after them (an empty item or blockquote): no paragraph.
      flush();
      out.push(line);
      continue;
    }

    const fenceOpen = FENCE_OPEN.exec(content);
    const isFence = fenceOpen !== null && !(fenceOpen[1][0] === '`' && fenceOpen[2].includes('`'));
    if (table) {
      out.push(markRow(line, marker));
      continue;
    }
    if (!open && content.startsWith('[')) {
      // Definitions are blocks of their own (a line after one may be indented code), kept as written.
      const end = definitionEnd(lines, n, content, blockDepth);
      if (end >= 0) {
        out.push(...lines.slice(n, end + 1));
        n = end;
        continue;
      }
    }
    const setext = open && !lazy && SETEXT_UNDERLINE.test(content);
    if (ambiguous && !isFence) {
      if (!open) {
        chunkDepth = blockDepth;
        chunkQuoteAt = quoteAt;
        chunkLineDepth = q.depth;
      }
      chunkAmbiguous = true;
      chunk.push(line);
      continue;
    }
    if (setext || THEMATIC_BREAK.test(content)) {
      if (!setext && !isItem && newQuotes === 0) closeItems(ind);
      flush();
      out.push(line);
      continue;
    }
    if (isFence) {
      const asCode = !isItem && newQuotes === 0 && closeItems(ind);
      flush();
      out.push(line);
      if (asCode) continue;
      fence = { ch: fenceOpen[1][0], len: fenceOpen[1].length, col: isItem || newQuotes > 0 ? containerCol : top(lists), depth: blockDepth, quoteAt };
      continue;
    }
    if (ATX_HEADING.test(content)) {
      const asCode = !isItem && newQuotes === 0 && closeItems(ind);
      flush();
      out.push(asCode ? line : marker.markChunk(line));
      continue;
    }
    if (!open) {
      chunkDepth = blockDepth;
      chunkQuoteAt = quoteAt;
      chunkLineDepth = q.depth;
    }
    chunk.push(line);
  }
  flush();
  return { markdown: marker.changed ? out.join('\n') : markdown, terms: marker.terms };
}

/**
 * The last line of the link reference definition that starts line n with `first` (its content), or -1:
 * a label (which may span lines), a destination, and an optional title (which may too), up to a blank line.
 */
function definitionEnd(lines: readonly string[], n: number, first: string, depth: number): number {
  // Most `[` at a paragraph's start open a link: its `]` without a `:` settles it without reading on.
  if (/^\[(?:[^\\\]]|\\.)*\](?!:)/.test(first)) return -1;
  let text = first;
  for (let j = n + 1; j < Math.min(lines.length, n + 50); j++) {
    const rest = stripQuotes(expandTabs(lines[j]), depth).rest;
    if (isBlank(rest) || interrupts(rest)) break;
    text += '\n' + rest;
  }
  const m = DEFINITION.exec(text) ?? DEFINITION_NO_TITLE.exec(text);
  return m ? n + (m[0].match(/\n/g)?.length ?? 0) : -1;
}

/** Whether a line ends a table's rows: any block start but a paragraph (an empty list item too). */
function endsTable(content: string): boolean {
  const f = FENCE_OPEN.exec(content);
  return (f !== null && !(f[1][0] === '`' && f[2].includes('`'))) || content.startsWith('>') || ATX_HEADING.test(content) || THEMATIC_BREAK.test(content) || LIST_ITEM.test(content);
}

/** Whether a line starts a block that ends a paragraph (or a definition) before it. */
function interrupts(rest: string): boolean {
  const ind = indentOf(rest);
  if (ind >= 4) return false;
  const c = rest.slice(ind);
  const f = FENCE_OPEN.exec(c);
  const li = LIST_ITEM.exec(c);
  return (
    (f !== null && !(f[1][0] === '`' && f[2].includes('`'))) ||
    c.startsWith('>') ||
    ATX_HEADING.test(c) ||
    THEMATIC_BREAK.test(c) ||
    (li !== null && !isBlank(c.slice(li[0].length)) && (!/^\d/.test(li[1]) || /^0*1[.)]$/.test(li[1])))
  );
}

/** GFM: a header row with a `|`, then a delimiter row with as many columns (as markdown-it decides it). */
function isTableStart(header: string, next: string, depth: number, continuing: boolean, col: number): boolean {
  if (!header.includes('|')) return false;
  const q = stripQuotes(expandTabs(next), depth, continuing);
  const ind = indentOf(q.rest);
  if (q.depth !== depth || ind < col || ind - col >= 4) return false;
  const d = q.rest.trim();
  if (!/^[|:-][|:\- \t]/.test(d) || /^-[ \t]/.test(d) || !/^[|:\- \t]+$/.test(d)) return false;
  const columns = d.split('|');
  let aligns = 0;
  for (let i = 0; i < columns.length; i++) {
    const t = columns[i].trim();
    if (!t) {
      if (i === 0 || i === columns.length - 1) continue;
      return false;
    }
    if (!/^:?-+:?$/.test(t)) return false;
    aligns++;
  }
  const cells = splitCells(header.trim()).map(([s, e]) => header.trim().slice(s, e));
  if (cells.length > 0 && cells[0] === '') cells.shift();
  if (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells.length > 0 && cells.length === aligns;
}

/** [start, end) of each cell: split at every `|` not right after a backslash (markdown-it's rule). */
function splitCells(row: string): [number, number][] {
  const cells: [number, number][] = [];
  let from = 0;
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '|' && row[i - 1] !== '\\') {
      cells.push([from, i]);
      from = i + 1;
    }
  }
  cells.push([from, row.length]);
  return cells;
}

function markRow(line: string, marker: Marker): string {
  return splitCells(line)
    .map(([s, e]) => marker.markChunk(line.slice(s, e)))
    .join('|');
}

const top = (lists: readonly number[]): number => (lists.length > 0 ? lists[lists.length - 1] : 0);

interface Fence {
  readonly ch: string;
  readonly len: number;
  /** Content column of the container the fence opened in. */
  readonly col: number;
  /** Blockquote depth it opened at. */
  readonly depth: number;
  /** Column of a `>` nested in a list item on its line (-1 if none): a `>` left of it ends the item. */
  readonly quoteAt: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^\s*(`{3,}|~{3,})\s*$/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*\r?$/;
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*\r?$/;
const LIST_ITEM = /^([-*+]|\d{1,9}[.)])(?:( +)(?=\S)|(?=\s*$))/;
const ATX_HEADING = /^#{1,6}(?:[ \t]|\r?$)/;
const QUOTE = /^ {0,3}> ?/;
const LEADING_TAB = /^(?:[ >]|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))*\t/;
const DEF_LABEL = String.raw`\[(?:[^\\[\]]|\\[\s\S]){1,999}\]:`;
/** A destination: `<…>`, or no spaces and parentheses balanced (three deep here; markdown-it allows 32). */
const DEF_DEST = String.raw`(?:<(?:[^<>\n\\]|\\.)*>|(?!<)${balanced(3)}+)`;
const DEF_TITLE = String.raw`(?:"(?:[^"\\]|\\[\s\S])*"|'(?:[^'\\]|\\[\s\S])*'|\((?:[^()\\]|\\[\s\S])*\))`;
/** A definition with a title; without one (then a title on the next line may have been no title). */
const DEFINITION = new RegExp(String.raw`^${DEF_LABEL}[ \t]*(?:\r?\n)?[ \t]*${DEF_DEST}(?:[ \t]+|[ \t]*\r?\n[ \t]*)${DEF_TITLE}[ \t]*\r?(?=\n|$)`);
const DEFINITION_NO_TITLE = new RegExp(String.raw`^${DEF_LABEL}[ \t]*(?:\r?\n)?[ \t]*${DEF_DEST}[ \t]*\r?(?=\n|$)`);

function balanced(depth: number): string {
  const plain = String.raw`[^\s()\\]|\\\S`;
  return depth === 0 ? `(?:${plain})` : `(?:${plain}|\\(${balanced(depth - 1)}*\\))`;
}

/**
 * Strips up to `max` blockquote markers, the first one up to 3 spaces in (any number with `continuing`);
 * `at` is the column of the first one (-1 if none).
 */
function stripQuotes(line: string, max = Infinity, continuing = false): { depth: number; rest: string; at: number } {
  let depth = 0;
  let rest = line;
  const first = continuing ? /^ *> ?/ : QUOTE;
  const at = max > 0 && first.test(line) ? line.indexOf('>') : -1;
  while (depth < max) {
    const m = (depth === 0 ? first : QUOTE).exec(rest);
    if (!m) break;
    rest = rest.slice(m[0].length);
    depth++;
  }
  return { depth, rest, at };
}

/** Tabs to spaces (stops of 4), for measuring indentation only: the output keeps the line as written. */
function expandTabs(s: string): string {
  if (!s.includes('\t')) return s;
  let out = '';
  for (const ch of s) out += ch === '\t' ? ' '.repeat(4 - (out.length % 4)) : ch;
  return out;
}

const indentOf = (s: string): number => s.length - s.trimStart().length;
const isBlank = (s: string): boolean => /^\s*$/.test(s);

// ---- inline scanning ------------------------------------------------------------------------------------

/** How far a link destination or title is read before giving up on the rest of the paragraph. */
const LINK_LIMIT = 4096;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/y;
const EMAIL_AUTOLINK = /<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>/y;
// Quoted attribute values are bounded so that many unclosed quotes cannot make the scan quadratic.
const OPEN_TAG = /<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']{0,1024}'|"[^"]{0,1024}"))?)*\s*\/?>/y;
const CLOSE_TAG = /<\/[A-Za-z][A-Za-z0-9-]*\s*>/y;
/** Comments, CDATA, processing instructions and declarations: how each starts and ends. */
const HTML_OTHER: readonly (readonly [string | RegExp, string])[] = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
  [/^<![A-Za-z]/, '>'],
];
const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;
// A URL stops before what may open or close another construct (a bracket, a code span, a tag, an escape).
const BARE_URL = /(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:\/\/|www\.|mailto:)[^\s<>[\]`\\]*/y;
const EMAIL = /[\p{L}\p{N}_.%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/uy;
/** What may be wrapped: words joined by spaces and hyphens, so the link text needs no escaping. */
const SAFE_SLICE = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_\s\u00a0\u2010\u2011-]*[\p{L}\p{N}_])?$/u;
const EMPHASIS = '*_~';
const FLANK_PUNCT = /[\p{P}\p{S}]/u;

interface Scanned {
  /** The text with everything that must stay as written replaced by NUL (newlines kept): terms never span it. */
  readonly masked: string;
  /** `term:` links already in the text, in order. */
  readonly linked: readonly { readonly at: number; readonly key: string }[];
}

function scanInline(text: string): Scanned {
  const n = text.length;
  // A difference array: nested regions (brackets in brackets) cost one entry each, not their length.
  const cover = new Int32Array(n + 1);
  let masked = false;
  const mask = (s: number, e: number): void => {
    if (e <= s) return;
    cover[s]++;
    cover[e]--;
    masked = true;
  };
  const linked: { at: number; key: string }[] = [];
  const closers = backtickRuns(text);
  const next = new Map<string, number>();
  /** indexOf from a position that only grows, remembered per needle so repeated misses stay linear. */
  const indexFrom = (needle: string, from: number): number => {
    const c = next.get(needle);
    if (c !== undefined && (c === -1 || c >= from)) return c;
    const r = text.indexOf(needle, from);
    next.set(needle, r);
    return r;
  };
  /** Openers `[` and `![` not closed yet. */
  const openers: number[] = [];

  /** After a `]` that closes `open`: an inline link, a full reference, or (conservatively) a bracket span. */
  const closeBracket = (open: number, close: number): number => {
    const j = close + 1;
    if (text[j] === '(') {
      const d = linkTail(text, j);
      if (d === 'long') return n;
      if (d) {
        if (d.dest.startsWith('term:')) linked.push({ at: open, key: safeDecode(d.dest.slice(5)) });
        return d.end;
      }
    } else if (text[j] === '[') {
      for (let k = j + 1; k < Math.min(n, j + 1001); k++) {
        if (text[k] === '\\') k++;
        // A backtick may open a code span if the label is not defined: read on rather than skip it.
        else if (text[k] === '[' || text[k] === '`') break;
        else if (text[k] === ']') {
          // Without a definition, `[text]` is literal and `[label](…)` after it an inline link.
          const d = text[k + 1] === '(' ? linkTail(text, k + 1) : undefined;
          if (d === 'long') return n;
          return d ? d.end : k + 1;
        }
      }
    }
    // `[text]` may be a shortcut reference to a definition anywhere in the document: leave it whole.
    return close + 1;
  };

  let i = 0;
  while (i < n) {
    const c = text[i];
    switch (c) {
      case '\\':
        if (i + 1 < n && ASCII_PUNCT.test(text[i + 1])) {
          mask(i, i + 2);
          i += 2;
        } else i++;
        continue;
      case '`': {
        let j = i;
        while (j < n && text[j] === '`') j++;
        const close = closers.next(j - i, j);
        const end = close < 0 ? j : close + (j - i);
        mask(i, end);
        i = end;
        continue;
      }
      case '<': {
        const auto = matchAt(AUTOLINK, text, i) || matchAt(EMAIL_AUTOLINK, text, i);
        if (auto > 0) {
          mask(i, auto);
          i = auto;
          continue;
        }
        // Raw HTML is shown as text (the renderers have it off), so code spans and links may start inside
        // a tag and run past it: the tag is masked but read on.
        let end = matchAt(OPEN_TAG, text, i) || matchAt(CLOSE_TAG, text, i) || -1;
        if (end < 0) {
          const other = HTML_OTHER.find(([start]) => (typeof start === 'string' ? text.startsWith(start, i) : start.test(text.slice(i, i + 3))));
          if (other) {
            const [start, close] = other;
            const k = indexFrom(close, i + (typeof start === 'string' ? start.length : 2));
            if (k >= 0) end = k + close.length;
          }
        }
        if (end > 0) mask(i, end);
        i++;
        continue;
      }
      case '&':
        ENTITY.lastIndex = i;
        if (ENTITY.test(text)) {
          mask(i, ENTITY.lastIndex);
          i = ENTITY.lastIndex;
        } else i++;
        continue;
      case '!':
        if (text[i + 1] === '[') {
          openers.push(i);
          i += 2;
        } else i++;
        continue;
      case '[':
        openers.push(i);
        i++;
        continue;
      case ']': {
        const open = openers.pop();
        if (open === undefined) {
          i++;
          continue;
        }
        const end = closeBracket(open, i);
        mask(open, end);
        i = end;
        continue;
      }
      case '_': {
        // `_` is a word character to the index; a run that can open or close emphasis is a delimiter.
        let j = i;
        while (j < n && text[j] === '_') j++;
        if (!isAlnum(text[i - 1]) || !isAlnum(text[j])) mask(i, j);
        i = j;
        continue;
      }
    }
    if (isAlnum(c)) {
      if (!isAlnum(text[i - 1])) {
        let w = i;
        while (w < n && isWordChar(text[w])) w++;
        // Only a word followed by one of these can begin a URL or an e-mail address.
        if (w < n && '.:@+-%'.includes(text[w])) {
          const end = matchAt(BARE_URL, text, i) || matchAt(EMAIL, text, i);
          if (end > 0) {
            mask(i, end);
            i = end;
            continue;
          }
        }
      }
      let j = i + 1;
      while (j < n && isAlnum(text[j])) j++;
      i = j;
      continue;
    }
    i++;
  }

  if (!masked) return { masked: text, linked };
  let out = '';
  let depth = 0;
  let from = 0;
  let inMask = false;
  for (let k = 0; k <= n; k++) {
    depth += cover[k];
    const now = depth > 0 && k < n;
    if (now === inMask) continue;
    out += inMask ? text.slice(from, k).replace(/[^\n]/g, '\0') : text.slice(from, k);
    from = k;
    inMask = now;
  }
  out += text.slice(from);
  return { masked: out, linked };
}

function matchAt(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  return re.test(text) ? re.lastIndex : 0;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Maximal backtick runs by length: a code span closes at the next run of exactly its opener's length. */
function backtickRuns(text: string): { next(len: number, from: number): number } {
  const runs = new Map<number, number[]>();
  for (let i = text.indexOf('`'); i >= 0; i = text.indexOf('`', i)) {
    let j = i;
    while (j < text.length && text[j] === '`') j++;
    const list = runs.get(j - i);
    if (list) list.push(i);
    else runs.set(j - i, [i]);
    i = j;
  }
  // The scan only moves forward, so each list is walked once.
  const cursor = new Map<number, number>();
  return {
    next(len, from) {
      const list = runs.get(len);
      if (!list) return -1;
      let k = cursor.get(len) ?? 0;
      while (k < list.length && list[k] < from) k++;
      cursor.set(len, k);
      return k < list.length ? list[k] : -1;
    },
  };
}

/**
 * The `(destination "title")` after a link's `]`, starting at its `(`: where it ends and the destination,
 * undefined if it is not one, or 'long' past LINK_LIMIT (then the caller leaves the rest of the block).
 */
function linkTail(text: string, open: number): { end: number; dest: string } | 'long' | undefined {
  const limit = Math.min(text.length, open + LINK_LIMIT);
  const tooLong = (): 'long' | undefined => (limit < text.length ? 'long' : undefined);
  let k = open + 1;
  const skipSpace = (): void => {
    while (k < limit && /[ \t\n]/.test(text[k])) k++;
  };
  skipSpace();
  let dest: string;
  if (text[k] === '<') {
    const start = ++k;
    while (k < limit && text[k] !== '>' && text[k] !== '<' && text[k] !== '\n') k += text[k] === '\\' ? 2 : 1;
    if (k >= limit) return tooLong();
    if (text[k] !== '>') return undefined;
    dest = text.slice(start, k++);
  } else {
    const start = k;
    let parens = 0;
    for (; k < limit; k++) {
      const ch = text[k];
      // As markdown-it reads it: a backslash takes the next character along, whatever it is but a space.
      if (ch === '\\' && k + 1 < limit && text[k + 1] !== ' ') k++;
      else if (ch === '(') parens++;
      else if (ch === ')') {
        if (parens === 0) break;
        parens--;
      } else if (ch.charCodeAt(0) <= 0x20) break;
    }
    if (k >= limit) return tooLong();
    if (parens !== 0) return undefined;
    dest = text.slice(start, k);
  }
  skipSpace();
  const quote = text[k];
  if (quote === '"' || quote === "'" || quote === '(') {
    const close = quote === '(' ? ')' : quote;
    for (k++; k < limit && text[k] !== close; k++) if (text[k] === '\\') k++;
    if (k >= limit) return tooLong();
    k++;
    skipSpace();
  }
  if (k >= limit) return tooLong();
  return text[k] === ')' ? { end: k + 1, dest } : undefined;
}

/**
 * Whether wrapping [s, e) in link brackets keeps the Markdown around it as it was: not after `!` (an image),
 * `]` (a reference) or `\` (an escape). An emphasis run (`*`, `_`, `~`) touching the term will touch a
 * bracket instead of a letter, which can change whether it opens or closes (CommonMark's flanking rules
 * and its "rule of 3"). So a run is allowed next to the term only where it stays as it was (whitespace or
 * the line's end on its other side), or where it pairs with the run on the term's other side anyway:
 * `**PEFT**` between punctuation, the first run of that character in the block. Never `a*PEFT*b`.
 */
function canWrap(text: string, s: number, e: number, firstAt: (ch: string) => number): boolean {
  if (!SAFE_SLICE.test(text.slice(s, e))) return false;
  const before = text[s - 1];
  if (before === '!' || before === ']' || before === '\\') return false;
  let bs = s;
  if (before !== undefined && EMPHASIS.includes(before)) while (bs > 0 && text[bs - 1] === before) bs--;
  // An escaped first character is not part of the run: too subtle to reason about, so leave it.
  if (bs < s && text[bs - 1] === '\\') return false;
  let ae = e;
  const after = text[e];
  if (after !== undefined && EMPHASIS.includes(after)) while (ae < text.length && text[ae] === after) ae++;
  const balanced = bs < s && ae > e && before === after && s - bs === ae - e;
  if (bs < s) {
    const x = text[bs - 1];
    // After punctuation the run may now also close: harmless only if nothing before it could open.
    if (!(x === undefined || /\s/.test(x) || (balanced && FLANK_PUNCT.test(x) && firstAt(before) === bs))) return false;
  }
  if (ae > e) {
    const y = text[ae];
    // Before punctuation the run may now also open: harmless only if it closes the run before the term.
    if (!(y === undefined || /\s/.test(y) || (balanced && FLANK_PUNCT.test(y)))) return false;
  }
  return true;
}

const byKeyCache = new WeakMap<TermIndex, WeakMap<(t: Term) => string, Map<string, Term>>>();

/** Terms by their link key, built once per index and key function, and only for text with `term:` links. */
function termsByKey(index: TermIndex, keyOf: (t: Term) => string): Map<string, Term> {
  let perKey = byKeyCache.get(index);
  if (!perKey) byKeyCache.set(index, (perKey = new WeakMap()));
  let map = perKey.get(keyOf);
  if (!map) {
    map = new Map();
    for (const t of index.terms) {
      const k = keyOf(t);
      if (!map.has(k)) map.set(k, t);
    }
    perKey.set(keyOf, map);
  }
  return map;
}

class Marker {
  readonly terms: Term[] = [];
  changed = false;
  private readonly seen = new Set<string>();
  private byKey: Map<string, Term> | undefined;

  constructor(
    private readonly index: TermIndex,
    private readonly keyOf: (t: Term) => string,
    private readonly firstOnly: boolean,
  ) {}

  /** One block of consecutive lines in which inline constructs may span lines. */
  markChunk(text: string, mark = true): string {
    const { masked, linked } = scanInline(text);
    // Looked up once per chunk and character: checking every match must not read the chunk again.
    const first = new Map<string, number>();
    const firstAt = (ch: string): number => {
      let at = first.get(ch);
      if (at === undefined) first.set(ch, (at = text.indexOf(ch)));
      return at;
    };
    let out = '';
    let last = 0;
    let li = 0;
    let lineStart = 0;
    // Per line, as the hover looks terms up: a term never runs across a line break.
    // `term:` links already there still count when nothing is marked.
    for (const line of mark ? masked.split('\n') : []) {
      for (const m of findTerms(line, this.index)) {
        const s = lineStart + m.start;
        const e = lineStart + m.end;
        while (li < linked.length && linked[li].at < s) this.noteLinked(linked[li++].key);
        if (!canWrap(text, s, e, firstAt)) continue;
        const key = this.keyOf(m.term);
        if (this.firstOnly && this.seen.has(key)) continue;
        this.note(key, m.term);
        out += `${text.slice(last, s)}[${text.slice(s, e)}](term:${encodeTermKey(key)})`;
        last = e;
      }
      lineStart += line.length + 1;
    }
    while (li < linked.length) this.noteLinked(linked[li++].key);
    if (last === 0) return text;
    this.changed = true;
    return out + text.slice(last);
  }

  private note(key: string, term: Term): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.terms.push(term);
  }

  /** A term already marked counts as marked: marking twice changes nothing. */
  private noteLinked(key: string): void {
    if (this.seen.has(key)) return;
    this.byKey ??= termsByKey(this.index, this.keyOf);
    const term = this.byKey.get(key);
    if (term) this.note(key, term);
    else this.seen.add(key);
  }
}
