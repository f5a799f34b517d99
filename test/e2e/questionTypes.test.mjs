import assert from 'node:assert/strict';
import { makeWorkspace } from '../harness/runIntegration.mjs';
import { openTopicQuiz, runCommand, setTheme, useEditor, webview } from './fixture.mjs';

/** The order items are shown in, as their pack indexes. */
async function shownOrder(frame) {
  return (await frame.locator('.order-item').evaluateAll((rows) => rows.map((r) => Number(r.dataset.item))));
}

/** Sorts an ordering from the keyboard: each item in turn is selected and moved up with Alt+Up. */
async function sortByKeyboard(page, frame) {
  const n = (await shownOrder(frame)).length;
  for (let target = 0; target < n; target++) {
    const at = (await shownOrder(frame)).indexOf(target);
    // Up and Down move the selection between items; the list is one Tab stop.
    await frame.locator('.order-item[tabindex="0"]').focus();
    const from = (await frame.locator('.order-item').evaluateAll((rows) => rows.findIndex((r) => r.tabIndex === 0)));
    for (let k = from; k < at; k++) await page.keyboard.press('ArrowDown');
    for (let k = from; k > at; k--) await page.keyboard.press('ArrowUp');
    for (let k = at; k > target; k--) await page.keyboard.press('Alt+ArrowUp');
  }
}

