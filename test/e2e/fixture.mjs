// Opens a real VS Code (code-server) in Debian's chromium with Study Deck loaded from this repo, for
// tests that click, type and read what a person sees.
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../harness/browser.mjs';
import { CODE_SERVER_VERSION, installVsix, repoRoot, startCodeServer } from '../harness/codeServer.mjs';
import os from 'node:os';
import { makeWorkspace } from '../harness/runIntegration.mjs';

export const ARTIFACTS = path.join(repoRoot, 'test-results');
/** README pictures: `npm run screenshots` refreshes every media/screenshots/*.png the README shows. */
const README_SHOTS = process.env.STUDYDECK_SCREENSHOTS ? new Set([...fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8').matchAll(/media\/screenshots\/([\w-]+)\.png/g)].map((m) => m[1])) : new Set();

/**
 * @param {{ workspace?: string, settings?: object, theme?: string, workspaceTrust?: boolean }} opts
 */
export async function openEditor(opts = {}) {
  const workspace = opts.workspace ?? makeWorkspace();
  // With STUDYDECK_VSIX the suite runs against the packaged extension, installed as a user would install it.
  const vsix = process.env.STUDYDECK_VSIX;
  const dirs = {};
  if (vsix) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'studydeck-vsix-'));
    dirs.extensionsDir = path.join(tmp, 'extensions');
    dirs.userDataDir = path.join(tmp, 'user-data');
    fs.mkdirSync(dirs.extensionsDir, { recursive: true });
    installVsix(vsix, dirs.extensionsDir, dirs.userDataDir);
  }
  const cs = await startCodeServer({
    ...dirs,
    workspaceTrust: opts.workspaceTrust,
    settings: {
      'editor.hover.delay': 150,
      'workbench.colorTheme': opts.theme ?? 'Default Dark Modern',
      'window.commandCenter': false,
      'chat.disableAIFeatures': true,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      ...(opts.settings ?? {}),
    },
  });
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  // The payload (extensionDevelopmentPath) is honoured only with the smoke-test driver, which also
  // expects these two functions to exist.
  await page.exposeFunction('codeAutomationLog', () => {});
  await page.exposeFunction('codeAutomationExit', () => {});
  const payload = [...(vsix ? [] : [['extensionDevelopmentPath', `vscode-remote://${cs.host}${repoRoot}`]]), ['skipWelcome', 'true']];
  await page.goto(`${cs.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  if (!opts.workspaceTrust) await page.locator('.activitybar [aria-label^="Study Deck"]').first().waitFor({ timeout: 60_000 });
  return {
    page,
    workspace,
    cs,
    async screenshot(name) {
      // On another editor than the default (STUDYDECK_EDITOR), in a folder of its own, e.g. test-results/vscode-1.96.4/.
      const latest = cs.version === CODE_SERVER_VERSION;
      const dir = latest ? ARTIFACTS : path.join(ARTIFACTS, `vscode-${cs.vscode}`);
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${name}.png`);
      await page.screenshot({ path: file });
      if (latest && README_SHOTS.has(name)) {
        fs.mkdirSync(path.join(repoRoot, 'media', 'screenshots'), { recursive: true });
        fs.copyFileSync(file, path.join(repoRoot, 'media', 'screenshots', `${name}.png`));
      }
      return file;
    },
    async close() {
      await browser.close();
      cs.stop();
      fs.rmSync(workspace, { recursive: true, force: true });
    },
  };
}

/**
 * The text box of the quick input (command palette, Quick Open, QuickPick). Only the box: VS Code 1.96 also
 * draws each row's checkbox and "toggle all" as <input> elements in the widget.
 */
export function quickInputBox(page) {
  return page.locator('.quick-input-widget .quick-input-box input').first();
}

/** Runs a command from the palette by its title, waiting until the palette lists it. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = quickInputBox(page);
  await input.waitFor();
  await input.fill(`>${title}`);
  // Choose the row whose label is exactly the title: fuzzy ordering may put a longer match first.
  const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`);
  const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: exact }) }).first();
  await row.waitFor({ timeout: 15_000 });
  await row.click();
}

/** Switches the colour theme as a person would, through "Preferences: Color Theme". */
export async function setTheme(page, label, bodyClass) {
  await runCommand(page, 'Preferences: Color Theme');
  const input = quickInputBox(page);
  await input.fill(label);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.monaco-workbench.${bodyClass}`).waitFor({ timeout: 15_000 });
}

/** Opens a workspace file with Quick Open. */
export async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  const input = quickInputBox(page);
  await input.waitFor();
  await input.fill(name);
  const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/\./g, '\\.')}$`) }) }).first();
  await row.click();
  await page.locator(`.tab.active[aria-label*="${name}"]`).first().waitFor();
}

/** Moves the mouse onto `word` in the visible editor and returns the hover's text. */
export async function hoverWord(page, word, expect) {
  const box = await wordBox(page, word);
  const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content', { hasText: expect });
  // A hover asked for before the extension has activated comes back empty and is not asked again:
  // as a person would, move away and back until it shows.
  for (let attempt = 0; ; attempt++) {
    await page.mouse.move(box.x - 60, box.y + 60);
    await page.mouse.move(box.x, box.y, { steps: 4 });
    try {
      await hover.first().waitFor({ timeout: 3_000 });
      return hover.first();
    } catch (e) {
      if (attempt >= 5) throw e;
    }
  }
}

