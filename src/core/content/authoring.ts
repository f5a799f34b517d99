import { isMap, isSeq, parseDocument, YAMLSeq } from 'yaml';
import { idRegExp } from './schema';

export { slugify, uniqueId } from './ids';

export interface NewTerm {
  readonly id: string;
  readonly term: string;
  readonly definition: string;
  readonly expansion?: string;
}

/**
 * Appends a term to glossary text, keeping the author's comments and layout (edits the YAML document,
 * not the text). Throws with a message to show when the file cannot be edited safely.
 */
export function addTermToGlossary(text: string, entry: NewTerm): string {
  if (!idRegExp.test(entry.id)) throw new Error(`"${entry.id}" is not a valid id`);
  let doc = parseDocument(text.trim() === '' ? 'terms: []\n' : text);
  if (doc.errors.length > 0) throw new Error(`the glossary has YAML errors (${doc.errors[0].message.split('\n')[0]}); fix them first`);
  // A file of comments only: keep them and start the list below.
  if (doc.contents === null) doc = parseDocument(`${text.replace(/\s*$/, '\n')}terms: []\n`);
  if (!isMap(doc.contents)) throw new Error('the glossary is not a mapping with a "terms:" list');
  let terms = doc.get('terms', true);
  if (terms === undefined || terms === null || (!isSeq(terms) && (terms as { value?: unknown }).value === null)) {
    terms = new YAMLSeq();
    doc.set('terms', terms);
  }
  if (!isSeq(terms)) throw new Error('"terms" in the glossary is not a list');
  const value: Record<string, string> = { id: entry.id, term: entry.term };
  if (entry.expansion) value.expansion = entry.expansion;
  value.definition = entry.definition;
  const node = doc.createNode(value);
  (terms as YAMLSeq).flow = false;
  (terms as YAMLSeq).items.push(node);
  return doc.toString({ lineWidth: 0 });
}
