// `npm run test:vsix`: packages the extension as users get it (production build, `vsce package`), then runs
// the whole end-to-end suite against that .vsix installed into code-server instead of this checkout.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './codeServer.mjs';

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const out = path.join(repoRoot, '.vscode-test', `${pkg.name}-${pkg.version}.vsix`);
fs.mkdirSync(path.dirname(out), { recursive: true });
const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
for (const [cmd, args] of [
  [process.execPath, ['esbuild.mjs', '--production']],
  [vsce, ['package', '--no-dependencies', '--out', out]],
]) {
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${path.basename(cmd)} ${args.join(' ')} failed`);
    process.exit(1);
  }
}
console.log(`testing ${path.relative(repoRoot, out)} (${Math.round(fs.statSync(out).size / 1024)} KB)`);
process.env.STUDYDECK_VSIX = out;
const { runE2E } = await import('./runE2E.mjs');
const r = await runE2E();
console.log(`vsix e2e: ${r.passed} passed, ${r.failed} failed`);
process.exit(r.code);
