// Runs the browser end-to-end suite (test/e2e/*.test.mjs) with mocha in Node.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Mocha from 'mocha';
import { assertChromium } from './browser.mjs';
import { ensureCodeServer, repoRoot } from './codeServer.mjs';

export async function runE2E() {
  assertChromium();
  ensureCodeServer();
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, reporter: 'spec', grep: process.env.STUDYDECK_GREP });
  const dir = path.join(repoRoot, 'test', 'e2e');
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.test.mjs')).sort()) mocha.addFile(path.join(dir, f));
  await mocha.loadFilesAsync();
  return new Promise((resolve) => {
    const runner = mocha.run((failures) => resolve({ code: failures ? 1 : 0, passed: runner.stats?.passes ?? 0, failed: failures }));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await runE2E();
  console.log(`e2e: ${r.passed} passed, ${r.failed} failed`);
  process.exit(r.code);
}
