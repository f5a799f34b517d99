/**
 * The pack format, declared once. The validator walks YAML with these specs, and the JSON Schema in
 * content/ is generated from them (a unit test keeps the committed file equal to the generated one).
 */

import type { ProblemCode, Severity } from './model';

export type Scalar = 'string' | 'markdown' | 'id' | 'integer' | 'number' | 'boolean';

export type FieldType =
  | { readonly kind: 'scalar'; readonly scalar: Scalar; readonly enum?: readonly string[]; readonly minimum?: number }
  | { readonly kind: 'list'; readonly of: Scalar }
  | { readonly kind: 'record'; readonly record: RecordSpec }
  | { readonly kind: 'records'; readonly record: RecordSpec; readonly idShorthand?: boolean };

export interface FieldSpec {
  readonly type: FieldType;
  readonly required?: boolean;
  readonly description: string;
  /** A missing required field is an error that drops the entry, unless it has its own milder code. */
  readonly whenMissing?: { readonly code: ProblemCode; readonly severity: Severity };
}

export interface RecordSpec {
  readonly name: string;
  readonly fields: Readonly<Record<string, FieldSpec>>;
  /** Fields required only for some values of one field (a question's list depends on its type). */
  readonly variants?: { readonly field: string; readonly cases: Readonly<Record<string, readonly string[]>> };
}

export const ID_PATTERN = '^[a-z0-9]+(?:[-_.][a-z0-9]+)*$';
export const idRegExp = new RegExp(ID_PATTERN);

const s = (scalar: Scalar, extra: Partial<{ enum: readonly string[]; minimum: number }> = {}): FieldType => ({ kind: 'scalar', scalar, ...extra });

export const examSpec: RecordSpec = {
  name: 'exam',
  fields: {
    questions: { type: s('integer', { minimum: 1 }), required: true, description: 'Number of questions in the real exam.' },
    minutes: { type: s('integer', { minimum: 1 }), required: true, description: 'Time allowed, in minutes.' },
    passScore: { type: s('integer', { minimum: 0 }), required: true, description: 'Scaled score needed to pass.' },
    maxScore: { type: s('integer', { minimum: 1 }), required: true, description: 'Highest scaled score.' },
  },
};

export const domainSpec: RecordSpec = {
  name: 'domain',
  fields: {
    id: { type: s('id'), required: true, description: 'Stable id of the exam domain, referenced by topics.' },
    title: { type: s('string'), required: true, description: 'Domain title as the exam guide names it.' },
    short: { type: s('string'), description: 'A short title (about 25 characters) for the topics tree; the full title is its tooltip.' },
    weight: { type: s('number', { minimum: 0 }), required: true, description: 'Share of the exam in percent; the weights add up to 100.' },
  },
};

export const taskSpec: RecordSpec = {
  name: 'task',
  fields: {
    id: { type: s('string'), required: true, description: 'Task statement number as the exam guide gives it, e.g. "3.2" (quote it, so YAML keeps it text).' },
    title: { type: s('string'), required: true, description: 'The task statement, e.g. "Choose effective prompt engineering techniques."' },
    domain: { type: s('id'), description: 'Id of the domain the task belongs to.' },
  },
};

export const packSpec: RecordSpec = {
  name: 'pack',
  fields: {
    id: { type: s('id'), required: true, description: 'Stable pack id; for workspace packs, the folder name under .studydeck/.' },
    title: { type: s('string'), required: true, description: 'Pack title, as the exam is named.' },
    short: { type: s('string'), description: 'A short title (about 25 characters) for the topics tree; the full title is its tooltip.' },
    version: { type: s('integer', { minimum: 1 }), required: true, description: 'Content version, raised on each release of the pack.' },
    description: { type: s('markdown'), description: 'One or two sentences about the pack.' },
    exam: { type: { kind: 'record', record: examSpec }, description: 'The exam profile used by the mock exam.' },
    domains: { type: { kind: 'records', record: domainSpec }, required: true, description: 'Exam domains with their weights.' },
    tasks: { type: { kind: 'records', record: taskSpec }, description: 'The exam guide\'s task statements; a topic\'s "task" must be one of them when the list is given.' },
  },
};

export const confusedWithSpec: RecordSpec = {
  name: 'confusedWith',
  fields: {
    id: { type: s('id'), required: true, description: 'Id of the look-alike term.' },
    difference: { type: s('string'), description: 'The difference in one line.' },
  },
};

