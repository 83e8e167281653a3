// The settlements layer drawn from feature-state: the worker's class codes become a colour, a hidden flag and a
// support flag per feature (see feature-colours.ts), so a recolour touches only feature-state — no GeoJSON is
// rebuilt and no tile re-laid-out. Support settlements carry a dark ring in every mode (not colour alone).
import type { ExpressionSpecification } from 'maplibre-gl';
import { NO_DATA } from './classes.ts';

const state = (key: string) => ['boolean', ['feature-state', key], false] as ExpressionSpecification;
export const SUPPORT_RING = '#111111';
export const SELECTED_RING = '#ff2d95';

export const SETTLEMENT_PAINT = {
  'circle-color': ['to-color', ['coalesce', ['feature-state', 'c'], NO_DATA]],
  'circle-opacity': ['case', state('h'), 0, 0.92],
  'circle-stroke-opacity': ['case', state('h'), 0, 1],
  'circle-stroke-color': ['case', state('selected'), SELECTED_RING, state('s'), SUPPORT_RING, state('hover'), '#333333', '#5a5a5a'],
  'circle-stroke-width': ['case', state('selected'), 3.5, state('s'), 2.4, state('hover'), 2, 0.6],
} as Record<string, unknown>;

/** The property that numbers the settlements (the worker's row); promoted to the feature id. Numeric ids matter:
 *  MapLibre hashes string ids on every feature-state lookup, in every tile. */
export const ROW_PROPERTY = 'row';

/** Labels of settlements in a hidden class go with them. */
export const HIDDEN_LABEL_OPACITY = ['case', state('h'), 0, 1] as ExpressionSpecification;
