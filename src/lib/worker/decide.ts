// Deciding: the baseline (the preset as loaded) per map row, the scenario's diff against it, the border review.
import { buildGeoContext, computeGeoTable, borderDistrictMap, BORDER_STATUSES } from '../engine/geo/geospatial.ts';
import type { DistrictLayer } from '../engine/geo/districts.ts';
import type { NeighbourCode } from '../engine/neighbours.ts';
import { reassessTable } from '../engine/assess.ts';
import { CATEGORIES } from '../engine/classify.ts';
import { borderDistance } from './border-distance.ts';
import { NO_CODE, type ExploreColumns } from '../engine/explore/columns.ts';
import { summarise, type UnitSummary } from '../engine/explore/summary.ts';
import { categoryDiff, potentialDiff } from '../engine/decide/diff.ts';
import { borderReview as reviewBorder } from '../engine/decide/border-review.ts';
import type { BorderReviewReply, DiffReply } from './protocol.ts';
import type { AtlasModel } from './model.ts';
import { townFlags } from './explore-view.ts';
import { townPopulationOf } from '../engine/settlement-kind.ts';

/** The baseline per map row: CATEGORIES / POTENTIALS codes (or NO_CODE) and town (1) or rural (0). */
export type BaselineCodes = { category: Uint8Array; potential: Uint8Array; isTown: Uint8Array };

export function baseline(m: AtlasModel): BaselineCodes {
  if (m.baselineCodes) return m.baselineCodes;
  if (m.baselineFromCurrent && m.exploreData) {
    const { category, potential, isTown } = m.exploreData.cols;
    return (m.baselineCodes = { category: category.slice(), potential: potential.slice(), isTown: isTown.slice() });
  }
  const n = m.size, config = m.base;
  const regGeo = computeGeoTable(m.register, buildGeoContext(m.register, config, m.inputs));
  // the baseline's own town threshold (the preset's), not the scenario's
  const baseTowns = townFlags(m, townPopulationOf(config));
  const a = reassessTable(m.register, regGeo, config, baseTowns.register);
  const category = new Uint8Array(n).fill(NO_CODE), potential = new Uint8Array(n).fill(NO_CODE);
  const towns = baseTowns.map, TOWN = CATEGORIES.indexOf('town');
  for (let i = 0; i < n; i++) {
    const r = m.regIndex[i];
    if (r < 0) {
      if (towns[i]) category[i] = TOWN; // as the explore columns class it
      continue;
    }
    category[i] = a.classes.category[r];
    potential[i] = a.scores.potential[r];
  }
  return (m.baselineCodes = { category, potential, isTown: towns });
}

/** The scenario against the baseline: from → to matrices over assessed rows, the changed map rows (category or
 *  potential) with their codes packed as category * 16 + potential, and coverage before and after. */
export function computeDiff(m: AtlasModel, cols: ExploreColumns): DiffReply & { changedMask: Uint8Array } {
  const base = m.baseline(), n = m.size;
  const assessed = new Uint8Array(n);
  for (let i = 0; i < n; i++) assessed[i] = cols.category[i] !== NO_CODE && base.category[i] !== NO_CODE ? 1 : 0;
  const cat = categoryDiff(base.category.map((c) => (c === NO_CODE ? 0 : c)), cols.category.map((c) => (c === NO_CODE ? 0 : c)), assessed);
  const pot = potentialDiff(base.potential.map((c) => (c === NO_CODE ? 0 : c)), cols.potential.map((c) => (c === NO_CODE ? 0 : c)), assessed);
  const changedMask = new Uint8Array(n);
  for (const i of cat.changed) changedMask[i] = 1;
  for (const i of pot.changed) changedMask[i] = 1;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (changedMask[i]) rows.push(i);
  const from = Uint8Array.from(rows, (i) => base.category[i] * 16 + base.potential[i]);
  const to = Uint8Array.from(rows, (i) => cols.category[i] * 16 + cols.potential[i]);
  // before: the baseline's categories and its own towns (a scenario may move the town threshold)
  const baseCols = { ...cols, category: base.category, potential: base.potential, isTown: base.isTown };
  const before = summarise(baseCols, 'oblast');
  const after = summarise(cols, 'oblast');
  const beforeD = cols.districts.length ? summarise(baseCols, 'district') : [];
  const afterD = cols.districts.length ? summarise(cols, 'district') : [];
  const pair = (b: UnitSummary[], a: UnitSummary[]) => a.map((s) => ({ name: s.name, ruralPopulation: s.ruralPopulation, before: b.find((x) => x.unit === s.unit)?.coverage ?? null, after: s.coverage }));
  return {
    category: cat.matrix, potential: pot.matrix, rows: Int32Array.from(rows), from, to, changedMask,
    coverage: { oblasts: pair(before, after), districts: pair(beforeD, afterD) },
  };
}

