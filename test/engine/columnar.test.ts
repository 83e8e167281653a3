// The columnar engine against plain references: the quadtree index after it has split its cells, the whole
// geospatial table against one exact R-tree query per row and index, satellites against a brute-force search.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NearestIndex } from '../../src/lib/engine/geo/nearest.ts';
import { buildGeoContext, computeGeoTable, geospatialRecord } from '../../src/lib/engine/geo/geospatial.ts';
import { RegisterColumns } from '../../src/lib/engine/columns.ts';
import { reassessTable, assessmentRecord } from '../../src/lib/engine/assess.ts';
import { CATEGORIES } from '../../src/lib/engine/classify.ts';
import { preset } from '../../src/lib/engine/config/presets.ts';
import { haversineKm } from '../../src/lib/engine/geo/sphere.ts';
import { bordersFromFgb, placesFromFgb } from '../../src/lib/io/embedded.ts';
import type { Settlement } from '../../src/lib/engine/types.ts';
import { mulberry32 as rng } from '../../data/seeded-random.ts';

const places = await placesFromFgb(new Uint8Array(fs.readFileSync('public/data/settlements.fgb')));
const borders = await bordersFromFgb(new Uint8Array(fs.readFileSync('public/data/borders.fgb')));

/** A clustered register around the embedded places: dense enough for the index cells to split. */
const INDICATOR_COLUMNS = preset('2019').indicators.map((i) => i.column).filter((c) => c !== 'population' && !/^km_to_(town|border|china|russia|regional|district|town10k)/.test(c));

function register(n: number, seed: number): Settlement[] {
  const r = rng(seed);
  const indicators = () => Object.fromEntries(INDICATOR_COLUMNS.map((c) => [c, r() < 0.08 ? null : c.startsWith('has_') ? (r() < 0.6 ? 1 : 0) : r() * 100]));
  return Array.from({ length: n }, (_, i) => {
    const p = places[Math.floor(r() * places.length)];
    return {
      id: `s${String(i).padStart(6, '0')}`, name_kk: null, name_ru: `Ауыл ${i}`, name_en: null,
      lat: p.lat + (r() - 0.5) * 0.6, lon: p.lon + (r() - 0.5) * 0.9, oblast: null, district: null, rural_district: null,
      is_district_centre: r() < 0.05, is_rural_district_centre: r() < 0.15, population: Math.round(50 + 4000 * r() ** 3),
      indicators: indicators(),
    };
  });
}

describe('NearestIndex after its cells split', () => {
  it('gives exactly the R-tree answer for 60,000 dense queries, with and without a skipped item', () => {
    const r = rng(5);
    const towns = Array.from({ length: 3000 }, () => [68 + r() * 4, 48 + r() * 3]);
    const idx = new NearestIndex(towns.map((t) => [[t]]));
    const border = borders.lines.get('CN')!.index;
    for (let k = 0; k < 60_000; k++) {
      // queries sweep a small area in order, as the table does, so cells split down to the finest level
      const lon = 68 + (k % 300) / 75 + r() * 0.01, lat = 48 + Math.floor(k / 300) / 66 + r() * 0.01;
      const skip = k % 7 === 0 ? Math.floor(r() * towns.length) : -1;
      const got = idx.nearest(lon, lat, skip);
      const want = idx.nearestExact(lon, lat, skip);
      expect(got.item).toBe(want.item);
      expect(got.km).toBeCloseTo(want.km, 9);
      if (k % 10 === 0) expect(border.nearest(lon + 10, lat - 3).km).toBeCloseTo(border.nearestExact(lon + 10, lat - 3).km, 9);
    }
  });
});

