// The town threshold (places without a KATO type) as a setting of the worker's model: raising it turns a town back
// into a rural settlement, which re-runs the classification, the summaries and the coverage (counted by hand), the
// baseline keeps its own threshold, and the value in force is the one the panel and the export parameters show.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AtlasModel } from '../../src/lib/worker/model.ts';
import { RegisterColumns } from '../../src/lib/engine/columns.ts';
import { preset } from '../../src/lib/engine/config/presets.ts';
import { bordersFromFgb } from '../../src/lib/io/embedded.ts';
import { CATEGORIES } from '../../src/lib/engine/classify.ts';
import { buildExport } from '../../src/lib/worker/export.ts';
import { NO_FILTER } from '../../src/lib/engine/explore/filter.ts';
import { townFlags } from '../../src/lib/worker/explore-view.ts';
import { checkMethodology } from '../../src/lib/engine/config/validate.ts';
import type { Settlement } from '../../src/lib/engine/types.ts';
import type { Settings, ViewSettings } from '../../src/lib/worker/protocol.ts';

const place = (id: string, lon: number, lat: number, population: number, over: Partial<Settlement> = {}): Settlement => ({
  id, name_kk: null, name_ru: id, name_en: id, lat, lon, oblast: 'KZ-KAR', district: null, rural_district: null,
  is_district_centre: false, is_rural_district_centre: false, population, indicators: {}, ...over,
});

// Central Kazakhstan, far (> 300 km) from every border: no strategic settlement. 0.05° of longitude at 50° N ≈ 3.6 km.
const rows: [Settlement, string | null][] = [
  [place('Big', 70.0, 50.0, 12_000, { is_district_centre: true }), 'PPLA2'], // a town at 10,000; a rural district seat at 15,000
  [place('v1', 70.05, 50.0, 800), 'PPL'], // 3.6 km from Big
  [place('v2', 70.1, 50.0, 400), 'PPL'], // 7.2 km from Big
  [place('Centre', 72.0, 50.0, 1_500, { is_rural_district_centre: true }), 'PPL'], // a rural support either way
  [place('s3', 72.05, 50.0, 300), 'PPL'], // 3.6 km from Centre
  [place('lone', 74.0, 49.0, 1_000), 'PPL'], // nobody's satellite: other
];

const view: ViewSettings = { mode: 'category', classing: { method: 'quantile', count: 5, custom: [] } };
let model: AtlasModel;
let defaults: Settings;

beforeAll(async () => {
  const base = structuredClone(preset('2019'));
  // any potential qualifies (the rows carry no indicator data; outside the schema's choices, on purpose): the rule
  // under test is town or rural, not the score
  (base.categories.support as { min_potential: string }).min_potential = 'insufficient_data';
  base.categories.satellite.radius_km = 10;
  const register = new RegisterColumns(rows.map((r) => r[0]));
  const borders = await bordersFromFgb(new Uint8Array(fs.readFileSync('public/data/borders.fgb')));
  model = new AtlasModel(register, register, Int32Array.from(rows, (_, i) => i), { places: [], borders }, rows.map((r) => r[1]), false, base);
  defaults = model.defaults();
});

const categoryOf = (r: ReturnType<AtlasModel['compute']>, id: string) => CATEGORIES[model.exploreData!.cols.category[model.map.ids.indexOf(id)]];

