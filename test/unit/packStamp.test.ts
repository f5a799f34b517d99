import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listPackFolders, packStamp } from '../../src/core/content/packFiles';

/** As the content service takes it: over the pack folders listed under a .studydeck folder. */
const stampOf = async (dir: string) => packStamp(await listPackFolders(dir));

describe('packStamp: the workspace pack files by path, size and time', () => {
  let dir: string;
  const write = (rel: string, text: string) => {
    const file = path.join(dir, ...rel.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studydeck-stamp-'));
    write('demo/pack.yaml', 'id: demo\n');
    write('demo/topics/t1.yaml', 'id: t1\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stays the same while nothing changes', async () => {
    assert.equal(await stampOf(dir), await stampOf(dir));
  });

  it('changes when a pack file is edited, added, removed or renamed', async () => {
    const steps: [string, () => void][] = [
      ['edited', () => write('demo/topics/t1.yaml', 'id: t1\ntitle: T\n')],
      ['a topic added', () => write('demo/topics/t2.yaml', 'id: t2\n')],
      ['a glossary added', () => write('demo/glossary.yaml', 'terms: []\n')],
      ['a topic removed', () => fs.rmSync(path.join(dir, 'demo', 'topics', 't2.yaml'))],
      ['renamed', () => fs.renameSync(path.join(dir, 'demo', 'topics', 't1.yaml'), path.join(dir, 'demo', 'topics', 't3.yaml'))],
      ['a second pack', () => write('other/pack.yaml', 'id: other\n')],
    ];
    const seen = new Set([await stampOf(dir)]);
    for (const [what, change] of steps) {
      change();
      const stamp = await stampOf(dir);
      assert.ok(!seen.has(stamp), `the stamp changes when ${what}`);
      seen.add(stamp);
    }
  });

  it('ignores files the loader does not read, and a missing folder gives a stable stamp', async () => {
    const before = await stampOf(dir);
    write('demo/README.md', '# notes\n');
    write('demo/topics/.t1.yaml.swp', 'x');
    assert.equal(await stampOf(dir), before);
    const missing = path.join(dir, 'absent');
    assert.equal(await stampOf(missing), await stampOf(missing));
  });
});
