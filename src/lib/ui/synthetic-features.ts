// The map source for a synthetic register (`?synthetic=N`): points with an id and a population only; the worker
// keeps everything else. Built once, at start.
import type { FeatureCollection, Geometry } from 'geojson';
import type { SyntheticRows } from './worker/protocol.ts';

export function syntheticFeatures(rows: SyntheticRows, ids: readonly string[]): FeatureCollection<Geometry, Record<string, unknown>> {
  return {
    type: 'FeatureCollection',
    features: ids.map((id, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [rows.lon[i], rows.lat[i]] },
      properties: { id, row: i, population: Number.isFinite(rows.population[i]) ? rows.population[i] : null, feature_code: null, name: id },
    })),
  };
}

/** `?synthetic=N` from the page's query string, or 0. */
export function syntheticParam(search: string): number {
  const n = Number(new URLSearchParams(search).get('synthetic') ?? 0);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

/** `?pointlayer=N` (tests): draw registers of N rows and more with the point layer; 0 when absent. */
export function pointLayerParam(search: string): number {
  const n = Number(new URLSearchParams(search).get('pointlayer') ?? 0);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}
