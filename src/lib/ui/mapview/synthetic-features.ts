// The map source for rows the worker holds (an imported register or list, `?synthetic=N`): points with an id, a
// population and the names the labels read (name_kk / name_ru / name_en, the id where a row has none); the worker
// keeps everything else.
import type { FeatureCollection, Geometry } from 'geojson';
import type { RowNames, SyntheticRows } from '../../worker/protocol.ts';

export function syntheticFeatures(rows: SyntheticRows, ids: readonly string[], names?: RowNames): FeatureCollection<Geometry, Record<string, unknown>> {
  return {
    type: 'FeatureCollection',
    features: ids.map((id, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [rows.lon[i], rows.lat[i]] },
      properties: {
        id, row: i, population: Number.isFinite(rows.population[i]) ? rows.population[i] : null, feature_code: null,
        name: names?.en[i] ?? names?.ru[i] ?? names?.kk[i] ?? id, name_kk: names?.kk[i] ?? undefined, name_ru: names?.ru[i] ?? undefined, name_en: names?.en[i] ?? undefined,
      },
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
