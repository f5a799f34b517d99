import { isMap, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { ConfusedWith, Domain, ExamProfile, Option, Pack, PackOrigin, Problem, Question, Term, Topic } from './model';
import { ProblemSink, WHOLE_FILE_START } from './problems';
import { bool, list, nodeOf, num, readRecord, recs, str, sub, type Rec } from './records';
import { kindOfPackFile, type PackFile } from './packFile';
import { glossarySpec, packSpec, topicSpec, type FileKind } from './schema';

export { kindOfPackFile, type PackFile } from './packFile';

export interface PackSource {
  readonly root: string;
  readonly origin: PackOrigin;
  readonly files: readonly PackFile[];
}

export interface LoadResult {
  /** Undefined only when pack.yaml is missing or unusable; every other problem leaves a pack. */
  readonly pack?: Pack;
  readonly problems: readonly Problem[];
}


interface Parsed {
  readonly file: PackFile;
  readonly sink: ProblemSink;
  readonly root?: Rec;
}

function parseFile(file: PackFile, kind: FileKind): Parsed {
  const lines = new LineCounter();
  const sink = new ProblemSink(file.path, lines, file.text);
  let doc: Document.Parsed;
  try {
    doc = parseDocument(file.text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  } catch (e) {
    // yaml reports problems as errors on the document; a throw would be a bug there, still not ours to crash on.
    sink.add('yaml-syntax', 'error', WHOLE_FILE_START, `This file could not be read as YAML: ${(e as Error).message}`);
    return { file, sink };
  }
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const code = err.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax';
      const first = err.message.split('\n')[0];
      sink.add(code, 'error', sink.rangeOf(err.pos[0], widenToWord(file.text, err.pos[0], err.pos[1])), code === 'duplicate-key' ? `${first}: remove or rename one of them. The file is skipped until it parses.` : `YAML syntax: ${first}. The file is skipped until it parses.`);
    }
    return { file, sink };
  }
  const contents = doc.contents as Node | null;
  if (contents === null || (!isMap(contents) && (contents as { value?: unknown }).value === null)) {
    sink.add('empty-file', 'warning', WHOLE_FILE_START, `This ${kind} file is empty. ${kind === 'topic' ? 'Write id, title, domain, notes and questions' : kind === 'glossary' ? 'Write "terms:" and a list of entries' : 'Write id, title, version and domains'}, or delete it.`);
    return { file, sink };
  }
  if (!isMap(contents)) {
    sink.at(contents, 'wrong-type', 'error', `A ${kind} file should be a mapping of fields (key: value lines) at the top level.`);
    return { file, sink };
  }
  const spec = kind === 'pack' ? packSpec : kind === 'glossary' ? glossarySpec : topicSpec;
  return { file, sink, root: readRecord(contents, spec, sink) };
}

/**
 * Loads one pack from its files' text. Never throws: every problem becomes a Problem with a range,
 * broken files and entries are skipped, and the rest loads.
 */
