// Runs the browser end-to-end suite (test/e2e/*.test.mjs) with mocha in Node.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMocha } from './mocha.mjs';
import { assertChromium } from './browser.mjs';
import { ensureCodeServer, repoRoot } from './codeServer.mjs';

export async function runE2E() {
  assertChromium();
  ensureCodeServer();
  const dir = path.join(repoRoot, 'test', 'e2e');
  const only = process.env.STUDYDECK_E2E_FILES?.split(',');
  const files = fs.readdirSync(dir).filter((n) => n.endsWith('.test.mjs') && (!only || only.includes(n))).sort();
  return runMocha(files.map((f) => path.join(dir, f)), { timeout: 120_000, esm: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await runE2E();
  console.log(`e2e: ${r.passed} passed, ${r.failed} failed`);
  process.exit(r.code);
}
