import * as vscode from 'vscode';
import type { Topic } from '../../core/content/model';
import { topicKey, topicOfTerm, type Content, type ContentService } from '../content/contentService';
import { resolveTopic } from '../topicPicker';

export const NOTES_SCHEME = 'studydeck-notes';

/** Opens the notes of the topic that teaches a term; for webviews, which may name only a term id the content knows. */
export async function openNotesOfTerm(content: ContentService, termId: string): Promise<void> {
  const c = await content.get();
  const term = c.terms.get(termId);
  const topic = term && topicOfTerm(c, term);
  if (topic) await vscode.commands.executeCommand('studyDeck.openNotes', topicKey(topic));
}

export function notesUri(topic: Topic): vscode.Uri {
  return vscode.Uri.from({ scheme: NOTES_SCHEME, path: `/${topic.packId}/${topic.id}.md` });
}

export function renderNotes(topic: Topic, content: Content): string {
  const pack = content.packs.find((p) => p.id === topic.packId);
  const domain = pack?.domains.find((d) => d.id === topic.domainId);
  const task = topic.task === undefined ? undefined : pack?.tasks.find((t) => t.id === topic.task);
  const where = [pack?.title, domain?.title, task ? vscode.l10n.t('Task {0}: {1}', task.id, task.title) : topic.task && vscode.l10n.t('Task {0}', topic.task)].filter(Boolean).join(' — ');
  const lines = [`# ${topic.title}`, '', `*${where}*`, '', topic.notes.trimEnd(), ''];
  if (topic.sources.length > 0 || topic.reviewed) {
    // Where the facts come from and how fresh they are, so a learner can check what may have changed.
    lines.push('---', '', `## ${vscode.l10n.t('Sources')}`, '');
    if (topic.reviewed) lines.push(vscode.l10n.t('Checked against these sources in {0}.', topic.reviewed), '');
    for (const url of topic.sources) lines.push(`- <${url}>`);
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * Notes are a virtual, read-only Markdown document: the glossary hover works inside it, and the
 * Markdown preview is one click away.
 */
class NotesProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  constructor(private readonly content: ContentService) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const c = await this.content.get();
    const key = uri.path.replace(/^\//, '').replace(/\.md$/, '');
    const topic = c.topics.get(key);
    return topic ? renderNotes(topic, c) : vscode.l10n.t('# Topic not found\n\nThe topic "{0}" is not in any loaded pack. It may have been renamed or removed.', key);
  }

  fireAll(): void {
    for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === NOTES_SCHEME) this.changed.fire(doc.uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerNotes(context: vscode.ExtensionContext, content: ContentService): void {
  const provider = new NotesProvider(content);
  context.subscriptions.push(
    provider,
    vscode.workspace.registerTextDocumentContentProvider(NOTES_SCHEME, provider),
    content.onDidChange(() => provider.fireAll()),
    vscode.commands.registerCommand('studyDeck.openNotes', async (arg?: unknown) => {
      const topic = await resolveTopic(content, arg, vscode.l10n.t('Open the notes of which topic?'));
      if (!topic) return;
      const doc = await vscode.workspace.openTextDocument(notesUri(topic));
      await vscode.window.showTextDocument(doc, { preview: false });
    }),
  );
}
