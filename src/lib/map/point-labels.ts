// Settlement labels for very large registers (drawn by the point layer, point-layer.ts, with the settlements source
// empty): after each moveend, and when classes or filters change, the rows to label are taken from the point
// layer's KDBush index over the visible bounds and set on a small GeoJSON source of their own, drawn by the same
// symbol layers as the settlements source's labels (style.ts settlementLabelLayers). Nothing is done per frame.
// Which rows: at zoom ≥ LABEL_ZOOM the LABEL_LIMIT most populous visible ones in view; below it all the visible
// ones in view if there are at most LABEL_LIMIT (a filtered or small register), else none. At 1,000,000 rows a
// zoom-8 view (~260 × 160 km) holds some 15,000 points, of which MapLibre's collision shows a few hundred labels:
// the 3,000 largest are more than it places, and a 3,000-feature source is laid out in a few milliseconds.
// Choosing costs ~2 ms there (measured, 1,000,000 rows); a country view stops the index walk at 3,001 found (~1 ms).
import type KDBush from 'kdbush';
import type { FeatureCollection, Point } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { settlementLabelLayers, type LabelLang } from './style.ts';

export const LABEL_ZOOM = 8;
export const LABEL_LIMIT = 3000;
export const POINT_LABELS_SOURCE = 'point-labels';
export const POINT_LABEL_LAYERS = settlementLabelLayers('ru', POINT_LABELS_SOURCE).map((l) => l.id);

/** What the point layer knows of its rows: picking index (Mercator x, y), flags (`hiddenBit` set: not drawn), and
 *  the draw order (larger population first) with each row's place in it. */
export interface LabelIndex {
  index: KDBush;
  flags: Uint8Array;
  hiddenBit: number;
  order: Uint32Array;
  rank: Uint32Array;
}

/**
 * The rows to label in `bbox` ([x0, y0, x1, y1], Web Mercator 0..1) at `zoom`, largest population first (ties in
 * row order): the `limit` largest visible ones at zoom ≥ `minZoom`; below it all of them if there are at most
 * `limit`, else none.
 */
export function labelRows(ix: LabelIndex, bbox: readonly number[], zoom: number, limit = LABEL_LIMIT, minZoom = LABEL_ZOOM): Uint32Array {
  const found = visibleRanks(ix, bbox, zoom < minZoom ? limit : Infinity);
  if (!found) return new Uint32Array(0);
  const ranks = Uint32Array.from(found).sort();
  const rows = new Uint32Array(Math.min(ranks.length, limit));
  for (let k = 0; k < rows.length; k++) rows[k] = ix.order[ranks[k]];
  return rows;
}

/** The draw ranks of the visible rows in `bbox`: KDBush's range() walk, which gives up (null) as soon as more than
 *  `max` are found, so that a country view of a million points costs next to nothing (range() alone: ~70 ms). */
function visibleRanks(ix: LabelIndex, bbox: readonly number[], max: number): number[] | null {
  const { ids, coords, nodeSize } = ix.index;
  const [x0, y0, x1, y1] = bbox;
  const out: number[] = [];
  const take = (k: number) => {
    const x = coords[2 * k], y = coords[2 * k + 1];
    if (x >= x0 && x <= x1 && y >= y0 && y <= y1 && !(ix.flags[ids[k]] & ix.hiddenBit)) out.push(ix.rank[ids[k]]);
  };
  const stack = [0, ids.length - 1, 0];
  while (stack.length) {
    const axis = stack.pop()!, right = stack.pop()!, left = stack.pop()!;
    if (right - left <= nodeSize) for (let k = left; k <= right; k++) take(k);
    else {
      const m = (left + right) >> 1;
      take(m);
      const x = coords[2 * m], y = coords[2 * m + 1];
      if (axis === 0 ? x0 <= x : y0 <= y) stack.push(left, m - 1, 1 - axis);
      if (axis === 0 ? x1 >= x : y1 >= y) stack.push(m + 1, right, 1 - axis);
    }
    if (out.length > max) return null;
  }
  return out;
}

/** The map's visible bounds in Web Mercator (0..1). */
export function mercatorBounds(map: MapLibreMap): [number, number, number, number] {
  const b = map.getBounds();
  const y = (lat: number) => {
    const s = Math.sin((Math.max(-85.06, Math.min(85.06, lat)) * Math.PI) / 180);
    return 0.5 - (0.25 * Math.log((1 + s) / (1 - s))) / Math.PI;
  };
  return [(b.getWest() + 180) / 360, y(b.getNorth()), (b.getEast() + 180) / 360, y(b.getSouth())];
}

export interface LabelRowsData {
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
  population: ArrayLike<number>;
  ids: readonly string[];
  names: { kk: readonly (string | null)[]; ru: readonly (string | null)[]; en: readonly (string | null)[] };
}

/** The label features of `rows`: the names the label layers read (as synthetic-features.ts) and the population. */
export function labelFeatures(rows: ArrayLike<number>, d: LabelRowsData): FeatureCollection<Point, Record<string, unknown>> {
  const features = Array.from(rows, (i) => {
    const kk = d.names.kk[i] ?? undefined, ru = d.names.ru[i] ?? undefined, en = d.names.en[i] ?? undefined;
    const p = d.population[i];
    return {
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [d.lon[i], d.lat[i]] },
      properties: { name: en ?? ru ?? kk ?? d.ids[i], name_kk: kk, name_ru: ru, name_en: en, population: Number.isFinite(p) ? p : null },
    };
  });
  return { type: 'FeatureCollection', features };
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Sets `fc` on the label source, adding the source and its layers (on top) the first time. */
export function setPointLabels(map: MapLibreMap, fc: FeatureCollection, lang: LabelLang) {
  const source = map.getSource(POINT_LABELS_SOURCE) as GeoJSONSource | undefined;
  if (source) return source.setData(fc);
  if (!fc.features.length) return;
  map.addSource(POINT_LABELS_SOURCE, { type: 'geojson', data: fc });
  for (const layer of settlementLabelLayers(lang, POINT_LABELS_SOURCE)) map.addLayer(layer);
}

export const clearPointLabels = (map: MapLibreMap, lang: LabelLang) => setPointLabels(map, EMPTY, lang);
