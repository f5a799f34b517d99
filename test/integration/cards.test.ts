import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api } from './0-extension.test';
import { until } from './wait';


const lensesOf = async (uri: vscode.Uri) => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];

describe('flashcards from Markdown notes', () => {
  const folder = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
  const notes = () => path.join(folder(), 'study');
  const fixture = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'notes-workspace', 'study');

  before(() => fs.cpSync(fixture, notes(), { recursive: true }));
  after(() => fs.rmSync(notes(), { recursive: true, force: true }));

  it('puts a lens on exactly the lines that start cards, and none in a note without the tag', async () => {
    const a = await api();
    const uri = vscode.Uri.file(path.join(notes(), 'aws-notes.md'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const lenses = await until('the lenses', async () => {
      const l = await lensesOf(uri);
      return l.length > 0 ? l : undefined;
    });
    const lines = fs.readFileSync(uri.fsPath, 'utf8').split('\n');
    assert.deepEqual(
      lenses.map((l) => l.range.start.line),
      [2, 4, 6, 10, 14],
      `lenses on: ${lenses.map((l) => lines[l.range.start.line]).join(' | ')}`,
    );
    assert.ok(lenses.every((l) => l.command?.title === 'New card · Review'), lenses.map((l) => l.command?.title).join(', '));
    assert.equal(lenses[0].command?.command, 'studyDeck.reviewCards');
    // `std::vector`, `a::b` and a URL with "::" on line 12 are not cards.
    assert.ok(!lenses.some((l) => l.range.start.line === 12));

    const plain = vscode.Uri.file(path.join(notes(), 'plain.md'));
    await vscode.workspace.openTextDocument(plain);
    assert.deepEqual(await lensesOf(plain), [], 'no tag, no cards');
    await a.cards.service.ready();
    console.log(`[measure] card index: ${a.cards.service.index.fileCount} card files, ${a.cards.service.index.cards.length} cards; longest slice ${a.cards.service.longestSliceMs.toFixed(1)} ms, whole pass ${a.cards.service.lastIndexMs.toFixed(0)} ms`);
    assert.deepEqual(vscode.languages.getDiagnostics(plain), []);
    assert.equal(a.cards.service.index.has(plain.toString()), false);
  });

  it('shows each broken card as a warning with its range; the rest of the note still counts', async () => {
    const a = await api();
    const uri = vscode.Uri.file(path.join(notes(), 'broken.md'));
    await a.cards.service.ready();
    const diags = await until('card problems', () => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.length >= 3 ? d : undefined;
    });
    assert.deepEqual(diags.map((d) => d.code).sort(), ['card-empty-back', 'card-empty-front', 'card-unclosed-cloze']);
    assert.ok(diags.every((d) => d.severity === vscode.DiagnosticSeverity.Warning && d.source === 'Study Deck'));
    const lines = fs.readFileSync(uri.fsPath, 'utf8').split('\n');
    const unclosed = diags.find((d) => d.code === 'card-unclosed-cloze')!;
    assert.equal(lines[unclosed.range.start.line].slice(unclosed.range.start.character, unclosed.range.end.character), '{{c1::');
    // Fixing the note clears its problems once saved.
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), '# Fixed #flashcards\n\nA term::Its answer.\n');
    await vscode.workspace.applyEdit(edit);
    await doc.save();
    await until('problems to clear', () => vscode.languages.getDiagnostics(uri).length === 0);
    await until('the fixed card in the index', () => a.cards.service.index.cardsOf(uri.toString()).length === 1);
  });

  it('reviews a card from its lens: Good schedules it days ahead, the lens says when, and the deck shows in the tree', async () => {
    const a = await api();
    const uri = vscode.Uri.file(path.join(notes(), 'aws-notes.md'));
    await a.cards.service.ready();
    const lens = (await lensesOf(uri))[0];
    await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
    const panel = await until('the card panel', () => a.cards.panels.panel);
    const key = panel.currentKey!;
    assert.equal(a.cards.service.card(key)?.front, 'Amazon Bedrock', 'the card the lens is on comes first');
    await panel.receive({ type: 'rate', key, rating: 3 });
    assert.equal(a.progress.cardSchedule(key), undefined, 'no rating before the answer is shown');
    await panel.receive({ type: 'reveal', key });
    await panel.receive({ type: 'rate', key, rating: 3 });
    const s = await until('a schedule', () => a.progress.cardSchedule(key));
    assert.ok(s.due - Date.now() > 2 * 86_400_000, 'Good on a new card: due days from now');
    assert.notEqual(panel.currentKey, key, 'the next card is up');
    const title = await until('the lens to update', async () => {
      const t = (await lensesOf(uri))[0].command?.title;
      return t?.startsWith('Next review') ? t : undefined;
    });
    assert.match(title, /^Next review in \d+ days/);
    // Reviews live in the progress log, never in the note.
    assert.doesNotMatch(fs.readFileSync(uri.fsPath, 'utf8'), /SR:|due/);

    const roots = await a.topics.getChildren();
    const notesRoot = roots.find((r) => r.kind === 'notes');
    assert.ok(notesRoot, 'a "Your notes" root in the tree');
    const decks = await a.topics.getChildren(notesRoot);
    assert.ok(decks.some((d) => d.kind === 'deck' && d.deck === 'flashcards/aws'));
    const item = a.topics.getTreeItem(decks.find((d) => d.kind === 'deck' && d.deck === 'flashcards/aws')!);
    assert.equal(item.description, '5 cards · 4 new', 'five cards: one reviewed and not due, four new');
    // The tag's root is implied under "Your notes"; the tooltip and screen readers get the whole tag.
    assert.equal(item.label, 'aws');
    assert.match((item.tooltip as vscode.MarkdownString).value, /^\\?#flashcards\/aws/);
    assert.equal(item.accessibilityInformation?.label, 'Deck flashcards/aws, 5 cards, 0 due, 4 new');
    panel.panel.dispose();
  });

  it('counts due cards in the status bar, and makes a tagged example note that works at once', async () => {
    const a = await api();
    // A card rated Again two days ago is due now: the status bar counts it beside the questions.
    const key = a.cards.service.index.cardsOf(vscode.Uri.file(path.join(notes(), 'aws-notes.md')).toString())[1].id;
    await a.progress.recordCardReview(key, 1, Date.now() - 2 * 86_400_000);
    const expected = a.progress.due().length + a.cards.service.counts().due;
    assert.ok(a.cards.service.counts().due >= 1);
    await until('the status bar to count it', () => a.statusBar.text === `$(mortar-board) ${expected} due` || undefined);
    assert.match(String(a.statusBar.tooltip), /flashcards to review/);
    await vscode.commands.executeCommand('studyDeck.newFlashcardNote');
    const example = vscode.Uri.file(path.join(folder(), 'flashcards-example.md'));
    await until('the example note', () => fs.existsSync(example.fsPath));
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, example.fsPath);
    const lenses = await until('lenses in the example', async () => {
      const l = await lensesOf(example);
      return l.length >= 6 ? l : undefined;
    });
    const text = fs.readFileSync(example.fsPath, 'utf8').split('\n');
    for (const l of lenses) assert.doesNotMatch(text[l.range.start.line], /std::vector/, 'code in backticks is never a card');
    await until('the example in the index', () => a.cards.service.index.has(example.toString()) || undefined);
    assert.ok(a.cards.service.decks().some((d) => d.deck === 'flashcards/example'));
    fs.rmSync(example.fsPath);
    await until('the example to leave the index', () => !a.cards.service.index.has(example.toString()) || undefined);
  });
});
