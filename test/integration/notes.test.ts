import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api } from './0-extension.test';

describe('topic notes', () => {
  it('open as a read-only Markdown document in which the glossary hover works', async () => {
    await api();
    await vscode.commands.executeCommand('studyDeck.openNotes', 'aws-ai-practitioner/peft-and-rlhf');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is open');
    const doc = editor.document;
    assert.equal(doc.uri.scheme, 'studydeck-notes');
    assert.equal(doc.languageId, 'markdown');
    assert.match(doc.lineAt(0).text, /^# /, 'starts with the topic title');
    // Read-only in the editor UI (a content provider's document); the end-to-end suite types into it to show that.
    const line = doc.getText().split('\n').findIndex((l) => /\bPEFT\b/.test(l));
    assert.ok(line > 0, 'the notes mention PEFT');
    const col = doc.lineAt(line).text.search(/\bPEFT\b/) + 1;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, col));
    const text = hovers.flatMap((h) => h.contents.map((c) => (c as vscode.MarkdownString).value)).join('\n');
    assert.match(text, /\*\*PEFT\*\* — Parameter/);
    // The task statement under the title; the sources and their review month at the end.
    assert.match(doc.lineAt(2).text, /Task 3\.3: Describe the training and fine-tuning process for FMs\./);
    const tail = doc.getText().slice(doc.getText().lastIndexOf('## Sources'));
    assert.match(tail, /^## Sources\n\nChecked against these sources in 20\d\d-\d\d\.\n\n- <https:\/\//);
  });

  it('asks for a topic when none is given, and opens nothing when the user cancels', async () => {
    await api();
    const before = vscode.window.activeTextEditor?.document.uri.toString();
    const pending = vscode.commands.executeCommand('studyDeck.openNotes');
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await pending;
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), before);
  });
});
