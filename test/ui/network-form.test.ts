import { describe, expect, it } from 'vitest';
import { curvePointAt, curvePoints, parseIdList, solveRequestOf, type NetworkForm } from '../../src/lib/ui/network/network-form.ts';

const form = (over: Partial<NetworkForm> = {}): NetworkForm => ({
  kind: 'mclp', supports: 10, targetPercent: 90, radiusKm: 15, candidates: 'eligible', requiredIds: [], excludedText: '', ...over,
});

describe('network form', () => {
  it('reads an id list, dropping blanks and repeats', () => {
    expect(parseIdList(' a, b;c\n\nb  d ')).toEqual(['a', 'b', 'c', 'd']);
    expect(parseIdList('')).toEqual([]);
  });

  it('builds the request, or names the wrong field', () => {
    expect(solveRequestOf(form({ excludedText: 'x y' }), 100)).toEqual({ request: { problem: { kind: 'mclp', supports: 10 }, candidates: 'eligible', requiredIds: [], excludedIds: ['x', 'y'], radiusKm: 15 } });
    expect(solveRequestOf(form({ kind: 'lscp', targetPercent: 90, radiusKm: null }), 100)).toMatchObject({ request: { problem: { kind: 'lscp', target: 0.9 }, radiusKm: null } });
    expect(solveRequestOf(form({ supports: 0 }), 100)).toEqual({ problem: { key: 'bad.supports', field: 'supports', params: { max: 100 } } });
    expect(solveRequestOf(form({ supports: 2.5 }), 100)).toMatchObject({ problem: { field: 'supports' } });
    expect(solveRequestOf(form({ supports: 101 }), 100)).toMatchObject({ problem: { field: 'supports' } });
    expect(solveRequestOf(form({ kind: 'lscp', targetPercent: 0 }), 100)).toMatchObject({ problem: { field: 'target' } });
    expect(solveRequestOf(form({ radiusKm: 0 }), 100)).toMatchObject({ problem: { field: 'radius' } });
    expect(solveRequestOf(form({ radiusKm: NaN }), 100)).toMatchObject({ problem: { field: 'radius' } });
  });

  it('draws the curve in the box: share 0 at the bottom, N = 1 at the left', () => {
    // rural 1000; N=1 covers 500, N=2 750, N=3 1000 → y = 100 − share × 100 in a 200 × 100 box
    expect(curvePoints([500, 750, 1000], 1000, 200, 100)).toBe('0,50 100,25 200,0');
    expect(curvePointAt([500, 750, 1000], 1000, 200, 100, 2)).toEqual({ x: 100, y: 25 });
    expect(curvePointAt([500, 750, 1000], 1000, 200, 100, 4)).toBeNull();
    expect(curvePoints([], 1000, 200, 100)).toBe('');
  });
});
