// The support-network problems on a set of sites (the rural settlements): which sites to make supports.
//   mclp    — maximal covering: N supports covering the most weight (population) within their radius;
//   lscp    — set covering: the fewest supports covering a target share of the weight (1.0, 0.9…);
//   pmedian — N supports minimising the weighted distance of every site to its nearest support.
// A support covers itself; its radius is its own (per region). Greedy first (the coverage curve for
// N = 1…curveMax comes from the same pass), then swaps. Deterministic: ties go to the lower `rank`, and the
// improvement is bounded by passes (the time budget is a safety net, reported when it is what stopped it).
import { StraightLineDistance, type DistanceProvider, type SparseLists } from './distance.ts';
import { CoverState, coverBound, coverableWeight, greedyCover, improveCover, invertCover, type CoverInstance, type StoppedBy } from './coverage.ts';
import { MedianState, greedyMedian, improveMedian } from './pmedian.ts';
import type { Steps } from './steps.ts';

export type NetworkProblem =
  | { kind: 'mclp'; supports: number }
  | { kind: 'lscp'; target: number }
  | { kind: 'pmedian'; supports: number };
export type NetworkProblemKind = NetworkProblem['kind'];

export interface NetworkInput {
  lon: Float64Array;
  lat: Float64Array;
  /** Demand per site (population); 0 or NaN = none. */
  weight: Float64Array;
  /** Tie order per site (e.g. the rank of its id): lower wins a tie. Distinct values. */
  rank: ArrayLike<number>;
  /** 1 = the site may become a support (eligible, not excluded). Required sites are candidates anyway. */
  candidate: Uint8Array;
  /** Sites that are always supports. */
  required: ArrayLike<number>;
  /** Radius (km) a site covers when it is a support. */
  radiusKm: Float64Array;
  /** Defaults to straight lines on the sphere. */
  distance?: DistanceProvider;
}

export interface NetworkOptions {
  /** Coverage curve up to this many supports (default 2,000; fewer when there are fewer candidates). */
  curveMax?: number;
  /** Swap passes at most (default 30); 0 = greedy only. */
  maxPasses?: number;
  /** Safety budget for the swaps and the bound, ms from the start (default 4,000): the bound then stops early
   *  (still valid, only looser). */
  budgetMs?: number;
  /** Subgradient iterations of the MCLP bound (default 300; 0 = no bound). */
  boundIterations?: number;
  /** p-median: nearest candidates per site (default 48). */
  nearestK?: number;
  /** Sites of a list to compare with (the approved supports): the weight they cover with the same radii, the best
   *  as many cover, and how few the greedy needs for as much (see `NetworkComparison`). */
  compare?: ArrayLike<number>;
}

/** "The current N cover x%; the best N cover y%; M suffice for x%" (weights, not shares). */
export interface NetworkComparison {
  /** N: the sites compared (distinct). */
  current: number;
  /** Weight within the radius of one of them (a site covers itself). */
  currentWeight: number;
  /** The best N found: the solution when it has N supports (mclp), else the greedy curve at N; the larger of
   *  the two when both exist; null when N is past the curve. */
  bestWeight: number | null;
  /** The fewest supports along the greedy curve that cover as much as the N; null when the curve never does. */
  suffice: number | null;
}

export const ROLES = ['support', 'satellite', 'uncovered'] as const;
export type NetworkRole = (typeof ROLES)[number];
export const ROLE_SUPPORT = 0, ROLE_SATELLITE = 1, ROLE_UNCOVERED = 2;

export interface NetworkSolution {
  problem: NetworkProblemKind;
  /** Chosen sites, in tie order. */
  supports: Int32Array;
  /** Per site: ROLES index. A site with no demand still gets its role. */
  role: Uint8Array;
  /** Per site: its support's site (itself for a support; the nearest support for an uncovered site), -1 when there
   *  is no support at all. */
  supportOf: Int32Array;
  /** Per site: km to `supportOf`. */
  km: Float64Array;
  /** Weight within the radius of a chosen support, of all weight, and of the weight any candidate can reach. */
  coveredWeight: number;
  totalWeight: number;
  coverableWeight: number;
  /** mclp: no N supports cover more than this (Lagrangian bound); null for the other problems. */
  upperBound: number | null;
  /** mclp: (upperBound − covered) / upperBound. */
  gap: number | null;
  /** pmedian: Σ weight × km to the nearest support. */
  weightedKm: number | null;
  /** lscp: the target weight, whether it is reached, and whether one support fewer is proved not to reach it. */
  target: { share: number; weight: number; reached: boolean; provedMinimal: boolean } | null;
  /** Covered weight by the greedy's first k supports (k = 1…curve.length), required first. */
  curve: Float64Array;
  /** Against `options.compare`; null without it or when it is empty. */
  comparison: NetworkComparison | null;
  /** ms to the greedy answer (the first answer), and to the end. */
  firstMs: number;
  totalMs: number;
  stoppedBy: StoppedBy;
}

