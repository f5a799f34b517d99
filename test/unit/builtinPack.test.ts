import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadPack, type LoadResult } from '../../src/core/content/loader';
import type { ChoiceQuestion } from '../../src/core/content/model';
import { packFigures } from '../../src/core/content/packFigures';
import { readPackFolder } from '../../src/core/content/packFiles';
import { TermIndex } from '../../src/core/glossary/termIndex';

const root = path.resolve(__dirname, '..', '..', '..', 'content', 'aws-ai-practitioner');

describe('built-in pack: AWS Certified AI Practitioner', () => {
  let r: LoadResult;
  before(async () => {
    const { files } = await readPackFolder(root);
    r = loadPack({ root, origin: 'builtin', files });
  });

  it('loads with zero problems', () => {
    assert.deepEqual(r.problems.map((p) => `${path.basename(p.file)}:${p.range.start.line + 1} ${p.code} ${p.message}`), []);
  });

  it('has the AIF-C01 exam profile and the five domains at 20/24/28/14/14', () => {
    const p = r.pack!;
    assert.deepEqual(p.exam, { questions: 65, minutes: 90, passScore: 700, maxScore: 1000 });
    assert.deepEqual(p.domains.map((d) => [d.id, d.weight]), [
      ['ai-ml-fundamentals', 20],
      ['gen-ai-fundamentals', 24],
      ['fm-applications', 28],
      ['responsible-ai', 14],
      ['security-governance', 14],
    ]);
    // The pack and each domain with a short title, so its row and figures fit a sidebar of default width.
    assert.ok(p.short && p.short.length <= 20 && p.title.includes(p.short), `the pack's short title: ${p.short}`);
    for (const d of p.domains) assert.ok(d.short && d.short.length <= 25, `${d.id} has a short title for the tree: ${d.short}`);
  });

  it('is the biggest open bank: 480+ questions, 20%+ multiple response, 60+ ordering or matching, 6+ case studies of 2-4, 240+ terms', () => {
    const f = packFigures(r.pack!);
    assert.ok(f.questions >= 480, `${f.questions} questions`);
    assert.ok(f.byType.multiple / f.questions >= 0.2, `${f.byType.multiple} of ${f.questions} are multiple response`);
    assert.ok(f.byType.ordering + f.byType.matching >= 60, `${f.byType.ordering} ordering + ${f.byType.matching} matching`);
    assert.ok(f.cases >= 6, `${f.cases} case studies`);
    for (const c of r.pack!.topics.flatMap((t) => t.cases)) assert.ok(c.questionKeys.length >= 2 && c.questionKeys.length <= 4, `${c.id} has ${c.questionKeys.length} questions`);
    assert.ok(f.terms >= 240, `${f.terms} terms`);
  });

  it('lists the exam guide\'s 14 task statements and asks each in at least 6 questions; every topic names one', () => {
    const p = r.pack!;
    assert.deepEqual(p.tasks.map((t) => t.id), ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3', '3.4', '4.1', '4.2', '5.1', '5.2']);
    for (const t of packFigures(p).byTask) assert.ok(t.questions >= 6, `task ${t.id} is asked by ${t.questions} questions`);
    for (const t of p.topics) {
      assert.ok(t.task, `${t.id} names its task`);
      const task = p.tasks.find((x) => x.id === t.task)!;
      assert.ok(task.domainId === undefined || task.domainId === t.domainId, `${t.id}: task ${t.task} belongs to its domain`);
    }
  });

  it('does not give the key away by form: the longest option is the key in at most 30% of single answers', () => {
    const f = packFigures(r.pack!);
    assert.ok(f.longestIsKey.count / f.longestIsKey.of <= 0.3, `${f.longestIsKey.count} of ${f.longestIsKey.of}`);
    assert.deepEqual(f.missingWhy, [], 'every option, item, pair and distractor says why');
  });

  it('rests every topic on sources and says when it was last checked against them', () => {
    const p = r.pack!;
    for (const t of p.topics) {
      assert.ok(t.sources.length >= 1, `${t.id} lists its sources`);
      assert.match(t.reviewed ?? '', /^20\d\d-(0[1-9]|1[0-2])$/, `${t.id} has a review month`);
      assert.ok(t.short && t.short.length <= 32, `${t.id} has a short title for the tree: ${t.short}`);
    }
  });

  it('spreads questions across domains roughly by exam weight (within 4 points)', () => {
    const p = r.pack!;
    const total = p.topics.reduce((n, t) => n + t.questions.length, 0);
    for (const d of p.domains) {
      const n = p.topics.filter((t) => t.domainId === d.id).reduce((a, t) => a + t.questions.length, 0);
      const share = (n / total) * 100;
      assert.ok(Math.abs(share - d.weight) <= 4, `${d.id}: ${share.toFixed(1)}% of questions vs weight ${d.weight}%`);
    }
  });

  it('explains every option, and every multiple-response prompt says how many to choose', () => {
    for (const q of r.pack!.topics.flatMap((t) => t.questions)) {
      const parts = q.type === 'ordering' ? q.items : q.type === 'matching' ? [...q.pairs.map((p) => ({ text: `${p.prompt} → ${p.response}`, why: p.why })), ...q.distractors] : q.options;
      for (const o of parts) assert.ok(o.why.trim().length >= 15, `${q.id}: "${o.text}" explains why`);
      assert.ok(q.explanation.trim().length >= 20, `${q.id} has an explanation`);
      if (q.type === 'multiple') assert.match(q.prompt, /\(Choose (two|three)\.\)/, q.id);
      if (q.type === 'single') assert.equal(q.options.length, 4, `${q.id}: single answer has four options`);
    }
  });

  it('does not let the correct answer sit in one position: each of A-D holds 15-35% of single-answer keys', () => {
    const singles = r.pack!.topics.flatMap((t) => t.questions).filter((q): q is ChoiceQuestion => q.type === 'single');
    const counts = [0, 0, 0, 0];
    for (const q of singles) counts[q.options.findIndex((o) => o.correct)]++;
    for (const c of counts) assert.ok(c / singles.length >= 0.15 && c / singles.length <= 0.35, `positions A-D: ${counts.join('/')}`);
  });

  it('has a glossary entry with an expansion for every acronym the seed notes use, and every seed term', () => {
    const p = r.pack!;
    const index = new TermIndex(p.terms);
    const seedTerms = [
      'PEFT', 'RLHF', 'ROUGE', 'BLEU', 'RMSE', 'accuracy', 'LLM', 'transformer', 'self-attention', 'encoder', 'decoder',
      'foundation model', 'self-supervised learning', 'multimodal model', 'underfitting', 'overfitting', 'bias', 'variance',
      'Amazon Bedrock', 'SageMaker Canvas', 'SageMaker JumpStart', 'SageMaker Clarify', 'SageMaker Data Wrangler', 'Amazon Q',
      'AWS Trainium', 'AWS Inferentia', 'GPT', 'Hugging Face',
      // Seed ideas an independent check found without a hover: what the metrics measure and what for.
      'generalization', 'unimodal model', 'summarization', 'machine translation', 'n-gram', 'reward model', 'frozen weights', 'text generation', 'information extraction',
    ];
    const missing = seedTerms.filter((t) => index.findTermAt(t, 0)?.text !== t);
    assert.deepEqual(missing, [], 'each seed term is found by the hover as a whole');
    for (const acronym of ['PEFT', 'RLHF', 'ROUGE', 'BLEU', 'RMSE', 'LLM', 'GPT']) {
      assert.ok(index.findTermAt(acronym, 0)?.term.expansion, `${acronym} has an expansion`);
    }
  });

  it('links every term to a topic and gives look-alikes for the classic confusions', () => {
    const p = r.pack!;
    const byId = new Map(p.terms.map((t) => [t.id, t]));
    for (const t of p.terms) assert.ok(t.topicId, `${t.id} names its topic`);
    const pairs: [string, string][] = [
      ['rouge', 'bleu'],
      ['aws-trainium', 'aws-inferentia'],
      ['sagemaker-canvas', 'sagemaker-jumpstart'],
      ['bias', 'variance'],
      ['peft', 'full-fine-tuning'],
      ['amazon-bedrock', 'sagemaker-jumpstart'],
    ];
    for (const [a, b] of pairs) {
      const linked = byId.get(a)?.confusedWith.some((c) => c.id === b) || byId.get(b)?.confusedWith.some((c) => c.id === a);
      assert.ok(linked, `${a} and ${b} are marked as often confused`);
    }
  });

  it('uses every glossary term in at least one question or confusion link', () => {
    const p = r.pack!;
    const used = new Set(p.topics.flatMap((t) => t.questions.flatMap((q) => q.terms)));
    for (const t of p.terms) for (const c of t.confusedWith) used.add(c.id);
    const unused = p.terms.filter((t) => !used.has(t.id)).map((t) => t.id);
    assert.ok(unused.length <= p.terms.length * 0.1, `terms never used: ${unused.join(', ')}`);
  });
});
