// Towns of a national settlement list (KATO type 1) as town-tier candidates. A list has no population, so a town's
// tier comes from its KATO code, expressed as the GeoNames feature code the tiers already read (config
// geospatial.town_tiers[].feature_codes):
//   - AA1010000 (the city of an oblast's "10" city administration: its administrative centre, checked on the
//     2025 KATO list: one per oblast, 17 of 17) and the cities of republican significance (AA = 71 Astana,
//     75 Almaty, 79 Shymkent) → PPLA: the regional tier and the district-seat tier, like an embedded regional seat;
//   - any other KATO type 1 settlement (a city of oblast or district significance, a town-type settlement) → PPLA2:
//     the district-seat tier;
//   - not a settlement: a city's own districts (CC 11–19 under the "10" administration, e.g. 151011100 "район
//     Астана" of Aktobe) and administrative units (DDD = 000 other than a city's AABB10000).
// Status: [assumed] (source: KATO code structure AA-BB-CC-DDD of NK RK 11-2025 as described in
// ../shared/data/README.md; which tier a town of unknown population serves is an Auyl Atlas rule). A town of
// unknown population never joins a population tier (10,000+). The same town in the embedded GeoNames places (a
// shared name, Kazakh letters folded, within 5 km; or the nearest place within 2 km whatever its name) is not
// doubled: the embedded place stays (with its population) and takes the list's higher rank where it is lower.
import type { EmbeddedPlace } from './towns.ts';
import { haversineKm } from './sphere.ts';

const SAME_PLACE_KM = 5;
const RANK = { PPLC: 3, PPLA: 2, PPLA2: 1 } as Record<string, number>;

export type KatoTownRank = 'regional' | 'town' | null;

/** The tier rank a KATO type 1 code implies ([assumed] rule above); null: not a settlement of its own. */
export function katoTownRank(kato: string): KatoTownRank {
  const code = kato.trim();
  if (!/^\d{9}$/.test(code)) return null;
  const aa = code.slice(0, 2), bb = code.slice(2, 4), cc = code.slice(4, 6), ddd = code.slice(6);
  if (['71', '75', '79'].includes(aa) && bb === '00' && cc === '00' && ddd === '000') return 'regional';
  if (bb === '10' && cc === '10' && ddd === '000') return 'regional';
  if (bb === '10' && Number(cc) >= 11 && Number(cc) <= 19) return null;
  if (ddd === '000' && cc !== '10') return null;
  return 'town';
}

export interface ListTownInput {
  id: string;
  /** KATO type: '1' town, '2' rural, '3' other. */
  type: string | null;
  names: string[];
  lat: number;
  lon: number;
}

export interface ListTownSummary {
  /** List towns serving the tiers (KATO type 1 with coordinates, settlements of their own). */
  count: number;
  regional: number;
  town: number;
  /** Of them, the same as an embedded place (merged into it, not doubled). */
  same: number;
}

/** Within this distance a list town is the nearest embedded place even when no name matches (spellings differ:
 *  Екібастұз / Екібастуз, Шу / Чу); two towns' centres are never this close. [assumed] */
const SAME_TOWN_ANY_NAME_KM = 2;
// Kazakh letters folded to the Russian ones they are spelt with elsewhere, э/ё → е (names compared loosely).
const FOLD: Record<string, string> = { ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и', э: 'е', ё: 'е', й: 'и' };
const norm = (s: string) => s.toLocaleLowerCase('ru').replace(/[әғқңөұүһіэёй]/g, (c) => FOLD[c]).normalize('NFD').replace(/[\p{M}\s\-'’.]/gu, '');

/** The embedded places with the list's towns merged in: new towns added (population unknown), towns that are
 *  already embedded places raised to the list's rank where it is higher. Pure; `places` is not modified. */
export function mergeListTowns(places: readonly EmbeddedPlace[], list: readonly ListTownInput[]): { places: EmbeddedPlace[]; summary: ListTownSummary } {
  const out = places.slice();
  const summary: ListTownSummary = { count: 0, regional: 0, town: 0, same: 0 };
  const placeNames = places.map((p) => new Set((p.names ?? [p.name]).map(norm)));
  for (const t of list) {
    if (String(t.type ?? '').trim() !== '1' || !Number.isFinite(t.lat) || !Number.isFinite(t.lon)) continue;
    const rank = katoTownRank(t.id);
    if (!rank) continue;
    const code = rank === 'regional' ? 'PPLA' : 'PPLA2';
    summary.count++;
    summary[rank]++;
    const names = t.names.filter(Boolean);
    const keys = names.map(norm);
    let same = -1, best = Infinity, nearest = -1, nearestKm = Infinity;
    places.forEach((p, i) => {
      if (Math.abs(p.lat - t.lat) > 0.1) return;
      const km = haversineKm(p.lon, p.lat, t.lon, t.lat);
      if (km < nearestKm) (nearestKm = km), (nearest = i);
      if (km < SAME_PLACE_KM && km < best && keys.some((k) => placeNames[i].has(k))) (best = km), (same = i);
    });
    if (same < 0 && nearestKm < SAME_TOWN_ANY_NAME_KM) same = nearest;
    if (same >= 0) {
      summary.same++;
      const p = out[same];
      if ((RANK[code] ?? 0) > (RANK[p.feature_code ?? ''] ?? 0)) out[same] = { ...p, feature_code: code };
      continue;
    }
    out.push({ id: t.id, name: names[0] ?? t.id, names, lat: t.lat, lon: t.lon, population: null, feature_code: code });
  }
  return { places: out, summary };
}
