import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api } from './0-extension.test';

describe('content in the editor', () => {
  it('the topics view lists the built-in pack, its domains and topics', async () => {
    const a = await api();
    const roots = await a.topics.getChildren();
    const pack = roots.find((r) => r.kind === 'pack' && r.pack.id === 'aws-ai-practitioner');
    assert.ok(pack, `built-in pack in the tree: ${roots.map((r) => r.kind).join(', ')}`);
    // The pack row: its short title and question count; the full title leads the tooltip and the accessible name.
    const packRow = a.topics.getTreeItem(pack);
    assert.equal(packRow.label, 'AI Practitioner');
    assert.match(String(packRow.description), /^\d+ questions$/);
    // As rendered: MarkdownString.appendText escapes punctuation and keeps spaces as &nbsp;.
    const tipText = (packRow.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
    assert.match(tipText, /^AWS Certified AI Practitioner \(AIF-C01\)\n\nFoundation-level AWS certification/);
    assert.equal(packRow.accessibilityInformation?.label, `AWS Certified AI Practitioner (AIF-C01), ${packRow.description}`);
    const domains = await a.topics.getChildren(pack);
    assert.deepEqual(
      domains.map((d) => (d.kind === 'domain' ? d.domain.id : d.kind)),
      ['ai-ml-fundamentals', 'gen-ai-fundamentals', 'fm-applications', 'responsible-ai', 'security-governance'],
    );
    // A domain row: its short title and weight; the exam guide's name in the tooltip and for screen readers.
    const security = a.topics.getTreeItem(domains[4]);
    assert.equal(security.label, 'Security and governance');
    assert.equal(security.description, '14%');
    assert.equal(security.tooltip, 'Security, Compliance and Governance for AI Solutions: 14% of the exam');
    assert.equal(security.accessibilityInformation?.label, security.tooltip);
    const c = await a.content.get();
    const builtIn = c.packs.find((p) => p.id === 'aws-ai-practitioner')!;
    let shown = 0;
    for (const d of domains) shown += (await a.topics.getChildren(d)).length;
    assert.equal(shown, builtIn.topics.length, 'every topic appears under its domain');
    const item = a.topics.getTreeItem((await a.topics.getChildren(domains[0]))[0]);
    assert.match(String(item.description), /^(\d+ questions|\d+\/\d+( · \d+ due)?)$/);
  });

  it('the hover explains PEFT in a Markdown file with the term as its range', async () => {
    await api();
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'We chose **PEFT** over full fine-tuning.' });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 12));
    const text = (h: vscode.Hover) => h.contents.map((c) => (c as vscode.MarkdownString).value).join('\n');
    const mine = hovers.find((h) => /\*\*PEFT\*\* — Parameter\\?-Efficient Fine\\?-Tuning/.test(text(h)));
    assert.ok(mine, `a Study Deck hover: ${JSON.stringify(hovers.map((h) => h.contents.map((c) => (c as vscode.MarkdownString).value)))}`);
    assert.deepEqual([mine.range?.start.character, mine.range?.end.character], [11, 15]);
    assert.match(text(mine), /Often confused with/);
    assert.match(text(mine), /command:studyDeck\.openNotes\?/, 'links to the topic notes');
    assert.doesNotMatch(text(mine), /&nbsp;/, 'plain spaces, so long lines wrap');
  });

  it('gives no Study Deck hover on a word that is not a term', async () => {
    await api();
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'nothing to see here' });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 2));
    assert.equal(hovers.length, 0);
  });

  it('opens a quiz panel for a topic', async () => {
    const a = await api();
    const c = await a.content.get();
    const key = [...c.topics.keys()][0];
    await vscode.commands.executeCommand('studyDeck.openQuiz', key);
    const panel = a.quiz.get(key);
    assert.ok(panel, 'panel is open');
    assert.equal(panel.panel.viewType, 'studyDeck.quiz');
    for (let i = 0; i < 100 && panel.firstPaintMs === undefined; i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok(panel.firstPaintMs !== undefined, 'the webview asked for its first question');
    console.log(`[measure] quiz command to webview ready: ${panel.firstPaintMs.toFixed(0)} ms (first webview of the window)`);
    panel.panel.dispose();
    const second = [...c.topics.keys()][1];
    await vscode.commands.executeCommand('studyDeck.openQuiz', second);
    const p2 = a.quiz.get(second)!;
    for (let i = 0; i < 100 && p2.firstPaintMs === undefined; i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(p2.firstPaintMs !== undefined);
    console.log(`[measure] quiz command to webview ready: ${p2.firstPaintMs.toFixed(0)} ms (a later panel)`);
    p2.panel.dispose();
  });
});
