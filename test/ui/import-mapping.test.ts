import { describe, expect, it } from 'vitest';
import { autoMatch, fieldOf, guessBoundaryFields, guessKind, headerKey, normaliseHeader, renameHeader, templateCsv } from '../../src/lib/ui/import/mapping.ts';

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
    expect(guessKind({ polygons: false, points: false, mapping: { ...m, osm_population: null }, indicators: ['has_school'] })).toEqual({ kind: 'list', sure: true });
    expect(renameHeader(['a', 'b'], { a: 'id', b: null })).toEqual(['id', 'b']);
    expect(headerKey(['Код КАТО', 'Широта'])).toBe(headerKey(['код_като', 'ШИРОТА']));
  });
  it('guesses registers and boundaries', () => {
    expect(guessKind({ polygons: false, points: true, mapping: { id: 'id', has_school: 'has_school' }, indicators: ['has_school'] }).kind).toBe('register');
    expect(guessKind({ polygons: true, points: false, mapping: {}, indicators: [] })).toEqual({ kind: 'boundaries', sure: true });
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
});
