// `npm run test:vsix`: packages the extension as users get it (production build, `vsce package`), then runs
// the end-to-end suite against that .vsix installed into code-server instead of this checkout. `npm test`
// runs a part of it (STUDYDECK_VSIX_FILES); the package itself must come out of vsce without a warning.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from './codeServer.mjs';
import { printFailures } from './mocha.mjs';

export async function runVsix({ files } = {}) {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const out = path.join(repoRoot, '.vscode-test', `${pkg.name}-${pkg.version}.vsix`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const build = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: repoRoot, stdio: 'inherit' });
  const vsce = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', out], { cwd: repoRoot, encoding: 'utf8' });
  process.stdout.write(vsce.stdout ?? '');
  process.stderr.write(vsce.stderr ?? '');
  const warnings = `${vsce.stdout}\n${vsce.stderr}`.split('\n').filter((l) => /WARNING/i.test(l));
  // The e2e layer below rebuilds the development bundle for the other layers' sake.
  const restore = () => spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0 || vsce.status !== 0 || warnings.length) {
    console.error(warnings.length ? `vsce warned:\n${warnings.join('\n')}` : 'packaging failed');
    restore();
    return { code: 1, passed: 0, failed: 1, failures: [warnings.length ? 'vsce warned' : 'packaging failed'] };
  }
  const size = fs.statSync(out).size;
  console.log(`testing ${path.relative(repoRoot, out)} (${Math.round(size / 1024)} KB)`);
  process.env.STUDYDECK_VSIX = out;
  if (files) process.env.STUDYDECK_E2E_FILES = files.join(',');
  try {
    const { runE2E } = await import('./runE2E.mjs');
    const r = await runE2E();
    // Packaging itself counts as one check: built, no warnings, under 1 MB.
    const ok = size < 1024 * 1024;
    if (!ok) console.error(`the .vsix is ${Math.round(size / 1024)} KB, over 1 MB`);
    return { code: r.code || (ok ? 0 : 1), passed: r.passed + (ok ? 1 : 0), failed: r.failed + (ok ? 0 : 1), failures: [...r.failures, ...(ok ? [] : [`the .vsix is ${Math.round(size / 1024)} KB, over 1 MB`])] };
  } finally {
    delete process.env.STUDYDECK_VSIX;
    delete process.env.STUDYDECK_E2E_FILES;
    restore();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = process.argv.slice(2);
  const r = await runVsix(files.length ? { files } : {});
  printFailures(r.failures);
  console.log(`vsix e2e: ${r.passed} passed, ${r.failed} failed`);
  process.exit(r.code);
}
