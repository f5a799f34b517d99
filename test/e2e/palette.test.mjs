import assert from 'node:assert/strict';
import { runCommand, showStudyDeck, useEditor } from './fixture.mjs';

describe('palette quiz and progress (browser)', function () {
  this.timeout(180_000);
  const session = useEditor();

  /**
   * The question or explanation as the learner can read it: the wrapped message under the input where the
   * editor has one, else the rows above the choices (VS Code 1.96). Fails when a row is cut short.
   */
  async function fullText(widget, firstChoice) {
    const message = widget.locator('.quick-input-message');
    if ((await message.count()) && (await message.isVisible()) && (await message.innerText()).trim()) return (await message.innerText()).trim();
    const rows = await widget.locator('.monaco-list-row').evaluateAll((els) =>
      els.map((el) => {
        const name = el.querySelector('.label-name');
        // The first choice follows the separator under the text: its row has a border on top.
        return { text: name?.textContent ?? '', cut: name ? name.scrollWidth > name.clientWidth + 1 : false, choice: /separator-border/.test(el.className) || !!el.querySelector('[class*=separator-border]') };
      }),
    );
    const lines = [];
    for (const r of rows) {
      if (r.choice || firstChoice.test(r.text)) break;
      assert.equal(r.cut, false, `a line of the text is cut short: ${r.text}`);
      lines.push(r.text.trim());
    }
    return lines.join(' ');
  }

  const dueItem = (page) => page.locator('[id="studydeck.study-deck.studyDeck.due"]');
  const dueText = async (page) => (await dueItem(page).textContent()).trim();

  it('runs a Quick Quiz from the command palette, explains each answer and updates the due count', async () => {
    const { page } = session.editor;
    await dueItem(page).waitFor({ timeout: 30_000 });
    assert.match(await dueText(page), /^0 due$/);
    await runCommand(page, 'Study Deck: Quick Quiz');
    const widget = page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: 'Quick Quiz' }).waitFor();
    await widget.locator('.quick-input-box input').first().fill('Inference parameters');
    await widget.locator('.monaco-list-row', { hasText: 'Inference parameters' }).first().locator('.label-name').click();
    await page.keyboard.press('Enter');
    for (let i = 0; i < 3; i++) {
      await widget.locator('.quick-input-title', { hasText: new RegExp(`Question ${i + 1} of`) }).waitFor({ timeout: 15_000 });
      if (i === 0) {
        // Choices of a choice question are numbered; an ordering's or matching's follow the separator.
        const question = await fullText(widget, /^\d\. /);
        assert.ok(question.length > 40 && !/(…|\.\.\.)$/.test(question), `the whole question can be read, to its last character: ${question}`);
        await session.editor.screenshot('palette-question');
      }
      const multiple = /^Choose \d, then/.test(await widget.locator('.quick-input-box input').first().getAttribute('placeholder'));
      if (multiple) {
        const options = widget.locator('.monaco-list-row .label-name', { hasText: /^\d\. / });
        await options.nth(0).click();
        await options.nth(1).click();
      }
      await page.keyboard.press('Enter');
      const feedback = widget.locator('.quick-input-title', { hasText: /^(✓ Correct|✗ Incorrect)/ });
      // An ordering or matching question asks in several picks; Enter takes the first choice of each.
      for (let pick = 0; pick < 8 && !(await feedback.isVisible()); pick++) {
        await feedback.waitFor({ timeout: 1_500 }).catch(() => page.keyboard.press('Enter'));
      }
      await feedback.waitFor({ timeout: 15_000 });
      const reasons = await widget.locator('.monaco-list-row .quick-input-list-label-meta, .monaco-list-row .monaco-icon-label-description, .monaco-list-row .quick-input-list-detail').allInnerTexts();
      if (i === 0) {
        assert.ok(reasons.filter((r) => r.trim().length > 10).length >= 3, `each option, item or pair shows why: ${JSON.stringify(reasons)}`);
        const explained = await fullText(widget, /(Next question|See the score)$/);
        assert.ok(explained.length > 40 && !/(…|\.\.\.)$/.test(explained), `the explanation is shown in full: ${explained}`);
        await session.editor.screenshot('palette-feedback');
      }
      await page.keyboard.press('Enter');
    }
    await page.keyboard.press('Escape');
    await page.waitForTimeout(500);
    const after = await dueText(page);
    // Wrong answers are due again tomorrow, right ones in days: nothing is due *now*, but progress exists.
    assert.match(after, /^\d+ due$/);
    await dueItem(page).hover();
    await page.locator('.monaco-hover, .hover-contents, [role=tooltip]', { hasText: /Next review|to review/ }).first().waitFor({ timeout: 10_000 });
  });

  it('keeps the topic\'s mastery after the window reloads', async () => {
    const { page } = session.editor;
    await showStudyDeck(page);
    const domain = page.getByRole('treeitem', { name: /^Applications of Foundation Models/ });
    await domain.waitFor({ timeout: 30_000 });
    if ((await domain.getAttribute('aria-expanded')) !== 'true') await domain.click();
    // Three questions of this topic were answered in the Quick Quiz above.
    const topic = page.getByRole('treeitem', { name: /^Inference parameters.*\d+ of \d+ mastered, \d+ due, 3 answered/ });
    await topic.waitFor({ timeout: 15_000 });
    const before = (await topic.getAttribute('aria-label')).match(/\d+ of \d+ mastered, \d+ due, 3 answered/)[0];
    await runCommand(page, 'Developer: Reload Window');
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.activitybar [aria-label^="Study Deck"]').first().waitFor({ timeout: 60_000 });
    const again = page.getByRole('treeitem', { name: new RegExp(`^Inference parameters.*${before}`) });
    if (!(await again.count())) {
      const d = page.getByRole('treeitem', { name: /^Applications of Foundation Models/ });
      await d.waitFor({ timeout: 30_000 });
      if ((await d.getAttribute('aria-expanded')) !== 'true') await d.click();
    }
    await again.waitFor({ timeout: 30_000 });
    await session.editor.screenshot('tree-mastery');
  });
});
