// The network's source in the worker: which register rows are rural (the assessment's town class, the one rule),
// and result roles carried from register rows to map rows.
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/lib/engine/classify.ts';
import { mapRowRoles, networkMapClasses, ruralRegisterRows, supportLines } from '../../src/lib/worker/network-source.ts';
import { NETWORK_CLASSES } from '../../src/lib/map/network-classes.ts';

describe('network source', () => {
  // map rows: register rows 2, 0, 1, and an extra place not in the register
  const regIndex = Int32Array.from([2, 0, 1, -1]);

  it("takes the assessment's town class as the one town rule: a town is never in the network", () => {
    const [SUPPORT, SATELLITE, OTHER, TOWN] = ['support', 'satellite', 'other', 'town'].map((c) => CATEGORIES.indexOf(c as never));
    const classes = { category: Uint8Array.from([SUPPORT, TOWN, SATELLITE, OTHER]) } as never;
    expect(Array.from(ruralRegisterRows({ classes }))).toEqual([1, 0, 1, 1]);
  });

  it('maps register roles to map rows, places outside the register are not in the network', () => {
    const role = Uint8Array.from([0, 255, 255, 2]);
    expect(Array.from(mapRowRoles({ role }, regIndex, 255))).toEqual([255, 0, 255, 255]);
  });
});

describe('the suggestion on the map', () => {
  it('classes each map row against the approved supports: kept, new, dropped, covered, uncovered, outside', () => {
    // register rows: 0 approved+suggested, 1 suggested only, 2 approved but a satellite now, 3 satellite,
    // 4 uncovered, 5 approved but uncovered now, 6 a town
    const role = Uint8Array.from([0, 0, 1, 1, 2, 2, 255]);
    const current = Uint8Array.from([1, 0, 1, 0, 0, 1, 0]);
    // map rows: the register rows reversed, then a place outside the register
    const regIndex = Int32Array.from([6, 5, 4, 3, 2, 1, 0, -1]);
    const { codes, counts } = networkMapClasses({ role }, current, regIndex);
    const key = (c: number) => NETWORK_CLASSES[c].key;
    expect(Array.from(codes, key)).toEqual(['net_outside', 'net_dropped', 'net_uncovered', 'net_covered', 'net_dropped', 'net_new', 'net_kept', 'net_outside']);
    expect(counts).toEqual([1, 1, 2, 1, 1, 2]);
  });

  it('gives each suggested support its names and the people it and its satellites hold', () => {
    const result = { supports: Int32Array.from([0, 2]), role: Uint8Array.from([0, 1, 0, 2]), supportRow: Int32Array.from([0, 0, 2, 2]) };
    const names = { name_kk: ['Ақсу', null, 'Көл', null], name_ru: ['Аксу', null, 'Коль', null], name_en: [null, null, 'Kol', null] };
    const lines = supportLines(result, ['a', 'b', 'c', 'd'], [100, 40, 30, 500], Int32Array.from([1, 0, 2, 3]), names);
    // 'a' serves itself and 'b' (140); 'c' only itself (30): the uncovered 'd' counts for no one
    expect(lines).toEqual([
      { id: 'a', mapRow: 1, served: 140, names: { kk: 'Ақсу', ru: 'Аксу', en: null } },
      { id: 'c', mapRow: 2, served: 30, names: { kk: 'Көл', ru: 'Коль', en: 'Kol' } },
    ]);
  });
});

describe('network source on the embedded data and the illustrative register', () => {
  it('is null before the first assessment; after it, a solve answers with supports that are rural register rows', async () => {
    const fs = await import('node:fs');
    const { loadModel } = await import('../../src/lib/worker/load.ts');
    const { networkSourceOf } = await import('../../src/lib/worker/network-source.ts');
    const { solveNetworkRequest } = await import('../../src/lib/worker/network.ts');
    const model = await loadModel(new Uint8Array(fs.readFileSync('public/data/settlements.fgb')), new Uint8Array(fs.readFileSync('public/data/borders.fgb')), fs.readFileSync('data/example-register-illustrative.csv', 'utf8'));
    expect(networkSourceOf(model)).toBeNull();
    model.compute(model.defaults(), { mode: 'category', classing: { method: 'quantile', count: 5, custom: [] } });
    const source = networkSourceOf(model)!;
    expect(source.table).toBe(model.assessed);
    expect(source.rural!.length).toBe(model.register.size);
    const reply = await solveNetworkRequest({ type: 'network-solve', id: 7, problem: { kind: 'mclp', supports: 5 }, candidates: 'all', requiredIds: [], excludedIds: [], radiusKm: 15 }, source);
    expect(reply.type).toBe('network-result');
    if (reply.type !== 'network-result') return;
    expect(reply.id).toBe(7);
    expect(reply.result.supports.length).toBe(5);
    for (const row of reply.result.supports) expect(source.rural![row]).toBe(1);
    // the comparison is with the rural supports of the assessment in force; 5 from the greedy cover at most as the answer
    const { currentRuralSupportIds } = await import('../../src/lib/worker/network-source.ts');
    const c = reply.result.comparison!;
    expect(c.current).toBe(currentRuralSupportIds(source).length);
    expect(c.currentPopulation).toBeGreaterThan(0);
    expect(c.currentPopulation).toBeLessThanOrEqual(reply.result.ruralPopulation);
    if (c.suffice !== null) expect(reply.result.curve[c.suffice - 1]).toBeGreaterThanOrEqual(c.currentPopulation - 1e-6);
    // rural = not classed 'town' by the one rule (the register's 10,000+ places are towns)
    const TOWN = CATEGORIES.indexOf('town');
    expect(Array.from(source.rural!)).toEqual(Array.from(model.assessed!.classes.category, (c) => (c === TOWN ? 0 : 1)));
    expect(source.rural!.includes(0)).toBe(true);
    // the towns of the register are left out of the network
    const towns = source.rural!.reduce((n, x) => n + (x ? 0 : 1), 0);
    expect(reply.result.role.filter((r) => r === 255).length).toBe(towns);
  });
});

