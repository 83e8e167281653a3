// Scenarios without a browser: block weights keep their total and a valid config; scenario files are read back
// through the config schema (refused with paths when invalid); coverage matches a hand count on a small register.
import { describe, expect, it } from 'vitest';
import { preset } from '../../src/lib/engine/config/presets.ts';
import { checkMethodology } from '../../src/lib/engine/config/validate.ts';
import { rebalance, scoredTotal } from '../../src/lib/ui/decide/weights.ts';
import { readScenario, scenarioFile, writeScenario } from '../../src/lib/ui/decide/scenario-file.ts';
import { encodeScenario, decodeScenario, MAX_SCENARIO_URL } from '../../src/lib/ui/decide/scenario-url.ts';
import { parse, serialise } from '../../src/lib/ui/url-state.ts';
import { problemText } from '../../src/lib/ui/decide/problem-text.ts';
import { summarise } from '../../src/lib/engine/explore/summary.ts';
import { CATEGORIES } from '../../src/lib/engine/classify.ts';
import type { ExploreColumns } from '../../src/lib/engine/explore/columns.ts';

describe('block weights', () => {
  it('keep the total at 100, share the rest in proportion, and stay valid', () => {
    const c = structuredClone(preset('2019'));
    expect(scoredTotal(c)).toBe(100);
    rebalance(c, 'demography', 80, 100);
    expect(c.blocks.filter((b) => b.scored).map((b) => b.max_points)).toEqual([80, 12, 8]);
    expect(checkMethodology(c).problems).toEqual([]);
    rebalance(c, 'economy', 0, 100);
    expect(scoredTotal(c)).toBeCloseTo(100, 9);
    expect(checkMethodology(c).problems).toEqual([]);
    rebalance(c, 'economy', 30, 100);
    expect(c.blocks.find((b) => b.id === 'economy')!.max_points).toBe(30);
    expect(checkMethodology(c).problems).toEqual([]);
    const c25 = structuredClone(preset('2025'));
    rebalance(c25, 'geospatial', 40, scoredTotal(c25));
    expect(scoredTotal(c25)).toBeCloseTo(100, 9);
    expect(checkMethodology(c25).problems).toEqual([]);
  });
});

describe('scenario files', () => {
  it('round-trip through JSON', () => {
    const c = structuredClone(preset('2025'));
    c.categories.satellite.radius_km = 12;
    const { scenario, problems } = readScenario(writeScenario(scenarioFile('Radius 12', '2025', c)));
    expect(problems).toEqual([]);
    expect(scenario!.config).toEqual(c);
    expect(scenario!.name).toBe('Radius 12');
  });

  it('are refused with every problem and its path, worded in the UI language', () => {
    const c = structuredClone(preset('2019')) as any;
    c.potential.medium = 80;
    c.potential.high = 50;
    const r = readScenario(JSON.stringify(scenarioFile('bad', '2019', c)));
    expect(r.scenario).toBeNull();
    expect(r.problems.map((p) => p.path)).toContain('config.potential.medium');
    expect(problemText('ru', r.problems[0])).toMatch(/порог «средний» выше/);
    const linear = c.indicators.findIndex((i: any) => i.rule.type === 'linear');
    c.potential.medium = 30;
    [c.indicators[linear].rule.zero, c.indicators[linear].rule.full] = [c.indicators[linear].rule.full, c.indicators[linear].rule.zero];
    const inv = checkMethodology(c);
    expect(inv.config).toBeNull();
    expect(problemText('kk', inv.problems[0], c)).toContain('шек бағытына қарама-қайшы');
    expect(readScenario('{').problems[0].path).toBe('(file)');
    expect(readScenario(JSON.stringify({ format: 'other', version: 1, name: 'x', preset: '2019', config: {} })).problems[0].path).toBe('format');
    const schema = readScenario(JSON.stringify({ ...scenarioFile('x', '2019', preset('2019')), config: { ...preset('2019'), blocks: 'no' } }));
    expect(schema.problems.some((p) => p.path === 'config.blocks')).toBe(true);
  });
});

describe('scenario in the URL', () => {
  it('carries the leaves that differ from the preset, and reads back the same config', () => {
    const c = structuredClone(preset('2019'));
    rebalance(c, 'demography', 80, 100);
    c.categories.satellite.region_overrides['KZ-ALM'] = 20;
    const value = encodeScenario('Demography 80', '2019', c)!;
    expect(value.length).toBeLessThanOrEqual(MAX_SCENARIO_URL);
    const hash = serialise({ lang: 'en', scenario: value });
    const back = parse(hash);
    expect(back.invalid).toEqual([]);
    const s = decodeScenario(back.state.scenario!)!;
    expect(s.name).toBe('Demography 80');
    expect(s.config).toEqual(c);
    expect(decodeScenario('AAAA')).toBeNull();
    expect(parse('#scn=not*valid').invalid).toEqual(['scn=not*valid']);
  });
});

describe('coverage', () => {
  it('matches a hand count on a small register', () => {
    const [S, SAT, STR, O] = ['support', 'satellite', 'strategic', 'other'].map((c) => CATEGORIES.indexOf(c as never));
    // five rural rows and one town: covered = 1,000 (support) + 400 (satellite) + 100 (satellite) of 1,000 + 400 + 100 + 300 + 200
    const c: ExploreColumns = {
      size: 6,
      category: Uint8Array.from([S, SAT, SAT, STR, O, S]),
      potential: Uint8Array.from([3, 2, 2, 1, 1, 3]),
      borderStatus: new Uint8Array(6),
      scorePercent: new Float64Array(6),
      population: Float64Array.from([1000, 400, 100, 300, 200, 60000]),
      isTown: Uint8Array.from([0, 0, 0, 0, 0, 1]),
      oblast: Int32Array.from([0, 0, 1, 1, 1, 1]),
      oblasts: ['KZ-VOS', 'KZ-ABY'],
      district: new Int32Array(6).fill(-1),
      districts: [],
    };
    const [all, vos, aby] = summarise(c, 'oblast');
    expect(all.coverage).toBeCloseTo(1500 / 2000, 12);
    expect(vos.coverage).toBeCloseTo(1400 / 1400, 12);
    expect(aby.coverage).toBeCloseTo(100 / 600, 12);
  });
});

describe('scenario stores', () => {
  it('save, list and remove by name, in memory and over a record table', async () => {
    const { memoryStore, recordStore } = await import('../../src/lib/ui/decide/scenario-store.ts');
    const rows = new Map<string, any>();
    const table = { all: async () => [...rows.values()], put: async (r: any) => void rows.set(r.id, r), delete: async (id: string) => void rows.delete(id) };
    for (const store of [memoryStore(), recordStore(table)]) {
      await store.save(scenarioFile('B', '2019', preset('2019')));
      await store.save(scenarioFile('A', '2025', preset('2025')));
      await store.save(scenarioFile('B', '2025', preset('2025')));
      expect((await store.list()).map((s) => [s.name, s.preset])).toEqual([['A', '2025'], ['B', '2025']]);
      await store.remove('A');
      expect((await store.list()).map((s) => s.name)).toEqual(['B']);
    }
  });
});
