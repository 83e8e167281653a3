// From an assessed register to the network problem's sites: the rural rows, their population as demand, the
// candidates (the rows the methodology makes eligible as supports — in an assessment every eligible row is a
// support — or every rural row), required and excluded ids, and each row's radius (one for all, or the
// methodology's radius of its region). Problems with the ids come back as data for the caller to word.
import type { AssessmentTable } from '../assess.ts';
import { CATEGORIES, satelliteRadius } from '../classify.ts';
import type { NetworkInput } from './solve.ts';

export type CandidateRule = 'eligible' | 'all';

export interface RegisterNetworkOptions {
  /** Per register row: 1 = rural (towns are left out of the problem). */
  rural: Uint8Array;
  candidates: CandidateRule;
  requiredIds?: readonly string[];
  excludedIds?: readonly string[];
  /** One radius for every region; null/undefined = the methodology's radius of each row's region. */
  radiusKm?: number | null;
}

export type NetworkIdProblem =
  | { kind: 'unknown_id'; list: 'required' | 'excluded'; id: string }
  | { kind: 'not_rural'; list: 'required' | 'excluded'; id: string }
  | { kind: 'required_and_excluded'; id: string };

export interface RegisterNetworkInput {
  input: NetworkInput;
  /** Register row of each site. */
  rowOfSite: Int32Array;
  /** Site of each register row, -1 for a town. */
  siteOfRow: Int32Array;
  problems: NetworkIdProblem[];
}

const SUPPORT = CATEGORIES.indexOf('support');

export function networkInputFromAssessment(table: AssessmentTable, options: RegisterNetworkOptions): RegisterNetworkInput {
  const { register, classes, config } = table;
  const n = register.size;
  const siteOfRow = new Int32Array(n).fill(-1);
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (options.rural[i]) siteOfRow[i] = rows.push(i) - 1;
  const rowOfSite = Int32Array.from(rows);
  const m = rows.length;
  const { index: oblastOf, oblasts } = register.oblastIndex();
  const radiusOfOblast = oblasts.map((o) => options.radiusKm ?? satelliteRadius(config, o));
  // Tie order: by id (string order), so the answer does not depend on row order.
  const byId = Array.from(rowOfSite.keys()).sort((a, b) => (register.ids[rows[a]] < register.ids[rows[b]] ? -1 : register.ids[rows[a]] > register.ids[rows[b]] ? 1 : a - b));
  const rank = new Int32Array(m);
  byId.forEach((site, k) => (rank[site] = k));
  const candidate = Uint8Array.from(rows, (r) => (options.candidates === 'all' || classes.category[r] === SUPPORT ? 1 : 0));

  const problems: NetworkIdProblem[] = [];
  let rowById: Map<string, number> | null = null;
  const sitesOf = (ids: readonly string[] | undefined, list: 'required' | 'excluded'): number[] => {
    if (!ids?.length) return [];
    rowById ??= new Map(register.ids.map((id, i) => [id, i]));
    const out: number[] = [];
    for (const id of ids) {
      const row = rowById.get(id);
      if (row === undefined) problems.push({ kind: 'unknown_id', list, id });
      else if (siteOfRow[row] < 0) problems.push({ kind: 'not_rural', list, id });
      else out.push(siteOfRow[row]);
    }
    return out;
  };
  const required = sitesOf(options.requiredIds, 'required');
  const excluded = sitesOf(options.excludedIds, 'excluded');
  const requiredSet = new Set(required);
  for (const s of excluded) {
    if (requiredSet.has(s)) problems.push({ kind: 'required_and_excluded', id: register.ids[rows[s]] });
    candidate[s] = 0;
  }
  return {
    input: {
      lon: Float64Array.from(rows, (r) => register.lon[r]),
      lat: Float64Array.from(rows, (r) => register.lat[r]),
      weight: Float64Array.from(rows, (r) => (register.population[r] > 0 ? register.population[r] : 0)),
      rank,
      candidate,
      required: Int32Array.from(new Set(required)),
      radiusKm: Float64Array.from(rows, (r) => radiusOfOblast[oblastOf[r]]),
    },
    rowOfSite,
    siteOfRow,
    problems,
  };
}
