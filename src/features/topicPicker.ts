import * as vscode from 'vscode';
import type { Topic } from '../core/content/model';
import { topicKey, type ContentService } from './content/contentService';

/** Resolves a command's topic argument (a "pack/topic" key or a tree element), or asks the user. */
export async function resolveTopic(content: ContentService, arg: unknown, placeHolder: string): Promise<Topic | undefined> {
  const c = await content.get();
  if (typeof arg === 'string') return c.topics.get(arg);
  if (arg && typeof arg === 'object' && 'topic' in arg) {
    const t = (arg as { topic: { packId: string; id: string } }).topic;
    return c.topics.get(topicKey(t));
  }
  const items = [...c.topics.values()].map((t) => {
    const pack = c.packs.find((p) => p.id === t.packId);
    const domain = pack?.domains.find((d) => d.id === t.domainId);
    return { label: t.title, description: domain?.title, detail: vscode.l10n.t('{0} questions', t.questions.length), topic: t };
  });
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true });
  return picked?.topic;
}
