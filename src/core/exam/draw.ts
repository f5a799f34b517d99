import type { Pack, Question } from '../content/model';

/** The real exams' usual length, used when neither the caller nor the pack says otherwise. */
const DEFAULT_QUESTIONS = 65;

/**
 * Largest-remainder (Hamilton) apportionment of `total` seats by `weights`; sums to total exactly; ties go to
 * the earlier index. weights may not all be 0 (then spread evenly).
 *
 * Negative, NaN and infinite weights count as 0, and `total` is taken as a whole number of at least 0, so a
 * hand-edited pack can never make the draw throw. Every share is its quota rounded down or up.
 */
export function allocateByWeight(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const seats = Number.isFinite(total) ? Math.max(0, Math.floor(total)) : 0;
  const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const sum = clean.reduce((a, b) => a + b, 0);
  // All zero (or a sum that overflowed): every index weighs the same.
  const ws = sum > 0 && Number.isFinite(sum) ? clean : clean.map(() => 1);
  const wsum = sum > 0 && Number.isFinite(sum) ? sum : n;
  // Quotas are compared as seats * w against multiples of wsum rather than as fractions, so integer weights
  // (the usual percentages) are apportioned exactly, without floating-point remainders deciding ties.
  const shares = ws.map((w) => Math.floor((seats * w) / wsum));
  const remainders = ws.map((w, i) => seats * w - shares[i] * wsum);
  let left = seats - shares.reduce((a, b) => a + b, 0);
  const order = ws.map((_, i) => i).sort((a, b) => remainders[b] - remainders[a] || a - b);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) shares[order[k]]++;
  return shares;
}

/** Small seedable PRNG returning [0,1), for reproducible draws in tests (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DomainDraw {
  readonly domainId: string;
  readonly wanted: number;
  readonly drawn: number;
  readonly available: number;
}

export interface ExamDraw {
  /** Shuffled across domains, no repeats; a case study's questions stay together and in order. */
  readonly questions: Question[];
  /** The case study drawn, if any (at most one per exam). */
  readonly caseKey?: string;
  /** What the profile asked for. */
  readonly asked: number;
  /** In pack.domains order; wanted = ideal allocation by weight. */
  readonly perDomain: readonly DomainDraw[];
  /**
   * Plain sentences for the user when the draw could not follow the profile, e.g. 'The pack has only 5
   * questions in "Security"; drew 5 instead of 9 and took the rest from other domains.' and 'The pack has 40
   * questions; the exam has 40 instead of 65.'; empty when it followed it.
   */
  readonly notes: readonly string[];
}

interface Pool {
  readonly domainId: string;
  readonly title: string;
  readonly weight: number;
  /** Questions that stand alone. */
  readonly questions: Question[];
  /** Each case study's questions, in order. */
  readonly cases: Question[][];
}

/**
 * Draws a mock exam from a pack: as many questions per domain as the domain weights ask for, topping up from
 * other domains where one runs short, picked at random and shuffled. Never throws, even for an empty pack.
 */
export function drawExam(pack: Pack, opts: { questions?: number; random?: () => number } = {}): ExamDraw {
  const requested = opts.questions ?? pack.exam?.questions ?? DEFAULT_QUESTIONS;
  const asked = Number.isFinite(requested) ? Math.max(0, Math.floor(requested)) : DEFAULT_QUESTIONS;
  const random = opts.random ?? Math.random;
  const pools = poolsOf(pack);
  const wanted = allocateByWeight(asked, pools.map((p) => p.weight));

  // At most one case study, as on the exam, and about as often as the pack holds case questions: the
  // expected number of case questions in a draw of this size, over the size of one case, is the chance.
  const chosenCase = pickCase(pools, wanted, asked, random);
  const caseIn = pools.map((p) => (chosenCase && chosenCase[0].domainId === p.domainId ? chosenCase.length : 0));
  const available = pools.map((p, i) => p.questions.length + caseIn[i]);
  const totalAvailable = available.reduce((a, b) => a + b, 0);

  const take = wanted.map((w, i) => Math.min(w, available[i]));
  // Hand what short domains could not give to the domains with questions to spare, again by weight. Each
  // round either places everything or fills at least one more domain, so this ends within pools.length rounds.
  let shortfall = Math.min(asked, totalAvailable) - take.reduce((a, b) => a + b, 0);
  while (shortfall > 0) {
    const spare = pools.map((_, i) => i).filter((i) => take[i] < available[i]);
    if (spare.length === 0) break;
    const extra = allocateByWeight(shortfall, spare.map((i) => pools[i].weight));
    shortfall = 0;
    spare.forEach((i, k) => {
      const given = Math.min(extra[k], available[i] - take[i]);
      take[i] += given;
      shortfall += extra[k] - given;
    });
  }

  // Units are shuffled, not questions, so a case study's questions stay together and in their order.
  const units: Question[][] = [];
  pools.forEach((p, i) => {
    units.push(...pick(p.questions, take[i] - caseIn[i], random).map((q) => [q]));
    if (caseIn[i] > 0) units.push(chosenCase!);
  });
  shuffle(units, random);
  const questions = units.flat();

  const notes: string[] = [];
  const totalInPack = pools.reduce((a, p) => a + p.questions.length + p.cases.reduce((b, c) => b + c.length, 0), 0);
  if (totalInPack === 0) {
    notes.push('The pack has no questions yet, so the exam is empty.');
  } else if (totalAvailable < asked) {
    // Every question that may be drawn is in; per-domain notes would only repeat that.
    notes.push(
      totalAvailable === totalInPack
        ? `The pack has ${plural(totalAvailable, 'question')}; the exam has ${totalAvailable} instead of ${asked}.`
        : `The pack has ${plural(totalInPack, 'question')}, but an exam holds at most one case study; the exam has ${totalAvailable} instead of ${asked}.`,
    );
  } else {
    pools.forEach((p, i) => {
      if (take[i] >= wanted[i]) return;
      const have = available[i];
      notes.push(
        have === 0
          ? `The pack has no questions in "${p.title}"; took its ${wanted[i]} from other domains.`
          : `The pack has only ${plural(have, 'question')} in "${p.title}"; drew ${take[i]} instead of ${wanted[i]} and took the rest from other domains.`,
      );
    });
  }

  return {
    questions,
    ...(chosenCase ? { caseKey: chosenCase[0].caseKey } : {}),
    asked,
    perDomain: pools.map((p, i) => ({ domainId: p.domainId, wanted: wanted[i], drawn: take[i], available: available[i] })),
    notes,
  };
}

