// Entry point the editor loads (extensionTestsPath): runs the integration suite with mocha inside the
// real extension host and reports the counts to the launcher through a results file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  const grep = process.env.STUDYDECK_GREP;
  if (grep) mocha.grep(grep);
  const dir = __dirname;
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    // The titles of failed tests go to the launcher too: CI keeps only the end of the output.
    const failed: string[] = [];
    const runner = mocha.run((failures) => {
      const out = process.env.STUDYDECK_RESULTS;
      if (out) fs.writeFileSync(out, JSON.stringify({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? failures, failures: failed }));
      if (failures > 0) reject(new Error(`${failures} integration tests failed`));
      else resolve();
    });
    runner.on('fail', (test, err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      failed.push(`${test.fullTitle()}: ${message.split('\n')[0].slice(0, 200)}`);
    });
  });
}
