// Colour modes and their legend classes: pure data shared by the worker (which gives each row a class code) and
// the UI (legend, feature-state colours). Palettes are colour-blind safe: Okabe–Ito for categories, viridis for
// graduated values; support settlements also carry a ring (see settlement-paint.ts), not colour alone.

export const CATEGORICAL_MODES = ['category', 'potential', 'border_status', 'place_type', 'resettlement', 'audit'] as const;
export const BLOCK_MODES = ['score_demography', 'score_infrastructure', 'score_economy', 'score_geospatial'] as const;
export const GRADUATED_MODES = ['score_total', ...BLOCK_MODES] as const;
export const COLOUR_MODES = ['category', 'potential', 'score_total', ...BLOCK_MODES, 'border_status', 'place_type', 'resettlement', 'audit'] as const;
export type ColourMode = (typeof COLOUR_MODES)[number];
export type CategoricalMode = (typeof CATEGORICAL_MODES)[number];
export type GraduatedMode = (typeof GRADUATED_MODES)[number];

export const isGraduated = (mode: ColourMode): mode is GraduatedMode => (GRADUATED_MODES as readonly string[]).includes(mode);
/** The engine block a block-score mode shows ('score_economy' → 'economy'), or null. */
export const blockOfMode = (mode: ColourMode): string | null => ((BLOCK_MODES as readonly string[]).includes(mode) ? mode.slice('score_'.length) : null);

export const BREAK_METHODS = ['quantile', 'equal', 'ckmeans', 'custom'] as const;
export type BreakMethod = (typeof BREAK_METHODS)[number];
export const MIN_CLASSES = 3;
export const MAX_CLASSES = 7;

export interface Classing {
  method: BreakMethod;
  /** Number of classes, 3–7 (custom breaks give their own count). */
  count: number;
  /** Inner break values for 'custom', ascending. */
  custom: number[];
}

/** Why a class cannot occur with the data loaded; the UI greys it with this reason. */
export type Unavailable = 'needs_districts';

export interface ClassDef {
  /** Stable key: used by the legend, the hidden set and the URL. */
  key: string;
  colour: string;
  unavailable?: Unavailable;
}

export const NO_DATA = '#d4d4d4';

const CATEGORICAL: Record<CategoricalMode, ClassDef[]> = {
  category: [
    { key: 'support', colour: '#0072B2' },
    { key: 'satellite', colour: '#56B4E9' },
    { key: 'strategic', colour: '#E69F00' },
    { key: 'other', colour: '#8a8a8a' },
    { key: 'other_insufficient', colour: '#CC79A7' },
    // a town: outside the rural programme (engine/settlement-kind.ts)
    { key: 'town', colour: '#3d3d3d' },
    { key: 'not_in_register', colour: NO_DATA },
  ],
  potential: [
    { key: 'high', colour: '#3b528b' },
    { key: 'medium', colour: '#21918c' },
    { key: 'low', colour: '#addc30' },
    { key: 'insufficient_data', colour: '#CC79A7' },
    { key: 'not_in_register', colour: NO_DATA },
  ],
  border_status: [
    { key: 'china_and_russia_district', colour: '#CC79A7', unavailable: 'needs_districts' },
    { key: 'china_district', colour: '#D55E00', unavailable: 'needs_districts' },
    { key: 'russia_district', colour: '#0072B2', unavailable: 'needs_districts' },
    { key: 'border_zone', colour: '#E69F00' },
    { key: 'interior', colour: '#a8a8a8' },
  ],
  place_type: [
    { key: 'PPLC', colour: '#000000' },
    { key: 'PPLA', colour: '#D55E00' },
    { key: 'PPLA2', colour: '#E69F00' },
    { key: 'PPLA3', colour: '#009E73' },
    { key: 'PPL', colour: '#56B4E9' },
    { key: 'unknown', colour: '#a8a8a8' },
  ],
  /** The region's role in the voluntary resettlement programme (regions.ts). */
  resettlement: [
    { key: 'sending', colour: '#D55E00' },
    { key: 'receiving', colour: '#009E73' },
    { key: 'neither', colour: '#b8b8b8' },
  ],
  /** The approved category against the computed one (engine/audit.ts: AUDIT_CLASSES in the same order). */
  audit: [
    { key: 'agreement', colour: '#009E73' },
    { key: 'upgrade', colour: '#0072B2' },
    { key: 'downgrade', colour: '#D55E00' },
    { key: 'changed', colour: '#E69F00' },
    { key: 'no_status', colour: '#b4b4b4' },
    { key: 'not_in_register', colour: NO_DATA },
  ],
};

/** Viridis, 9 stops from dark to light; k classes take evenly spaced stops (low values light, high dark). */
const VIRIDIS = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'];

/** The place_type class (a legend key) of a GeoNames feature code; the data build names its place types from it too,
 *  so the legend and the embedded data agree. PPLX (a section of a populated place) counts as a populated place. */
export function placeTypeClass(code: string | null): 'PPLC' | 'PPLA' | 'PPLA2' | 'PPLA3' | 'PPL' | 'unknown' {
  switch (code) {
    case 'PPLC': case 'PPLA': case 'PPLA2': case 'PPLA3': case 'PPL': return code;
    case 'PPLX': return 'PPL';
    default: return 'unknown';
  }
}

export function sequentialColours(k: number): string[] {
  if (k <= 1) return [VIRIDIS[4]];
  return Array.from({ length: k }, (_, i) => VIRIDIS[Math.round(((k - 1 - i) * (VIRIDIS.length - 1)) / (k - 1))]);
}

/** The classes of a mode. Graduated modes: one class per interval of `breaks` (inner breaks, ascending) and
 *  'no_data' last. `hasDistricts`: without a district layer, district classes are marked unavailable. */
export function classesFor(mode: ColourMode, breaks: readonly number[] = [], hasDistricts = false): ClassDef[] {
  if (isGraduated(mode)) {
    const colours = sequentialColours(breaks.length + 1);
    return [...colours.map((colour, i) => ({ key: `c${i}`, colour })), { key: 'no_data', colour: NO_DATA }];
  }
  return CATEGORICAL[mode].map((c) => (c.unavailable && hasDistricts ? { key: c.key, colour: c.colour } : { ...c }));
}

/** Class index of a value among inner breaks: the number of breaks ≤ value (so a break opens its class). */
export function classIndex(value: number, breaks: readonly number[]): number {
  let lo = 0, hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every class key any mode can have (for checking keys that come from a link). */
export function allClassKeys(): Set<string> {
  const keys = new Set<string>(Array.from({ length: MAX_CLASSES }, (_, i) => `c${i}`));
  keys.add('no_data');
  for (const mode of CATEGORICAL_MODES) for (const c of CATEGORICAL[mode]) keys.add(c.key);
  return keys;
}