export const termSpec: RecordSpec = {
  name: 'term',
  fields: {
    id: { type: s('id'), required: true, description: 'Stable term id.' },
    term: { type: s('string'), required: true, description: 'The term as people write it; acronyms in capitals match case-sensitively.' },
    expansion: { type: s('string'), description: 'What an abbreviation stands for.' },
    aliases: { type: { kind: 'list', of: 'string' }, description: 'Other spellings and names; simple plurals match without listing them.' },
    definition: { type: s('markdown'), required: true, description: 'Two or three sentences of Markdown (raw HTML is not rendered).' },
    confusedWith: { type: { kind: 'records', record: confusedWithSpec, idShorthand: true }, description: 'Look-alike terms, each with the difference.' },
    topic: { type: s('id'), description: 'Id of the topic that teaches this term.' },
  },
};

export const glossarySpec: RecordSpec = {
  name: 'glossary',
  fields: {
    terms: { type: { kind: 'records', record: termSpec }, required: true, description: 'Glossary entries.' },
  },
};

export const optionSpec: RecordSpec = {
  name: 'option',
  fields: {
    text: { type: s('markdown'), required: true, description: 'The option as the learner sees it.' },
    correct: { type: s('boolean'), description: 'true for a right option; omit on wrong ones.' },
    why: {
      type: s('markdown'),
      required: true,
      description: 'Why this option is right, or why it is wrong here.',
      whenMissing: { code: 'missing-why', severity: 'warning' },
    },
  },
};

const whyField = (of: string): FieldSpec => ({
  type: s('markdown'),
  required: true,
  description: `Why ${of}.`,
  whenMissing: { code: 'missing-why', severity: 'warning' },
});

export const orderItemSpec: RecordSpec = {
  name: 'item',
  fields: {
    text: { type: s('markdown'), required: true, description: 'One step or element, as the learner sees it.' },
    why: whyField('this item belongs in its place'),
  },
};

export const matchPairSpec: RecordSpec = {
  name: 'pair',
  fields: {
    prompt: { type: s('markdown'), required: true, description: 'The prompt, shown in the order given.' },
    response: { type: s('markdown'), required: true, description: 'The response that belongs to this prompt; responses are shown shuffled.' },
    why: whyField('this response fits this prompt'),
  },
};

export const distractorSpec: RecordSpec = {
  name: 'distractor',
  fields: {
    text: { type: s('markdown'), required: true, description: 'An extra response that fits no prompt.' },
    why: whyField('this response fits none of the prompts'),
  },
};

/** Question types and the list field each one needs; the others do not belong on it. */
export const QUESTION_TYPES = ['single', 'multiple', 'ordering', 'matching'] as const;
export const FIELDS_BY_TYPE: Readonly<Record<(typeof QUESTION_TYPES)[number], { readonly required: readonly string[]; readonly allowed: readonly string[] }>> = {
  single: { required: ['options'], allowed: ['options'] },
  multiple: { required: ['options'], allowed: ['options'] },
  ordering: { required: ['items'], allowed: ['items'] },
  matching: { required: ['pairs'], allowed: ['pairs', 'distractors'] },
};
export const TYPED_FIELDS = ['options', 'items', 'pairs', 'distractors'] as const;

export const questionSpec: RecordSpec = {
  name: 'question',
  fields: {
    id: { type: s('id'), required: true, description: 'Stable question id; progress is keyed on it.' },
    type: {
      type: s('string', { enum: QUESTION_TYPES }),
      required: true,
      description: 'single: one right option; multiple: two or more ("Choose two."); ordering: put 3–5 items in order; matching: pair 3–7 prompts with responses.',
    },
    prompt: { type: s('markdown'), required: true, description: 'The question, in Markdown.' },
    options: { type: { kind: 'records', record: optionSpec }, description: 'single and multiple: the options, each with why.' },
    items: { type: { kind: 'records', record: orderItemSpec }, description: 'ordering: 3–5 items in the RIGHT order, each with why; they are always shown shuffled.' },
    pairs: { type: { kind: 'records', record: matchPairSpec }, description: 'matching: 3–7 prompts, each with its right response and why; responses are shown shuffled.' },
    distractors: { type: { kind: 'records', record: distractorSpec }, description: 'matching: optional extra responses that fit no prompt, each with why.' },
    explanation: { type: s('markdown'), required: true, description: 'The overall explanation shown after answering.' },
    terms: { type: { kind: 'list', of: 'id' }, description: 'Ids of glossary terms the question uses.' },
    task: { type: s('string'), description: 'Exam guide task statement, when it differs from the topic\'s.' },
  },
  variants: {
    field: 'type',
    cases: Object.fromEntries(QUESTION_TYPES.map((t) => [t, FIELDS_BY_TYPE[t].required])),
  },
};

