import * as vscode from 'vscode';
import type { Term } from '../../core/content/model';
import { markTermsInMarkdown } from '../../core/glossary/markTerms';
import type { TermTipView } from '../../webview/protocol';
import { termKey, type Content } from '../content/contentService';

/** Whether glossary terms are explained inside questions and cards (practice only; never a running exam). */
export function termHelpEnabled(): boolean {
  return vscode.workspace.getConfiguration('studyDeck').get<boolean>('glossary.inQuestions', true);
}

/**
 * Marks glossary terms in the Markdown of one view, with the editor hover's matcher, and collects what their
 * tooltips show. The webview turns the marks into focusable terms; it has no matcher of its own.
 */
export class TermMarker {
  private readonly found = new Map<string, Term>();

  constructor(private readonly content: Content) {}

  readonly mark = (markdown: string): string => {
    const r = markTermsInMarkdown(markdown, this.content.terms, { termKey });
    for (const t of r.terms) this.found.set(termKey(t), t);
    return r.markdown;
  };

  tips(): TermTipView[] {
    return [...this.found.entries()].map(([key, t]) => ({
      key,
      term: t.term,
      ...(t.expansion ? { expansion: t.expansion } : {}),
      definition: t.definition,
      confusedWith: t.confusedWith.map((c) => ({ term: this.content.terms.get(c.id)?.term ?? c.id, ...(c.difference ? { difference: c.difference } : {}) })),
    }));
  }
}

/** No marking: the text as it is. */
export const unmarked = (markdown: string): string => markdown;
