// A chosen network as config (`categories.support.forced_ids`, the Network tab's "apply as a scenario"): the
// listed ids are supports whatever their eligibility, no other row is, and satellites follow the listed ones.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessTable } from '../../src/lib/engine/assess.ts';
import { RegisterColumns } from '../../src/lib/engine/columns.ts';
import { CATEGORIES, CATEGORY_RULES } from '../../src/lib/engine/classify.ts';
import { preset } from '../../src/lib/engine/config/presets.ts';
import { checkMethodology } from '../../src/lib/engine/config/validate.ts';
import type { Settlement } from '../../src/lib/engine/types.ts';
import { bordersFromFgb, placesFromFgb } from '../../src/lib/io/embedded.ts';

const inputs = {
  places: await placesFromFgb(new Uint8Array(fs.readFileSync('public/data/settlements.fgb'))),
  borders: await bordersFromFgb(new Uint8Array(fs.readFileSync('public/data/borders.fgb'))),
};
const place = (id: string, lat: number, lon: number, population: number, centre: boolean): Settlement => ({
  id, name_kk: null, name_ru: null, name_en: null, lat, lon, oblast: 'KZ-KAR', district: null, rural_district: null,
  is_district_centre: centre, is_rural_district_centre: false, population, indicators: {},
});
// inland Karaganda region, far from every border: a district centre, a village 0.05° north of it (5.6 km) and a
// village 0.05° south (5.6 km), and one 1° away (over 100 km from all)
const register = new RegisterColumns([
  place('centre', 50.0, 70.0, 4000, true), place('north', 50.05, 70.0, 300, false),
  place('south', 49.95, 70.0, 200, false), place('far', 51.0, 71.0, 150, false),
]);
const categoryOf = (t: ReturnType<typeof assessTable>) => Array.from(t.classes.category, (c) => CATEGORIES[c]);

describe('forced support ids', () => {
  it('makes exactly the listed ids supports; satellites attach to them', () => {
    const config = preset('2019');
    config.categories.support.forced_ids = ['north'];
    const t = assessTable(register, config, inputs);
    expect(categoryOf(t)).toEqual(['satellite', 'support', 'satellite', 'other']);
    expect(CATEGORY_RULES[t.classes.rule[1]]).toBe('support.forced');
    expect(t.classes.support[0]).toBe(1);
    // centre → north: 0.05° of latitude ≈ 5.56 km; south → north: 0.1° ≈ 11.12 km (within the 2019 radius)
    expect(t.classes.kmToSupport[0]).toBeCloseTo(5.56, 1);
    expect(config.categories.satellite.radius_km).toBeGreaterThanOrEqual(11.2);
    expect(t.classes.kmToSupport[2]).toBeCloseTo(11.12, 1);
  });

  it('an empty list means no supports at all; no list leaves the eligibility rules in charge', () => {
    const none = preset('2019');
    none.categories.support.forced_ids = [];
    expect(categoryOf(assessTable(register, none, inputs))).not.toContain('support');
    const rules = assessTable(register, preset('2019'), inputs);
    // without the list the small villages are never supports (not centres, under the population route)
    expect(categoryOf(rules).slice(1)).not.toContain('support');
  });

  it('validation rejects an empty id and a duplicate', () => {
    const bad = structuredClone(preset('2019')) as unknown as { categories: { support: { forced_ids: string[] } } };
    bad.categories.support.forced_ids = ['a', ''];
    expect(checkMethodology(bad).config).toBeNull();
    bad.categories.support.forced_ids = ['a', 'a'];
    expect(checkMethodology(bad).config).toBeNull();
    bad.categories.support.forced_ids = ['a', 'b'];
    expect(checkMethodology(bad).config?.categories.support.forced_ids).toEqual(['a', 'b']);
  });
});
