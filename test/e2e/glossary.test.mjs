import assert from 'node:assert/strict';
import { hoverWord, openFile, runCommand, useEditor, wordBox, quickInputBox } from './fixture.mjs';

describe('glossary in a real editor (browser)', function () {
  this.timeout(120_000);
  const session = useEditor();

  it('explains several terms in a Python file, each with its own definition', async () => {
    const { page } = session.editor;
    await openFile(page, 'evaluate.py');
    for (const [word, expect] of [
      ['ROUGE', /Recall-Oriented Understudy for Gisting Evaluation/],
      ['BLEU', /Bilingual Evaluation Understudy/],
      ['RLHF', /Reinforcement Learning from Human Feedback/],
    ]) {
      const hover = await hoverWord(page, word, word);
      assert.match(await hover.innerText(), expect, word);
      await page.mouse.move(5, 5);
      await page.locator('.monaco-hover:not(.hidden)').waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
    }
    await session.editor.screenshot('hover-python');
  });

  it('follows the hover\'s "Quiz me on it" link to a quiz of the questions that use the term', async () => {
    const { page } = session.editor;
    await openFile(page, 'notes.md');
    const hover = await hoverWord(page, 'PEFT', 'Parameter-Efficient Fine-Tuning');
    await hover.getByRole('link', { name: /Quiz me on it/ }).click();
    // The term's questions are asked in the palette, one by one.
    const widget = page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: /^Quiz: PEFT · Question 1 of \d+/ }).waitFor({ timeout: 15_000 });
    assert.ok((await widget.locator('.quick-input-message').innerText()).length > 30, 'the question is shown');
    await session.editor.screenshot('quiz-from-hover');
    await page.keyboard.press('Escape');
  });

  it('looks a term up from the command palette and shows the whole entry', async () => {
    const { page } = session.editor;
    await runCommand(page, 'Study Deck: Look Up Term');
    const input = quickInputBox(page);
    await page.locator('.quick-input-widget', { hasText: 'Look up a term' }).waitFor();
    await input.fill('machine translation');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'BLEU' }).first();
    await row.click();
    const dialog = page.locator('.monaco-dialog-box', { hasText: 'BLEU — Bilingual Evaluation Understudy' });
    await dialog.waitFor({ timeout: 15_000 });
    const text = await dialog.innerText();
    assert.match(text, /BLEU — Bilingual Evaluation Understudy/);
    assert.match(text, /Often confused with:/);
    assert.match(text, /ROUGE/);
    await session.editor.screenshot('look-up-term');
    await dialog.getByRole('button', { name: 'Open Notes' }).click();
    await page.locator('.tab.active', { hasText: /evaluating-foundation-models\.md/ }).waitFor({ timeout: 15_000 });
  });

  it('preselects the term under the cursor in Look Up Term', async () => {
    const { page } = session.editor;
    await page.keyboard.press('Escape');
    await openFile(page, 'notes.md');
    const box = await wordBox(page, 'ROUGE');
    await page.mouse.click(box.x, box.y);
    await runCommand(page, 'Study Deck: Look Up Term');
    await page.locator('.quick-input-widget', { hasText: 'Look up a term' }).waitFor();
    const focused = page.locator('.quick-input-list .monaco-list-row.focused');
    await focused.waitFor();
    assert.match(await focused.innerText(), /^ROUGE/);
    await page.keyboard.press('Escape');
  });
});
