import * as vscode from 'vscode';
import type { Question, Term } from '../../core/content/model';
import { termKey, topicKey, topicOfTerm, type Content, type ContentService } from '../content/contentService';

/** A term from a "pack/term" key, a bare id, or a term under the cursor. */
export function resolveTermArg(c: Content, arg: unknown): Term | undefined {
  if (typeof arg !== 'string') return undefined;
  const slash = arg.indexOf('/');
  if (slash < 0) return c.terms.get(arg);
  const pack = c.packs.find((p) => p.id === arg.slice(0, slash));
  return pack?.terms.find((t) => t.id === arg.slice(slash + 1));
}

function termAtCursor(c: Content): Term | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const pos = editor.selection.active;
  return c.terms.findTermAt(editor.document.lineAt(pos.line).text, pos.character)?.term;
}

/** Markdown reduced to readable plain text, for dialogs that cannot render it. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*|__([^_]+)__/g, '$1$2')
    .replace(/\*([^*]+)\*|_([^_]+)_/g, '$1$2')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

type TermItem = vscode.QuickPickItem & { term: Term };

export async function pickTermFromPalette(c: Content, title: string): Promise<Term | undefined> {
  const multiplePacks = c.packs.length > 1;
  const items: TermItem[] = c.packs
    .flatMap((p) => p.terms)
    .sort((a, b) => a.term.localeCompare(b.term, undefined, { sensitivity: 'base' }))
    .map((t) => ({
      label: t.term,
      description: [t.expansion, ...t.aliases.filter((a) => a !== t.expansion)].filter(Boolean).join(' · '),
      detail: `${multiplePacks ? `${c.packs.find((p) => p.id === t.packId)?.title}: ` : ''}${plainText(t.definition).split(/(?<=\.)\s/)[0]}`,
      term: t,
    }));
  const qp = vscode.window.createQuickPick<TermItem>();
  qp.title = title;
  qp.placeholder = vscode.l10n.t('Type a term, an abbreviation or a word of its meaning');
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.items = items;
  const here = termAtCursor(c);
  const preselected = here && items.find((i) => i.term === here);
  if (preselected) qp.activeItems = [preselected];
  return new Promise((resolve) => {
    qp.onDidAccept(() => {
      resolve(qp.selectedItems[0]?.term ?? qp.activeItems[0]?.term);
      qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

/** The whole entry in a dialog a keyboard user can read and act on. */
async function showEntry(c: Content, term: Term): Promise<void> {
  const lines = [plainText(term.definition)];
  if (term.confusedWith.length > 0) {
    lines.push('', vscode.l10n.t('Often confused with:'));
    for (const cw of term.confusedWith) {
      const other = c.terms.get(cw.id);
      lines.push(`• ${other?.term ?? cw.id}${cw.difference ? ` — ${cw.difference}` : ''}`);
    }
  }
  const pack = c.packs.find((p) => p.id === term.packId);
  if (pack && c.packs.length > 1) lines.push('', vscode.l10n.t('From the pack "{0}".', pack.title));
  const topic = topicOfTerm(c, term);
  const openNotes = vscode.l10n.t('Open Notes');
  const quizMe = vscode.l10n.t('Quiz Me');
  const another = vscode.l10n.t('Look Up Another');
  const actions = [...(topic ? [openNotes] : []), ...(questionsUsing(c, term).length ? [quizMe] : []), another];
  const choice = await vscode.window.showInformationMessage(term.expansion ? `${term.term} — ${term.expansion}` : term.term, { modal: true, detail: lines.join('\n') }, ...actions);
  if (choice === openNotes && topic) await vscode.commands.executeCommand('studyDeck.openNotes', topicKey(topic));
  else if (choice === quizMe) await vscode.commands.executeCommand('studyDeck.quizTerm', termKey(term));
  else if (choice === another) await vscode.commands.executeCommand('studyDeck.lookUpTerm');
}

export function questionsUsing(c: Content, term: Term): readonly Question[] {
  return c.questionsByTerm.get(termKey(term)) ?? [];
}

export function registerGlossary(context: vscode.ExtensionContext, content: ContentService): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('studyDeck.lookUpTerm', async (arg?: unknown) => {
      const c = await content.get();
      const term = resolveTermArg(c, arg) ?? (await pickTermFromPalette(c, vscode.l10n.t('Look up a term')));
      if (term) await showEntry(c, term);
    }),
  );
}
