// Town or rural by one rule (engine/settlement-kind.ts), the classification that keeps towns out of the rural
// categories, and the coverage of a small hand-made register counted by hand.
import { describe, expect, it } from 'vitest';
import { isTown, TOWN_POPULATION } from '../../src/lib/engine/settlement-kind.ts';
import { preset } from '../../src/lib/engine/config/presets.ts';
import { reassessTable, assessmentRecords } from '../../src/lib/engine/assess.ts';
import { RegisterColumns } from '../../src/lib/engine/columns.ts';
import { geoTableFromRecords } from '../../src/lib/engine/geo/geospatial.ts';
import { CATEGORIES } from '../../src/lib/engine/classify.ts';
import { summarise } from '../../src/lib/engine/explore/summary.ts';
import { NO_CODE } from '../../src/lib/engine/explore/columns.ts';
import type { Geospatial, Settlement } from '../../src/lib/engine/types.ts';

describe('the town rule', () => {
  it('reads the KATO type first, then the capital / regional seat, then the population threshold', () => {
    // KATO type 1 is a town even without a population (the national list has none); 2 and 3 are rural at any size
    expect(isTown({ featureCode: null, population: null, katoType: '1' })).toBe(true);
    expect(isTown({ featureCode: 'PPLA', population: 50_000, katoType: '2' })).toBe(false);
    expect(isTown({ featureCode: null, population: 12_000, katoType: '3' })).toBe(false);
    // without a KATO type: the capital and regional seats whatever their size
    expect(isTown({ featureCode: 'PPLC', population: null })).toBe(true);
    expect(isTown({ featureCode: 'PPLA', population: 9_000 })).toBe(true);
    // a district seat that is a village is rural (Астраханка); a district seat of 10,000 and more is a town
    expect(isTown({ featureCode: 'PPLA2', population: 7_000 })).toBe(false);
    expect(isTown({ featureCode: 'PPLA2', population: 10_000 })).toBe(true);
    expect(isTown({ featureCode: 'PPL', population: 9_999 })).toBe(false);
    expect(isTown({ featureCode: 'PPL', population: NaN })).toBe(false);
    // the threshold is a parameter (assumed, shown)
    expect(isTown({ featureCode: 'PPL', population: 9_999 }, 5_000)).toBe(true);
    expect(TOWN_POPULATION).toMatchObject({ value: 10_000, status: 'assumed' });
  });
});

const place = (id: string, lon: number, lat: number, population: number | null, over: Partial<Settlement> = {}): Settlement => ({
  id, name_kk: null, name_ru: id, name_en: null, lat, lon, oblast: 'KZ-AKM', district: null, rural_district: null,
  is_district_centre: false, is_rural_district_centre: false, population, indicators: {}, ...over,
});
const geo = (over: Partial<Geospatial> = {}): Geospatial => ({
  towns: {}, km_to_town: null, nearest_town: null, nearest_town_tier: null, km_to_border: 500, nearest_border: 'RU',
  km_to_china: 900, km_to_russia: 500, district_id: null, district_name: null, border_status: 'interior', ...over,
});

