// The scenario in the worker's model: a full config replaces the preset, the diff against the baseline (the preset
// as loaded) lists the rows that change, coverage before and after, and the border review per unit.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/lib/worker/load.ts';
import type { AtlasModel } from '../../src/lib/worker/model.ts';
import { preset } from '../../src/lib/engine/config/presets.ts';
import { CATEGORIES } from '../../src/lib/engine/classify.ts';
import type { ViewSettings } from '../../src/lib/worker/protocol.ts';
import { DistrictLayer, type District } from '../../src/lib/engine/geo/districts.ts';

let model: AtlasModel;
const view: ViewSettings = { mode: 'category', classing: { method: 'quantile', count: 5, custom: [] } };

beforeAll(async () => {
  model = await loadModel(new Uint8Array(fs.readFileSync('public/data/settlements.fgb')), new Uint8Array(fs.readFileSync('public/data/borders.fgb')), fs.readFileSync('data/example-register-illustrative.csv', 'utf8'));
});

describe('scenario diff', () => {
  it('the baseline has no changes; a scenario config lists its changed rows with from → to', () => {
    const s = model.defaults();
    const base = model.compute(s, view);
    expect(base.diff!.rows.length).toBe(0);
    const total = base.diff!.category.flat().reduce((a, b) => a + b, 0);
    // the 195 register rows, and the towns outside the register (classed 'town' by the one rule, town → town)
    const towns = model.exploreData!.cols.isTown;
    const townsOutside = Array.from(model.regIndex).filter((r, i) => r < 0 && towns[i]).length;
    expect(townsOutside).toBeGreaterThan(0);
    expect(total).toBe(195 + townsOutside);
    const town = CATEGORIES.indexOf('town');
    expect(base.diff!.category[town][town]).toBeGreaterThanOrEqual(townsOutside);
    const config = structuredClone(preset('2019'));
    // the illustrative register's real places lie far apart: none is a satellite at 15 km, some are at 40 km
    config.categories.satellite.radius_km = 40;
    const r = model.compute({ ...s, config }, view);
    const d = r.diff!;
    expect(d.rows.length).toBeGreaterThan(0);
    const sat = CATEGORIES.indexOf('satellite');
    // more satellites at 40 km: someone enters "satellite"
    expect(d.category.reduce((a, row) => a + row[sat], 0) - d.category[sat][sat]).toBeGreaterThan(0);
    for (let k = 0; k < d.rows.length; k++) expect(d.from[k]).not.toBe(d.to[k]);
    const nat = d.coverage.oblasts[0];
    expect(nat.name).toBeNull();
    expect(nat.after!).toBeGreaterThan(nat.before!);
  });

  it('shows only the changed rows when asked', () => {
    const config = structuredClone(preset('2019'));
    config.categories.satellite.radius_km = 5;
    config.categories.satellite.radius_km = 6;
    const all = model.compute({ ...model.defaults(), config }, view);
    const only = model.compute({ ...model.defaults(), config }, view, undefined, undefined, [], true);
    expect(only.explore.count).toBe(all.diff!.rows.length);
    expect(only.explore.count).toBeLessThan(all.explore.count);
  });

  it('reviews the border areas by oblast within the band without a district layer', () => {
    model.compute(model.defaults(), view);
    const review = model.borderReview('CN');
    expect(review.byDistrict).toBe(false);
    expect(review.units.length).toBeGreaterThan(0);
    expect(review.bandKm).toBe(50);
    // only the settlements within the band are counted: all fall in 0–10, 10–25 or 25–50 km
    for (const u of review.units) expect(u.bandCount.reduce((a, b) => a + b, 0)).toBe(u.settlements);
  });

  it('with a district layer: rows by point in polygon, every district of the layer on the border listed, 0 where empty', () => {
    const box = (id: string, w: number, sth: number, e: number, n: number): District => ({
      id, name: id, bbox: [w, sth, e, n], polygons: [[[[w, sth], [e, sth], [e, n], [w, n], [w, sth]]]],
    });
    // a point on the China border line: the empty district sits on it
    const cn = model.inputs.borders.lines.get('CN')!.parts[0];
    const [bx, by] = cn[Math.floor(cn.length / 2)];
    // Zaysan's basin (on the border, with places), a sliver on the border with no place, and Astana (not on it)
    const zaysan = box('Zaysan box', 83.5, 47.0, 86.0, 48.2);
    const layer = new DistrictLayer([zaysan, box('Empty border sliver', bx - 0.01, by - 0.01, bx + 0.01, by + 0.01), box('Astana box', 71.0, 50.9, 71.8, 51.4)]);
    const m = model.withDistricts(layer);
    m.compute(m.defaults(), view);
    const review = m.borderReview('CN');
    expect(review.byDistrict).toBe(true);
    expect(review.units.map((u) => u.name).sort()).toEqual(['Empty border sliver', 'Zaysan box']);
    const empty = review.units.find((u) => u.name === 'Empty border sliver')!;
    expect(empty).toMatchObject({ settlements: 0, population: 0, strategicCount: 0 });
    expect(empty.bbox).toEqual([bx - 0.01, by - 0.01, bx + 0.01, by + 0.01]);
    // the rows of the Zaysan box counted here by the box itself, not by any district text
    const inBox = Array.from({ length: m.size }, (_, i) => i).filter((i) => m.map.lon[i] > 83.5 && m.map.lon[i] < 86.0 && m.map.lat[i] > 47.0 && m.map.lat[i] < 48.2);
    expect(inBox.length).toBeGreaterThan(0);
    expect(review.units.find((u) => u.name === 'Zaysan box')!.settlements).toBe(inBox.length);
  });
});
