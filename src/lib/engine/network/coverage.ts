// Maximal covering (MCLP) and set covering (LSCP) on coverage lists: the lazy greedy (its pick order is the whole
// coverage curve), the 1-swap interchange (Teitz–Bart), and the Lagrangian upper bound on the population N
// supports can cover. Candidates are indexed in tie order (lower index = lower id), so every tie goes to the
// lower id and the same input gives the same answer on every run.
import type { SparseLists } from './distance.ts';
import { GainHeap } from './heap.ts';
import { Ticker, type Steps } from './steps.ts';

export interface CoverInstance {
  /** Sites (settlements) and their weight (population; 0 = no demand). */
  weight: Float64Array;
  /** Candidate k is site `cand[k]`; candidates are in tie order. */
  cand: Int32Array;
  /** 1 = candidate k must be chosen. */
  required: Uint8Array;
  /** Per candidate: the sites within its radius. */
  cover: SparseLists;
  /** Per site: the candidates whose radius reaches it (`coveredByStart[i]..coveredByStart[i+1]` of `coveredBy`). */
  coveredByStart: Uint32Array;
  coveredBy: Int32Array;
}

/** Per site, the candidates covering it (the coverage lists inverted). */
export function invertCover(sites: number, cover: SparseLists, candidates: number): { coveredByStart: Uint32Array; coveredBy: Int32Array } {
  const coveredByStart = new Uint32Array(sites + 1);
  for (let e = 0; e < cover.site.length; e++) coveredByStart[cover.site[e] + 1]++;
  for (let i = 0; i < sites; i++) coveredByStart[i + 1] += coveredByStart[i];
  const fill = coveredByStart.slice(0, sites);
  const coveredBy = new Int32Array(cover.site.length);
  for (let k = 0; k < candidates; k++) for (let e = cover.start[k]; e < cover.start[k + 1]; e++) coveredBy[fill[cover.site[e]]++] = k;
  return { coveredByStart, coveredBy };
}

/** Population that any candidate can reach (the most any number of supports can cover). */
export function coverableWeight(inst: CoverInstance): number {
  let sum = 0;
  for (let i = 0; i < inst.weight.length; i++) if (inst.coveredByStart[i + 1] > inst.coveredByStart[i]) sum += inst.weight[i];
  return sum;
}

/** Which supports are open, how often each site is covered, and what closing each open one would lose. */
export class CoverState {
  readonly open: Uint8Array;
  readonly count: Int32Array;
  /** Sum of the indices of the open candidates covering a site: the one coverer when count is 1. */
  readonly coverers: Float64Array;
  /** For an open candidate: the weight only it covers. */
  readonly loss: Float64Array;
  covered = 0;
  opened = 0;

  constructor(readonly inst: CoverInstance) {
    const m = inst.cand.length, n = inst.weight.length;
    this.open = new Uint8Array(m);
    this.count = new Int32Array(n);
    this.coverers = new Float64Array(n);
    this.loss = new Float64Array(m);
  }

  /** Weight `k` would add. */
  gain(k: number): number {
    const { cover, weight } = this.inst;
    let g = 0;
    for (let e = cover.start[k]; e < cover.start[k + 1]; e++) if (this.count[cover.site[e]] === 0) g += weight[cover.site[e]];
    return g;
  }

  add(k: number): void {
    const { cover, weight } = this.inst;
    this.open[k] = 1;
    this.opened++;
    for (let e = cover.start[k]; e < cover.start[k + 1]; e++) {
      const d = cover.site[e], w = weight[d];
      const c = this.count[d];
      if (c === 0) {
        this.loss[k] += w;
        this.covered += w;
      } else if (c === 1) this.loss[this.coverers[d]] -= w;
      this.count[d] = c + 1;
      this.coverers[d] += k;
    }
  }

  remove(k: number): void {
    const { cover, weight } = this.inst;
    this.open[k] = 0;
    this.opened--;
    for (let e = cover.start[k]; e < cover.start[k + 1]; e++) {
      const d = cover.site[e], w = weight[d];
      const c = --this.count[d];
      this.coverers[d] -= k;
      if (c === 0) this.covered -= w;
      else if (c === 1) this.loss[this.coverers[d]] += w;
    }
    this.loss[k] = 0;
  }

