// Categories from scores and geography, in the order the programme uses: support settlements first, then their
// satellites (nearest support within the cluster radius), then strategic border settlements, then the rest.
// Deterministic: ties go to the lower id, so row order never matters. Columnar: the result is codes per row;
// the English explanation of a row's category is built only when asked for (`categoryReason`).
import type { Methodology } from './config/schema.ts';
import type { Category } from './types.ts';
import type { RegisterColumns } from './columns.ts';
import type { GeoTable } from './geo/geospatial.ts';
import { BORDER_STATUSES, nearestCountedBorder } from './geo/geospatial.ts';
import { POTENTIALS } from './score.ts';
import { findRegion } from './regions.ts';
import { EARTH_RADIUS_KM, chord2ToKm, unitVector } from './geo/sphere.ts';
import { townPopulationOf } from './settlement-kind.ts';

// 'town' last: the rural categories keep their codes.
export const CATEGORIES: readonly Category[] = ['support', 'satellite', 'strategic', 'other', 'town'];
/** The rule that gave each category; the part before the dot is the category. */
export const CATEGORY_RULES = [
  'support.district_centre', 'support.rural_district_centre', 'support.population', 'satellite',
  'strategic.border_district', 'strategic.border_distance', 'other', 'other.insufficient_data', 'other.below_min_population',
  'town',
  // last, so that the codes of the rules before it keep their numbers
  'support.forced',
] as const;
export type CategoryRule = (typeof CATEGORY_RULES)[number];
const RULE = Object.fromEntries(CATEGORY_RULES.map((r, i) => [r, i])) as Record<CategoryRule, number>;
const CATEGORY_OF_RULE = CATEGORY_RULES.map((r) => CATEGORIES.indexOf(r.split('.')[0] as Category));

export interface ClassTable {
  size: number;
  /** Index into CATEGORIES. */
  category: Uint8Array;
  /** Index into CATEGORY_RULES: which rule gave the category. */
  rule: Uint8Array;
  /** Row of the support settlement a satellite belongs to, -1 otherwise. */
  support: Int32Array;
  kmToSupport: Float64Array;
}

/** Everything classification reads. */
export interface ClassInputs {
  register: RegisterColumns;
  geo: GeoTable;
  /** Index into POTENTIALS per row. */
  potential: Uint8Array;
  config: Methodology;
  /** Per row, 1 for a town (engine/settlement-kind.ts): classed 'town', never support, satellite or strategic.
   *  Absent: every row is a rural settlement. */
  town?: Uint8Array;
}

const rank = (code: number) => code - 1; // insufficient_data -1, low 0, medium 1, high 2

/** What makes a row eligible as a support settlement besides its potential (the programme: a district or
 *  rural-district centre; a population route only when the config enables it), or null. */
function supportRule(inputs: ClassInputs, i: number): CategoryRule | null {
  const rules = inputs.config.categories.support;
  const { register } = inputs;
  if (rules.district_centre && register.districtCentre[i] === 1) return 'support.district_centre';
  if (rules.rural_district_centre && register.ruralDistrictCentre[i] === 1) return 'support.rural_district_centre';
  if (rules.population_route.enabled && register.population[i] >= rules.population_route.at_least) return 'support.population';
  return null;
}

/** Satellite radius (km) in a region: the config's default or its regional override. */
export function satelliteRadius(config: Methodology, oblast: string | null): number {
  const sat = config.categories.satellite;
  const iso = oblast ? findRegion(oblast)?.iso : undefined;
  return (iso ? sat.region_overrides[iso] : undefined) ?? sat.radius_km;
}

/** Satellite radius (km) of each of the given rows, by its oblast. */
function radiusOfRows(inputs: ClassInputs, rows: number[]): Float64Array {
  const { index, oblasts } = inputs.register.oblastIndex();
  const byOblast = oblasts.map((oblast) => satelliteRadius(inputs.config, oblast));
  return Float64Array.from(rows, (i) => byOblast[index[i]]);
}

