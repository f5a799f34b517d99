import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { ProgressLedger } from '../../src/core/progress/ledger';
import { cardKeyHash, cardReviewRecordOf, compareRecords, type AnswerRecord, type ProgressRecord } from '../../src/core/progress/records';
import { buildSchedules } from '../../src/core/progress/scheduler';
import { checkSnapshot, currentTimeZone, readSnapshot, SNAPSHOT_FORMAT, writeSnapshot } from '../../src/core/progress/snapshot';
import { isLogCopy, ProgressStore } from '../../src/core/progress/store';

const H = 'abcdef012345';
const T0 = Date.UTC(2026, 10, 1, 8);
const hash = (k: string) => (k.startsWith('card:') ? cardKeyHash(k) : H);

function answer(q: string, at: number, ok: boolean, w = 'w1'): AnswerRecord {
  return { v: 1, kind: 'answer', q, at, c: [ok ? 0 : 1], ok, h: H, w };
}

describe('progress ledger and snapshot', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studydeck-snapshot-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('builds, record by record in time order, exactly the schedules a full replay builds', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ q: fc.integer({ min: 0, max: 6 }), dt: fc.integer({ min: 0, max: 5 * 86_400_000 }), ok: fc.boolean(), reset: fc.integer({ min: 0, max: 30 }) }), { maxLength: 60 }), (steps) => {
        let at = T0;
        const records: ProgressRecord[] = steps.map((s) => {
          at += s.dt;
          return s.reset === 0 ? { v: 1, kind: 'reset', at, w: 'w1', keys: [`p/q${s.q}`] } : s.reset === 1 ? { v: 1, kind: 'reset', at, w: 'w1', keys: 'all' } : answer(`p/q${s.q}`, at, s.ok);
        });
        const ledger = new ProgressLedger();
        // In replay order: records of one millisecond are ordered by writer and kind, not as generated.
        for (const r of [...records].sort(compareRecords)) assert.equal(ledger.apply(r, hash), true);
        assert.deepEqual(ledger.schedules, buildSchedules(records, hash));
        // And through JSON, as the snapshot keeps it.
        assert.deepEqual(ProgressLedger.fromJSON(JSON.parse(JSON.stringify(ledger.toJSON()))).schedules, ledger.schedules);
      }),
      // The seed that found a reset and an answer at the same millisecond, then fresh ones.
      { numRuns: 200, examples: [[[{ q: 0, dt: 0, ok: false, reset: 0 }, { q: 0, dt: 0, ok: false, reset: 2 }]]] },
    );
  });

  it('ends, whatever order the records arrive in, exactly where a replay in time order ends', () => {
    // Records as two machines write them; they reach this one in any order (a synced folder delivers logs
    // late). Each record the ledger refuses makes the caller rebuild from everything arrived so far, as the
    // progress service does; the result must equal the replay of the sorted records, field for field.
    const rec = fc.record({
      kind: fc.constantFrom('answer', 'answer', 'answer', 'answer', 'card', 'card', 'reset', 'resetAll', 'exam', 'stale'),
      q: fc.integer({ min: 0, max: 4 }),
      at: fc.integer({ min: 0, max: 60 }),
      ok: fc.boolean(),
      w: fc.constantFrom('w1', 'w2'),
    });
    const toRecord = (s: { kind: string; q: number; at: number; ok: boolean; w: string }): ProgressRecord => {
      // Minutes apart, over an hour; many share a minute, so ties are common.
      const at = T0 + s.at * 60_000;
      switch (s.kind) {
        case 'card':
          return cardReviewRecordOf({ cardKey: `card:c${s.q}`, rating: s.ok ? 3 : 1, at }, s.w);
        case 'reset':
          return { v: 1, kind: 'reset', at, w: s.w, keys: [`p/q${s.q}`] };
        case 'resetAll':
          return { v: 1, kind: 'reset', at, w: s.w, keys: 'all' };
        case 'exam':
          return { v: 1, kind: 'exam', at, w: s.w, id: `e${s.at}${s.w}`, pack: 'p', title: 'P', start: at - 60_000, ms: 60_000, limit: 5_400_000, end: 'submitted', pass: 700, max: 1000, items: [] };
        case 'stale':
          return { ...answer(`p/q${s.q}`, at, s.ok, s.w), h: 'fedcba987654' };
        default:
          return answer(`p/q${s.q}`, at, s.ok, s.w);
      }
    };
    // Lists in a fixed order: records of the same millisecond may be kept in either order (as they already
    // were when they arrived in time order), and maps keep insertion order; neither changes a figure.
    const byJson = (a: unknown, b: unknown) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);
    const normal = (l: ProgressLedger) => {
      const j = l.toJSON();
      return { ...j, schedules: [...j.schedules].sort(byJson), days: [...j.days].sort(byJson), exams: [...j.exams].sort(byJson), recentCards: [...j.recentCards].sort(byJson), resetAt: [...j.resetAt].sort(byJson) };
    };
    const replay = (records: ProgressRecord[]) => {
      const l = new ProgressLedger();
      for (const r of [...records].sort(compareRecords)) l.apply(r, hash);
      return l;
    };
    let rebuilds = 0;
    let placed = 0;
    fc.assert(
      fc.property(fc.array(rec, { maxLength: 40 }), (steps) => {
        const arrival = steps.map(toRecord);
        let ledger = new ProgressLedger();
        const arrived: ProgressRecord[] = [];
        for (const r of arrival) {
          const late = r.at < ledger.watermark;
          arrived.push(r);
          if (!ledger.apply(r, hash)) {
            rebuilds++;
            ledger = replay(arrived);
          } else if (late) placed++;
        }
        const expected = replay(arrival);
        const now = T0 + 2 * 3_600_000;
        ledger.prune(now);
        expected.prune(now);
        assert.deepEqual(normal(ledger), normal(expected));
      }),
      { numRuns: 500 },
    );
    // Both paths ran: records placed on arrival, and rebuilds where the place mattered.
    assert.ok(placed > 100 && rebuilds > 100, `placed ${placed}, rebuilt ${rebuilds}`);
  });

  it('places a late answer to a question with nothing later without a rebuild, and refuses one that has', () => {
    const ledger = new ProgressLedger();
    ledger.apply(answer('p/q1', T0 + 60_000, true, 'w1'), hash);
    ledger.apply(answer('p/q2', T0 + 120_000, true, 'w1'), hash);
    // Another machine's answer to q1 from before this one's answer to q2: q1 has nothing later, so it fits.
    assert.equal(ledger.apply(answer('p/q1', T0 + 90_000, false, 'w2'), hash), true);
    assert.equal(ledger.schedules.get('p/q1')!.lastAnswerAt, T0 + 90_000);
    assert.equal(ledger.schedules.get('p/q1')!.lastCorrect, false);
    // One older than q1's latest answer would change how q1 was scheduled: that takes a rebuild.
    assert.equal(ledger.apply(answer('p/q1', T0 + 30_000, true, 'w2'), hash), false);
    // So does a late reset.
    assert.equal(ledger.apply({ v: 1, kind: 'reset', at: T0 + 100_000, w: 'w2', keys: ['p/q9'] }, hash), false);
  });

  it('keeps card schedules apart, counts days, and refuses a record older than one applied', () => {
    const ledger = new ProgressLedger();
    ledger.apply(answer('p/q1', T0, true), hash);
    ledger.apply(cardReviewRecordOf({ cardKey: 'card:abc', rating: 3, at: T0 + 1000 }, 'w1'), hash);
    assert.deepEqual([...ledger.schedules.keys()], ['p/q1']);
    assert.deepEqual([...ledger.cards.keys()], ['card:abc']);
    assert.equal(ledger.answers, 1);
    assert.equal(ledger.cardReviews, 1);
    assert.equal(ledger.activeDays().size, 1);
    assert.equal(ledger.apply(answer('p/q1', T0 - 1, true), hash), false, 'older than its question\'s last answer: the caller rebuilds');
  });

  it('reads back only what is new after the marks, and notices a log rewritten under them', async () => {
    const store = new ProgressStore(dir, 'w1');
    for (let i = 0; i < 5; i++) await store.append(answer(`p/q${i}`, T0 + i, true));
    const first = await store.load();
    assert.equal(first.records.length, 5);
    for (let i = 5; i < 8; i++) await store.append(answer(`p/q${i}`, T0 + i, true));
    fs.writeFileSync(path.join(dir, 'answers-w2.jsonl'), `${JSON.stringify(answer('p/x', T0 + 100, false, 'w2'))}\n`);
    const tail = await store.readTails(first.marks);
    assert.deepEqual(tail!.records.map((r) => (r.kind === 'answer' ? r.q : '')).sort(), ['p/q5', 'p/q6', 'p/q7', 'p/x']);
    // A rewrite that keeps the length but changes the bytes under the mark is caught.
    const file = path.join(dir, 'answers-w1.jsonl');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('p/q0', 'p/qZ'));
    assert.equal(await store.readTails(tail!.marks), undefined);
    // A log that is gone under its mark means a full read too.
    const again = await store.load();
    fs.rmSync(path.join(dir, 'answers-w2.jsonl'));
    assert.equal(await store.readTails(again.marks), undefined);
  });

  it('merges a sync tool\'s conflicted copy of a log, each answer counted once, and says so', async () => {
    const store = new ProgressStore(dir, 'w1');
    for (let i = 0; i < 3; i++) await store.append(answer(`p/q${i}`, T0 + i, true));
    fs.copyFileSync(path.join(dir, 'answers-w1.jsonl'), path.join(dir, 'answers-w1 (conflicted copy 2026-11-30).jsonl'));
    fs.copyFileSync(path.join(dir, 'answers-w1.jsonl'), path.join(dir, 'answers-w1.sync-conflict-20261130-101010-ABCD.jsonl'));
    const r = await store.load();
    assert.equal(r.records.length, 3);
    assert.match(r.problems.join(' '), /A sync tool made 2 copies of a progress log/);
    assert.equal(isLogCopy('answers-w1 (conflicted copy).jsonl'), true);
    assert.equal(isLogCopy('answers-w1.jsonl'), false);
    // Read from marks, a new copy would count its answers a second time: it asks for a full load instead.
    const marks = r.marks.filter((m) => !isLogCopy(m.name));
    assert.equal(await store.readTails(marks), undefined);
    assert.notEqual(await store.readTails(r.marks), undefined, 'copies already read are fine');
  });

  it('refuses a snapshot of another version, folder, time zone or shape, and reads one it wrote', async () => {
    const ledger = new ProgressLedger();
    ledger.apply(answer('p/q1', T0, true), hash);
    const snap = { format: SNAPSHOT_FORMAT, version: 1, logDir: dir, timeZone: currentTimeZone(), fsrs: 'f', logs: [], ledger: ledger.toJSON(), savedAt: T0 } as const;
    const file = path.join(dir, 'cache', 'snapshot.json');
    await writeSnapshot(file, snap);
    const back = await readSnapshot(file, dir, 'f');
    assert.ok('snapshot' in back);
    assert.deepEqual(ProgressLedger.fromJSON(back.snapshot.ledger).schedules, ledger.schedules);
    assert.deepEqual(checkSnapshot(JSON.stringify({ ...snap, version: 2 }), dir, 'f'), { stale: 'version 2' });
    assert.deepEqual(checkSnapshot(JSON.stringify(snap), '/elsewhere', 'f'), { stale: 'another log folder' });
    assert.deepEqual(checkSnapshot(JSON.stringify({ ...snap, timeZone: 'Mars' }), dir, 'f'), { stale: 'another time zone' });
    assert.deepEqual(checkSnapshot('{"format":', dir, 'f'), { stale: 'unreadable' });
    assert.deepEqual(checkSnapshot(JSON.stringify({ ...snap, ledger: { ...snap.ledger, schedules: [{ key: 1 }] } }), dir, 'f'), { stale: 'bad schedules' });
    assert.deepEqual(await readSnapshot(path.join(dir, 'nope.json'), dir, 'f'), { stale: 'missing' });
  });

  it('orders records the way every reader replays them', async () => {
    const a = answer('p/q1', T0, true, 'a');
    const b = answer('p/q1', T0, true, 'b');
    assert.deepEqual([b, a].sort(compareRecords), [a, b]);
    // The store's full read gives that order too, ties included: a rebuild applies its records as read.
    const mine = new ProgressStore(dir, 'zz');
    const other = new ProgressStore(dir, 'aa');
    const written: ProgressRecord[] = [answer('p/q2', T0, false, 'zz'), { v: 1, kind: 'reset', at: T0, w: 'zz', keys: 'all' }, answer('p/q1', T0 + 1, true, 'zz'), answer('p/q2', T0, true, 'aa'), answer('p/q1', T0 - 1, true, 'aa')];
    for (const r of written) await (r.w === 'zz' ? mine : other).append(r);
    assert.deepEqual((await mine.load()).records, [...written].sort(compareRecords));
  });
});