  openList(): Int32Array {
    const out: number[] = [];
    for (let k = 0; k < this.open.length; k++) if (this.open[k]) out.push(k);
    return Int32Array.from(out);
  }
}

export interface GreedyResult {
  /** Candidates in the order the greedy took them (required first). */
  order: Int32Array;
  /** Weight covered by the first k+1 of `order`. */
  curve: Float64Array;
  /** Milliseconds until the first `firstAt` picks were known. */
  firstMs: number;
}

/** Lazy greedy: the required candidates, then repeatedly the one adding the most weight (ties: lower index),
 *  up to `picks` candidates or `stopAt` covered weight. Gains only fall as supports are added, so a gain computed
 *  this round that still tops the heap is the true best. */
export function* greedyCover(inst: CoverInstance, picks: number, options: { stopAt?: number; firstAt?: number } = {}): Steps<GreedyResult> {
  const t0 = performance.now();
  const m = inst.cand.length;
  const state = new CoverState(inst);
  const order: number[] = [];
  const curve: number[] = [];
  let firstMs = NaN;
  const firstAt = options.firstAt ?? picks;
  const stopAt = options.stopAt ?? Infinity;
  const ticker = new Ticker(1023);
  const took = (k: number) => {
    state.add(k);
    order.push(k);
    curve.push(state.covered);
    if (order.length === firstAt) firstMs = performance.now() - t0;
  };
  for (let k = 0; k < m; k++) if (inst.required[k]) took(k);
  const key = new Float64Array(m);
  const fresh = new Int32Array(m).fill(-1);
  const heap = new GainHeap(key, m);
  for (let k = 0; k < m; k++) {
    if (inst.required[k]) continue;
    key[k] = state.gain(k);
    fresh[k] = order.length;
    heap.push(k);
  }
  while (order.length < picks && heap.size > 0 && state.covered < stopAt) {
    const k = heap.top();
    if (fresh[k] === order.length) {
      heap.pop();
      took(k);
    } else {
      key[k] = state.gain(k);
      fresh[k] = order.length;
      heap.topChanged();
    }
    if (ticker.due()) yield { phase: 'greedy', fraction: order.length / picks };
  }
  if (Number.isNaN(firstMs)) firstMs = performance.now() - t0;
  return { order: Int32Array.from(order), curve: Float64Array.from(curve), firstMs };
}

export type StoppedBy = 'converged' | 'passes' | 'time' | 'target';

/** 1-swap interchange: for each closed candidate (in index order) the best open one to close in exchange,
 *  taken when it covers more. Passes until none helps, `maxPasses`, the `deadline` (performance.now()), or
 *  `stopAt` covered weight. `loss[r] − shared` is what closing r costs once i is open: the weight only r covers,
 *  less what i covers of it. */
export function* improveCover(state: CoverState, options: { maxPasses: number; deadline: number; stopAt?: number }): Steps<StoppedBy> {
  const { inst } = state;
  const { cover, weight, required } = inst;
  const m = inst.cand.length;
  const shared = new Float64Array(m);
  const touched: number[] = [];
  const eps = 1e-9 * Math.max(1, state.covered);
  const stopAt = options.stopAt ?? Infinity;
  const ticker = new Ticker(4095);
  let byLoss = sortedByLoss(state);
  for (let pass = 0; pass < options.maxPasses; pass++) {
    let improved = false;
    for (let i = 0; i < m; i++) {
      if (state.open[i]) continue;
      if (ticker.due(cover.start[i + 1] - cover.start[i] + 1)) {
        yield { phase: 'improve', fraction: (pass + i / m) / options.maxPasses };
        if (performance.now() > options.deadline) return 'time';
      }
      let gain = 0;
      for (let e = cover.start[i]; e < cover.start[i + 1]; e++) {
        const d = cover.site[e];
        const c = state.count[d];
        if (c === 0) gain += weight[d];
        else if (c === 1) {
          const r = state.coverers[d];
          if (shared[r] === 0) touched.push(r);
          shared[r] += weight[d];
        }
      }
      if (gain > eps) {
        // The cheapest open candidate to close: the first untouched one in loss order, or a touched one.
        let best = -1, bestCost = Infinity;
        for (const r of byLoss) {
          if (shared[r] === 0) {
            best = r;
            bestCost = state.loss[r];
            break;
          }
        }
        for (const r of touched) {
          if (required[r]) continue;
          const cost = state.loss[r] - shared[r];
          if (cost < bestCost || (cost === bestCost && r < best)) {
            best = r;
            bestCost = cost;
          }
        }
        if (best >= 0 && gain - bestCost > eps) {
          state.add(i);
          state.remove(best);
          improved = true;
          byLoss = sortedByLoss(state);
        }
      }
      for (const r of touched) shared[r] = 0;
      touched.length = 0;
      if (state.covered >= stopAt) return 'target';
    }
    if (!improved) return 'converged';
  }
  return 'passes';
}

