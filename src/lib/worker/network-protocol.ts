// Messages for suggesting a support network (the Network tab). The UI sends `network-solve`; the worker answers
// with progress, then one result (typed arrays per register row, transferred) or an error, or `network-cancelled`
// after a `network-cancel`. One solve at a time: a new solve cancels the one running.
import type { NetworkPhase, NetworkProblem, CandidateRule, StoppedBy } from '../engine/network/index.ts';
import type { NetworkErrorKey } from '../i18n/network.ts';

export type { NetworkProblem, CandidateRule, NetworkPhase };

export interface NetworkSolveRequest {
  type: 'network-solve';
  /** Chosen by the UI; every reply carries it. */
  id: number;
  problem: NetworkProblem;
  candidates: CandidateRule;
  requiredIds: string[];
  excludedIds: string[];
  /** Also require the rural supports of the assessment in force (the worker loop adds them to `requiredIds`). */
  keepCurrentSupports?: boolean;
  /** One radius (km) for every region; null = the scenario's satellite radius of each region. */
  radiusKm: number | null;
  /** Swap passes (default 30) and their safety budget (ms, default 4,000). */
  maxPasses?: number;
  budgetMs?: number;
  /** Coverage curve up to this N (default 2,000). */
  curveMax?: number;
}

export interface NetworkCancelRequest {
  type: 'network-cancel';
  id: number;
}

export type NetworkRequest = NetworkSolveRequest | NetworkCancelRequest;

/** Role per register row: ROLES index (0 support, 1 satellite, 2 uncovered), NOT_IN_NETWORK for a town. */
export const NOT_IN_NETWORK = 255;

export interface NetworkResult {
  problem: NetworkProblem['kind'];
  /** Register rows of the suggested supports, in id order. */
  supports: Int32Array;
  /** Per register row: ROLES code or NOT_IN_NETWORK. */
  role: Uint8Array;
  /** Per register row: the register row of its support (itself for a support; the nearest for an uncovered
   *  settlement), -1 for a town. */
  supportRow: Int32Array;
  /** Per register row: km to `supportRow` (NaN for a town). */
  km: Float64Array;
  /** Covered rural population by the greedy's first N supports, N = 1…curve.length (the coverage curve). */
  curve: Float64Array;
  coveredPopulation: number;
  ruralPopulation: number;
  /** Rural population any candidate's radius reaches. */
  coverablePopulation: number;
  /** mclp: no N supports cover more (Lagrangian bound), and the gap to it; null otherwise. */
  upperBoundPopulation: number | null;
  gap: number | null;
  /** pmedian: Σ population × km to the nearest support. */
  weightedKm: number | null;
  target: { share: number; reached: boolean; provedMinimal: boolean } | null;
  /** "The current N cover x%; the best N cover y%; M suffice for x%": N = the rural supports of the assessment in
   *  force, the people within their radius (same radii), the best N found (the answer when it has N supports, else
   *  the greedy curve at N; null past the curve), and the fewest along the greedy curve covering as many (null: the
   *  curve never does). Null when the assessment has no rural support. */
  comparison: { current: number; currentPopulation: number; bestPopulation: number | null; suffice: number | null } | null;
  candidates: number;
  firstMs: number;
  totalMs: number;
  stoppedBy: StoppedBy;
}

export type NetworkReply =
  | { type: 'network-progress'; id: number; phase: NetworkPhase; fraction: number }
  | { type: 'network-result'; id: number; result: NetworkResult }
  | { type: 'network-error'; id: number; key: NetworkErrorKey; params: Record<string, string | number> }
  | { type: 'network-cancelled'; id: number };
