// Scoring and classification with hand-computed expectations, config validation, and properties over random registers.
import { describe, expect, it } from 'vitest';
import { preset } from '../../src/lib/engine/config/presets.ts';
import { checkMethodology, parseMethodology, ConfigError } from '../../src/lib/engine/config/validate.ts';
import type { Methodology } from '../../src/lib/engine/config/schema.ts';
import { maxTotalPoints, score, scoredBlocks } from '../../src/lib/engine/score.ts';
import { reassess } from '../../src/lib/engine/assess.ts';
import type { Geospatial, Settlement } from '../../src/lib/engine/types.ts';

const P = { source: 'test', status: 'assumed' as const };
const L = { kk: 'x', ru: 'x', en: 'x' };

/** Two blocks: demography 10 (population steps 4 + youth linear 6), infrastructure 5 (school yes/no). */
function tiny(): Methodology {
  const base = preset('2019');
  return parseMethodology({
    ...base,
    blocks: [
      { id: 'demography', label: L, max_points: 10, ...P },
      { id: 'infrastructure', label: L, max_points: 5, ...P },
    ],
    indicators: [
      { id: 'population', block: 'demography', label: L, column: 'population', direction: 'higher', rule: { type: 'steps', steps: [{ from: 50, to: 1000, points: 2 }, { from: 1000, points: 4 }] }, points: 4, ...P },
      { id: 'youth', block: 'demography', label: L, column: 'share_young_pct', direction: 'higher', rule: { type: 'linear', zero: 10, full: 30 }, points: 6, ...P },
      { id: 'school', block: 'infrastructure', label: L, column: 'has_school', direction: 'higher', rule: { type: 'steps', steps: [{ from: 1, points: 5 }] }, points: 5, ...P },
    ],
    potential: { ...base.potential, basis: 'available', min_coverage: 0.6, high: 60, medium: 35 },
  });
}

const geo = (over: Partial<Geospatial> = {}): Geospatial => ({
  towns: {}, km_to_town: null, nearest_town: null, nearest_town_tier: null, km_to_border: 500, nearest_border: 'RU',
  km_to_china: 900, km_to_russia: 500, district_id: null, district_name: null, border_status: 'interior', ...over,
});
const village = (id: string, lon: number, lat: number, over: Partial<Settlement> = {}): Settlement => ({
  id, name_kk: null, name_ru: id, name_en: null, lat, lon, oblast: 'KZ-AKM', district: null, rural_district: null,
  is_district_centre: false, is_rural_district_centre: false, population: 500, indicators: {}, ...over,
});

describe('scoring', () => {
  it('adds points as the arithmetic says', () => {
    // population 1200 → step [1000, ∞) = 4; youth 25% → (25 − 10)/(30 − 10) · 6 = 4.5; school 1 → 5.
    const s = score(tiny(), { population: 1200, share_young_pct: 25, has_school: 1 });
    expect(s.blocks).toEqual({ demography: 8.5, infrastructure: 5 });
    expect(s.score_total).toBe(13.5);
    expect(s.score_percent).toBe(90); // 13.5 / 15
    expect(s.coverage).toBe(1);
    expect(s.potential).toBe('high');
  });

  it('treats a missing value as no data, not zero', () => {
    // youth missing: 4 + 5 = 9 of the 9 points that had data → 100%; coverage 2/3.
    const s = score(tiny(), { population: 1200, share_young_pct: null, has_school: 1 });
    expect(s.indicators.find((i) => i.id === 'youth')!.points).toBeNull();
    expect(s.score_total).toBe(9);
    expect(s.score_percent).toBe(100);
    expect(s.coverage).toBeCloseTo(0.667, 3);
    // Two of three missing: coverage 1/3 < 0.6 → insufficient data.
    expect(score(tiny(), { population: 1200 }).potential).toBe('insufficient_data');
  });

  it('changes the score as the arithmetic says when a weight changes', () => {
    const c = tiny();
    c.indicators[1].points = 12; // youth worth 12 instead of 6
    c.blocks[0].max_points = 16;
    const edited = parseMethodology(c);
    // youth 25% → 0.75 · 12 = 9; total 4 + 9 + 5 = 18 of 21 → 85.714%.
    const s = score(edited, { population: 1200, share_young_pct: 25, has_school: 1 });
    expect(s.score_total).toBe(18);
    expect(s.score_percent).toBeCloseTo(85.714, 3);
  });
});