/** The nearest counted border (CN/RU/… as configured) within the border distance, or null. */
function strategicBorder(inputs: ClassInputs, i: number): { code: string; km: number } | null {
  const st = inputs.config.categories.strategic;
  const near = nearestCountedBorder(inputs.geo, i, st.neighbours.value);
  return near && near.km <= st.within_km.value ? near : null;
}

function inBorderDistrict(inputs: ClassInputs, i: number): boolean {
  const st = inputs.config.categories.strategic;
  if (!st.border_districts) return false;
  const status = BORDER_STATUSES[inputs.geo.status[i]];
  return (
    (st.neighbours.value.includes('CN') && (status === 'china_district' || status === 'china_and_russia_district')) ||
    (st.neighbours.value.includes('RU') && (status === 'russia_district' || status === 'china_and_russia_district'))
  );
}

const chordOfKm = (km: number) => (2 * Math.sin(Math.min(Math.PI, km / EARTH_RADIUS_KM) / 2)) ** 2;

/** Support settlements on a lon/lat grid sized to their density, stored cell after cell (a row of grid cells is
 *  one run of the packed arrays). A search visits rings of cells outwards and stops when the next ring cannot
 *  hold anything nearer than the best so far, so its cost does not grow with the number of supports. */
class SupportGrid {
  private readonly west: number;
  private readonly south: number;
  private readonly cellDeg: number;
  private readonly width: number;
  private readonly height: number;
  private readonly start: Uint32Array;
  private readonly x: Float64Array;
  private readonly y: Float64Array;
  private readonly z: Float64Array;
  private readonly reach2: Float64Array;
  private readonly row: Int32Array;
  /** Squared chord below which nothing in ring r can lie (rings 0 and 1 touch the query's own cell). */
  private readonly ringLower2: Float64Array;
  /** Squared chord to the support found by the last `nearest`. */
  foundChord2 = Infinity;

  private readonly ids: readonly string[];

  /** `radiusKm[k]` is the radius of support `supports[k]`. */
  constructor(register: RegisterColumns, supports: number[], radiusKm: Float64Array, maxRadiusKm: number) {
    this.ids = register.ids;
    const lon = (j: number) => register.lon[j], lat = (j: number) => register.lat[j];
    let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
    for (const j of supports) {
      west = Math.min(west, lon(j)); east = Math.max(east, lon(j)); south = Math.min(south, lat(j)); north = Math.max(north, lat(j));
    }
    const m = supports.length;
    const radiusDeg = (maxRadiusKm / EARTH_RADIUS_KM) * (180 / Math.PI);
    // About two supports per cell where they are spread evenly; never wider than the radius.
    const area = Math.max(1e-6, (east - west) * (north - south));
    this.cellDeg = m ? Math.min(Math.max(radiusDeg, 0.01), Math.max(0.01, Math.sqrt((2 * area) / m))) : 1;
    this.west = west;
    this.south = south;
    this.width = m ? Math.floor((east - west) / this.cellDeg) + 1 : 0;
    this.height = m ? Math.floor((north - south) / this.cellDeg) + 1 : 0;
    this.start = new Uint32Array(this.width * this.height + 1);
    const cellOf = supports.map((j) => Math.floor((lat(j) - south) / this.cellDeg) * this.width + Math.floor((lon(j) - west) / this.cellDeg));
    for (const c of cellOf) this.start[c + 1]++;
    for (let c = 0; c < this.width * this.height; c++) this.start[c + 1] += this.start[c];
    this.x = new Float64Array(m); this.y = new Float64Array(m); this.z = new Float64Array(m);
    this.reach2 = new Float64Array(m); this.row = new Int32Array(m);
    const next = this.start.slice(0, -1);
    const u = new Float64Array(3);
    supports.forEach((j, k) => {
      const slot = next[cellOf[k]]++;
      unitVector(lon(j), lat(j), u, 0);
      this.x[slot] = u[0]; this.y[slot] = u[1]; this.z[slot] = u[2];
      this.reach2[slot] = chordOfKm(radiusKm[k]);
      this.row[slot] = j;
    });
    // The narrowest a cell can be anywhere a search reaches: its east-west width at the highest latitude.
    const maxAbsLat = Math.min(89.9, Math.max(Math.abs(south), Math.abs(north)) + this.cellDeg + radiusDeg);
    const cellKm = this.cellDeg * (Math.PI / 180) * EARTH_RADIUS_KM * Math.cos((maxAbsLat * Math.PI) / 180);
    const rings = Math.ceil(maxRadiusKm / cellKm) + 2;
    this.ringLower2 = Float64Array.from({ length: rings }, (_, r) => (r < 2 ? 0 : chordOfKm((r - 1) * cellKm) * (1 - 1e-9)));
  }

