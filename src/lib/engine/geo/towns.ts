// Town tiers: which places count as "larger towns" for the distance-to-town indicators. Candidates are the
// embedded GeoNames places and the register's own rows (a district centre flagged in the register is a town of
// the district tier). A register row that is also an embedded place (same name within 5 km) replaces it, and a
// settlement is never its own nearest town.
import type { Settlement, Town } from '../types.ts';
import type { TownTierConfig } from '../config/schema.ts';
import type { RegisterColumns } from '../columns.ts';
import { NearestIndex } from './nearest.ts';
import { degreeRadius, haversineKm } from './sphere.ts';

const SAME_PLACE_KM = 5;
const GRID_DEG = 0.05;

export type EmbeddedPlace = Town & { names?: string[] };

export interface TierIndex {
  tier: TownTierConfig;
  towns: Town[];
  index: NearestIndex;
  /** For each settlement (by position in the register), its own item in this tier, or -1; null when no
   *  settlement of the register is a town of this tier. */
  selfItem: Int32Array | null;
}

const normaliseName = (s: string) => s.toLocaleLowerCase('ru').normalize('NFD').replace(/[\p{M}\s\-'’.]/gu, '');

export function settlementNames(s: Settlement): string[] {
  return [s.name_kk, s.name_ru, s.name_en].filter((n): n is string => !!n).map(normaliseName);
}

const rowNames = (register: RegisterColumns, row: number) =>
  [register.texts.name_kk[row], register.texts.name_ru[row], register.texts.name_en[row]].filter((n): n is string => !!n).map(normaliseName);

/**
 * For each embedded place, the register rows that are the same place: a shared name within 5 km. A grid of the
 * places' 5-km discs keeps this linear in the register (names are compared only for rows inside a disc).
 */
export function matchRegisterToPlaces(places: EmbeddedPlace[], register: RegisterColumns): number[][] {
  const matches: number[][] = places.map(() => []);
  if (!places.length || !register.size) return matches;
  const placeNames = places.map((p) => new Set((p.names ?? [p.name]).map(normaliseName)));
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  const reach = places.map((p) => degreeRadius(p.lat, SAME_PLACE_KM));
  places.forEach((p, i) => {
    west = Math.min(west, p.lon - reach[i].dLon); east = Math.max(east, p.lon + reach[i].dLon);
    south = Math.min(south, p.lat - reach[i].dLat); north = Math.max(north, p.lat + reach[i].dLat);
  });
  const width = Math.floor((east - west) / GRID_DEG) + 1, height = Math.floor((north - south) / GRID_DEG) + 1;
  // Places per grid cell, as linked lists in typed arrays (the grid is dense: one lookup per register row).
  const head = new Int32Array(width * height).fill(-1);
  const entryPlace: number[] = [], entryNext: number[] = [];
  places.forEach((p, i) => {
    const x0 = Math.floor((p.lon - reach[i].dLon - west) / GRID_DEG), x1 = Math.floor((p.lon + reach[i].dLon - west) / GRID_DEG);
    const y0 = Math.floor((p.lat - reach[i].dLat - south) / GRID_DEG), y1 = Math.floor((p.lat + reach[i].dLat - south) / GRID_DEG);
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
      entryPlace.push(i);
      entryNext.push(head[y * width + x]);
      head[y * width + x] = entryPlace.length - 1;
    }
  });
  const { order, lon: lons, lat: lats } = register.sorted();
  for (let k = 0; k < register.size; k++) {
    const lon = lons[k], lat = lats[k];
    if (lon < west || lon > east || lat < south || lat > north) continue;
    let e = head[Math.min(height - 1, Math.floor((lat - south) / GRID_DEG)) * width + Math.min(width - 1, Math.floor((lon - west) / GRID_DEG))];
    if (e < 0) continue;
    const row = order[k];
    let names: string[] | null = null;
    for (; e >= 0; e = entryNext[e]) {
      const i = entryPlace[e];
      if (haversineKm(lon, lat, places[i].lon, places[i].lat) >= SAME_PLACE_KM) continue;
      names ??= rowNames(register, row);
      if (names.some((n) => placeNames[i].has(n))) matches[i].push(row);
    }
  }
  for (const m of matches) m.sort((a, b) => a - b);
  return matches;
}

function placeQualifies(tier: TownTierConfig, p: Town): boolean {
  if (p.feature_code && tier.feature_codes.includes(p.feature_code)) return true;
  return tier.min_population !== null && p.population !== null && p.population >= tier.min_population;
}

function rowQualifies(tier: TownTierConfig, register: RegisterColumns, row: number): boolean {
  if (tier.min_population !== null && register.population[row] >= tier.min_population) return true;
  if (tier.register_flag === 'is_district_centre') return register.districtCentre[row] === 1;
  if (tier.register_flag === 'is_rural_district_centre') return register.ruralDistrictCentre[row] === 1;
  return false;
}

export function buildTierIndex(tier: TownTierConfig, places: EmbeddedPlace[], register: RegisterColumns, matches: number[][]): TierIndex {
  const rows: number[] = [];
  for (let row = 0; row < register.size; row++) if (rowQualifies(tier, register, row)) rows.push(row);
  // Embedded places that the register also lists as a town of this tier are represented by the register row.
  const embedded: number[] = [];
  places.forEach((p, i) => {
    if (placeQualifies(tier, p) && !matches[i].some((row) => rowQualifies(tier, register, row))) embedded.push(i);
  });
  const towns: Town[] = embedded.map((i) => places[i]);
  for (const row of rows) {
    const t = register.texts, id = register.ids[row];
    const population = register.population[row];
    towns.push({ id, name: t.name_en[row] ?? t.name_ru[row] ?? t.name_kk[row] ?? id, lat: register.lat[row], lon: register.lon[row], population: Number.isNaN(population) ? null : population, feature_code: null });
  }
  const hasSelf = rows.length > 0 || embedded.some((placeIndex) => matches[placeIndex].length > 0);
  const selfItem = hasSelf ? new Int32Array(register.size).fill(-1) : null;
  if (selfItem) {
    rows.forEach((row, k) => (selfItem[row] = embedded.length + k));
    // A register row that is an embedded town of this tier without qualifying itself (a regional seat listed
    // with 40,000 people, say) must not find that town, i.e. itself, either.
    embedded.forEach((placeIndex, item) => {
      for (const row of matches[placeIndex]) if (selfItem[row] < 0) selfItem[row] = item;
    });
  }
  const index = new NearestIndex(towns.map((t) => [[[t.lon, t.lat]]]));
  return { tier, towns, index, selfItem };
}
