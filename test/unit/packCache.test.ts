import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadPack } from '../../src/core/content/loader';
import { fromPackCache, fromShippedCache, toPackCache } from '../../src/core/content/packCache';
import { readPackFolder } from '../../src/core/content/packFiles';

describe('built-in pack cache', () => {
  const root = path.resolve(__dirname, '..', '..', '..', 'content', 'aws-ai-practitioner');

  it('gives back exactly the pack the loader makes, at any install location', async () => {
    const { files } = await readPackFolder(root);
    const loaded = loadPack({ root, origin: 'builtin', files }).pack!;
    const cache = JSON.parse(JSON.stringify(toPackCache(loaded, files)));
    assert.deepEqual(fromPackCache(cache, root, files), JSON.parse(JSON.stringify(loaded)));
    const elsewhere = fromPackCache(cache, '/opt/ext/content/aws-ai-practitioner', files)!;
    assert.equal(elsewhere.topics[0].questions[0].source.file, path.join('/opt/ext/content/aws-ai-practitioner', 'topics', path.basename(loaded.topics[0].questions[0].source.file)));
  });

  it('is ignored when any file changed, so an edited pack loads from its YAML', async () => {
    const { files } = await readPackFolder(root);
    const loaded = loadPack({ root, origin: 'builtin', files }).pack!;
    const cache = toPackCache(loaded, files);
    const edited = files.map((f, i) => (i === 0 ? { ...f, text: f.text + '\n# edit' } : f));
    assert.equal(fromPackCache(cache, root, edited), undefined);
    assert.equal(fromPackCache({ ...cache, version: 999 }, root, files), undefined);
    assert.equal(fromPackCache(undefined, root, files), undefined);
    assert.equal(fromPackCache('garbage', root, files), undefined);
  });

  it('loads from the cache alone where the package leaves the YAML out, and refuses another cache version', async () => {
    const { files } = await readPackFolder(root);
    const loaded = loadPack({ root, origin: 'builtin', files }).pack!;
    const cache = JSON.parse(JSON.stringify(toPackCache(loaded, files)));
    const shipped = fromShippedCache(cache, '/opt/ext/content/aws-ai-practitioner')!;
    assert.equal(shipped.topics.length, loaded.topics.length);
    assert.equal(shipped.topics.flatMap((t) => t.cases).length, loaded.topics.flatMap((t) => t.cases).length);
    assert.equal(fromShippedCache({ ...cache, version: 999 }, root), undefined);
    assert.equal(fromShippedCache(undefined, root), undefined);
  });
});
