// Summaries by oblast or district (and for the whole country): settlements and population by category and
// potential, towns and rural settlements apart, border status, and the coverage officials quote — the share of
// rural people who live in support settlements and their satellites. Only rows the mask keeps are counted.
import { CATEGORIES } from '../classify.ts';
import { POTENTIALS } from '../score.ts';
import { BORDER_STATUSES } from '../geo/geospatial.ts';
import { NO_CODE, type ExploreColumns } from './columns.ts';

export interface UnitSummary {
  /** Index into the unit list; -1 for rows without a unit; -2 for the whole country. */
  unit: number;
  name: string | null;
  settlements: number;
  towns: number;
  rural: number;
  /** Population with known figures; rows without one count as settlements but add no people. */
  population: number;
  ruralPopulation: number;
  /** Per CATEGORIES code, then "not assessed" last. */
  categoryCount: number[];
  categoryPopulation: number[];
  /** Per POTENTIALS code, then "not assessed" last. */
  potentialCount: number[];
  /** Per BORDER_STATUSES code. */
  borderStatusCount: number[];
  /** Rural population in support and satellite settlements ÷ rural population; null without rural people. */
  coverage: number | null;
}

const SUPPORT = CATEGORIES.indexOf('support'), SATELLITE = CATEGORIES.indexOf('satellite');

function empty(unit: number, name: string | null): UnitSummary & { coveredPopulation: number } {
  return {
    unit, name, settlements: 0, towns: 0, rural: 0, population: 0, ruralPopulation: 0,
    categoryCount: new Array(CATEGORIES.length + 1).fill(0), categoryPopulation: new Array(CATEGORIES.length + 1).fill(0),
    potentialCount: new Array(POTENTIALS.length + 1).fill(0), borderStatusCount: new Array(BORDER_STATUSES.length).fill(0),
    coverage: null, coveredPopulation: 0,
  };
}

/** One summary per unit that has rows (in unit order, rows without a unit last), and the national one first. */
export function summarise(c: ExploreColumns, by: 'oblast' | 'district', mask?: Uint8Array): UnitSummary[] {
  const unitOf = by === 'oblast' ? c.oblast : c.district;
  const names = by === 'oblast' ? c.oblasts : c.districts;
  const units = names.map((name, u) => empty(u, name));
  const none = empty(-1, null);
  const all = empty(-2, null);
  for (let i = 0; i < c.size; i++) {
    if (mask && !mask[i]) continue;
    const u = unitOf[i];
    const pop = Number.isFinite(c.population[i]) ? c.population[i] : 0;
    const cat = c.category[i] === NO_CODE ? CATEGORIES.length : c.category[i];
    const potential = c.potential[i] === NO_CODE ? POTENTIALS.length : c.potential[i];
    for (const s of [u >= 0 ? units[u] : none, all]) {
      s.settlements++;
      s.population += pop;
      s.categoryCount[cat]++;
      s.categoryPopulation[cat] += pop;
      s.potentialCount[potential]++;
      s.borderStatusCount[c.borderStatus[i]]++;
      if (c.isTown[i]) s.towns++;
      else {
        s.rural++;
        s.ruralPopulation += pop;
        if (cat === SUPPORT || cat === SATELLITE) s.coveredPopulation += pop;
      }
    }
  }
  const done = [all, ...units, none].filter((s) => s.settlements > 0 || s === all);
  return done.map(({ coveredPopulation, ...s }) => ({ ...s, coverage: s.ruralPopulation > 0 ? coveredPopulation / s.ruralPopulation : null }));
}
