// The map source for rows the worker holds: the labels read the register's own names, the id only as a last resort.
import { describe, expect, it } from 'vitest';
import { syntheticFeatures } from '../../src/lib/ui/mapview/synthetic-features.ts';

const rows = { ids: [], lon: Float64Array.of(71.4, 76.9), lat: Float64Array.of(51.1, 43.2), population: Float64Array.of(1500, NaN) };

describe('syntheticFeatures', () => {
  it('gives an imported row its names in each language and keeps the id for a row without names', () => {
    const fc = syntheticFeatures(rows, ['C1', 'X9'], { kk: ['Тірек-2', null], ru: ['Опорное-2', null], en: [null, null] });
    const [a, b] = fc.features.map((f) => f.properties);
    expect(a).toMatchObject({ id: 'C1', row: 0, population: 1500, name_kk: 'Тірек-2', name_ru: 'Опорное-2', name: 'Опорное-2' });
    expect(a.name_en).toBeUndefined();
    expect(b).toMatchObject({ id: 'X9', row: 1, population: null, name: 'X9' });
    expect(fc.features[0].geometry).toEqual({ type: 'Point', coordinates: [71.4, 51.1] });
  });
  it('without names (a synthetic register) labels by id', () => {
    expect(syntheticFeatures(rows, ['S0', 'S1']).features.map((f) => f.properties.name)).toEqual(['S0', 'S1']);
  });
});
