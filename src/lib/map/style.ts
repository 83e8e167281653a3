// The offline base style: no tiles, no glyph server, no sprite. Everything comes from GeoJSON sources the app
// fills from its own FlatGeobuf files, and labels are drawn locally (TinySDF) with the bundled Noto Sans, which
// fonts.ts registers as a CSS family (no `font-faces`: MapLibre would download every file a second time).
import type { FeatureCollection, Geometry } from 'geojson';
import type { ExpressionSpecification, StyleSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { PALETTE } from './palette.ts';
import { SETTLEMENT_PAINT, ROW_PROPERTY, HIDDEN_LABEL_OPACITY } from './settlement-paint.ts';
import { LABEL_FONT } from './fonts.ts';

export type LabelLang = 'kk' | 'ru' | 'en';

const EMPTY = { type: 'FeatureCollection', features: [] } as const;
export const ATTRIBUTION = 'Natural Earth · GeoNames (CC BY 4.0) · Auyl Atlas';

export const SOURCES = ['neighbours', 'kazakhstan', 'lakes', 'rivers', 'borders', 'water-labels', 'settlements'] as const;

export function labelField(lang: LabelLang): ExpressionSpecification {
  const order = lang === 'kk' ? ['name_kk', 'name_ru', 'name'] : lang === 'ru' ? ['name_ru', 'name_kk', 'name'] : ['name_en', 'name'];
  return ['coalesce', ...order.map((k) => ['get', k])] as unknown as ExpressionSpecification;
}

/** Circle radius in pixels by population (square-root scale) and zoom; unknown population gets the smallest. */
const radius: ExpressionSpecification = [
  'interpolate', ['linear'], ['zoom'],
  3, ['interpolate', ['linear'], ['sqrt', ['coalesce', ['get', 'population'], 0]], 0, 2, 30, 2.5, 300, 5, 1400, 11],
  8, ['interpolate', ['linear'], ['sqrt', ['coalesce', ['get', 'population'], 0]], 0, 4, 30, 5, 300, 10, 1400, 22],
];

export type SourceData = Partial<Record<(typeof SOURCES)[number], FeatureCollection<Geometry, Record<string, unknown>>>>;

/**
 * The whole style. `data` fills the sources at once, so that the map lays every source out in one go on its first
 * load (empty sources that are filled later cost extra frames, and a first idle before the labels arrive turns on
 * MapLibre's 300 ms label fade for them). Sources without data start empty.
 */
export function buildStyle(lang: LabelLang = 'ru', data: SourceData = {}): StyleSpecification {
  // The base layers are national-scale outlines: a coarser simplification (1.2 px, MapLibre's default 0.375) and a
  // narrow tile buffer (16 px, default 128; wider than half the widest border line) mean fewer vertices to cut,
  // tessellate and draw, which on the first view was measured at ~15–20 % of the time to idle.
  const base = { tolerance: 1.2, buffer: 16 };
  const geojson = (name: (typeof SOURCES)[number], attribution?: string) => ({ type: 'geojson' as const, data: (data[name] ?? EMPTY) as never, ...(name === 'settlements' || name === 'water-labels' ? {} : base), ...(attribution ? { attribution } : {}) });
  return {
    version: 8,
    name: 'Auyl Atlas offline',
    sources: {
      neighbours: geojson('neighbours', 'Natural Earth'),
      kazakhstan: geojson('kazakhstan'),
      lakes: geojson('lakes'),
      rivers: geojson('rivers'),
      borders: geojson('borders'),
      'water-labels': geojson('water-labels'),
      settlements: { ...geojson('settlements', 'GeoNames (CC BY 4.0)'), promoteId: ROW_PROPERTY },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': PALETTE.water } },
      { id: 'neighbours-fill', type: 'fill', source: 'neighbours', paint: { 'fill-color': PALETTE.neighbour } },
      { id: 'neighbours-line', type: 'line', source: 'neighbours', paint: { 'line-color': PALETTE.neighbourLine, 'line-width': 0.6 } },
      { id: 'kazakhstan-fill', type: 'fill', source: 'kazakhstan', paint: { 'fill-color': PALETTE.kazakhstan } },
      { id: 'lakes', type: 'fill', source: 'lakes', paint: { 'fill-color': PALETTE.water } },
      { id: 'rivers', type: 'line', source: 'rivers', paint: { 'line-color': PALETTE.river, 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 8, 1.6] } },
      { id: 'kazakhstan-outline', type: 'line', source: 'kazakhstan', paint: { 'line-color': PALETTE.otherBorder, 'line-width': 1.2 } },
      { id: 'border-other', type: 'line', source: 'borders', filter: ['!', ['in', ['get', 'neighbour'], ['literal', ['CN', 'RU']]]], paint: { 'line-color': PALETTE.otherBorder, 'line-width': 1.6 } },
      { id: 'border-russia', type: 'line', source: 'borders', filter: ['==', ['get', 'neighbour'], 'RU'], layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': PALETTE.russiaBorder, 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 3, 8, 5] } },
      { id: 'border-china', type: 'line', source: 'borders', filter: ['==', ['get', 'neighbour'], 'CN'], layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': PALETTE.chinaBorder, 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 3.5, 8, 6] } },
      {
        id: 'settlements',
        type: 'circle',
        source: 'settlements',
        layout: { 'circle-sort-key': ['-', 0, ['coalesce', ['get', 'population'], 0]] },
        // colours, hidden classes, support ring, selection and hover all come from feature-state (settlement-paint.ts)
        paint: { 'circle-radius': radius, ...SETTLEMENT_PAINT },
      },
      {
        id: 'water-labels',
        type: 'symbol',
        source: 'water-labels',
        minzoom: 3,
        layout: { 'text-field': labelField(lang), 'text-font': [LABEL_FONT], 'text-size': 12, 'text-letter-spacing': 0.05, 'text-max-width': 7 },
        paint: { 'text-color': PALETTE.waterLabel, 'text-halo-color': PALETTE.water, 'text-halo-width': 1 },
      },
      ...settlementLabelLayers(lang, 'settlements'),
    ],
  } as StyleSpecification;
}

/**
 * The settlement labels of `source`: villages from zoom 6 and, placed first (higher in the list, so they win label
 * collisions), regional seats and big towns from 3.5; within a layer the larger population wins (symbol-sort-key).
 * The settlements source's are 'labels-all' and 'labels-major'; the point layer's label source (point-labels.ts)
 * gets the same layers as '<source>-all' and '<source>-major'.
 */
export function settlementLabelLayers(lang: LabelLang, source: string): SymbolLayerSpecification[] {
  const id = (kind: 'all' | 'major') => (source === 'settlements' ? `labels-${kind}` : `${source}-${kind}`);
  const major: ExpressionSpecification = ['any', ['in', ['get', 'feature_code'], ['literal', ['PPLC', 'PPLA']]], ['>=', ['coalesce', ['get', 'population'], 0], 100000]];
  const sortKey: ExpressionSpecification = ['-', 0, ['coalesce', ['get', 'population'], 0]];
  return [
    {
      id: id('all'),
      type: 'symbol',
      source,
      filter: ['!', major],
      minzoom: 6,
      layout: { 'text-field': labelField(lang), 'text-font': [LABEL_FONT], 'text-size': 11.5, 'text-offset': [0, 0.8], 'text-anchor': 'top', 'symbol-sort-key': sortKey },
      paint: { 'text-color': PALETTE.label, 'text-halo-color': PALETTE.labelHalo, 'text-halo-width': 1.2, 'text-opacity': HIDDEN_LABEL_OPACITY },
    },
    {
      id: id('major'),
      type: 'symbol',
      source,
      filter: major,
      minzoom: 3.5,
      layout: { 'text-field': labelField(lang), 'text-font': [LABEL_FONT], 'text-size': 13, 'text-offset': [0, 0.9], 'text-anchor': 'top', 'symbol-sort-key': sortKey },
      paint: { 'text-color': PALETTE.label, 'text-halo-color': PALETTE.labelHalo, 'text-halo-width': 1.4, 'text-opacity': HIDDEN_LABEL_OPACITY },
    },
  ];
}
