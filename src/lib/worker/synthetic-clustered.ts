// A SYNTHETIC register clustered like real districts, for the support-network benchmark and tests: about 30
// villages per district, scattered around a district centre (Gaussian, σ ≈ 22 km) taken from the embedded
// places, with log-normal populations (median ≈ 450, kept under 10,000 so every row is rural). Seeded: the same
// rows on every run. Never real settlements.
import { mulberry32 } from '../../../data/seeded-random.ts';
import type { Methodology } from '../engine/config/schema.ts';
import type { Settlement } from '../engine/types.ts';

const KM_PER_DEG_LAT = 111.2;

export function clusteredRegister(n: number, places: { lat: number; lon: number; oblast: string | null }[], config: Methodology, seed = 20261205): Settlement[] {
  const r = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const columns = [...new Set(config.indicators.map((i) => i.column))].filter((c) => c !== 'population' && (!c.startsWith('km_to_') || c === 'km_to_railway'));
  const districts = Array.from({ length: Math.max(1, Math.round(n / 30)) }, () => places[Math.floor(r() * places.length)]);
  const out: Settlement[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const d = i % districts.length;
    const centre = districts[d];
    const isCentre = i < districts.length;
    const spreadKm = isCentre ? 0 : 22;
    const lat = Math.max(40.6, Math.min(55.4, centre.lat + (gauss() * spreadKm) / KM_PER_DEG_LAT));
    const lon = Math.max(46.6, Math.min(87.2, centre.lon + (gauss() * spreadKm) / (KM_PER_DEG_LAT * Math.cos((centre.lat * Math.PI) / 180))));
    const population = Math.min(9999, Math.max(10, Math.round(Math.exp(Math.log(450) + 1.0 * gauss()) * (isCentre ? 6 : 1))));
    const indicators: Record<string, number | null> = {};
    for (const c of columns) indicators[c] = r() < 0.08 ? null : c.startsWith('has_') ? (r() < 0.6 ? 1 : 0) : r() * 100;
    out[i] = {
      id: `cl${String(i).padStart(6, '0')}`, name_kk: `Ауыл ${i}`, name_ru: `Аул ${i}`, name_en: `Synthetic ${i}`, lat, lon, oblast: centre.oblast, district: `D${d}`,
      rural_district: null, is_district_centre: isCentre, is_rural_district_centre: !isCentre && r() < 0.12, population, indicators,
    };
  }
  return out;
}