describe('the town threshold in the worker model', () => {
  it('defaults to 10,000 people (assumed), carried in the settings', () => {
    expect(defaults.townPopulation).toBe(10_000);
    const r = model.compute(defaults, view);
    expect(categoryOf(r, 'Big')).toBe('town');
    expect(categoryOf(r, 'v1')).toBe('other');
    const [all] = r.explore.oblasts;
    // towns: Big; rural people: 800 + 400 + 1,500 + 300 + 1,000 = 4,000; covered: Centre 1,500 + s3 300 = 1,800
    expect(all).toMatchObject({ settlements: 6, towns: 1, rural: 5, ruralPopulation: 4_000 });
    expect(all.coverage).toBeCloseTo(1_800 / 4_000, 12);
  });

  it('raising it to 15,000 makes Big a rural district seat (a support with two satellites): coverage as counted by hand', () => {
    const r = model.compute({ ...defaults, townPopulation: 15_000 }, view);
    expect(r.stage).toBe('assess');
    expect(categoryOf(r, 'Big')).toBe('support');
    expect(categoryOf(r, 'v1')).toBe('satellite');
    expect(categoryOf(r, 'v2')).toBe('satellite');
    const [all] = r.explore.oblasts;
    // rural people: 12,000 + 4,000 = 16,000; covered: 12,000 + 800 + 400 + 1,500 + 300 = 15,000
    expect(all).toMatchObject({ towns: 0, rural: 6, ruralPopulation: 16_000 });
    expect(all.coverage).toBeCloseTo(15_000 / 16_000, 12);
    expect(all.categoryCount[CATEGORIES.indexOf('town')]).toBe(0);
    expect(all.categoryCount[CATEGORIES.indexOf('support')]).toBe(2);
    // the diff against the baseline (10,000): Big moves town → support, v1 and v2 other → satellite; coverage
    // before is the baseline's with its own towns
    const d = r.diff!;
    expect(d.category[CATEGORIES.indexOf('town')][CATEGORIES.indexOf('support')]).toBe(1);
    expect(d.category[CATEGORIES.indexOf('other')][CATEGORIES.indexOf('satellite')]).toBe(2);
    expect(d.coverage.oblasts[0].before).toBeCloseTo(1_800 / 4_000, 12);
    expect(d.coverage.oblasts[0].after).toBeCloseTo(15_000 / 16_000, 12);
    // the panel's rule and defaults show the value in force
    const big = model.detail(model.map.ids.indexOf('Big'));
    expect(big.defaults.find((x) => x.key === 'town')).toMatchObject({ status: 'assumed', values: [15_000] });
  });

  it('back at 10,000 the town returns (the cached flags key on the threshold)', () => {
    model.compute({ ...defaults, townPopulation: 15_000 }, view);
    expect(townFlags(model, 15_000).map[0]).toBe(0);
    const r = model.compute(defaults, view);
    expect(categoryOf(r, 'Big')).toBe('town');
    expect(townFlags(model, 10_000).map[0]).toBe(1);
    expect(r.explore.oblasts[0].coverage).toBeCloseTo(1_800 / 4_000, 12);
  });

  it('a scenario carries it in its methodology (categories.town); the export parameters write the value in force', () => {
    const config = structuredClone(model.base);
    config.categories.town.min_population = 15_000;
    const r = model.compute({ ...defaults, config }, view);
    expect(categoryOf(r, 'Big')).toBe('support');
    expect(r.explore.oblasts[0].coverage).toBeCloseTo(15_000 / 16_000, 12);
    const [, params] = buildExport(model, {
      kind: 'csv', settings: { ...defaults, config }, view, filter: NO_FILTER, sort: { key: 'population', desc: true }, hidden: [],
      csv: { delimiter: ',', decimalComma: false, codes: true }, context: { date: '2026-12-05T18:00:00.000Z', lang: 'en', dataSource: 'test' },
    });
    const p = JSON.parse(new TextDecoder().decode(params.bytes));
    expect(p.settings.town_rule).toMatchObject({ town_min_population: 15_000, status: 'assumed' });
    expect(p.methodology.categories.town.min_population).toBe(15_000);
  });

  it('a scenario file without the threshold (saved before it existed) reads back with the default', () => {
    const old = structuredClone(preset('2019')) as unknown as { categories: Record<string, unknown> };
    delete old.categories.town;
    const { config, problems } = checkMethodology(old);
    expect(problems).toEqual([]);
    expect(config!.categories.town).toMatchObject({ min_population: 10_000, status: 'assumed' });
    const negative = structuredClone(preset('2019'));
    negative.categories.town.min_population = -1;
    expect(checkMethodology(negative).problems.map((p) => p.path)).toEqual(['categories.town.min_population']);
  });
});