export class NetworkInputError extends Error {}

interface Prepared {
  cand: Int32Array;
  required: Uint8Array;
  weight: Float64Array;
  provider: DistanceProvider;
}

function prepare(input: NetworkInput): Prepared {
  const n = input.lon.length;
  const isRequired = new Uint8Array(n);
  for (let t = 0; t < input.required.length; t++) {
    const s = input.required[t];
    if (!(s >= 0 && s < n)) throw new NetworkInputError(`required site ${s} is not a site`);
    isRequired[s] = 1;
  }
  const sites: number[] = [];
  for (let i = 0; i < n; i++) if (input.candidate[i] || isRequired[i]) sites.push(i);
  sites.sort((a, b) => input.rank[a] - input.rank[b]);
  const cand = Int32Array.from(sites);
  const weight = Float64Array.from(input.weight, (w) => (w > 0 ? w : 0));
  return { cand, required: Uint8Array.from(cand, (s) => isRequired[s]), weight, provider: input.distance ?? new StraightLineDistance(input.lon, input.lat) };
}

export function* solveNetworkSteps(input: NetworkInput, problem: NetworkProblem, options: NetworkOptions = {}): Steps<NetworkSolution> {
  const t0 = performance.now();
  const { cand, required, weight, provider } = prepare(input);
  const m = cand.length, n = weight.length;
  const maxPasses = options.maxPasses ?? 30;
  const deadline = t0 + (options.budgetMs ?? 4000);
  const requiredCount = required.reduce((a, b) => a + b, 0);
  if (problem.kind !== 'lscp') {
    if (!(Number.isInteger(problem.supports) && problem.supports >= 1)) throw new NetworkInputError(`the number of supports must be a whole number ≥ 1 (got ${problem.supports})`);
    if (problem.supports < requiredCount) throw new NetworkInputError(`${requiredCount} required supports do not fit in ${problem.supports}`);
  } else if (!(problem.target > 0 && problem.target <= 1)) throw new NetworkInputError(`the target share must be in (0, 1] (got ${problem.target})`);
  if (m === 0) throw new NetworkInputError('no candidate settlements');

  yield { phase: 'lists', fraction: 0 };
  const cover = provider.coverage(cand, Float64Array.from(cand, (s) => input.radiusKm[s]));
  const inst: CoverInstance = { weight, cand, required, cover, ...invertCover(n, cover, m) };
  const totalWeight = weight.reduce((a, b) => a + b, 0);
  const coverable = coverableWeight(inst);

  const supportsWanted = problem.kind === 'lscp' ? m : Math.min(problem.supports, m);
  const curveMax = Math.min(m, Math.max(options.curveMax ?? 2000, problem.kind === 'lscp' ? 0 : supportsWanted));
  const targetWeight = problem.kind === 'lscp' ? Math.min(problem.target * totalWeight, coverable) : Infinity;
  const greedyStart = performance.now() - t0;
  // set covering runs the greedy through every candidate: its prefix that reaches the target is the first answer
  const greedy = yield* greedyCover(inst, problem.kind === 'lscp' ? m : curveMax, { firstAt: supportsWanted });
  const curve = greedy.curve.slice(0, curveMax);
  let open: Int32Array<ArrayBufferLike>;
  let stoppedBy: StoppedBy = 'converged';
  let upperBound: number | null = null;
  let weightedKm: number | null = null;
  let target: NetworkSolution['target'] = null;
  let firstMs = greedyStart + greedy.firstMs;

  if (problem.kind === 'mclp') {
    const state = new CoverState(inst);
    for (const k of greedy.order.subarray(0, supportsWanted)) state.add(k);
    if (maxPasses > 0) stoppedBy = yield* improveCover(state, { maxPasses, deadline });
    open = state.openList();
    if ((options.boundIterations ?? 300) > 0) upperBound = Math.max(state.covered, yield* coverBound(inst, supportsWanted, state.covered, options.boundIterations ?? 300, deadline));
  } else if (problem.kind === 'lscp') {
    // Fewest supports: the greedy's prefix that reaches the target, then one fewer while swaps still reach it.
    let k = 0;
    while (k < greedy.curve.length && greedy.curve[k] < targetWeight - 1e-9 * totalWeight) k++;
    k = Math.max(Math.min(k + 1, greedy.order.length), requiredCount);
    firstMs = performance.now() - t0;
    let best: Int32Array<ArrayBufferLike> = greedy.order.slice(0, k);
    const state = new CoverState(inst);
    for (const c of best) state.add(c);
    while (maxPasses > 0 && state.opened > Math.max(1, requiredCount)) {
      // close the open candidate whose loss is least, then swap until the target is met again
      let drop = -1;
      for (const c of state.openList()) if (!required[c] && (drop < 0 || state.loss[c] < state.loss[drop])) drop = c;
      if (drop < 0) break;
      state.remove(drop);
      if (state.covered < targetWeight - 1e-9 * totalWeight) {
        stoppedBy = yield* improveCover(state, { maxPasses, deadline, stopAt: targetWeight - 1e-9 * totalWeight });
        if (state.covered < targetWeight - 1e-9 * totalWeight) break;
      }
      best = state.openList();
      if (performance.now() > deadline) {
        stoppedBy = 'time';
        break;
      }
    }
    open = best;
    // One support fewer cannot reach the target when even the bound for it stays below.
    let provedMinimal = open.length <= Math.max(1, requiredCount);
    if (!provedMinimal && (options.boundIterations ?? 300) > 0) {
      const fewer = yield* coverBound(inst, open.length - 1, targetWeight, options.boundIterations ?? 300, deadline);
      provedMinimal = fewer < targetWeight - 1e-9 * totalWeight;
    }
    target = { share: problem.target, weight: problem.target * totalWeight, reached: targetWeight >= problem.target * totalWeight - 1e-9 * totalWeight, provedMinimal };
  } else {
    const near = provider.nearest(cand, options.nearestK ?? 48);
    const state = new MedianState({ weight, m, required, near });
    yield* greedyMedian(state, supportsWanted);
    firstMs = performance.now() - t0;
    if (maxPasses > 0) stoppedBy = yield* improveMedian(state, { maxPasses, deadline });
    open = Int32Array.from(state.open.keys()).filter((k) => state.open[k] === 1);
    if (maxPasses > 0 && stoppedBy === 'converged') {
      // A second start, from the covering greedy's first N: 1-swap local optima differ, keep the cheaper.
      const other = new MedianState({ weight, m, required, near });
      for (const k of greedy.order.subarray(0, supportsWanted)) other.setOpen(k, true);
      const second = yield* improveMedian(other, { maxPasses, deadline });
      if (other.cost < state.cost - 1e-9 * state.cost) {
        open = Int32Array.from(other.open.keys()).filter((k) => other.open[k] === 1);
        stoppedBy = second;
      }
    }
  }

  yield { phase: 'assign', fraction: 0 };
  const assigned = assign(provider, inst, open, input.radiusKm);
  if (problem.kind === 'pmedian') {
    weightedKm = 0;
    for (let i = 0; i < n; i++) if (weight[i] > 0) weightedKm += weight[i] * assigned.km[i];
  }
  const covered = assigned.coveredWeight;
  const comparison = options.compare?.length ? compareWith(options.compare, inst, provider, input.radiusKm, curve, problem.kind === 'mclp' ? { supports: open.length, covered } : null) : null;
  return {
    problem: problem.kind,
    supports: Int32Array.from(open, (k) => cand[k]),
    role: assigned.role,
    supportOf: assigned.supportOf,
    km: assigned.km,
    coveredWeight: covered,
    totalWeight,
    coverableWeight: coverable,
    upperBound,
    gap: upperBound === null ? null : upperBound > 0 ? (upperBound - covered) / upperBound : 0,
    weightedKm,
    target,
    curve,
    comparison,
    firstMs,
    totalMs: performance.now() - t0,
    stoppedBy,
  };
}

