import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { closest, type ProblemSink } from './problems';
import { idRegExp, type FieldType, type RecordSpec, type Scalar } from './schema';

/** A scalar read from YAML with the node it came from, for ranges in later checks. */
export interface Item<T> {
  readonly value: T;
  readonly node: Node;
}

/** A validated mapping: only fields that passed their type check are present. */
export interface Rec {
  readonly node: Node;
  readonly fields: ReadonlyMap<string, unknown>;
  readonly valueNodes: ReadonlyMap<string, Node>;
  /** False when a required field is missing or broken: the entry should be skipped. */
  readonly complete: boolean;
}

export function str(rec: Rec, name: string): string | undefined {
  const v = rec.fields.get(name);
  return typeof v === 'string' ? v : undefined;
}
export function num(rec: Rec, name: string): number | undefined {
  const v = rec.fields.get(name);
  return typeof v === 'number' ? v : undefined;
}
export function bool(rec: Rec, name: string): boolean | undefined {
  const v = rec.fields.get(name);
  return typeof v === 'boolean' ? v : undefined;
}
export function list(rec: Rec, name: string): Item<string>[] {
  return (rec.fields.get(name) as Item<string>[] | undefined) ?? [];
}
export function recs(rec: Rec, name: string): Rec[] {
  return (rec.fields.get(name) as Rec[] | undefined) ?? [];
}
export function sub(rec: Rec, name: string): Rec | undefined {
  return rec.fields.get(name) as Rec | undefined;
}
/** The node to point at for a field: its value, or the whole record when absent. */
export function nodeOf(rec: Rec, name: string): Node {
  return rec.valueNodes.get(name) ?? rec.node;
}

const scalarNames: Record<Scalar, string> = {
  string: 'text',
  markdown: 'text (Markdown)',
  id: 'an id',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
};

function describe(node: Node | null): string {
  if (node === null) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'nothing';
    return typeof v === 'string' ? 'text' : typeof v;
  }
  return 'something else';
}

/** Reads one scalar, reporting wrong types and bad ids. Returns undefined when unusable. */
function readScalar(node: Node | null, scalar: Scalar, where: string, sink: ProblemSink, extra: { enum?: readonly string[]; minimum?: number }): unknown {
  if (!node || !isScalar(node)) {
    sink.at(node, 'wrong-type', 'error', `${where} should be ${scalarNames[scalar]}, not ${describe(node)}.`);
    return undefined;
  }
  const v = node.value;
  switch (scalar) {
    case 'string':
    case 'markdown': {
      // Numbers and booleans written as text ("version 2", "yes") are fine as text.
      if (v === null || typeof v === 'object') break;
      const text = String(v);
      if (text.trim() === '') {
        sink.at(node, 'missing-field', 'error', `${where} is empty; write some text.`);
        return undefined;
      }
      if (extra.enum && !extra.enum.includes(text)) {
        const guess = closest(text, extra.enum);
        sink.at(node, 'invalid-value', 'error', `${where} is "${text}"; use one of: ${extra.enum.join(', ')}.${guess ? ` Did you mean "${guess}"?` : ''}`);
        return undefined;
      }
      return text;
    }
    case 'id': {
      if (typeof v !== 'string' && typeof v !== 'number') break;
      const text = String(v);
      if (!idRegExp.test(text)) {
        sink.at(node, 'invalid-id', 'error', `${where} "${text}" is not a valid id: use lower-case letters, digits and hyphens, like "fine-tuning-2".`);
        return undefined;
      }
      return text;
    }
    case 'integer':
    case 'number': {
      if (typeof v !== 'number' || !Number.isFinite(v)) break;
      if (scalar === 'integer' && !Number.isInteger(v)) {
        sink.at(node, 'wrong-type', 'error', `${where} should be a whole number, not ${v}.`);
        return undefined;
      }
      if (extra.minimum !== undefined && v < extra.minimum) {
        sink.at(node, 'invalid-value', 'error', `${where} is ${v}; it must be at least ${extra.minimum}.`);
        return undefined;
      }
      return v;
    }
    case 'boolean':
      if (typeof v === 'boolean') return v;
      break;
  }
  sink.at(node, 'wrong-type', 'error', `${where} should be ${scalarNames[scalar]}, not ${describe(node)}.`);
  return undefined;
}

