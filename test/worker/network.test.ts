// The worker's network module: a solve from an assessment answers in register rows (towns left out), a cancel
// stops it, and id problems come back as keys with kk/ru/en messages.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessTable } from '../../src/lib/engine/assess.ts';
import { RegisterColumns } from '../../src/lib/engine/columns.ts';
import { preset } from '../../src/lib/engine/config/presets.ts';
import { mulberry32 } from '../../data/seeded-random.ts';
import type { Settlement } from '../../src/lib/engine/types.ts';
import { NetworkJobs, solveNetworkRequest } from '../../src/lib/worker/network.ts';
import { NOT_IN_NETWORK, type NetworkReply, type NetworkSolveRequest } from '../../src/lib/worker/network-protocol.ts';
import { networkErrorMessage } from '../../src/lib/i18n/network.ts';
import { bordersFromFgb, placesFromFgb } from '../../src/lib/io/embedded.ts';

const config = preset('2019');
const r = mulberry32(5);
// 120 villages around 50° N 70° E, and one town of 20,000 people (row 0)
const settlements: Settlement[] = Array.from({ length: 121 }, (_, i) => ({
  id: `s${String(i).padStart(3, '0')}`, name_kk: null, name_ru: null, name_en: null, lat: 50 + r() * 0.6, lon: 70 + r() * 0.9,
  oblast: 'KZ-KAR', district: null, rural_district: null, is_district_centre: i % 10 === 1, is_rural_district_centre: i % 4 === 2,
  population: i === 0 ? 20_000 : Math.round(50 + 2000 * r() ** 2), indicators: {},
}));
const table = assessTable(new RegisterColumns(settlements), config, {
  places: await placesFromFgb(new Uint8Array(fs.readFileSync('public/data/settlements.fgb'))),
  borders: await bordersFromFgb(new Uint8Array(fs.readFileSync('public/data/borders.fgb'))),
});
const request = (over: Partial<NetworkSolveRequest> = {}): NetworkSolveRequest => ({
  type: 'network-solve', id: 1, problem: { kind: 'mclp', supports: 6 }, candidates: 'all', requiredIds: [], excludedIds: [], radiusKm: 10, ...over,
});

describe('worker network module', () => {
  it('answers in register rows; the town is not in the network', async () => {
    const reply = await solveNetworkRequest(request({ requiredIds: ['s050'] }), { table });
    expect(reply.type).toBe('network-result');
    if (reply.type !== 'network-result') return;
    const res = reply.result;
    expect(res.supports.length).toBe(6);
    expect(Array.from(res.supports)).toContain(50);
    expect(res.role[0]).toBe(NOT_IN_NETWORK);
    expect(res.supportRow[0]).toBe(-1);
    let covered = 0;
    for (let i = 1; i < 121; i++) {
      if (res.role[i] !== 2) covered += settlements[i].population!;
      if (res.role[i] === 0) expect(res.supportRow[i]).toBe(i);
      if (res.role[i] === 1) expect(res.km[i]).toBeLessThanOrEqual(10);
    }
    expect(res.coveredPopulation).toBe(covered);
    expect(res.ruralPopulation).toBe(settlements.slice(1).reduce((a, s) => a + s.population!, 0));
    expect(res.upperBoundPopulation!).toBeGreaterThanOrEqual(res.coveredPopulation);
    expect(res.curve.length).toBe(120);
  });

  it('reports id problems as keys, worded in kk, ru and en', async () => {
    const reply = await solveNetworkRequest(request({ requiredIds: ['nope'] }), { table });
    expect(reply).toMatchObject({ type: 'network-error', key: 'unknown_id', params: { id: 'nope', list: 'required' } });
    if (reply.type !== 'network-error') return;
    expect(networkErrorMessage('en', reply.key, reply.params)).toBe('Required supports: id "nope" is not in the register');
    expect(networkErrorMessage('ru', reply.key, reply.params)).toContain('нет в реестре');
    expect(networkErrorMessage('kk', reply.key, reply.params)).toContain('тізілімде жоқ');
    const town = await solveNetworkRequest(request({ excludedIds: ['s000'] }), { table });
    expect(town).toMatchObject({ type: 'network-error', key: 'not_rural' });
  });

  it('a cancel stops the running solve; the next one answers', async () => {
    const jobs = new NetworkJobs();
    const replies: NetworkReply[] = [];
    const post = (reply: NetworkReply) => void replies.push(reply);
    const first = jobs.handle(request({ id: 7, problem: { kind: 'pmedian', supports: 10 } }), () => ({ table }), post);
    await jobs.handle({ type: 'network-cancel', id: 7 }, () => ({ table }), post);
    await first;
    expect(replies.at(-1)).toMatchObject({ type: 'network-cancelled', id: 7 });
    await jobs.handle(request({ id: 8 }), () => ({ table }), post);
    expect(replies.at(-1)).toMatchObject({ type: 'network-result', id: 8 });
  });
});
