// Runs test/integration inside a real VS Code extension host: code-server, opened in Debian's chromium,
// with the extensionDevelopmentPath / extensionTestsPath payload that VS Code's own browser tests use.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { launchBrowser } from './browser.mjs';
import { editorArg, repoRoot, startCodeServer } from './codeServer.mjs';
import { printFailures } from './mocha.mjs';

export function makeWorkspace(name = 'sample-workspace') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studydeck-ws-'));
  fs.cpSync(path.join(repoRoot, 'test', 'fixtures', name), dir, { recursive: true });
  return dir;
}

/**
 * @param {{ timeoutMs?: number, quiet?: boolean, measuresOnly?: boolean, version?: string }} opts `version`: the
 * code-server to run in (default CODE_SERVER_VERSION, or $STUDYDECK_EDITOR, e.g. 4.96.4 for VS Code 1.96)
 */
export async function runIntegration({ timeoutMs = 240_000, quiet = false, measuresOnly = false, version } = {}) {
  const workspace = makeWorkspace();
  const resultsFile = path.join(os.tmpdir(), `studydeck-integration-${process.pid}-${Date.now()}.json`);
  const cs = await startCodeServer({
    version,
    env: { STUDYDECK_RESULTS: resultsFile, STUDYDECK_GREP: process.env.STUDYDECK_GREP ?? '' },
    settings: { 'editor.hover.delay': 100 },
  });
  const browser = await launchBrowser();
  let code;
  let timedOut;
  try {
    const page = await browser.context.newPage();
    let exit;
    const exited = new Promise((r) => (exit = r));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      if (quiet) return;
      if (measuresOnly && !/\[measure\]|failing|passing/.test(format(...(Array.isArray(args) ? args : [args])))) return;
      const text = format(...(Array.isArray(args) ? args : [args]));
      // The workbench's own noise (no network here) is not ours to print.
      if (/open-vsx\.org|ENOTFOUND|\[AgentHost\]|\[AccountPolicyGate\]|\[ChatModelSelection\]|^\s+at /.test(text)) return;
      // The extension host's console: mocha's report and anything the tests print.
      process.stdout.write(`${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (c) => exit(c));
    const remote = (p) => `vscode-remote://${cs.host}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(repoRoot)],
      ['extensionTestsPath', remote(path.join(repoRoot, 'out', 'test', 'integration', 'index.js'))],
      ['skipWelcome', 'true'],
    ];
    await page.goto(`${cs.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    let timer;
    code = await Promise.race([exited, new Promise((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)))]);
    clearTimeout(timer);
    if (code === 'timeout') {
      fs.mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true });
      await page.screenshot({ path: path.join(repoRoot, 'test-results', version ? `integration-timeout-vscode-${cs.vscode}.png` : 'integration-timeout.png') }).catch(() => {});
      const logs = path.join(cs.userDataDir, 'logs');
      console.error(`Integration tests (VS Code ${cs.vscode}) timed out after ${timeoutMs / 1000} s. Extension host log: ${logs}/*/exthost1/remoteexthost.log; code-server log: ${cs.logFile}`);
      code = 1;
      timedOut = `the suite did not finish within ${timeoutMs / 1000} s (screenshot in test-results/)`;
    }
  } finally {
    await browser.close();
    cs.stop();
  }
  let results = { passed: 0, failed: code === 0 ? 0 : 1 };
  try {
    results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    fs.rmSync(resultsFile);
  } catch {
    if (code === 0) results = { passed: 0, failed: 1 }; // exited without running the suite: a failure
  }
  fs.rmSync(workspace, { recursive: true, force: true });
  if (timedOut) results.failures = [...(results.failures ?? []), timedOut];
  return { code: code === 0 && results.failed === 0 ? 0 : 1, ...results };
}

// `node test/harness/runIntegration.mjs [--editor 4.96.4]`
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { version } = editorArg(process.argv.slice(2));
  const r = await runIntegration({ version });
  printFailures(r.failures);
  console.log(`integration${version ? ` (code-server ${version})` : ''}: ${r.passed} passed, ${r.failed} failed`);
  process.exit(r.code);
}
