// Filters and summaries over explore columns, with hand-counted expectations.
import { describe, expect, it } from 'vitest';
import { NO_CODE, type ExploreColumns } from '../../src/lib/engine/explore/columns.ts';
import { filterMask, countMask, NO_FILTER, isEmptyFilter } from '../../src/lib/engine/explore/filter.ts';
import { summarise } from '../../src/lib/engine/explore/summary.ts';
import { CATEGORIES } from '../../src/lib/engine/classify.ts';
import { POTENTIALS } from '../../src/lib/engine/score.ts';
import { BORDER_STATUSES } from '../../src/lib/engine/geo/geospatial.ts';

const C = (c: string) => CATEGORIES.indexOf(c as never);
const P = (p: string) => POTENTIALS.indexOf(p as never);
const B = (b: string) => BORDER_STATUSES.indexOf(b as never);

// Six rows in two districts of one oblast, and a town.
//  row  district  category   potential  pop   town  border
//  0    Zaysan    support    high       3000  0     china_district
//  1    Zaysan    satellite  medium     800   0     china_district
//  2    Zaysan    other      low        200   0     china_district
//  3    Kurchum   strategic  low        400   0     china_district
//  4    Kurchum   —          —          NaN   0     interior
//  5    Zaysan    support    high       16000 1     china_district
function columns(): ExploreColumns {
  return {
    size: 6,
    category: Uint8Array.from([C('support'), C('satellite'), C('other'), C('strategic'), NO_CODE, C('support')]),
    potential: Uint8Array.from([P('high'), P('medium'), P('low'), P('low'), NO_CODE, P('high')]),
    borderStatus: Uint8Array.from([0, 0, 0, 0, 1, 0].map((x) => (x ? B('interior') : B('china_district')))),
    scorePercent: Float64Array.from([70, 40, 20, 25, NaN, 80]),
    population: Float64Array.from([3000, 800, 200, 400, NaN, 16000]),
    isTown: Uint8Array.from([0, 0, 0, 0, 0, 1]),
    oblast: Int32Array.from([0, 0, 0, 0, 0, 0]),
    oblasts: ['KZ-ABY'],
    district: Int32Array.from([0, 0, 0, 1, 1, 0]),
    districts: ['Zaysan', 'Kurchum'],
  };
}

describe('filters', () => {
  const c = columns();
  const rows = (mask: Uint8Array) => [...mask].flatMap((m, i) => (m ? [i] : []));

  it('keeps everything with no filter', () => {
    expect(isEmptyFilter(NO_FILTER)).toBe(true);
    expect(countMask(filterMask(c, NO_FILTER))).toBe(6);
  });

  it('combines fields with AND and values with OR', () => {
    expect(rows(filterMask(c, { ...NO_FILTER, districts: ['Zaysan'], categories: ['support'] }))).toEqual([0, 5]);
    expect(rows(filterMask(c, { ...NO_FILTER, districts: ['Zaysan'], categories: ['support'], kind: 'rural' }))).toEqual([0]);
    expect(rows(filterMask(c, { ...NO_FILTER, categories: ['support', 'strategic'] }))).toEqual([0, 3, 5]);
    expect(rows(filterMask(c, { ...NO_FILTER, potentials: ['low'] }))).toEqual([2, 3]);
    expect(rows(filterMask(c, { ...NO_FILTER, borderStatuses: ['interior'] }))).toEqual([4]);
    expect(rows(filterMask(c, { ...NO_FILTER, oblasts: ['KZ-VOS'] }))).toEqual([]);
  });

  it('reads ranges inclusively, open ends as null, and drops rows without a value from a bounded range', () => {
    expect(rows(filterMask(c, { ...NO_FILTER, population: [400, 3000] }))).toEqual([0, 1, 3]);
    expect(rows(filterMask(c, { ...NO_FILTER, score: [40, null] }))).toEqual([0, 1, 5]);
    expect(rows(filterMask(c, { ...NO_FILTER, score: [null, 25] }))).toEqual([2, 3]);
  });
});

describe('summaries', () => {
  it('counts by category, potential and kind, and the coverage of rural people by support and satellites', () => {
    const [all, zaysan, kurchum] = summarise(columns(), 'district');
    expect(all).toMatchObject({ unit: -2, settlements: 6, towns: 1, rural: 5, population: 20400, ruralPopulation: 4400 });
    // rural people in support + satellite: 3000 + 800 of 4400
    expect(all.coverage).toBeCloseTo(3800 / 4400, 12);
    expect(zaysan).toMatchObject({ name: 'Zaysan', settlements: 4, towns: 1, rural: 3, population: 20000, ruralPopulation: 4000 });
    expect(zaysan.coverage).toBeCloseTo(3800 / 4000, 12);
    expect(zaysan.categoryCount).toEqual([2, 1, 0, 1, 0, 0]); // support, satellite, strategic, other, town, not assessed
    expect(zaysan.categoryPopulation).toEqual([19000, 800, 0, 200, 0, 0]);
    expect(kurchum).toMatchObject({ name: 'Kurchum', settlements: 2, population: 400, coverage: 0 });
    expect(kurchum.potentialCount).toEqual([0, 1, 0, 0, 1]); // insufficient_data, low, medium, high, not assessed
    expect(kurchum.borderStatusCount[BORDER_STATUSES.indexOf('interior')]).toBe(1);
  });

  it('follows the filter mask', () => {
    const mask = filterMask(columns(), { ...NO_FILTER, kind: 'rural' });
    const [all, zaysan] = summarise(columns(), 'oblast', mask);
    expect(all.settlements).toBe(5);
    expect(zaysan).toMatchObject({ name: 'KZ-ABY', settlements: 5, towns: 0 });
  });
});
