// The suggestion as GeoJSON: every rural settlement with its role, support, km and (for a support) the people it
// serves; towns left out; the parameters as a top-level member. Hand-made register of 5 rows.
import { describe, expect, it } from 'vitest';
import { networkGeoJson } from '../../src/lib/worker/network-geojson.ts';

describe('network GeoJSON', () => {
  // rows: 0 support 'a' (100), 1 satellite of 'a' at 8.5 km (40), 2 support 'c' (30), 3 uncovered, nearest 'c'
  // at 21.456 km (7), 4 a town
  const register = {
    size: 5, ids: ['a', 'b', 'c', 'd', 'e'],
    lon: [70, 70.1, 71, 71.3, 72], lat: [48, 48.05, 49, 49.1, 50], population: [100, 40, 30, 7, 20000],
    texts: { name_kk: ['Ақсу', null, null, null, 'Қала'], name_ru: ['Аксу', 'Берёзовка', null, null, 'Город'], name_en: [null, null, null, null, 'Town'] },
  };
  const result = {
    role: Uint8Array.from([0, 1, 0, 2, 255]), supportRow: Int32Array.from([0, 0, 2, 2, -1]),
    km: Float64Array.from([0, 8.5, 0, 21.456, NaN]),
  };
  const parameters = { problem: 'mclp', supports: 2, radius_km: 15, covered_population: 170, rural_population: 177 };

  it('writes a point per rural settlement with role, support, km and people served', () => {
    const fc = JSON.parse(networkGeoJson(result, register, parameters, 'en'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.parameters).toEqual(parameters);
    expect(fc.features.map((f: any) => f.properties)).toEqual([
      { id: 'a', name: 'Аксу', role: 'support', support_id: 'a', km: 0, population: 100, people_served: 140 },
      { id: 'b', name: 'Берёзовка', role: 'satellite', support_id: 'a', km: 8.5, population: 40, people_served: null },
      { id: 'c', name: null, role: 'support', support_id: 'c', km: 0, population: 30, people_served: 30 },
      { id: 'd', name: null, role: 'uncovered', support_id: 'c', km: 21.46, population: 7, people_served: null },
    ]);
    expect(fc.features[1].geometry).toEqual({ type: 'Point', coordinates: [70.1, 48.05] });
  });

  it('names in the UI language first', () => {
    const kk = JSON.parse(networkGeoJson(result, register, parameters, 'kk'));
    expect(kk.features[0].properties.name).toBe('Ақсу');
  });

  it('refuses a suggestion of another register', () => {
    expect(() => networkGeoJson(result, { ...register, size: 6 }, parameters, 'en')).toThrow(/solve again/);
  });
});
