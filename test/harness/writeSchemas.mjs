// Writes content/schema/*.schema.json from src/core/content/schema.ts, the single source of truth
// for the pack format. `npm run schema` after changing the format; a unit test fails if they drift.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { repoRoot } from './codeServer.mjs';

const require = createRequire(import.meta.url);
const { jsonSchemaFor } = require(path.join(repoRoot, 'out/src/core/content/schema.js'));
const dir = path.join(repoRoot, 'content', 'schema');
fs.mkdirSync(dir, { recursive: true });
for (const kind of ['pack', 'glossary', 'topic']) {
  fs.writeFileSync(path.join(dir, `${kind}.schema.json`), JSON.stringify(jsonSchemaFor(kind), null, 2) + '\n');
  console.log(`wrote content/schema/${kind}.schema.json`);
}
