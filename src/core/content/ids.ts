/** Ids for new entries; no YAML here, so commands can make ids without loading the parser. */

/** A kebab-case id from free text: "Amazon SageMaker Canvas" → "amazon-sagemaker-canvas". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'term';
}

/** An id not in `taken`: slug, slug-2, slug-3 ... */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
