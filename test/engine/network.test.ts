// The support-network solver against hand-computed answers and against enumeration of every subset on
// instances small enough to enumerate (≤ 20 candidates).
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../data/seeded-random.ts';
import { haversineKm } from '../../src/lib/engine/geo/sphere.ts';
import {
  NetworkCancelled, ROLE_SATELLITE, ROLE_SUPPORT, ROLE_UNCOVERED, StraightLineDistance, runSteps, solveNetworkSteps,
  type NetworkInput, type NetworkOptions, type NetworkProblem,
} from '../../src/lib/engine/network/index.ts';

const solve = (input: NetworkInput, problem: NetworkProblem, options?: NetworkOptions) => runSteps(solveNetworkSteps(input, problem, options));

/** Sites on the meridian 70° E: `lat` in degrees (0.1° ≈ 11.12 km). */
function line(lats: number[], weights: number[], radiusKm = 12): NetworkInput {
  const n = lats.length;
  return {
    lon: new Float64Array(n).fill(70), lat: Float64Array.from(lats), weight: Float64Array.from(weights),
    rank: Int32Array.from({ length: n }, (_, i) => i), candidate: new Uint8Array(n).fill(1), required: [], radiusKm: new Float64Array(n).fill(radiusKm),
  };
}

/** Random sites in a 1° × 1.5° box (≈ 110 × 110 km), the first `m` of them candidates. */
function randomInstance(seed: number, n: number, m: number, radiusKm: number): NetworkInput {
  const r = mulberry32(seed);
  const lat = Float64Array.from({ length: n }, () => 48 + r());
  const lon = Float64Array.from({ length: n }, () => 70 + 1.5 * r());
  const weight = Float64Array.from({ length: n }, () => Math.round(Math.exp(5 + 1.2 * (r() + r() + r() - 1.5))));
  const candidate = Uint8Array.from({ length: n }, (_, i) => (i < m ? 1 : 0));
  return { lon, lat, weight, rank: Int32Array.from({ length: n }, (_, i) => i), candidate, required: [], radiusKm: new Float64Array(n).fill(radiusKm) };
}

const km = (input: NetworkInput, a: number, b: number) => haversineKm(input.lon[a], input.lat[a], input.lon[b], input.lat[b]);

/** Every subset of `size` of the candidates (with the required ones in it). */
function* subsets(cands: number[], size: number, required: number[] = []): Generator<number[]> {
  const free = cands.filter((c) => !required.includes(c));
  const pick = size - required.length;
  const idx = Array.from({ length: pick }, (_, i) => i);
  if (pick < 0 || pick > free.length) return;
  for (;;) {
    yield [...required, ...idx.map((i) => free[i])];
    let t = pick - 1;
    while (t >= 0 && idx[t] === free.length - pick + t) t--;
    if (t < 0) return;
    idx[t]++;
    for (let u = t + 1; u < pick; u++) idx[u] = idx[u - 1] + 1;
  }
}

const candidatesOf = (input: NetworkInput) => Array.from(input.candidate.keys()).filter((i) => input.candidate[i]);
function coveredBy(input: NetworkInput, open: number[]): number {
  let sum = 0;
  for (let d = 0; d < input.lat.length; d++) if (open.some((c) => c === d || km(input, c, d) <= input.radiusKm[c])) sum += input.weight[d];
  return sum;
}
function medianCost(input: NetworkInput, open: number[]): number {
  let sum = 0;
  for (let d = 0; d < input.lat.length; d++) sum += input.weight[d] * Math.min(...open.map((c) => km(input, c, d)));
  return sum;
}