describe('config validation', () => {
  it('names the path of every problem', () => {
    const bad = structuredClone(preset('2019')) as unknown as Record<string, any>;
    bad.indicators[2].rule = { type: 'linear', zero: 5, full: -20 }; // direction higher, but full < zero
    bad.categories.satellite.radius_km = -3;
    bad.blocks[0].max_points = 49;
    const { config, problems } = checkMethodology(bad);
    expect(config).toBeNull();
    const paths = problems.map((p) => p.path);
    expect(paths).toContain('categories.satellite.radius_km');
    const second = checkMethodology({ ...bad, categories: preset('2019').categories });
    expect(second.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['indicators[2].rule', 'blocks[0].max_points']));
    expect(() => parseMethodology({ id: 'x' })).toThrow(ConfigError);
    const missing = checkMethodology({ ...preset('2019'), potential: undefined });
    expect(missing.problems[0].path).toBe('potential');
  });

  it('ships two complete presets with provenance on every default', () => {
    for (const id of ['2019', '2025'] as const) {
      const c = preset(id);
      expect(c.blocks.length).toBe(4);
      for (const x of [...c.blocks, ...c.indicators, c.potential, c.categories.support, c.categories.satellite, c.categories.strategic]) {
        expect(['confirmed', 'letter', 'assumed']).toContain(x.status);
        expect(x.source.length).toBeGreaterThan(3);
      }
    }
    expect(preset('2019').blocks.map((b) => b.max_points).slice(0, 3)).toEqual([50, 30, 20]);
    expect(preset('2025').indicators.length).toBe(27);
  });
});

describe('classification', () => {
  const cfg = tiny();
  const good = { population: 1200, indicators: { share_young_pct: 30, has_school: 1 } };
  it('makes support settlements, satellites of the nearest support, strategic border settlements and the rest', () => {
    const rows: [Settlement, Geospatial][] = [
      [village('A', 70.0, 50.0, { ...good, is_district_centre: true }), geo()],
      [village('B', 70.3, 50.0, { ...good, is_rural_district_centre: true }), geo()],
      [village('s1', 70.05, 50.0, { indicators: { share_young_pct: 10, has_school: 0 } }), geo()], // 3.6 km from A, 17.8 km from B
      [village('s2', 70.2, 50.0, { indicators: { share_young_pct: 10, has_school: 0 } }), geo()], // 7.2 km from B, 14.3 km from A → B
      [village('far', 72.0, 50.0, { indicators: {} }), geo({ km_to_china: 30, border_status: 'border_zone' })],
      [village('tiny', 70.01, 50.0, { population: 20 }), geo()],
      [village('lone', 75.0, 48.0, { indicators: { share_young_pct: 12, has_school: 0 } }), geo()],
    ];
    const out = reassess(rows.map((r) => r[0]), rows.map((r) => r[1]), cfg);
    const by = Object.fromEntries(out.map((a) => [a.settlement.id, a]));
    expect(by.A).toMatchObject({ category: 'support', category_rule: 'support.district_centre' });
    expect(by.B).toMatchObject({ category: 'support', category_rule: 'support.rural_district_centre' });
    expect(by.s1).toMatchObject({ category: 'satellite', support_id: 'A' });
    expect(by.s2).toMatchObject({ category: 'satellite', support_id: 'B' });
    expect(by.far).toMatchObject({ category: 'strategic', category_rule: 'strategic.border_distance' });
    expect(by.tiny).toMatchObject({ category: 'other', category_rule: 'other.below_min_population' });
    expect(by.lone.category).toBe('other');
    // Radius is editable: at 5 km, s2 (7.2 km from B) is no longer a satellite.
    const narrow = structuredClone(cfg);
    narrow.categories.satellite.radius_km = 5;
    expect(reassess(rows.map((r) => r[0]), rows.map((r) => r[1]), narrow).find((a) => a.settlement.id === 's2')!.category).toBe('other');
  });
});

