import type { Term } from '../content/model';

export interface TermMatch {
  readonly term: Term;
  /** Character offsets in the line: [start, end). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Cut by the look-around window: part of a longer word we did not read, so never a match. */
  readonly cut: boolean;
}

const WORD = /[\p{L}\p{N}_]/u;
function isWordChar(ch: string): boolean {
  return WORD.test(ch);
}

/** Between the words of one term only spaces and hyphens may stand ("self-attention", "Amazon  Bedrock"). */
const JOINER = /^[\s\u00a0\-\u2010\u2011]{1,3}$/;

export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** An acronym has capitals and no lower-case letters: PEFT, ROUGE-L, AWS KMS. Those match only in that case. */
export function isAcronym(form: string): boolean {
  return /\p{Lu}/u.test(form) && !/\p{Ll}/u.test(form);
}

function pluralOf(word: string): string[] {
  const lower = word.toLowerCase();
  if (/(s|x|z|ch|sh)$/.test(lower)) return [`${word}es`];
  if (/[^aeiou]y$/.test(lower)) return [`${word.slice(0, -1)}ies`, `${word}s`];
  return [`${word}s`];
}

/**
 * A hash index of every term and alias (and their plurals), so that one lookup reads only the few words
 * around the cursor, whatever the size of the glossary or the length of the line.
 */
export class TermIndex {
  private readonly exact = new Map<string, Term>();
  private readonly folded = new Map<string, Term>();
  private readonly byId = new Map<string, Term>();
  /** Most words in any form, and its length in characters: bounds the look-around. */
  readonly maxWords: number;
  readonly maxChars: number;

  /** Earlier terms win on a clash, so callers pass workspace packs before built-in ones. */
  constructor(readonly terms: readonly Term[]) {
    let maxWords = 1;
    let maxChars = 1;
    for (const term of terms) {
      if (!this.byId.has(term.id)) this.byId.set(term.id, term);
      for (const form of [term.term, ...term.aliases]) {
        const words = tokenize(form);
        if (words.length === 0) continue;
        const acronym = isAcronym(form);
        const last = words[words.length - 1];
        const variants = [words, ...pluralOf(last).map((p) => [...words.slice(0, -1), p])];
        for (const v of variants) {
          const key = v.join(' ');
          maxWords = Math.max(maxWords, v.length);
          // Allow a few separator characters between words on top of the words themselves.
          maxChars = Math.max(maxChars, key.length + 2 * (v.length - 1));
          if (acronym) {
            if (!this.exact.has(key)) this.exact.set(key, term);
          } else {
            const k = key.toLowerCase();
            if (!this.folded.has(k)) this.folded.set(k, term);
          }
        }
      }
    }
    this.maxWords = maxWords;
    this.maxChars = maxChars;
  }

  get(id: string): Term | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.byId.size;
  }

  /** The longest term or alias that covers `column` in `line`, if any. */
  findTermAt(line: string, column: number): TermMatch | undefined {
    if (column < 0 || column >= line.length || !isWordChar(line[column])) return undefined;
    const from = Math.max(0, column - this.maxChars);
    const to = Math.min(line.length, column + this.maxChars + 1);
    const tokens = this.tokensIn(line, from, to);
    const at = tokens.findIndex((t) => t.start <= column && column < t.end);
    if (at < 0 || tokens[at].cut) return undefined;
    for (let n = Math.min(this.maxWords, tokens.length); n >= 1; n--) {
      for (let i = Math.max(0, at - n + 1); i <= at && i + n <= tokens.length; i++) {
        const span = tokens.slice(i, i + n);
        if (!this.joinable(line, span)) continue;
        const key = span.map((t) => t.text).join(' ');
        const term = this.exact.get(key) ?? this.folded.get(key.toLowerCase());
        if (term) {
          const start = span[0].start;
          const end = span[span.length - 1].end;
          return { term, start, end, text: line.slice(start, end) };
        }
      }
    }
    return undefined;
  }

  private tokensIn(line: string, from: number, to: number): Token[] {
    const out: Token[] = [];
    let i = from;
    while (i < to) {
      if (!isWordChar(line[i])) {
        i++;
        continue;
      }
      const start = i;
      while (i < to && isWordChar(line[i])) i++;
      const cut = (start === from && start > 0 && isWordChar(line[start - 1])) || (i === to && i < line.length && isWordChar(line[i]));
      out.push({ start, end: i, text: line.slice(start, i), cut });
    }
    return out;
  }

  private joinable(line: string, span: readonly Token[]): boolean {
    for (let k = 0; k < span.length; k++) {
      if (span[k].cut) return false;
      if (k > 0 && !JOINER.test(line.slice(span[k - 1].end, span[k].start))) return false;
    }
    return true;
  }
}
