// Runs the unit suite (compiled to out/test/unit) with mocha in plain Node and returns the counts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Mocha from 'mocha';
import { repoRoot } from './codeServer.mjs';

export async function runUnit() {
  const mocha = new Mocha({ ui: 'bdd', timeout: 20_000, reporter: 'spec', grep: process.env.STUDYDECK_GREP });
  const dir = path.join(repoRoot, 'out', 'test', 'unit');
  for (const f of fs.readdirSync(dir, { recursive: true }).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, f));
  return new Promise((resolve) => {
    const runner = mocha.run((failures) => resolve({ code: failures ? 1 : 0, passed: runner.stats?.passes ?? 0, failed: failures }));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await runUnit();
  console.log(`unit: ${r.passed} passed, ${r.failed} failed`);
  process.exit(r.code);
}