describe('NearestIndex far from its items', () => {
  it('finds the nearest town from anywhere on the globe, across the antimeridian and near the poles', () => {
    const r = rng(17);
    const towns = Array.from({ length: 300 }, () => [46 + r() * 42, 40 + r() * 16]);
    const idx = new NearestIndex(towns.map((t) => [[t]]));
    for (const [lon, lat] of [[-170, -89.9], [179.9, 0], [-179.9, 60], [0, 89.99], [-60, -30], [120, 10]]) {
      const want = Math.min(...towns.map(([x, y]) => haversineKm(lon, lat, x, y)));
      expect(idx.nearest(lon, lat).km).toBeCloseTo(want, 6);
      expect(idx.nearestExact(lon, lat).km).toBeCloseTo(want, 6);
    }
  });
});

describe('geospatial table', () => {
  it('equals one exact query per row and index, in register order, for a register in random order', () => {
    const settlements = register(20_000, 7);
    const cols = new RegisterColumns(settlements);
    const config = preset('2019');
    const ctx = buildGeoContext(cols, config, { places, borders });
    const table = computeGeoTable(cols, ctx);
    const r = rng(9);
    for (let probe = 0; probe < 1500; probe++) {
      const i = Math.floor(r() * settlements.length);
      const s = settlements[i];
      const g = geospatialRecord(table, i);
      let nearest = Infinity;
      for (const t of ctx.tiers) {
        const want = t.index.nearestExact(s.lon, s.lat, t.selfItem?.[i] ?? -1);
        expect(g.towns[t.tier.id]!.km).toBeCloseTo(want.km, 9);
        expect(g.towns[t.tier.id]!.id).toBe(t.towns[want.item].id);
        expect(g.towns[t.tier.id]!.id).not.toBe(s.id); // never its own town
        nearest = Math.min(nearest, want.km);
      }
      expect(g.km_to_town).toBeCloseTo(nearest, 9);
      const any = borders.any.nearestExact(s.lon, s.lat);
      expect(g.km_to_border).toBeCloseTo(any.km, 9);
      expect(g.nearest_border).toBe(borders.codes[any.item]);
      expect(g.km_to_china).toBeCloseTo(borders.lines.get('CN')!.index.nearestExact(s.lon, s.lat).km, 9);
      expect(g.km_to_russia).toBeCloseTo(borders.lines.get('RU')!.index.nearestExact(s.lon, s.lat).km, 9);
      // The border zone counts only the configured borders (China and Russia by default), within the one distance.
      const counted = Math.min(g.km_to_china!, g.km_to_russia!);
      expect(g.border_status).toBe(counted <= config.categories.strategic.within_km.value ? 'border_zone' : 'interior');
    }
  });
});

