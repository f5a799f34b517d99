import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { PackFile } from './packFile';
import type { Pack } from './model';

/**
 * Built-in packs are loaded by the same loader at build time and shipped as JSON, so the first hover does
 * not wait for a YAML parse (hundreds of milliseconds for the AIF-C01 pack, a JSON parse is a few). The
 * cache is used only while its fingerprint matches the pack's files; an edited pack is loaded from YAML.
 */
export const PACK_CACHE_VERSION = 3;

export interface PackCache {
  readonly version: number;
  readonly fingerprint: string;
  /** The pack with its root as "" and every source file relative to it. */
  readonly pack: Pack;
}

/** A hash of every file the loader reads, by relative path and content. */
export function packFingerprint(files: readonly PackFile[]): string {
  const h = createHash('sha256');
  h.update(`v${PACK_CACHE_VERSION}\0`);
  for (const f of [...files].sort((a, b) => a.relative.localeCompare(b.relative))) h.update(`${f.relative}\0${f.text}\0`);
  return h.digest('hex');
}

function rebase(pack: Pack, map: (file: string) => string, root: string): Pack {
  return {
    ...pack,
    root,
    topics: pack.topics.map((t) => ({
      ...t,
      source: { ...t.source, file: map(t.source.file) },
      questions: t.questions.map((q) => ({ ...q, source: { ...q.source, file: map(q.source.file) } })),
      cases: t.cases.map((c) => ({ ...c, source: { ...c.source, file: map(c.source.file) } })),
    })),
    terms: pack.terms.map((t) => ({ ...t, source: { ...t.source, file: map(t.source.file) } })),
  };
}

export function toPackCache(pack: Pack, files: readonly PackFile[]): PackCache {
  return { version: PACK_CACHE_VERSION, fingerprint: packFingerprint(files), pack: rebase(pack, (f) => path.relative(pack.root, f).split(path.sep).join('/'), '') };
}

/**
 * A pack shipped only as its cache (the packaged extension leaves the built-in YAML out to stay small):
 * nobody can edit its files, so there is no fingerprint to compare, only the cache's own version.
 */
export function fromShippedCache(cache: unknown, root: string): Pack | undefined {
  const c = cache as Partial<PackCache> | undefined;
  if (!c || c.version !== PACK_CACHE_VERSION || !c.pack) return undefined;
  return rebase(c.pack, (f) => path.join(root, ...f.split('/')), root);
}

/** The cached pack re-rooted at `root`, or undefined when the cache does not match these files. */
export function fromPackCache(cache: unknown, root: string, files: readonly PackFile[]): Pack | undefined {
  const c = cache as Partial<PackCache> | undefined;
  if (!c || c.version !== PACK_CACHE_VERSION || typeof c.fingerprint !== 'string' || !c.pack) return undefined;
  if (c.fingerprint !== packFingerprint(files)) return undefined;
  return rebase(c.pack, (f) => path.join(root, ...f.split('/')), root);
}