/** Each site's support: the nearest open candidate whose radius reaches it (ties: lower candidate index); a site
 *  no one reaches gets the nearest support anyway, as uncovered. */
function assign(provider: DistanceProvider, inst: CoverInstance, open: Int32Array, radiusKm: Float64Array) {
  const n = inst.weight.length;
  const role = new Uint8Array(n).fill(ROLE_UNCOVERED);
  const supportOf = new Int32Array(n).fill(-1);
  const km = new Float64Array(n).fill(NaN);
  const isOpen = new Uint8Array(inst.cand.length);
  for (const k of open) isOpen[k] = 1;
  // km from a candidate to a site it covers, from the coverage lists
  const kmInList = (k: number, site: number) => {
    for (let e = inst.cover.start[k]; e < inst.cover.start[k + 1]; e++) if (inst.cover.site[e] === site) return inst.cover.km[e];
    return NaN;
  };
  let coveredWeight = 0;
  const far: number[] = [];
  for (let i = 0; i < n; i++) {
    let best = -1, bestKm = Infinity;
    for (let e = inst.coveredByStart[i]; e < inst.coveredByStart[i + 1]; e++) {
      const k = inst.coveredBy[e];
      if (!isOpen[k]) continue;
      const d = kmInList(k, i);
      if (d < bestKm || (d === bestKm && k < best)) {
        best = k;
        bestKm = d;
      }
    }
    if (best >= 0) {
      supportOf[i] = inst.cand[best];
      km[i] = bestKm;
      role[i] = inst.cand[best] === i ? ROLE_SUPPORT : ROLE_SATELLITE;
      coveredWeight += inst.weight[i];
    } else far.push(i);
  }
  for (const k of open) {
    const s = inst.cand[k];
    role[s] = ROLE_SUPPORT;
    if (supportOf[s] !== s) {
      // a support always covers itself, even at radius 0
      if (supportOf[s] < 0) coveredWeight += inst.weight[s];
      supportOf[s] = s;
      km[s] = 0;
    }
  }
  if (far.length && open.length) {
    const sites = Int32Array.from(open, (k) => inst.cand[k]);
    const nearest = provider.nearest(sites, 1);
    for (const i of far) {
      if (supportOf[i] >= 0) continue;
      supportOf[i] = sites[nearest.site[nearest.start[i]]];
      km[i] = nearest.km[nearest.start[i]];
    }
  }
  void radiusKm;
  return { role, supportOf, km, coveredWeight };
}

