import { describe, expect, it } from 'vitest';
import { networkCsv } from '../../src/lib/ui/network/network-csv.ts';
import type { NetworkResult } from '../../src/lib/worker/network-protocol.ts';

describe('network CSV', () => {
  it('writes one row per support with the parameters', () => {
    const r = { problem: 'mclp', supports: Int32Array.from([0, 2]), coveredPopulation: 180, ruralPopulation: 200, upperBoundPopulation: 185, gap: 0.027, target: null } as unknown as NetworkResult;
    const text = networkCsv([{ id: 'a', mapRow: 0, served: 150, names: { kk: null, ru: null, en: null } }, { id: 'c', mapRow: 1, served: 30, names: { kk: null, ru: null, en: null } }], r,
      { kind: 'mclp', supports: 2, targetPercent: 90, radiusKm: 15, candidates: 'all', requiredIds: [], excludedText: 'x' }, false, 1, '2026-12-05');
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('id,people_served,problem,supports,target_share,radius_km,candidates,required_current,excluded,covered_population,rural_population,upper_bound_population,gap,date,source');
    expect(lines[1]).toBe('a,150,mclp,2,,15,all,no,1,180,200,185,0.027,2026-12-05,Auyl Atlas network suggestion (straight-line distance)');
    expect(lines.length).toBe(3);
  });
});
