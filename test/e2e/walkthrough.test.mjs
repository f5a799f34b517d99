import assert from 'node:assert/strict';
import { runCommand, showStudyDeck, useEditor } from './fixture.mjs';

describe('getting-started walkthrough (browser)', function () {
  this.timeout(180_000);
  const session = useEditor();

  it('lists the seven steps with their pictures and ticks a step off when the user does it', async () => {
    const { page } = session.editor;
    await runCommand(page, 'Welcome: Open Walkthrough...');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with Study Deck' }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    const steps = page.locator('.getting-started-step');
    await page.locator('.getting-started-step', { hasText: 'Open the topics' }).first().waitFor({ timeout: 30_000 });
    const titles = await page.locator('.getting-started-step .step-title').allInnerTexts();
    assert.deepEqual(titles.map((t) => t.trim()), ['Open the topics', 'Take a topic quiz', 'Hover a term', 'Learn the vocabulary', 'Review what is due', 'Turn your notes into flashcards', 'Make your own pack']);
    // The picture of the selected step is the extension's own SVG, drawn with the theme's colours.
    const picture = page.frameLocator('.getting-started-media iframe').first().frameLocator('#active-frame').locator('svg title');
    await picture.first().waitFor({ state: 'attached', timeout: 30_000 });
    assert.match(await picture.first().textContent(), /Topics/, 'the topics picture is shown beside the first step');
    await session.editor.screenshot('walkthrough');
    const topicsStep = page.locator('.getting-started-step', { hasText: 'Open the topics' }).first();
    assert.equal(await topicsStep.getAttribute('aria-checked'), 'false', 'not done before the user does it');
    await page.getByRole('button', { name: 'Open the Topics', exact: true }).click();
    await page.locator('.sidebar .composite.title', { hasText: /Study Deck/i }).first().waitFor({ timeout: 30_000 });
    await page.locator('.getting-started-step[aria-checked="true"]', { hasText: 'Open the topics' }).first().waitFor({ timeout: 15_000 });
    assert.equal(await steps.count(), 7);
    // The vocabulary step: its picture, and opening the Glossary view ticks it off.
    const vocabulary = page.locator('.getting-started-step', { hasText: 'Learn the vocabulary' }).first();
    assert.equal(await vocabulary.getAttribute('aria-checked'), 'false');
    await vocabulary.click();
    await page.frameLocator('.getting-started-media iframe').first().frameLocator('#active-frame').locator('svg title', { hasText: 'glossary' }).first().waitFor({ state: 'attached', timeout: 30_000 });
    await session.editor.screenshot('walkthrough-glossary');
    // Its links are named as the palette names the commands, so they can be found again there.
    for (const name of ['Drill Confusable Terms', 'Study Glossary']) assert.equal(await page.getByRole('button', { name, exact: true }).count(), 1, name);
    await page.getByRole('button', { name: 'Open the Glossary', exact: true }).click();
    await page.getByRole('treeitem', { name: /^A\b/ }).first().waitFor({ timeout: 30_000 });
    await page.locator('.getting-started-step[aria-checked="true"]', { hasText: 'Learn the vocabulary' }).first().waitFor({ timeout: 15_000 });
    // The flashcards step: its picture, and its link makes a tagged note, which ticks the step off.
    await page.locator('.getting-started-step', { hasText: 'Turn your notes into flashcards' }).first().click();
    await page.frameLocator('.getting-started-media iframe').first().frameLocator('#active-frame').locator('svg title', { hasText: 'flashcards' }).first().waitFor({ state: 'attached', timeout: 30_000 });
    await session.editor.screenshot('walkthrough-cards');
    await page.getByRole('button', { name: 'Create a Flashcard Note', exact: true }).click();
    await page.locator('.getting-started-step[aria-checked="true"]', { hasText: 'Turn your notes into flashcards' }).first().waitFor({ timeout: 15_000 });
    // The note's deck in the tree: "example" under "Your notes", its counts in view at the default width.
    await showStudyDeck(page);
    const deck = page.getByRole('treeitem', { name: /^Deck flashcards\/example, 9 cards/ });
    await deck.waitFor({ timeout: 30_000 });
    assert.match(await deck.innerText(), /^example\s*9 cards · 9 new$/);
    assert.equal(await deck.locator('.monaco-icon-label-container').evaluate((el) => el.scrollWidth > el.clientWidth), false, 'the deck row is not truncated');
  });
});
