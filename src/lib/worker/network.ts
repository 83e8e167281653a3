// The worker's network suggestion: solves from the current assessment (rural rows only) in slices, so that a
// cancel (or a newer solve) arriving between slices stops it, and answers in register rows. It receives what it
// needs — the assessment table (register, classes, config) and which register rows are rural — as arguments;
// the worker loop passes `network-solve` / `network-cancel` messages to `NetworkJobs.handle`.
import type { AssessmentTable } from '../engine/assess.ts';
import {
  NetworkCancelled, NetworkInputError, networkInputFromAssessment, runStepsInSlices, solveNetworkSteps,
  type NetworkIdProblem,
} from '../engine/network/index.ts';
import { isTownRow } from './explore.ts';
import { CATEGORIES } from '../engine/classify.ts';
import { NOT_IN_NETWORK, type NetworkReply, type NetworkRequest, type NetworkResult, type NetworkSolveRequest } from './network-protocol.ts';

export interface NetworkSource {
  table: AssessmentTable;
  /** Per register row: 1 = rural. Default: under 10,000 people (a register row carries no place type). */
  rural?: Uint8Array;
}

export type PostReply = (reply: NetworkReply, transfer: Transferable[]) => void;

/** Rural rows of a register by population alone (what the app does for rows without a GeoNames place type). */
export function ruralByPopulation(table: AssessmentTable): Uint8Array {
  const pop = table.register.population;
  return Uint8Array.from({ length: table.register.size }, (_, i) => (isTownRow(null, pop[i]) ? 0 : 1));
}

function idError(p: NetworkIdProblem): NetworkReply & { type: 'network-error' } {
  return p.kind === 'required_and_excluded'
    ? { type: 'network-error', id: 0, key: 'required_and_excluded', params: { id: p.id } }
    : { type: 'network-error', id: 0, key: p.kind, params: { id: p.id, list: p.list } };
}

/** Solves one request to a result in register rows (or an error reply). */
export async function solveNetworkRequest(
  req: NetworkSolveRequest,
  source: NetworkSource,
  control: { shouldStop?: () => boolean; onProgress?: (phase: NetworkReply & { type: 'network-progress' }) => void } = {},
): Promise<NetworkReply> {
  const { table } = source;
  const rural = source.rural ?? ruralByPopulation(table);
  const prepared = networkInputFromAssessment(table, { rural, candidates: req.candidates, requiredIds: req.requiredIds, excludedIds: req.excludedIds, radiusKm: req.radiusKm });
  if (prepared.problems.length) return { ...idError(prepared.problems[0]), id: req.id };
  const candidates = prepared.input.candidate.reduce((a, b) => a + b, 0);
  if (candidates + prepared.input.required.length === 0) return { type: 'network-error', id: req.id, key: 'no_candidates', params: {} };
  if (req.problem.kind !== 'lscp' && req.problem.supports < prepared.input.required.length) {
    return { type: 'network-error', id: req.id, key: 'too_many_required', params: { required: prepared.input.required.length, supports: req.problem.supports } };
  }
  let s;
  try {
    // the comparison's "current" list: the rural supports of the assessment in force
    const compare = approvedSites(source, prepared.siteOfRow);
    s = await runStepsInSlices(solveNetworkSteps(prepared.input, req.problem, { maxPasses: req.maxPasses, budgetMs: req.budgetMs, curveMax: req.curveMax, compare }), {
      shouldStop: control.shouldStop,
      onProgress: (p) => control.onProgress?.({ type: 'network-progress', id: req.id, phase: p.phase, fraction: p.fraction }),
    });
  } catch (e) {
    if (e instanceof NetworkCancelled) return { type: 'network-cancelled', id: req.id };
    if (e instanceof NetworkInputError) return { type: 'network-error', id: req.id, key: 'bad_parameters', params: { detail: e.message } };
    throw e;
  }
  const n = table.register.size;
  const { rowOfSite } = prepared;
  const role = new Uint8Array(n).fill(NOT_IN_NETWORK);
  const supportRow = new Int32Array(n).fill(-1);
  const km = new Float64Array(n).fill(NaN);
  for (let site = 0; site < rowOfSite.length; site++) {
    const row = rowOfSite[site];
    role[row] = s.role[site];
    supportRow[row] = s.supportOf[site] >= 0 ? rowOfSite[s.supportOf[site]] : -1;
    km[row] = s.km[site];
  }
  const result: NetworkResult = {
    problem: s.problem,
    supports: Int32Array.from(s.supports, (site) => rowOfSite[site]),
    role, supportRow, km,
    curve: s.curve,
    coveredPopulation: s.coveredWeight,
    ruralPopulation: s.totalWeight,
    coverablePopulation: s.coverableWeight,
    upperBoundPopulation: s.upperBound === null ? null : Math.floor(s.upperBound + 1e-6),
    gap: s.gap,
    weightedKm: s.weightedKm,
    comparison: s.comparison && { current: s.comparison.current, currentPopulation: s.comparison.currentWeight, bestPopulation: s.comparison.bestWeight, suffice: s.comparison.suffice },
    target: s.target && { share: s.target.share, reached: s.target.reached, provedMinimal: s.target.provedMinimal },
    candidates,
    firstMs: s.firstMs,
    totalMs: s.totalMs,
    stoppedBy: s.stoppedBy,
  };
  return { type: 'network-result', id: req.id, result };
}

/** Sites of the rural supports of the assessment in force. */
function approvedSites(source: NetworkSource, siteOfRow: Int32Array): number[] {
  const SUPPORT = CATEGORIES.indexOf('support');
  const sites: number[] = [];
  source.table.classes.category.forEach((c, r) => {
    if (c === SUPPORT && siteOfRow[r] >= 0) sites.push(siteOfRow[r]);
  });
  return sites;
}

/** The arrays a result reply can transfer instead of copying. */
export function networkTransfer(reply: NetworkReply): Transferable[] {
  if (reply.type !== 'network-result') return [];
  const r = reply.result;
  return [r.supports.buffer, r.role.buffer, r.supportRow.buffer, r.km.buffer, r.curve.buffer] as Transferable[];
}

/** One solve at a time: a new solve or a cancel stops the running one at its next slice. */
export class NetworkJobs {
  private running: { id: number; stop: boolean } | null = null;

  /** `source` is read when a solve starts (null: nothing assessed yet). */
  async handle(req: NetworkRequest, source: () => NetworkSource | null, post: PostReply): Promise<void> {
    if (req.type === 'network-cancel') {
      if (this.running?.id === req.id) this.running.stop = true;
      return;
    }
    if (this.running) this.running.stop = true;
    const job = (this.running = { id: req.id, stop: false });
    const src = source();
    if (!src) return post({ type: 'network-error', id: req.id, key: 'no_register', params: {} }, []);
    try {
      const reply = await solveNetworkRequest(req, src, { shouldStop: () => job.stop, onProgress: (p) => post(p, []) });
      post(reply, networkTransfer(reply));
    } finally {
      if (this.running === job) this.running = null;
    }
  }
}
