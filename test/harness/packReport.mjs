// Prints a pack's problems and its form figures (size, spread by domain, task and type, and whether the key
// shows in the options' form). `npm run pack [folder]`; the built-in pack by default. Exit 1 on problems.
import path from 'node:path';
import { createRequire } from 'node:module';
import { repoRoot } from './codeServer.mjs';

const require = createRequire(import.meta.url);
const { loadPack } = require(path.join(repoRoot, 'out/src/core/content/loader.js'));
const { readPackFolder } = require(path.join(repoRoot, 'out/src/core/content/packFiles.js'));
const { packFigures, formatPackFigures } = require(path.join(repoRoot, 'out/src/core/content/packFigures.js'));

const root = path.resolve(process.argv[2] ?? path.join(repoRoot, 'content', 'aws-ai-practitioner'));
const { files } = await readPackFolder(root);
const { pack, problems } = loadPack({ root, origin: 'workspace', files });
for (const p of problems) console.log(`${path.relative(root, p.file)}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.severity} ${p.code}: ${p.message}`);
console.log(`${problems.length} problem${problems.length === 1 ? '' : 's'}`);
if (pack) for (const line of formatPackFigures(packFigures(pack))) console.log(line);
process.exit(problems.length > 0 || !pack ? 1 : 0);
