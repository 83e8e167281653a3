// Categories from scores and geography, in the order the programme uses: support settlements first, then their
// satellites (nearest support within the cluster radius), then strategic border settlements, then the rest.
// Deterministic: ties go to the lower id, so row order never matters.
import type { Methodology } from './config/schema.ts';
import type { Category, Geospatial, Potential, Settlement } from './types.ts';
import { findRegion } from './regions.ts';
import { haversineKm, degreeRadius } from './geo/sphere.ts';

const RANK: Record<Potential, number> = { insufficient_data: -1, low: 0, medium: 1, high: 2 };

export interface ClassInput {
  settlement: Settlement;
  geo: Geospatial;
  potential: Potential;
}

export interface ClassResult {
  category: Category;
  support_id: string | null;
  km_to_support: number | null;
  rule: string;
  reason: string;
}

function supportReason(s: Settlement, rules: Methodology['categories']['support']): string | null {
  if (rules.district_centre && s.is_district_centre === true) return 'district centre';
  if (rules.rural_district_centre && s.is_rural_district_centre === true) return 'rural-district centre';
  if (rules.population_at_least !== null && s.population !== null && s.population >= rules.population_at_least)
    return `population ${s.population} ≥ ${rules.population_at_least}`;
  return null;
}

/** Buckets support settlements on a coarse grid so each satellite looks only at nearby cells. */
class SupportGrid {
  private readonly cells = new Map<number, number[]>();
  constructor(private readonly items: ClassInput[], private readonly cellDeg: number) {
    items.forEach((it, i) => {
      const key = this.key(Math.floor(it.settlement.lon / cellDeg), Math.floor(it.settlement.lat / cellDeg));
      const list = this.cells.get(key);
      if (list) list.push(i);
      else this.cells.set(key, [i]);
    });
  }
  private key(x: number, y: number) {
    return (y + 100_000) * 1_000_000 + (x + 100_000);
  }
  /** Calls visit(i) for every support in the cells that a circle of `km` around the point can touch. */
  forEachNear(lon: number, lat: number, km: number, visit: (i: number) => void): void {
    const { dLat, dLon } = degreeRadius(lat, km);
    const x1 = Math.floor((lon + dLon) / this.cellDeg), y1 = Math.floor((lat + dLat) / this.cellDeg);
    for (let x = Math.floor((lon - dLon) / this.cellDeg); x <= x1; x++)
      for (let y = Math.floor((lat - dLat) / this.cellDeg); y <= y1; y++) {
        const list = this.cells.get(this.key(x, y));
        if (list) for (const i of list) visit(i);
      }
  }
  get(i: number) {
    return this.items[i];
  }
}

export function classify(inputs: ClassInput[], config: Methodology): ClassResult[] {
  const rules = config.categories;
  const minPop = rules.min_population.value;
  const results: (ClassResult | null)[] = inputs.map(() => null);
  const supports: ClassInput[] = [];

  inputs.forEach((it, i) => {
    const s = it.settlement;
    if (s.population !== null && s.population < minPop) {
      results[i] = { category: 'other', support_id: null, km_to_support: null, rule: 'other.below_min_population', reason: `population ${s.population} < ${minPop}: not kept as a separate settlement` };
      return;
    }
    if (RANK[it.potential] < RANK[rules.support.min_potential]) return;
    const why = supportReason(s, rules.support);
    if (!why) return;
    results[i] = { category: 'support', support_id: null, km_to_support: null, rule: 'support', reason: `support: ${it.potential} potential (≥ ${rules.support.min_potential}) and ${why}` };
    supports.push(it);
  });

  const maxRadius = Math.max(rules.satellite.radius_km, ...Object.values(rules.satellite.region_overrides));
  const grid = new SupportGrid(supports, Math.max(0.05, maxRadius / 80));
  const radiusByOblast = new Map<string | null, number>();
  const radiusOf = (s: Settlement) => {
    let r = radiusByOblast.get(s.oblast);
    if (r === undefined) {
      const iso = s.oblast ? findRegion(s.oblast)?.iso : undefined;
      r = (iso ? rules.satellite.region_overrides[iso] : undefined) ?? rules.satellite.radius_km;
      radiusByOblast.set(s.oblast, r);
    }
    return r;
  };
  const supportRadius = supports.map((sup) => radiusOf(sup.settlement));

  inputs.forEach((it, i) => {
    if (results[i]) return;
    const s = it.settlement;
    let best: ClassInput | null = null;
    let bestKm = Infinity;
    let bestRadius = 0;
    grid.forEachNear(s.lon, s.lat, maxRadius, (j) => {
      const sup = grid.get(j);
      const km = haversineKm(s.lon, s.lat, sup.settlement.lon, sup.settlement.lat);
      if (km > supportRadius[j]) return;
      if (km < bestKm || (km === bestKm && best && sup.settlement.id < best.settlement.id)) {
        best = sup;
        bestKm = km;
        bestRadius = supportRadius[j];
      }
    });
    if (best) {
      results[i] = { category: 'satellite', support_id: (best as ClassInput).settlement.id, km_to_support: bestKm, rule: 'satellite', reason: `satellite: ${bestKm.toFixed(1)} km from support settlement ${(best as ClassInput).settlement.id} (radius ${bestRadius} km)` };
      return;
    }
    const g = it.geo;
    const st = rules.strategic;
    const inBorderDistrict =
      st.border_districts &&
      ((st.neighbours.includes('CN') && (g.border_status === 'china_district' || g.border_status === 'china_and_russia_district')) ||
        (st.neighbours.includes('RU') && (g.border_status === 'russia_district' || g.border_status === 'china_and_russia_district')));
    if (inBorderDistrict) {
      results[i] = { category: 'strategic', support_id: null, km_to_support: null, rule: 'strategic.border_district', reason: `strategic: in a border district (${g.border_status})` };
      return;
    }
    const near = st.neighbours
      .map((code) => ({ code, km: code === 'CN' ? g.km_to_china : code === 'RU' ? g.km_to_russia : g.nearest_border === code ? g.km_to_border : null }))
      .filter((x): x is { code: typeof x.code; km: number } => x.km !== null && x.km <= st.within_km)
      .sort((a, b) => a.km - b.km)[0];
    if (near) {
      results[i] = { category: 'strategic', support_id: null, km_to_support: null, rule: 'strategic.border_distance', reason: `strategic: ${near.km.toFixed(1)} km from the ${near.code} border (≤ ${st.within_km} km)` };
      return;
    }
    results[i] = { category: 'other', support_id: null, km_to_support: null, rule: 'other', reason: it.potential === 'insufficient_data' ? 'other: insufficient data for a potential class, no support settlement within reach, not a border settlement' : 'other: not a support settlement, no support settlement within reach, not a border settlement' };
  });
  return results as ClassResult[];
}
