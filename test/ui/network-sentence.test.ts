// The comparison sentence in the three languages, from a hand-made result.
import { describe, expect, it } from 'vitest';
import { comparisonSentence } from '../../src/lib/ui/network/network-sentence.ts';

describe('the comparison sentence', () => {
  // 78 approved cover 710 of 1,000 rural people; the best 78 cover 840; 61 suffice for 710
  const r = { ruralPopulation: 1000, comparison: { current: 78, currentPopulation: 710, bestPopulation: 840, suffice: 61 } };

  it('says the current, the best and the fewest, in kk, ru and en', () => {
    expect(comparisonSentence('en', r)).toBe('The current 78 supports cover 71%; the best 78 cover 84%; 61 suffice for 71% (share of rural people, same radius).');
    expect(comparisonSentence('ru', r)).toBe('Текущие 78 опорных охватывают 71%; лучшие 78 охватывают 84%; для 71% достаточно 61 (доля сельских жителей, тот же радиус).');
    expect(comparisonSentence('kk', r)).toBe('Қазіргі 78 тірек 71% қамтиды; ең жақсы 78 тірек 84% қамтиды; 71% үшін 61 тірек жеткілікті (ауыл тұрғындарының үлесі, сол радиуспен).');
  });

  it('leaves out what the result lacks, and says nothing without a current list', () => {
    const partial = { ruralPopulation: 3, comparison: { current: 2, currentPopulation: 2, bestPopulation: null, suffice: null } };
    expect(comparisonSentence('en', partial)).toBe('The current 2 supports cover 66.7% (share of rural people, same radius).');
    expect(comparisonSentence('en', { ruralPopulation: 1000, comparison: null })).toBeNull();
  });
});
