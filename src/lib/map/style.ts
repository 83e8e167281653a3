// The offline base style: no tiles, no glyph server, no sprite. Everything comes from GeoJSON sources the app
// fills from its own FlatGeobuf files, and labels are drawn locally (TinySDF) with the bundled Noto Sans, which
// fonts.ts registers as a CSS family (no `font-faces`: MapLibre would download every file a second time).
import type { FeatureCollection, Geometry } from 'geojson';
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { PALETTE, FEATURE_COLOURS, BORDER_STATUS_COLOURS, CATEGORY_COLOURS } from './palette.ts';
import { LABEL_FONT } from './fonts.ts';

export type ColourMode = 'feature' | 'border_status' | 'category';
export type LabelLang = 'kk' | 'ru' | 'en';

const EMPTY = { type: 'FeatureCollection', features: [] } as const;
export const ATTRIBUTION = 'Natural Earth · GeoNames (CC BY 4.0) · Auyl Atlas';

export const SOURCES = ['neighbours', 'kazakhstan', 'lakes', 'rivers', 'borders', 'water-labels', 'settlements'] as const;

/** The property a colour mode reads, and its value where a feature has none. */
export const MODE_KEYS: Record<ColourMode, { property: string; fallback: string }> = {
  feature: { property: 'place_type', fallback: 'other' },
  border_status: { property: 'border_status', fallback: 'interior' },
  category: { property: 'category', fallback: 'not_in_register' },
};

export function settlementColour(mode: ColourMode): ExpressionSpecification {
  if (mode === 'category') {
    return ['match', ['coalesce', ['get', 'category'], 'not_in_register'],
      ...Object.entries(CATEGORY_COLOURS).flat(), CATEGORY_COLOURS.not_in_register] as unknown as ExpressionSpecification;
  }
  if (mode === 'border_status') {
    return ['match', ['coalesce', ['get', 'border_status'], 'interior'],
      ...Object.entries(BORDER_STATUS_COLOURS).flat(), BORDER_STATUS_COLOURS.interior] as unknown as ExpressionSpecification;
  }
  return ['match', ['coalesce', ['get', 'place_type'], 'other'],
    ...Object.entries(FEATURE_COLOURS).filter(([k]) => k !== 'other').flat(), FEATURE_COLOURS.other] as unknown as ExpressionSpecification;
}

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
export function buildStyle(_pageUrl: string, mode: ColourMode = 'feature', lang: LabelLang = 'ru', data: SourceData = {}): StyleSpecification {
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
      settlements: { ...geojson('settlements', 'GeoNames (CC BY 4.0)'), promoteId: 'id' },
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
        paint: {
          'circle-radius': radius,
          'circle-color': settlementColour(mode),
          'circle-opacity': 0.9,
          'circle-stroke-color': ['case', ['boolean', ['feature-state', 'selected'], false], '#000000', PALETTE.settlementStroke],
          'circle-stroke-width': ['case', ['boolean', ['feature-state', 'selected'], false], 2.5, ['boolean', ['feature-state', 'hover'], false], 2, 0.8],
        },
      },
      {
        id: 'water-labels',
        type: 'symbol',
        source: 'water-labels',
        minzoom: 3,
        layout: { 'text-field': labelField(lang), 'text-font': [LABEL_FONT], 'text-size': 12, 'text-letter-spacing': 0.05, 'text-max-width': 7 },
        paint: { 'text-color': PALETTE.waterLabel, 'text-halo-color': PALETTE.water, 'text-halo-width': 1 },
      },
      {
        id: 'labels-all',
        type: 'symbol',
        source: 'settlements',
        filter: ['!', ['any', ['in', ['get', 'feature_code'], ['literal', ['PPLC', 'PPLA']]], ['>=', ['coalesce', ['get', 'population'], 0], 100000]]],
        minzoom: 6,
        layout: { 'text-field': labelField(lang), 'text-font': [LABEL_FONT], 'text-size': 11.5, 'text-offset': [0, 0.8], 'text-anchor': 'top', 'symbol-sort-key': ['-', 0, ['coalesce', ['get', 'population'], 0]] },
        paint: { 'text-color': PALETTE.label, 'text-halo-color': PALETTE.labelHalo, 'text-halo-width': 1.2 },
      },
      // Symbol layers higher in the list are placed first: regional seats and big towns above villages, so they
      // win label collisions; within a layer the larger population wins (symbol-sort-key).
      {
        id: 'labels-major',
        type: 'symbol',
        source: 'settlements',
        filter: ['any', ['in', ['get', 'feature_code'], ['literal', ['PPLC', 'PPLA']]], ['>=', ['coalesce', ['get', 'population'], 0], 100000]],
        minzoom: 3.5,
        layout: { 'text-field': labelField(lang), 'text-font': [LABEL_FONT], 'text-size': 13, 'text-offset': [0, 0.9], 'text-anchor': 'top', 'symbol-sort-key': ['-', 0, ['coalesce', ['get', 'population'], 0]] },
        paint: { 'text-color': PALETTE.label, 'text-halo-color': PALETTE.labelHalo, 'text-halo-width': 1.4 },
      },
    ],
  } as StyleSpecification;
}
