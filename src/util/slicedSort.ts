/**
 * Sorts like Array.prototype.sort (stable), but yields to the event loop whenever `sliceMs` has passed, so
 * sorting a million records never holds the thread for long. A natural merge sort: input made of a few
 * ascending runs (logs written in time order) sorts in near linear time.
 */
export async function sortInSlices<T>(items: readonly T[], compare: (a: T, b: T) => number, sliceMs = 20): Promise<T[]> {
  let slice = performance.now();
  let steps = 0;
  const breathe = async () => {
    // Checking the clock every step would cost more than the step.
    if ((++steps & 1023) !== 0 || performance.now() - slice < sliceMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    slice = performance.now();
  };
  let runs: T[][] = [];
  let run: T[] = [];
  for (const item of items) {
    if (run.length > 0 && compare(run[run.length - 1]!, item) > 0) {
      runs.push(run);
      run = [];
    }
    run.push(item);
    await breathe();
  }
  if (run.length > 0) runs.push(run);
  while (runs.length > 1) {
    const merged: T[][] = [];
    for (let r = 0; r < runs.length; r += 2) {
      const a = runs[r]!;
      const b = runs[r + 1];
      if (!b) {
        merged.push(a);
        continue;
      }
      const out: T[] = new Array<T>(a.length + b.length);
      let i = 0;
      let j = 0;
      let k = 0;
      // Ties keep a's item first: a comes before b in the input, so the sort stays stable.
      while (i < a.length && j < b.length) {
        out[k++] = compare(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
        await breathe();
      }
      while (i < a.length) out[k++] = a[i++]!;
      while (j < b.length) out[k++] = b[j++]!;
      merged.push(out);
    }
    runs = merged;
  }
  return runs[0] ?? [];
}
