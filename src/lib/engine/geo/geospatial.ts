// The geospatial block's inputs for every settlement: distances to town tiers, to the China and Russia borders
// (and any state border), the district that holds it and its border status.
import type { BorderStatus, Geospatial, Settlement, Town } from '../types.ts';
import type { Methodology } from '../config/schema.ts';
import type { NeighbourCode } from '../neighbours.ts';
import type { BorderSet } from './borders.ts';
import type { DistrictLayer, District } from './districts.ts';
import { buildTierIndex, type TierIndex } from './towns.ts';

export interface GeoInputs {
  borders: BorderSet;
  /** Embedded places (GeoNames) that can serve as towns. */
  places: (Town & { names?: string[] })[];
  districts?: DistrictLayer | null;
}

export interface GeoContext {
  tiers: TierIndex[];
  borders: BorderSet;
  districts: DistrictLayer | null;
  /** District id → neighbours whose border the district touches (within the tolerance). */
  borderDistricts: Map<string, Set<NeighbourCode>>;
  borderZoneKm: number;
}

/** Grid cell size for the nearest-feature grids: coarse for small registers (fewer cells to fill), fine for large. */
export function cellSizeFor(n: number): number {
  return n < 20_000 ? 1 : n < 200_000 ? 0.5 : 0.25;
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

export function buildGeoContext(settlements: Settlement[], config: Methodology, inputs: GeoInputs, borderDistricts?: Map<string, Set<NeighbourCode>>): GeoContext {
  const cellDeg = cellSizeFor(settlements.length);
  const districts = inputs.districts ?? null;
  return {
    tiers: config.geospatial.town_tiers.map((tier) => buildTierIndex(tier, inputs.places, settlements, cellDeg)),
    borders: inputs.borders,
    districts,
    borderDistricts: borderDistricts ?? borderDistrictMap(districts, inputs.borders, config.geospatial.district_tolerance_km.value),
    borderZoneKm: config.geospatial.border_zone_km.value,
  };
}

function statusOf(district: District | null, ctx: GeoContext, kmToBorder: number | null): BorderStatus {
  if (district) {
    const set = ctx.borderDistricts.get(district.id);
    const cn = set?.has('CN') ?? false;
    const ru = set?.has('RU') ?? false;
    if (cn && ru) return 'china_and_russia_district';
    if (cn) return 'china_district';
    if (ru) return 'russia_district';
    return 'interior';
  }
  return kmToBorder !== null && kmToBorder <= ctx.borderZoneKm ? 'border_zone' : 'interior';
}

const finite = (km: number) => (Number.isFinite(km) ? km : null);

export function geospatialOf(s: Settlement, row: number, ctx: GeoContext): Geospatial {
  const towns: Geospatial['towns'] = {};
  let nearestKm = Infinity;
  let nearestName: string | null = null;
  let nearestTier: string | null = null;
  for (const t of ctx.tiers) {
    const r = t.index.nearest(s.lon, s.lat, t.selfItem[row]);
    if (r.item < 0) {
      towns[t.tier.id] = null;
      continue;
    }
    const town = t.towns[r.item];
    towns[t.tier.id] = { km: r.km, name: town.name, id: town.id };
    if (r.km < nearestKm) {
      nearestKm = r.km;
      nearestName = town.name;
      nearestTier = t.tier.id;
    }
  }
  const any = ctx.borders.any.nearest(s.lon, s.lat);
  const china = ctx.borders.lines.get('CN')?.index.nearest(s.lon, s.lat);
  const russia = ctx.borders.lines.get('RU')?.index.nearest(s.lon, s.lat);
  const district = ctx.districts?.locate(s.lon, s.lat) ?? null;
  const kmToBorder = any.item >= 0 ? any.km : null;
  return {
    towns,
    km_to_town: finite(nearestKm),
    nearest_town: nearestName,
    nearest_town_tier: nearestTier,
    km_to_border: kmToBorder,
    nearest_border: any.item >= 0 ? ctx.borders.codes[any.item] : null,
    km_to_china: china ? finite(china.km) : null,
    km_to_russia: russia ? finite(russia.km) : null,
    district_id: district?.id ?? null,
    district_name: district?.name ?? null,
    border_status: statusOf(district, ctx, kmToBorder),
  };
}

export function computeGeospatial(settlements: Settlement[], ctx: GeoContext): Geospatial[] {
  return settlements.map((s, row) => geospatialOf(s, row, ctx));
}

/** The values the geospatial indicators read (`km_to_<tier id>`, `km_to_town`, `km_to_china`, …). */
export function geoValues(g: Geospatial): Record<string, number | null> {
  const values: Record<string, number | null> = {
    km_to_town: g.km_to_town,
    km_to_border: g.km_to_border,
    km_to_china: g.km_to_china,
    km_to_russia: g.km_to_russia,
  };
  for (const [tier, t] of Object.entries(g.towns)) values[`km_to_${tier}`] = t ? t.km : null;
  return values;
}

/** One computed geospatial field by column name; undefined when the column is not a computed field. */
export function geoValue(g: Geospatial, column: string): number | null | undefined {
  switch (column) {
    case 'km_to_town': return g.km_to_town;
    case 'km_to_border': return g.km_to_border;
    case 'km_to_china': return g.km_to_china;
    case 'km_to_russia': return g.km_to_russia;
  }
  const tier = column.slice('km_to_'.length);
  if (tier in g.towns) return g.towns[tier]?.km ?? null;
  return undefined;
}