describe('a suggestion applied as a scenario', () => {
  it('makes exactly the suggested ids supports and the diff lists the moved rows', async () => {
    const fs = await import('node:fs');
    const { loadModel } = await import('../../src/lib/worker/load.ts');
    const { networkSourceOf } = await import('../../src/lib/worker/network-source.ts');
    const { solveNetworkRequest } = await import('../../src/lib/worker/network.ts');
    const { CATEGORIES } = await import('../../src/lib/engine/classify.ts');
    const model = await loadModel(new Uint8Array(fs.readFileSync('public/data/settlements.fgb')), new Uint8Array(fs.readFileSync('public/data/borders.fgb')), fs.readFileSync('data/example-register-illustrative.csv', 'utf8'));
    const view = { mode: 'category' as const, classing: { method: 'quantile' as const, count: 5, custom: [] } };
    model.compute(model.defaults(), view);
    const reply = await solveNetworkRequest({ type: 'network-solve', id: 1, problem: { kind: 'mclp', supports: 4 }, candidates: 'all', requiredIds: [], excludedIds: [], radiusKm: null }, networkSourceOf(model)!);
    if (reply.type !== 'network-result') throw new Error(reply.type);
    const ids = Array.from(reply.result.supports, (r) => model.register.ids[r]);
    const applied = model.compute({ ...model.defaults(), forcedSupportIds: ids }, view);
    const support = CATEGORIES.indexOf('support');
    const supportIds = model.register.ids.filter((_, r) => model.assessed!.classes.category[r] === support);
    expect(supportIds.sort()).toEqual([...ids].sort());
    expect(applied.stage).toBe('assess');
    expect(applied.diff!.rows.length).toBeGreaterThan(0);
    // every changed row's category moved or its potential did; at least one category moved
    const moved = Array.from(applied.diff!.rows, (_, k) => (applied.diff!.from[k] >> 4) !== (applied.diff!.to[k] >> 4));
    expect(moved).toContain(true);
  });
});

describe('support lines', () => {
  it('sums each support with its satellites, not the uncovered; finds the map row', async () => {
    const { supportLines } = await import('../../src/lib/worker/network-source.ts');
    // rows: 0 support, 1 satellite of 0, 2 support, 3 uncovered (nearest 2), 4 town
    const result = { supports: Int32Array.from([0, 2]), role: Uint8Array.from([0, 1, 0, 2, 255]), supportRow: Int32Array.from([0, 0, 2, 2, -1]) };
    const lines = supportLines(result, ['a', 'b', 'c', 'd', 'e'], [100, 50, 30, 7, 20000], Int32Array.from([-1, 2, 0]));
    const none = { kk: null, ru: null, en: null };
    expect(lines).toEqual([{ id: 'a', mapRow: 2, served: 150, names: none }, { id: 'c', mapRow: 1, served: 30, names: none }]);
  });
});

describe('current rural supports', () => {
  it('lists the assessment supports that are rural, by register id', async () => {
    const { currentRuralSupportIds } = await import('../../src/lib/worker/network-source.ts');
    const { CATEGORIES } = await import('../../src/lib/engine/classify.ts');
    const s = CATEGORIES.indexOf('support'), sat = CATEGORIES.indexOf('satellite');
    const table = { register: { size: 3, ids: ['a', 'b', 'c'] }, classes: { category: Uint8Array.from([s, s, sat]) } };
    // b is a town: not kept
    expect(currentRuralSupportIds({ table, rural: Uint8Array.from([1, 0, 1]) } as never)).toEqual(['a']);
  });
});
