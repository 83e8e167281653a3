// Web Worker: the geospatial block and the assessment, off the main thread so the page never freezes. It keeps
// its indexes, register columns and geospatial tables between requests and reruns only what a change touches:
// a geospatial parameter (border zone, large-town threshold) recomputes the geospatial tables; a classification
// parameter (satellite radius) only rescores and reclassifies.
import { preset } from '../engine/config/presets.ts';
import { buildGeoContext, computeGeoTable, geospatialRecord, type GeoInputs, type GeoTable } from '../engine/geo/geospatial.ts';
import { RegisterColumns } from '../engine/columns.ts';
import { reassessTable, assessmentRecord } from '../engine/assess.ts';
import type { Methodology } from '../engine/config/schema.ts';
import type { Settlement } from '../engine/types.ts';
import { bordersFromFgb, placesFromFgb } from '../io/embedded.ts';
import { readRegister } from '../io/formats.ts';
// The illustrative register: real places, synthetic indicator values (the UI says so wherever it shows them).
import illustrativeCsv from '../../../data/example-register-illustrative.csv?raw';

export interface GeoParams {
  borderZoneKm: number;
  regionalMinPopulation: number;
  satelliteRadiusKm: number;
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
  /** From the illustrative register (synthetic indicators); null where the place is not in it. */
  category: string | null;
  potential: string | null;
  score_percent: number | null;
  support_name: string | null;
  km_to_support: number | null;
}

export type WorkerRequest =
  | { type: 'init'; settlements: ArrayBuffer; borders: ArrayBuffer }
  | { type: 'compute'; seq: number; params: GeoParams };
export type WorkerReply =
  | { type: 'ready'; registerRows: number }
  | { type: 'result'; seq: number; ms: number; geoRecomputed: boolean; rows: GeoRow[] }
  | { type: 'error'; message: string };

let inputs: GeoInputs | null = null;
let places = new RegisterColumns([]);
let register = new RegisterColumns([]);
let geoKey = '';
let placesGeo: GeoTable | null = null;
let registerGeo: GeoTable | null = null;

const post = (m: WorkerReply) => (self as unknown as Worker).postMessage(m);

function configFor(params: GeoParams): Methodology {
  const config = preset('2019');
  config.categories.strategic.within_km.value = params.borderZoneKm; // the one border distance: border zone and strategic rule
  const regional = config.geospatial.town_tiers.find((t) => t.id === 'regional');
  if (regional) regional.min_population = params.regionalMinPopulation;
  config.categories.satellite.radius_km = params.satelliteRadiusKm;
  return config;
}

function compute(params: GeoParams): { rows: GeoRow[]; geoRecomputed: boolean } {
  if (!inputs) throw new Error('worker not initialised');
  const config = configFor(params);
  const key = `${params.borderZoneKm}|${params.regionalMinPopulation}`;
  const geoRecomputed = key !== geoKey || !placesGeo || !registerGeo;
  if (geoRecomputed) {
    placesGeo = computeGeoTable(places, buildGeoContext(places, config, inputs));
    registerGeo = computeGeoTable(register, buildGeoContext(register, config, inputs));
    geoKey = key;
  }
  const assessed = reassessTable(register, registerGeo!, config);
  const byId = new Map(register.settlements.map((s, i) => [s.id, i]));
  const rows = places.settlements.map((s, i): GeoRow => {
    const g = geospatialRecord(placesGeo!, i);
    const regionalTown = g.towns.regional ?? null;
    const r = byId.get(s.id);
    const a = r === undefined ? null : assessmentRecord(assessed, r);
    const support = a?.support_id ? register.settlements[byId.get(a.support_id)!] : null;
    return {
      id: s.id, km_to_china: g.km_to_china, km_to_russia: g.km_to_russia, km_to_border: g.km_to_border,
      nearest_border: g.nearest_border, regional_town: regionalTown?.name ?? null, km_to_regional: regionalTown?.km ?? null,
      border_status: g.border_status,
      category: a?.category ?? null, potential: a?.potential ?? null, score_percent: a?.score_percent ?? null,
      support_name: support ? support.name_en ?? support.name_ru ?? support.id : null, km_to_support: a?.km_to_support ?? null,
    };
  });
  return { rows, geoRecomputed };
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  try {
    if (msg.type === 'init') {
      const embedded = await placesFromFgb(new Uint8Array(msg.settlements));
      inputs = { places: embedded, borders: await bordersFromFgb(new Uint8Array(msg.borders)) };
      const asSettlements: Settlement[] = embedded.map((p) => ({
        id: p.id, name_kk: null, name_ru: null, name_en: p.name, lat: p.lat, lon: p.lon, oblast: null, district: null,
        rural_district: null, is_district_centre: null, is_rural_district_centre: null, population: p.population, indicators: {},
      }));
      places = new RegisterColumns(asSettlements);
      const read = await readRegister(new TextEncoder().encode(illustrativeCsv), 'example-register-illustrative.csv', preset('2019'));
      register = new RegisterColumns(read.settlements);
      post({ type: 'ready', registerRows: register.size });
    } else if (msg.type === 'compute') {
      const started = performance.now();
      const { rows, geoRecomputed } = compute(msg.params);
      post({ type: 'result', seq: msg.seq, ms: performance.now() - started, geoRecomputed, rows });
    }
  } catch (e) {
    post({ type: 'error', message: (e as Error).message });
  }
};
