// The scenario defaults' tooltips: status and source in the UI language.
import { describe, expect, it } from 'vitest';
import { defaultTitle, sourceText } from '../../src/lib/ui/decide/default-source.ts';
import { PRESETS, preset, type PresetId } from '../../src/lib/engine/config/presets.ts';

/** Every source text of a preset (blocks, indicators, potential, categories, town tiers). */
function sources(id: PresetId): string[] {
  const c = preset(id);
  const out = [...c.blocks.map((b) => b.source), ...c.indicators.map((i) => i.source), c.potential.source, ...c.geospatial.town_tiers.map((t) => t.source)];
  const cat = c.categories;
  out.push(cat.min_population.source, cat.support.source, cat.support.population_route.source, cat.satellite.source, cat.strategic.neighbours.source, cat.strategic.within_km.source);
  return out.filter(Boolean);
}

describe('scenario default tooltips', () => {
  it('words the status and a lead-in in each language', () => {
    expect(defaultTitle('kk', 'confirmed', 'Auyl Atlas default')).toBe('Мәртебесі: расталған. Дереккөзі: Auyl Atlas әдепкі мәні');
    expect(defaultTitle('ru', 'assumed', 'Auyl Atlas default')).toMatch(/^Статус: .+\. Источник: значение Auyl Atlas по умолчанию$/);
    expect(defaultTitle('en', 'letter', 'Auyl Atlas default')).toBe('Status: from the 2023 letter. Source: Auyl Atlas default');
  });
  it('translates a source part by part and marks a part it does not know as English', () => {
    expect(sourceText('ru', 'Proximity to large settlements (2023 letter); tier thresholds are Auyl Atlas defaults')).toBe('Близость к крупным населённым пунктам (письмо 2023 г.); пороги уровней — значения Auyl Atlas по умолчанию');
    expect(sourceText('kk', 'Some new source')).toBe('Some new source (ағылшынша)');
  });
  it('translates most of the presets\' source parts (the short ones all)', () => {
    for (const id of Object.keys(PRESETS) as PresetId[]) {
      const all = sources(id);
      expect(all.length).toBeGreaterThan(10);
      const c = preset(id);
      const untranslated = [...all.filter((s) => !c.indicators.some((i) => i.source === s)), ...c.indicators.map((i) => sourceText('kk', i.source, i.label))].filter((s) => sourceText('kk', s).includes('(ағылшынша)'));
      // the block, potential, category and tier sources are all translated; indicator sources may cite documents
      const structural = [...preset(id).blocks.map((b) => b.source), preset(id).potential.source, preset(id).categories.satellite.source, preset(id).categories.min_population.source, preset(id).categories.town.source];
      expect(structural.filter((s) => sourceText('kk', s).includes('(ағылшынша)')), id).toEqual([]);
      // an indicator's own name and status words: «Орталықтандырылған сумен жабдықтау [расталған]; …»
      const water = c.indicators.find((i) => /water/i.test(i.label.en ?? ''));
      if (water) expect(sourceText('kk', water.source, water.label).startsWith(water.label.kk!)).toBe(true);
      expect(untranslated.length).toBeLessThan(all.length);
    }
  });
});
