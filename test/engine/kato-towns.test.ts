// Towns of the national settlement list (KATO type 1) serve the town tiers: the KATO rank rule, the merge with
// the embedded places (same town not doubled), and the tiers built from the merged places.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { katoTownRank, mergeListTowns, type ListTownInput } from '../../src/lib/engine/geo/kato-towns.ts';
import { buildTierIndex, matchRegisterToPlaces, type EmbeddedPlace } from '../../src/lib/engine/geo/towns.ts';
import { RegisterColumns } from '../../src/lib/engine/columns.ts';
import { preset } from '../../src/lib/engine/config/presets.ts';
import type { Settlement } from '../../src/lib/engine/types.ts';
import { readFgb } from '../../src/lib/io/fgb.ts';
import { readTable } from '../../src/lib/io/formats.ts';
import { itWithShared, sharedFile } from '../support/shared-data.ts';

const settlement = (id: string, name: string, lat: number, lon: number): Settlement => ({
  id, name_kk: null, name_ru: name, name_en: null, lat, lon, oblast: null, district: null, rural_district: null,
  is_district_centre: null, is_rural_district_centre: null, population: null, indicators: {},
});
const tier = (id: string) => preset('2019').geospatial.town_tiers.find((t) => t.id === id)!;

describe('KATO towns serve the town tiers', () => {
  it('ranks a KATO code: oblast centres and republican cities regional, other towns district, city districts none', () => {
    expect(katoTownRank('631010000')).toBe('regional'); // Oskemen, East Kazakhstan's centre
    expect(katoTownRank('191010000')).toBe('regional'); // Konaev, Almaty oblast's centre since 2022
    expect(katoTownRank('710000000')).toBe('regional'); // Astana
    expect(katoTownRank('352410000')).toBe('town'); // Temirtau, city of oblast significance
    expect(katoTownRank('103620100')).toBe('town'); // Ayagoz, district town
    expect(katoTownRank('111037100')).toBe('town'); // Stantsionny, a town-type settlement
    expect(katoTownRank('151011100')).toBeNull(); // "район Астана", a district of the city of Aktobe
    expect(katoTownRank('551045000')).toBeNull(); // an administrative unit (DDD = 000)
    expect(katoTownRank('12345')).toBeNull();
  });

  it('merges list towns into the places: new towns added, the same town not doubled (raised to the list rank)', () => {
    const places: EmbeddedPlace[] = [
      { id: 'g1', name: 'Ust-Kamenogorsk', names: ['Ust-Kamenogorsk', 'Усть-Каменогорск', 'Өскемен'], lat: 49.95, lon: 82.61, population: 300000, feature_code: 'PPLA' },
      { id: 'g2', name: 'Konayev', names: ['Konayev', 'Қонаев'], lat: 43.87, lon: 77.07, population: 50000, feature_code: 'PPL' },
    ];
    const list: ListTownInput[] = [
      { id: '631010000', type: '1', names: ['Өскемен', 'Усть-Каменогорск'], lat: 49.951, lon: 82.612 },
      { id: '191010000', type: '1', names: ['Қонаев'], lat: 43.871, lon: 77.071 },
      { id: '634620100', type: '1', names: ['Зайсан'], lat: 47.47, lon: 84.87 },
      { id: '634620200', type: '2', names: ['Ауыл'], lat: 47.5, lon: 84.8 }, // rural: not a town
      { id: '634820100', type: '1', names: ['Алтай'], lat: NaN, lon: NaN }, // no location
      // same name far away: a different town
      { id: '111833100', type: '1', names: ['Өскемен'], lat: 52.0, lon: 72.0 },
    ];
    const { places: merged, summary } = mergeListTowns(places, list);
    expect(summary).toEqual({ count: 4, regional: 2, town: 2, same: 2 });
    expect(merged).toHaveLength(4);
    expect(merged[0]).toBe(places[0]); // already a regional seat with its population: unchanged
    expect(merged[1]).toMatchObject({ id: 'g2', population: 50000, feature_code: 'PPLA' }); // raised, population kept
    expect(places[1].feature_code).toBe('PPL'); // the input is not modified
    expect(merged.slice(2).map((p) => [p.id, p.feature_code, p.population])).toEqual([['634620100', 'PPLA2', null], ['111833100', 'PPLA2', null]]);
  });

  it('the same town spelt differently is not doubled: Kazakh letters folded, or the nearest place within 2 km', () => {
    const places: EmbeddedPlace[] = [
      { id: 'g1', name: 'Ekibastuz', names: ['Ekibastuz', 'Екібастуз', 'Екибастуз'], lat: 51.7237, lon: 75.3229, population: 121470, feature_code: 'PPLA2' },
      { id: 'g2', name: 'Chu', names: ['Chu', 'Чу'], lat: 43.6033, lon: 73.7592, population: 39785, feature_code: 'PPL' },
      { id: 'g3', name: 'Other', names: ['Other'], lat: 45.0, lon: 70.0, population: 900, feature_code: 'PPL' },
    ];
    const list: ListTownInput[] = [
      { id: '552210000', type: '1', names: ['Екібастұз', 'Экибастуз'], lat: 51.74, lon: 75.35 }, // 2.6 km, names folded
      { id: '316621100', type: '1', names: ['Шу'], lat: 43.6088, lon: 73.7608 }, // 0.6 km, another name
      { id: '316621200', type: '1', names: ['Жаңа'], lat: 45.03, lon: 70.0 }, // 3.3 km from another name: a town of its own
    ];
    const { places: merged, summary } = mergeListTowns(places, list);
    expect(summary).toMatchObject({ count: 3, same: 2 });
    expect(merged.map((p) => [p.id, p.feature_code])).toEqual([['g1', 'PPLA2'], ['g2', 'PPLA2'], ['g3', 'PPL'], ['316621200', 'PPLA2']]);
  });

  it('a list town serves the district tier (and a regional centre the regional tier), never the population tier; a town is not its own nearest', () => {
    const list: ListTownInput[] = [
      { id: '634620100', type: '1', names: ['Зайсан'], lat: 47.47, lon: 84.87 },
      { id: '631010000', type: '1', names: ['Өскемен'], lat: 49.95, lon: 82.61 },
    ];
    const { places } = mergeListTowns([], list);
    const register = new RegisterColumns([settlement('634620100', 'Зайсан', 47.47, 84.87), settlement('x', 'Ауыл', 47.6, 84.9), settlement('631010000', 'Өскемен', 49.95, 82.61)]);
    const matches = matchRegisterToPlaces(places, register);
    const district = buildTierIndex(tier('district'), places, register, matches);
    expect(district.towns.map((t) => t.id).sort()).toEqual(['631010000', '634620100']);
    expect(district.selfItem![1]).toBe(-1);
    const village = district.index.nearest(84.9, 47.6);
    expect(village.km).toBeLessThan(20);
    expect(district.towns[village.item].id).toBe('634620100');
    // Zaisan's own nearest district town is not itself
    const self = district.index.nearest(84.87, 47.47, district.selfItem![0]);
    expect(district.towns[self.item].id).toBe('631010000');
    expect(self.km).toBeGreaterThan(100);
    const regional = buildTierIndex(tier('regional'), places, register, matches);
    expect(regional.towns.map((t) => t.id)).toEqual(['631010000']);
    expect(buildTierIndex(tier('town10k'), places, register, matches).towns).toEqual([]);
  });

  itWithShared(['kz-settlements-kato-2025.csv'], 'the 2025 KATO list: one regional centre per oblast, and towns shared with the embedded places not doubled', async () => {
    const { table } = await readTable(new Uint8Array(fs.readFileSync(sharedFile('kz-settlements-kato-2025.csv'))), 'kz-settlements-kato-2025.csv');
    const col = (name: string) => table.columns[table.header.indexOf(name)]!;
    const text = (name: string, k: number) => String(col(name).get(k) ?? '').trim();
    const all: ListTownInput[] = [];
    for (let k = 0; k < table.rows.length; k++) {
      const located = text('lat', k) !== '';
      all.push({ id: text('kato', k), type: text('type_code', k), names: [text('name_kk', k), text('name_ru', k)], lat: located ? Number(text('lat', k)) : NaN, lon: located ? Number(text('lon', k)) : NaN });
    }
    // one administrative centre per oblast (17), of which Kyzylorda has no location in the list
    const centres = all.filter((t) => t.type === '1' && katoTownRank(t.id) === 'regional');
    expect(new Set(centres.map((t) => t.id.slice(0, 2))).size).toBe(17);
    expect(centres).toHaveLength(17);
    const list = all.filter((t) => Number.isFinite(t.lat));
    const regional = list.filter((t) => t.type === '1' && katoTownRank(t.id) === 'regional');
    expect(regional).toHaveLength(16);
    const fc = await readFgb(new Uint8Array(fs.readFileSync('public/data/settlements.fgb')));
    const places: EmbeddedPlace[] = fc.features.map((f) => {
      const p = f.properties as Record<string, unknown>;
      const [lon, lat] = (f.geometry as { coordinates: number[] }).coordinates;
      return { id: String(p.id), name: String(p.name), names: [p.name, p.name_en, p.name_kk, p.name_ru].filter((n): n is string => typeof n === 'string' && n.length > 0), lat, lon, population: typeof p.population === 'number' ? p.population : null, feature_code: typeof p.feature_code === 'string' ? p.feature_code : null };
    });
    const { places: merged, summary } = mergeListTowns(places, list);
    expect(summary.regional).toBe(16);
    expect(summary.count).toBe(summary.regional + summary.town);
    expect(summary.count).toBeGreaterThan(90);
    // most towns of the list are embedded towns too: merged, not added
    expect(summary.same).toBeGreaterThan(summary.count / 2);
    expect(merged.length).toBe(places.length + summary.count - summary.same);
    // every oblast centre is a regional-tier place after the merge
    const regionalTier = tier('regional');
    for (const t of regional) {
      const near = merged.filter((p) => Math.abs(p.lat - t.lat) < 0.05 && Math.abs(p.lon - t.lon) < 0.07 && regionalTier.feature_codes.includes(p.feature_code ?? ''));
      expect(near.length, t.names.join('/')).toBeGreaterThanOrEqual(1);
    }
  });
});
