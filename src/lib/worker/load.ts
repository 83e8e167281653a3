// Builds the worker's model from the embedded FlatGeobuf bytes: the embedded places are the map rows and the
// illustrative register (real places, SYNTHETIC indicator values) is assessed; or, with `synthetic > 0`, a
// seeded synthetic register is both the map rows and the register (benchmarks).
import { preset } from '../engine/config/presets.ts';
import { RegisterColumns } from '../engine/columns.ts';
import type { Settlement } from '../engine/types.ts';
import { bordersFromFgb } from '../io/embedded.ts';
import { readFgb } from '../io/fgb.ts';
import { readRegister } from '../io/formats.ts';
import { AtlasModel } from './model.ts';
import type { GeoInputs } from '../engine/geo/geospatial.ts';
import type { Labels } from '../engine/types.ts';
import { MAX_SYNTHETIC, syntheticRegister } from './synthetic.ts';

/** What the last loadModel built, for models the import makes over the same towns and borders. */
export const loaded: { inputs: GeoInputs | null; names: Map<string, Partial<Labels>> } = { inputs: null, names: new Map() };

const str = (x: unknown) => (typeof x === 'string' && x.length > 0 ? x : null);

export async function loadModel(settlementsFgb: Uint8Array, bordersFgb: Uint8Array, illustrativeCsv: string, synthetic = 0): Promise<AtlasModel> {
  const base = preset('2019');
  const fc = await readFgb(settlementsFgb);
  const placeRows = fc.features.map((f) => {
    const p = f.properties;
    const [lon, lat] = (f.geometry as { coordinates: number[] }).coordinates;
    return { p, lon, lat };
  });
  const places = placeRows.map(({ p, lon, lat }) => ({
    id: String(p.id), name: String(p.name), names: [p.name, p.name_en, p.name_kk, p.name_ru].filter((n): n is string => typeof n === 'string' && n.length > 0),
    lat, lon, population: typeof p.population === 'number' ? p.population : null, feature_code: str(p.feature_code),
  }));
  const inputs = { places, borders: await bordersFromFgb(bordersFgb) };
  const names = new Map(placeRows.map(({ p }) => [String(p.id), { kk: str(p.name_kk) ?? undefined, ru: str(p.name_ru) ?? undefined, en: str(p.name_en) ?? str(p.name) ?? undefined }]));
  loaded.inputs = inputs;
  loaded.names = names;
  if (synthetic > 0) {
    const n = Math.min(MAX_SYNTHETIC, Math.floor(synthetic));
    const register = new RegisterColumns(syntheticRegister(n, placeRows.map(({ p, lon, lat }) => ({ lon, lat, oblast: str(p.oblast) })), base));
    return new AtlasModel(register, register, Int32Array.from({ length: n }, (_, i) => i), inputs, new Array(n).fill(null), true, base, names);
  }
  const asSettlements: Settlement[] = placeRows.map(({ p, lon, lat }) => ({
    id: String(p.id), name_kk: str(p.name_kk), name_ru: str(p.name_ru), name_en: str(p.name_en) ?? str(p.name), lat, lon, oblast: str(p.oblast), district: null,
    rural_district: null, is_district_centre: null, is_rural_district_centre: null, population: typeof p.population === 'number' ? p.population : null, indicators: {},
  }));
  const map = new RegisterColumns(asSettlements);
  const read = await readRegister(new TextEncoder().encode(illustrativeCsv), 'example-register-illustrative.csv', base);
  const register = new RegisterColumns(read.settlements);
  const rowOf = new Map(read.settlements.map((s, i) => [s.id, i]));
  const regIndex = Int32Array.from(asSettlements, (s) => rowOf.get(s.id) ?? -1);
  return new AtlasModel(map, register, regIndex, inputs, placeRows.map(({ p }) => str(p.feature_code)), false, base, names);
}