export function loadPack(source: PackSource): LoadResult {
  const problems: Problem[] = [];
  const byKind: Record<FileKind, Parsed[]> = { pack: [], glossary: [], topic: [] };
  const files = [...source.files].sort((a, b) => a.relative.localeCompare(b.relative));
  for (const file of files) {
    const kind = kindOfPackFile(file.relative);
    if (kind) byKind[kind].push(parseFile(file, kind));
  }
  const sinks = [...byKind.pack, ...byKind.glossary, ...byKind.topic].map((p) => p.sink);
  const collect = (): Problem[] => problems.concat(...sinks.map((s) => s.problems));

  const packFile = byKind.pack[0];
  if (!packFile) {
    const first = files[0];
    if (first) {
      problems.push({ file: first.path, range: WHOLE_FILE_START, severity: 'error', code: 'missing-pack-file', message: `This pack folder has no pack.yaml, so none of its files load. Create ${source.root}/pack.yaml with id, title, version and domains.` });
    }
    return { problems: collect() };
  }
  const head = packFile.root;
  if (!head || !head.complete) return { problems: collect() };

  const packId = str(head, 'id')!;
  const ps = packFile.sink;

  // Domains
  const domains: Domain[] = [];
  const domainIds = new Set<string>();
  for (const d of recs(head, 'domains')) {
    if (!d.complete) continue;
    const id = str(d, 'id')!;
    if (domainIds.has(id)) {
      ps.at(nodeOf(d, 'id'), 'duplicate-id', 'error', `Domain id "${id}" is used twice; the second is skipped.`);
      continue;
    }
    domainIds.add(id);
    domains.push({ id, title: str(d, 'title')!, weight: num(d, 'weight')! });
  }
  if (domains.length > 0) {
    const sum = domains.reduce((a, d) => a + d.weight, 0);
    if (Math.abs(sum - 100) > 0.01) {
      ps.at(nodeOf(head, 'domains'), 'domain-weights', 'warning', `Domain weights add up to ${round(sum)}, not 100. The mock exam draws questions by these weights; adjust them so they total 100.`);
    }
  }
  const examRec = sub(head, 'exam');
  const exam: ExamProfile | undefined = examRec
    ? { questions: num(examRec, 'questions')!, minutes: num(examRec, 'minutes')!, passScore: num(examRec, 'passScore')!, maxScore: num(examRec, 'maxScore')! }
    : undefined;
  if (exam && exam.passScore > exam.maxScore) {
    ps.at(nodeOf(examRec!, 'passScore'), 'invalid-value', 'error', `passScore ${exam.passScore} is above maxScore ${exam.maxScore}.`);
  }

  // Glossary
  interface PendingTerm {
    rec: Rec;
    sink: ProblemSink;
    term: Term;
  }
  const terms: PendingTerm[] = [];
  const termIds = new Map<string, string>();
  for (const g of byKind.glossary) {
    if (!g.root) continue;
    for (const t of recs(g.root, 'terms')) {
      if (!t.complete) continue;
      const id = str(t, 'id')!;
      const seen = termIds.get(id);
      if (seen !== undefined) {
        g.sink.at(nodeOf(t, 'id'), 'duplicate-id', 'error', `Term id "${id}" is already used (${seen}); this entry is skipped. Give it another id.`);
        continue;
      }
      termIds.set(id, `${g.file.relative}:${g.sink.lineOf(t.node) + 1}`);
      terms.push({
        rec: t,
        sink: g.sink,
        term: {
          id,
          term: str(t, 'term')!,
          expansion: str(t, 'expansion'),
          aliases: list(t, 'aliases').map((a) => a.value),
          definition: str(t, 'definition')!,
          confusedWith: recs(t, 'confusedWith').filter((c) => c.complete).map((c): ConfusedWith => ({ id: str(c, 'id')!, difference: str(c, 'difference') })),
          topicId: str(t, 'topic'),
          packId,
          source: { file: g.file.path, line: g.sink.lineOf(t.node) },
        },
      });
    }
  }

  // Topics and questions
  const topics: Topic[] = [];
  const topicIds = new Map<string, string>();
  const questionIds = new Map<string, string>();
  for (const t of byKind.topic) {
    if (!t.root) continue;
    const rec = t.root;
    const sink = t.sink;
    if (!rec.complete) continue;
    const id = str(rec, 'id')!;
    const fileStem = t.file.relative.replace(/^topics\//, '').replace(/\.ya?ml$/, '');
    if (fileStem !== id) {
      sink.at(nodeOf(rec, 'id'), 'id-file-mismatch', 'warning', `Topic id "${id}" differs from its file name "${fileStem}". Rename the file to ${id}.yaml or change the id, so the topic is easy to find.`);
    }
    const seen = topicIds.get(id);
    if (seen !== undefined) {
      sink.at(nodeOf(rec, 'id'), 'duplicate-id', 'error', `Topic id "${id}" is already used by ${seen}; this topic is skipped. Give it another id.`);
      continue;
    }
    const domainId = str(rec, 'domain')!;
    if (!domainIds.has(domainId)) {
      sink.at(nodeOf(rec, 'domain'), 'unknown-domain', 'error', `Domain "${domainId}" is not in pack.yaml (${[...domainIds].join(', ') || 'no domains'}); the topic is skipped until it names one of them.`);
      continue;
    }
    topicIds.set(id, t.file.relative);
    const questions: Question[] = [];
    for (const q of recs(rec, 'questions')) {
      const question = readQuestion(q, sink, { packId, topicId: id, domainId, file: t.file.path, termIds, questionIds, relative: t.file.relative });
      if (question) questions.push(question);
    }
    topics.push({ id, title: str(rec, 'title')!, domainId, task: str(rec, 'task'), notes: str(rec, 'notes')!, questions, packId, source: { file: t.file.path, line: 0 } });
  }

  // Term references are checked once all topics are known.
  const finalTerms: Term[] = terms.map(({ rec, sink, term }) => {
    let topicId = term.topicId;
    if (topicId !== undefined && !topicIds.has(topicId)) {
      sink.at(nodeOf(rec, 'topic'), 'unknown-topic', 'warning', `Topic "${topicId}" does not exist in this pack; the term will not link to a topic. Use the id of a file in topics/.`);
      topicId = undefined;
    }
    const confused = recs(rec, 'confusedWith').filter((c) => c.complete);
    const confusedWith = term.confusedWith.filter((c, i) => {
      if (termIds.has(c.id)) return true;
      sink.at(nodeOf(confused[i], 'id'), 'unknown-term', 'warning', `Term "${c.id}" is not in this pack's glossary; add it or fix the id.`);
      return false;
    });
    return { ...term, topicId, confusedWith };
  });

  const pack: Pack = {
    id: packId,
    title: str(head, 'title')!,
    version: num(head, 'version')!,
    description: str(head, 'description'),
    exam,
    domains,
    topics,
    terms: finalTerms,
    origin: source.origin,
    root: source.root,
  };
  return { pack, problems: collect() };
}

interface QuestionContext {
  packId: string;
  topicId: string;
  domainId: string;
  file: string;
  relative: string;
  termIds: ReadonlyMap<string, string>;
  questionIds: Map<string, string>;
}

const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6 };

