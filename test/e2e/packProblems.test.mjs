import assert from 'node:assert/strict';
import { makeWorkspace } from '../harness/runIntegration.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { hoverWord, openFile, runCommand, showStudyDeck, useEditor, wordBox, quickInputBox } from './fixture.mjs';

describe('pack problems, as an author sees them (browser)', function () {
  this.timeout(120_000);
  const session = useEditor(() => ({ workspace: makeWorkspace('broken-pack-workspace') }));

  it('counts the broken pack file in the status bar and lists it in the Problems panel', async () => {
    const { page } = session.editor;
    // The status bar's problem counter; its accessible name reads "Errors: 1" (with warnings after).
    const counter = page.locator('#status\\.problems');
    await page.waitForFunction(() => /Errors: [1-9]/.test(document.querySelector('#status\\.problems')?.getAttribute('aria-label') ?? ''), null, { timeout: 30_000 });
    assert.match(await counter.getAttribute('aria-label'), /Errors: 1/);
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'no correct option' }).first();
    await row.waitFor({ timeout: 15_000 });
    assert.match(await page.locator('.markers-panel').innerText(), /broken-topic\.yaml/);
    await session.editor.screenshot('problems-panel');
  });

  it('opens the file at the problem when the problem is chosen', async () => {
    const { page } = session.editor;
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'no correct option' }).first();
    await row.dblclick();
    await page.locator('.tab.active', { hasText: 'broken-topic.yaml' }).waitFor({ timeout: 15_000 });
    // The problem's range is selected: from the options list on line 10 to the end of its last item on line 11.
    await page.locator('.statusbar-item', { hasText: /Ln 11, Col 50 \(\d+ selected\)/ }).waitFor({ timeout: 15_000 });
    assert.match(await page.locator('.markers-panel').innerText(), /Ln 10, Col 7/);
    await session.editor.screenshot('problem-opened');
  });

  it('still shows the pack and its good topic in the topics tree', async () => {
    const { page } = session.editor;
    await showStudyDeck(page);
    await page.getByRole('treeitem', { name: /Team pack/ }).waitFor({ timeout: 30_000 });
    await page.getByRole('treeitem', { name: /Pack problems: 1 error/ }).waitFor();
    await page.getByRole('treeitem', { name: /^Basics/ }).click();
    await page.getByRole('treeitem', { name: /A topic that loads, (1 question|0 of 1 mastered)/ }).waitFor();
    await session.editor.screenshot('tree-with-problems');
  });
});

describe('authoring a glossary term from the editor (browser)', function () {
  this.timeout(120_000);
  const session = useEditor(() => ({ workspace: makeWorkspace('broken-pack-workspace') }));

  it('adds the selected word to the workspace glossary, keeping the file valid, and the hover explains it', async () => {
    const { page, workspace } = session.editor;
    await openFile(page, 'README.md');
    const box = await wordBox(page, 'Gizmo');
    await page.mouse.dblclick(box.x, box.y);
    await runCommand(page, 'Study Deck: Add Selection to Glossary');
    const input = quickInputBox(page);
    await page.locator('.quick-input-widget', { hasText: 'The term as people write it' }).waitFor();
    assert.equal(await input.inputValue(), 'Gizmo', 'the selection is offered as the term');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'Definition of Gizmo' }).waitFor();
    await input.fill('A small device that does one job: our screens each have one.');
    await page.keyboard.press('Enter');
    const glossary = path.join(workspace, '.studydeck', 'team-pack', 'glossary.yaml');
    for (let i = 0; i < 50 && !fs.readFileSync(glossary, 'utf8').includes('gizmo'); i++) await page.waitForTimeout(200);
    const text = fs.readFileSync(glossary, 'utf8');
    assert.match(text, /- id: gizmo\n {4}term: Gizmo\n {4}definition: "A small device that does one job: our screens each have one."/);
    assert.match(text, /^terms:\n {2}- id: widget\n/, 'the existing entries are kept as they were');
    await openFile(page, 'README.md');
    const hover = await hoverWord(page, 'Gizmo', 'A small device that does one job');
    assert.match(await hover.innerText(), /Gizmo/);
    await session.editor.screenshot('add-term-hover');
  });
});

describe('workspace packs in restricted mode (browser)', function () {
  this.timeout(120_000);
  const session = useEditor(() => ({ workspace: makeWorkspace('broken-pack-workspace'), workspaceTrust: true }));

  it('does not read workspace packs in an untrusted folder, says why, and still offers the built-in pack', async () => {
    const { page } = session.editor;
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).waitFor({ timeout: 60_000 });
    await showStudyDeck(page);
    await page.getByRole('treeitem', { name: /AWS Certified AI Practitioner/ }).waitFor({ timeout: 30_000 });
    await page.getByRole('treeitem', { name: /Workspace packs not loaded: restricted mode/ }).waitFor();
    assert.equal(await page.getByRole('treeitem', { name: /Team pack/ }).count(), 0, 'the untrusted pack is not loaded');
    const problems = await page.locator('#status\\.problems').getAttribute('aria-label');
    assert.doesNotMatch(problems, /Errors: [1-9]/, `its files are not even validated (${problems})`);
    await session.editor.screenshot('restricted-mode-tree');
  });

  it('loads them once the folder is trusted', async () => {
    const { page } = session.editor;
    await runCommand(page, 'Workspaces: Manage Workspace Trust');
    await page.getByRole('button', { name: /^Trust/ }).first().click();
    await page.locator('.monaco-workbench', { hasText: 'You trust this folder' }).waitFor();
    // The topics view stays open behind the trust editor and refreshes by itself.
    await page.getByRole('treeitem', { name: /Team pack/ }).waitFor({ timeout: 30_000 });
    assert.equal(await page.getByRole('treeitem', { name: /restricted mode/ }).count(), 0);
  });
});
