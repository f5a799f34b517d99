import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadPack } from '../../src/core/content/loader';
import type { Pack } from '../../src/core/content/model';
import { readPackFolder } from '../../src/core/content/packFiles';
import { drillKey, drillQuestions, maskTerm } from '../../src/core/glossary/drills';
import { termCards } from '../../src/core/glossary/termCards';
import { load } from './helpers';

describe('confusable-term drills', () => {
  let pack: Pack;
  before(async () => {
    const root = path.resolve(__dirname, '..', '..', '..', 'content', 'aws-ai-practitioner');
    pack = loadPack({ root, origin: 'builtin', files: (await readPackFolder(root)).files }).pack!;
  });

  it('makes one question per term with look-alikes: the right term always there, no option twice, stable ids', () => {
    const drills = drillQuestions(pack);
    const withLookalikes = pack.terms.filter((t) => t.confusedWith.length > 0);
    assert.ok(drills.length > 0 && drills.length <= withLookalikes.length);
    for (const d of drills) {
      const termId = d.id.slice('drill:'.length);
      const term = pack.terms.find((t) => t.id === termId)!;
      assert.equal(d.key, drillKey(pack.id, termId));
      assert.equal(d.options.filter((o) => o.correct).length, 1, d.id);
      assert.match(d.options.find((o) => o.correct)!.text, new RegExp(`^${term.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), `${d.id}: the right option is the term`);
      assert.equal(new Set(d.options.map((o) => o.text.toLowerCase())).size, d.options.length, `${d.id}: no option twice`);
      assert.ok(d.options.length >= 2 && d.options.length <= 4);
      for (const o of d.options) assert.ok(o.why.length > 10, `${d.id}: every option says why`);
    }
    assert.deepEqual(drillQuestions(pack).map((d) => [d.key, d.options.map((o) => o.text)]), drills.map((d) => [d.key, d.options.map((o) => o.text)]), 'the same ids and option order every time');
    const rouge = drills.find((d) => d.id === 'drill:rouge')!;
    assert.ok(rouge.options.some((o) => /^BLEU/.test(o.text)), 'ROUGE is drilled against BLEU');
    assert.doesNotMatch(rouge.prompt, /\bROUGE\b/, 'the definition does not name the answer');
  });

  it('puts the right term in every position over the pack, not always first', () => {
    const positions = new Set(drillQuestions(pack).map((d) => d.options.findIndex((o) => o.correct)));
    assert.ok(positions.size >= 3, [...positions].join(','));
  });

  it('blanks a term\'s names in its definition, whole words only, acronyms in their case', () => {
    const t = { id: 'peft', term: 'PEFT', expansion: 'Parameter-Efficient Fine-Tuning', aliases: ['parameter-efficient fine-tuning'], definition: '', confusedWith: [], packId: 'p', source: { file: 'f', line: 0 } };
    assert.equal(maskTerm('PEFT (parameter-efficient fine-tuning) trains few weights; PEFTs are cheap. SPEFT is not.', t), '___ (___) trains few weights; ___ are cheap. SPEFT is not.');
  });

  it('skips a look-alike that is not in the glossary, and a term without any', () => {
    const r = load({ 'glossary.yaml': 'terms:\n  - { id: a, term: Alpha, definition: The first., confusedWith: [b] }\n  - { id: b, term: Beta, definition: The second. }\n  - { id: c, term: Gamma, definition: The third. }\n' });
    assert.deepEqual(drillQuestions(r.pack!).map((d) => d.id), ['drill:a']);
  });

  it('makes two term cards per term with stable keys: term to definition and definition to term', () => {
    const cards = termCards(pack);
    assert.equal(cards.length, pack.terms.length * 2);
    const peft = cards.filter((c) => c.id.startsWith(`card:term:${pack.id}/peft:`));
    assert.deepEqual(peft.map((c) => c.kind), ['basic', 'reversed']);
    assert.match(peft[0].front, /\*\*PEFT\*\*/);
    assert.doesNotMatch(peft[1].front, /\bPEFT\b/, 'the definition side does not show the term');
    assert.equal(new Set(cards.map((c) => c.id)).size, cards.length);
  });
});