describe('support eligibility', () => {
  const cfg = tiny();
  const strong = { population: 5000, indicators: { share_young_pct: 30, has_school: 1 } };
  const rows: [Settlement, Geospatial][] = [
    [village('big', 70.0, 50.0, strong), geo()], // large, high potential, but no centre
    [village('centre', 72.0, 50.0, { ...strong, population: 300, is_rural_district_centre: true }), geo()],
    [village('weakcentre', 74.0, 50.0, { population: 300, is_district_centre: true, indicators: { share_young_pct: 10, has_school: 0 } }), geo()],
  ];
  const run = (c: Methodology) => Object.fromEntries(reassess(rows.map((r) => r[0]), rows.map((r) => r[1]), c).map((a) => [a.settlement.id, a]));

  it('needs a district or rural-district centre with at least medium potential (the programme), not size', () => {
    const by = run(cfg);
    expect(by.big.category).toBe('other');
    expect(by.centre).toMatchObject({ category: 'support', category_rule: 'support.rural_district_centre' });
    expect(by.weakcentre.potential).toBe('low');
    expect(by.weakcentre.category).toBe('other');
  });

  it('takes large settlements only when the [assumed] population route is switched on', () => {
    expect(preset('2019').categories.support.population_route).toMatchObject({ enabled: false, status: 'assumed' });
    const on = structuredClone(cfg);
    on.categories.support.population_route.enabled = true;
    const by = run(on);
    expect(by.big).toMatchObject({ category: 'support', category_rule: 'support.population' });
    expect(by.big.category_reason).toContain('population 5000 ≥ 1000');
  });
});

describe('one border distance', () => {
  it('moves the strategic rule and the border-zone class together, counting only the configured borders', () => {
    const cfg = tiny();
    const rows: [Settlement, Geospatial][] = [
      [village('near', 80.0, 45.0, { indicators: {} }), geo({ km_to_china: 80, km_to_russia: 900, km_to_border: 80, nearest_border: 'CN' })],
      [village('kg', 75.0, 43.0, { indicators: {} }), geo({ km_to_china: 300, km_to_russia: 900, km_to_border: 10, nearest_border: 'KG' })],
    ];
    const run = (km: number, neighbours: ('CN' | 'RU' | 'KG')[] = ['CN', 'RU']) => {
      const c = structuredClone(cfg);
      c.categories.strategic.within_km.value = km;
      c.categories.strategic.neighbours.value = neighbours;
      return Object.fromEntries(reassess(rows.map((r) => r[0]), rows.map((r) => r[1]), c).map((a) => [a.settlement.id, a.category]));
    };
    expect(run(50)).toEqual({ near: 'other', kg: 'other' });
    expect(run(100)).toEqual({ near: 'strategic', kg: 'other' }); // the Kyrgyz border does not count by default
    expect(run(50, ['CN', 'RU', 'KG'])).toEqual({ near: 'other', kg: 'strategic' });
  });
});

describe('geospatial provision', () => {
  it('scores 2019 out of 100 with the geospatial block as rules; scoring it is an [assumed] option the reason names', () => {
    const c = preset('2019');
    const geoBlock = c.blocks.find((b) => b.id === 'geospatial')!;
    expect(geoBlock.scored).toBe(false);
    expect(maxTotalPoints(c)).toBe(100);
    const values = { population: 5000, share_young_pct: 40, net_migration_per_1000: 10, population_growth_pct: 10, has_central_water: 1, has_paved_road: 1, has_school: 1, has_kindergarten: 1, has_medical_facility: 1, has_internet: 1, employment_rate_pct: 95, employment_growth_pct: 9, livestock_units_per_household: 20, arable_ha_per_capita: 9, km_to_regional: 1, km_to_district: 1, km_to_railway: 1 };
    const best = score(c, values);
    expect(best.score_total).toBe(100);
    expect(Object.keys(best.blocks)).toEqual(['demography', 'infrastructure', 'economy']);
    const scored = structuredClone(c);
    scored.blocks.find((b) => b.id === 'geospatial')!.scored = true;
    expect(maxTotalPoints(scored)).toBe(110);
    expect(score(scored, values).score_total).toBe(110);
    const [a] = reassess([village('x', 70, 50, { population: 5000, is_district_centre: true })], [geo()], c);
    expect(a.category_reason).toContain('geospatial provision applied as rules');
    const [b] = reassess([village('x', 70, 50, { population: 5000, is_district_centre: true })], [geo()], scored);
    expect(b.category_reason).toContain('geospatial block scored (10 points');
  });
});

