// The embedded dataset: generated (byte-identical on a rerun), plausible, current oblasts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { itWithShared, sharedFile } from '../support/shared-data.ts';
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon } from 'geojson';
import { readFgb } from '../../src/lib/io/fgb.ts';
import { REGIONS } from '../../src/lib/engine/regions.ts';
import { parseCsv } from '../../src/lib/io/csv.ts';
import { listNamesForPlaces } from '../../src/lib/engine/geo/list-names.ts';

const read = async (name: string) => readFgb(new Uint8Array(fs.readFileSync(path.join('public/data', name))));

describe('embedded dataset', () => {
  it('is up to date: regenerating gives byte-identical files', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'auyl-data-'));
    execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'data/build-data.ts', '--out', out], { stdio: 'pipe' });
    const committed = fs.readdirSync('public/data').sort();
    expect(fs.readdirSync(out).sort()).toEqual(committed);
    for (const name of committed) expect(fs.readFileSync(path.join(out, name)).equals(fs.readFileSync(path.join('public/data', name))), name).toBe(true);
    fs.rmSync(out, { recursive: true });
  }, 120_000);

  it('has the China and Russia borders within 2% of the surveyed Natural Earth lengths', async () => {
    const borders = (await read('borders.fgb')).features;
    const km = (code: string) => turf.length(borders.find((f) => f.properties.neighbour === code)! as never, { units: 'kilometers' });
    expect(Math.abs(km('CN') - 1502) / 1502).toBeLessThan(0.02);
    expect(Math.abs(km('RU') - 6648) / 6648).toBeLessThan(0.02);
    expect(borders.map((f) => f.properties.neighbour).sort()).toEqual(['CN', 'KG', 'RU', 'TM', 'UZ']);
  });

  it('has every place inside Kazakhstan (shore points within 5 km of the simplified coast), with unique ids', async () => {
    const kz = (await read('kazakhstan.fgb')).features[0] as Feature<MultiPolygon>;
    const outline = turf.polygonToLine(kz as never) as never;
    const places = (await read('settlements.fgb')).features;
    expect(places.length).toBeGreaterThan(300);
    for (const p of places) {
      const pt = p.geometry as unknown as { coordinates: [number, number] };
      if (turf.booleanPointInPolygon(pt.coordinates, kz)) continue;
      const lines = 'features' in (outline as object) ? (outline as { features: never[] }).features : [outline];
      const off = Math.min(...lines.map((l) => turf.pointToLineDistance(pt.coordinates, l, { units: 'kilometers' })));
      expect(off, String(p.properties.name)).toBeLessThanOrEqual(5);
    }
    const ids = places.map((p) => p.properties.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses the 20 current first-level units (Abai, Zhetisu, Ulytau included)', async () => {
    const places = (await read('settlements.fgb')).features;
    const used = new Set(places.map((p) => p.properties.oblast));
    expect([...used].sort()).toEqual(REGIONS.map((r) => r.iso).sort());
  });

  itWithShared(['kz-adm1-2024.fgb'], 'puts every place in its 2024 region by point in polygon (shore points: the nearest region)', async () => {
    const adm1 = (await readFgb(new Uint8Array(fs.readFileSync(sharedFile('kz-adm1-2024.fgb'))))).features as Feature<MultiPolygon>[];
    const places = (await read('settlements.fgb')).features;
    const rings = (f: Feature<MultiPolygon>) => f.geometry.coordinates.flatMap((poly) => poly.map((ring) => turf.lineString(ring)));
    const disagreements: string[] = [];
    for (const p of places) {
      const pt = (p.geometry as { coordinates: number[] }).coordinates;
      let region = adm1.find((r) => turf.booleanPointInPolygon(pt, r));
      if (!region) {
        // GeoNames points on the Caspian shore fall just outside the polygons: the nearest region, within 5 km
        const near = adm1.map((r) => ({ r, km: Math.min(...rings(r).map((l) => turf.pointToLineDistance(pt, l, { units: 'kilometers' }))) })).sort((a, b) => a.km - b.km)[0];
        expect(near.km, String(p.properties.name)).toBeLessThan(5);
        region = near.r;
      }
      if (region.properties!.ISO_3166_2 !== p.properties.oblast) disagreements.push(`${p.properties.id} ${p.properties.name}: data ${p.properties.oblast}, boundaries ${region.properties!.ISO_3166_2}`);
    }
    // no documented exceptions: every disagreement is fixed by a row of data/place-overrides.csv
    expect(disagreements).toEqual([]);
  }, 60_000);

  it('has the regions of 2022 split: Semey, Urzhar, Zhalghyztobe, Aksuat in Abai, Taldykorgan in Zhetisu, Zhezkazgan in Ulytau', async () => {
    const places = (await read('settlements.fgb')).features.map((f) => f.properties);
    const oblastOf = (id: string) => places.find((p) => p.id === id)?.oblast;
    expect(oblastOf('gn1519422')).toBe('KZ-ABY'); // Semey
    expect(oblastOf('gn1517721')).toBe('KZ-ABY'); // Urzhar
    expect(oblastOf('gn1516984')).toBe('KZ-ABY'); // Zhalghyztobe
    expect(oblastOf('gn1526650')).toBe('KZ-ABY'); // Aksuat, Aksuat district seat
    expect(oblastOf('gn1518542')).toBe('KZ-ZHT'); // Taldykorgan
    expect(oblastOf('gn1516589')).toBe('KZ-ULT'); // Zhezkazgan
  });
});