  private scan(from: number, to: number, px: number, py: number, pz: number, best: number): number {
    for (let k = from; k < to; k++) {
      const dx = px - this.x[k], dy = py - this.y[k], dz = pz - this.z[k];
      const c2 = dx * dx + dy * dy + dz * dz;
      if (c2 > this.reach2[k] || c2 > this.foundChord2) continue;
      const j = this.row[k];
      if (c2 < this.foundChord2 || this.ids[j] < this.ids[best]) {
        this.foundChord2 = c2;
        best = j;
      }
    }
    return best;
  }

  /** The nearest support whose radius reaches the point (ties: lower id), or -1. */
  nearest(lon: number, lat: number, px: number, py: number, pz: number): number {
    this.foundChord2 = Infinity;
    if (this.width === 0) return -1;
    const gx = Math.floor((lon - this.west) / this.cellDeg), gy = Math.floor((lat - this.south) / this.cellDeg);
    let best = -1;
    for (let r = 0; r < this.ringLower2.length; r++) {
      if (this.ringLower2[r] > this.foundChord2) break;
      for (let y = Math.max(0, gy - r); y <= Math.min(this.height - 1, gy + r); y++) {
        const rowStart = y * this.width;
        if (y === gy - r || y === gy + r) {
          // a full row of the ring: one contiguous run
          const x0 = Math.max(0, gx - r), x1 = Math.min(this.width - 1, gx + r);
          if (x0 <= x1) best = this.scan(this.start[rowStart + x0], this.start[rowStart + x1 + 1], px, py, pz, best);
        } else {
          for (const x of [gx - r, gx + r])
            if (x >= 0 && x < this.width) best = this.scan(this.start[rowStart + x], this.start[rowStart + x + 1], px, py, pz, best);
        }
      }
    }
    return best;
  }
}

