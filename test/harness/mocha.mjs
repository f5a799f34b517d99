// Runs mocha over a list of files in this process and returns the counts the summary line adds up, with the
// titles of the tests that failed: CI keeps only the end of the output, so the summary repeats them.
import Mocha from 'mocha';

/** One line per failed test: its full title and the first line of its error. */
export function failureLine(test, err) {
  const first = String(err?.message ?? err ?? '').split('\n')[0].slice(0, 200);
  return `${test.fullTitle()}: ${first}`;
}

export async function runMocha(files, { timeout, esm = false } = {}) {
  const mocha = new Mocha({ ui: 'bdd', timeout, reporter: 'spec', grep: process.env.STUDYDECK_GREP });
  for (const f of files) mocha.addFile(f);
  if (esm) await mocha.loadFilesAsync();
  return new Promise((resolve) => {
    const failures = [];
    const runner = mocha.run((failed) => resolve({ code: failed ? 1 : 0, passed: runner.stats?.passes ?? 0, failed, failures }));
    runner.on('fail', (test, err) => failures.push(failureLine(test, err)));
  });
}

/** Printed by a layer's own script before its closing count line, so `npm test` can list them at the end. */
export function printFailures(failures) {
  for (const f of failures ?? []) console.log(`✘ failed: ${f}`);
}

/** The failure lines a layer's script printed (see printFailures). */
export function parseFailures(stdout) {
  return [...(stdout ?? '').matchAll(/^✘ failed: (.*)$/gm)].map((m) => m[1]);
}
