// Web Worker: the geospatial block for the map's settlements, off the main thread so the page never freezes.
// It keeps the indexes between requests and rebuilds only what a parameter change touches.
import { preset } from '../engine/config/presets.ts';
import { buildGeoContext, computeGeoTable, geospatialRecord, type GeoInputs } from '../engine/geo/geospatial.ts';
import { RegisterColumns } from '../engine/columns.ts';
import type { Settlement } from '../engine/types.ts';
import { bordersFromFgb, placesFromFgb } from '../io/embedded.ts';

export interface GeoParams {
  borderZoneKm: number;
  regionalMinPopulation: number;
}

export interface GeoRow {
  id: string;
  km_to_china: number | null;
  km_to_russia: number | null;
  km_to_border: number | null;
  nearest_border: string | null;
  regional_town: string | null;
  km_to_regional: number | null;
  border_status: string;
}

export type WorkerRequest =
  | { type: 'init'; settlements: ArrayBuffer; borders: ArrayBuffer }
  | { type: 'compute'; seq: number; params: GeoParams };
export type WorkerReply = { type: 'ready' } | { type: 'result'; seq: number; ms: number; rows: GeoRow[] } | { type: 'error'; message: string };

let inputs: GeoInputs | null = null;
let register = new RegisterColumns([]);

const post = (m: WorkerReply) => (self as unknown as Worker).postMessage(m);

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  try {
    if (msg.type === 'init') {
      const places = await placesFromFgb(new Uint8Array(msg.settlements));
      inputs = { places, borders: await bordersFromFgb(new Uint8Array(msg.borders)) };
      const settlements: Settlement[] = places.map((p) => ({
        id: p.id, name_kk: null, name_ru: null, name_en: p.name, lat: p.lat, lon: p.lon, oblast: null, district: null,
        rural_district: null, is_district_centre: null, is_rural_district_centre: null, population: p.population, indicators: {},
      }));
      register = new RegisterColumns(settlements);
      post({ type: 'ready' });
    } else if (msg.type === 'compute') {
      if (!inputs) throw new Error('worker not initialised');
      const started = performance.now();
      const config = preset('2019');
      config.geospatial.border_zone_km.value = msg.params.borderZoneKm;
      const regional = config.geospatial.town_tiers.find((t) => t.id === 'regional');
      if (regional) regional.min_population = msg.params.regionalMinPopulation;
      const table = computeGeoTable(register, buildGeoContext(register, config, inputs));
      const rows: GeoRow[] = register.settlements.map((s, i) => {
        const g = geospatialRecord(table, i);
        const regionalTown = g.towns.regional ?? null;
        return {
          id: s.id, km_to_china: g.km_to_china, km_to_russia: g.km_to_russia, km_to_border: g.km_to_border,
          nearest_border: g.nearest_border, regional_town: regionalTown?.name ?? null, km_to_regional: regionalTown?.km ?? null,
          border_status: g.border_status,
        };
      });
      post({ type: 'result', seq: msg.seq, ms: performance.now() - started, rows });
    }
  } catch (e) {
    post({ type: 'error', message: (e as Error).message });
  }
};
