// Runs mocha over a list of files in this process and returns the counts the summary line adds up.
import Mocha from 'mocha';

export async function runMocha(files, { timeout, esm = false } = {}) {
  const mocha = new Mocha({ ui: 'bdd', timeout, reporter: 'spec', grep: process.env.STUDYDECK_GREP });
  for (const f of files) mocha.addFile(f);
  if (esm) await mocha.loadFilesAsync();
  return new Promise((resolve) => {
    const runner = mocha.run((failures) => resolve({ code: failures ? 1 : 0, passed: runner.stats?.passes ?? 0, failed: failures }));
  });
}