describe('towns outside the rural programme', () => {
  // [settlement, geography, GeoNames feature code, KATO type]
  const rows: [Settlement, Geospatial, string | null, string | null][] = [
    [place('Kokshetau', 73.0, 52.0, 150_000, { is_district_centre: true }), geo(), 'PPLA', null], // town: regional seat
    [place('Stepnogorsk', 72.0, 50.0, 45_000, { is_district_centre: true }), geo(), 'PPLA2', null], // town: 45,000 ≥ 10,000
    [place('near-Stepnogorsk', 72.05, 50.0, 600), geo(), 'PPL', null], // 3.6 km from a town: no rural support → other
    [place('Astrakhanka', 70.0, 50.0, 7_000, { is_district_centre: true }), geo(), 'PPLA2', null], // district-seat village: rural support
    [place('s1', 70.05, 50.0, 800), geo(), 'PPL', null], // 3.6 km from Astrakhanka
    [place('s2', 70.1, 50.0, 400), geo(), 'PPL', null], // 7.2 km from Astrakhanka
    [place('rural-centre', 71.0, 50.0, 1_500, { is_rural_district_centre: true }), geo(), 'PPL', null], // rural support
    [place('s3', 71.05, 50.0, 300), geo(), 'PPL', null], // 3.6 km from rural-centre
    [place('lone', 75.0, 48.0, 1_000), geo(), 'PPL', null], // other
    // the national list says town (KATO 1) for a border city without a population: a town, not strategic
    [place('Semey', 80.2, 50.4, null), geo({ km_to_border: 30, nearest_border: 'CN', km_to_china: 30, border_status: 'border_zone' }), null, '1'],
    // the national list says rural (KATO 2) for a big village: rural although above 10,000
    [place('big-village', 76.0, 48.0, 12_000), geo(), null, '2'],
  ];
  const config = structuredClone(preset('2019'));
  // any potential, even without indicator data (outside the schema's choices, on purpose): the rule under test is the kind
  (config.categories.support as { min_potential: string }).min_potential = 'insufficient_data';
  config.categories.satellite.radius_km = 10;
  const register = new RegisterColumns(rows.map((r) => r[0]));
  const town = Uint8Array.from(rows, ([s, , code, kato]) => (isTown({ featureCode: code, population: s.population, katoType: kato }) ? 1 : 0));
  const table = reassessTable(register, geoTableFromRecords(rows.map((r) => r[1])), config, town);
  const by = Object.fromEntries(assessmentRecords(table).map((a) => [a.settlement.id, a]));

  it('classes towns as towns, never support, satellite or strategic; a district-seat village is a support', () => {
    expect(Array.from(town)).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    for (const id of ['Kokshetau', 'Stepnogorsk', 'Semey']) expect(by[id]).toMatchObject({ category: 'town', category_rule: 'town' });
    expect(by.Semey.category_reason).toContain('outside the rural programme');
    expect(by.Astrakhanka).toMatchObject({ category: 'support', category_rule: 'support.district_centre' });
    expect(by['rural-centre']).toMatchObject({ category: 'support', category_rule: 'support.rural_district_centre' });
    expect(by.s1).toMatchObject({ category: 'satellite', support_id: 'Astrakhanka' });
    expect(by.s2).toMatchObject({ category: 'satellite', support_id: 'Astrakhanka' });
    expect(by.s3).toMatchObject({ category: 'satellite', support_id: 'rural-centre' });
    // a town is no support: the village beside it is nobody's satellite
    expect(by['near-Stepnogorsk'].category).toBe('other');
    expect(by.lone.category).toBe('other');
    expect(by['big-village'].category).toBe('other');
  });

  it('counts coverage over rural people only, by hand', () => {
    const n = rows.length;
    const cols = {
      size: n, category: table.classes.category, potential: new Uint8Array(n).fill(NO_CODE), borderStatus: new Uint8Array(n),
      scorePercent: new Float64Array(n).fill(NaN), population: Float64Array.from(rows, (r) => r[0].population ?? NaN), isTown: town,
      oblast: new Int32Array(n), oblasts: ['KZ-AKM'], district: new Int32Array(n).fill(-1), districts: [],
    };
    const [all] = summarise(cols, 'oblast');
    // towns: Kokshetau, Stepnogorsk, Semey; rural: 8 places
    expect(all).toMatchObject({ settlements: 11, towns: 3, rural: 8 });
    // rural people: 600 + 7,000 + 800 + 400 + 1,500 + 300 + 1,000 + 12,000 = 23,600
    expect(all.ruralPopulation).toBe(23_600);
    // in supports and their satellites: 7,000 + 800 + 400 + 1,500 + 300 = 10,000
    expect(all.coverage).toBeCloseTo(10_000 / 23_600, 12);
    // at least the share living in the support settlements themselves: (7,000 + 1,500) / 23,600
    expect(all.coverage!).toBeGreaterThanOrEqual(8_500 / 23_600);
    // the town class counts the towns, apart from the rural categories
    expect(all.categoryCount[CATEGORIES.indexOf('town')]).toBe(3);
    expect(all.categoryCount[CATEGORIES.indexOf('support')]).toBe(2);
    expect(all.categoryCount[CATEGORIES.indexOf('satellite')]).toBe(3);
  });
});
