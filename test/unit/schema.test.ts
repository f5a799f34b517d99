import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { jsonSchemaFor, type FileKind } from '../../src/core/content/schema';
import { load } from './helpers';

const repo = path.resolve(__dirname, '..', '..', '..');

describe('JSON Schema for pack files', () => {
  for (const kind of ['pack', 'glossary', 'topic'] as FileKind[]) {
    it(`content/schema/${kind}.schema.json is the one generated from the validator's spec (run "npm run schema")`, () => {
      const committed = JSON.parse(fs.readFileSync(path.join(repo, 'content', 'schema', `${kind}.schema.json`), 'utf8'));
      assert.deepEqual(committed, jsonSchemaFor(kind));
    });
  }

  it('lists exactly the fields the validator accepts: an unknown field is reported, a schema field is not', () => {
    const schema = jsonSchemaFor('topic') as { properties: Record<string, unknown> };
    const fields = Object.keys(schema.properties);
    assert.deepEqual(fields, ['id', 'title', 'short', 'domain', 'task', 'notes', 'sources', 'reviewed', 'questions', 'cases']);
    const withTask = load({ 'topics/t1.yaml': `id: t1\ntitle: T\ndomain: d1\ntask: "1.1"\nnotes: N\n` });
    assert.deepEqual(withTask.problems, []);
    const withExtra = load({ 'topics/t1.yaml': `id: t1\ntitle: T\ndomain: d1\nsubject: x\nnotes: N\n` });
    assert.deepEqual(withExtra.problems.map((p) => p.code), ['unknown-field']);
  });

  it('marks as required the fields whose absence the validator reports', () => {
    const schema = jsonSchemaFor('glossary') as { properties: { terms: { items: { required: string[] } } } };
    assert.deepEqual(schema.properties.terms.items.required, ['id', 'term', 'definition']);
    const r = load({ 'glossary.yaml': 'terms:\n  - { id: x, term: X }\n' });
    assert.deepEqual(r.problems.filter((p) => p.file.endsWith('glossary.yaml')).map((p) => p.code), ['missing-field']);
  });
});