describe('ordering, matching and case studies in the quiz panel (browser)', function () {
  this.timeout(240_000);
  const session = useEditor(() => ({ workspace: makeWorkspace('question-types-workspace') }));

  it('orders an ordering item with the keyboard alone in the high-contrast theme, each move announced', async () => {
    const { page } = session.editor;
    await setTheme(page, 'Dark High Contrast', 'hc-black');
    await openTopicQuiz(page, 'Cloud basics', /^How a web request travels/);
    const frame = webview(page);
    await frame.locator('.prompt').waitFor({ timeout: 30_000 });
    // Question 1 (single) from the keyboard: "1" and Enter, Enter again for the next question.
    await frame.locator('input[name="option"]:focus').waitFor();
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await frame.locator('#next:focus').waitFor();
    await page.keyboard.press('Enter');

    await frame.locator('.ordering').waitFor();
    assert.match(await frame.locator('.choose').innerText(), /Put these in order/);
    const before = await shownOrder(frame);
    assert.notDeepEqual(before, [0, 1, 2, 3], 'never shown in the right order');
    await frame.locator('.order-item[tabindex="0"]:focus').waitFor();
    assert.equal(await frame.locator('.order-item[tabindex="0"]').count(), 1, 'the list is one Tab stop');
    await sortByKeyboard(page, frame);
    assert.deepEqual(await shownOrder(frame), [0, 1, 2, 3]);
    assert.match(await frame.locator('#announce').innerText(), /now in position \d of 4/, 'the last move was announced');
    assert.match(await frame.locator('.order-item:focus').getAttribute('aria-label'), /position \d of 4/);
    await session.editor.screenshot('question-ordering-high-contrast');
    await page.keyboard.press('Enter');
    await frame.locator('.banner', { hasText: 'Correct' }).waitFor();
    assert.match(await frame.locator('.type-feedback').innerText(), /4 of 4 in the right place/);
    assert.equal(await frame.locator('.order-feedback li.is-right').count(), 4);
    assert.equal(await frame.locator('.order-feedback .why').count(), 4, 'every item says why it belongs there');
    await frame.locator('#next:focus').waitFor();
    await page.keyboard.press('Enter');
  });

  it('matches with the mouse; a response already used is not offered twice; a wrong pair is explained', async () => {
    const { page } = session.editor;
    // Focus the tab first: keys pressed inside a webview do not reach the command palette.
    await page.locator('.tab', { hasText: /^Quiz: / }).first().click();
    await setTheme(page, 'Dark Modern', 'vs-dark');
    await page.locator('.tab', { hasText: /^Quiz: / }).first().click();
    const frame = webview(page);
    await frame.locator('.matching').waitFor({ timeout: 30_000 });
    assert.equal(await frame.getByRole('button', { name: 'Submit' }).isDisabled(), true, 'Submit waits for every prompt');
    await frame.locator('#match-0').selectOption({ label: 'DNS' });
    const dnsInSecond = frame.locator('#match-1 option', { hasText: 'DNS' });
    assert.equal(await dnsInSecond.isDisabled(), true, 'DNS is taken by the first prompt');
    assert.match(await dnsInSecond.innerText(), /matched with: Find a server's address/);
    // A wrong answer on purpose: the CDN and the load balancer swapped.
    await frame.locator('#match-1').selectOption({ label: 'A load balancer' });
    await frame.locator('#match-2').selectOption({ label: 'A CDN' });
    await session.editor.screenshot('question-matching-dark');
    await frame.getByRole('button', { name: 'Submit' }).click();
    await frame.locator('.banner', { hasText: 'Incorrect' }).waitFor();
    assert.match(await frame.locator('.type-feedback').innerText(), /1 of 3 pairs right/);
    const rows = await frame.locator('.match-feedback:not(.distractors) > li').allInnerTexts();
    assert.equal(rows.length, 3);
    assert.match(rows[1], /Serve images from nearby → A CDN[\s\S]*your answer: A load balancer[\s\S]*caches content close to users/);
    assert.match(await frame.locator('.match-feedback.distractors').innerText(), /A compiler[\s\S]*plays no part/);
    await session.editor.screenshot('question-matching-feedback-dark');
    await frame.getByRole('button', { name: 'Next' }).click();
  });

  it('keeps a case study\'s scenario in view for each of its questions, and can fold it away', async () => {
    const { page } = session.editor;
    const frame = webview(page);
    // Question 4 is a multiple response; the case study's two questions come last.
    await frame.locator('.counter', { hasText: 'Question 4 of 6' }).waitFor({ timeout: 30_000 });
    assert.equal(await frame.locator('details.scenario').count(), 0, 'no scenario on an ordinary question');
    await frame.locator('#opt-0').check();
    await frame.locator('#opt-1').check();
    await frame.getByRole('button', { name: 'Submit' }).click();
    await frame.getByRole('button', { name: 'Next' }).click();

    await frame.locator('.counter', { hasText: 'Question 5 of 6' }).waitFor();
    const scenario = frame.locator('details.scenario');
    assert.equal(await scenario.getAttribute('open'), '', 'open to start with');
    assert.match(await scenario.locator('summary').innerText(), /Case study: A shop's launch day · question 1 of 2/);
    assert.ok(await scenario.locator('.scenario-body').isVisible(), 'the scenario is visible above the question');
    assert.match(await scenario.innerText(), /another continent/);
    await frame.getByRole('radio', { name: /Putting a CDN in front of the site/ }).check();
    await frame.getByRole('button', { name: 'Submit' }).click();
    await frame.locator('.banner', { hasText: 'Correct' }).waitFor();
    assert.ok(await scenario.locator('.scenario-body').isVisible(), 'still there with the feedback');
    await session.editor.screenshot('question-case-study-dark');
    await frame.getByRole('button', { name: 'Next' }).click();

    await frame.locator('.counter', { hasText: 'Question 6 of 6' }).waitFor();
    assert.match(await scenario.locator('summary').innerText(), /question 2 of 2/);
    assert.ok(await scenario.locator('.scenario-body').isVisible(), 'the scenario comes with the case\'s second question');
    await scenario.locator('summary').click();
    assert.equal(await scenario.locator('.scenario-body').isVisible(), false, 'folded on request');
    await frame.locator('.order-item').first().waitFor();
    await frame.getByRole('button', { name: 'Submit' }).click();
    await frame.locator('.banner').waitFor();
    await frame.getByRole('button', { name: 'See summary' }).click();
    await frame.locator('.score').waitFor();
    assert.equal(await frame.locator('.summary-list li').count(), 6);
  });
});

describe('a mock exam with every question type (browser)', function () {
  this.timeout(240_000);
  const session = useEditor(() => ({ workspace: makeWorkspace('question-types-workspace') }));

  it('groups the case study in the navigator, scores all-or-nothing and reviews each type like practice', async () => {
    const { page } = session.editor;
    await setTheme(page, 'Light Modern', 'vs');
    await runCommand(page, 'Study Deck: Start Mock Exam');
    const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Question kinds' }).first();
    await pick.waitFor({ timeout: 15_000 });
    await pick.click();
    const frame = webview(page);
    await frame.locator('.intro-figures', { hasText: '6 questions in 10 minutes' }).waitFor({ timeout: 60_000 });
    await frame.getByRole('button', { name: 'Start the exam' }).click();
    await frame.locator('.question-number', { hasText: 'Question 1 of 6' }).waitFor();
    const group = frame.locator('.nav-case');
    assert.equal(await group.count(), 1, 'the case study is one group in the navigator');
    assert.match(await group.innerText(), /A shop's launch day/);
    assert.equal(await group.locator('.nav-item').count(), 2);

    // Answer every question right, whatever order the draw put them in.
    for (let i = 1; i <= 6; i++) {
      await frame.locator('.question-number', { hasText: `Question ${i} of 6` }).waitFor();
      const prompt = await frame.locator('.prompt').innerText();
      if (await frame.locator('.ordering').count()) {
        assert.equal(await frame.locator('.nav-item.is-current.is-answered').count(), 0, 'the shuffled order is not an answer yet');
        await sortByKeyboard(page, frame);
        await frame.locator('.nav-item.is-current.is-answered').waitFor();
      } else if (await frame.locator('.matching').count()) {
        await frame.locator('#match-0').selectOption({ label: 'DNS' });
        await frame.locator('#match-1').selectOption({ label: 'A CDN' });
        assert.equal(await frame.locator('.nav-item.is-current.is-answered').count(), 0, 'half matched is not answered');
        await frame.locator('#match-2').selectOption({ label: 'A load balancer' });
        await frame.locator('.nav-item.is-current.is-answered').waitFor();
      } else if (/Choose two/.test(prompt)) {
        await frame.locator('#opt-0').check();
        await frame.locator('#opt-1').check();
      } else if (/example\.com/.test(prompt)) {
        await frame.getByRole('radio', { name: 'DNS', exact: true }).check();
      } else {
        assert.ok(await frame.locator('details.scenario').isVisible(), 'the case\'s scenario is shown in the exam');
        await frame.getByRole('radio', { name: /Putting a CDN in front of the site/ }).check();
      }
      if (i === 1) await session.editor.screenshot('exam-question-types-light');
      if (i < 6) await frame.getByRole('button', { name: 'Next' }).click();
    }
    await frame.getByRole('button', { name: 'Review and submit' }).click();
    await frame.locator('.confirm', { hasText: 'Every question is answered.' }).waitFor();
    await frame.getByRole('button', { name: 'Submit now' }).click();
    await frame.locator('#score').waitFor({ timeout: 30_000 });
    assert.match(await frame.locator('#score').innerText(), /^Estimated score 1000 of 1000$/);
    await session.editor.screenshot('exam-question-types-results-light');

    // Each type reviewed like practice feedback.
    const seen = new Set();
    for (let i = 1; i <= 6; i++) {
      await frame.getByRole('button', { name: `Review question ${i}`, exact: true }).click();
      await frame.locator('.explanation').waitFor();
      if (await frame.locator('.order-feedback').count()) {
        seen.add('ordering');
        assert.match(await frame.locator('.type-feedback').innerText(), /in the right place/);
      } else if (await frame.locator('.match-feedback').count()) {
        seen.add('matching');
        assert.match(await frame.locator('.type-feedback').innerText(), /3 of 3 pairs right/);
        await session.editor.screenshot('exam-review-matching-light');
      } else {
        seen.add('choice');
      }
      if (await frame.locator('details.scenario').count()) seen.add('case');
      await frame.getByRole('button', { name: 'Back to results' }).click();
      await frame.locator('#score').waitFor();
    }
    assert.deepEqual([...seen].sort(), ['case', 'choice', 'matching', 'ordering']);
  });
});
