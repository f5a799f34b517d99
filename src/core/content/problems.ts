import { type LineCounter, type Node } from 'yaml';
import type { Problem, ProblemCode, Range, Severity } from './model';

export const WHOLE_FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Collects problems for one file, turning yaml's character offsets into 0-based line/character ranges. */
export class ProblemSink {
  readonly problems: Problem[] = [];
  constructor(
    readonly file: string,
    private readonly lines: LineCounter,
    private readonly text = '',
  ) {}

  rangeOf(start: number, end: number): Range {
    const a = this.lines.linePos(start);
    const b = this.lines.linePos(Math.max(start, end));
    return { start: { line: a.line - 1, character: a.col - 1 }, end: { line: b.line - 1, character: b.col - 1 } };
  }

  nodeRange(node: Node | null | undefined): Range {
    if (!node?.range) return WHOLE_FILE_START;
    // Block nodes end after their trailing newline and indentation; stop the squiggle at the last character.
    let end = node.range[1];
    while (end > node.range[0] && /\s/.test(this.text[end - 1] ?? '')) end--;
    return this.rangeOf(node.range[0], end);
  }

  /** The 0-based line a node starts on. */
  lineOf(node: Node | null | undefined): number {
    return node?.range ? this.lines.linePos(node.range[0]).line - 1 : 0;
  }

  add(code: ProblemCode, severity: Severity, range: Range, message: string): void {
    this.problems.push({ file: this.file, range, severity, code, message });
  }

  at(node: Node | null | undefined, code: ProblemCode, severity: Severity, message: string): void {
    this.add(code, severity, this.nodeRange(node), message);
  }
}

/** Edit distance, for "did you mean" on unknown fields. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestScore) {
      bestScore = d;
      best = c;
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
