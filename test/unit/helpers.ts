import { loadPack, type LoadResult, type PackFile } from '../../src/core/content/loader';
import type { Problem, Term } from '../../src/core/content/model';

export const ROOT = '/packs/demo';

export const PACK_YAML = `id: demo
title: Demo
version: 1
domains:
  - { id: d1, title: One, weight: 60 }
  - { id: d2, title: Two, weight: 40 }
`;

export const GLOSSARY_YAML = `terms:
  - id: peft
    term: PEFT
    definition: Parameter-efficient fine-tuning.
    topic: t1
  - id: lora
    term: LoRA
    definition: Low-rank adaptation.
    confusedWith: [peft]
`;

export function topic(id: string, questionsYaml: string, extra = ''): string {
  return `id: ${id}
title: Topic ${id}
domain: d1
${extra}notes: Some notes.
questions:
${questionsYaml}`;
}

export const GOOD_Q = `  - id: q1
    type: single
    prompt: Which?
    options:
      - { text: A, correct: true, why: Because. }
      - { text: B, why: Not this. }
    explanation: A is right.
    terms: [peft]
`;

/** Loads a demo pack; `files` maps relative paths to text and overrides the defaults. */
export function load(files: Record<string, string | undefined>): LoadResult {
  const all: Record<string, string | undefined> = { 'pack.yaml': PACK_YAML, 'glossary.yaml': GLOSSARY_YAML, 'topics/t1.yaml': topic('t1', GOOD_Q), ...files };
  const list: PackFile[] = Object.entries(all)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([relative, text]) => ({ relative, path: `${ROOT}/${relative}`, text }));
  return loadPack({ root: ROOT, origin: 'workspace', files: list });
}

/** [code, file, startLine, startChar, endLine, endChar] — 0-based, as in the editor's API. */
export function brief(p: Problem): [string, string, number, number, number, number] {
  return [p.code, p.file.slice(ROOT.length + 1), p.range.start.line, p.range.start.character, p.range.end.line, p.range.end.character];
}

/** A glossary term with a made-up definition, for matcher tests. */
export function term(id: string, text: string, aliases: string[] = []): Term {
  return { id, term: text, aliases, definition: `${text} definition`, confusedWith: [], packId: 'p', source: { file: 'g.yaml', line: 0 } };
}
