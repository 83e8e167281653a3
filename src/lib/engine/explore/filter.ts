// Filters as data (they live in the URL): each list is "any of these" (empty = no restriction), ranges are
// inclusive with null for an open end. `filterMask` gives 1 for the rows that pass, one pass over the columns.
import { CATEGORIES } from '../classify.ts';
import { POTENTIALS } from '../score.ts';
import { BORDER_STATUSES } from '../geo/geospatial.ts';
import type { ExploreColumns } from './columns.ts';

export type Range = [number | null, number | null];

export interface FilterSpec {
  oblasts: string[];
  districts: string[];
  categories: string[];
  potentials: string[];
  borderStatuses: string[];
  kind: 'all' | 'town' | 'rural';
  score: Range;
  population: Range;
}

export const NO_FILTER: FilterSpec = { oblasts: [], districts: [], categories: [], potentials: [], borderStatuses: [], kind: 'all', score: [null, null], population: [null, null] };

/** true where no field of the spec restricts anything. */
export const isEmptyFilter = (f: FilterSpec) =>
  !f.oblasts.length && !f.districts.length && !f.categories.length && !f.potentials.length && !f.borderStatuses.length &&
  f.kind === 'all' && f.score.every((x) => x === null) && f.population.every((x) => x === null);

/** A lookup table: allowed[code] = 1 for codes in the list, all 1 when the list is empty. */
function allowedCodes(selected: string[], names: readonly string[]): Uint8Array {
  const allowed = new Uint8Array(256).fill(selected.length ? 0 : 1);
  for (const s of selected) {
    const code = names.indexOf(s);
    if (code >= 0) allowed[code] = 1;
  }
  return allowed;
}

function allowedUnits(selected: string[], units: string[]): Uint8Array | null {
  if (!selected.length) return null;
  const allowed = new Uint8Array(units.length);
  units.forEach((u, i) => (allowed[i] = selected.includes(u) ? 1 : 0));
  return allowed;
}

const inRange = (v: number, [lo, hi]: Range) => (lo === null || v >= lo) && (hi === null || v <= hi);

/** The categories a row may have: CATEGORIES plus "not assessed" for rows without one. */
const CATEGORY_NAMES = [...CATEGORIES];
const POTENTIAL_NAMES = [...POTENTIALS];

export function filterMask(c: ExploreColumns, f: FilterSpec, out = new Uint8Array(c.size)): Uint8Array {
  const cat = allowedCodes(f.categories, CATEGORY_NAMES);
  const pot = allowedCodes(f.potentials, POTENTIAL_NAMES);
  const bs = allowedCodes(f.borderStatuses, BORDER_STATUSES);
  const obl = allowedUnits(f.oblasts, c.oblasts);
  const dis = allowedUnits(f.districts, c.districts);
  const scoreOpen = f.score[0] === null && f.score[1] === null;
  const popOpen = f.population[0] === null && f.population[1] === null;
  const wantTown = f.kind === 'town' ? 1 : f.kind === 'rural' ? 0 : -1;
  for (let i = 0; i < c.size; i++) {
    out[i] =
      cat[c.category[i]] && pot[c.potential[i]] && bs[c.borderStatus[i]] &&
      (obl === null || (c.oblast[i] >= 0 && obl[c.oblast[i]])) &&
      (dis === null || (c.district[i] >= 0 && dis[c.district[i]])) &&
      (wantTown < 0 || c.isTown[i] === wantTown) &&
      (scoreOpen || inRange(c.scorePercent[i], f.score)) &&
      (popOpen || inRange(c.population[i], f.population))
        ? 1 : 0;
  }
  return out;
}

export function countMask(mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i];
  return n;
}
