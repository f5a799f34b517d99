import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { answerKeyHash, answerRecordOf, parseRecord, recordId, type AnswerRecord, type ProgressRecord, type ResetRecord } from '../../src/core/progress/records';
import { ProgressStore } from '../../src/core/progress/store';
import type { Question } from '../../src/core/content/model';

const H = 'abcdef012345';
const T0 = Date.UTC(2025, 0, 6, 12);

function answer(q: string, at: number, ok = true, w = 'w1', c: number[] = [0]): AnswerRecord {
  return { v: 1, kind: 'answer', q, at, c, ok, h: H, w };
}

function reset(at: number, keys: string[] | 'all', w = 'w1'): ResetRecord {
  return { v: 1, kind: 'reset', at, w, keys };
}

/** Every file of the folder with its bytes, to show an operation changed nothing. */
function snapshot(dir: string): Record<string, string> {
  if (!fs.existsSync(dir)) return {};
  return Object.fromEntries(fs.readdirSync(dir).sort().map((n) => [n, fs.readFileSync(path.join(dir, n), 'latin1')]));
}

describe('progress records', () => {
  it('parses a valid answer and reset and returns fresh objects with only known fields', () => {
    const a = answer('p/q1', T0, false, 'w1', [0, 2]);
    assert.deepEqual(parseRecord(JSON.stringify(a)), a);
    assert.deepEqual(parseRecord(JSON.stringify(reset(T0, ['p/q1', 'p/q2']))), reset(T0, ['p/q1', 'p/q2']));
    assert.deepEqual(parseRecord(JSON.stringify(reset(T0, 'all'))), reset(T0, 'all'));
  });

  it('rejects every malformed field', () => {
    const good = answer('p/q1', T0) as unknown as Record<string, unknown>;
    const bad: Record<string, unknown>[] = [
      { ...good, v: 2 },
      { ...good, v: '1' },
      { ...good, kind: 'answers' },
      { ...good, q: '' },
      { ...good, q: 7 },
      { ...good, at: -1 },
      { ...good, at: 1.5 },
      { ...good, at: '2025-01-01' },
      { ...good, c: [1, 0] },
      { ...good, c: [0, 0] },
      { ...good, c: [0.5] },
      { ...good, c: [-1] },
      { ...good, c: '0' },
      { ...good, ok: 'yes' },
      { ...good, h: 'ABCDEF012345' },
      { ...good, h: 'abc' },
      { ...good, w: '' },
      { ...good, w: '../x' },
      { ...good, extra: 1 },
      { v: 1, kind: 'reset', at: T0, w: 'w1', keys: [] },
      { v: 1, kind: 'reset', at: T0, w: 'w1', keys: 'some' },
      { v: 1, kind: 'reset', at: T0, w: 'w1', keys: [3] },
    ];
    for (const b of bad) assert.equal(parseRecord(JSON.stringify(b)), undefined, JSON.stringify(b));
    for (const line of ['', 'null', '[]', '"x"', '{"v":1', 'garbage']) assert.equal(parseRecord(line), undefined, line);
  });

  it('hashes the answer key: options and correctness count, prompt and whitespace do not', () => {
    const choice = (options: { text: string; correct: boolean }[], prompt = 'Which?'): Question =>
      ({ id: 'q', key: 'p/q', type: 'single', prompt, options: options.map((o) => ({ ...o, why: '' })), explanation: '', terms: [], topicId: 't', domainId: 'd', packId: 'p', source: { file: 'f', line: 0 } }) as Question;
    const q = choice([{ text: 'A  thing', correct: true }, { text: 'B', correct: false }]);
    const h = answerKeyHash(q);
    assert.match(h, /^[0-9a-f]{12}$/);
    // The canonical form of version 1: schedules of choice questions survive the new question types.
    assert.equal(h, createHash('sha256').update(JSON.stringify([['A thing', true], ['B', false]])).digest('hex').slice(0, 12));
    const reworded = choice([{ text: 'A  thing', correct: true }, { text: 'B', correct: false }], 'Which one?');
    assert.equal(answerKeyHash(reworded), h);
    assert.equal(answerKeyHash(choice([{ text: 'A thing\n', correct: true }, { text: 'B', correct: false }])), h);
    assert.notEqual(answerKeyHash(choice([{ text: 'A thing', correct: false }, { text: 'B', correct: true }])), h);
    assert.notEqual(answerKeyHash(choice([{ text: 'A thing', correct: true }, { text: 'C', correct: false }])), h);
    assert.notEqual(answerKeyHash(choice([{ text: 'B', correct: false }, { text: 'A thing', correct: true }])), h);
  });

  it('makes a record from a quiz answer event and identifies records by writer, time, kind and question', () => {
    const r = answerRecordOf({ questionKey: 'p/q1', kind: 'choice', chosen: [2, 0], correct: true, at: T0 }, H, 'w9');
    assert.deepEqual(r, { v: 1, kind: 'answer', q: 'p/q1', at: T0, c: [0, 2], ok: true, h: H, w: 'w9' });
    assert.equal(recordId(r), recordId({ ...r, c: [1] }));
    assert.notEqual(recordId(r), recordId({ ...r, w: 'w8' }));
    assert.notEqual(recordId(r), recordId({ ...r, at: T0 + 1 }));
    assert.notEqual(recordId(r), recordId({ ...r, q: 'p/q2' }));
  });
});

