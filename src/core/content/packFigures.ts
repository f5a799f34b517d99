import type { ChoiceQuestion, Pack, Question, QuestionType } from './model';

/**
 * The figures a pack's form is judged by: size and spread (per domain, task and type), and whether the key
 * can be found from the options' form alone. Used by the pack tests, the README check and `npm run pack`.
 */
export interface PackFigures {
  readonly topics: number;
  readonly questions: number;
  readonly terms: number;
  readonly cases: number;
  readonly caseQuestions: number;
  readonly byType: Readonly<Record<QuestionType, number>>;
  readonly byDomain: readonly { readonly id: string; readonly weight: number; readonly questions: number; readonly byType: Readonly<Record<QuestionType, number>> }[];
  readonly byTask: readonly { readonly id: string; readonly title: string; readonly questions: number; readonly byType: Readonly<Record<QuestionType, number>> }[];
  /** Single-answer questions whose right option is strictly the longest, and how many singles there are. */
  readonly longestIsKey: { readonly count: number; readonly of: number };
  /** How often the right option of a single-answer question sits at each position (0-based). */
  readonly keyPositions: readonly number[];
  /** Options that stand out by an absolute word ("always", "never", "only", ...), with whether they are the key. */
  readonly absoluteWords: { readonly inKeys: number; readonly inDistractors: number };
  /** Questions that do not say why for some option, item, pair or distractor. */
  readonly missingWhy: readonly string[];
  /** Topics without sources, or without a review date. */
  readonly topicsWithoutSources: readonly string[];
  readonly topicsWithoutReviewDate: readonly string[];
}

const ABSOLUTE = /\b(always|never|only|all|none|every|guarantees?|completely|entirely)\b/i;

function emptyTypes(): Record<QuestionType, number> {
  return { single: 0, multiple: 0, ordering: 0, matching: 0 };
}

/** Visible length of an option: Markdown marks do not make it look longer. */
function visibleLength(text: string): number {
  return text.replace(/[`*_]/g, '').replace(/\s+/g, ' ').trim().length;
}

export function packFigures(pack: Pack): PackFigures {
  const questions: Question[] = pack.topics.flatMap((t) => t.questions);
  const byType = emptyTypes();
  for (const q of questions) byType[q.type]++;

  const byDomain = pack.domains.map((d) => {
    const types = emptyTypes();
    let n = 0;
    for (const q of questions) {
      if (q.domainId !== d.id) continue;
      n++;
      types[q.type]++;
    }
    return { id: d.id, weight: d.weight, questions: n, byType: types };
  });

  const taskIds = pack.tasks.length > 0 ? pack.tasks.map((t) => t.id) : [...new Set(questions.map((q) => q.task).filter((t): t is string => t !== undefined))].sort();
  const byTask = taskIds.map((id) => {
    const types = emptyTypes();
    let n = 0;
    for (const q of questions) {
      if (q.task !== id) continue;
      n++;
      types[q.type]++;
    }
    return { id, title: pack.tasks.find((t) => t.id === id)?.title ?? '', questions: n, byType: types };
  });

  const singles = questions.filter((q): q is ChoiceQuestion => q.type === 'single');
  let longest = 0;
  const positions: number[] = [];
  for (const q of singles) {
    const lengths = q.options.map((o) => visibleLength(o.text));
    const key = q.options.findIndex((o) => o.correct);
    if (key < 0) continue;
    positions[key] = (positions[key] ?? 0) + 1;
    if (lengths.every((l, i) => i === key || l < lengths[key])) longest++;
  }
  const maxOptions = Math.max(0, ...singles.map((q) => q.options.length));
  const keyPositions = Array.from({ length: maxOptions }, (_, i) => positions[i] ?? 0);

  let inKeys = 0;
  let inDistractors = 0;
  for (const q of questions) {
    if (q.type !== 'single' && q.type !== 'multiple') continue;
    for (const o of q.options) {
      if (!ABSOLUTE.test(o.text)) continue;
      if (o.correct) inKeys++;
      else inDistractors++;
    }
  }

  const missingWhy: string[] = [];
  for (const q of questions) {
    const whys = q.type === 'ordering' ? q.items.map((i) => i.why) : q.type === 'matching' ? [...q.pairs.map((p) => p.why), ...q.distractors.map((d) => d.why)] : q.options.map((o) => o.why);
    if (whys.some((w) => w.trim() === '')) missingWhy.push(q.id);
  }

  return {
    topics: pack.topics.length,
    questions: questions.length,
    terms: pack.terms.length,
    cases: pack.topics.reduce((a, t) => a + t.cases.length, 0),
    caseQuestions: questions.filter((q) => q.caseKey !== undefined).length,
    byType,
    byDomain,
    byTask,
    longestIsKey: { count: longest, of: singles.length },
    keyPositions,
    absoluteWords: { inKeys, inDistractors },
    missingWhy,
    topicsWithoutSources: pack.topics.filter((t) => t.sources.length === 0).map((t) => t.id),
    topicsWithoutReviewDate: pack.topics.filter((t) => t.reviewed === undefined).map((t) => t.id),
  };
}

const pct = (n: number, of: number): string => (of === 0 ? '0%' : `${Math.round((100 * n) / of)}%`);

/** The figures as lines for a person (the `npm run pack` report). */
export function formatPackFigures(f: PackFigures): string[] {
  const types = (t: Record<QuestionType, number>) => `${t.single} single, ${t.multiple} multiple, ${t.ordering} ordering, ${t.matching} matching`;
  return [
    `${f.topics} topics, ${f.questions} questions, ${f.terms} terms, ${f.cases} case studies (${f.caseQuestions} questions)`,
    `by type: ${types(f.byType)}; multiple response ${pct(f.byType.multiple, f.questions)}; ordering or matching ${f.byType.ordering + f.byType.matching}`,
    ...f.byDomain.map((d) => `  domain ${d.id} (weight ${d.weight}%): ${d.questions} (${pct(d.questions, f.questions)}): ${types(d.byType)}`),
    ...f.byTask.map((t) => `  task ${t.id}: ${t.questions}: ${types(t.byType)}${t.title ? ` · ${t.title}` : ''}`),
    `longest option is the key: ${f.longestIsKey.count} of ${f.longestIsKey.of} single-answer questions (${pct(f.longestIsKey.count, f.longestIsKey.of)}; at most 30%)`,
    `key positions (single): ${f.keyPositions.map((n, i) => `${String.fromCharCode(65 + i)} ${n}`).join(', ')}`,
    `absolute words ("always", "only", ...): ${f.absoluteWords.inKeys} in keys, ${f.absoluteWords.inDistractors} in distractors`,
    `missing why: ${f.missingWhy.length ? f.missingWhy.join(', ') : 'none'}`,
    `topics without sources: ${f.topicsWithoutSources.length}; without a review date: ${f.topicsWithoutReviewDate.length}`,
  ];
}

/** The sentence the README gives for the built-in pack; the README check keeps it equal to the pack. */
export function readmeFigures(f: PackFigures, tasks: number): string {
  return (
    `${f.topics} topics over the ${tasks} task statements, ${f.questions} questions (${f.byType.single} single answer, ${f.byType.multiple} multiple response, ` +
    `${f.byType.ordering} ordering, ${f.byType.matching} matching; ${f.caseQuestions} of them in ${f.cases} case studies) and ${f.terms} glossary terms`
  );
}
