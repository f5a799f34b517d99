import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { sortInSlices } from '../../src/util/slicedSort';

describe('sorting in slices (replaying a long history without stalling the editor)', () => {
  it('sorts exactly as a stable Array.sort does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ at: fc.integer({ min: 0, max: 20 }), id: fc.nat() }), { maxLength: 300 }), async (items) => {
        const byAt = (a: { at: number }, b: { at: number }) => a.at - b.at;
        assert.deepEqual(await sortInSlices(items, byAt), [...items].sort(byAt));
      }),
    );
  });

  it('yields to the event loop while it sorts a long input, and the result is whole', async () => {
    const items = Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 300_000);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const sorted = await sortInSlices(items, (a, b) => a - b, 1);
    clearInterval(timer);
    assert.equal(sorted.length, items.length);
    assert.ok(sorted.every((v, i) => v === i));
    assert.ok(ticks > 0, 'timers ran while sorting');
  });
});
