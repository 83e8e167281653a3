// p-median: N supports minimising the population-weighted distance of every site to its nearest support, on
// each site's nearest K candidates (K = 32–64): a site whose K nearest are all closed is counted at its K-th
// distance (a lower bound; the final assignment measures it exactly). Lazy greedy, then the fast interchange
// (Whitaker; Resende & Werneck): for each closed candidate i, the gain of opening it and, for every open r, the
// extra cost of then closing r, from each site's nearest and second-nearest open candidate.
import type { SparseLists } from './distance.ts';
import { GainHeap } from './heap.ts';
import { Ticker, type Steps } from './steps.ts';
import type { StoppedBy } from './coverage.ts';

export interface MedianInstance {
  weight: Float64Array;
  /** Number of candidates (indices 0..m-1, in tie order). */
  m: number;
  required: Uint8Array;
  /** Per site: its nearest candidates (indices into the candidates) with km, nearest first. */
  near: SparseLists;
}

/** The sites that list each candidate, with the km (the nearest lists inverted). */
function invertNear(inst: MedianInstance): SparseLists {
  const { near, m } = inst;
  const n = near.start.length - 1;
  const start = new Uint32Array(m + 1);
  for (let e = 0; e < near.site.length; e++) start[near.site[e] + 1]++;
  for (let k = 0; k < m; k++) start[k + 1] += start[k];
  const fill = start.slice(0, m);
  const site = new Int32Array(near.site.length);
  const km = new Float32Array(near.site.length);
  for (let i = 0; i < n; i++) {
    for (let e = near.start[i]; e < near.start[i + 1]; e++) {
      const at = fill[near.site[e]]++;
      site[at] = i;
      km[at] = near.km[e];
    }
  }
  return { start, site, km };
}

export class MedianState {
  readonly open: Uint8Array;
  /** Per site: km to the nearest and second-nearest open candidate in its list (else its farthest listed km). */
  readonly d1: Float64Array;
  readonly d2: Float64Array;
  /** Per site: the nearest open candidate in its list, -1 when none. */
  readonly first: Int32Array;
  /** Per open candidate: the cost of closing it were nothing else to change (Σ w·(d2 − d1) of its sites). */
  readonly loss: Float64Array;
  readonly listedBy: SparseLists;
  cost = 0;

  constructor(readonly inst: MedianInstance) {
    const n = inst.weight.length;
    this.open = new Uint8Array(inst.m);
    this.d1 = new Float64Array(n);
    this.d2 = new Float64Array(n);
    this.first = new Int32Array(n);
    this.loss = new Float64Array(inst.m);
    this.listedBy = invertNear(inst);
    for (let i = 0; i < n; i++) this.refresh(i, false);
  }

  /** Far value of a site: its last listed km (nothing outside its list is nearer). */
  far(i: number): number {
    const { near } = this.inst;
    return near.start[i + 1] > near.start[i] ? near.km[near.start[i + 1] - 1] : 0;
  }

  /** Recomputes a site's nearest two open candidates, keeping `cost` and `loss` in step. */
  refresh(i: number, counted = true): void {
    const { near, weight } = this.inst;
    const w = weight[i];
    if (counted) {
      this.cost -= w * this.d1[i];
      if (this.first[i] >= 0) this.loss[this.first[i]] -= w * (this.d2[i] - this.d1[i]);
    }
    let first = -1, d1 = this.far(i), d2 = d1;
    for (let e = near.start[i]; e < near.start[i + 1]; e++) {
      if (!this.open[near.site[e]]) continue;
      if (first < 0) {
        first = near.site[e];
        d1 = near.km[e];
      } else {
        d2 = near.km[e];
        break;
      }
    }
    this.first[i] = first;
    this.d1[i] = d1;
    this.d2[i] = d2;
    this.cost += w * d1;
    if (first >= 0) this.loss[first] += w * (d2 - d1);
  }

  setOpen(k: number, open: boolean): void {
    this.open[k] = open ? 1 : 0;
    const { listedBy } = this;
    for (let e = listedBy.start[k]; e < listedBy.start[k + 1]; e++) this.refresh(listedBy.site[e]);
  }