function readQuestion(q: Rec, sink: ProblemSink, ctx: QuestionContext): Question | undefined {
  if (!q.complete) return undefined;
  const id = str(q, 'id')!;
  const seen = ctx.questionIds.get(id);
  if (seen !== undefined) {
    sink.at(nodeOf(q, 'id'), 'duplicate-id', 'error', `Question id "${id}" is already used (${seen}); this question is skipped. Progress is keyed on ids, so give it a new one.`);
    return undefined;
  }
  ctx.questionIds.set(id, `${ctx.relative}:${sink.lineOf(q.node) + 1}`);
  const type = str(q, 'type') as 'single' | 'multiple';
  const optionRecs = recs(q, 'options');
  const options: Option[] = [];
  for (const o of optionRecs) {
    if (!o.complete) continue;
    options.push({ text: str(o, 'text')!, correct: bool(o, 'correct') ?? false, why: str(o, 'why') ?? '' });
  }
  const optionsNode = nodeOf(q, 'options');
  if (options.length < 2) {
    sink.at(optionsNode, 'too-few-options', 'error', `Question "${id}" has ${options.length} usable option${options.length === 1 ? '' : 's'}; it needs at least two and is skipped.`);
    return undefined;
  }
  const correct = options.filter((o) => o.correct).length;
  if (correct === 0) {
    sink.at(optionsNode, 'no-correct-option', 'error', `Question "${id}" has no correct option; mark the right one with "correct: true". The question is skipped.`);
    return undefined;
  }
  if (type === 'single' && correct > 1) {
    sink.at(nodeOf(q, 'type'), 'single-many-correct', 'error', `Question "${id}" is "single" but has ${correct} correct options. Make it "type: multiple" or leave one correct. The question is skipped.`);
    return undefined;
  }
  if (type === 'multiple' && correct < 2) {
    sink.at(nodeOf(q, 'type'), 'multiple-too-few-correct', 'error', `Question "${id}" is "multiple" but has only one correct option. Make it "type: single" or mark another option correct. The question is skipped.`);
    return undefined;
  }
  const prompt = str(q, 'prompt')!;
  const choose = /\(\s*choose\s+(two|three|four|five|six|\d+)\s*\.?\s*\)/i.exec(prompt);
  if (choose) {
    const n = NUMBER_WORDS[choose[1].toLowerCase()] ?? Number(choose[1]);
    if (n !== correct) {
      sink.at(nodeOf(q, 'prompt'), 'choose-count-mismatch', 'warning', `Question "${id}" says "${choose[0]}" but has ${correct} correct option${correct === 1 ? '' : 's'}. Make the prompt and the answer key agree.`);
    }
  }
  const terms: string[] = [];
  for (const t of list(q, 'terms')) {
    if (ctx.termIds.has(t.value)) terms.push(t.value);
    else sink.at(t.node, 'unknown-term', 'warning', `Term "${t.value}" is not in this pack's glossary; add it to glossary.yaml or fix the id.`);
  }
  return {
    id,
    key: `${ctx.packId}/${id}`,
    type,
    prompt,
    options,
    explanation: str(q, 'explanation')!,
    terms,
    topicId: ctx.topicId,
    domainId: ctx.domainId,
    packId: ctx.packId,
    source: { file: ctx.file, line: sink.lineOf(q.node) },
  };
}

function round(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** yaml points at one character; widen that to the whole key or word so the squiggle is visible. */
function widenToWord(text: string, start: number, end: number): number {
  if (end - start > 1) return end;
  let i = start;
  while (i < text.length && /[^\s:,[\]{}]/.test(text[i])) i++;
  return Math.max(end, i);
}