describe('names, numbers and water as Kazakhs know them', () => {
  const props = async () => (await read('settlements.fgb')).features.map((f) => f.properties as Record<string, string | number | null>);

  it('names Aktau Aktau (not Shevchenko, its name until 1991) in all three languages', async () => {
    const ps = await props();
    const aktau = ps.find((p) => p.geonames_id === 610612)!;
    expect([aktau.name_kk, aktau.name_ru, aktau.name_en, aktau.name]).toEqual(['Ақтау', 'Актау', 'Aktau', 'Aktau']);
    // Fort-Shevchenko is a town of its own; nothing else may carry Aktau's old name.
    expect(ps.filter((p) => [p.name, p.name_en, p.name_kk, p.name_ru].some((n) => /^(shevchenko|шевченко)$/i.test(String(n))))).toEqual([]);
  });

  it('gives every place a Cyrillic name (Kazakh or Russian), marking the transliterated ones', async () => {
    const ps = await props();
    const cyrillic = /^[\p{Script=Cyrillic}\s\-'’.()0-9]+$/u;
    for (const p of ps) expect(cyrillic.test(String(p.name_kk ?? p.name_ru)), String(p.name)).toBe(true);
    const made = ps.filter((p) => p.transliterated);
    expect(made.length).toBeGreaterThan(10);
    for (const p of made) expect(String(p.transliterated)).toMatch(/^name_(kk|ru)(,name_(kk|ru))?$/);
    // Overrides win over transliteration: the China-border district seat of Makanshy in Kazakh letters.
    const makanshy = ps.find((p) => p.name_en === 'Makanshy')!;
    expect([makanshy.name_kk, makanshy.name_ru, makanshy.transliterated]).toEqual(['Мақаншы', 'Маканчи', null]);
  });

  it('carries the town figure for Sarkand, not its district\'s 76,919, and a place type for every place', async () => {
    const ps = await props();
    expect(ps.find((p) => p.geonames_id === 1519691)!.population).toBe(14000);
    const types = new Set(['capital', 'regional_seat', 'district_seat', 'rural_district_seat', 'other']);
    for (const p of ps) expect(types.has(String(p.place_type)), String(p.name)).toBe(true);
  });

  it('has Lake Balkhash (from the 1:110m layer) and labels for Balkhash, Zaysan and Alakol in kk/ru/en', async () => {
    const lakes = (await read('lakes.fgb')).features;
    expect(lakes.some((f) => turf.booleanPointInPolygon([75.0, 46.5], f as never))).toBe(true); // open water of Balkhash
    const labels = (await read('water-labels.fgb')).features.map((f) => f.properties);
    for (const en of ['Lake Balkhash', 'Lake Zaysan', 'Lake Alakol']) {
      const l = labels.find((p) => p.name_en === en)!;
      expect(l.name_kk).toMatch(/[А-Яа-яӘәҚқҢңӨөҰұҮүІі]/);
      expect(l.name_ru).toMatch(/озеро/);
    }
  });

  it('keeps the overrides table reasoned: every row has a one-line reason', () => {
    const rows = fs.readFileSync('data/place-overrides.csv', 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).slice(1);
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect(r.split(',').slice(7).join(',').trim().length, r).toBeGreaterThan(15);
  });

  it('names every place in Kazakh, official names over GeoNames\' Russian forms (Жаңақорған, Үржар, Жаңғызтөбе, Үлкен Нарын, Аққыстау)', async () => {
    const ps = await props();
    for (const p of ps) expect(p.name_kk, String(p.name)).toMatch(/^[\p{Script=Cyrillic}\s\-'’.()0-9]+$/u);
    const kk = (id: string) => ps.find((p) => p.id === id)?.name_kk;
    expect(kk('gn1517323')).toBe('Жаңақорған'); // GeoNames: Яныкурган
    expect(kk('gn1517721')).toBe('Үржар'); // Урджар
    expect(kk('gn1516984')).toBe('Жаңғызтөбе'); // Жангизтобе (KATO's Жаңғызөбе is a typo)
    expect(kk('gn1525197')).toBe('Үлкен Нарын'); // Улкен Нарын
    expect(kk('cj47.22107_51.00630')).toBe('Аққыстау'); // Аккистау
    const russianForms = new Set(['Яныкурган', 'Урджар', 'Жангизтобе', 'Улкен Нарын', 'Аккистау']);
    expect(ps.filter((p) => russianForms.has(String(p.name_kk))).map((p) => p.name)).toEqual([]);
    // the renamed town keeps its Soviet-era name nowhere in Russian either
    expect(ps.find((p) => p.id === 'gn1517323')!.name_ru).toBe('Жанакорган');
    // one place per official name: GeoNames' two spellings of one town (Chingarlau, Shyngyrlau) are merged
    const twins = ps.flatMap((a, i) => ps.slice(i + 1).filter((b) => a.name_kk === b.name_kk && turf.distance([Number(a.lon), Number(a.lat)], [Number(b.lon), Number(b.lat)]) < 10).map((b) => `${a.id} ${b.id} ${a.name_kk}`));
    expect(twins).toEqual([]);
    // a Kazakh name taken from the Russian one is the last resort, and marked
    for (const p of ps.filter((x) => x.transliterated === 'name_kk')) expect(p.name_kk).toBe(p.name_ru);
  });

  it('types district seats as such: Zaysan, Zharkent, Urzhar, Makanshy, Aksuat (and not Shar, a town of Zharma district)', async () => {
    const ps = await props();
    const type = (id: string) => ps.find((p) => p.id === id)?.place_type;
    for (const id of ['gn1517060', 'gn1517721', 'cj46.78166_82.02258', 'gn1526650']) expect(type(id), id).toBe('district_seat');
    expect(ps.find((p) => p.name_kk === 'Жаркент')?.place_type).toBe('district_seat');
    // Shu (GeoNames: Chu) is a town, but Shu district's seat is Tole Bi (KATO 2025)
    expect(type('gn1519030')).toBe('other');
    expect(ps.find((p) => p.name === 'Shar')?.place_type).toBe('other');
    expect(ps.filter((p) => p.place_type === 'district_seat').length).toBeGreaterThanOrEqual(150);
  });

  itWithShared(['kz-settlements-kato-2025.csv'], 'agrees with the national settlement list (KATO 2025) wherever it names the same place within 2 km', async () => {
    const ps = await props();
    const { rows } = parseCsv(fs.readFileSync(sharedFile('kz-settlements-kato-2025.csv'), 'utf8'));
    const cell = (k: string) => rows.map((r) => r.cells[k] || null);
    const num = (k: string) => Float64Array.from(rows, (r) => (r.cells[k] ? Number(r.cells[k]) : NaN));
    const list = { size: rows.length, lat: num('lat'), lon: num('lon'), name_kk: cell('name_kk'), name_ru: cell('name_ru') };
    const places = ps.map((p) => ({ id: String(p.id), lat: Number(p.lat), lon: Number(p.lon), names: [p.name, p.name_en, p.name_kk, p.name_ru].filter((n): n is string => typeof n === 'string') }));
    const matched = listNamesForPlaces(places, list);
    expect(matched.size).toBeGreaterThan(250);
    // every match has our Kazakh name, but for the list's typo Жаңғызөбе (matched by its Russian name; our override
    // has Жаңғызтөбе); its «Форт-Шевченко ќ.» is dropped as no Kazakh word and «Балпық  би» tidied
    const differ = [...matched].filter(([id, n]) => n.kk !== null && n.kk !== ps.find((p) => p.id === id)!.name_kk).map(([id, n]) => `${id}: ${n.kk}`);
    expect(differ).toEqual(['gn1516984: Жаңғызөбе']);
    expect(matched.get('gn609906')?.kk).toBeNull();
  }, 60_000);
});
