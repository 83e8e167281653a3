// Town tiers: which places count as "larger towns" for the distance-to-town indicators. Candidates are the
// embedded GeoNames places and the register's own rows (a district centre flagged in the register is a town of
// the district tier). A register row that is also an embedded place (same name within 5 km) replaces it, and a
// settlement is never its own nearest town.
import type { Settlement, Town } from '../types.ts';
import type { TownTierConfig } from '../config/schema.ts';
import { NearestIndex } from './nearest.ts';
import { haversineKm } from './sphere.ts';

const SAME_PLACE_KM = 5;

export interface TierIndex {
  tier: TownTierConfig;
  towns: Town[];
  index: NearestIndex;
  /** For each settlement (by position in the register), its own item in this tier, or -1. */
  selfItem: Int32Array;
}

const normaliseName = (s: string) => s.toLocaleLowerCase('ru').normalize('NFD').replace(/[\p{M}\s\-'’.]/gu, '');

export function settlementNames(s: Settlement): string[] {
  return [s.name_kk, s.name_ru, s.name_en].filter((n): n is string => !!n).map(normaliseName);
}

function qualifies(tier: TownTierConfig, featureCode: string | null, population: number | null, flags: Partial<Record<'is_district_centre' | 'is_rural_district_centre', boolean | null>>): boolean {
  if (featureCode && tier.feature_codes.includes(featureCode)) return true;
  if (tier.min_population !== null && population !== null && population >= tier.min_population) return true;
  if (tier.register_flag && flags[tier.register_flag] === true) return true;
  return false;
}

export function buildTierIndex(tier: TownTierConfig, places: (Town & { names?: string[] })[], settlements: Settlement[], cellDeg: number): TierIndex {
  const fromRegister: { town: Town; row: number }[] = [];
  settlements.forEach((s, row) => {
    if (qualifies(tier, null, s.population, s)) {
      const name = s.name_en ?? s.name_ru ?? s.name_kk ?? s.id;
      fromRegister.push({ town: { id: s.id, name, lat: s.lat, lon: s.lon, population: s.population, feature_code: null }, row });
    }
  });
  // Embedded places that the register also lists are represented by the register row.
  const registerNames = fromRegister.map(({ row }) => ({ s: settlements[row], names: new Set(settlementNames(settlements[row])) }));
  const embedded = places.filter((p) => {
    if (!qualifies(tier, p.feature_code, p.population, {})) return false;
    const names = (p.names ?? [p.name]).map(normaliseName);
    return !registerNames.some(({ s, names: rn }) => names.some((n) => rn.has(n)) && haversineKm(s.lon, s.lat, p.lon, p.lat) < SAME_PLACE_KM);
  });
  const towns: Town[] = [...embedded, ...fromRegister.map((r) => r.town)];
  const selfItem = new Int32Array(settlements.length).fill(-1);
  fromRegister.forEach(({ row }, k) => (selfItem[row] = embedded.length + k));
  // A register row that is an embedded town of this tier without qualifying itself (a regional seat listed with
  // 40,000 people, say) must not find that town, i.e. itself, either.
  const embeddedByName = new Map<string, number[]>();
  embedded.forEach((p, i) => {
    for (const n of new Set((p.names ?? [p.name]).map(normaliseName))) embeddedByName.set(n, [...(embeddedByName.get(n) ?? []), i]);
  });
  settlements.forEach((s, row) => {
    if (selfItem[row] >= 0) return;
    for (const n of settlementNames(s))
      for (const i of embeddedByName.get(n) ?? [])
        if (haversineKm(s.lon, s.lat, embedded[i].lon, embedded[i].lat) < SAME_PLACE_KM) selfItem[row] = i;
  });
  const index = new NearestIndex(towns.map((t) => [[[t.lon, t.lat]]]), { cellDeg });
  return { tier, towns, index, selfItem };
}