/** The compared sites' covered weight, from the coverage lists of the candidates among them (the same lists the
 *  solve used) and the provider's lists, same radii, for the others. */
function compareWith(sites: ArrayLike<number>, inst: CoverInstance, provider: DistanceProvider, radiusKm: Float64Array, curve: Float64Array, solved: { supports: number; covered: number } | null): NetworkComparison {
  const n = inst.weight.length;
  const candOf = new Map<number, number>();
  inst.cand.forEach((s, k) => candOf.set(s, k));
  const distinct = [...new Set(Array.from(sites))].filter((s) => s >= 0 && s < n);
  const covered = new Uint8Array(n);
  const mark = (lists: SparseLists, k: number) => {
    for (let e = lists.start[k]; e < lists.start[k + 1]; e++) covered[lists.site[e]] = 1;
  };
  const others: number[] = [];
  for (const s of distinct) {
    covered[s] = 1;
    const k = candOf.get(s);
    if (k === undefined) others.push(s);
    else mark(inst.cover, k);
  }
  if (others.length) {
    const lists = provider.coverage(Int32Array.from(others), Float64Array.from(others, (s) => radiusKm[s]));
    for (let k = 0; k < others.length; k++) mark(lists, k);
  }
  let currentWeight = 0;
  for (let i = 0; i < n; i++) if (covered[i]) currentWeight += inst.weight[i];
  const N = distinct.length;
  const onCurve = N >= 1 && N <= curve.length ? curve[N - 1] : null;
  const ofSolution = solved && solved.supports === N ? solved.covered : null;
  const bestWeight = onCurve === null ? ofSolution : ofSolution === null ? onCurve : Math.max(onCurve, ofSolution);
  // the curve never falls: the first N along it that reaches the weight (a tolerance for float sums)
  const need = currentWeight - 1e-9 * Math.max(1, currentWeight);
  let suffice: number | null = null;
  for (let k = 0; k < curve.length; k++) if (curve[k] >= need) {
    suffice = k + 1;
    break;
  }
  return { current: N, currentWeight, bestWeight, suffice };
}
