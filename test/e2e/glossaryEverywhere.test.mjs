import assert from 'node:assert/strict';
import { makeWorkspace } from '../harness/runIntegration.mjs';
import { openTopicQuiz, runCommand, useEditor, webview } from './fixture.mjs';

/** Presses Tab until a glossary term inside `scope` has focus, as a keyboard user would. */
async function tabToTerm(page, frame, scope, max = 30) {
  for (let i = 0; i < max; i++) {
    if (await frame.locator(`${scope} button.term:focus`).count()) return frame.locator(`${scope} button.term:focus`);
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached a term in ${scope}`);
}

describe('the glossary inside questions, exams and cards (browser)', function () {
  this.timeout(240_000);
  const session = useEditor();

  it('explains a term of the prompt on keyboard focus, and one of the explanation on hover', async () => {
    const { page } = session.editor;
    await openTopicQuiz(page, 'Applications of Foundation Models', /^Parameter-efficient fine-tuning/);
    const frame = webview(page);
    await frame.locator('.prompt').waitFor({ timeout: 30_000 });
    // Questions until one whose prompt names a term.
    for (let i = 0; i < 8 && !(await frame.locator('.prompt button.term').count()); i++) {
      await frame.getByRole('button', { name: 'Submit' }).isDisabled().then(async (d) => d && (await frame.locator('input[name="option"]').first().check().catch(() => {})));
      await frame.getByRole('button', { name: 'Submit' }).click();
      await frame.getByRole('button', { name: /^(Next|See summary)$/ }).click();
    }
    const term = await tabToTerm(page, frame, '.prompt');
    const tip = frame.locator('#term-tip');
    await tip.waitFor({ state: 'visible' });
    assert.equal(await term.getAttribute('aria-describedby'), 'term-tip', 'the tooltip is the term\'s description');
    assert.equal(await tip.getAttribute('role'), 'tooltip');
    assert.ok((await tip.innerText()).length > 40, 'the definition is shown');
    await session.editor.screenshot('glossary-term-focus-dark');
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'hidden' });
    assert.equal(await frame.locator('.option button.term').count(), 0, 'no help on the options before answering');

    if (await frame.locator('input[name="option"]').count()) await frame.locator('input[name="option"]').first().check();
    await frame.getByRole('button', { name: 'Submit' }).click();
    await frame.locator('.banner').waitFor();
    const inExplanation = frame.locator('.explanation button.term, .why button.term').first();
    await inExplanation.waitFor();
    await inExplanation.hover();
    await tip.waitFor({ state: 'visible' });
    assert.match(await tip.innerText(), /Click or press Enter for the whole entry/);
  });

  it('gives no term help while a mock exam runs, and gives it back in the results review', async () => {
    const { page } = session.editor;
    await runCommand(page, 'Study Deck: Start Mock Exam');
    const frame = webview(page);
    await frame.getByRole('button', { name: 'Start the exam' }).click({ timeout: 60_000 });
    for (let i = 1; i <= 5; i++) {
      await frame.locator('.question-number', { hasText: `Question ${i} of 65` }).waitFor();
      assert.equal(await frame.locator('button.term').count(), 0, `no marked term on question ${i}`);
      await page.keyboard.press('n');
    }
    await frame.getByRole('button', { name: 'Review and submit' }).click();
    await frame.getByRole('button', { name: 'Submit now' }).click();
    await frame.locator('#score').waitFor({ timeout: 30_000 });
    let marked = 0;
    for (let i = 1; i <= 6 && marked === 0; i++) {
      await frame.getByRole('button', { name: `Review question ${i}`, exact: true }).click();
      await frame.locator('.explanation').waitFor();
      marked = await frame.locator('button.term').count();
      await frame.getByRole('button', { name: 'Back to results' }).click();
      await frame.locator('#score').waitFor();
    }
    assert.ok(marked > 0, 'terms are explained in the review');
  });

  it('drills look-alike terms: after an answer, every difference is shown', async () => {
    const { page } = session.editor;
    await runCommand(page, 'Study Deck: Drill Confusable Terms');
    await page.locator('.tab.active', { hasText: 'Look-alike terms' }).waitFor({ timeout: 30_000 });
    const frame = webview(page);
    await frame.locator('.prompt', { hasText: 'Which term is this?' }).waitFor({ timeout: 30_000 });
    const options = await frame.locator('input[name="option"]').count();
    assert.ok(options >= 2);
    await frame.locator('input[name="option"]').first().check();
    await frame.getByRole('button', { name: 'Submit' }).click();
    await frame.locator('.banner').waitFor();
    assert.equal(await frame.locator('.option .why').count(), options, 'every look-alike says how it differs');
    await session.editor.screenshot('glossary-drill-dark');
  });

  it('reviews two term cards once the pack\'s glossary is chosen for study', async () => {
    const { page } = session.editor;
    await runCommand(page, 'Study Deck: Study Glossary');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'AWS Certified AI Practitioner' }).first();
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'Glossary cards' }).waitFor({ timeout: 30_000 });
    const frame = webview(page);
    for (let i = 1; i <= 2; i++) {
      await frame.locator('.quiz-header', { hasText: `Card ${i} of` }).waitFor({ timeout: 30_000 });
      await frame.locator('#show:focus').waitFor();
      await page.keyboard.press('Space');
      await frame.locator('.card-back').waitFor();
      await page.keyboard.press('3');
    }
    await frame.locator('.quiz-header', { hasText: 'Card 3 of' }).waitFor();
  });
});

describe('a hostile glossary inside the quiz panel (browser)', function () {
  this.timeout(120_000);
  const session = useEditor(() => ({ workspace: makeWorkspace('hostile-pack-workspace') }));

  it('shows a definition with <img onerror> as text in the term\'s tooltip', async () => {
    const { page } = session.editor;
    await openTopicQuiz(page, 'Web <script>', /^Injection attempts/);
    const frame = webview(page);
    const term = frame.locator('.prompt button.term', { hasText: 'XSS' });
    await term.waitFor({ timeout: 30_000 });
    await term.hover();
    const tip = frame.locator('#term-tip');
    await tip.waitFor({ state: 'visible' });
    assert.match(await tip.innerText(), /<img src=x onerror="document\.body\.dataset\.pwned='tip'">/);
    assert.deepEqual(await frame.locator('#term-tip img, #term-tip script, #term-tip [onerror]').evaluateAll((els) => els.map((e) => e.outerHTML)), []);
    assert.equal(await frame.locator('body').getAttribute('data-pwned'), null);
  });
});
