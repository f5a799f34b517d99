// Runs the unit suite (compiled to out/test/unit) with mocha in plain Node and returns the counts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printFailures, runMocha } from './mocha.mjs';
import { repoRoot } from './codeServer.mjs';

export async function runUnit() {
  const dir = path.join(repoRoot, 'out', 'test', 'unit');
  const files = fs.readdirSync(dir, { recursive: true }).filter((n) => n.endsWith('.test.js')).sort();
  return runMocha(files.map((f) => path.join(dir, f)), { timeout: 20_000 });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await runUnit();
  printFailures(r.failures);
  console.log(`unit: ${r.passed} passed, ${r.failed} failed`);
  process.exit(r.code);
}
