import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { slugify, uniqueId } from '../../core/content/ids';
import { loadYamlTools } from '../../loadYamlTools';
import { scaffoldPack } from '../../core/content/scaffold';
import { idRegExp } from '../../core/content/schema';
import { WORKSPACE_PACKS_DIR, type ContentService } from '../content/contentService';

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (folders.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Study Deck: open a folder first; workspace packs live in its {0} folder.', WORKSPACE_PACKS_DIR));
    return undefined;
  }
  return folders.length === 1 ? folders[0] : vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Create the pack in which folder?') });
}

async function newPack(content: ContentService, argId?: unknown): Promise<vscode.Uri | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Study Deck: workspace packs load only in a trusted workspace.'));
    return undefined;
  }
  const folder = await pickFolder();
  if (!folder) return undefined;
  const base = path.join(folder.uri.fsPath, WORKSPACE_PACKS_DIR);
  const id =
    typeof argId === 'string' && idRegExp.test(argId)
      ? argId
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('New Study Deck pack'),
          prompt: vscode.l10n.t('Pack id: lower-case letters, digits and hyphens. It becomes the folder {0}/<id>.', WORKSPACE_PACKS_DIR),
          value: 'my-pack',
          validateInput: (v) =>
            !idRegExp.test(v) ? vscode.l10n.t('Use lower-case letters, digits and hyphens, like "team-onboarding".') : fs.existsSync(path.join(base, v)) ? vscode.l10n.t('{0}/{1} already exists.', WORKSPACE_PACKS_DIR, v) : undefined,
        });
  if (!id) return undefined;
  const root = path.join(base, id);
  if (fs.existsSync(root)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Study Deck: {0} already exists; nothing was changed.', root));
    return undefined;
  }
  const title = id.replace(/-/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
  const edit = new vscode.WorkspaceEdit();
  for (const [rel, text] of Object.entries(scaffoldPack(id, title))) {
    edit.createFile(vscode.Uri.file(path.join(root, ...rel.split('/'))), { contents: new TextEncoder().encode(text), ignoreIfExists: true });
  }
  await vscode.workspace.applyEdit(edit);
  const packYaml = vscode.Uri.file(path.join(root, 'pack.yaml'));
  await vscode.window.showTextDocument(packYaml);
  await content.reload();
  return packYaml;
}

async function addTerm(content: ContentService): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const selected = editor ? editor.document.getText(editor.selection.isEmpty ? editor.document.getWordRangeAtPosition(editor.selection.active) : editor.selection).trim() : '';
  const term = await vscode.window.showInputBox({ title: vscode.l10n.t('Add a glossary term'), prompt: vscode.l10n.t('The term as people write it'), value: selected, validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Type the term.')) });
  if (!term) return;
  const c = await content.get();
  const packs = c.packs.filter((p) => p.origin === 'workspace');
  if (packs.length === 0) {
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Study Deck: there is no workspace pack to add "{0}" to.', term), vscode.l10n.t('Create a Pack'));
    if (choice) await vscode.commands.executeCommand('studyDeck.newPack');
    return;
  }
  const pack = packs.length === 1 ? packs[0] : (await vscode.window.showQuickPick(packs.map((p) => ({ label: p.title, description: p.id, pack: p })), { placeHolder: vscode.l10n.t('Add the term to which pack?') }))?.pack;
  if (!pack) return;
  const definition = await vscode.window.showInputBox({ title: vscode.l10n.t('Definition of {0}', term), prompt: vscode.l10n.t('Two or three sentences; Markdown is fine.'), validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Write a definition.')) });
  if (!definition) return;
  const file = vscode.Uri.file(path.join(pack.root, 'glossary.yaml'));
  const exists = fs.existsSync(file.fsPath);
  const doc = exists ? await vscode.workspace.openTextDocument(file) : undefined;
  const id = uniqueId(slugify(term), new Set(pack.terms.map((t) => t.id)));
  let text: string;
  try {
    text = loadYamlTools().addTermToGlossary(doc?.getText() ?? '', { id, term: term.trim(), definition: definition.trim() });
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Study Deck: could not add the term to {0}: {1}', file.fsPath, (e as Error).message));
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  if (doc) edit.replace(file, new vscode.Range(0, 0, doc.lineCount, 0), text);
  else edit.createFile(file, { contents: new TextEncoder().encode(text) });
  await vscode.workspace.applyEdit(edit);
  const saved = await vscode.workspace.openTextDocument(file);
  await saved.save();
  await content.reload();
  vscode.window.setStatusBarMessage(vscode.l10n.t('Study Deck: added "{0}" to {1}', term, pack.title), 4000);
}

export function registerAuthoring(context: vscode.ExtensionContext, content: ContentService): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('studyDeck.newPack', (id?: unknown) => newPack(content, id)),
    vscode.commands.registerCommand('studyDeck.addTerm', () => addTerm(content)),
  );
}
