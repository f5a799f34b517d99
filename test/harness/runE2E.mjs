// Runs the browser end-to-end suite (test/e2e/*.test.mjs) with mocha in Node.
// `node test/harness/runE2E.mjs [--editor 4.96.4] [palette.test.mjs …]`: the editor to run in (default
// code-server 4.139.1, or $STUDYDECK_EDITOR) and the files to run (default all, or $STUDYDECK_E2E_FILES).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printFailures, runMocha } from './mocha.mjs';
import { assertChromium } from './browser.mjs';
import { editorArg, ensureCodeServer, repoRoot } from './codeServer.mjs';

/** @param {{ files?: string[], version?: string }} [opts] */
export async function runE2E({ files: asked, version } = {}) {
  assertChromium();
  const inst = ensureCodeServer(version);
  const dir = path.join(repoRoot, 'test', 'e2e');
  const only = asked?.length ? asked : process.env.STUDYDECK_E2E_FILES?.split(',');
  const all = fs.readdirSync(dir).filter((n) => n.endsWith('.test.mjs'));
  const unknown = (only ?? []).filter((n) => !all.includes(n));
  if (unknown.length) throw new Error(`no such end-to-end test file in test/e2e: ${unknown.join(', ')}`);
  const files = all.filter((n) => !only || only.includes(n)).sort();
  // The fixture starts code-server through startCodeServer, which reads the editor from the environment.
  const before = process.env.STUDYDECK_EDITOR;
  process.env.STUDYDECK_EDITOR = inst.version;
  try {
    return await runMocha(files.map((f) => path.join(dir, f)), { timeout: 120_000, esm: true });
  } finally {
    if (before === undefined) delete process.env.STUDYDECK_EDITOR;
    else process.env.STUDYDECK_EDITOR = before;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { version, rest } = editorArg(process.argv.slice(2));
  const r = await runE2E({ files: rest, version });
  printFailures(r.failures);
  console.log(`e2e${version ? ` (code-server ${version})` : ''}: ${r.passed} passed, ${r.failed} failed`);
  process.exit(r.code);
}
