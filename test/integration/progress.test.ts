import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { answerKind, rightAnswer } from '../../src/core/quiz/answers';
import { ProgressService } from '../../src/features/progress/progressService';
import { api } from './0-extension.test';

const accept = () => vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('progress and palette quizzes', () => {
  it('"Quiz Me on a Term" asks the questions that use the term in the palette and records each answer', async () => {
    const a = await api();
    await a.progress.ready();
    const before = a.progress.answerCount;
    const c = await a.content.get();
    const total = c.questionsByTerm.get('aws-ai-practitioner/peft')!.length;
    assert.ok(total >= 2);
    const run = vscode.commands.executeCommand('studyDeck.quizTerm', 'aws-ai-practitioner/peft');
    // Drive the QuickPicks as a keyboard user would. On a question: check the focused option, move down,
    // check that one too (checking does nothing in a single-answer pick), Enter. An ordering or matching
    // question asks in several picks, so repeat until the answer is recorded. On the feedback: Enter.
    const cmd = (id: string) => vscode.commands.executeCommand(id);
    for (let i = 0; i < total; i++) {
      const recorded = a.progress.answerCount;
      for (let pick = 0; pick < 8 && a.progress.answerCount === recorded; pick++) {
        await sleep(400);
        await cmd('workbench.action.quickPickManyToggle');
        await cmd('quickInput.next');
        await cmd('workbench.action.quickPickManyToggle');
        await accept();
        await sleep(300);
      }
      await sleep(300);
      await accept();
    }
    await sleep(400);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await run;
    await a.progress.flush();
    assert.equal(a.progress.answerCount - before, total, 'one recorded answer per question');
    for (const q of c.questionsByTerm.get('aws-ai-practitioner/peft')!) assert.ok(a.progress.schedule(q.key), `${q.id} is scheduled`);
  });

  it('keeps every answer on disk: a new window (a fresh service on the same folder) sees them all', async () => {
    const a = await api();
    await a.progress.flush();
    const fresh = new ProgressService(a.progress.dir, a.content, 'restart-check');
    await fresh.ready();
    assert.equal(fresh.answerCount, a.progress.answerCount);
    assert.deepEqual(fresh.due(Date.now() + 30 * 86_400_000).sort(), a.progress.due(Date.now() + 30 * 86_400_000).sort(), 'the same schedules');
    fresh.dispose();
  });

  it('loses nothing when two windows answer at the same time', async () => {
    const a = await api();
    const dir = vscode.Uri.file(fs.mkdtempSync(path.join(os.tmpdir(), 'studydeck-two-windows-')));
    const one = new ProgressService(dir, a.content, 'window-one');
    const two = new ProgressService(dir, a.content, 'window-two');
    const keys = [...(await a.content.get()).questions.keys()].slice(0, 40);
    const t0 = Date.now();
    await Promise.all(keys.flatMap((k, i) => [one.recordAnswer({ questionKey: k, kind: 'choice', chosen: [0], correct: false, at: t0 + i }), two.recordAnswer({ questionKey: k, kind: 'choice', chosen: [1], correct: true, at: t0 + i + 1 })]));
    await Promise.all([one.flush(), two.flush()]);
    const third = new ProgressService(dir, a.content, 'window-three');
    await third.ready();
    assert.equal(third.answerCount, 80);
    for (const s of [one, two, third]) s.dispose();
  });

  it('refuses a malformed import, says why and changes nothing', async () => {
    const a = await api();
    await a.progress.flush();
    const listing = () => fs.readdirSync(a.progress.dir.fsPath).sort().map((f) => `${f}:${fs.statSync(path.join(a.progress.dir.fsPath, f)).size}`);
    const before = listing();
    const count = a.progress.answerCount;
    const bad = path.join(os.tmpdir(), `studydeck-bad-import-${Date.now()}.json`);
    fs.writeFileSync(bad, JSON.stringify({ format: 'studydeck-progress', version: 1, records: [{ v: 1, kind: 'answer', q: 'x/y', at: 'yesterday' }] }));
    await vscode.commands.executeCommand('studyDeck.importProgress', vscode.Uri.file(bad));
    assert.equal(a.progress.answerCount, count);
    assert.deepEqual(listing(), before, 'the progress folder is untouched');
  });

  it('imports an export into another profile and reports what it added', async () => {
    const a = await api();
    const text = await a.progress.exportText();
    const dir = vscode.Uri.file(fs.mkdtempSync(path.join(os.tmpdir(), 'studydeck-import-')));
    const other = new ProgressService(dir, a.content, 'other-profile');
    const first = await other.importText(text);
    assert.equal(first.added, JSON.parse(text).records.length);
    assert.equal(other.answerCount, a.progress.answerCount);
    assert.deepEqual(await other.importText(text), { added: 0, skipped: first.added }, 'importing twice adds nothing');
    other.dispose();
  });

  it('shows due counts in the status bar and mastery in the tree', async () => {
    const a = await api();
    assert.match(a.statusBar.text, /^\$\(mortar-board\) \d+ due$/);
    assert.equal(a.statusBar.command, 'studyDeck.reviewDue');
    const roots = await a.topics.getChildren();
    const pack = roots.find((r) => r.kind === 'pack')!;
    const fm = (await a.topics.getChildren(pack)).find((d) => d.kind === 'domain' && d.domain.id === 'fm-applications')!;
    const peftTopic = (await a.topics.getChildren(fm)).find((t) => t.kind === 'topic' && t.topic.id === 'peft-and-rlhf')!;
    assert.match(String(a.topics.getTreeItem(peftTopic).description), /^\d+\/\d+/);
    assert.match(String(a.topics.getTreeItem(peftTopic).accessibilityInformation?.label), /\d+ of \d+ mastered, \d+ due, \d+ answered/);
  });

  it('resets one topic after confirmation, leaving the rest', async () => {
    const a = await api();
    const c = await a.content.get();
    const topic = c.topics.get('aws-ai-practitioner/peft-and-rlhf')!;
    const other = [...c.questions.values()].find((q) => q.topicId !== topic.id && a.progress.schedule(q.key));
    assert.ok(topic.questions.some((q) => a.progress.schedule(q.key)), 'the topic has progress to reset');
    await a.progress.reset(topic.questions.map((q) => q.key));
    assert.ok(topic.questions.every((q) => !a.progress.schedule(q.key)));
    if (other) assert.ok(a.progress.schedule(other.key), 'other topics keep theirs');
  });

  it('hides a topic from the tree once every question in it is mastered, when asked to', async () => {
    const a = await api();
    const c = await a.content.get();
    const topic = c.topics.get('aws-ai-practitioner/shared-responsibility-for-ai')!;
    const now = Date.now();
    for (const [i, q] of topic.questions.entries()) {
      await a.progress.recordAnswer({ questionKey: q.key, kind: answerKind(q), chosen: rightAnswer(q), correct: true, at: now + i });
    }
    assert.equal(a.progress.mastery(topic.questions).mastered, topic.questions.length);
    const topicsOf = async () => {
      const pack = (await a.topics.getChildren()).find((r) => r.kind === 'pack')!;
      const domain = (await a.topics.getChildren(pack)).find((d) => d.kind === 'domain' && d.domain.id === topic.domainId)!;
      return (await a.topics.getChildren(domain)).map((t) => (t.kind === 'topic' ? t.topic.id : ''));
    };
    assert.ok((await topicsOf()).includes(topic.id));
    a.topics.setHiddenDomains([], true);
    try {
      const shown = await topicsOf();
      assert.ok(!shown.includes(topic.id), 'the mastered topic is hidden');
      assert.ok(shown.length > 0, 'the others stay');
    } finally {
      a.topics.setHiddenDomains([], false);
    }
  });
});

