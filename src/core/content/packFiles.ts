import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { kindOfPackFile, type PackFile } from './packFile';

/** The files of a pack folder the loader understands, relative to it ("pack.yaml", "topics/x.yaml"), sorted. */
async function packFileNames(root: string): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await fs.readdir(root, { withFileTypes: true }).catch(() => [])) {
    if (entry.isFile()) names.push(entry.name);
    else if (entry.isDirectory() && (entry.name === 'topics' || entry.name === 'glossary')) {
      for (const f of await fs.readdir(path.join(root, entry.name), { withFileTypes: true }).catch(() => [])) if (f.isFile()) names.push(`${entry.name}/${f.name}`);
    }
  }
  return names.filter((n) => kindOfPackFile(n) !== undefined).sort();
}

/** Reads every file of a pack folder the loader understands. Unreadable files are reported, not thrown. */
export async function readPackFolder(root: string): Promise<{ files: PackFile[]; unreadable: { path: string; error: string }[] }> {
  const files: PackFile[] = [];
  const unreadable: { path: string; error: string }[] = [];
  await Promise.all(
    (await packFileNames(root)).map(async (relative) => {
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

/**
 * A fingerprint of the files of these pack folders that the loader would read, by path, size and
 * modification time. It costs a few directory reads and stats, no file contents, so it can be taken on every
 * window focus to catch a change whose watcher event never came (a `git pull` in a terminal on a network or
 * container file system).
 */
export async function packStamp(roots: readonly string[]): Promise<string> {
  const lines: string[] = [];
  for (const root of roots) {
    // Stats in parallel, as the files are read; the lines keep the sorted names' order.
    const names = await packFileNames(root);
    const stats = await Promise.all(names.map((relative) => fs.stat(path.join(root, ...relative.split('/'))).catch(() => undefined)));
    names.forEach((relative, i) => lines.push(`${root}/${relative}\0${stats[i] ? `${stats[i].size}\0${stats[i].mtimeMs}` : '-'}`));
  }
  return createHash('sha1').update(lines.join('\n')).digest('hex');
}