function readField(node: Node | null, type: FieldType, where: string, sink: ProblemSink): unknown {
  switch (type.kind) {
    case 'scalar':
      return readScalar(node, type.scalar, where, sink, type);
    case 'list': {
      if (node && isScalar(node) && node.value !== null && type.of !== 'boolean') {
        // A single value where a list is expected: accept it, it is what the author meant.
        const one = readScalar(node, type.of, where, sink, {});
        return one === undefined ? [] : [{ value: one, node }];
      }
      if (!node || !isSeq(node)) {
        sink.at(node, 'wrong-type', 'error', `${where} should be a list, not ${describe(node)}.`);
        return undefined;
      }
      const out: Item<unknown>[] = [];
      node.items.forEach((item, i) => {
        const v = readScalar(item as Node, type.of, `${where}[${i + 1}]`, sink, {});
        if (v !== undefined) out.push({ value: v, node: item as Node });
      });
      return out;
    }
    case 'record':
      if (!node || !isMap(node)) {
        sink.at(node, 'wrong-type', 'error', `${where} should be a mapping (key: value lines), not ${describe(node)}.`);
        return undefined;
      }
      return readRecord(node, type.record, sink, where);
    case 'records': {
      if (!node || !isSeq(node)) {
        sink.at(node, 'wrong-type', 'error', `${where} should be a list, not ${describe(node)}.`);
        return undefined;
      }
      const out: Rec[] = [];
      node.items.forEach((item, i) => {
        const itemNode = item as Node;
        if (type.idShorthand && isScalar(itemNode)) {
          const id = readScalar(itemNode, 'id', `${where}[${i + 1}]`, sink, {});
          if (id !== undefined) out.push({ node: itemNode, fields: new Map([['id', id]]), valueNodes: new Map([['id', itemNode]]), complete: true });
          return;
        }
        if (!isMap(itemNode)) {
          sink.at(itemNode, 'wrong-type', 'error', `${where}[${i + 1}] should be a ${type.record.name} (a mapping), not ${describe(itemNode)}.`);
          return;
        }
        out.push(readRecord(itemNode, type.record, sink, `${type.record.name} ${i + 1}`));
      });
      return out;
    }
  }
}

/** Validates a mapping against its spec: unknown, missing and mistyped fields become problems. */
export function readRecord(map: YAMLMap, spec: RecordSpec, sink: ProblemSink, where = spec.name): Rec {
  const fields = new Map<string, unknown>();
  const valueNodes = new Map<string, Node>();
  let complete = true;
  const known = Object.keys(spec.fields);
  const idNode = map.items.find((p) => isScalar(p.key) && p.key.value === 'id')?.value;
  const label = isScalar(idNode) && idNode.value != null ? `${spec.name} "${String(idNode.value)}"` : where;
  for (const pair of map.items as Pair<Node, Node | null>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    // Own keys only: a key such as "valueOf" or "constructor" must not find an Object.prototype member.
    const field = key === undefined || !Object.hasOwn(spec.fields, key) ? undefined : spec.fields[key];
    if (key === undefined || !field) {
      const guess = key === undefined ? undefined : closest(key, known);
      sink.at(pair.key, 'unknown-field', 'warning', `Unknown field "${key ?? '?'}" in ${label}.${guess ? ` Did you mean "${guess}"?` : ` Known fields: ${known.join(', ')}.`}`);
      continue;
    }
    const valueNode = pair.value ?? pair.key;
    valueNodes.set(key, valueNode);
    // Blank text counts as missing, so a field with its own code (an empty "why") reports it, not "empty".
    const blank = pair.value === null || (isScalar(pair.value) && (pair.value.value === null || (field.type.kind === 'scalar' && typeof pair.value.value === 'string' && pair.value.value.trim() === '')));
    const value = blank ? undefined : readField(pair.value, field.type, `"${key}" of ${label}`, sink);
    if (value === undefined) {
      if (blank) reportMissing(sink, field, key, label, (isScalar(pair.value) && typeof pair.value.value === 'string' ? pair.value : pair.key) as Node);
      if (field.required && !field.whenMissing) complete = false;
      continue;
    }
    if (field.type.kind === 'record' && (value as Rec).complete === false) {
      // A nested record with a broken required field is dropped on its own; its problem is already reported.
      if (field.required) complete = false;
      continue;
    }
    fields.set(key, value);
  }
  for (const [name, field] of Object.entries(spec.fields)) {
    if (field.required && !valueNodes.has(name)) {
      reportMissing(sink, field, name, label, (idNode as Node | undefined) ?? firstKey(map));
      if (!field.whenMissing) complete = false;
    }
  }
  return { node: map, fields, valueNodes, complete };
}

function firstKey(map: YAMLMap): Node {
  return (map.items[0]?.key as Node | undefined) ?? map;
}

function reportMissing(sink: ProblemSink, field: RecordSpecField, name: string, label: string, at: Node): void {
  if (field.whenMissing) {
    // An error with its own code still drops the entry; the loader decides, the message says so.
    const skipped = field.whenMissing.severity === 'error' ? ' It is skipped until it has one.' : '';
    sink.at(at, field.whenMissing.code, field.whenMissing.severity, `${capitalize(label)} has no "${name}": ${field.description}${skipped}`);
  } else {
    sink.at(at, 'missing-field', 'error', `${capitalize(label)} is missing "${name}" (${field.description}) and is skipped until it has one.`);
  }
}

type RecordSpecField = RecordSpec['fields'][string];

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
