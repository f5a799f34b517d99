import assert from 'node:assert/strict';
import { makeWorkspace } from '../harness/runIntegration.mjs';
import { answerSomehow, openTopicQuiz, runCommand, setTheme, useEditor, webview, quickInputBox } from './fixture.mjs';

describe('quiz panel (browser)', function () {
  this.timeout(180_000);
  const session = useEditor();

  it('explains every option after a wrong answer, then summarises and retries the missed ones', async () => {
    const { page } = session.editor;
    await openTopicQuiz(page, 'Applications of Foundation Models', /^Parameter-efficient fine-tuning/);
    const frame = webview(page);
    await frame.locator('.prompt').waitFor({ timeout: 30_000 });
    const total = Number((await frame.locator('.counter').innerText()).match(/of (\d+)/)[1]);
    // Answer every question wrongly on purpose: pick the first option marked wrong after the fact is not
    // possible, so pick option 1, and count on the feedback to say which was right.
    let wrong = 0;
    let wrongShown = false;
    for (let i = 0; i < total; i++) {
      await frame.locator('.counter', { hasText: `Question ${i + 1} of ${total}` }).waitFor();
      const inputs = frame.locator('input[name="option"]');
      await frame.locator('.prompt').waitFor();
      // Option 1, an ordering as shown (never the right order) or each prompt's first free response.
      const kind = await answerSomehow(page, frame);
      await frame.getByRole('button', { name: 'Submit' }).click();
      const banner = frame.locator('.banner');
      await banner.waitFor();
      const verdict = await banner.innerText();
      if (kind !== 'choice') {
        // Every item or pair is explained, and so is every distractor.
        assert.ok(await frame.locator('.type-feedback .why').count() >= 3, 'each item or pair says why');
      }
      if (/Incorrect/.test(verdict)) {
        wrong++;
        if (!wrongShown && kind === 'choice') {
          const options = await inputs.count();
          assert.equal(await frame.locator('.option .why').count(), options, 'each option says why');
          assert.equal(await frame.locator('.option.is-right').count() >= 1, true, 'the right option is shown');
          for (const why of await frame.locator('.option .why').allInnerTexts()) assert.ok(why.trim().length > 10, `a reason: ${why}`);
          assert.match(await frame.locator('.explanation').innerText(), /Explanation/);
          await session.editor.screenshot('quiz-wrong-answer-dark');
          wrongShown = true;
        }
      }
      await frame.getByRole('button', { name: i === total - 1 ? 'See summary' : 'Next' }).click();
    }
    assert.ok(wrong > 0, 'option 1 is not right for every question of this topic');
    assert.ok(wrongShown, 'a wrong choice answer was explained option by option');
    await frame.locator('.score').waitFor();
    assert.match(await frame.locator('.score').innerText(), new RegExp(`${total - wrong} of ${total} correct`));
    assert.equal(await frame.locator('.summary-list li').count(), total, 'every answer is listed for review');
    await session.editor.screenshot('quiz-summary');
    await frame.getByRole('button', { name: 'Retry missed' }).click();
    await frame.locator('.counter', { hasText: `Question 1 of ${wrong}` }).waitFor();
  });

  it('can be answered with the keyboard alone (digits and Enter) in the high-contrast theme', async () => {
    const { page } = session.editor;
    await setTheme(page, 'Dark High Contrast', 'hc-black');
    await runCommand(page, 'Study Deck: Start Topic Quiz');
    const input = quickInputBox(page);
    await input.fill('Inference parameters');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Inference parameters' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'Quiz: Inference parameters' }).waitFor();
    const frame = webview(page);
    await frame.locator('.prompt').waitFor({ timeout: 30_000 });
    // The first option has focus once the question is painted; from here on, keys only.
    await frame.locator('input[name="option"]:focus').waitFor();
    await page.keyboard.press('2');
    assert.equal(await frame.locator('#opt-1').isChecked(), true, '"2" chooses the second option');
    await page.keyboard.press('Enter');
    await frame.locator('.banner').waitFor();
    await frame.locator('#next:focus').waitFor();
    await session.editor.screenshot('quiz-keyboard-high-contrast');
    await page.keyboard.press('Enter');
    await frame.locator('.counter', { hasText: 'Question 2 of' }).waitFor();
    await setTheme(page, 'Light Modern', 'vs');
    await page.locator('.tab', { hasText: 'Quiz: Inference parameters' }).click();
    await frame.locator('input[name="option"]').first().check();
    await frame.getByRole('button', { name: 'Submit' }).click();
    await frame.locator('.banner').waitFor();
    await session.editor.screenshot('quiz-light');
    await setTheme(page, 'Dark Modern', 'vs-dark');
  });

  it('comes back at the same question after the window reloads', async () => {
    const { page } = session.editor;
    const frame = webview(page);
    await frame.getByRole('button', { name: 'Next' }).click();
    await frame.locator('.counter', { hasText: 'Question 3 of' }).waitFor();
    await runCommand(page, 'Developer: Reload Window');
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.tab', { hasText: 'Quiz: Inference parameters' }).waitFor({ timeout: 60_000 });
    await page.locator('.tab', { hasText: 'Quiz: Inference parameters' }).click();
    await webview(page).locator('.counter', { hasText: 'Question 3 of' }).waitFor({ timeout: 60_000 });
  });
});