describe('satellite radius by region', () => {
  it("uses the support's own region radius: 10 km reaches a support in Akmola (15 km) but not one in Zhetisu (5 km)", () => {
    const cfg = tiny();
    cfg.categories.satellite.radius_km = 15;
    cfg.categories.satellite.region_overrides = { 'KZ-ZHT': 5 };
    const strong = { population: 1200, is_district_centre: true, indicators: { share_young_pct: 30, has_school: 1 } };
    const weak = { indicators: { share_young_pct: 10, has_school: 0 } };
    // 0.1435° of longitude at 50° N ≈ 10.3 km
    const rows: [Settlement, Geospatial][] = [
      [village('A', 70.0, 50.0, strong), geo()],
      [village('a1', 70.1435, 50.0, weak), geo()],
      [village('Z', 80.0, 50.0, { ...strong, oblast: 'KZ-ZHT' }), geo()],
      [village('z1', 80.1435, 50.0, { ...weak, oblast: 'KZ-ZHT' }), geo()],
    ];
    const by = Object.fromEntries(reassess(rows.map((r) => r[0]), rows.map((r) => r[1]), cfg).map((a) => [a.settlement.id, a]));
    expect(by.A.category).toBe('support');
    expect(by.Z.category).toBe('support');
    expect(by.a1).toMatchObject({ category: 'satellite', support_id: 'A' });
    expect(by.a1.category_reason).toContain('radius 15 km');
    expect(by.z1.category).toBe('other');
  });
});

describe('properties over random registers', () => {
  function randomRegister(n: number, seed: number): [Settlement[], Geospatial[]] {
    let x = seed;
    const r = () => ((x = (x * 16807) % 2147483647) / 2147483647);
    const c = preset('2019');
    const columns = c.indicators.map((i) => i.column).filter((col) => col !== 'population' && !col.startsWith('km_to_'));
    const ss: Settlement[] = [];
    const gs: Geospatial[] = [];
    for (let i = 0; i < n; i++) {
      const indicators: Record<string, number | null> = {};
      for (const col of columns) indicators[col] = r() < 0.1 ? null : col.startsWith('has_') ? (r() < 0.5 ? 1 : 0) : r() * 100 - 20;
      ss.push(village(`v${i}`, 50 + r() * 35, 41 + r() * 13, { population: Math.round(r() * 5000), is_district_centre: r() < 0.1, indicators }));
      gs.push(geo({ towns: { regional: { km: r() * 400, name: 't', id: 't' }, district: { km: r() * 120, name: 'd', id: 'd' } }, km_to_china: r() * 1500, km_to_russia: r() * 1500 }));
    }
    return [ss, gs];
  }

  it('keeps block scores within [0, block max], never lowers a score when a higher-is-better value rises, and ignores row order', () => {
    const c = preset('2019');
    const [ss, gs] = randomRegister(400, 42);
    const out = reassess(ss, gs, c);
    for (const a of out) for (const b of scoredBlocks(c)) {
      expect(a.blocks[b.id]).toBeGreaterThanOrEqual(0);
      expect(a.blocks[b.id]).toBeLessThanOrEqual(b.max_points + 1e-9);
    }
    for (const ind of c.indicators.filter((i) => i.direction === 'higher' && !i.column.startsWith('km_to_') && i.column !== 'population')) {
      for (const s of ss.slice(0, 50)) {
        const v = s.indicators[ind.column];
        if (v === null) continue;
        const before = score(c, { ...s.indicators, population: s.population }).score_total;
        const after = score(c, { ...s.indicators, population: s.population, [ind.column]: v + 7 }).score_total;
        expect(after).toBeGreaterThanOrEqual(before);
      }
    }
    for (const a of out) expect(a.score_total).toBeLessThanOrEqual(100 + 1e-9);
    const order = ss.map((_, i) => i).sort(() => 0).reverse();
    const shuffled = reassess(order.map((i) => ss[i]), order.map((i) => gs[i]), c);
    const key = (a: (typeof out)[number]) => `${a.settlement.id}:${a.category}:${a.support_id}:${a.score_total}`;
    expect(shuffled.map(key).sort()).toEqual(out.map(key).sort());
  });
});