/** The centre of `word` in the visible editor; the tab can be active a moment before its lines are laid out. */
export async function wordBox(page, word) {
  for (let i = 0; i < 50; i++) {
    if (i) await page.waitForTimeout(200);
    const box = await findWord(page, word);
    if (box) return box;
  }
  throw new Error(`"${word}" is not visible in the editor`);
}

function findWord(page, word) {
  return page.evaluate((w) => {
    for (const line of document.querySelectorAll('.editor-instance .view-line')) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent.replace(/\u00a0/g, ' ');
        const re = new RegExp(`(^|[^\\p{L}\\p{N}_])(${w})(?![\\p{L}\\p{N}_])`, 'u');
        const m = re.exec(text);
        if (m) {
          const start = m.index + m[1].length;
          const range = document.createRange();
          range.setStart(n, start);
          range.setEnd(n, start + w.length);
          const r = range.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
      }
    }
    return null;
  }, word);
}

/** The document inside the active webview panel. */
export function webview(page) {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

/** Opens the Study Deck side bar; clicking its icon when it is already open would close it. */
export async function showStudyDeck(page) {
  const icon = page.locator('.activitybar [aria-label^="Study Deck"]').first();
  await icon.waitFor({ timeout: 60_000 });
  if ((await icon.getAttribute('aria-selected')) !== 'true' || !(await page.locator('.sidebar').isVisible())) await icon.click();
  await page.locator('.sidebar .composite.title', { hasText: /Study Deck/i }).first().waitFor({ timeout: 30_000 });
}

/** Opens a topic's quiz from the tree: expands the domain and the topic, then clicks "Take the quiz". */
export async function openTopicQuiz(page, domain, topic) {
  await showStudyDeck(page);
  await page.getByRole('treeitem', { name: new RegExp(`^${domain}`) }).first().waitFor({ timeout: 30_000 });
  const domainRow = page.getByRole('treeitem', { name: new RegExp(`^${domain}`) }).first();
  if ((await domainRow.getAttribute('aria-expanded')) !== 'true') await domainRow.click();
  const topicRow = page.getByRole('treeitem', { name: topic }).first();
  if ((await topicRow.getAttribute('aria-expanded')) !== 'true') await topicRow.click();
  const quizRow = page.locator('.monaco-list-row[aria-level="4"]', { hasText: 'Take the quiz' });
  await quizRow.first().waitFor();
  // The action row right after the topic row belongs to it; look in the Topics tree's own list only. The
  // tree may redraw meanwhile (progress changed): click only when the row is "Take the quiz" and the topic
  // has not moved since its index was read.
  const rows = topicRow.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " monaco-list-rows ")][1]');
  for (let attempt = 0; ; attempt++) {
    const index = Number(await topicRow.getAttribute('data-index'));
    const row = rows.locator(`.monaco-list-row[data-index="${index + 2}"]`);
    const text = await row.innerText().catch(() => '');
    if (text.includes('Take the quiz') && Number(await topicRow.getAttribute('data-index')) === index) {
      await row.click();
      return;
    }
    if (attempt === 20) throw new Error(`no "Take the quiz" row under ${topic}`);
    await page.waitForTimeout(250);
  }
}

/** What kind of question the webview shows: 'choice', 'ordering' or 'matching'. */
export async function questionKind(frame) {
  if (await frame.locator('.ordering').count()) return 'ordering';
  if (await frame.locator('.matching').count()) return 'matching';
  return 'choice';
}

/**
 * Gives some whole answer to the question on screen, from the keyboard where the control allows: "1" picks
 * the first option, Alt+Down moves the first item of an ordering, Down picks the first free response of each
 * matching prompt. Returns the kind of question it was.
 */
export async function answerSomehow(page, frame) {
  const kind = await questionKind(frame);
  if (kind === 'choice') {
    await frame.locator('input[name="option"]').first().focus();
    await page.keyboard.press('1');
  } else if (kind === 'ordering') {
    await frame.locator('.order-item').first().focus();
    await page.keyboard.press('Alt+ArrowDown');
  } else {
    const n = await frame.locator('select.match-select').count();
    for (let i = 0; i < n; i++) {
      await frame.locator(`#match-${i}`).focus();
      await page.keyboard.press('ArrowDown');
    }
    // Letters typed in a select choose its entries, so leave it before using the shortcut keys again.
    await page.keyboard.press('Tab');
  }
  return kind;
}

/**
 * Mocha hooks for a describe block: one editor for its tests, a screenshot of each failure, closed after.
 * @param {() => Parameters<typeof openEditor>[0]} [options] called when the block starts
 */
export function useEditor(options) {
  const session = { editor: undefined };
  before(async () => {
    session.editor = await openEditor(options ? options() : {});
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && session.editor) await session.editor.screenshot(`failure-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });
  after(async () => {
    await session.editor?.close();
  });
  return session;
}
