// The geospatial block's inputs for every settlement: distances to town tiers, to the China and Russia borders
// (and any state border), the district that holds it and its border status. Computed into columns (typed
// arrays, NaN = none), one index at a time over the register in spatial order; `geospatialRecord` turns a row
// back into a readable record for popups and exports.
import type { BorderStatus, Geospatial, Town } from '../types.ts';
import type { Methodology } from '../config/schema.ts';
import type { NeighbourCode } from '../neighbours.ts';
import { nullIfNaN, type RegisterColumns } from '../columns.ts';
import type { BorderSet } from './borders.ts';
import type { DistrictLayer } from './districts.ts';
import type { NearestIndex } from './nearest.ts';
import { buildTierIndex, matchRegisterToPlaces, type EmbeddedPlace, type TierIndex } from './towns.ts';

export interface GeoInputs {
  borders: BorderSet;
  /** Embedded places (GeoNames) that can serve as towns. */
  places: EmbeddedPlace[];
  districts?: DistrictLayer | null;
}

/** Border statuses by code (the `status` column of a GeoTable). */
export const BORDER_STATUSES: readonly BorderStatus[] = ['interior', 'border_zone', 'china_district', 'russia_district', 'china_and_russia_district'];
const INTERIOR = 0, BORDER_ZONE = 1;

export interface GeoContext {
  tiers: TierIndex[];
  borders: BorderSet;
  districts: DistrictLayer | null;
  /** Border status code of each district (by position in the layer). */
  districtStatus: Uint8Array;
  /** The one border distance (categories.strategic.within_km) and the borders that count. */
  borderZoneKm: number;
  countedBorders: readonly NeighbourCode[];
}

export function borderDistrictMap(districts: DistrictLayer | null, borders: BorderSet, toleranceKm: number): Map<string, Set<NeighbourCode>> {
  const map = new Map<string, Set<NeighbourCode>>();
  if (!districts) return map;
  for (const info of districts.borderDistances(borders, ['CN', 'RU'])) {
    const set = new Set<NeighbourCode>();
    for (const [code, km] of Object.entries(info.km) as [NeighbourCode, number][]) if (km <= toleranceKm) set.add(code);
    map.set(info.district.id, set);
  }
  return map;
}

function districtStatusCode(set: Set<NeighbourCode> | undefined): number {
  const cn = set?.has('CN') ?? false, ru = set?.has('RU') ?? false;
  return BORDER_STATUSES.indexOf(cn && ru ? 'china_and_russia_district' : cn ? 'china_district' : ru ? 'russia_district' : 'interior');
}

export function buildGeoContext(register: RegisterColumns, config: Methodology, inputs: GeoInputs, borderDistricts?: Map<string, Set<NeighbourCode>>): GeoContext {
  const districts = inputs.districts ?? null;
  const byId = borderDistricts ?? borderDistrictMap(districts, inputs.borders, config.geospatial.district_tolerance_km.value);
  const matches = matchRegisterToPlaces(inputs.places, register);
  return {
    tiers: config.geospatial.town_tiers.map((tier) => buildTierIndex(tier, inputs.places, register, matches)),
    borders: inputs.borders,
    districts,
    districtStatus: Uint8Array.from(districts?.districts ?? [], (d) => districtStatusCode(byId.get(d.id))),
    borderZoneKm: config.categories.strategic.within_km.value,
    countedBorders: config.categories.strategic.neighbours.value,
  };
}

/** The geospatial block of a whole register, as columns. NaN = none (no town in the tier, no such border). */
export interface GeoTable {
  size: number;
  tiers: { id: string; towns: Town[]; km: Float64Array; town: Int32Array }[];
  kmToTown: Float64Array;
  /** Index into `tiers` of the nearest town's tier, -1 when none. */
  nearestTier: Int8Array;
  kmToBorder: Float64Array;
  /** Index into `borderCodes`, -1 when none. */
  nearestBorder: Int8Array;
  borderCodes: NeighbourCode[];
  kmToChina: Float64Array;
  kmToRussia: Float64Array;
  /** Index into `districts`, -1 when outside every district or without a district layer. */
  district: Int32Array;
  districts: { id: string; name: string }[];
  /** Index into BORDER_STATUSES. */
  status: Uint8Array;
}

