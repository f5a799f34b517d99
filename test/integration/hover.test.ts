import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api } from './0-extension.test';

type Found = { text: string; range: [number, number] } | undefined;

/** The Study Deck hover at a position, if any (other providers may add hovers too). */
async function studyDeckHover(doc: vscode.TextDocument, line: number, character: number): Promise<Found> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, character));
  for (const h of hovers) {
    const text = h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value)).join('\n');
    if (text.includes('command:studyDeck.lookUpTerm')) return { text, range: [h.range!.start.character, h.range!.end.character] };
  }
  return undefined;
}

async function withSetting<T>(key: string, value: unknown, fn: () => Promise<T>): Promise<T> {
  const config = vscode.workspace.getConfiguration('studyDeck');
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  try {
    return await fn();
  } finally {
    await config.update(key, undefined, vscode.ConfigurationTarget.Global);
  }
}

describe('glossary hover', () => {
  before(async () => {
    await (await api()).content.get();
  });

  const cases: { language: string; content: string; line: number; at: string; term: RegExp; range: [number, number] }[] = [
    { language: 'markdown', content: '# Notes\nWe use **RLHF** after SFT.', line: 1, at: 'RLHF', term: /\*\*RLHF\*\* — Reinforcement Learning from Human Feedback/, range: [9, 13] },
    { language: 'python', content: 'score = rouge(x)  # ROUGE-L for summaries', line: 0, at: 'ROUGE', term: /\*\*ROUGE\*\*/, range: [20, 27] },
    { language: 'typescript', content: 'const client = "Amazon Bedrock"; // Amazon SageMaker Canvas too', line: 0, at: 'Canvas', term: /Amazon SageMaker Canvas/, range: [36, 59] },
    { language: 'plaintext', content: 'Most LLMs are decoder-only.', line: 0, at: 'LLMs', term: /\*\*LLM\*\* — Large Language Model/i, range: [5, 9] },
  ];
  for (const c of cases) {
    it(`explains "${c.at}" in a ${c.language} document, with the matched words as the range`, async () => {
      const doc = await vscode.workspace.openTextDocument({ language: c.language, content: c.content });
      const column = doc.lineAt(c.line).text.indexOf(c.at) + 1;
      const found = await studyDeckHover(doc, c.line, column);
      assert.ok(found, `a hover on ${c.at}`);
      assert.match(found.text, c.term);
      assert.deepEqual(found.range, c.range);
    });
  }

  it('works in a file on disk (the sample workspace) and in an untitled document', async () => {
    const [file] = await vscode.workspace.findFiles('pipeline.ts');
    const doc = await vscode.workspace.openTextDocument(file);
    const line = doc.getText().split('\n').findIndex((l) => l.includes('vector database'));
    const found = await studyDeckHover(doc, line, doc.lineAt(line).text.indexOf('vector database') + 3);
    assert.match(found?.text ?? '', /[Vv]ector database/);
    const untitled = await vscode.workspace.openTextDocument({ content: 'Try PEFT first.' });
    assert.equal(untitled.isUntitled, true);
    assert.match((await studyDeckHover(untitled, 0, 5))?.text ?? '', /Parameter\\?-Efficient/);
  });

  it('does not match an identifier or a lower-case acronym', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: 'peft_config = 1\nthe rouge of her cheeks' });
    assert.equal(await studyDeckHover(doc, 0, 2), undefined);
    assert.equal(await studyDeckHover(doc, 1, 6), undefined);
  });

  it('offers its topic notes, a quiz on the term and a look-up as links', async () => {
    const doc = await vscode.workspace.openTextDocument({ content: 'PEFT' });
    const text = (await studyDeckHover(doc, 0, 1))!.text;
    assert.match(text, /command:studyDeck\.openNotes\?/);
    assert.match(text, /command:studyDeck\.quizTerm\?/);
    assert.match(text, /command:studyDeck\.lookUpTerm\?/);
    const args = JSON.parse(decodeURIComponent(/command:studyDeck\.quizTerm\?([^)]+)\)/.exec(text)![1]));
    assert.deepEqual(args, ['aws-ai-practitioner/peft']);
  });

  it('stays quiet when studyDeck.hover.enabled is off', async () => {
    const doc = await vscode.workspace.openTextDocument({ content: 'PEFT' });
    await withSetting('hover.enabled', false, async () => assert.equal(await studyDeckHover(doc, 0, 1), undefined));
    assert.ok(await studyDeckHover(doc, 0, 1), 'back on after the setting is reset');
  });

  it('stays quiet in languages listed in studyDeck.hover.excludedLanguages', async () => {
    const md = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'PEFT' });
    const py = await vscode.workspace.openTextDocument({ language: 'python', content: 'PEFT' });
    await withSetting('hover.excludedLanguages', ['markdown'], async () => {
      assert.equal(await studyDeckHover(md, 0, 1), undefined);
      assert.ok(await studyDeckHover(py, 0, 1));
    });
  });

  it('reports the time of the first hover, content load included', async () => {
    const a = await api();
    if (a.hover.firstHoverMs === undefined) await studyDeckHover(await vscode.workspace.openTextDocument({ content: 'PEFT' }), 0, 1);
    assert.equal(typeof a.hover.firstHoverMs, 'number');
    console.log(`[measure] first hover (loads the content): ${a.hover.firstHoverMs!.toFixed(0)} ms; content load ${(await a.content.get()).loadMs.toFixed(0)} ms`);
  });
});
