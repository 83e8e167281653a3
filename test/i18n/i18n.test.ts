import { describe, expect, it } from 'vitest';
import { DICTS, fmtKm, fmtInt, t, tDynamic } from '../../src/lib/i18n/index.ts';
import { ruleText } from '../../src/lib/i18n/rules.ts';
import { classLabel } from '../../src/lib/ui/mapview/legend-labels.ts';
import { numberOrDash } from '../../src/lib/ui/explore/explore-format.ts';

describe('i18n', () => {
  it('every dictionary has the same keys, none empty', () => {
    const keys = Object.keys(DICTS.en).sort();
    for (const d of Object.values(DICTS)) {
      expect(Object.keys(d).sort()).toEqual(keys);
      expect(Object.values(d).filter((v) => !v.trim())).toEqual([]);
    }
  });
  it('words every GeoNames populated-place code (P class) in each language: no raw code on screen', () => {
    const codes = ['PPL', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPLC', 'PPLCH', 'PPLF', 'PPLG', 'PPLH', 'PPLL', 'PPLQ', 'PPLR', 'PPLS', 'PPLW', 'PPLX'];
    for (const lang of ['kk', 'ru', 'en'] as const) for (const c of codes) expect(tDynamic(lang, `feature.${c}`, 'MISSING'), `${lang} ${c}`).not.toBe('MISSING');
  });
  it('formats numbers and distances per language', () => {
    expect(fmtKm('kk', 9.44)).toBe('9,4 км');
    expect(fmtKm('ru', 9.44)).toBe('9,4 км');
    expect(fmtKm('en', 9.44)).toBe('9.4 km');
    expect(fmtInt('en', 12345)).toBe('12,345');
    // one column, one number of decimals: 13 is written "13,0" beside "12,8"
    expect([13, 12.84].map((x) => numberOrDash('kk', x))).toEqual(['13,0', '12,8']);
    expect(numberOrDash('en', 7)).toBe('7.0');
    expect(numberOrDash('ru', NaN)).toBe('—');
    expect(fmtInt('ru', 12345).replace(/\s/g, ' ')).toBe('12 345');
  });
  it('words a satellite rule in each language, with the Kazakh genitive', () => {
    const p = { support: { kk: 'Зайсан', ru: 'Зайсан', en: 'Zaysan' }, km: 9.4 };
    expect(ruleText('kk', 'satellite', p, '')).toBe('Зайсанның серігі, 9,4 км');
    expect(ruleText('ru', 'satellite', p, '')).toBe('Спутник пункта Зайсан, 9,4 км');
    expect(ruleText('en', 'satellite', p, '')).toBe('Satellite of Zaysan, 9.4 km');
  });
  it('falls back to the rule family, then to the engine text, for codes it does not know', () => {
    expect(ruleText('en', 'support.cluster_head', { potential: 'high' }, 'x')).toBe('Support: high potential');
    expect(ruleText('en', 'newfamily.rule', {}, 'engine text')).toBe('engine text');
    expect(ruleText('ru', 'support.district_centre', { potential: 'medium' }, '')).toBe('Опорный: районный центр, потенциал средний');
  });
  it('labels graduated classes by their breaks', () => {
    expect(classLabel('en', 'score_total', 'c0', [20, 40])).toBe('below 20');
    expect(classLabel('ru', 'score_total', 'c1', [20, 40.5])).toBe('20 – 40,5');
    expect(classLabel('kk', 'score_total', 'c2', [20, 40])).toBe('40 және одан жоғары');
    expect(classLabel('kk', 'category', 'support', [])).toBe(t('kk', 'category.support'));
  });
});
