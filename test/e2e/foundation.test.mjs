import assert from 'node:assert/strict';
import { hoverWord, openFile, runCommand, showStudyDeck, useEditor, webview } from './fixture.mjs';

describe('Study Deck in a real editor (browser)', function () {
  this.timeout(120_000);
  const session = useEditor();

  it('shows the topics of the built-in pack after a click on the Study Deck icon', async () => {
    const { page } = session.editor;
    await showStudyDeck(page);
    const packRow = page.getByRole('treeitem', { name: /AWS Certified AI Practitioner/ });
    await packRow.waitFor({ timeout: 30_000 });
    // The short title and the question count fit the sidebar's default width: nothing is cut off.
    assert.match(await packRow.innerText(), /^AI Practitioner\s*\d+ questions$/);
    const cut = await packRow.locator('.monaco-icon-label-container').evaluate((el) => el.scrollWidth > el.clientWidth);
    assert.equal(cut, false, 'the pack row is not truncated');
    // (Its tooltip, with the full title, is checked in the integration suite: tree hovers do not open under the test driver.)
    const domain = page.getByRole('treeitem', { name: /Fundamentals of AI and ML/ });
    await domain.click();
    const topic = page.getByRole('treeitem', { name: /Model fit: underfitting, overfitting|underfitting/i }).first();
    await topic.waitFor();
    await session.editor.screenshot('topics-tree');
    // "6 questions" before progress has loaded, then "0/6": mastered out of all.
    assert.match(await topic.innerText(), /\d+ questions|0\/\d+/);
  });

  it('opens a topic quiz and shows its first question inside the webview', async () => {
    const { page } = session.editor;
    const topic = page.getByRole('treeitem', { name: /underfitting/i }).first();
    await topic.click();
    await page.getByRole('treeitem', { name: /Take the quiz/ }).first().click();
    const frame = webview(page);
    const prompt = frame.locator('.prompt');
    await prompt.waitFor({ timeout: 30_000 });
    assert.ok((await prompt.innerText()).length > 20, 'a question prompt is shown');
    assert.equal(await frame.locator('input[name="option"]').count() >= 4, true);
    await frame.locator('input[name="option"]').first().check();
    await frame.getByRole('button', { name: 'Submit' }).click();
    await frame.locator('.banner').waitFor();
    assert.equal(await frame.locator('.why').count(), await frame.locator('input[name="option"]').count(), 'every option explains why');
    await session.editor.screenshot('quiz-feedback');
  });

  it('explains RLHF in a hover in a Markdown file', async () => {
    const { page } = session.editor;
    await openFile(page, 'notes.md');
    const hover = await hoverWord(page, 'RLHF', 'Reinforcement Learning from Human Feedback');
    const text = await hover.innerText();
    assert.match(text, /Reinforcement Learning from Human Feedback/);
    assert.match(text, /Open notes/);
    await session.editor.screenshot('hover-rlhf');
  });

  it('filters the tree by domain and clears the filter', async () => {
    const { page } = session.editor;
    await showStudyDeck(page);
    const domain = page.getByRole('treeitem', { name: /^Fundamentals of AI and ML/ });
    await domain.waitFor();
    await runCommand(page, 'Study Deck: Filter Topics by Domain');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Fundamentals of AI and ML' });
    await row.waitFor();
    await row.locator('.label-name').click();
    await page.locator('.quick-input-widget', { hasText: '4 Selected' }).waitFor();
    await page.keyboard.press('Enter');
    await domain.waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('treeitem', { name: /^Fundamentals of Generative AI/ }).count(), 1, 'the other domains stay');
    await runCommand(page, 'Study Deck: Clear Topic Filter');
    await domain.waitFor();
  });
});
