import assert from 'node:assert/strict';
import { makeWorkspace } from '../harness/runIntegration.mjs';
import { openEditor } from './fixture.mjs';

describe('pack problems, as an author sees them (browser)', function () {
  this.timeout(120_000);
  let editor;
  before(async () => {
    editor = await openEditor({ workspace: makeWorkspace('broken-pack-workspace') });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && editor) await editor.screenshot(`failure-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });
  after(async () => {
    await editor?.close();
  });

  it('counts the broken pack file in the status bar and lists it in the Problems panel', async () => {
    const { page } = editor;
    // The status bar's problem counter; its accessible name reads "Errors: 1" (with warnings after).
    const counter = page.locator('#status\\.problems');
    await page.waitForFunction(() => /Errors: [1-9]/.test(document.querySelector('#status\\.problems')?.getAttribute('aria-label') ?? ''), null, { timeout: 30_000 });
    assert.match(await counter.getAttribute('aria-label'), /Errors: 1/);
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'no correct option' }).first();
    await row.waitFor({ timeout: 15_000 });
    assert.match(await page.locator('.markers-panel').innerText(), /broken-topic\.yaml/);
    await editor.screenshot('problems-panel');
  });

  it('opens the file at the problem when the problem is chosen', async () => {
    const { page } = editor;
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'no correct option' }).first();
    await row.dblclick();
    await page.locator('.tab.active', { hasText: 'broken-topic.yaml' }).waitFor({ timeout: 15_000 });
    // The problem's range is selected: from the options list on line 10 to the end of its last item on line 11.
    await page.locator('.statusbar-item', { hasText: /Ln 11, Col 50 \(\d+ selected\)/ }).waitFor({ timeout: 15_000 });
    assert.match(await page.locator('.markers-panel').innerText(), /Ln 10, Col 7/);
    await editor.screenshot('problem-opened');
  });

  it('still shows the pack and its good topic in the topics tree', async () => {
    const { page } = editor;
    await page.locator('.activitybar [aria-label^="Study Deck"]').first().click();
    await page.getByRole('treeitem', { name: /Team pack/ }).waitFor({ timeout: 30_000 });
    await page.getByRole('treeitem', { name: /Pack problems: 1 error/ }).waitFor();
    await page.getByRole('treeitem', { name: /^Basics/ }).click();
    await page.getByRole('treeitem', { name: /A topic that loads, 1 question$/ }).waitFor();
    await editor.screenshot('tree-with-problems');
  });
});
