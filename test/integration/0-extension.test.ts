import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StudyDeckApi } from '../../src/extension';

export const EXTENSION_ID = 'studydeck.study-deck';

export async function api(): Promise<StudyDeckApi> {
  const ext = vscode.extensions.getExtension<StudyDeckApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  return ext.activate();
}

describe('extension', () => {
  it('activates and reports its activation time', async () => {
    // Wait for the editor to activate it the way it does for a user (onStartupFinished) rather than force it
    // while the window is still loading: on two cores that would time the workbench's start-up, not ours.
    const ext = vscode.extensions.getExtension<StudyDeckApi>(EXTENSION_ID)!;
    const waitUntil = Date.now() + 20_000;
    while (!ext.isActive && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 50));
    const byEditor = ext.isActive;
    const a = await api();
    assert.equal(typeof a.activationMs, 'number');
    assert.ok(a.activationMs > 0 && a.activationMs < 1000, `activation took ${a.activationMs} ms`);
    console.log(`[measure] activate() own time: ${a.activationMs.toFixed(2)} ms, CPU ${a.activationCpuMs.toFixed(2)} ms (${a.activationPhases.map(([n, ms]) => `${n} ${ms.toFixed(2)}`).join(' · ')}) ${byEditor ? 'when the editor activated it' : 'when the test had to activate it'}`);
  });

  it('does not parse content during activation', async () => {
    const a = await api();
    assert.equal(a.loadsDuringActivation, 0, 'content is loaded on first use, not at activation');
  });

  it('registers its commands', async () => {
    await api();
    const all = new Set(await vscode.commands.getCommands(true));
    const expected = ['studyDeck.openQuiz', 'studyDeck.openNotes', 'studyDeck.reloadContent', 'studyDeck.newPack', 'studyDeck.addTerm', 'studyDeck.lookUpTerm', 'studyDeck.quizTerm', 'studyDeck.quickQuiz', 'studyDeck.reviewDue', 'studyDeck.resetProgress', 'studyDeck.exportProgress', 'studyDeck.importProgress'];
    for (const id of expected) {
      assert.ok(all.has(id), `${id} is registered`);
    }
  });

  it('contributes every command it registers, with the Study Deck category', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed = ext.packageJSON.contributes.commands as { command: string; category: string }[];
    const all = new Set(await vscode.commands.getCommands(true));
    for (const c of contributed) {
      assert.ok(all.has(c.command), `${c.command} is contributed and registered`);
      assert.equal(c.category, 'Study Deck');
    }
  });
});
