import assert from 'node:assert/strict';
import { useEditor } from './fixture.mjs';

describe('the first start in a new profile (browser)', function () {
  this.timeout(120_000);
  // As `npm start` runs it for a newcomer.
  const session = useEditor(() => ({ settings: { 'studyDeck.welcome.openOnFirstRun': true } }));

  it('opens the Study Deck view and its walkthrough instead of an empty editor', async () => {
    const { page } = session.editor;
    await page.locator('.sidebar .composite.title', { hasText: /Study Deck/i }).first().waitFor({ timeout: 60_000 });
    await page.locator('.tab.active', { hasText: /Welcome|Walkthrough/ }).waitFor({ timeout: 60_000 });
    await page.locator('.getting-started-category-title, .getting-started-step', { hasText: /Open the Topics|Study Deck/ }).first().waitFor({ timeout: 30_000 });
    await page.getByRole('treeitem', { name: /^AWS Certified AI Practitioner/ }).first().waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('.tab').count(), 1, 'nothing else is open');
    await session.editor.screenshot('first-run');
  });
});