describe('quiz panel with a hostile pack (browser)', function () {
  this.timeout(120_000);
  const session = useEditor(() => ({ workspace: makeWorkspace('hostile-pack-workspace') }));

  it('shows HTML in pack text literally and runs none of it', async () => {
    const { page } = session.editor;
    await openTopicQuiz(page, 'Web <script>', /^Injection attempts/);
    const frame = webview(page);
    const prompt = frame.locator('.prompt');
    await prompt.waitFor({ timeout: 30_000 });
    const text = await prompt.innerText();
    assert.match(text, /<img src=x onerror="document\.body\.dataset\.pwned='img'">/);
    assert.match(text, /<script>document\.body\.dataset\.pwned='script'<\/script>/);
    // (VS Code's own acquireVsCodeApi script is the one script without our nonce.)
    assert.deepEqual(await frame.locator('img, script:not([nonce]):not(#_vscodeApiScript), iframe, svg, [onerror], [onmouseover]').evaluateAll((els) => els.map((e) => e.outerHTML)), [], 'no element was made from pack text');
    assert.match(await frame.locator('.option-label').first().innerText(), /<b onmouseover=/);
    await frame.locator('.option-label').first().hover();
    await frame.locator('input[name="option"]').first().check();
    await frame.getByRole('button', { name: 'Submit' }).click();
    await frame.locator('.banner').waitFor();
    assert.match(await frame.locator('.why').first().innerText(), /<iframe src=/);
    assert.equal(await frame.locator('.explanation a').count(), 0, 'command: and javascript: links are left as text');
    await frame.locator('.explanation', { hasText: 'a link' }).click();
    await page.waitForTimeout(500);
    assert.equal(await frame.locator('body').getAttribute('data-pwned'), null, 'no pack script ran');
    assert.equal(await page.locator('.terminal').count(), 0, 'the command link did not open a terminal');
    await session.editor.screenshot('quiz-hostile-pack');
  });

  it('keeps ordering items, matching pairs and a case study\'s scenario as text, before and after answering', async () => {
    const { page } = session.editor;
    await openTopicQuiz(page, 'Kinds <img', /^Hostile question kinds/);
    const frame = webview(page);
    const noMarkup = async (when) =>
      assert.deepEqual(await frame.locator('img, script:not([nonce]):not(#_vscodeApiScript), iframe, svg, b, [onerror], [onmouseover], [onload]').evaluateAll((els) => els.map((e) => e.outerHTML)), [], `no element made from pack text ${when}`);
    await frame.locator('.ordering').waitFor({ timeout: 30_000 });
    assert.match(await frame.locator('.ordering').innerText(), /<img src=x onerror="document\.body\.dataset\.pwned='item'"> first/);
    assert.equal(await frame.locator('.ordering a').count(), 0, 'a javascript: link in an item stays text');
    await noMarkup('in the items');
    await frame.getByRole('button', { name: 'Submit' }).click();
    await frame.locator('.order-feedback').waitFor();
    assert.match(await frame.locator('.order-feedback').innerText(), /<script>document\.body\.dataset\.pwned='item-why'<\/script> stays text/);
    await noMarkup('in the feedback on items');
    await frame.getByRole('button', { name: 'Next' }).click();

    await frame.locator('.matching').waitFor();
    assert.match(await frame.locator('.match-prompt').first().innerText(), /<img src=x onerror=/);
    const labels = await frame.locator('#match-0 option').allInnerTexts();
    assert.ok(labels.some((l) => l.includes('<svg onload=')), `responses are text in the select: ${labels.join(' | ')}`);
    await frame.locator('#match-0').selectOption({ label: labels.find((l) => l.includes('<svg onload='))});
    await frame.locator('#match-1').selectOption({ label: 'dos' });
    await frame.locator('#match-2').selectOption({ label: 'tres' });
    await frame.getByRole('button', { name: 'Submit' }).click();
    await frame.locator('.match-feedback').first().waitFor();
    assert.match(await frame.locator('.type-feedback').innerText(), /<iframe src=/);
    assert.match(await frame.locator('.match-feedback.distractors').innerText(), /<script>document\.body\.dataset\.pwned='distractor-why'<\/script>/);
    await noMarkup('in the feedback on pairs');
    await frame.getByRole('button', { name: 'Next' }).click();

    await frame.locator('details.scenario').waitFor();
    assert.match(await frame.locator('details.scenario summary').innerText(), /<img src=x onerror="document\.body\.dataset\.pwned='case-title'"> case/);
    assert.match(await frame.locator('details.scenario').innerText(), /<script>document\.body\.dataset\.pwned='scenario-script'<\/script>/);
    await noMarkup('in the scenario');
    assert.equal(await frame.locator('body').getAttribute('data-pwned'), null, 'no pack script ran');
    await session.editor.screenshot('quiz-hostile-kinds');
  });

  it('keeps the same rules in the mock exam: the small pack says so, and its text stays text', async () => {
    const { page } = session.editor;
    await runCommand(page, 'Study Deck: Start Mock Exam');
    const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Hostile <b>pack</b>' }).first();
    await pick.waitFor({ timeout: 15_000 });
    await pick.click();
    const frame = webview(page);
    await frame.locator('h1', { hasText: 'Mock exam: Hostile <b>pack</b>' }).waitFor({ timeout: 30_000 });
    assert.match(await frame.locator('.notice').first().innerText(), /the exam has \d+ instead of 5/, 'a pack smaller than its profile gives a shorter exam and says so');
    await frame.getByRole('button', { name: 'Start the exam' }).click();
    await frame.locator('.prompt').waitFor();
    assert.match(await frame.locator('.prompt').innerText(), /<img src=x onerror=/);
    await frame.locator('input[name="option"]').first().check();
    await frame.getByRole('button', { name: 'Review and submit' }).click();
    await frame.getByRole('button', { name: 'Submit now' }).click();
    await frame.locator('#score').waitFor({ timeout: 30_000 });
    await frame.getByRole('button', { name: 'Review question 1', exact: true }).click();
    await frame.locator('.explanation').waitFor();
    assert.match(await frame.locator('.why').first().innerText(), /<iframe src=/);
    assert.deepEqual(await frame.locator('img, script:not([nonce]):not(#_vscodeApiScript), iframe, [onerror], [onmouseover]').evaluateAll((els) => els.map((e) => e.outerHTML)), [], 'no element was made from pack text');
    assert.equal(await frame.locator('body').getAttribute('data-pwned'), null, 'no pack script ran');
  });
});
