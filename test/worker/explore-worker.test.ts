// The explorer in the worker's model (Node): filter mask and counts, table order, summaries, search in three
// scripts, a support settlement's satellites, and the load-register seam with a fixture register that has districts.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/lib/worker/load.ts';
import type { AtlasModel } from '../../src/lib/worker/model.ts';
import { sortRows } from '../../src/lib/worker/explore.ts';
import { NO_FILTER } from '../../src/lib/engine/explore/filter.ts';
import { RegisterColumns } from '../../src/lib/engine/columns.ts';
import { readRegister } from '../../src/lib/io/formats.ts';
import { preset } from '../../src/lib/engine/config/presets.ts';
import { classesFor } from '../../src/lib/map/classes.ts';
import type { ViewSettings } from '../../src/lib/worker/protocol.ts';
import { CATEGORIES } from '../../src/lib/engine/classify.ts';

let model: AtlasModel;
const view: ViewSettings = { mode: 'category', classing: { method: 'quantile', count: 5, custom: [] } };

beforeAll(async () => {
  model = await loadModel(new Uint8Array(fs.readFileSync('public/data/settlements.fgb')), new Uint8Array(fs.readFileSync('public/data/borders.fgb')), fs.readFileSync('data/example-register-illustrative.csv', 'utf8'));
});

describe('explorer in the worker', () => {
  it('filters: mask, count, legend counts among the kept rows, summaries, table order', () => {
    const all = model.compute(model.defaults(), view);
    expect(all.explore.count).toBe(model.size);
    expect(all.table).not.toBeNull();
    const r = model.compute(model.defaults(), view, { ...NO_FILTER, oblasts: ['KZ-VOS'] }, { key: 'population', desc: true });
    expect(r.stage).toBe('view');
    expect(r.table).toBeNull(); // a filter alone does not resend the columns
    expect(r.explore.count).toBeGreaterThan(0);
    expect(r.explore.count).toBeLessThan(model.size);
    expect(r.filteredCounts.reduce((a, b) => a + b, 0)).toBe(r.explore.count);
    expect(r.explore.order.length).toBe(r.explore.count);
    const pop = all.table!.population;
    const ordered = Array.from(r.explore.order, (i) => pop[i]).filter(Number.isFinite);
    expect(ordered).toEqual([...ordered].sort((a, b) => b - a));
    expect(r.explore.oblasts[0].settlements).toBe(r.explore.count);
  });

  it('takes the legend\'s hidden classes out of the table, the count and the summaries, not out of the legend counts', () => {
    const all = model.compute(model.defaults(), view);
    const r = model.compute(model.defaults(), view, NO_FILTER, { key: 'name', desc: false }, ['other', 'not_in_register']);
    expect(r.filteredCounts).toEqual(all.filteredCounts);
    const keys = ['other', 'not_in_register'].map((k) => classesFor('category').findIndex((c) => c.key === k));
    expect(r.explore.count).toBe(model.size - keys.reduce((a, k) => a + all.filteredCounts[k], 0));
    expect(r.explore.order.length).toBe(r.explore.count);
    expect(r.explore.oblasts[0].settlements).toBe(r.explore.count);
  });

  it('sorts with unknown values last, ties by row', () => {
    const order = sortRows(Uint8Array.of(1, 1, 0, 1, 1), Float64Array.of(3, NaN, 9, 1, 3), false);
    expect(Array.from(order)).toEqual([3, 0, 4, 1]);
    expect(Array.from(sortRows(Uint8Array.of(1, 1, 1), Float64Array.of(1, 2, NaN), true))).toEqual([1, 0, 2]);
  });

  it('finds the same place in Kazakh, Russian, English and Latin transliteration', () => {
    for (const q of ['Zaysan', 'Зайсан', 'Зайсаң', 'zaisan']) expect(model.search(q)[0]?.id).toBe('gn1517060');
    expect(model.search('Қарабұлақ')[0]?.id).toBe(model.search('karabulak')[0]?.id);
  });

  it("lists a support settlement's satellites", () => {
    // the illustrative register's real places lie far apart: satellites appear with a 40 km radius
    model.compute({ ...model.defaults(), satelliteRadiusKm: 10 }, view);
    const r = model.compute({ ...model.defaults(), satelliteRadiusKm: 40 }, view); // categories changed: lines sent
    const links = r.links!;
    expect(links.length).toBeGreaterThan(0);
    let found = 0;
    for (let i = 0; i < model.size; i++) {
      if (!r.support[i]) continue;
      const d = model.detail(i);
      expect(d.cluster).toBeDefined();
      for (const s of d.cluster!.satellites) expect(s.km).toBeLessThanOrEqual(40);
      found += d.cluster!.satellites.length;
    }
    expect(found).toBe(links.length / 4);
  });

  it('takes a register with districts through the load-register seam', async () => {
    const read = await readRegister(new Uint8Array(fs.readFileSync('test/fixtures/register-districts.csv')), 'register-districts.csv', preset('2019'));
    const m = model.withRegister(new RegisterColumns(read.settlements));
    expect(m.hasDistricts()).toBe(true);
    const r = m.compute(m.defaults(), view, { ...NO_FILTER, districts: ['Fixture KZ-VOS 1'] });
    expect(r.explore.count).toBeGreaterThan(0);
    expect(r.explore.districts.find((s) => s.name === 'Fixture KZ-VOS 1')?.settlements).toBe(r.explore.count);
  });

  it('coverage on the embedded data: above 0 in every region with a rural support settlement, at least the support settlements\' own share', () => {
    const r = model.compute(model.defaults(), view);
    const SUPPORT = CATEGORIES.indexOf('support');
    const cols = model.exploreData!.cols;
    const regionsWithSupport = r.explore.oblasts.filter((s) => s.unit >= 0 && s.categoryCount[SUPPORT] > 0);
    expect(regionsWithSupport.length).toBeGreaterThanOrEqual(9); // not a vacuous loop: 9 regions on the embedded data
    for (const s of [r.explore.oblasts[0], ...regionsWithSupport]) {
      // people living in the support settlements themselves, counted here row by row (rural rows only)
      let inSupports = 0;
      for (let i = 0; i < cols.size; i++)
        if ((s.unit === -2 || cols.oblast[i] === s.unit) && !cols.isTown[i] && cols.category[i] === SUPPORT) inSupports += cols.population[i] || 0;
      expect(s.coverage, s.name ?? 'national').toBeGreaterThan(0);
      expect(s.coverage!, s.name ?? 'national').toBeGreaterThanOrEqual(inSupports / s.ruralPopulation);
    }
    // a town is never a support settlement
    for (let i = 0; i < cols.size; i++) if (cols.isTown[i]) expect(cols.category[i] === SUPPORT).toBe(false);
  });
});
