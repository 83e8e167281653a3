// A SYNTHETIC register for benchmarks (`?synthetic=N`): N seeded rows scattered around the embedded places
// (clustered as people are), with made-up indicator values. Never real settlements; the UI says so.
import { mulberry32 } from '../../../data/seeded-random.ts';
import type { Methodology } from '../engine/config/schema.ts';
import type { Settlement } from '../engine/types.ts';

export const MAX_SYNTHETIC = 200_000;

export function syntheticRegister(n: number, places: { lat: number; lon: number; oblast: string | null }[], config: Methodology, seed = 20261125): Settlement[] {
  const r = mulberry32(seed);
  const columns = [...new Set(config.indicators.map((i) => i.column))].filter((c) => c !== 'population' && (!c.startsWith('km_to_') || c === 'km_to_railway'));
  const out: Settlement[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const p = places[Math.floor(r() * places.length)];
    const lat = Math.max(40.6, Math.min(55.4, p.lat + (r() - 0.5) * 2.4));
    const lon = Math.max(46.6, Math.min(87.2, p.lon + (r() - 0.5) * 3.6));
    const indicators: Record<string, number | null> = {};
    for (const c of columns) indicators[c] = r() < 0.08 ? null : c.startsWith('has_') ? (r() < 0.6 ? 1 : 0) : r() * 100;
    out[i] = {
      id: `syn${i}`, name_kk: `Ауыл ${i}`, name_ru: `Аул ${i}`, name_en: `Synthetic ${i}`, lat, lon, oblast: p.oblast, district: null,
      rural_district: null, is_district_centre: r() < 0.03, is_rural_district_centre: r() < 0.12, population: Math.round(20 + 3000 * r() ** 3), indicators,
    };
  }
  return out;
}