describe('classification', () => {
  it('finds the same satellites as a brute-force search over all support settlements (ties to the lower id)', () => {
    const settlements = register(6000, 11);
    // An exact tie: two strong supports at the same place, and a weak settlement 1 km away; the lower id wins.
    const strong = Object.fromEntries(INDICATOR_COLUMNS.map((c) => [c, c.startsWith('has_') ? 1 : 100]));
    const weak = Object.fromEntries(INDICATOR_COLUMNS.map((c) => [c, 0]));
    const at = { lon: settlements[0].lon, lat: settlements[0].lat, is_district_centre: true, population: 5000, indicators: strong };
    settlements[0] = { ...settlements[0], ...at, id: 'tie-b' };
    settlements[1] = { ...settlements[1], ...at, id: 'tie-a' };
    settlements[2] = { ...settlements[2], lon: at.lon, lat: at.lat + 0.009, is_district_centre: false, is_rural_district_centre: false, population: 500, indicators: weak };
    const cols = new RegisterColumns(settlements);
    const config = preset('2019');
    const geo = computeGeoTable(cols, buildGeoContext(cols, config, { places, borders }));
    const table = reassessTable(cols, geo, config);
    const category = (i: number) => CATEGORIES[table.classes.category[i]];
    const supports = settlements.map((_, i) => i).filter((i) => category(i) === 'support');
    expect(supports.length).toBeGreaterThan(100);
    const radius = config.categories.satellite.radius_km;
    let satellites = 0;
    settlements.forEach((s, i) => {
      if (category(i) === 'support' || table.classes.rule[i] === 5) return; // support, or below the minimum population
      let best = -1, bestKm = Infinity;
      for (const j of supports) {
        const km = haversineKm(s.lon, s.lat, settlements[j].lon, settlements[j].lat);
        if (km <= radius && (km < bestKm - 1e-9 || (Math.abs(km - bestKm) <= 1e-9 && settlements[j].id < settlements[best].id))) {
          best = j;
          bestKm = km;
        }
      }
      const a = assessmentRecord(table, i);
      if (best < 0) expect(a.category).not.toBe('satellite');
      else {
        satellites++;
        expect(a.category).toBe('satellite');
        expect(a.support_id).toBe(settlements[best].id);
        expect(a.km_to_support).toBeCloseTo(bestKm, 6);
      }
    });
    expect(satellites).toBeGreaterThan(100);
    expect(assessmentRecord(table, 2)).toMatchObject({ category: 'satellite', support_id: 'tie-a' });
  });

  it('rescoring after a weight change reuses the geospatial table and matches a fresh assessment', () => {
    const settlements = register(3000, 13);
    const config = preset('2019');
    const cols = new RegisterColumns(settlements);
    const geo = computeGeoTable(cols, buildGeoContext(cols, config, { places, borders }));
    const edited = structuredClone(config);
    edited.indicators.find((i) => i.id === 'share_young')!.points = 15;
    edited.blocks.find((b) => b.id === 'demography')!.max_points = 55;
    const before = reassessTable(cols, geo, config);
    const after = reassessTable(cols, geo, edited);
    const fresh = reassessTable(new RegisterColumns(settlements), computeGeoTable(cols, buildGeoContext(cols, edited, { places, borders })), edited);
    let changed = 0;
    for (let i = 0; i < settlements.length; i++) {
      expect(assessmentRecord(after, i)).toEqual(assessmentRecord(fresh, i));
      if (after.scores.total[i] !== before.scores.total[i]) changed++;
    }
    expect(changed).toBeGreaterThan(1000);
  });
});

describe('views of a register', () => {
  it('withTexts replaces text columns in the view only; select picks rows; both keep indicators and the official status', () => {
    const rows = register(50, 11).map((s, i) => ({ ...s, district: i % 2 ? 'Stated' : null, official: i === 3 ? { category: 'support' as const, support_id: null, year: 2024 } : undefined }));
    const base = new RegisterColumns(rows);
    const column = INDICATOR_COLUMNS[0];
    const district = base.texts.district.map((d, i) => d ?? `Located ${i}`);
    const view = base.withTexts({ district });
    expect(view.texts.district[2]).toBe('Located 2');
    expect(view.row(2)).toMatchObject({ id: rows[2].id, district: 'Located 2', name_ru: rows[2].name_ru });
    expect(view.row(3)).toMatchObject({ district: 'Stated', official: { category: 'support' } });
    // the register viewed is unchanged, records and columns
    expect([base.texts.district[2], base.row(2).district, rows[2].district]).toEqual([null, null, null]);
    expect(Array.from(view.indicator(column))).toEqual(Array.from(base.indicator(column)));
    expect(view.sorted()).toBe(base.sorted());
    const picked = new RegisterColumns({ ...columnsOf(base), indicators: new Map([[column, base.indicator(column)]]) }).select([3, 10, 0]);
    expect(picked.ids).toEqual([rows[3].id, rows[10].id, rows[0].id]);
    expect(picked.row(0)).toMatchObject({ id: rows[3].id, lat: rows[3].lat, population: rows[3].population, official: { category: 'support' } });
    expect(picked.indicator(column)[1]).toBe(base.indicator(column)[10]);
  });
});

/** The columns of a register without its records (as the io layer hands them over). */
function columnsOf(c: RegisterColumns) {
  return { ids: c.ids, texts: c.texts, lon: c.lon, lat: c.lat, population: c.population, districtCentre: c.districtCentre, ruralDistrictCentre: c.ruralDistrictCentre, official: c.official };
}
