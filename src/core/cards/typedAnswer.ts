/**
 * Typed answers for flashcards: what the learner typed against the card's back, forgiving what does not
 * change the answer (case, accents, spacing, punctuation) and accepting alternatives written `a | b`.
 */

export interface DiffPart {
  readonly text: string;
  /** same: in both; missing: in the answer, not typed; extra: typed, not in the answer. */
  readonly kind: 'same' | 'missing' | 'extra';
}

export interface TypedVerdict {
  readonly match: boolean;
  /** The alternative the typed text is closest to, as written on the card (plain text). */
  readonly expected: string;
  /** Word by word, typed against `expected`. */
  readonly diff: readonly DiffPart[];
}

/** Markdown marks and links reduced to their text, so `**Paris**` is answered by `Paris`. */
export function plainAnswer(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__|==|~~)(.+?)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}])[*_](.+?)[*_](?=$|[^\p{L}\p{N}])/gu, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower case, no accents, punctuation and symbols as spaces, single spaces. */
export function normalizeAnswer(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The accepted answers of a back: its plain text, split on ` | ` (a pipe with spaces, so `a|b` code stays). */
export function alternativesOf(back: string): string[] {
  const plain = plainAnswer(back);
  const parts = plain.split(/\s\|\s/).map((p) => p.trim()).filter((p) => p !== '');
  return parts.length > 0 ? parts : [plain];
}

export function checkTypedAnswer(typed: string, back: string): TypedVerdict {
  const alternatives = alternativesOf(back);
  const norm = normalizeAnswer(typed);
  const exact = alternatives.find((a) => normalizeAnswer(a) === norm);
  if (exact !== undefined) return { match: true, expected: exact, diff: diffWords(typed, exact) };
  // Show the difference against the alternative that shares the most words with what was typed.
  let best = alternatives[0];
  let bestScore = -1;
  for (const a of alternatives) {
    const score = diffWords(typed, a).filter((d) => d.kind === 'same').length;
    if (score > bestScore) {
      best = a;
      bestScore = score;
    }
  }
  return { match: false, expected: best, diff: diffWords(typed, best) };
}

/** A word-level diff (longest common subsequence over normalized words), in the expected text's words. */
export function diffWords(typed: string, expected: string): DiffPart[] {
  const a = typed.split(/\s+/).filter((w) => normalizeAnswer(w) !== '');
  const b = expected.split(/\s+/).filter((w) => normalizeAnswer(w) !== '');
  const na = a.map(normalizeAnswer);
  const nb = b.map(normalizeAnswer);
  // Answers are short; a quadratic table is fine and bounded by the caller's input limit.
  const n = Math.min(na.length, 200);
  const m = Math.min(nb.length, 200);
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = na[i] === nb[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: DiffPart[] = [];
  const push = (text: string, kind: DiffPart['kind']) => {
    const last = out[out.length - 1];
    if (last && last.kind === kind) out[out.length - 1] = { text: `${last.text} ${text}`, kind };
    else out.push({ text, kind });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (na[i] === nb[j]) {
      push(b[j], 'same');
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) push(a[i++], 'extra');
    else push(b[j++], 'missing');
  }
  while (i < n) push(a[i++], 'extra');
  while (j < m) push(b[j++], 'missing');
  return out;
}