const layerStatusCache = new WeakMap<DistrictLayer, { toleranceKm: number; status: Map<string, Set<NeighbourCode>> }>();

/** Which borders each district of the layer lies on (the same rule that gives rows their border-district status). */
function layerBorderStatus(m: AtlasModel, layer: DistrictLayer): Map<string, Set<NeighbourCode>> {
  const toleranceKm = m.config.geospatial.district_tolerance_km.value;
  const cached = layerStatusCache.get(layer);
  if (cached && cached.toleranceKm === toleranceKm) return cached.status;
  const status = borderDistrictMap(layer, m.inputs.borders, toleranceKm);
  layerStatusCache.set(layer, { toleranceKm, status });
  return status;
}

/** The border-area review under the current scenario, per district on the China or Russia border (a district
 *  layer or register districts), or per oblast within the border band when there are none. */
export function borderReview(m: AtlasModel, border: 'CN' | 'RU'): BorderReviewReply {
  const cols = m.exploreData?.cols, geo = m.mapGeo;
  if (!cols || !geo) throw new Error('nothing computed yet');
  const base = m.baseline();
  const km = border === 'CN' ? geo.kmToChina : geo.kmToRussia;
  const band = borderDistance(m.config);
  // districts on this border (a district layer gives each row its district's border status); without them, the
  // oblasts, counting only their settlements within the border band
  const wanted = BORDER_STATUSES.map((s) => (border === 'CN' ? s.startsWith('china') : s.includes('russia')) && s.endsWith('district'));
  const layer = m.inputs.districts ?? null;
  // a district layer: rows grouped by the district their point lies in, and every district of the layer on the
  // border listed (0 where no row lies in it) — not the register's district text
  const byLayer = layer !== null && geo.districts.length > 0;
  const hasDistrictStatus = byLayer || (cols.districts.length > 0 && Array.from(geo.status).some((s) => wanted[s]));
  const units = byLayer ? geo.districts.map((d) => d.name) : hasDistrictStatus ? cols.districts : cols.oblasts;
  const unit = byLayer ? geo.district : hasDistrictStatus ? cols.district : Int32Array.from(cols.oblast, (u, i) => (km[i] <= band ? u : -1));
  const onBorder = new Uint8Array(units.length);
  if (byLayer) {
    const status = layerBorderStatus(m, layer);
    geo.districts.forEach((d, k) => (onBorder[k] = status.get(d.id)?.has(border) ? 1 : 0));
  } else if (!hasDistrictStatus) onBorder.fill(1);
  else for (let i = 0; i < m.size; i++) if (unit[i] >= 0 && wanted[geo.status[i]]) onBorder[unit[i]] = 1;
  // a place outside the register: a town by the one rule, else 'other'
  const TOWN = CATEGORIES.indexOf('town'), OTHER = CATEGORIES.indexOf('other');
  const orKind = (codes: Uint8Array, isTown: Uint8Array) => Uint8Array.from(codes, (c, i) => (c !== NO_CODE ? c : isTown[i] ? TOWN : OTHER));
  const category = orKind(cols.category, cols.isTown);
  const input = { size: m.size, category, population: cols.population, kmToBorder: km, unit, units, unitOnBorder: onBorder, listEmpty: byLayer };
  const now = reviewBorder(input);
  const before = reviewBorder({ ...input, category: orKind(base.category, base.isTown) });
  return {
    border, byDistrict: hasDistrictStatus, bandKm: band,
    units: now.map((r) => {
      const b = before.find((x) => x.unit === r.unit);
      let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
      for (let i = 0; i < m.size; i++) {
        if (unit[i] !== r.unit) continue;
        const lon = m.map.lon[i], lat = m.map.lat[i];
        if (lon < minLon) minLon = lon;
        if (lon > maxLon) maxLon = lon;
        if (lat < minLat) minLat = lat;
        if (lat > maxLat) maxLat = lat;
      }
      // a district of the layer without rows: its own outline's box
      if (byLayer && minLon === Infinity) [minLon, minLat, maxLon, maxLat] = layer.districts[r.unit].bbox;
      return {
        ...r, strategic: r.strategic.slice(0, 20), strategicCount: r.strategic.length, strategicIds: r.strategic.slice(0, 20).map((i) => m.map.ids[i]),
        baselineCategoryCount: b?.categoryCount ?? r.categoryCount.map(() => 0), bbox: [minLon, minLat, maxLon, maxLat] as [number, number, number, number],
      };
    }),
  };
}
