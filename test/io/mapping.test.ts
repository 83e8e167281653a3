import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { preset } from '../../src/lib/engine/config/presets.ts';
import { itWithShared, sharedFile } from '../support/shared-data.ts';
import { autoMatch, fieldOf, guessBoundaryFields, guessKind, headerKey, normaliseHeader, renameHeader, templateCsv } from '../../src/lib/io/mapping.ts';

describe('import column mapping', () => {
  it('normalises headers', () => {
    expect(normaliseHeader('  «Численность  населения»  ')).toBe('численность населения');
    expect(normaliseHeader('Код_КАТО')).toBe('код като');
    expect(normaliseHeader('Ёлка')).toBe('елка');
  });
  it('knows headers in Kazakh, Russian and English', () => {
    expect(fieldOf('Халық саны')).toBe('population');
    expect(fieldOf('Численность населения')).toBe('population');
    expect(fieldOf('population')).toBe('population');
    expect(fieldOf('КАТО')).toBe('id');
    expect(fieldOf('Код КАТО')).toBe('id');
    expect(fieldOf('Наименование')).toBe('name_ru');
    expect(fieldOf('Широта')).toBe('lat');
    expect(fieldOf('Ендік')).toBe('lat');
    expect(fieldOf('Долгота')).toBe('lon');
    expect(fieldOf('Бойлық')).toBe('lon');
    expect(fieldOf('has_school', ['has_school'])).toBe('has_school');
    expect(fieldOf('something else')).toBeNull();
  });
  it('matches the national KATO list, exact names first, each field once', () => {
    const header = ['kato', 'name_kk', 'kato_name_ru', 'name_ru', 'type_code', 'district_kato', 'district_ru', 'district_kk', 'oblast_ru', 'oblast_kk', 'lat', 'lon', 'osm_population'];
    const m = autoMatch(header);
    expect(m).toMatchObject({ kato: 'id', name_kk: 'name_kk', name_ru: 'name_ru', district_ru: 'district', district_kk: null, oblast_ru: 'oblast', oblast_kk: null, lat: 'lat', lon: 'lon', type_code: null });
    expect(guessKind({ polygons: false, points: false, mapping: { ...m, osm_population: null }, indicators: ['has_school'] })).toMatchObject({ kind: 'list', sure: true });
    expect(renameHeader(['a', 'b'], { a: 'id', b: null })).toEqual(['id', 'b']);
    expect(headerKey(['Код КАТО', 'Широта'])).toBe(headerKey(['код_като', 'ШИРОТА']));
  });
  it('guesses registers and boundaries', () => {
    expect(guessKind({ polygons: false, points: true, mapping: { id: 'id', has_school: 'has_school' }, indicators: ['has_school'] }).kind).toBe('register');
    expect(guessKind({ polygons: true, points: false, mapping: {}, indicators: [] })).toMatchObject({ kind: 'boundaries', sure: true });
    expect(guessKind({ polygons: false, points: true, mapping: { a: 'id' }, indicators: [] }).sure).toBe(false);
    expect(guessBoundaryFields(['KATO', 'ADM1_EN', 'ADM1_KK', 'ADM2_PCODE', 'ADM2_KK', 'ADM2_EN'], 'kk')).toEqual({ id: 'KATO', name: 'ADM2_KK', level: 2 });
    expect(guessBoundaryFields(['ADM1_PCODE', 'ADM1_RU'], 'ru')).toEqual({ id: 'ADM1_PCODE', name: 'ADM1_RU', level: 1 });
  });
  it('writes a template whose headers map back', () => {
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const header = templateCsv(lang, ['has_school']).replace('\uFEFF', '').trim().split(';');
      const m = autoMatch(header, ['has_school']);
      expect(Object.values(m)).toContain('population');
      expect(Object.values(m)).toContain('id');
    }
  });

  describe('what a file is, on real headers (sure: imported straight away; unsure: asked first)', () => {
    const indicators = preset('2019').indicators.map((i) => i.column);
    const guessHeader = (line: string) => {
      const header = line.replace('\uFEFF', '').trim().split(',');
      return guessKind({ polygons: false, points: false, mapping: autoMatch(header, indicators), indicators });
    };
    itWithShared(['kz-settlements-kato-2025.csv'], 'the national KATO list is surely a list (no indicators, no population)', () => {
      const first = fs.readFileSync(sharedFile('kz-settlements-kato-2025.csv'), 'utf8').split('\n')[0];
      const g = guessHeader(first);
      expect(g).toEqual({ kind: 'list', sure: true, evidence: { indicators: [], has: ['id', 'name', 'coordinates', 'district', 'oblast'] } });
    });
    it('the fixture registers are surely registers (their indicator columns are the evidence)', () => {
      for (const f of ['test/fixtures/audit-register.csv', 'test/fixtures/register-districts.csv']) {
        const g = guessHeader(fs.readFileSync(f, 'utf8').split('\n')[0]);
        expect(g.kind, f).toBe('register');
        expect(g.sure, f).toBe(true);
        expect(g.evidence.indicators, f).toContain('share_young_pct');
        expect(g.evidence.has, f).toEqual(['id', 'name', 'coordinates', 'district', 'oblast', 'population']);
      }
    });
    it('the embedded data\'s template and the illustrative register are registers', () => {
      expect(guessHeader(fs.readFileSync('data/example-register-illustrative.csv', 'utf8').split('\n')[0])).toMatchObject({ kind: 'register', sure: true });
    });
    it('a population with no list shape is a register; a list shape with population, or ids and names only, is unsure', () => {
      expect(guessHeader('id,name_en,lat,lon,population')).toMatchObject({ kind: 'register', sure: true });
      // the KATO list's columns plus a population: a register without indicators or a list with population
      const withPop = guessHeader('kato,name_kk,name_ru,type_code,district_ru,oblast_ru,lat,lon,population');
      expect(withPop).toMatchObject({ kind: 'register', sure: false, evidence: { indicators: [], has: ['id', 'name', 'coordinates', 'district', 'oblast', 'population'] } });
      // ids, names and coordinates: nothing says register or list
      expect(guessHeader('kato,name_ru,lat,lon')).toEqual({ kind: 'list', sure: false, evidence: { indicators: [], has: ['id', 'name', 'coordinates'] } });
      expect(guessHeader('foo,bar')).toEqual({ kind: 'register', sure: false, evidence: { indicators: [], has: [] } });
    });
  });
});
