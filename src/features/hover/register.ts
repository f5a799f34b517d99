import * as vscode from 'vscode';
import type { Term } from '../../core/content/model';
import type { TermIndex, TermMatch } from '../../core/glossary/termIndex';
import { termKey, topicKey, topicOfTerm, type Content, type ContentService } from '../content/contentService';
import { questionsUsing } from '../glossary/register';
import type { ProgressService } from '../progress/progressService';

/** Study Deck's own commands are the only ones a hover link may run. */
const LINK_COMMANDS = ['studyDeck.openNotes', 'studyDeck.quizTerm', 'studyDeck.lookUpTerm'];

/** Escapes Markdown syntax in plain text, keeping spaces breakable (appendText turns them into &nbsp;). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&').replace(/\s+/g, ' ');
}

function commandLink(label: string, command: string, args: unknown[]): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

/** Pack and note text is untrusted: it goes in a MarkdownString of its own, never trusted, HTML off. */
function untrusted(): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.supportHtml = false;
  md.isTrusted = false;
  return md;
}

export function termHover(term: Term, content: Content, progress?: ProgressService): vscode.MarkdownString[] {
  const body = untrusted();
  body.appendMarkdown('**');
  body.appendMarkdown(escapeMarkdown(term.term));
  body.appendMarkdown('**');
  if (term.expansion) {
    body.appendMarkdown(' — ');
    body.appendMarkdown(escapeMarkdown(term.expansion));
  }
  body.appendMarkdown('\n\n');
  body.appendMarkdown(term.definition);
  if (term.confusedWith.length > 0) {
    body.appendMarkdown(`\n\n*${vscode.l10n.t('Often confused with')}*\n`);
    for (const c of term.confusedWith) {
      const other = content.terms.get(c.id);
      body.appendMarkdown('\n- **');
      body.appendMarkdown(escapeMarkdown(other?.term ?? c.id));
      body.appendMarkdown('**');
      if (c.difference) {
        body.appendMarkdown(': ');
        body.appendMarkdown(escapeMarkdown(c.difference));
      }
    }
  }
  const key = termKey(term);
  const recall = progress?.current ? progress.termRecall(content, key) : undefined;
  if (recall) {
    body.appendMarkdown(`\n\n*${escapeMarkdown(vscode.l10n.t('Your recall: {0}% (from {1} answered questions)', Math.round(recall.recall * 100), recall.answered))}*`);
  }
  const links = new vscode.MarkdownString();
  links.isTrusted = { enabledCommands: LINK_COMMANDS };
  const parts: string[] = [];
  const topic = topicOfTerm(content, term);
  if (topic) parts.push(commandLink(`$(book) ${vscode.l10n.t('Open notes')}`, 'studyDeck.openNotes', [topicKey(topic)]));
  if (questionsUsing(content, term).length > 0) parts.push(commandLink(`$(checklist) ${vscode.l10n.t('Quiz me on it')}`, 'studyDeck.quizTerm', [key]));
  parts.push(commandLink(`$(search) ${vscode.l10n.t('Look it up')}`, 'studyDeck.lookUpTerm', [key]));
  if (content.packs.length > 1) {
    const pack = content.packs.find((p) => p.id === term.packId);
    if (pack) parts.push(`*${escapeMarkdown(pack.title)}*`);
  }
  links.supportThemeIcons = true;
  links.appendMarkdown(parts.join(' · '));
  return [body, links];
}

/** A term from the learner's own notes: the answer they wrote, and where. Their text, so untrusted too. */
export function noteTermHover(term: Term): vscode.MarkdownString[] {
  const body = untrusted();
  body.appendMarkdown('**');
  body.appendMarkdown(escapeMarkdown(term.term));
  body.appendMarkdown('**\n\n');
  body.appendMarkdown(term.definition);
  const where = new vscode.MarkdownString();
  where.appendMarkdown(`*${escapeMarkdown(vscode.l10n.t('From your notes: {0}', `${vscode.workspace.asRelativePath(vscode.Uri.parse(term.source.file), false)}:${term.source.line + 1}`))}*`);
  return [body, where];
}

export class GlossaryHoverProvider implements vscode.HoverProvider {
  private shown = false;
  /** Time of the first hover, including the content load it triggers; read by tests and benchmarks. */
  firstHoverMs: number | undefined;

  constructor(
    private readonly content: ContentService,
    private readonly progress?: ProgressService,
    /** Terms from the learner's #glossary notes, looked up when no pack term is under the cursor. */
    private readonly noteTerms?: () => TermIndex | undefined,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const config = vscode.workspace.getConfiguration('studyDeck.hover', document);
    if (!config.get<boolean>('enabled', true)) return undefined;
    if (config.get<string[]>('excludedLanguages', []).includes(document.languageId)) return undefined;
    const started = performance.now();
    const content = await this.content.get();
    if (token.isCancellationRequested) return undefined;
    const line = document.lineAt(position.line).text;
    const match: TermMatch | undefined = content.terms.findTermAt(line, position.character);
    if (this.firstHoverMs === undefined) this.firstHoverMs = performance.now() - started;
    if (!match) {
      const mine = this.noteTerms?.()?.findTermAt(line, position.character);
      return mine ? new vscode.Hover(noteTermHover(mine.term), new vscode.Range(position.line, mine.start, position.line, mine.end)) : undefined;
    }
    if (!this.shown) {
      // Completes the walkthrough's "hover a term" step.
      this.shown = true;
      void vscode.commands.executeCommand('setContext', 'studyDeck.hoverSeen', true);
    }
    return new vscode.Hover(termHover(match.term, content, this.progress), new vscode.Range(position.line, match.start, position.line, match.end));
  }
}

export function registerHover(context: vscode.ExtensionContext, content: ContentService, progress: ProgressService, noteTerms?: () => TermIndex | undefined): GlossaryHoverProvider {
  const provider = new GlossaryHoverProvider(content, progress, noteTerms);
  context.subscriptions.push(vscode.languages.registerHoverProvider('*', provider));
  return provider;
}