  /** Cost saved by opening k. */
  gain(k: number): number {
    const { listedBy } = this;
    const w = this.inst.weight;
    let g = 0;
    for (let e = listedBy.start[k]; e < listedBy.start[k + 1]; e++) {
      const i = listedBy.site[e];
      const d = this.d1[i] - listedBy.km[e];
      if (d > 0) g += w[i] * d;
    }
    return g;
  }
}

/** Required candidates, then the lazy greedy to `supports`. */
export function* greedyMedian(state: MedianState, supports: number): Steps<void> {
  const { m, required } = state.inst;
  let opened = 0;
  for (let k = 0; k < m; k++) {
    if (required[k]) {
      state.setOpen(k, true);
      opened++;
    }
  }
  const key = new Float64Array(m);
  const fresh = new Int32Array(m).fill(-1);
  const heap = new GainHeap(key, m);
  for (let k = 0; k < m; k++) {
    if (required[k]) continue;
    key[k] = state.gain(k);
    fresh[k] = opened;
    heap.push(k);
  }
  const ticker = new Ticker(1023);
  while (opened < supports && heap.size > 0) {
    const k = heap.top();
    if (fresh[k] === opened) {
      heap.pop();
      state.setOpen(k, true);
      opened++;
    } else {
      key[k] = state.gain(k);
      fresh[k] = opened;
      heap.topChanged();
    }
    if (ticker.due()) yield { phase: 'greedy', fraction: opened / supports };
  }
}

/** Fast interchange passes (first improvement, candidates in index order). */
export function* improveMedian(state: MedianState, options: { maxPasses: number; deadline: number }): Steps<StoppedBy> {
  const { m, required, weight } = state.inst;
  const { listedBy, d1, d2, first, loss, open } = state;
  const saved = new Float64Array(m);
  const touched: number[] = [];
  const ticker = new Ticker(4095);
  const eps = () => 1e-9 * Math.max(1, state.cost);
  const byLoss = () => {
    const list: number[] = [];
    for (let k = 0; k < m; k++) if (open[k] && !required[k]) list.push(k);
    return list.sort((a, b) => loss[a] - loss[b] || a - b);
  };
  let ordered = byLoss();
  for (let pass = 0; pass < options.maxPasses; pass++) {
    let improved = false;
    for (let i = 0; i < m; i++) {
      if (open[i]) continue;
      if (ticker.due(listedBy.start[i + 1] - listedBy.start[i] + 1)) {
        yield { phase: 'improve', fraction: (pass + i / m) / options.maxPasses };
        if (performance.now() > options.deadline) return 'time';
      }
      let gain = 0;
      for (let e = listedBy.start[i]; e < listedBy.start[i + 1]; e++) {
        const u = listedBy.site[e], dui = listedBy.km[e], w = weight[u];
        if (w === 0) continue;
        const r = first[u];
        if (dui < d1[u]) {
          gain += w * (d1[u] - dui);
          // u moves to i: closing its old nearest no longer costs it anything
          if (r >= 0) {
            if (saved[r] === 0) touched.push(r);
            saved[r] += w * (d2[u] - d1[u]);
          }
        } else if (dui < d2[u] && r >= 0) {
          if (saved[r] === 0) touched.push(r);
          saved[r] += w * (d2[u] - dui);
        }
      }
      let best = -1, bestCost = Infinity;
      for (const r of ordered) {
        if (saved[r] === 0) {
          best = r;
          bestCost = loss[r];
          break;
        }
      }
      for (const r of touched) {
        if (required[r]) continue;
        const c = loss[r] - saved[r];
        if (c < bestCost || (c === bestCost && r < best)) {
          best = r;
          bestCost = c;
        }
      }
      for (const r of touched) saved[r] = 0;
      touched.length = 0;
      if (best >= 0 && gain - bestCost > eps()) {
        const before = state.cost;
        state.setOpen(i, true);
        state.setOpen(best, false);
        if (state.cost < before - eps()) improved = true;
        else {
          // the estimate was rounding noise: undo
          state.setOpen(best, true);
          state.setOpen(i, false);
        }
        ordered = byLoss();
      }
    }
    if (!improved) return 'converged';
  }
  return 'passes';
}
