// Keeps the README true: it opens with the two commands, every picture it shows exists, and every setting
// and command the manifest contributes is described.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { repoRoot } from './codeServer.mjs';

const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const nls = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8'));
const problems = [];

const top = readme.split('\n').slice(0, 8).join('\n');
for (const cmd of ['npm install && npm start', 'npm test']) if (!top.includes(cmd)) problems.push(`the README's first lines do not show \`${cmd}\``);
for (const [, file] of readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) {
  if (!/^https?:/.test(file) && !fs.existsSync(path.join(repoRoot, file))) problems.push(`the README shows ${file}, which does not exist (npm run screenshots makes it)`);
}
if (/!\[\]\(/.test(readme)) problems.push('a README picture has no alt text');
for (const key of Object.keys(manifest.contributes.configuration.properties)) if (!readme.includes(`\`${key}\``)) problems.push(`the README does not describe the setting ${key}`);
for (const c of manifest.contributes.commands) {
  const title = (c.title.startsWith('%') ? nls[c.title.slice(1, -1)] : c.title).replace(/…$/, '');
  if (!readme.includes(title)) problems.push(`the README does not mention the command "${title}" (${c.command})`);
}
// The built-in pack's figures as the README states them, from the compiled loader (npm test builds it first).
const require = createRequire(import.meta.url);
const { loadPack } = require(path.join(repoRoot, 'out/src/core/content/loader.js'));
const { readPackFolder } = require(path.join(repoRoot, 'out/src/core/content/packFiles.js'));
const { packFigures, readmeFigures } = require(path.join(repoRoot, 'out/src/core/content/packFigures.js'));
const root = path.join(repoRoot, 'content', 'aws-ai-practitioner');
const { pack } = loadPack({ root, origin: 'builtin', files: (await readPackFolder(root)).files });
const want = readmeFigures(packFigures(pack), pack.tasks.length);
const said = /<!-- pack-figures -->([\s\S]*?)<!-- \/pack-figures -->/.exec(readme)?.[1];
if (said !== want) problems.push(`the README's pack figures say "${said}"; the pack has "${want}"`);
if (problems.length) {
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log('README: commands on top, pictures present, every setting and command described, pack figures true.');