export const caseSpec: RecordSpec = {
  name: 'case',
  fields: {
    id: { type: s('id'), required: true, description: 'Stable case study id.' },
    title: { type: s('string'), required: true, description: 'A short title for the situation.' },
    scenario: {
      type: s('markdown'),
      required: true,
      description: 'The shared situation in Markdown, a few paragraphs; shown with each of its questions.',
      whenMissing: { code: 'empty-scenario', severity: 'error' },
    },
    questions: { type: { kind: 'records', record: questionSpec }, required: true, description: 'Two or more questions of any type that need the scenario; ids are unique in the pack.' },
  },
};

export const topicSpec: RecordSpec = {
  name: 'topic',
  fields: {
    id: { type: s('id'), required: true, description: 'Stable topic id; the file name without .yaml.' },
    title: { type: s('string'), required: true, description: 'Topic title.' },
    short: { type: s('string'), description: 'A short title (about 30 characters) for the topics tree; the full title is its tooltip.' },
    domain: { type: s('id'), required: true, description: 'Id of a domain in pack.yaml.' },
    task: { type: s('string'), description: 'Exam guide task statement, e.g. "3.3"; one of pack.yaml\'s tasks when it lists them.' },
    notes: {
      type: s('markdown'),
      required: true,
      description: 'Study notes in Markdown.',
      whenMissing: { code: 'missing-notes', severity: 'warning' },
    },
    sources: { type: { kind: 'list', of: 'string' }, description: 'Web addresses (https://...) of the documentation and papers the notes rest on.' },
    reviewed: { type: s('string'), description: 'When the notes were last checked against their sources, as YYYY-MM.' },
    questions: { type: { kind: 'records', record: questionSpec }, description: 'The topic\'s questions.' },
    cases: { type: { kind: 'records', record: caseSpec }, description: 'Case studies: a scenario with two or more questions.' },
  },
};

export type FileKind = 'pack' | 'glossary' | 'topic';
export const specForKind: Readonly<Record<FileKind, RecordSpec>> = { pack: packSpec, glossary: glossarySpec, topic: topicSpec };

type Json = { [key: string]: unknown };

function scalarSchema(scalar: Scalar, extra: { enum?: readonly string[]; minimum?: number } = {}): Json {
  const out: Json = {};
  switch (scalar) {
    case 'string':
    case 'markdown':
      out.type = 'string';
      out.minLength = 1;
      break;
    case 'id':
      out.type = 'string';
      out.pattern = ID_PATTERN;
      break;
    case 'integer':
      out.type = 'integer';
      break;
    case 'number':
      out.type = 'number';
      break;
    case 'boolean':
      out.type = 'boolean';
      break;
  }
  if (extra.enum) out.enum = [...extra.enum];
  if (extra.minimum !== undefined) out.minimum = extra.minimum;
  return out;
}

function recordSchema(spec: RecordSpec): Json {
  const properties: Json = {};
  for (const [name, field] of Object.entries(spec.fields)) {
    properties[name] = { description: field.description, ...fieldSchema(field.type) };
  }
  const required = Object.entries(spec.fields).filter(([, f]) => f.required).map(([n]) => n);
  const variants = spec.variants;
  const allOf = variants
    ? Object.entries(variants.cases).map(([value, fields]) => ({ if: { properties: { [variants.field]: { const: value } } }, then: { required: [...fields] } }))
    : [];
  return { type: 'object', additionalProperties: false, ...(required.length ? { required } : {}), properties, ...(allOf.length ? { allOf } : {}) };
}

function fieldSchema(type: FieldType): Json {
  switch (type.kind) {
    case 'scalar':
      return scalarSchema(type.scalar, type);
    case 'list':
      return { type: 'array', items: scalarSchema(type.of) };
    case 'record':
      return recordSchema(type.record);
    case 'records': {
      const item = recordSchema(type.record);
      return { type: 'array', items: type.idShorthand ? { anyOf: [scalarSchema('id'), item] } : item };
    }
  }
}

/** JSON Schema (draft-07) for one kind of pack file. */
export function jsonSchemaFor(kind: FileKind): Json {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `Study Deck ${kind} file`,
    ...recordSchema(specForKind[kind]),
  };
}