describe('support network: hand-computed', () => {
  // A(0) 100, B(0.1°) 50, C(0.2°) 80, D(1.0°) 30, E(1.1°) 40; radius 12 km: B reaches A, B, C (230); D and E
  // reach each other (70); A reaches A, B (150); C reaches B, C (130).
  const input = line([48, 48.1, 48.2, 49, 49.1], [100, 50, 80, 30, 40]);

  it('maximal covering takes B, then D (D and E tie: the lower id)', () => {
    const one = solve(input, { kind: 'mclp', supports: 1 });
    expect(Array.from(one.supports)).toEqual([1]);
    expect(one.coveredWeight).toBe(230);
    const two = solve(input, { kind: 'mclp', supports: 2 });
    expect(Array.from(two.supports)).toEqual([1, 3]);
    expect(two.coveredWeight).toBe(300);
    expect(two.upperBound).toBeGreaterThanOrEqual(300);
    expect(Array.from(two.role)).toEqual([ROLE_SATELLITE, ROLE_SUPPORT, ROLE_SATELLITE, ROLE_SUPPORT, ROLE_SATELLITE]);
    expect(Array.from(two.supportOf)).toEqual([1, 1, 1, 3, 3]);
    expect(two.km[0]).toBeCloseTo(11.12, 1);
    expect(Array.from(two.curve)).toEqual([230, 300, 300, 300, 300]);
  });

  it('compares with a current list: "the current 2 cover 73%; the best 2 cover 100%; 1 suffices for 73%"', () => {
    // A reaches A, B (150); E reaches D, E (70): 220 of 300. The best 2 (B, D) cover 300; the greedy's first (B)
    // alone covers 230 ≥ 220. E is not a candidate here: its list comes from the distance provider, same radius.
    const noE = { ...input, candidate: Uint8Array.from([1, 1, 1, 1, 0]) };
    for (const inst of [input, noE]) {
      const c = solve(inst, { kind: 'mclp', supports: 2 }, { compare: [0, 4] }).comparison;
      expect(c).toEqual({ current: 2, currentWeight: 220, bestWeight: 300, suffice: 1 });
    }
    // C alone reaches B, C (130); solving for 2 the best 1 is read off the greedy curve (230)
    expect(solve(input, { kind: 'mclp', supports: 2 }, { compare: [2, 2] }).comparison).toEqual({ current: 1, currentWeight: 130, bestWeight: 230, suffice: 1 });
    // p-median: the best 2 from the curve too; without a list, no comparison
    expect(solve(input, { kind: 'pmedian', supports: 2 }, { compare: [0, 4] }).comparison?.bestWeight).toBe(300);
    expect(solve(input, { kind: 'mclp', supports: 2 }).comparison).toBeNull();
  });

  it('an uncovered settlement gets its nearest support and its km', () => {
    const one = solve(input, { kind: 'mclp', supports: 1 });
    expect(one.role[3]).toBe(ROLE_UNCOVERED);
    expect(one.supportOf[3]).toBe(1);
    expect(one.km[3]).toBeCloseTo(km(input, 1, 3), 3);
  });

  it('set covering: 2 supports reach everyone, 1 reaches 70% (230 of 300)', () => {
    expect(solve(input, { kind: 'lscp', target: 1 }).supports.length).toBe(2);
    const share = solve(input, { kind: 'lscp', target: 0.7 });
    expect(Array.from(share.supports)).toEqual([1]);
    expect(share.target?.reached).toBe(true);
  });

  it('p-median with one support picks the weighted median on the line', () => {
    // with A at 120: B costs 120·11.1 + 80·11.1 + 30·100 + 40·111.2 ≈ 9,674 person-km, C ≈ 9,897, A ≈ 10,563
    const heavierA = { ...input, weight: Float64Array.from([120, 50, 80, 30, 40]) };
    const one = solve(heavierA, { kind: 'pmedian', supports: 1 });
    expect(Array.from(one.supports)).toEqual([1]);
    expect(one.weightedKm).toBeCloseTo(9674, -1);
    expect(one.weightedKm! / medianCost(heavierA, [1])).toBeCloseTo(1, 5);
  });

  it('a smaller radius for one site is its own: A with 5 km covers only itself', () => {
    const small = { ...input, radiusKm: Float64Array.from([5, 5, 5, 12, 12]) };
    const two = solve(small, { kind: 'mclp', supports: 2 });
    // each of A, B, C reaches only itself now: A (100) and then C (80) beat D's 70
    expect(Array.from(two.supports)).toEqual([0, 2]);
    expect(two.coveredWeight).toBe(180);
  });

  it('required supports are always chosen, excluded never', () => {
    const r = solve({ ...input, required: [4] }, { kind: 'mclp', supports: 2 });
    expect(Array.from(r.supports)).toEqual([1, 4]);
    const noB = solve({ ...input, candidate: Uint8Array.from([1, 0, 1, 1, 1]) }, { kind: 'mclp', supports: 1 });
    expect(Array.from(noB.supports)).toEqual([0]);
    expect(() => solve({ ...input, required: [0, 1, 2] }, { kind: 'mclp', supports: 2 })).toThrow(/3 required supports do not fit in 2/);
  });

  it('stops when the caller says so', () => {
    expect(() => runSteps(solveNetworkSteps(input, { kind: 'mclp', supports: 2 }), { shouldStop: () => true })).toThrow(NetworkCancelled);
  });
});

