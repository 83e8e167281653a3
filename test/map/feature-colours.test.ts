import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { FeatureColours } from '../../src/lib/map/feature-colours.ts';

function fakeMap() {
  const calls: { id: string | number; state: Record<string, unknown> }[] = [];
  const map = { setFeatureState: (f: { id: string | number }, state: Record<string, unknown>) => calls.push({ id: f.id, state }) } as unknown as MapLibreMap;
  return { map, calls };
}

describe('feature colours', () => {
  it('sets every row once, then only the rows whose colour, hidden or support flag changed', () => {
    const { map, calls } = fakeMap();
    const fc = new FeatureColours('settlements');
    const codes = Uint8Array.of(0, 1, 1, 2);
    const support = Uint8Array.of(1, 0, 0, 0);
    expect(fc.apply(map, codes, ['#a', '#b', '#c'], [false, false, false], support)).toBe(4);
    expect(calls[0]).toEqual({ id: 0, state: { c: '#a', h: false, s: true } });
    expect(fc.apply(map, codes, ['#a', '#b', '#c'], [false, false, false], support)).toBe(0);
    expect(fc.apply(map, codes, ['#a', '#b', '#c'], [false, true, false], support)).toBe(2); // hide class 1
    expect(calls.slice(-2).map((c) => c.id)).toEqual([1, 2]);
    expect(fc.apply(map, codes, ['#a', '#b', '#x'], [false, true, false], support)).toBe(1); // class 2 recoloured
    fc.reset();
    expect(fc.apply(map, codes, ['#a', '#b', '#x'], [false, true, false], support)).toBe(4);
  });
});
