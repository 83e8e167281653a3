// The national settlement list's names for the embedded places it matches: a list row is the same place when one
// of its names has the same search key (any script, folded) as one of the place's names and it lies within 2 km.
// The embedded data carries no KATO codes, so the name and the distance are the match. The list is the official
// source, so its Kazakh and Russian names then replace the embedded ones (for the places shown as towns beside it).
import { searchKey } from '../explore/search-key.ts';
import { haversineKm } from './sphere.ts';

export const SAME_NAME_KM = 2;
/** A name in the Kazakh and Russian alphabets: a list cell with other letters (KATO 2025 has «Форт-Шевченко ќ.») is
 *  a typo the embedded name is better without. */
const KAZAKH_OR_RUSSIAN = /^[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі0-9\s\-'’.()«»]+$/;
const clean = (name: string | null | undefined): string | null => {
  const s = name?.replace(/\s+/g, ' ').trim();
  return s && KAZAKH_OR_RUSSIAN.test(s) ? s : null;
};
const KM_PER_DEGREE_LAT = 111.2;

export interface NamedPlace {
  id: string;
  lat: number;
  lon: number;
  /** Every name of the place (kk, ru, en, GeoNames' own). */
  names: readonly string[];
}

/** The list as columns (no record per row: a list may hold a million rows). */
export interface ListNameColumns {
  size: number;
  lat: ArrayLike<number>;
  lon: ArrayLike<number>;
  name_kk: readonly (string | null)[];
  name_ru: readonly (string | null)[];
}

/** Place id → the matching list row's names (the nearest row where several match). */
export function listNamesForPlaces(places: readonly NamedPlace[], list: ListNameColumns, maxKm = SAME_NAME_KM): Map<string, { kk: string | null; ru: string | null }> {
  // places by latitude: a list row looks only at the places within maxKm north or south of it
  const byLat = places.map((p) => ({ p, keys: new Set(p.names.map(searchKey).filter(Boolean)) })).sort((a, b) => a.p.lat - b.p.lat);
  const lats = byLat.map((x) => x.p.lat);
  const dLat = maxKm / KM_PER_DEGREE_LAT;
  const best = new Map<string, { km: number; row: number }>();
  for (let i = 0; i < list.size; i++) {
    const lat = list.lat[i], lon = list.lon[i];
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    let k = lowerBound(lats, lat - dLat);
    let rowKeys: string[] | null = null;
    for (; k < byLat.length && lats[k] <= lat + dLat; k++) {
      const { p, keys } = byLat[k];
      const km = haversineKm(lon, lat, p.lon, p.lat);
      if (km > maxKm) continue;
      rowKeys ??= [list.name_kk[i], list.name_ru[i]].filter((n): n is string => Boolean(n)).map(searchKey);
      if (!rowKeys.some((key) => keys.has(key))) continue;
      const had = best.get(p.id);
      if (!had || km < had.km) best.set(p.id, { km, row: i });
    }
  }
  return new Map([...best].map(([id, { row }]) => [id, { kk: clean(list.name_kk[row]), ru: clean(list.name_ru[row]) }]));
}

function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