describe('support network: straight-line lists', () => {
  it('coverage and nearest lists equal a brute-force search', () => {
    const input = randomInstance(7, 300, 120, 15);
    const provider = new StraightLineDistance(input.lon, input.lat);
    const cands = Int32Array.from({ length: 120 }, (_, i) => i);
    const radius = Float64Array.from(cands, (c) => 10 + (c % 3) * 5);
    const cover = provider.coverage(cands, radius);
    for (let k = 0; k < cands.length; k++) {
      const got = Array.from(cover.site.subarray(cover.start[k], cover.start[k + 1])).sort((a, b) => a - b);
      const want = Array.from({ length: 300 }, (_, d) => d).filter((d) => km(input, cands[k], d) <= radius[k]);
      expect(got).toEqual(want);
    }
    const near = provider.nearest(cands, 5);
    for (let i = 0; i < 300; i++) {
      const want = Array.from(cands).map((c, j) => ({ j, d: km(input, c, i) })).sort((a, b) => a.d - b.d || a.j - b.j).slice(0, 5);
      const got = Array.from(near.km.subarray(near.start[i], near.start[i + 1]));
      want.forEach((w, t) => expect(got[t]).toBeCloseTo(w.d, 3));
    }
  });
});

describe('support network: against enumeration (≤ 20 candidates)', () => {
  const seeds = Array.from({ length: 12 }, (_, i) => 101 + i);

  it('maximal covering equals the optimum or sits within its stated gap; the bound is never below the optimum', () => {
    let equal = 0;
    for (const seed of seeds) {
      const input = randomInstance(seed, 60, 16, 14);
      for (const n of [2, 4, 6]) {
        let best = 0;
        for (const s of subsets(candidatesOf(input), n)) best = Math.max(best, coveredBy(input, s));
        const got = solve(input, { kind: 'mclp', supports: n });
        expect(got.coveredWeight).toBe(coveredBy(input, Array.from(got.supports)));
        expect(got.coveredWeight).toBeLessThanOrEqual(best);
        expect(got.upperBound!).toBeGreaterThanOrEqual(best - 1e-6);
        expect(got.coveredWeight).toBeGreaterThanOrEqual((1 - got.gap!) * got.upperBound! - 1e-6);
        if (got.coveredWeight === best) equal++;
      }
    }
    // the interchange finds the optimum on nearly every small instance
    expect(equal).toBeGreaterThanOrEqual(Math.floor(0.9 * seeds.length * 3));
  });

  it('with required supports, the optimum among subsets that hold them', () => {
    for (const seed of seeds.slice(0, 4)) {
      const input = { ...randomInstance(seed, 60, 16, 14), required: [3, 11] };
      let best = 0;
      for (const s of subsets(candidatesOf(input), 5, [3, 11])) best = Math.max(best, coveredBy(input, s));
      const got = solve(input, { kind: 'mclp', supports: 5 });
      expect(Array.from(got.supports)).toEqual(expect.arrayContaining([3, 11]));
      expect(got.coveredWeight).toBeLessThanOrEqual(best);
      expect(got.upperBound!).toBeGreaterThanOrEqual(best - 1e-6);
    }
  });

  it('set covering: never fewer than the enumerated minimum, equal on most; "proved minimal" only when true', () => {
    let equal = 0;
    for (const seed of seeds) {
      const input = randomInstance(seed, 50, 50, 20); // every site a candidate: 100% is reachable
      input.candidate.fill(0);
      for (let i = 0; i < 16; i++) input.candidate[i] = 1;
      input.weight = input.weight.map((w, i) => (i < 16 ? w : 0)); // demand on the candidates only (≤ 20 sites to enumerate)
      const total = input.weight.reduce((a, b) => a + b, 0);
      const target = 0.9;
      let min = Infinity;
      for (let size = 1; size <= 16 && min === Infinity; size++) for (const s of subsets(candidatesOf(input), size)) if (coveredBy(input, s) >= target * total - 1e-9) min = size;
      const got = solve(input, { kind: 'lscp', target });
      expect(got.coveredWeight).toBeGreaterThanOrEqual(target * total - 1e-6);
      expect(got.supports.length).toBeGreaterThanOrEqual(min);
      if (got.target!.provedMinimal) expect(got.supports.length).toBe(min);
      if (got.supports.length === min) equal++;
    }
    expect(equal).toBeGreaterThanOrEqual(seeds.length - 1);
  });

  it('p-median equals the enumerated optimum on nearly every instance, never below it', () => {
    let equal = 0;
    for (const seed of seeds) {
      const input = randomInstance(seed, 60, 16, 14);
      const n = 3;
      let best = Infinity;
      for (const s of subsets(candidatesOf(input), n)) best = Math.min(best, medianCost(input, s));
      const got = solve(input, { kind: 'pmedian', supports: n });
      // km are stored as float32: equal to a millionth
      expect(got.weightedKm! / medianCost(input, Array.from(got.supports))).toBeCloseTo(1, 6);
      expect(got.weightedKm!).toBeGreaterThanOrEqual(best * (1 - 1e-6));
      if (got.weightedKm! <= best * (1 + 1e-6)) equal++;
    }
    expect(equal).toBeGreaterThanOrEqual(seeds.length - 1);
  });

  it('coverage never falls as N grows: the curve and the final answers', () => {
    for (const seed of seeds.slice(0, 6)) {
      const input = randomInstance(seed, 60, 16, 14);
      const curve = solve(input, { kind: 'mclp', supports: 1 }).curve;
      expect(curve.length).toBe(16);
      for (let k = 1; k < curve.length; k++) expect(curve[k]).toBeGreaterThanOrEqual(curve[k - 1]);
      let last = 0;
      for (let n = 1; n <= 10; n++) {
        const covered = solve(input, { kind: 'mclp', supports: n }).coveredWeight;
        expect(covered).toBeGreaterThanOrEqual(last);
        last = covered;
      }
    }
  });

  it('gives the same answer twice, and the same for the rows in another order', () => {
    const input = randomInstance(42, 200, 80, 12);
    const a = solve(input, { kind: 'mclp', supports: 12 });
    const b = solve(input, { kind: 'mclp', supports: 12 });
    expect(Array.from(b.supports)).toEqual(Array.from(a.supports));
    expect(Array.from(b.supportOf)).toEqual(Array.from(a.supportOf));
    // reversed rows, rank kept with the row
    const rev = <T extends { length: number; [i: number]: number }>(x: T) => Array.from(x as ArrayLike<number>).reverse();
    const n = 200;
    const reversed: NetworkInput = {
      lon: Float64Array.from(rev(input.lon)), lat: Float64Array.from(rev(input.lat)), weight: Float64Array.from(rev(input.weight)),
      rank: Int32Array.from(rev(input.rank as Int32Array)), candidate: Uint8Array.from(rev(input.candidate)), required: [], radiusKm: Float64Array.from(rev(input.radiusKm)),
    };
    const c = solve(reversed, { kind: 'mclp', supports: 12 });
    expect(Array.from(c.supports, (s) => n - 1 - s).sort((x, y) => x - y)).toEqual(Array.from(a.supports).sort((x, y) => x - y));
    expect(c.coveredWeight).toBe(a.coveredWeight);
  });
});
