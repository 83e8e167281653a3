// The worker's model in Node, on the embedded data and the illustrative register.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/lib/worker/load.ts';
import type { AtlasModel } from '../../src/lib/worker/model.ts';
import { classesFor } from '../../src/lib/map/classes.ts';
import type { ViewSettings } from '../../src/lib/worker/protocol.ts';

let model: AtlasModel;
const view = (mode: ViewSettings['mode'], method: ViewSettings['classing']['method'] = 'quantile', count = 5): ViewSettings => ({ mode, classing: { method, count, custom: [20, 40] } });

beforeAll(async () => {
  model = await loadModel(new Uint8Array(fs.readFileSync('public/data/settlements.fgb')), new Uint8Array(fs.readFileSync('public/data/borders.fgb')), fs.readFileSync('data/example-register-illustrative.csv', 'utf8'));
});

describe('worker model', () => {
  it('runs the stages a change touches, and no more', () => {
    const s = model.defaults();
    expect(model.compute(s, view('category')).stage).toBe('geo');
    expect(model.compute(s, view('potential')).stage).toBe('view');
    expect(model.compute({ ...s, satelliteRadiusKm: 30 }, view('potential')).stage).toBe('assess');
    expect(model.compute({ ...s, satelliteRadiusKm: 30, blockPoints: { ...s.blockPoints, demography: 40 } }, view('potential')).stage).toBe('assess');
    expect(model.compute({ ...s, borderKm: 100 }, view('potential')).stage).toBe('geo');
  });

  it('codes every map row into a class of the mode, with counts that add up', () => {
    const s = model.defaults();
    for (const mode of ['category', 'potential', 'score_total', 'score_economy', 'border_status', 'place_type'] as const) {
      const r = model.compute(s, view(mode));
      expect(r.codes.length).toBe(model.size);
      expect(r.counts.reduce((a, b) => a + b, 0)).toBe(model.size);
      expect(r.counts.length).toBe(classesFor(mode, r.breaks).length);
    }
    const cat = model.compute(s, view('category'));
    const keys = classesFor('category').map((c) => c.key);
    // rows outside the 195-row register: towns show as towns (engine/settlement-kind.ts), the rest 'not in the register'
    const towns = model.exploreData!.cols.isTown;
    const townsOutside = Array.from(model.regIndex).filter((r, i) => r < 0 && towns[i]).length;
    expect(townsOutside).toBeGreaterThan(0);
    expect(cat.counts[keys.indexOf('not_in_register')]).toBe(model.size - 195 - townsOutside);
    expect(cat.counts[keys.indexOf('town')]).toBe(towns.reduce((a, b) => a + b, 0));
    expect(cat.counts[keys.indexOf('support')]).toBe(cat.support.reduce((a, b) => a + b, 0));
    const custom = model.compute(s, view('score_total', 'custom'));
    expect(custom.breaks).toEqual([20, 40]);
  });

  it('explains a satellite by its support settlement and distance', () => {
    // the illustrative register's real places lie far apart: at the default 15 km none is a satellite
    const s = { ...model.defaults(), satelliteRadiusKm: 40 };
    const r = model.compute(s, view('category'));
    const row = r.codes.findIndex((c) => c === 1); // satellite
    expect(row).toBeGreaterThanOrEqual(0);
    const d = model.detail(row);
    expect(d.rule!.code).toBe('satellite');
    expect(d.rule!.params.km).toBeGreaterThan(0);
    expect(d.rule!.params.support!.ru).toBeTruthy();
    expect(d.blocks.map((b) => b.id)).toEqual(['demography', 'infrastructure', 'economy', 'geospatial']);
    expect(d.defaults.some((x) => x.status === 'assumed')).toBe(true);
  });
});

describe('worker model on a synthetic register', () => {
  it('generates seeded rows that are both the map rows and the register, and codes them all', async () => {
    const read = () => loadModel(new Uint8Array(fs.readFileSync('public/data/settlements.fgb')), new Uint8Array(fs.readFileSync('public/data/borders.fgb')), '', 3000);
    const [a, b] = [await read(), await read()];
    expect(a.synthetic).toBe(true);
    expect(a.size).toBe(3000);
    expect(a.map).toBe(a.register);
    expect(Array.from(a.map.lon.slice(0, 50))).toEqual(Array.from(b.map.lon.slice(0, 50)));
    const r = a.compute(a.defaults(), view('category'));
    const keys = classesFor('category').map((c) => c.key);
    expect(r.counts[keys.indexOf('not_in_register')]).toBe(0);
    expect(r.counts.reduce((x, y) => x + y, 0)).toBe(3000);
  });

  it('describes a place outside the register by its geography only', () => {
    const s = model.defaults();
    const r = model.compute(s, view('category'));
    const row = r.codes.findIndex((c) => c === classesFor('category').findIndex((x) => x.key === 'not_in_register'));
    const d = model.detail(row);
    expect(d.inRegister).toBe(false);
    expect(d.rule).toBeNull();
    expect(d.kmChina).toBeGreaterThan(0);
    expect(d.towns.length).toBeGreaterThan(0);
  });
});