const orNaN = (km: number) => (km === Infinity ? NaN : km);

export function computeGeoTable(register: RegisterColumns, ctx: GeoContext): GeoTable {
  const n = register.size;
  const { order, lon, lat, ux, uy, uz } = register.sorted();
  const tiers = ctx.tiers.map((t) => ({ id: t.tier.id, towns: t.towns, km: new Float64Array(n), town: new Int32Array(n) }));
  const table: GeoTable = {
    size: n, tiers,
    kmToTown: new Float64Array(n), nearestTier: new Int8Array(n),
    kmToBorder: new Float64Array(n), nearestBorder: new Int8Array(n), borderCodes: ctx.borders.codes,
    kmToChina: new Float64Array(n), kmToRussia: new Float64Array(n),
    district: new Int32Array(n), districts: (ctx.districts?.districts ?? []).map((d) => ({ id: d.id, name: d.name })),
    status: new Uint8Array(n),
  };
  // One index at a time over the rows in spatial order (its cells stay in cache), a chunk of rows into small
  // scratch arrays, each chunk then scattered back to register order.
  const CHUNK = 1 << 15;
  const km = new Float64Array(CHUNK), item = new Int32Array(CHUNK);
  const queryAll = (index: NearestIndex, selfItem: Int32Array | null, kmOut: Float64Array, itemOut: Int32Array | Int8Array) => {
    for (let from = 0; from < n; from += CHUNK) {
      const to = Math.min(n, from + CHUNK);
      for (let k = from; k < to; k++) {
        km[k - from] = index.query(lon[k], lat[k], ux[k], uy[k], uz[k], selfItem ? selfItem[order[k]] : -1);
        item[k - from] = index.foundItem;
      }
      for (let k = from; k < to; k++) {
        kmOut[order[k]] = orNaN(km[k - from]);
        itemOut[order[k]] = item[k - from];
      }
    }
  };
  ctx.tiers.forEach((t, ti) => queryAll(t.index, t.selfItem, tiers[ti].km, tiers[ti].town));
  queryAll(ctx.borders.any, null, table.kmToBorder, table.nearestBorder);
  // Where the nearest border is China's (Russia's), that is the distance to it: no query needed.
  for (const [code, out] of [['CN', table.kmToChina], ['RU', table.kmToRussia]] as const) {
    const index = ctx.borders.lines.get(code)?.index;
    const codeItem = ctx.borders.codes.indexOf(code);
    for (let k = 0; k < n; k++) {
      const i = order[k];
      out[i] = table.nearestBorder[i] === codeItem && codeItem >= 0 ? table.kmToBorder[i] : index ? orNaN(index.query(lon[k], lat[k], ux[k], uy[k], uz[k])) : NaN;
    }
  }
  for (let i = 0; i < n; i++) {
    let nearestKm = Infinity, nearestTier = -1;
    for (let t = 0; t < tiers.length; t++)
      if (tiers[t].km[i] < nearestKm) {
        nearestKm = tiers[t].km[i];
        nearestTier = t;
      }
    table.kmToTown[i] = orNaN(nearestKm);
    table.nearestTier[i] = nearestTier;
  }
  const districts = ctx.districts;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const d = districts ? districts.locateIndex(lon[k], lat[k]) : -1;
    table.district[i] = d;
    if (d >= 0) table.status[i] = ctx.districtStatus[d];
    else {
      const near = nearestCountedBorder(table, i, ctx.countedBorders);
      table.status[i] = near && near.km <= ctx.borderZoneKm ? BORDER_ZONE : INTERIOR;
    }
  }
  return table;
}

/** The nearest of the counted borders and its distance (km), or null when none of them is known. */
export function nearestCountedBorder(table: GeoTable, i: number, counted: readonly string[]): { code: NeighbourCode; km: number } | null {
  let best: { code: NeighbourCode; km: number } | null = null;
  for (const code of counted) {
    const km = code === 'CN' ? table.kmToChina[i]
      : code === 'RU' ? table.kmToRussia[i]
      : table.nearestBorder[i] >= 0 && table.borderCodes[table.nearestBorder[i]] === code ? table.kmToBorder[i] : NaN;
    if (km === km && (!best || km < best.km)) best = { code: code as NeighbourCode, km };
  }
  return best;
}

