import assert from 'node:assert/strict';
import { makeWorkspace } from '../harness/runIntegration.mjs';
import { openFile, runCommand, setTheme, useEditor, webview } from './fixture.mjs';

/** The CodeLens links shown in the editor, in line order. */
function lenses(page, text) {
  return page.locator('.codelens-decoration a', text ? { hasText: text } : {});
}

describe('flashcards from notes (browser)', function () {
  this.timeout(240_000);
  const session = useEditor(() => ({ workspace: makeWorkspace('notes-workspace') }));

  it('reviews a card from its CodeLens: Space shows the answer, 3 rates it Good, the next card follows', async () => {
    const { page } = session.editor;
    await openFile(page, 'aws-notes.md');
    const lens = lenses(page, 'New card · Review');
    await lens.first().waitFor({ timeout: 60_000 });
    assert.ok((await lens.count()) >= 5, 'a lens on each card');
    await lens.first().click();
    await page.locator('.tab.active', { hasText: 'Cards: study/aws-notes.md' }).waitFor({ timeout: 30_000 });
    const frame = webview(page);
    await frame.locator('.card-front', { hasText: 'Amazon Bedrock' }).waitFor({ timeout: 30_000 });
    assert.match(await frame.locator('.quiz-header').innerText(), /#flashcards\/aws · New[\s\S]*Card 1 of 5/);
    await frame.locator('#show:focus').waitFor();
    assert.equal(await frame.locator('.card-back').count(), 0, 'the answer waits');
    await page.keyboard.press('Space');
    await frame.locator('.card-back', { hasText: 'foundation models from several providers' }).waitFor();
    const buttons = await frame.locator('.ratings button').allInnerTexts();
    assert.equal(buttons.length, 4);
    assert.match(buttons.join(' | '), /Again[\s\S]*\d+ (min|h|d)[\s\S]*Hard[\s\S]*Good[\s\S]*\d+ d[\s\S]*Easy[\s\S]*\d+ d/, `each rating shows its interval: ${buttons.join(' | ')}`);
    await frame.locator('#rate-3:focus').waitFor();
    await session.editor.screenshot('cards-review-dark');
    await page.keyboard.press('3');
    await frame.locator('.quiz-header', { hasText: 'Card 2 of 5' }).waitFor();
    await frame.locator('.card-front', { hasText: 'Capital of Colombia' }).waitFor();
  });

  it('shows an image beside the note, loaded under the webview\'s resource rules', async () => {
    const { page } = session.editor;
    const frame = webview(page);
    // Good on each card until the one whose answer is a picture.
    for (let i = 0; i < 4 && !(await frame.locator('.card-front', { hasText: 'The Bedrock playground' }).count()); i++) {
      await frame.locator('#show').click();
      await frame.locator('#rate-3').click();
      await page.waitForTimeout(300);
    }
    await frame.locator('.card-front', { hasText: 'The Bedrock playground' }).waitFor();
    await frame.locator('#show').click();
    const img = frame.locator('.card-back img');
    await img.waitFor();
    await page.waitForFunction(() => true);
    const loaded = await img.evaluate((i) => new Promise((r) => (i.complete ? r(i.naturalWidth) : i.addEventListener('load', () => r(i.naturalWidth)))));
    assert.ok(loaded > 0, 'the picture next to the note is shown');
    assert.equal(await img.getAttribute('alt'), 'The Bedrock console');
    await frame.locator('#rate-3').click();
    await frame.locator('h1', { hasText: 'All done for now' }).waitFor();
  });

  it('keeps the schedule across a reload: the lens says when the card comes back', async () => {
    const { page } = session.editor;
    await runCommand(page, 'Developer: Reload Window');
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The card panel comes back after the reload too; go to the note's own tab.
    await page.locator('.tab[aria-label^="aws-notes.md"]').first().click({ timeout: 60_000 });
    await lenses(page, /Next review in \d+ days/).first().waitFor({ timeout: 60_000 });
    assert.match(await lenses(page).first().innerText(), /^Next review in \d+ days/);
  });
});

describe('flashcards with typed answers (browser)', function () {
  this.timeout(240_000);
  const session = useEditor(() => ({ workspace: makeWorkspace('notes-workspace'), settings: { 'studyDeck.cards.typedAnswer': true } }));

  it('accepts an answer typed without its accent, shows where a wrong one differs, then takes a rating', async () => {
    const { page } = session.editor;
    await setTheme(page, 'Light Modern', 'vs');
    await openFile(page, 'aws-notes.md');
    const lens = lenses(page, 'New card · Review');
    await lens.nth(1).waitFor({ timeout: 60_000 });
    await lens.nth(1).click();
    const frame = webview(page);
    await frame.locator('.card-front', { hasText: 'Capital of Colombia' }).waitFor({ timeout: 30_000 });
    await frame.locator('#typed:focus').waitFor();
    await page.keyboard.type('bogota');
    await page.keyboard.press('Enter');
    await frame.locator('.verdict-box.is-match', { hasText: 'Matches the answer.' }).waitFor();
    await frame.locator('#rate-3:focus').waitFor();
    await page.keyboard.press('3');

    await frame.locator('.card-front', { hasText: 'Amazon Bedrock' }).waitFor();
    await page.keyboard.type('a managed service for containers');
    await page.keyboard.press('Enter');
    await frame.locator('.verdict-box.is-miss').waitFor();
    assert.ok((await frame.locator('.diff-missing').count()) > 0, 'the words left out are marked');
    assert.ok((await frame.locator('.diff-extra').count()) > 0, 'the words that are not in the answer are marked');
    await session.editor.screenshot('cards-typed-light');
    await page.keyboard.press('1');
    await frame.locator('.quiz-header', { hasText: /Card 3 of/ }).waitFor();
  });
});
