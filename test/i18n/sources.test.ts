// The one sources line: built from what is loaded; "synthetic" only for synthetic data, in every language.
import { describe, expect, it } from 'vitest';
import { buildSourcesLine } from '../../src/lib/i18n/sources.ts';
import { LANGS } from '../../src/lib/i18n/index.ts';

const SYNTHETIC = /synthetic|синтетикалық|синтетическ/i;

describe('sources line', () => {
  it('the embedded data: the embedded sources and the illustrative register\'s synthetic values', () => {
    const en = buildSourcesLine('en', { data: { kind: 'embedded' }, boundaries: [] });
    expect(en).toBe('Sources: Natural Earth; GeoNames (CC BY 4.0); Auyl Atlas. Indicator values are SYNTHETIC (illustrative register). Distances are straight lines.');
    for (const lang of LANGS) expect(buildSourcesLine(lang, { data: { kind: 'embedded' }, boundaries: [] })).toMatch(SYNTHETIC);
  });

  it('an imported register: its file, rows and date of import, the boundary credit, never "synthetic"', () => {
    const loaded = {
      data: { kind: 'imported' as const, fileName: 'akmola-2025.xlsx', rows: 1234, importedOn: '2026-12-05' },
      boundaries: [{ fileName: 'kz-adm2-2024.fgb', credit: 'geokz (CC BY 4.0)' }, { fileName: 'oblasts.geojson', credit: null }],
    };
    expect(buildSourcesLine('en', loaded)).toBe(
      'Sources: Natural Earth; GeoNames (CC BY 4.0); Auyl Atlas. Data: akmola-2025.xlsx (1,234 rows, imported 2026-12-05). Boundaries: geokz (CC BY 4.0). Boundaries: oblasts.geojson. Distances are straight lines.',
    );
    for (const lang of LANGS) {
      const line = buildSourcesLine(lang, loaded);
      expect(line).not.toMatch(SYNTHETIC);
      expect(line).toContain('akmola-2025.xlsx');
      expect(line).toContain('geokz (CC BY 4.0)');
    }
    // without a row count or date: no empty brackets
    expect(buildSourcesLine('ru', { data: { kind: 'imported', fileName: 'list.csv', rows: null, importedOn: null }, boundaries: [] })).toContain('Данные: list.csv.');
  });

  it('a synthetic benchmark register says so', () => {
    expect(buildSourcesLine('kk', { data: { kind: 'synthetic', rows: 100000 }, boundaries: [] })).toMatch(/СИНТЕТИКАЛЫҚ/);
  });
});
