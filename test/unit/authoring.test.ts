import * as assert from 'node:assert/strict';
import { addTermToGlossary, slugify, uniqueId } from '../../src/core/content/authoring';
import { loadPack } from '../../src/core/content/loader';
import { scaffoldPack } from '../../src/core/content/scaffold';

describe('authoring', () => {
  it('the New Pack scaffold loads with no problems: three topics, one question of each type, a case study and a glossary', () => {
    const files = Object.entries(scaffoldPack('my-pack', 'My pack')).map(([relative, text]) => ({ relative, text, path: `/x/${relative}` }));
    const r = loadPack({ root: '/x', origin: 'workspace', files });
    assert.deepEqual(r.problems, []);
    assert.equal(r.pack?.topics.length, 3);
    const questions = r.pack!.topics.flatMap((t) => t.questions);
    assert.deepEqual([...new Set(questions.map((q) => q.type))].sort(), ['matching', 'multiple', 'ordering', 'single']);
    assert.deepEqual(r.pack!.topics.flatMap((t) => t.cases).map((c) => c.questionKeys.length), [2]);
    assert.ok(r.pack!.topics.every((t) => t.questions.length > 0));
    assert.equal(r.pack?.terms.length, 2);
  });

  it('adds a term and keeps the comments and layout of the glossary', () => {
    const before = '# Team glossary\nterms:\n  # networking\n  - id: vpc\n    term: VPC   # virtual private cloud\n    definition: A private network.\n';
    const after = addTermToGlossary(before, { id: 'subnet', term: 'subnet', definition: 'A range of addresses: part of a VPC.' });
    assert.ok(after.startsWith('# Team glossary\nterms:\n  # networking\n  - id: vpc\n    term: VPC # virtual private cloud\n'), after);
    assert.match(after, /- id: subnet\n {4}term: subnet\n {4}definition: "A range of addresses: part of a VPC."\n$/);
    const r = loadPack({ root: '/x', origin: 'workspace', files: [{ relative: 'pack.yaml', path: '/x/pack.yaml', text: 'id: x\ntitle: X\nversion: 1\ndomains: []\n' }, { relative: 'glossary.yaml', path: '/x/glossary.yaml', text: after }] });
    assert.deepEqual(r.pack?.terms.map((t) => t.id), ['vpc', 'subnet']);
  });

  it('creates the list in an empty or comment-only glossary', () => {
    assert.equal(addTermToGlossary('', { id: 'a', term: 'A', definition: 'D' }), 'terms:\n  - id: a\n    term: A\n    definition: D\n');
    assert.match(addTermToGlossary('# only a comment\n', { id: 'a', term: 'A', definition: 'D' }), /^# only a comment\nterms:\n {2}- id: a/);
  });

  it('refuses to edit a glossary with YAML errors, saying why', () => {
    assert.throws(() => addTermToGlossary('terms: [oops\n', { id: 'a', term: 'A', definition: 'D' }), /YAML errors/);
  });

  it('makes ids from terms and keeps them unique', () => {
    assert.equal(slugify('Amazon SageMaker Canvas'), 'amazon-sagemaker-canvas');
    assert.equal(slugify('Zürich  Modell!'), 'zurich-modell');
    assert.equal(uniqueId('peft', new Set(['peft', 'peft-2'])), 'peft-3');
  });
});