describe('progress store', () => {
  let dir: string;
  beforeEach(() => {
    dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'studydeck-progress-')), 'progress');
  });
  afterEach(() => {
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it('loads nothing, without problems, before anything was written', async () => {
    assert.deepEqual(await new ProgressStore(dir, 'w1').load(), { records: [], problems: [], marks: [] });
  });

  it('refuses a writer id that is not safe in a file name', () => {
    assert.throws(() => new ProgressStore(dir, '../evil'), /writer id/);
  });

  it('appends records and loads them back in time order', async () => {
    const store = new ProgressStore(dir, 'w1');
    const written: ProgressRecord[] = [answer('p/q2', T0 + 2000, false), answer('p/q1', T0), reset(T0 + 1000, ['p/q1'])];
    for (const r of written) await store.append(r);
    const { records, problems } = await store.load();
    assert.deepEqual(problems, []);
    assert.deepEqual(records, [written[1], written[2], written[0]]);
    assert.deepEqual(fs.readdirSync(dir), ['answers-w1.jsonl']);
    assert.equal(fs.readFileSync(path.join(dir, 'answers-w1.jsonl'), 'utf8').split('\n').length, 4, 'one line per record and a final newline');
  });

  it('loses and duplicates nothing when two windows append 200 answers each at the same time', async () => {
    const a = new ProgressStore(dir, 'window-a');
    const b = new ProgressStore(dir, 'window-b');
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 200; i++) {
      writes.push(a.append(answer(`p/q${i % 7}`, T0 + i, i % 3 !== 0, 'window-a')));
      writes.push(b.append(answer(`p/q${i % 5}`, T0 + i, i % 2 === 0, 'window-b')));
    }
    await Promise.all(writes);
    const { records, problems } = await new ProgressStore(dir, 'reader').load();
    assert.deepEqual(problems, []);
    assert.equal(records.length, 400);
    assert.equal(new Set(records.map(recordId)).size, 400);
    assert.equal(records.filter((r) => r.w === 'window-a').length, 200);
    for (let i = 1; i < records.length; i++) assert.ok(records[i - 1].at <= records[i].at, 'sorted by time');
  });

  it('sets a torn last line aside with its content intact, reports it, and keeps loading and appending', async () => {
    const store = new ProgressStore(dir, 'w1');
    const good = [answer('p/q1', T0), answer('p/q2', T0 + 1)];
    for (const r of good) await store.append(r);
    const file = path.join(dir, 'answers-w1.jsonl');
    const torn = JSON.stringify(answer('p/q3', T0 + 2)).slice(0, 30);
    fs.appendFileSync(file, torn);

    const first = await new ProgressStore(dir, 'w2').load();
    assert.deepEqual(first.records, good);
    assert.equal(first.problems.length, 1);
    assert.match(first.problems[0], /^1 unreadable line of answers-w1\.jsonl was set aside in corrupt-answers-w1\.jsonl-[^ ]+\.txt; the rest of your progress loaded\.$/);
    const backups = fs.readdirSync(dir).filter((n) => n.startsWith('corrupt-'));
    assert.equal(backups.length, 1);
    assert.ok(first.problems[0].includes(backups[0]));
    assert.equal(fs.readFileSync(path.join(dir, backups[0]), 'utf8'), `${torn}\n`);
    assert.equal(fs.readFileSync(file, 'utf8'), good.map((r) => `${JSON.stringify(r)}\n`).join(''), 'the log keeps only whole records');
    assert.deepEqual(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp')), [], 'no temporary file left');

    await store.append(answer('p/q4', T0 + 3));
    const second = await store.load();
    assert.deepEqual(second.problems, [], 'reported once');
    assert.deepEqual(second.records.map((r) => (r.kind === 'answer' ? r.q : '')), ['p/q1', 'p/q2', 'p/q4']);
  });

  it('starts an append on its own line after a torn write, so only the torn part is lost', async () => {
    const store = new ProgressStore(dir, 'w1');
    await store.append(answer('p/q1', T0));
    fs.appendFileSync(store.file, '{"v":1,"kind":"ans');
    await store.append(answer('p/q2', T0 + 1));
    const { records, problems } = await store.load();
    assert.deepEqual(records.map((r) => r.at), [T0, T0 + 1]);
    assert.equal(problems.length, 1);
  });

  it('sets aside garbage lines in the middle of a file and says how many', async () => {
    fs.mkdirSync(dir, { recursive: true });
    const lines = [JSON.stringify(answer('p/q1', T0, true, 'old')), 'garbage', '\u0000\u0001', JSON.stringify({ ...answer('p/q2', T0), ok: 'yes' }), JSON.stringify(answer('p/q3', T0 + 5, true, 'old'))];
    fs.writeFileSync(path.join(dir, 'answers-old.jsonl'), `${lines.join('\n')}\n`);
    const { records, problems } = await new ProgressStore(dir, 'w1').load();
    assert.equal(records.length, 2);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^3 unreadable lines of answers-old\.jsonl were set aside in corrupt-answers-old\.jsonl-/);
    const backup = fs.readdirSync(dir).find((n) => n.startsWith('corrupt-'));
    assert.ok(backup);
    assert.equal(fs.readFileSync(path.join(dir, backup), 'utf8'), `${lines.slice(1, 4).join('\n')}\n`);
  });

  it('keeps a record written by a newer Study Deck in place, unused, and says so', async () => {
    fs.mkdirSync(dir, { recursive: true });
    const future = JSON.stringify({ v: 3, kind: 'answer', q: 'p/q1', at: T0, something: 'new' });
    const text = `${JSON.stringify(answer('p/q1', T0 - 1, true, 'newer'))}\n${future}\n`;
    fs.writeFileSync(path.join(dir, 'answers-newer.jsonl'), text);
    const before = snapshot(dir);
    const { records, problems } = await new ProgressStore(dir, 'w1').load();
    assert.equal(records.length, 1);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /1 record in answers-newer\.jsonl was written by a newer version of Study Deck/);
    assert.deepEqual(snapshot(dir), before, 'nothing moved: the newer version may still be writing that file');
  });

  it('reports a log that cannot be read and loads the others', async () => {
    const store = new ProgressStore(dir, 'w1');
    await store.append(answer('p/q1', T0));
    fs.mkdirSync(path.join(dir, 'answers-broken.jsonl'));
    const { records, problems } = await store.load();
    assert.equal(records.length, 1);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^answers-broken\.jsonl could not be read \(EISDIR\)/);
  });

  it('refuses a malformed import with a useful message and changes nothing on disk', async () => {
    const store = new ProgressStore(dir, 'w1');
    await store.append(answer('p/q1', T0));
    const valid = JSON.parse(await store.exportText()) as { records: unknown[] };
    const before = snapshot(dir);
    const cases: [string, RegExp][] = [
      ['this is not json {', /not a Study Deck progress export: it is not valid JSON/],
      ['[1, 2]', /expected a JSON object/],
      [JSON.stringify({ format: 'other-tool', version: 1, records: [] }), /"format" is "other-tool", expected "studydeck-progress"/],
      [JSON.stringify({ version: 1, records: [] }), /"format" is missing/],
      [JSON.stringify({ format: 'studydeck-progress', version: 9, records: [] }), /newer version of Study Deck \(export version 9\)/],
      [JSON.stringify({ format: 'studydeck-progress', version: 1 }), /no "records" list/],
      [JSON.stringify({ format: 'studydeck-progress', version: 1, records: [...valid.records, answer('p/q2', T0), { ...answer('p/q3', T0), ok: 'yes' }] }), /records\[2\] of the export is not valid: "ok" must be true or false/],
      [JSON.stringify({ format: 'studydeck-progress', version: 1, records: [{ ...answer('p/q3', T0), c: [2, 1] }] }), /records\[0\].*"c"/],
      [JSON.stringify({ format: 'studydeck-progress', version: 1, records: [{ ...answer('p/q3', T0), v: 3 }] }), /records\[0\].*newer Study Deck/],
    ];
    for (const [text, message] of cases) {
      await assert.rejects(store.importFile(text), (e: Error) => {
        assert.match(e.message, message);
        assert.match(e.message, /Nothing was imported\./);
        return true;
      });
      assert.deepEqual(snapshot(dir), before, `unchanged after ${text.slice(0, 40)}`);
    }
  });

  it('imports only the records not already present and counts them', async () => {
    const store = new ProgressStore(dir, 'w1');
    const a = answer('p/q1', T0);
    const b = answer('p/q2', T0 + 1);
    await store.append(a);
    await store.append(b);
    const c = answer('p/q3', T0 + 2, false, 'laptop');
    const d = reset(T0 + 3, 'all', 'laptop');
    const text = JSON.stringify({ format: 'studydeck-progress', version: 1, exportedAt: T0, records: [b, c, d, c] });
    assert.deepEqual(await store.importFile(text), { added: 2, skipped: 2 });
    const imports = fs.readdirSync(dir).filter((n) => n.startsWith('answers-import-'));
    assert.equal(imports.length, 1);
    assert.match(imports[0], /^answers-import-\d+-[0-9a-f]+\.jsonl$/);
    assert.deepEqual((await store.load()).records, [a, b, c, d]);

    const before = snapshot(dir);
    assert.deepEqual(await store.importFile(text), { added: 0, skipped: 4 });
    assert.deepEqual(snapshot(dir), before, 'a second import of the same file writes nothing');
  });

  it('exports readable JSON that imports into an empty folder as the same records', async () => {
    const store = new ProgressStore(dir, 'w1');
    const written: ProgressRecord[] = [answer('p/q1', T0), answer('p/q1', T0 + 86_400_000, false, 'w1', [1, 2]), reset(T0 + 2 * 86_400_000, ['p/q1']), answer('p/q2', T0 + 5)];
    for (const r of written) await store.append(r);
    const text = await store.exportText();
    const doc = JSON.parse(text) as { format: string; version: number; exportedAt: number; records: unknown[] };
    assert.equal(doc.format, 'studydeck-progress');
    assert.equal(doc.version, 1);
    assert.equal(typeof doc.exportedAt, 'number');
    assert.equal(text.split('\n').length, 8 + written.length, 'one record per line, to diff');

    const otherDir = path.join(path.dirname(dir), 'other');
    const other = new ProgressStore(otherDir, 'w2');
    assert.deepEqual(await other.importFile(text), { added: 4, skipped: 0 });
    assert.deepEqual((await other.load()).records, (await store.load()).records);
    assert.deepEqual(JSON.parse(await other.exportText()).records, doc.records);

    const empty = JSON.parse(await new ProgressStore(path.join(path.dirname(dir), 'none'), 'w3').exportText()) as { records: unknown[] };
    assert.deepEqual(empty.records, []);
  });
});
