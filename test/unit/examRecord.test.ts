import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ExamResult } from '../../src/core/exam/examSession';
import { checkRecord, examRecordOf, examResultOf, parseRecord, recordId, serializeRecord, type AnswerRecord, type ExamRecord } from '../../src/core/progress/records';
import { buildSchedules } from '../../src/core/progress/scheduler';
import { ProgressStore } from '../../src/core/progress/store';

const T0 = Date.UTC(2026, 0, 5, 9);
const MINUTE = 60_000;
const H = 'abcdef012345';

function result(over: Partial<ExamResult> = {}): ExamResult {
  return {
    id: 'exam-20260105-1',
    packId: 'aws-ai-practitioner',
    title: 'AWS Certified AI Practitioner (AIF-C01)',
    startedAt: T0,
    submittedAt: T0 + 80 * MINUTE,
    elapsedMs: 80 * MINUTE,
    limitMs: 90 * MINUTE,
    end: 'submitted',
    passScore: 700,
    maxScore: 1000,
    items: [
      { key: 'aws-ai-practitioner/q1', domainId: 'fund', kind: 'choice', chosen: [2], correct: true },
      { key: 'aws-ai-practitioner/q2', domainId: 'apps', kind: 'choice', chosen: [0, 3], correct: false },
      { key: 'aws-ai-practitioner/q3', domainId: 'sec', kind: 'choice', chosen: [], correct: false },
    ],
    ...over,
  };
}

