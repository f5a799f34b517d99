import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import type { Term } from '../content/model';
import { findTerms } from './markTerms';
import type { TermIndex } from './termIndex';

export interface GlossaryPreviewSource {
  /** The glossary now, or undefined while packs are still loading. */
  index(): TermIndex | undefined;
  enabled(): boolean;
  /** Plain text for the tooltip (expansion and definition, no Markdown); it is escaped here. */
  describe(term: Term): string;
}

const CLOSE = '</abbr>';

/**
 * Marks the first occurrence of each glossary term in a rendered Markdown document as
 * `<abbr class="studydeck-term" title="…">`, for VS Code's Markdown preview. It works on inline tokens,
 * so code spans and blocks (tokens of their own) and image alt text (an image's children) are never
 * touched, and it skips text inside links. Pack text reaches the output only escaped.
 */
export function glossaryPreviewPlugin(md: MarkdownIt, source: GlossaryPreviewSource): void {
  // Last in the core chain, so after 'inline' and also after linkify (URLs are links by then, not text to
  // split) and text_join (escapes are plain text by then, so a term next to one is still one token).
  md.core.ruler.push('studydeck_glossary', (state: StateCore) => {
    if (!source.enabled()) return;
    const index = source.index();
    if (!index) return;
    const seen = new Set<string>();
    const openTags = new Map<string, string>();
    const openTag = (term: Term): string => {
      const key = `${term.packId}/${term.id}`;
      let tag = openTags.get(key);
      if (tag === undefined) {
        tag = `<abbr class="studydeck-term" title="${md.utils.escapeHtml(source.describe(term))}">`;
        openTags.set(key, tag);
      }
      return tag;
    };
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      block.children = markChildren(state, block.children, index, seen, openTag);
    }
  });
}

function markChildren(state: StateCore, children: Token[], index: TermIndex, seen: Set<string>, openTag: (t: Term) => string): Token[] {
  const out: Token[] = [];
  let inLink = 0;
  const token = (type: 'text' | 'html_inline', content: string, level: number): Token => {
    const t = new state.Token(type, '', 0);
    t.content = content;
    t.level = level;
    return t;
  };
  for (const child of children) {
    if (child.type === 'link_open') inLink++;
    else if (child.type === 'link_close') inLink = Math.max(0, inLink - 1);
    else if (child.type === 'html_inline') {
      // With raw HTML on, an <a> written in the document is a link too.
      if (/^<a[\s>]/i.test(child.content)) inLink++;
      else if (/^<\/a\s*>/i.test(child.content)) inLink = Math.max(0, inLink - 1);
    }
    if (child.type !== 'text' || inLink > 0) {
      out.push(child);
      continue;
    }
    const text = child.content;
    let last = 0;
    for (const m of findTerms(text, index)) {
      const key = `${m.term.packId}/${m.term.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (m.start > last) out.push(token('text', text.slice(last, m.start), child.level));
      out.push(token('html_inline', openTag(m.term), child.level), token('text', m.text, child.level), token('html_inline', CLOSE, child.level));
      last = m.end;
    }
    if (last === 0) out.push(child);
    else if (last < text.length) out.push(token('text', text.slice(last), child.level));
  }
  return out;
}