/** One row of a GeoTable as a record. */
export function geospatialRecord(table: GeoTable, i: number): Geospatial {
  const towns: Geospatial['towns'] = {};
  for (const t of table.tiers) {
    const town = t.town[i] >= 0 ? t.towns[t.town[i]] : null;
    towns[t.id] = town ? { km: t.km[i], name: town.name, id: town.id } : null;
  }
  const nearest = table.nearestTier[i] >= 0 ? table.tiers[table.nearestTier[i]] : null;
  const district = table.district[i] >= 0 ? table.districts[table.district[i]] : null;
  return {
    towns,
    km_to_town: nullIfNaN(table.kmToTown[i]),
    nearest_town: nearest ? nearest.towns[nearest.town[i]].name : null,
    nearest_town_tier: nearest ? nearest.id : null,
    km_to_border: nullIfNaN(table.kmToBorder[i]),
    nearest_border: table.nearestBorder[i] >= 0 ? table.borderCodes[table.nearestBorder[i]] : null,
    km_to_china: nullIfNaN(table.kmToChina[i]),
    km_to_russia: nullIfNaN(table.kmToRussia[i]),
    district_id: district?.id ?? null,
    district_name: district?.name ?? null,
    border_status: BORDER_STATUSES[table.status[i]],
  };
}

/** A GeoTable from records (hand-made or read back from an export), so the columnar scoring can use them. */
export function geoTableFromRecords(records: Geospatial[]): GeoTable {
  const n = records.length;
  const tierIds = [...new Set(records.flatMap((g) => Object.keys(g.towns)))];
  const codes = [...new Set(records.map((g) => g.nearest_border).filter((c): c is string => c !== null))] as NeighbourCode[];
  const districts: { id: string; name: string }[] = [];
  const districtIndex = new Map<string, number>();
  const num = (x: number | null) => (x === null ? NaN : x);
  const tiers = tierIds.map((id) => {
    const towns: Town[] = [];
    const km = new Float64Array(n), town = new Int32Array(n);
    records.forEach((g, i) => {
      const t = g.towns[id];
      km[i] = t ? t.km : NaN;
      town[i] = t ? towns.push({ id: t.id, name: t.name, lat: NaN, lon: NaN, population: null, feature_code: null }) - 1 : -1;
    });
    return { id, towns, km, town };
  });
  return {
    size: n, tiers,
    kmToTown: Float64Array.from(records, (g) => num(g.km_to_town)),
    nearestTier: Int8Array.from(records, (g) => (g.nearest_town_tier === null ? -1 : tierIds.indexOf(g.nearest_town_tier))),
    kmToBorder: Float64Array.from(records, (g) => num(g.km_to_border)),
    nearestBorder: Int8Array.from(records, (g) => (g.nearest_border === null ? -1 : codes.indexOf(g.nearest_border as NeighbourCode))),
    borderCodes: codes,
    kmToChina: Float64Array.from(records, (g) => num(g.km_to_china)),
    kmToRussia: Float64Array.from(records, (g) => num(g.km_to_russia)),
    district: Int32Array.from(records, (g) => {
      if (g.district_id === null) return -1;
      let d = districtIndex.get(g.district_id);
      if (d === undefined) districtIndex.set(g.district_id, (d = districts.push({ id: g.district_id, name: g.district_name ?? g.district_id }) - 1));
      return d;
    }),
    districts,
    status: Uint8Array.from(records, (g) => BORDER_STATUSES.indexOf(g.border_status)),
  };
}

/** The column a geospatial indicator reads (`km_to_town`, `km_to_<tier id>`, `km_to_china`, …), or undefined. */
export function geoColumn(table: GeoTable, column: string): Float64Array | undefined {
  switch (column) {
    case 'km_to_town': return table.kmToTown;
    case 'km_to_border': return table.kmToBorder;
    case 'km_to_china': return table.kmToChina;
    case 'km_to_russia': return table.kmToRussia;
  }
  return table.tiers.find((t) => `km_to_${t.id}` === column)?.km;
}