/**
 * Maybe one case study for the exam. Only cases that fit in their domain's share are candidates, so the
 * domain weights hold (or any case, when the exam takes every question anyway); among them the pick is
 * uniform.
 */
function pickCase(pools: readonly Pool[], wanted: readonly number[], asked: number, random: () => number): Question[] | undefined {
  const all = pools.flatMap((p) => p.cases);
  if (all.length === 0 || asked === 0) return undefined;
  const standalone = pools.reduce((a, p) => a + p.questions.length, 0);
  const inCases = all.reduce((a, c) => a + c.length, 0);
  const fitting = pools.flatMap((p, i) => p.cases.filter((c) => c.length <= wanted[i] || standalone + c.length <= asked));
  if (fitting.length === 0) return undefined;
  const expected = (Math.min(asked, standalone + inCases) * inCases) / (standalone + inCases);
  const chance = Math.min(1, expected / (inCases / all.length));
  if (random() >= chance) return undefined;
  return fitting[randomBelow(fitting.length, random)];
}

/**
 * The pack's questions by domain, in pack.domains order. Questions of a domain the pack does not declare
 * (the loader skips those topics, but a pack may be built by hand) come last with weight 0, so they are only
 * drawn when the declared domains run out. A key seen twice is kept once, so the exam never repeats.
 */
function poolsOf(pack: Pack): Pool[] {
  const pools: Pool[] = [];
  const byId = new Map<string, Pool>();
  const poolOf = (domainId: string): Pool => {
    let pool = byId.get(domainId);
    if (!pool) {
      pool = { domainId, title: domainId, weight: 0, questions: [], cases: [] };
      pools.push(pool);
      byId.set(domainId, pool);
    }
    return pool;
  };
  for (const d of pack.domains) {
    if (byId.has(d.id)) continue;
    const pool: Pool = { domainId: d.id, title: d.title, weight: d.weight, questions: [], cases: [] };
    pools.push(pool);
    byId.set(d.id, pool);
  }
  const seen = new Set<string>();
  for (const t of pack.topics) {
    const cases = new Map<string, Question[]>();
    for (const q of t.questions) {
      if (seen.has(q.key)) continue;
      seen.add(q.key);
      if (q.caseKey === undefined) {
        poolOf(q.domainId).questions.push(q);
        continue;
      }
      let group = cases.get(q.caseKey);
      if (!group) {
        group = [];
        cases.set(q.caseKey, group);
        poolOf(q.domainId).cases.push(group);
      }
      group.push(q);
    }
  }
  return pools;
}

/** `n` of `items` uniformly at random without replacement: a partial Fisher–Yates on a copy. */
function pick<T>(items: readonly T[], n: number, random: () => number): T[] {
  const a = [...items];
  const count = Math.min(n, a.length);
  for (let i = 0; i < count; i++) {
    const j = i + randomBelow(a.length - i, random);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, count);
}

function shuffle<T>(a: T[], random: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomBelow(i + 1, random);
    [a[i], a[j]] = [a[j], a[i]];
  }
}

/** An integer in [0, n), safe against a random source that returns 1 or something odd. */
function randomBelow(n: number, random: () => number): number {
  const r = random();
  const i = Math.floor((Number.isFinite(r) ? r : 0) * n);
  return Math.min(n - 1, Math.max(0, i));
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
