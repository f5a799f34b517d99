/** Pack files as the loader reads them; no YAML here, so the extension can list packs without the parser. */
import type { FileKind } from './schema';

export interface PackFile {
  /** Absolute path; problems point at it. */
  readonly path: string;
  /** Path relative to the pack folder with forward slashes: pack.yaml, glossary.yaml, glossary/x.yaml, topics/x.yaml. */
  readonly relative: string;
  readonly text: string;
}

/** Which kind of pack file a relative path is, or undefined for files the loader ignores. */
export function kindOfPackFile(relative: string): FileKind | undefined {
  if (relative === 'pack.yaml' || relative === 'pack.yml') return 'pack';
  if (/^glossary\.ya?ml$/.test(relative) || /^glossary\/[^/]+\.ya?ml$/.test(relative)) return 'glossary';
  if (/^topics\/[^/]+\.ya?ml$/.test(relative)) return 'topic';
  return undefined;
}