describe('exam records', () => {
  it('round-trips a result through a log line', () => {
    const r = result();
    const record = examRecordOf(r, 'w1');
    assert.deepEqual(record, {
      v: 1,
      kind: 'exam',
      at: T0 + 80 * MINUTE,
      w: 'w1',
      id: 'exam-20260105-1',
      pack: 'aws-ai-practitioner',
      title: 'AWS Certified AI Practitioner (AIF-C01)',
      start: T0,
      ms: 80 * MINUTE,
      limit: 90 * MINUTE,
      end: 'submitted',
      pass: 700,
      max: 1000,
      items: [
        ['aws-ai-practitioner/q1', [2], true, 'fund'],
        ['aws-ai-practitioner/q2', [0, 3], false, 'apps'],
        ['aws-ai-practitioner/q3', [], false, 'sec'],
      ],
    });
    const line = serializeRecord(record);
    assert.ok(!line.includes('\n'));
    const parsed = parseRecord(line);
    assert.deepEqual(parsed, record);
    assert.ok(parsed?.kind === 'exam');
    assert.deepEqual(examResultOf(parsed), r);
    assert.deepEqual(examResultOf(examRecordOf(result({ end: 'timeout', items: [] }), 'w1')), result({ end: 'timeout', items: [] }));
  });

  it('sorts chosen indexes and cuts an over-long title so the record is valid', () => {
    const record = examRecordOf(result({ title: 'x'.repeat(500), items: [{ key: 'p/q', domainId: 'd', kind: 'choice', chosen: [3, 1, 3], correct: false }] }), 'w1');
    assert.equal(record.title.length, 300);
    assert.deepEqual(record.items[0][1], [1, 3]);
    assert.ok('record' in checkRecord(record));
  });

  it('rejects every malformed field', () => {
    const good = examRecordOf(result(), 'w1') as unknown as Record<string, unknown>;
    const item = (i: unknown[]): Record<string, unknown> => ({ ...good, items: [i] });
    const bad: Record<string, unknown>[] = [
      { ...good, extra: 1 },
      { ...good, q: 'p/q1' },
      { ...good, id: '' },
      { ...good, id: 5 },
      { ...good, pack: 'a\nb' },
      { ...good, title: 'x'.repeat(301) },
      { ...good, title: null },
      { ...good, start: -1 },
      { ...good, ms: 1.5 },
      { ...good, limit: '90' },
      { ...good, pass: -700 },
      { ...good, max: undefined },
      { ...good, end: 'abandoned' },
      { ...good, items: {} },
      { ...good, items: Array.from({ length: 1001 }, (_, n) => [`p/q${n}`, [], false, 'd']) },
      item(['p/q1', [0], true]),
      item(['p/q1', [0], true, 'd', 'extra']),
      item(['', [0], true, 'd']),
      item(['p/q1', [1, 0], false, 'd']),
      item(['p/q1', [1, 1], false, 'd']),
      item(['p/q1', [-1], false, 'd']),
      item(['p/q1', [0], 'yes', 'd']),
      item(['p/q1', [0], true, '']),
      item(['p/q1', [], true, 'd']),
      { ...good, items: [['p/q1', [0], true, 'd'], ['p/q1', [1], false, 'd']] },
      { ...good, items: ['p/q1'] },
    ];
    for (const b of bad) {
      assert.equal(parseRecord(JSON.stringify(b)), undefined, JSON.stringify(b).slice(0, 200));
      assert.ok('error' in checkRecord(b));
    }
    assert.match((checkRecord({ ...good, items: [['p/q1', [2, 1], false, 'd']] }) as { error: string }).error, /"items"\[0\].*increasing order/);
    assert.match((checkRecord({ ...good, x: 1 }) as { error: string }).error, /unknown field "x"/);
    assert.ok('record' in checkRecord({ ...good, items: Array.from({ length: 1000 }, (_, n) => [`p/q${n}`, [], false, 'd']) }), '1000 items are fine');
  });

  it('identifies an exam by writer, time and exam id', () => {
    const a = examRecordOf(result(), 'w1');
    assert.equal(recordId(a), recordId({ ...a, title: 'Other' }));
    assert.notEqual(recordId(a), recordId(examRecordOf(result({ id: 'exam-20260105-2' }), 'w1')));
    assert.notEqual(recordId(a), recordId({ ...a, w: 'w2' }));
    assert.notEqual(recordId(a), recordId({ ...a, at: a.at + 1 }));
  });

  it('is left out of scheduling', () => {
    const exam: ExamRecord = examRecordOf(result(), 'w1');
    const answer: AnswerRecord = { v: 1, kind: 'answer', q: 'aws-ai-practitioner/q2', at: T0, c: [0], ok: true, h: H, w: 'w1' };
    const schedules = buildSchedules([answer, exam], () => H);
    assert.deepEqual([...schedules.keys()], ['aws-ai-practitioner/q2']);
    assert.equal(schedules.get('aws-ai-practitioner/q2')?.reps, 1, 'the exam answer to q2 does not count');
    assert.equal(buildSchedules([exam], () => H).size, 0);
  });

  describe('in the progress store', () => {
    let dir: string;
    beforeEach(() => {
      dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'studydeck-exam-')), 'progress');
    });
    afterEach(() => {
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    });

    it('appends, loads, exports and imports exam records with the answers', async () => {
      const store = new ProgressStore(dir, 'w1');
      const answer: AnswerRecord = { v: 1, kind: 'answer', q: 'p/q1', at: T0, c: [0], ok: true, h: H, w: 'w1' };
      const exams = [examRecordOf(result(), 'w1'), examRecordOf(result({ id: 'exam-2', submittedAt: T0 + 200 * MINUTE, end: 'timeout' }), 'w1')];
      await store.append(answer);
      for (const e of exams) await store.append(e);
      const loaded = await store.load();
      assert.deepEqual(loaded.problems, []);
      assert.deepEqual(loaded.records, [answer, ...exams]);

      const text = await store.exportText();
      const other = new ProgressStore(path.join(path.dirname(dir), 'other'), 'w2');
      assert.deepEqual(await other.importFile(text), { added: 3, skipped: 0 });
      assert.deepEqual((await other.load()).records, loaded.records);
      assert.deepEqual(await other.importFile(text), { added: 0, skipped: 3 }, 'importing again adds no second copy');
      const back = (await other.load()).records.filter((r): r is ExamRecord => r.kind === 'exam').map(examResultOf);
      assert.deepEqual(back, [result(), result({ id: 'exam-2', submittedAt: T0 + 200 * MINUTE, end: 'timeout' })]);
    });
  });
});
