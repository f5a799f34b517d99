import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { loadPack } from './loader';
import { listPackFolders, readPackFolder } from './packFiles';
import { toPackCache } from './packCache';

/** Build step: loads each built-in pack and writes its cache; a pack with problems is not cached. */
export async function writePackCaches(contentDir: string, outDir: string): Promise<string[]> {
  await fs.mkdir(outDir, { recursive: true });
  const report: string[] = [];
  for (const root of await listPackFolders(contentDir)) {
    const name = path.basename(root);
    if (name === 'schema') continue;
    const { files } = await readPackFolder(root);
    const { pack, problems } = loadPack({ root, origin: 'builtin', files });
    const target = path.join(outDir, `${name}.json`);
    if (!pack || problems.length > 0) {
      await fs.rm(target, { force: true });
      report.push(`${name}: not cached (${problems.length} problems; it loads from YAML and shows them)`);
      continue;
    }
    await fs.writeFile(target, JSON.stringify(toPackCache(pack, files)));
    report.push(`${name}: cached`);
  }
  return report;
}
