import * as assert from 'node:assert/strict';
import { brief, GOOD_Q, load, topic } from './helpers';

describe('pack loader', () => {
  it('loads a good pack with no problems', () => {
    const r = load({});
    assert.deepEqual(r.problems, []);
    assert.equal(r.pack?.id, 'demo');
    assert.deepEqual(r.pack?.topics.map((t) => t.id), ['t1']);
    assert.equal(r.pack?.topics[0].questions[0].key, 'demo/q1');
    assert.equal(r.pack?.terms.length, 2);
    assert.deepEqual(r.pack?.terms[1].confusedWith, [{ id: 'peft', difference: undefined }]);
  });

  it('keeps a pack\'s and a domain\'s optional short title for the tree', () => {
    const r = load({ 'pack.yaml': 'id: demo\ntitle: Demo\nshort: Dm\nversion: 1\ndomains:\n  - { id: d1, title: The long official name, short: Short, weight: 60 }\n  - { id: d2, title: Two, weight: 40 }\n' });
    assert.deepEqual(r.problems, []);
    assert.equal(r.pack?.short, 'Dm');
    assert.equal(load({}).pack?.short, undefined, 'none when not given');
    assert.deepEqual(r.pack?.domains, [
      { id: 'd1', title: 'The long official name', short: 'Short', weight: 60 },
      { id: 'd2', title: 'Two', weight: 40 },
    ]);
  });

  it('treats a key named like an Object.prototype member as an unknown field, at any depth', () => {
    const r = load({
      'pack.yaml': 'id: demo\ntitle: Demo\nversion: 1\nvalueOf: 1\nexam: { questions: 65, minutes: 90, passScore: 700, maxScore: 1000, valueOf: false, constructor: x }\ndomains:\n  - { id: d1, title: One, weight: 100, toString: y }\n',
      'topics/t1.yaml': topic('t1', GOOD_Q.replace('    explanation:', '    __proto__: z\n    hasOwnProperty: 2\n    explanation:')),
    });
    assert.deepEqual(r.problems.map((p) => [p.code, p.message.match(/"([^"]+)"/)?.[1]]), [
      ['unknown-field', 'valueOf'], ['unknown-field', 'valueOf'], ['unknown-field', 'constructor'], ['unknown-field', 'toString'],
      ['unknown-field', '__proto__'], ['unknown-field', 'hasOwnProperty'],
    ]);
    assert.equal(r.pack?.topics[0].questions.length, 1, 'the question still loads');
  });

  // One fixture per problem code: the code, the file and the exact range an author is sent to.
  const cases: { name: string; files: Record<string, string | undefined>; expect: ReturnType<typeof brief>[]; loads?: string[] }[] = [
    {
      name: 'yaml-syntax: an unclosed flow sequence, the file skipped, the rest loads',
      files: { 'topics/t2.yaml': 'id: t2\ntitle: [unclosed\n' },
      expect: [['yaml-syntax', 'topics/t2.yaml', 2, 0, 2, 1]],
      loads: ['t1'],
    },
    {
      name: 'duplicate-key',
      files: { 'topics/t2.yaml': topic('t2', GOOD_Q.replace(/q1/g, 'q2')).replace('title: Topic t2', 'title: A\ntitle: B') },
      expect: [['duplicate-key', 'topics/t2.yaml', 2, 0, 2, 5]],
      loads: ['t1'],
    },
    { name: 'empty-file', files: { 'topics/t2.yaml': '# nothing yet\n' }, expect: [['empty-file', 'topics/t2.yaml', 0, 0, 0, 0]] },
    {
      name: 'unknown-field with a suggestion',
      files: { 'topics/t1.yaml': topic('t1', GOOD_Q.replace('    explanation:', '    explanaton: x\n    explanation:')) },
      expect: [['unknown-field', 'topics/t1.yaml', 11, 4, 11, 14]],
    },
    {
      name: 'missing-field: a question without a prompt is skipped',
      files: { 'topics/t1.yaml': topic('t1', GOOD_Q.replace('    prompt: Which?\n', '')) },
      expect: [['missing-field', 'topics/t1.yaml', 5, 8, 5, 10]],
    },
    {
      name: 'wrong-type: options as text',
      files: { 'topics/t1.yaml': topic('t1', '  - id: q1\n    type: single\n    prompt: P\n    options: just text\n    explanation: E\n') },
      expect: [['wrong-type', 'topics/t1.yaml', 8, 13, 8, 22]],
    },
    {
      name: 'invalid-value: an unknown question type',
      files: { 'topics/t1.yaml': topic('t1', GOOD_Q.replace('type: single', 'type: singel')) },
      expect: [['invalid-value', 'topics/t1.yaml', 6, 10, 6, 16]],
    },
    {
      name: 'invalid-id',
      files: { 'topics/t1.yaml': topic('t1', GOOD_Q.replace('id: q1', 'id: Q 1')) },
      expect: [['invalid-id', 'topics/t1.yaml', 5, 8, 5, 11]],
    },
    {
      name: 'duplicate-id across files',
      files: { 'topics/t2.yaml': topic('t2', GOOD_Q) },
      expect: [['duplicate-id', 'topics/t2.yaml', 5, 8, 5, 10]],
      loads: ['t1', 't2'],
    },
    {
      name: 'id-file-mismatch',
      files: { 'topics/t1.yaml': undefined, 'topics/other.yaml': topic('t1', GOOD_Q) },
      expect: [['id-file-mismatch', 'topics/other.yaml', 0, 4, 0, 6]],
    },
    {
      name: 'no-correct-option',
      files: { 'topics/t1.yaml': topic('t1', GOOD_Q.replace(', correct: true', '')) },
      expect: [['no-correct-option', 'topics/t1.yaml', 9, 6, 10, 35]],
    },
    {
      name: 'single-many-correct',
      files: { 'topics/t1.yaml': topic('t1', GOOD_Q.replace('{ text: B,', '{ text: B, correct: true,')) },
      expect: [['single-many-correct', 'topics/t1.yaml', 6, 10, 6, 16]],
    },
    {
      name: 'multiple-too-few-correct',
      files: { 'topics/t1.yaml': topic('t1', GOOD_Q.replace('type: single', 'type: multiple')) },
      expect: [['multiple-too-few-correct', 'topics/t1.yaml', 6, 10, 6, 18]],
    },
    {
      name: 'too-few-options',
      files: { 'topics/t1.yaml': topic('t1', GOOD_Q.replace('      - { text: B, why: Not this. }\n', '')) },
      expect: [['too-few-options', 'topics/t1.yaml', 9, 6, 9, 49]],
    },
    {
      name: 'choose-count-mismatch',
      files: {
        'topics/t1.yaml': topic('t1', GOOD_Q.replace('type: single', 'type: multiple').replace('Which?', 'Which? (Choose three.)').replace('{ text: B,', '{ text: B, correct: true,')),
      },
      expect: [['choose-count-mismatch', 'topics/t1.yaml', 7, 12, 7, 34]],
    },
    {
      name: 'missing-why: a warning, the question still loads',
      files: { 'topics/t1.yaml': topic('t1', GOOD_Q.replace(', why: Not this.', '')) },
      expect: [['missing-why', 'topics/t1.yaml', 10, 10, 10, 14]],
    },
    {
      name: 'unknown-term in a question',
      files: { 'topics/t1.yaml': topic('t1', GOOD_Q.replace('terms: [peft]', 'terms: [peft, rlhf]')) },
      expect: [['unknown-term', 'topics/t1.yaml', 12, 18, 12, 22]],
    },
    {
      name: 'unknown-topic in a term',
      files: { 'glossary.yaml': 'terms:\n  - { id: peft, term: PEFT, definition: D, topic: nowhere }\n' },
      expect: [['unknown-topic', 'glossary.yaml', 1, 50, 1, 57]],
    },
    {
      name: 'unknown-domain: the topic is skipped',
      files: { 'topics/t2.yaml': topic('t2', GOOD_Q.replace('q1', 'q2')).replace('domain: d1', 'domain: d9') },
      expect: [['unknown-domain', 'topics/t2.yaml', 2, 8, 2, 10]],
      loads: ['t1'],
    },
    {
      name: 'domain-weights that do not add up to 100',
      files: { 'pack.yaml': 'id: demo\ntitle: Demo\nversion: 1\ndomains:\n  - { id: d1, title: One, weight: 60 }\n  - { id: d2, title: Two, weight: 30 }\n' },
      expect: [['domain-weights', 'pack.yaml', 4, 2, 5, 38]],
    },
    {
      name: 'missing-pack-file: nothing loads, and the author is told where',
      files: { 'pack.yaml': undefined },
      expect: [['missing-pack-file', 'glossary.yaml', 0, 0, 0, 0]],
      loads: [],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const r = load(c.files);
      assert.deepEqual(r.problems.map(brief), c.expect);
      for (const p of r.problems) assert.ok(p.message.length > 20, `message says what to fix: ${p.message}`);
      if (c.loads) assert.deepEqual(r.pack?.topics.map((t) => t.id) ?? [], c.loads);
    });
  }

  it('keeps the good questions of a topic when one is broken', () => {
    const broken = GOOD_Q.replace('id: q1', 'id: q0').replace(', correct: true', '');
    const r = load({ 'topics/t1.yaml': topic('t1', broken + GOOD_Q) });
    assert.deepEqual(r.pack?.topics[0].questions.map((q) => q.id), ['q1']);
    assert.equal(r.problems.length, 1);
  });

  it('reads glossary.yaml and glossary/*.yaml together and finds duplicates across them', () => {
    const r = load({ 'glossary/more.yaml': 'terms:\n  - { id: rlhf, term: RLHF, definition: D }\n  - { id: peft, term: PEFT2, definition: D }\n' });
    assert.deepEqual(r.pack?.terms.map((t) => t.id).sort(), ['lora', 'peft', 'rlhf']);
    assert.deepEqual(r.problems.map(brief), [['duplicate-id', 'glossary/more.yaml', 2, 10, 2, 14]]);
    assert.match(r.problems[0].message, /glossary\.yaml:2/);
  });

  it('drops a broken exam profile but keeps the pack', () => {
    const r = load({ 'pack.yaml': PACK_WITH_EXAM.replace('minutes: 90', 'minutes: ninety') });
    assert.equal(r.pack?.exam, undefined);
    assert.deepEqual(r.problems.map((p) => p.code), ['wrong-type']);
  });
});

const PACK_WITH_EXAM = `id: demo
title: Demo
version: 1
exam: { questions: 65, minutes: 90, passScore: 700, maxScore: 1000 }
domains:
  - { id: d1, title: One, weight: 60 }
  - { id: d2, title: Two, weight: 40 }
`;
