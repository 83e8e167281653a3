// The border-area review: per district on a counted border (or, without a district layer, per oblast within the
// border band), settlements by category, population, how many lie 0–10, 10–25 and 25–50 km from the border, and
// the strategic settlements.
import { CATEGORIES } from '../classify.ts';

export const DISTANCE_BANDS_KM = [10, 25, 50] as const;

export interface BorderReviewInput {
  size: number;
  /** Index into CATEGORIES. */
  category: Uint8Array;
  population: Float64Array;
  /** Distance to the border under review (km), NaN when unknown. */
  kmToBorder: Float64Array;
  /** Index into `units` (districts, or oblasts without a district layer), -1 outside every unit. */
  unit: Int32Array;
  units: string[];
  /** 1 for units on the border under review (border districts); without a district layer, every unit. */
  unitOnBorder: Uint8Array;
  /** List every unit on the border, with 0 where no row lies in it (the units are a boundary layer's districts);
   *  otherwise only units with rows. */
  listEmpty?: boolean;
}

export interface BorderUnitReview {
  unit: number;
  name: string;
  settlements: number;
  population: number;
  categoryCount: number[];
  /** Settlements within 0–10, 10–25, 25–50 km of the border; beyond 50 km not counted here. */
  bandCount: number[];
  bandPopulation: number[];
  /** Rows of the strategic settlements, nearest to the border first. */
  strategic: number[];
}

export function borderReview(input: BorderReviewInput): BorderUnitReview[] {
  const out = input.units.map((name, unit): BorderUnitReview => ({
    unit, name, settlements: 0, population: 0, categoryCount: new Array(CATEGORIES.length).fill(0),
    bandCount: new Array(DISTANCE_BANDS_KM.length).fill(0), bandPopulation: new Array(DISTANCE_BANDS_KM.length).fill(0), strategic: [],
  }));
  const STRATEGIC = CATEGORIES.indexOf('strategic');
  for (let i = 0; i < input.size; i++) {
    const u = input.unit[i];
    if (u < 0 || !input.unitOnBorder[u]) continue;
    const r = out[u];
    const pop = Number.isFinite(input.population[i]) ? input.population[i] : 0;
    r.settlements++;
    r.population += pop;
    r.categoryCount[input.category[i]]++;
    const km = input.kmToBorder[i];
    const band = DISTANCE_BANDS_KM.findIndex((limit) => km <= limit);
    if (band >= 0) {
      r.bandCount[band]++;
      r.bandPopulation[band] += pop;
    }
    if (input.category[i] === STRATEGIC) r.strategic.push(i);
  }
  for (const r of out) r.strategic.sort((a, b) => input.kmToBorder[a] - input.kmToBorder[b] || a - b);
  return out.filter((r, u) => input.unitOnBorder[u] && (r.settlements > 0 || input.listEmpty));
}
