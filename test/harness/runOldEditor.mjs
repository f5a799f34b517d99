// `npm run test:old-editor`: the oldest VS Code the manifest claims (engines.vscode ^1.96.0), code-server
// 4.96.4 = VS Code 1.96.4: the whole integration suite, then the palette end-to-end test. Each runs in a
// process of its own (the e2e files are ES modules, which mocha cannot load twice in one process); the
// counts are added up into one closing "N passed, N failed". `npm test` runs the same two layers.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer, OLDEST_CODE_SERVER_VERSION, repoRoot } from './codeServer.mjs';
import { parseFailures, printFailures } from './mocha.mjs';

/** The two layers on the old editor, as [name, script arguments]. */
export function oldEditorLayers(version = OLDEST_CODE_SERVER_VERSION) {
  return [
    ['integration', ['test/harness/runIntegration.mjs', '--editor', version]],
    ['end-to-end palette', ['test/harness/runE2E.mjs', '--editor', version, 'palette.test.mjs']],
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const inst = ensureCodeServer(OLDEST_CODE_SERVER_VERSION);
  let passed = 0;
  let failed = 0;
  const failures = [];
  for (const [name, args] of oldEditorLayers(inst.version)) {
    const t = Date.now();
    const r = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
    process.stdout.write(r.stdout ?? '');
    const m = /(\d+) passed, (\d+) failed\s*$/.exec(r.stdout ?? '');
    const counts = m ? { passed: Number(m[1]), failed: Number(m[2]) + (r.status !== 0 && Number(m[2]) === 0 ? 1 : 0) } : { passed: 0, failed: 1 };
    console.log(`--- ${name} on VS Code ${inst.vscode}: ${counts.passed} passed, ${counts.failed} failed in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    failures.push(...parseFailures(r.stdout).map((f) => `${name}: ${f}`));
    passed += counts.passed;
    failed += counts.failed;
  }
  printFailures(failures);
  console.log(`VS Code ${inst.vscode}: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
