// Checks that l10n/bundle.l10n.json holds exactly the strings the code passes to vscode.l10n.t, by
// exporting them again into a scratch folder and comparing. `npm run l10n` rewrites the bundle.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './codeServer.mjs';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'studydeck-l10n-'));
const cli = path.join(repoRoot, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js');
const r = spawnSync(process.execPath, [fs.existsSync(cli) ? cli : path.join(repoRoot, 'node_modules', '.bin', 'vscode-l10n-dev'), 'export', '--outDir', scratch, path.join(repoRoot, 'src')], { encoding: 'utf8' });
if (r.status !== 0) {
  console.error(r.stdout, r.stderr);
  process.exit(1);
}
const fresh = JSON.parse(fs.readFileSync(path.join(scratch, 'bundle.l10n.json'), 'utf8'));
const committedFile = path.join(repoRoot, 'l10n', 'bundle.l10n.json');
const committed = fs.existsSync(committedFile) ? JSON.parse(fs.readFileSync(committedFile, 'utf8')) : {};
fs.rmSync(scratch, { recursive: true, force: true });

// The manifest's %key% placeholders and package.nls.json must match one to one.
const manifest = fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8');
const nls = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8'));
const used = new Set([...manifest.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]));
const nlsProblems = [...[...used].filter((k) => !(k in nls)).map((k) => `  package.json uses %${k}% but package.nls.json has no "${k}"`), ...Object.keys(nls).filter((k) => !used.has(k)).map((k) => `  package.nls.json has "${k}", which package.json does not use`)];
if (nlsProblems.length) {
  console.error(nlsProblems.join('\n'));
  process.exit(1);
}

const missing = Object.keys(fresh).filter((k) => !(k in committed));
const stale = Object.keys(committed).filter((k) => !(k in fresh));
if (missing.length || stale.length) {
  for (const k of missing) console.error(`  not in the bundle: ${JSON.stringify(k)}`);
  for (const k of stale) console.error(`  no longer in the code: ${JSON.stringify(k)}`);
  console.error(`l10n/bundle.l10n.json is out of date (${missing.length} missing, ${stale.length} stale). Run: npm run l10n`);
  process.exit(1);
}
console.log(`l10n/bundle.l10n.json is current: ${Object.keys(fresh).length} strings; package.nls.json: ${used.size} strings.`);
