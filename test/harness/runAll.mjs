// `npm test`: every layer, in order of cost; fails if any fails. Ends with one line that sums every
// layer, "N passed, N failed", for CI to count. Type check and lint count as one check each.
import { spawnSync } from 'node:child_process';
import { ensureCodeServer, OLDEST_CODE_SERVER_VERSION, repoRoot } from './codeServer.mjs';
import { parseFailures } from './mocha.mjs';
import { oldEditorLayers } from './runOldEditor.mjs';

const layers = [];
const started = Date.now();

function step(name, cmd, args) {
  console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')}`);
  const t = Date.now();
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit' });
  const ok = r.status === 0;
  layers.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, failures: ok ? [] : [`exit code ${r.status}`], seconds: (Date.now() - t) / 1000 });
  return ok;
}

/** The counts a layer's own script ends with ("N passed, N failed"); a failing exit counts as a failure. */
function parseCounts(stdout, status) {
  const m = /(\d+) passed, (\d+) failed\s*$/.exec(stdout ?? '');
  if (!m) return { passed: 0, failed: 1 };
  return { passed: Number(m[1]), failed: Number(m[2]) + (status !== 0 && Number(m[2]) === 0 ? 1 : 0) };
}

/** Runs a layer's own script and reads the "N passed, N failed" it ends with. */
function countsOf(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  process.stdout.write(r.stdout ?? '');
  return { ...parseCounts(r.stdout, r.status), failures: parseFailures(r.stdout) };
}

async function suite(name, load) {
  console.log(`\n=== ${name}`);
  const t = Date.now();
  let r;
  try {
    r = await (await load())();
  } catch (e) {
    console.error(`${name} could not run: ${e.stack ?? e}`);
    r = { passed: 0, failed: 1, failures: [`could not run: ${String(e?.message ?? e).split('\n')[0]}`] };
  }
  if (r.passed + r.failed === 0) r = { passed: 0, failed: 1, failures: ['ran no tests'] }; // a layer that ran nothing has failed
  layers.push({ name, passed: r.passed, failed: r.failed, failures: r.failures ?? [], seconds: (Date.now() - t) / 1000 });
}

const built = step('build', 'node', ['esbuild.mjs', '--tests']);
step('typecheck', 'npx', ['tsc', '-p', '.', '--noEmit']);
step('typecheck (webview)', 'npx', ['tsc', '-p', 'media', '--noEmit']);
step('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
step('translations (l10n bundle, package.nls)', 'node', ['test/harness/checkL10n.mjs']);
step('README matches the manifest', 'node', ['test/harness/checkDocs.mjs']);
if (built) {
  await suite('unit', async () => (await import('./runUnit.mjs')).runUnit);
  await suite('integration (real VS Code extension host)', async () => (await import('./runIntegration.mjs')).runIntegration);
  await suite('end-to-end (browser)', async () => (await import('./runE2E.mjs')).runE2E);
  // The oldest VS Code the manifest claims (engines.vscode ^1.96.0): code-server 4.96.4 is VS Code 1.96.4.
  // Installed here (about a minute, once; nothing to do when its stamp is there), then the integration suite
  // and the palette end-to-end test run on it, each in a process of its own: mocha cannot load the e2e files
  // twice in one process. One after the other: run beside the end-to-end layer (to save its ~25 s), a
  // workspace-pack test timed out in 3 of 4 runs on this 2-core machine, on either editor.
  const OLD = OLDEST_CODE_SERVER_VERSION;
  let oldEditor;
  try {
    oldEditor = ensureCodeServer(OLD);
  } catch (e) {
    console.error(`code-server ${OLD} could not be installed: ${e.stack ?? e}`);
  }
  const oldVscode = oldEditor ? `VS Code ${oldEditor.vscode.replace(/\.\d+$/, '')}` : `code-server ${OLD}`;
  const [[, oldIntegrationArgs], [, oldPaletteArgs]] = oldEditorLayers(OLD);
  const onOld = (args) => async () => () => (oldEditor ? countsOf('node', args) : { passed: 0, failed: 1 });
  await suite(`integration on ${oldVscode} (code-server ${OLD})`, onOld(oldIntegrationArgs));
  await suite(`end-to-end palette on ${oldVscode}`, onOld(oldPaletteArgs));
  // What users install: the packaged .vsix, checked and smoke-tested (`npm run test:vsix` runs all of e2e on it).
  // In a process of its own: the e2e files are ES modules, which mocha cannot load twice in one process.
  await suite('packaged .vsix (vsce, size, e2e subset)', async () => () => countsOf('node', ['test/harness/runVsix.mjs', 'foundation.test.mjs', 'exam.test.mjs']));
}

console.log('\n=== summary');
for (const l of layers) console.log(`${l.failed ? '✘' : '✔'} ${l.name.padEnd(50)} ${String(l.passed).padStart(4)} passed ${String(l.failed).padStart(3)} failed  ${l.seconds.toFixed(1)} s`);
// What failed, by name: CI keeps only the end of the output.
const failedTests = layers.flatMap((l) => (l.failed ? (l.failures.length ? l.failures : ['(see its output above)']).map((f) => `${l.name} › ${f}`) : []));
if (failedTests.length) console.log(`\nfailed:\n${failedTests.map((f) => `  ✘ ${f}`).join('\n')}`);
const passed = layers.reduce((a, l) => a + l.passed, 0);
const failed = layers.reduce((a, l) => a + l.failed, 0);
console.log(`total time ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
