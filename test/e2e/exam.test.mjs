import assert from 'node:assert/strict';
import { answerSomehow, questionKind, runCommand, setTheme, useEditor, webview, quickInputBox } from './fixture.mjs';

/** Seconds left on the exam clock, read from the panel. */
async function secondsLeft(frame) {
  const [m, s] = (await frame.locator('#timer-text').innerText()).split(':').map(Number);
  return m * 60 + s;
}

describe('mock exam and dashboard (browser)', function () {
  this.timeout(240_000);
  const session = useEditor();

  it('starts from the palette, keeps answers and flags, and resumes after a reload with the time kept', async () => {
    const { page } = session.editor;
    await runCommand(page, 'Study Deck: Start Mock Exam');
    let frame = webview(page);
    await frame.locator('.intro-figures', { hasText: '65 questions in 90 minutes' }).waitFor({ timeout: 60_000 });
    await frame.getByRole('button', { name: 'Start the exam' }).click();
    await frame.locator('.question-number', { hasText: 'Question 1 of 65' }).waitFor();
    const startLeft = await secondsLeft(frame);
    assert.ok(startLeft > 89 * 60 && startLeft <= 90 * 60, `the clock starts at 90 minutes: ${startLeft}s`);

    // Question 1: answered. Question 2: flagged, unanswered. Question 3: "2" from the keyboard if it has
    // options (the draw mixes in ordering and matching questions too).
    await answerSomehow(page, frame);
    await frame.locator('.nav-item.is-answered').first().waitFor();
    await frame.getByRole('button', { name: 'Next' }).click();
    await frame.locator('.question-number', { hasText: 'Question 2 of 65' }).waitFor();
    await frame.getByRole('button', { name: 'Flag for review' }).click();
    await frame.locator('.nav-item.is-flagged').first().waitFor();
    await page.keyboard.press('n');
    await frame.locator('.question-number', { hasText: 'Question 3 of 65' }).waitFor();
    if ((await questionKind(frame)) === 'choice') {
      await frame.locator('input[name="option"]').first().focus();
      await page.keyboard.press('2');
      await frame.locator('.nav-item.is-answered').nth(1).waitFor();
      assert.equal(await frame.locator('#opt-1').isChecked(), true);
    } else {
      await answerSomehow(page, frame);
      await frame.locator('.nav-item.is-answered').nth(1).waitFor();
    }
    await frame.getByRole('button', { name: /^Question 10, unanswered/ }).click();
    await frame.locator('.question-number', { hasText: 'Question 10 of 65' }).waitFor();
    assert.equal(await frame.locator('.nav-item.is-answered').count(), 2);
    assert.equal(await frame.locator('.nav-item.is-flagged').count(), 1);
    assert.match(await frame.locator('#counts').innerText(), /2 answered · 63 unanswered · 1 flagged/);
    assert.equal(await frame.locator('.option .why, .banner').count(), 0, 'no feedback before submitting');
    await session.editor.screenshot('exam-running');

    const beforeReload = await secondsLeft(frame);
    await runCommand(page, 'Developer: Reload Window');
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.tab', { hasText: 'Mock Exam' }).first().click({ timeout: 60_000 });
    frame = webview(page);
    await frame.locator('.question-number', { hasText: 'Question 10 of 65' }).waitFor({ timeout: 60_000 });
    assert.equal(await frame.locator('.nav-item.is-answered').count(), 2, 'answers survive the reload');
    assert.equal(await frame.locator('.nav-item.is-flagged').count(), 1, 'flags survive the reload');
    const afterReload = await secondsLeft(frame);
    assert.ok(afterReload < beforeReload, `the clock kept running through the reload (${beforeReload}s → ${afterReload}s)`);
    assert.ok(beforeReload - afterReload < 120, `and only the reload's time was charged (${beforeReload - afterReload}s)`);

    // Closing the panel does not stop the clock, so the status bar shows it; a click brings the exam back.
    await runCommand(page, 'View: Close Editor');
    await page.locator('.tab', { hasText: 'Mock Exam' }).waitFor({ state: 'detached', timeout: 30_000 });
    const clock = page.locator('[id="studydeck.study-deck.studyDeck.exam"]');
    await clock.waitFor({ timeout: 30_000 });
    assert.match(await clock.innerText(), /Exam: (89|90) min left/);
    await clock.click();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Resume the exam in progress' }).first().click();
    await webview(page).locator('.question-number', { hasText: 'Question 10 of 65' }).waitFor({ timeout: 60_000 });
    await clock.waitFor({ state: 'hidden', timeout: 30_000 });
  });

  it('warns about unanswered questions, submits, and shows the score, each domain and every explanation', async () => {
    const { page } = session.editor;
    const frame = webview(page);
    // Twenty more, from question 11 on, keys only: "1" picks the first option, "N" moves on.
    await frame.getByRole('button', { name: /^Question 11, unanswered/ }).click();
    for (let i = 11; i <= 30; i++) {
      await frame.locator('.question-number', { hasText: `Question ${i} of 65` }).waitFor();
      await answerSomehow(page, frame);
      await frame.locator('#counts', { hasText: `${i - 8} answered` }).waitFor();
      await page.keyboard.press('n');
    }
    await frame.getByRole('button', { name: 'Review and submit' }).click();
    await frame.locator('.confirm', { hasText: 'Unanswered: 43. They count as wrong.' }).waitFor();
    assert.match(await frame.locator('.confirm').innerText(), /Flagged for review: 1\./);
    await frame.getByRole('button', { name: 'Submit now' }).click();
    await frame.locator('#score').waitFor({ timeout: 30_000 });
    assert.match(await frame.locator('#score').innerText(), /^Estimated score \d+ of 1000$/);
    assert.match(await frame.locator('.verdict-badge').innerText(), /Below the pass mark/, '22 answers out of 65 cannot pass');
    assert.match(await frame.locator('.estimate-note').innerText(), /An estimate/);
    const domains = await frame.locator('.domain-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')));
    assert.equal(domains.length, 5, `one row per exam domain: ${domains.join(' | ')}`);
    const totals = domains.map((d) => Number(d.match(/of (\d+) \(/)[1]));
    assert.deepEqual([...totals].sort((a, b) => a - b), [9, 9, 13, 16, 18], 'questions were drawn by domain weight');
    assert.equal(await frame.locator('.summary-list li').count(), 65);
    assert.equal(await frame.locator('.summary-list li.is-unanswered').count(), 43);
    await frame.locator('#study-weakest').waitFor();
    await session.editor.screenshot('exam-results');

    await frame.getByRole('button', { name: 'Review question 1', exact: true }).click();
    await frame.locator('.explanation').waitFor();
    const options = await frame.locator('.option').count();
    assert.equal(await frame.locator('.option .why').count(), options, 'every option is explained in review');
    await frame.getByRole('button', { name: 'Back to results' }).click();
    await frame.locator('#score').waitFor();
  });

  it('shows the progress dashboard with charts, readiness and the attempt', async () => {
    const { page } = session.editor;
    await runCommand(page, 'Study Deck: Show Progress Dashboard');
    await page.locator('.tab.active', { hasText: 'Study Progress' }).waitFor({ timeout: 30_000 });
    const frame = webview(page);
    await frame.locator('#accuracy-chart svg').waitFor({ timeout: 60_000 });
    for (const id of ['#accuracy-chart', '#due-chart', '#attempts-chart']) {
      const desc = await frame.locator(`${id} desc`).textContent();
      assert.ok(desc && desc.length > 10, `${id} has a text alternative: ${desc}`);
    }
    // Today's two answers are one column; both questions fall due within the next 14 days.
    assert.equal(await frame.locator('#accuracy-chart rect').count(), (await frame.locator('#accuracy-chart rect.fill-pass').count()) + (await frame.locator('#accuracy-chart rect.fill-fail').count()));
    assert.ok((await frame.locator('#accuracy-chart rect').count()) >= 1, 'the answers are drawn');
    assert.ok((await frame.locator('#due-chart rect').count()) >= 1, 'the reviews ahead are drawn');
    assert.match(await frame.locator('#accuracy .summary-line').innerText(), /Answers in the last 30 days: 22, of which \d+% right/);
    assert.match(await frame.locator('[id^="readiness-"] .big-score').first().innerText(), /^Estimated \d+ of 1000; pass mark 700$/);
    assert.match(await frame.locator('[id^="readiness-"]').first().innerText(), /What it does not mean/);
    assert.equal(await frame.locator('.attempt-list li').count(), 1, 'the mock exam is in the history');
    assert.equal(await frame.locator('.weakest-list li').count(), 5);
    assert.match(await frame.locator('#streak-figure').innerText(), /Days in a row: 1/);
    await session.editor.screenshot('dashboard-dark');
    await frame.locator('#weakest').scrollIntoViewIfNeeded();
    await session.editor.screenshot('dashboard-dark-charts');
    await frame.locator('.weakest-list button').first().click();
    await page.locator('.tab.active', { hasText: /^Quiz: / }).waitFor({ timeout: 30_000 });
  });
});

