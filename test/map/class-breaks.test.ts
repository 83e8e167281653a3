import { describe, expect, it } from 'vitest';
import { computeBreaks, equalIntervalBreaks, naturalBreaks, quantileBreaks, sortedFinite, clampCount } from '../../src/lib/map/class-breaks.ts';
import { classIndex, classesFor, sequentialColours } from '../../src/lib/map/classes.ts';

const sorted = (xs: number[]) => sortedFinite(Float64Array.from(xs));

describe('class breaks', () => {
  it('quantile: equal counts per class', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i);
    expect(quantileBreaks(sorted(xs), 4)).toEqual([25, 50, 75]);
  });
  it('quantile: ties collapse rather than leave empty classes', () => {
    expect(quantileBreaks(sorted([1, 1, 1, 1, 1, 1, 2, 3]), 4)).toEqual([2]);
  });
  it('equal interval: evenly spaced between min and max', () => {
    expect(equalIntervalBreaks(sorted([0, 3, 10]), 5)).toEqual([2, 4, 6, 8]);
    expect(equalIntervalBreaks(sorted([5, 5]), 3)).toEqual([]);
  });
  it('natural breaks find the gaps between clusters', () => {
    const xs = [1, 2, 3, 2, 1, 50, 51, 52, 100, 101, 99];
    expect(naturalBreaks(sorted(xs), 3)).toEqual([50, 99]);
  });
  it('natural breaks on a large column stay fast and ordered', () => {
    const xs = Float64Array.from({ length: 100_000 }, (_, i) => ((i * 7919) % 1000) / 10);
    const t0 = performance.now();
    const b = naturalBreaks(sortedFinite(xs), 5);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(b.length).toBe(4);
    expect([...b].sort((a, c) => a - c)).toEqual(b);
  });
  it('ignore NaN (no data) and handle an empty column', () => {
    expect(computeBreaks(Float64Array.from([NaN, NaN]), { method: 'quantile', count: 5, custom: [] })).toEqual([]);
    expect(computeBreaks(Float64Array.from([NaN, 0, 10, 20, 30]), { method: 'equal', count: 3, custom: [] })).toEqual([10, 20]);
  });
  it('custom values are sorted, deduplicated and capped at 6 breaks (7 classes)', () => {
    expect(computeBreaks([], { method: 'custom', count: 5, custom: [30, 10, 10, NaN, 20] })).toEqual([10, 20, 30]);
    expect(computeBreaks([], { method: 'custom', count: 5, custom: [1, 2, 3, 4, 5, 6, 7, 8] })).toHaveLength(6);
  });
  it('class counts are clamped to 3–7', () => {
    expect([clampCount(1), clampCount(5), clampCount(12), clampCount(NaN)]).toEqual([3, 5, 7, 5]);
  });
});

describe('classes', () => {
  it('a break opens its class', () => {
    expect([0, 9.99, 10, 15, 20, 99].map((v) => classIndex(v, [10, 20]))).toEqual([0, 0, 1, 1, 2, 2]);
  });
  it('graduated modes: one class per interval and a no-data class, distinct colours', () => {
    const cs = classesFor('score_total', [10, 20, 30, 40]);
    expect(cs.map((c) => c.key)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'no_data']);
    for (let k = 1; k <= 7; k++) expect(new Set(sequentialColours(k)).size).toBe(k);
  });
  it('district classes are unavailable without a district layer', () => {
    expect(classesFor('border_status', [], false).filter((c) => c.unavailable).map((c) => c.key)).toEqual(['china_and_russia_district', 'china_district', 'russia_district']);
    expect(classesFor('border_status', [], true).some((c) => c.unavailable)).toBe(false);
  });
});
