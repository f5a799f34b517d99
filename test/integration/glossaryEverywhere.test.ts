import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api } from './0-extension.test';
import { until } from './wait';


describe('the glossary everywhere', () => {
  it('marks a glossary term in VS Code\'s own Markdown preview, with its definition, and none in code', async () => {
    const a = await api();
    await a.content.get();
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', 'We tuned it with PEFT.\n\n`PEFT` in code stays code.\n');
    assert.match(html, /<abbr class="studydeck-term" title="PEFT \(Parameter-Efficient Fine-Tuning\): [^"]+">PEFT<\/abbr>/);
    assert.match(html, /<code>PEFT<\/code>/);
    await vscode.workspace.getConfiguration('studyDeck.hover').update('excludedLanguages', ['markdown'], vscode.ConfigurationTarget.Global);
    try {
      const off = await vscode.commands.executeCommand<string>('markdown.api.render', 'We tuned it with PEFT.');
      assert.doesNotMatch(off, /studydeck-term/, 'the hover settings turn it off for Markdown');
    } finally {
      await vscode.workspace.getConfiguration('studyDeck.hover').update('excludedLanguages', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('keeps a hostile definition as text in the preview\'s tooltip', async () => {
    const a = await api();
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const from = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'hostile-pack-workspace', '.studydeck', 'hostile');
    const to = path.join(folder, '.studydeck', 'hostile');
    fs.cpSync(from, to, { recursive: true });
    try {
      await until('the hostile pack', async () => (await a.content.get()).packs.some((p) => p.id === 'hostile'));
      const html = await vscode.commands.executeCommand<string>('markdown.api.render', 'An XSS attempt.');
      assert.match(html, /<abbr class="studydeck-term" title="XSS \(Cross-Site Scripting\): [^"]*&lt;img src=x onerror=&quot;/);
      assert.doesNotMatch(html, /<img|<script/);
    } finally {
      fs.rmSync(to, { recursive: true, force: true });
      await until('the hostile pack to go', async () => !(await a.content.reload()).packs.some((p) => p.id === 'hostile'));
    }
  });

  it('lists every term of every pack in the Glossary view, A to Z, and filters them', async () => {
    const a = await api();
    const c = await a.content.get();
    const letters = await a.glossary.getChildren();
    let listed = 0;
    for (const l of letters) listed += (await a.glossary.getChildren(l)).length;
    assert.equal(listed, c.packs.reduce((n, p) => n + p.terms.length, 0), 'every term, once');
    assert.deepEqual(letters.map((l) => (l.kind === 'letter' ? l.letter : '')), [...letters.map((l) => (l.kind === 'letter' ? l.letter : ''))].sort((x, y) => (x === '#' ? -1 : y === '#' ? 1 : x.localeCompare(y))));
    a.glossary.setFilter('rouge');
    const filtered = (await Promise.all((await a.glossary.getChildren()).map((l) => a.glossary.getChildren(l)))).flat();
    assert.ok(filtered.some((t) => t.kind === 'term' && t.term.term === 'ROUGE'));
    assert.ok(filtered.length < listed / 10);
    a.glossary.setFilter('');
  });

  it('adds a pack\'s terms as cards only when asked, two per term, and counts them when due', async () => {
    const a = await api();
    const c = await a.content.get();
    const pack = c.packs.find((p) => p.id === 'aws-ai-practitioner')!;
    await a.cards.service.ready();
    const before = a.cards.service.counts();
    assert.equal(a.cards.service.glossaryDecks().length, 0, 'no term cards unasked');
    await vscode.commands.executeCommand('studyDeck.studyGlossary', pack.id);
    const after = a.cards.service.counts();
    assert.equal(after.cards - before.cards, pack.terms.length * 2);
    const panel = await until('the card panel', () => a.cards.panels.panel);
    assert.match(panel.currentKey ?? '', /^card:term:aws-ai-practitioner\//);
    // A term card rated Again two days ago is due now, in the status bar's count too.
    const key = `card:term:${pack.id}/peft:definition`;
    await a.progress.recordCardReview(key, 1, Date.now() - 2 * 86_400_000);
    assert.equal(a.cards.service.counts().due, after.due + 1);
    await until('the status bar', () => a.statusBar.text === `$(mortar-board) ${a.progress.due().length + a.cards.service.counts().due} due` || undefined);
    panel.panel.dispose();
  });

  it('drills look-alike terms in the quiz panel; an answer is scheduled under the drill\'s own id', async () => {
    const a = await api();
    const c = await a.content.get();
    assert.ok(c.drills.size > 50, `${c.drills.size} drills`);
    assert.ok([...c.drills.keys()].every((k) => !c.questions.has(k)), 'drills are not pack questions, so no exam draws them');
    await vscode.commands.executeCommand('studyDeck.drillConfusables', 'aws-ai-practitioner');
    const panel = await until('the drill panel', () => a.quiz.get('drill:aws-ai-practitioner'));
    const state = panel.state.session;
    const first = c.drills.get(state.questionKeys[0])!;
    await panel['handle']({ type: 'answer', key: first.key, chosen: [first.type === 'single' ? first.options.findIndex((o) => o.correct) : 0] });
    await a.progress.flush();
    const s = await until('a schedule', () => a.progress.schedule(first.key));
    assert.equal(s.lastCorrect, true);
    panel.panel.dispose();
  });

  it('explains a term defined in a note tagged #glossary in the hover, marked as from your notes', async () => {
    const a = await api();
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const file = path.join(folder, 'team-glossary.md');
    fs.writeFileSync(file, '# Team words #glossary\n\nBlue-green rollout::Two identical stacks; traffic moves from one to the other at once.\n');
    try {
      await until('the note term', () => a.cards.service.noteTermIndex()?.findTermAt('a blue-green rollout today', 3));
      const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'We did a blue-green rollout.' });
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 12));
      const text = hovers.flatMap((h) => h.contents.map((x) => (x as vscode.MarkdownString).value)).join('\n');
      assert.match(text, /Two identical stacks/);
      assert.match(text, /From your notes: team\\?-glossary\\?\.md:3/);
    } finally {
      fs.rmSync(file);
    }
  });
});