/** Presses Tab until `selector` has focus inside the webview, as a keyboard user would. */
async function tabTo(page, frame, selector, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await frame.locator(`${selector}:focus`).count()) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The focused control shows a focus ring a sighted keyboard user can see. */
async function focusRing(frame) {
  return frame.locator(':focus').evaluate((e) => {
    const s = e.ownerDocument.defaultView.getComputedStyle(e);
    return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? `${s.outlineWidth} ${s.outlineStyle}` : '';
  });
}

describe('mock exam and dashboard with the keyboard alone, high contrast (browser)', function () {
  this.timeout(240_000);
  const session = useEditor();

  it('takes and submits an exam, then studies a weak topic from the dashboard, without the mouse', async () => {
    const { page } = session.editor;
    await setTheme(page, 'Dark High Contrast', 'hc-black');
    const palette = async (title) => {
      await page.keyboard.press('F1');
      await quickInputBox(page).fill(`>${title}`);
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
    };
    await palette('Study Deck: Start Mock Exam');
    const frame = webview(page);
    await frame.locator('#begin:focus').waitFor({ timeout: 60_000 });
    assert.ok(await focusRing(frame), 'Start shows a focus ring');
    await page.keyboard.press('Enter');
    // The first control of the answer has focus, whatever the question's type; keys answer it.
    await frame.locator('input[name="option"]:focus, .order-item:focus, .matching:focus').waitFor();
    await answerSomehow(page, frame);
    await frame.locator('.nav-item.is-answered').first().waitFor();
    await page.keyboard.press('n');
    await frame.locator('.question-number', { hasText: 'Question 2 of 65' }).waitFor();
    await page.keyboard.press('f');
    await frame.locator('.nav-item.is-flagged').first().waitFor();
    // The navigator is one Tab stop; arrows move within it and Enter opens a question.
    await tabTo(page, frame, '.nav-item.is-current');
    assert.equal(await frame.locator('.nav-item[tabindex="0"]').count(), 1, 'one Tab stop for all 65 questions');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await frame.locator('.nav-item[data-index="3"]:focus').waitFor();
    assert.ok(await focusRing(frame), 'the focused question number shows a focus ring');
    await page.keyboard.press('Enter');
    await frame.locator('.question-number', { hasText: 'Question 4 of 65' }).waitFor();
    await tabTo(page, frame, '#review-submit');
    assert.ok(await focusRing(frame), 'Review and submit shows a focus ring');
    await page.keyboard.press('Enter');
    await frame.locator('#submit-now:focus').waitFor();
    assert.match(await frame.locator('.confirm').innerText(), /Flagged for review: 1\./, 'the flag just set counts');
    await session.editor.screenshot('exam-confirm-high-contrast');
    await page.keyboard.press('Enter');
    await frame.locator('#score').waitFor({ timeout: 30_000 });
    await frame.locator('#study-weakest:focus').waitFor();
    await session.editor.screenshot('exam-results-high-contrast');

    await palette('Study Deck: Show Progress Dashboard');
    await page.locator('.tab.active', { hasText: 'Study Progress' }).waitFor({ timeout: 30_000 });
    const dash = webview(page);
    await dash.locator('.weakest-list button').first().waitFor({ timeout: 60_000 });
    await dash.locator('body').focus();
    await tabTo(page, dash, '.weakest-list li:first-child button', 80);
    assert.ok(await focusRing(dash), 'Study shows a focus ring');
    await session.editor.screenshot('dashboard-high-contrast');
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: /^Quiz: / }).waitFor({ timeout: 30_000 });
    await webview(page).locator('.prompt').waitFor({ timeout: 30_000 });

    // The same charts in a light theme: colours come from the theme, nothing is hard-coded.
    await setTheme(page, 'Light Modern', 'vs');
    await page.locator('.tab', { hasText: 'Study Progress' }).click();
    await webview(page).locator('#accuracy-chart svg').waitFor({ timeout: 30_000 });
    const fills = await webview(page).locator('#accuracy-chart rect.fill-pass, #accuracy-chart rect.fill-fail').evaluateAll((rects) => rects.map((r) => r.ownerDocument.defaultView.getComputedStyle(r).fill));
    assert.ok(fills.length > 0 && fills.every((f) => f !== 'none' && f !== 'rgb(0, 0, 0)'), `bars take the theme's chart colour: ${fills}`);
    await session.editor.screenshot('dashboard-light');
  });
});
