import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api } from './0-extension.test';
import { until } from './wait';


/**
 * Waits for what a file written outside the editor should bring. The editor's file watcher now and then drops
 * such an event (about one run in ten on this machine, on both editors): when no event at all came in 20 s,
 * this runs the disk check Study Deck runs on window focus and every 30 s, which must catch the change, and
 * waits again. A reload that came and still lacks what is expected fails, saying how many events arrived.
 */
async function afterFileEvent<T>(a: Awaited<ReturnType<typeof api>>, what: string, probe: () => T | undefined, eventsBefore = a.content.fileEvents): Promise<T> {
  const first = await until(what, probe, 20_000).catch(() => undefined);
  if (first !== undefined) return first;
  const events = a.content.fileEvents - eventsBefore;
  if (events === 0) {
    console.log(`[note] no file event in 20 s while waiting for ${what}; Study Deck's disk check takes over`);
    assert.ok(await a.content.checkPackFiles(), `the disk check finds the change the watcher dropped (${what})`);
  }
  return until(what, probe, 20_000).catch((e: Error) => {
    throw new Error(`${e.message} (${events} file events had come)`);
  });
}

describe('workspace packs', () => {
  const folder = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
  const packRoot = () => path.join(folder(), '.studydeck', 'demo-pack');
  const topicFile = () => path.join(packRoot(), 'topics', 'first-topic.yaml');

  after(() => fs.rmSync(path.join(folder(), '.studydeck'), { recursive: true, force: true }));

  it('"New Pack" scaffolds a pack that loads with no problems and appears in the tree', async () => {
    const a = await api();
    await vscode.commands.executeCommand('studyDeck.newPack', 'demo-pack');
    assert.ok(fs.existsSync(path.join(packRoot(), 'pack.yaml')));
    const c = await until('the new pack', async () => (await a.content.get()).packs.find((p) => p.id === 'demo-pack'));
    assert.equal(c.origin, 'workspace');
    assert.equal(c.topics.length, 3);
    const problems = (await a.content.get()).problems.filter((p) => p.file.startsWith(packRoot()));
    assert.deepEqual(problems, []);
    const roots = await a.topics.getChildren();
    assert.ok(roots.some((r) => r.kind === 'pack' && r.pack.id === 'demo-pack'), 'the workspace pack is a root of the tree');
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, path.join(packRoot(), 'pack.yaml'), 'pack.yaml is opened');
  });

  it('shows a broken topic file in the Problems panel with its exact range; the rest of the pack still loads', async () => {
    const a = await api();
    const good = fs.readFileSync(topicFile(), 'utf8');
    fs.writeFileSync(topicFile(), good.replace('        correct: true\n', ''));
    const uri = vscode.Uri.file(topicFile());
    const diags = await until('a diagnostic', () => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.length ? d : undefined;
    });
    assert.equal(diags.length, 1);
    assert.equal(diags[0].code, 'no-correct-option');
    assert.equal(diags[0].severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diags[0].source, 'Study Deck');
    const lines = fs.readFileSync(topicFile(), 'utf8').split('\n');
    assert.match(lines[diags[0].range.start.line], /- text: An API/, 'the range starts at the options list');
    const pack = (await a.content.get()).packs.find((p) => p.id === 'demo-pack')!;
    assert.deepEqual(pack.topics.map((t) => [t.id, t.questions.length]), [['first-topic', 0], ['question-types', 4], ['second-topic', 1]], 'the broken question is skipped, the other topics keep theirs');
    const roots = await a.topics.getChildren();
    assert.ok(roots.some((r) => r.kind === 'message' && r.id === 'problems'), 'the tree says the packs have problems');

    fs.writeFileSync(topicFile(), good);
    await until('diagnostics to clear', () => vscode.languages.getDiagnostics(uri).length === 0 || undefined);
  });

  it('clears the problems of a file when it is deleted', async () => {
    const broken = path.join(packRoot(), 'topics', 'broken.yaml');
    fs.writeFileSync(broken, 'id: broken\ntitle: [unclosed\n');
    const uri = vscode.Uri.file(broken);
    const d = await until('a syntax diagnostic', () => vscode.languages.getDiagnostics(uri)[0]);
    assert.equal(d.code, 'yaml-syntax');
    fs.rmSync(broken);
    await until('diagnostics to clear', () => vscode.languages.getDiagnostics(uri).length === 0 || undefined);
  });

  it('loads a pack with every question type, and its case study, with no problems', async () => {
    const a = await api();
    const from = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'question-types-workspace', '.studydeck', 'kinds');
    fs.cpSync(from, path.join(folder(), '.studydeck', 'kinds'), { recursive: true });
    const pack = await until('the kinds pack', async () => (await a.content.get()).packs.find((p) => p.id === 'kinds'));
    const c = await a.content.get();
    assert.deepEqual(c.problems.filter((p) => p.file.includes(`${path.sep}kinds${path.sep}`)), []);
    assert.deepEqual(pack.topics[0].questions.map((q) => q.type), ['single', 'ordering', 'matching', 'multiple', 'single', 'ordering']);
    assert.equal(c.cases.get('kinds/shop-launch')?.questionKeys.length, 2);
    assert.deepEqual(pack.tasks.map((t) => t.id), ['1.1']);
  });

  it('shows each new problem code of a broken pack in the Problems panel, with its range', async function () {
    // The file watcher is slow on a loaded two-core machine: allow it, the assertions stay the same.
    this.timeout(90_000);
    const root = path.join(folder(), '.studydeck', 'kinds');
    const file = path.join(root, 'topics', 'broken-kinds.yaml');
    const a = await api();
    const written = a.content.fileEvents;
    // One file holding every mistake an author can make with the new types, tasks and sources.
    fs.writeFileSync(
      file,
      [
        'id: broken-kinds',
        'title: Broken kinds',
        'domain: cloud',
        'task: "1.9"',
        'sources: [not a url]',
        'reviewed: "2099-01"',
        'questions:',
        '  - id: bk-order',
        '    type: ordering',
        '    prompt: Order two.',
        '    options: []',
        '    items:',
        '      - { text: A, why: First. }',
        '      - { text: B }',
        '    explanation: E.',
        '  - id: bk-match',
        '    type: matching',
        '    prompt: Match.',
        '    pairs:',
        '      - { prompt: P1, response: R1, why: W. }',
        '      - { prompt: P1, response: R2, why: W. }',
        '    explanation: E.',
        'cases:',
        '  - id: bk-case',
        '    title: Case',
        '    scenario: ""',
        '    questions:',
        '      - { id: bk-case-a, type: single, prompt: P, options: [{ text: A, correct: true, why: W. }, { text: B, why: W. }], explanation: E. }',
        '',
      ].join('\n'),
    );
    const uri = vscode.Uri.file(file);
    const codes = [
      'missing-notes',
      'unknown-task',
      'invalid-source',
      'invalid-date',
      'field-not-for-type',
      'ordering-item-count',
      'missing-why',
      'matching-pair-count',
      'duplicate-text',
      'empty-scenario',
      'case-too-few-questions',
    ];
    const hasAll = () => {
      const d = vscode.languages.getDiagnostics(uri);
      return codes.every((c) => d.some((x) => x.code === c)) ? d : undefined;
    };
    const diags = await afterFileEvent(a, 'the new codes', hasAll, written);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const at = (code: string) => {
      const d = diags.find((x) => x.code === code)!;
      return lines[d.range.start.line].slice(d.range.start.character, d.range.start.line === d.range.end.line ? d.range.end.character : undefined);
    };
    assert.equal(at('unknown-task'), '"1.9"');
    assert.equal(at('invalid-source'), 'not a url');
    assert.equal(at('field-not-for-type'), 'options');
    assert.equal(at('duplicate-text'), 'P1');
    assert.equal(at('empty-scenario'), '""');
    assert.equal(diags.find((d) => d.code === 'missing-notes')!.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diags.find((d) => d.code === 'ordering-item-count')!.severity, vscode.DiagnosticSeverity.Error);
    const eventsBefore = a.content.fileEvents;
    fs.rmSync(file);
    await afterFileEvent(a, 'diagnostics to clear', () => vscode.languages.getDiagnostics(uri).length === 0 || undefined, eventsBefore);
  });

  it('reloads a pack changed outside the editor when the disk check runs, with or without a file event', async () => {
    const a = await api();
    const packFile = path.join(packRoot(), 'pack.yaml');
    await until('the demo pack', async () => (await a.content.get()).packs.find((p) => p.id === 'demo-pack'));
    // Settled: nothing to do while the files are as loaded.
    await until('no pending reload', async () => ((await a.content.checkPackFiles()) ? undefined : true), 10_000);
    const checksBefore = a.content.reloadsFromChecks;
    fs.writeFileSync(packFile, fs.readFileSync(packFile, 'utf8').replace(/^title: .*$/m, 'title: Renamed outside the editor'));
    // Right after the write, before any watcher event could have been turned into a reload.
    assert.equal(await a.content.checkPackFiles(), true, 'the check sees the new pack.yaml');
    assert.equal(a.content.reloadsFromChecks, checksBefore + 1);
    await until('the new title', async () => (await a.content.get()).packs.find((p) => p.id === 'demo-pack' && p.title === 'Renamed outside the editor'));
    assert.equal(await a.content.checkPackFiles(), false, 'once reloaded, nothing more to do');
  });

  it('reloads on studyDeck.reloadContent', async () => {
    const a = await api();
    const before = await a.content.get();
    await vscode.commands.executeCommand('studyDeck.reloadContent');
    const after = await a.content.get();
    assert.notEqual(after, before, 'a new content model');
    assert.equal(after.packs.length, before.packs.length);
  });
});