export function classifyColumns(inputs: ClassInputs): ClassTable {
  const { register, config } = inputs;
  const n = register.size;
  const rules = config.categories;
  const minPop = rules.min_population.value;
  const minRank = rank(POTENTIALS.indexOf(rules.support.min_potential));
  const table: ClassTable = { size: n, category: new Uint8Array(n), rule: new Uint8Array(n).fill(255), support: new Int32Array(n).fill(-1), kmToSupport: new Float64Array(n).fill(NaN) };
  const setRule = (i: number, rule: number) => {
    table.rule[i] = rule;
    table.category[i] = CATEGORY_OF_RULE[rule];
  };

  const supports: number[] = [];
  // a chosen network replaces the eligibility rules for supports (the other categories follow from it as usual)
  const forced = rules.support.forced_ids ? new Set(rules.support.forced_ids) : null;
  for (let i = 0; i < n; i++) {
    if (inputs.town?.[i]) setRule(i, RULE.town);
    else if (forced?.has(register.ids[i])) {
      setRule(i, RULE['support.forced']);
      supports.push(i);
    } else if (register.population[i] < minPop) setRule(i, RULE['other.below_min_population']);
    else if (forced) continue;
    else if (rank(inputs.potential[i]) >= minRank) {
      const rule = supportRule(inputs, i);
      if (rule === null) continue;
      setRule(i, RULE[rule]);
      supports.push(i);
    }
  }

  const maxRadius = Math.max(rules.satellite.radius_km, ...Object.values(rules.satellite.region_overrides));
  const grid = new SupportGrid(register, supports, radiusOfRows(inputs, supports), maxRadius);
  const sorted = register.sorted();
  for (let k = 0; k < n; k++) {
    const i = sorted.order[k];
    if (table.rule[i] !== 255) continue;
    const best = grid.nearest(sorted.lon[k], sorted.lat[k], sorted.ux[k], sorted.uy[k], sorted.uz[k]);
    const best2 = grid.foundChord2;
    if (best >= 0) {
      setRule(i, RULE.satellite);
      table.support[i] = best;
      table.kmToSupport[i] = chord2ToKm(best2);
    } else if (inBorderDistrict(inputs, i)) setRule(i, RULE['strategic.border_district']);
    else if (strategicBorder(inputs, i)) setRule(i, RULE['strategic.border_distance']);
    else setRule(i, inputs.potential[i] === 0 ? RULE['other.insufficient_data'] : RULE.other);
  }
  return table;
}

/** How the geospatial block entered the result: as rules (the 2019 provision) or as points (an option). */
function geospatialNote(config: Methodology): string {
  const block = config.blocks.find((b) => b.id === 'geospatial');
  if (!block) return 'no geospatial block';
  return block.scored ? `geospatial block scored (${block.max_points} points, ${block.status})` : 'geospatial provision applied as rules, no points';
}

/** The English explanation of a row's category (built on demand: exports, popups). */
export function categoryReason(inputs: ClassInputs, table: ClassTable, i: number): string {
  return `${categoryReasonCore(inputs, table, i)}; ${geospatialNote(inputs.config)}`;
}

function categoryReasonCore(inputs: ClassInputs, table: ClassTable, i: number): string {
  const rules = inputs.config.categories;
  const potential = POTENTIALS[inputs.potential[i]];
  const supportBecause = `support: ${potential} potential (≥ ${rules.support.min_potential}) and`;
  switch (CATEGORY_RULES[table.rule[i]]) {
    case 'town':
      return `town: outside the rural programme (KATO type 1, the capital or a regional seat, or at least ${townPopulationOf(inputs.config)} people [${inputs.config.categories.town.status}])`;
    case 'other.below_min_population':
      return `population ${inputs.register.population[i]} < ${rules.min_population.value}: not kept as a separate settlement`;
    case 'support.forced':
      return 'support: in the chosen network (the scenario lists its support settlements)';
    case 'support.district_centre':
      return `${supportBecause} a district centre`;
    case 'support.rural_district_centre':
      return `${supportBecause} a rural-district centre`;
    case 'support.population':
      return `${supportBecause} population ${inputs.register.population[i]} ≥ ${rules.support.population_route.at_least} (population route, ${rules.support.population_route.status})`;
    case 'satellite': {
      const j = table.support[i];
      return `satellite: ${table.kmToSupport[i].toFixed(1)} km from support settlement ${inputs.register.ids[j]} (radius ${satelliteRadius(inputs.config, inputs.register.texts.oblast[j])} km)`;
    }
    case 'strategic.border_district':
      return `strategic: in a border district (${BORDER_STATUSES[inputs.geo.status[i]]})`;
    case 'strategic.border_distance': {
      const near = strategicBorder(inputs, i)!;
      return `strategic: ${near.km.toFixed(1)} km from the ${near.code} border (≤ ${rules.strategic.within_km.value} km)`;
    }
    case 'other.insufficient_data':
      return 'other: insufficient data for a potential class, no support settlement within reach, not a border settlement';
    default:
      return 'other: not a support settlement, no support settlement within reach, not a border settlement';
  }
}
