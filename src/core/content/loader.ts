import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { CaseStudy, ChoiceQuestion, ConfusedWith, Distractor, Domain, ExamProfile, MatchingQuestion, MatchPair, Option, OrderingQuestion, OrderItem, Pack, PackOrigin, Problem, Question, QuestionType, Task, Term, Topic } from './model';
import { closest, ProblemSink, WHOLE_FILE_START } from './problems';
import { bool, list, nodeOf, num, readRecord, recs, str, sub, type Rec } from './records';
import { kindOfPackFile, type PackFile } from './packFile';
import { FIELDS_BY_TYPE, glossarySpec, packSpec, questionSpec, topicSpec, TYPED_FIELDS, type FileKind } from './schema';

export { kindOfPackFile, type PackFile } from './packFile';

export interface PackSource {
  readonly root: string;
  readonly origin: PackOrigin;
  readonly files: readonly PackFile[];
  /** This month as YYYY-MM, for checking review dates; defaults to the clock's. */
  readonly today?: string;
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
    const short = str(d, 'short');
    domains.push({ id, title: str(d, 'title')!, ...(short ? { short } : {}), weight: num(d, 'weight')! });
  }
  if (domains.length > 0) {
    const sum = domains.reduce((a, d) => a + d.weight, 0);
    if (Math.abs(sum - 100) > 0.01) {
      ps.at(nodeOf(head, 'domains'), 'domain-weights', 'warning', `Domain weights add up to ${round(sum)}, not 100. The mock exam draws questions by these weights; adjust them so they total 100.`);
    }
  }
  const tasks: Task[] = [];
  for (const tk of recs(head, 'tasks')) {
    if (!tk.complete) continue;
    const id = str(tk, 'id')!;
    if (tasks.some((x) => x.id === id)) {
      ps.at(nodeOf(tk, 'id'), 'duplicate-id', 'error', `Task "${id}" is listed twice; the second is skipped.`);
      continue;
    }
    let domainId = str(tk, 'domain');
    if (domainId !== undefined && !domainIds.has(domainId)) {
      const guess = closest(domainId, [...domainIds]);
      ps.at(nodeOf(tk, 'domain'), 'unknown-domain', 'warning', `Domain "${domainId}" of task ${id} is not in this pack's domains.${guess ? ` Did you mean "${guess}"?` : ''}`);
      domainId = undefined;
    }
    tasks.push({ id, title: str(tk, 'title')!, ...(domainId ? { domainId } : {}) });
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

  // Topics, their questions and case studies. A topic that cannot load still has its questions checked, so
  // an author sees every problem of a file at once instead of one per save.
  const today = source.today ?? currentMonth();
  const topics: Topic[] = [];
  const topicIds = new Map<string, string>();
  const ids: IdRegistry = { questions: new Map(), cases: new Map() };
  const taskIds = tasks.map((x) => x.id);
  for (const t of byKind.topic) {
    if (!t.root) continue;
    const rec = t.root;
    const sink = t.sink;
    const id = str(rec, 'id');
    const domainId = str(rec, 'domain');
    let loads = rec.complete && id !== undefined && domainId !== undefined;
    if (id !== undefined) {
      const fileStem = t.file.relative.replace(/^topics\//, '').replace(/\.ya?ml$/, '');
      if (fileStem !== id) {
        sink.at(nodeOf(rec, 'id'), 'id-file-mismatch', 'warning', `Topic id "${id}" differs from its file name "${fileStem}". Rename the file to ${id}.yaml or change the id, so the topic is easy to find.`);
      }
      const seen = topicIds.get(id);
      if (seen !== undefined) {
        sink.at(nodeOf(rec, 'id'), 'duplicate-id', 'error', `Topic id "${id}" is already used by ${seen}; this topic is skipped. Give it another id.`);
        loads = false;
      }
    }
    if (domainId !== undefined && !domainIds.has(domainId)) {
      const guess = closest(domainId, [...domainIds]);
      sink.at(nodeOf(rec, 'domain'), 'unknown-domain', 'error', `Domain "${domainId}" is not in pack.yaml (${[...domainIds].join(', ') || 'no domains'}); the topic is skipped until it names one of them.${guess ? ` Did you mean "${guess}"?` : ''}`);
      loads = false;
    }
    const task = str(rec, 'task');
    if (task !== undefined) checkTask(task, nodeOf(rec, 'task'), sink, taskIds);
    const sources = checkSources(rec, sink);
    const reviewed = checkReviewed(rec, sink, today);
    if (loads) topicIds.set(id!, t.file.relative);

    const ctx: QuestionContext = { packId, topicId: id ?? '', domainId: domainId ?? '', task, file: t.file.path, termIds, ids, relative: t.file.relative, taskIds };
    const questions: Question[] = [];
    for (const q of recs(rec, 'questions')) {
      const question = readQuestion(q, sink, ctx);
      if (question) questions.push(question);
    }
    const cases: CaseStudy[] = [];
    for (const c of recs(rec, 'cases')) {
      const read = readCase(c, sink, ctx);
      if (!read) continue;
      cases.push(read.study);
      questions.push(...read.questions);
    }
    if (!loads) continue;
    topics.push({
      id: id!,
      title: str(rec, 'title')!,
      short: str(rec, 'short'),
      domainId: domainId!,
      task,
      notes: str(rec, 'notes') ?? '',
      questions,
      cases,
      sources,
      reviewed,
      packId,
      source: { file: t.file.path, line: 0 },
    });
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

  const packShort = str(head, 'short');
  const pack: Pack = {
    id: packId,
    title: str(head, 'title')!,
    ...(packShort ? { short: packShort } : {}),
    version: num(head, 'version')!,
    description: str(head, 'description'),
    exam,
    domains,
    tasks,
    topics,
    terms: finalTerms,
    origin: source.origin,
    root: source.root,
  };
  return { pack, problems: collect() };
}

interface IdRegistry {
  /** Question id → where it was first defined, across the pack. */
  readonly questions: Map<string, string>;
  readonly cases: Map<string, string>;
}

interface QuestionContext {
  packId: string;
  topicId: string;
  domainId: string;
  task?: string;
  file: string;
  relative: string;
  termIds: ReadonlyMap<string, string>;
  ids: IdRegistry;
  taskIds: readonly string[];
  caseKey?: string;
}

const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6 };
export const ORDERING_ITEMS = { min: 3, max: 5 };
export const MATCHING_PAIRS = { min: 3, max: 7 };

/**
 * Reads one question of any type. Every check runs, so all of a question's problems are reported together;
 * a question with an error is then skipped and the rest of the file still loads.
 */
function readQuestion(q: Rec, sink: ProblemSink, ctx: QuestionContext): Question | undefined {
  const id = str(q, 'id');
  let usable = q.complete && id !== undefined;
  if (id !== undefined) {
    const seen = ctx.ids.questions.get(id);
    if (seen !== undefined) {
      sink.at(nodeOf(q, 'id'), 'duplicate-id', 'error', `Question id "${id}" is already used (${seen}); this question is skipped. Progress is keyed on ids, so give it a new one.`);
      usable = false;
    } else {
      ctx.ids.questions.set(id, `${ctx.relative}:${sink.lineOf(q.node) + 1}`);
    }
  }
  const name = id === undefined ? 'This question' : `Question "${id}"`;
  const type = str(q, 'type') as QuestionType | undefined;

  // The list fields: the one the type needs must be there; the others do not belong.
  if (type !== undefined) {
    const spec = FIELDS_BY_TYPE[type];
    for (const field of TYPED_FIELDS) {
      if (!q.valueNodes.has(field) || spec.allowed.includes(field)) continue;
      const right = spec.required[0];
      const an = type === 'ordering' ? 'an' : 'a';
      sink.at(keyNodeOf(q, field), 'field-not-for-type', 'warning', `"${field}" is not used by ${an} "${type}" question and is ignored; ${an} ${type} question takes "${right}".${type !== 'single' && type !== 'multiple' && field === 'options' ? ` Did you mean "${right}"?` : ''}`);
    }
    for (const field of spec.required) {
      if (q.valueNodes.has(field)) continue;
      sink.at(nodeOf(q, 'type'), 'missing-field', 'error', `${name} is "${type}" but has no "${field}" (${questionSpec.fields[field].description}) and is skipped until it has them.`);
      usable = false;
    }
  }

  const task = str(q, 'task');
  if (task !== undefined) checkTask(task, nodeOf(q, 'task'), sink, ctx.taskIds);

  const terms: string[] = [];
  for (const t of list(q, 'terms')) {
    if (ctx.termIds.has(t.value)) terms.push(t.value);
    else {
      const guess = closest(t.value, [...ctx.termIds.keys()]);
      sink.at(t.node, 'unknown-term', 'warning', `Term "${t.value}" is not in this pack's glossary; add it to glossary.yaml or fix the id.${guess ? ` Did you mean "${guess}"?` : ''}`);
    }
  }

  let body: Pick<ChoiceQuestion, 'type' | 'options'> | Pick<OrderingQuestion, 'type' | 'items'> | Pick<MatchingQuestion, 'type' | 'pairs' | 'distractors'> | undefined;
  if (type === 'single' || type === 'multiple') body = readChoice(q, type, name, sink);
  else if (type === 'ordering') body = readOrdering(q, name, sink);
  else if (type === 'matching') body = readMatching(q, name, sink);
  if (!usable || !body || id === undefined) return undefined;
  return {
    id,
    key: `${ctx.packId}/${id}`,
    ...body,
    prompt: str(q, 'prompt')!,
    explanation: str(q, 'explanation')!,
    terms,
    topicId: ctx.topicId,
    domainId: ctx.domainId,
    packId: ctx.packId,
    ...(task ?? ctx.task ? { task: task ?? ctx.task } : {}),
    ...(ctx.caseKey ? { caseKey: ctx.caseKey } : {}),
    source: { file: ctx.file, line: sink.lineOf(q.node) },
  } as Question;
}

function readChoice(q: Rec, type: 'single' | 'multiple', name: string, sink: ProblemSink): Pick<ChoiceQuestion, 'type' | 'options'> | undefined {
  // Absent, or present but not a list (already reported): nothing more to say about it.
  if (!q.fields.has('options')) return undefined;
  const optionRecs = recs(q, 'options').filter((o) => o.complete);
  const options: Option[] = optionRecs.map((o) => ({ text: str(o, 'text')!, correct: bool(o, 'correct') ?? false, why: str(o, 'why') ?? '' }));
  const optionsNode = nodeOf(q, 'options');
  let ok = true;
  if (options.length < 2) {
    sink.at(optionsNode, 'too-few-options', 'error', `${name} has ${options.length} usable option${options.length === 1 ? '' : 's'}; it needs at least two and is skipped.`);
    ok = false;
  }
  reportDuplicates(optionRecs.map((o) => ({ text: str(o, 'text')!, node: nodeOf(o, 'text') })), 'option', name, sink, 'warning');
  const correct = options.filter((o) => o.correct).length;
  if (options.length >= 2 && correct === 0) {
    sink.at(optionsNode, 'no-correct-option', 'error', `${name} has no correct option; mark the right one with "correct: true". The question is skipped.`);
    ok = false;
  }
  if (type === 'single' && correct > 1) {
    sink.at(nodeOf(q, 'type'), 'single-many-correct', 'error', `${name} is "single" but has ${correct} correct options. Make it "type: multiple" or leave one correct. The question is skipped.`);
    ok = false;
  }
  if (type === 'multiple' && correct === 1) {
    sink.at(nodeOf(q, 'type'), 'multiple-too-few-correct', 'error', `${name} is "multiple" but has only one correct option. Make it "type: single" or mark another option correct. The question is skipped.`);
    ok = false;
  }
  const prompt = str(q, 'prompt');
  const choose = prompt === undefined ? null : /\(\s*choose\s+(two|three|four|five|six|\d+)\s*\.?\s*\)/i.exec(prompt);
  if (choose && correct > 0) {
    const n = NUMBER_WORDS[choose[1].toLowerCase()] ?? Number(choose[1]);
    if (n !== correct) {
      sink.at(nodeOf(q, 'prompt'), 'choose-count-mismatch', 'warning', `${name} says "${choose[0]}" but has ${correct} correct option${correct === 1 ? '' : 's'}. Make the prompt and the answer key agree.`);
    }
  }
  return ok ? { type, options } : undefined;
}

function readOrdering(q: Rec, name: string, sink: ProblemSink): Pick<OrderingQuestion, 'type' | 'items'> | undefined {
  if (!q.fields.has('items')) return undefined;
  const itemRecs = recs(q, 'items').filter((i) => i.complete);
  const items: OrderItem[] = itemRecs.map((i) => ({ text: str(i, 'text')!, why: str(i, 'why') ?? '' }));
  let ok = true;
  if (items.length < ORDERING_ITEMS.min || items.length > ORDERING_ITEMS.max) {
    sink.at(nodeOf(q, 'items'), 'ordering-item-count', 'error', `${name} has ${items.length} usable item${items.length === 1 ? '' : 's'}; an ordering question takes ${ORDERING_ITEMS.min} to ${ORDERING_ITEMS.max}, as on the exam. The question is skipped.`);
    ok = false;
  }
  if (reportDuplicates(itemRecs.map((i) => ({ text: str(i, 'text')!, node: nodeOf(i, 'text') })), 'item', name, sink, 'error')) ok = false;
  return ok ? { type: 'ordering', items } : undefined;
}

function readMatching(q: Rec, name: string, sink: ProblemSink): Pick<MatchingQuestion, 'type' | 'pairs' | 'distractors'> | undefined {
  if (!q.fields.has('pairs')) return undefined;
  const pairRecs = recs(q, 'pairs').filter((p) => p.complete);
  const distractorRecs = recs(q, 'distractors').filter((d) => d.complete);
  const pairs: MatchPair[] = pairRecs.map((p) => ({ prompt: str(p, 'prompt')!, response: str(p, 'response')!, why: str(p, 'why') ?? '' }));
  const distractors: Distractor[] = distractorRecs.map((d) => ({ text: str(d, 'text')!, why: str(d, 'why') ?? '' }));
  let ok = true;
  if (pairs.length < MATCHING_PAIRS.min || pairs.length > MATCHING_PAIRS.max) {
    sink.at(nodeOf(q, 'pairs'), 'matching-pair-count', 'error', `${name} has ${pairs.length} usable pair${pairs.length === 1 ? '' : 's'}; a matching question takes ${MATCHING_PAIRS.min} to ${MATCHING_PAIRS.max} prompts, as on the exam. The question is skipped.`);
    ok = false;
  }
  if (reportDuplicates(pairRecs.map((p) => ({ text: str(p, 'prompt')!, node: nodeOf(p, 'prompt') })), 'prompt', name, sink, 'error')) ok = false;
  // Each response is used once, so a response written twice (or a distractor equal to a right response)
  // would make two answers right.
  const responses = [...pairRecs.map((p) => ({ text: str(p, 'response')!, node: nodeOf(p, 'response') })), ...distractorRecs.map((d) => ({ text: str(d, 'text')!, node: nodeOf(d, 'text') }))];
  if (reportDuplicates(responses, 'response', name, sink, 'error')) ok = false;
  return ok ? { type: 'matching', pairs, distractors } : undefined;
}

/** Reports each text that repeats an earlier one (compared without case and extra spaces); true if any did. */
function reportDuplicates(entries: readonly { text: string; node: Node }[], what: string, name: string, sink: ProblemSink, severity: 'error' | 'warning'): boolean {
  const seen = new Map<string, number>();
  let found = false;
  entries.forEach((e, i) => {
    const norm = e.text.replace(/\s+/g, ' ').trim().toLowerCase();
    const first = seen.get(norm);
    if (first === undefined) {
      seen.set(norm, i);
      return;
    }
    found = true;
    const consequence = severity === 'error' ? ' The question is skipped until they differ.' : '';
    sink.at(e.node, 'duplicate-text', severity, `${name}: ${what} ${i + 1} repeats ${what} ${first + 1} ("${clip(e.text)}"); a learner could not tell them apart. Reword or remove one.${consequence}`);
  });
  return found;
}

function readCase(c: Rec, sink: ProblemSink, ctx: QuestionContext): { study: CaseStudy; questions: Question[] } | undefined {
  const id = str(c, 'id');
  let usable = c.complete && id !== undefined;
  if (id !== undefined) {
    const seen = ctx.ids.cases.get(id);
    if (seen !== undefined) {
      sink.at(nodeOf(c, 'id'), 'duplicate-id', 'error', `Case study id "${id}" is already used (${seen}); this case study is skipped. Give it another id.`);
      usable = false;
    } else {
      ctx.ids.cases.set(id, `${ctx.relative}:${sink.lineOf(c.node) + 1}`);
    }
  }
  const scenario = str(c, 'scenario');
  if (scenario === undefined) usable = false;
  const caseKey = id === undefined ? undefined : `${ctx.packId}/${id}`;
  const written = recs(c, 'questions');
  const questions: Question[] = [];
  for (const q of written) {
    const question = readQuestion(q, sink, { ...ctx, caseKey });
    if (question) questions.push(question);
  }
  const name = id === undefined ? 'This case study' : `Case study "${id}"`;
  if (c.valueNodes.has('questions') && written.length < 2) {
    sink.at(nodeOf(c, 'questions'), 'case-too-few-questions', 'error', `${name} has ${written.length} question${written.length === 1 ? '' : 's'}; a case study has two or more that share its scenario. Add another, or make it an ordinary question. The case study is skipped.`);
    usable = false;
  } else if (written.length >= 2 && questions.length < 2) {
    sink.at(nodeOf(c, 'questions'), 'case-too-few-questions', 'error', `${name} has only ${questions.length} question${questions.length === 1 ? '' : 's'} without errors; fix the others so it has at least two. The case study is skipped.`);
    usable = false;
  }
  if (!usable || id === undefined || scenario === undefined) return undefined;
  return {
    study: { id, key: caseKey!, title: str(c, 'title')!, scenario, questionKeys: questions.map((q) => q.key), topicId: ctx.topicId, packId: ctx.packId, source: { file: ctx.file, line: sink.lineOf(c.node) } },
    questions,
  };
}

/** A topic's or question's task must be one of pack.yaml's tasks, when the pack lists them. */
function checkTask(task: string, node: Node, sink: ProblemSink, taskIds: readonly string[]): void {
  if (taskIds.length === 0 || taskIds.includes(task)) return;
  const guess = closest(task, taskIds);
  sink.at(node, 'unknown-task', 'warning', `Task "${task}" is not one of the task statements in pack.yaml (${taskIds.join(', ')}).${guess ? ` Did you mean "${guess}"?` : ''}`);
}

const URL = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

function checkSources(rec: Rec, sink: ProblemSink): string[] {
  const out: string[] = [];
  for (const item of list(rec, 'sources')) {
    if (URL.test(item.value)) out.push(item.value);
    else sink.at(item.node, 'invalid-source', 'warning', `Source "${clip(item.value)}" is not a web address; write the page's full URL, starting with https://.`);
  }
  return out;
}

function checkReviewed(rec: Rec, sink: ProblemSink, today: string): string | undefined {
  const reviewed = str(rec, 'reviewed');
  if (reviewed === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})$/.exec(reviewed);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) {
    sink.at(nodeOf(rec, 'reviewed'), 'invalid-date', 'warning', `"reviewed" is "${clip(reviewed)}"; write the month the notes were checked as YYYY-MM, e.g. "2026-11" (quoted).`);
    return undefined;
  }
  if (reviewed > today) {
    sink.at(nodeOf(rec, 'reviewed'), 'invalid-date', 'warning', `"reviewed" is ${reviewed}, which is in the future (this month is ${today}); write the month the notes were actually checked.`);
    return undefined;
  }
  return reviewed;
}

function currentMonth(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

function clip(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
}

/** The key of a field, for problems about the field itself rather than its value. */
function keyNodeOf(rec: Rec, name: string): Node {
  if (isMap(rec.node)) {
    const pair = rec.node.items.find((p) => isScalar(p.key) && p.key.value === name);
    if (pair) return pair.key as Node;
  }
  return nodeOf(rec, name);
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
