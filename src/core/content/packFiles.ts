import { promises as fs } from 'node:fs';
import path from 'node:path';
import { kindOfPackFile, type PackFile } from './packFile';

/** Reads every file of a pack folder the loader understands. Unreadable files are reported, not thrown. */
export async function readPackFolder(root: string): Promise<{ files: PackFile[]; unreadable: { path: string; error: string }[] }> {
  const files: PackFile[] = [];
  const unreadable: { path: string; error: string }[] = [];
  const candidates: string[] = [];
  const top = await fs.readdir(root, { withFileTypes: true }).catch(() => []);
  for (const entry of top) {
    if (entry.isFile()) candidates.push(entry.name);
    else if (entry.isDirectory() && (entry.name === 'topics' || entry.name === 'glossary')) {
      const inner = await fs.readdir(path.join(root, entry.name), { withFileTypes: true }).catch(() => []);
      for (const f of inner) if (f.isFile()) candidates.push(`${entry.name}/${f.name}`);
    }
  }
  await Promise.all(
    candidates
      .filter((rel) => kindOfPackFile(rel) !== undefined)
      .map(async (relative) => {
        const abs = path.join(root, ...relative.split('/'));
        try {
          files.push({ path: abs, relative, text: await fs.readFile(abs, 'utf8') });
        } catch (e) {
          unreadable.push({ path: abs, error: (e as Error).message });
        }
      }),
  );
  return { files, unreadable };
}

/** The pack folders directly under a directory (the built-in content/ or a workspace's .studydeck/). */
export async function listPackFolders(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => path.join(dir, e.name)).sort();
}