/** Open, not required candidates by what closing them loses (ties: lower index). */
function sortedByLoss(state: CoverState): Int32Array {
  const list = state.openList().filter((k) => !state.inst.required[k]);
  return list.sort((a, b) => state.loss[a] - state.loss[b] || a - b);
}

/** Upper bound on the weight `supports` candidates can cover (required included): Lagrangian relaxation of
 *  "a site counts as covered only if an open candidate reaches it", minimised by subgradient steps (Polyak
 *  step towards the best known cover `known`). Any multipliers give a valid bound; the minimum over the
 *  iterations is returned, never above the coverable weight. */
export function* coverBound(inst: CoverInstance, supports: number, known: number, iterations: number, deadline = Infinity): Steps<number> {
  const { cover, weight, required, coveredByStart } = inst;
  const m = inst.cand.length, n = weight.length;
  const lambda = new Float64Array(n);
  let coverable = 0;
  for (let d = 0; d < n; d++) {
    const reach = coveredByStart[d + 1] - coveredByStart[d];
    if (reach > 0) coverable += weight[d];
    lambda[d] = reach > 0 ? weight[d] / reach : 0;
  }
  let requiredCount = 0;
  for (let k = 0; k < m; k++) requiredCount += required[k];
  const free = Int32Array.from({ length: m }, (_, k) => k).filter((k) => !required[k]);
  const pick = Math.max(0, Math.min(free.length, supports - requiredCount));
  if (requiredCount + pick >= m) return coverable;
  const value = new Float64Array(m);
  const chosen = new Uint8Array(m);
  const times = new Int32Array(n);
  let best = coverable;
  let mu = 2;
  let sinceBetter = 0;
  const ticker = new Ticker(3);
  for (let it = 0; it < iterations; it++) {
    for (let k = 0; k < m; k++) {
      let v = 0;
      for (let e = cover.start[k]; e < cover.start[k + 1]; e++) v += lambda[cover.site[e]];
      value[k] = v;
    }
    free.sort((a, b) => value[b] - value[a] || a - b);
    chosen.fill(0);
    let bound = 0;
    for (let k = 0; k < m; k++) if (required[k]) chosen[k] = 1;
    for (let t = 0; t < pick; t++) chosen[free[t]] = 1;
    times.fill(0);
    for (let k = 0; k < m; k++) {
      if (!chosen[k]) continue;
      bound += value[k];
      for (let e = cover.start[k]; e < cover.start[k + 1]; e++) times[cover.site[e]]++;
    }
    let norm = 0;
    for (let d = 0; d < n; d++) {
      // sites no candidate reaches can never count
      if (coveredByStart[d + 1] === coveredByStart[d]) continue;
      const y = weight[d] > lambda[d] ? 1 : 0;
      if (y) bound += weight[d] - lambda[d];
      const g = y - times[d];
      norm += g * g;
    }
    if (bound < best - 1e-9 * best) {
      best = bound;
      sinceBetter = 0;
    } else if (++sinceBetter >= 30) {
      mu /= 2;
      sinceBetter = 0;
    }
    if (norm === 0 || best - known <= 1e-9 * Math.max(1, best) || mu < 1e-4 || performance.now() > deadline) break;
    const step = (mu * Math.max(bound - known, 1e-6 * Math.max(1, bound))) / norm;
    for (let d = 0; d < n; d++) {
      if (coveredByStart[d + 1] === coveredByStart[d]) continue;
      const g = (weight[d] > lambda[d] ? 1 : 0) - times[d];
      if (g !== 0) lambda[d] = Math.max(0, lambda[d] + step * g);
    }
    if (ticker.due()) yield { phase: 'bound', fraction: it / iterations };
  }
  return Math.min(best, coverable);
}
