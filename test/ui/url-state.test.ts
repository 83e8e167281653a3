import { describe, expect, it } from 'vitest';
import { parse, serialise, MAX_URL_LENGTH, type UrlState } from '../../src/lib/ui/url-state.ts';
import { allClassKeys } from '../../src/lib/map/classes.ts';

const full: UrlState = {
  view: { zoom: 6.25, lat: 47.8312, lon: 84.1234 },
  mode: 'score_total',
  method: 'custom',
  count: 4,
  custom: [20, 35.5, 60],
  hidden: ['c0', 'no_data'],
  lang: 'ru',
  selected: 'gn1516519',
};

describe('URL state', () => {
  it('round-trips every field', () => {
    const hash = serialise(full);
    expect(hash.startsWith('#map=6.25/')).toBe(true);
    const { state, invalid } = parse(hash);
    expect(invalid).toEqual([]);
    expect(state.view!.zoom).toBe(6.25);
    expect(state.view!.lat).toBeCloseTo(47.8312, 2);
    expect(state.view!.lon).toBeCloseTo(84.1234, 2);
    expect({ ...state, view: undefined }).toEqual({ ...full, view: undefined });
  });

  it('stays well under 2,000 characters with the largest state', () => {
    const hidden = [...allClassKeys()].sort((a, b) => b.length - a.length).slice(0, 24);
    const hash = serialise({ ...full, hidden, custom: [1.123456, 2.5, 3, 4, 5, 6.75] });
    expect(hash.length).toBeLessThan(MAX_URL_LENGTH);
    expect(parse(hash).invalid).toEqual([]);
  });

  it('an empty hash is an empty state', () => {
    expect(serialise({})).toBe('');
    expect(parse('')).toEqual({ state: {}, invalid: [] });
    expect(parse('#')).toEqual({ state: {}, invalid: [] });
  });

  it('ignores invalid values and names them, keeping the valid ones', () => {
    const { state, invalid } = parse('#map=99/100/0&mode=rainbow&breaks=jenks-5&custom=1,x&hide=a b&lang=de&sel=<x>&foo=1&breaks=quantile-9&lang=kk');
    expect(invalid).toEqual(['map=99/100/0', 'mode=rainbow', 'breaks=jenks-5', 'custom=1,x', 'hide=a b', 'lang=de', 'sel=<x>', 'foo=1', 'breaks=quantile-9']);
    expect(state).toEqual({ lang: 'kk' });
  });

  it('rejects hidden classes no mode has', () => {
    expect(parse('#hide=support,unicorn')).toEqual({ state: {}, invalid: ['hide=support,unicorn'] });
    expect(parse('#hide=support,c6,no_data').state.hidden).toEqual(['support', 'c6', 'no_data']);
  });

  it('accepts a method without a count, sorts custom breaks and drops duplicate hidden keys', () => {
    const { state, invalid } = parse('#breaks=ckmeans&custom=30,10,20,10&hide=support,support,other');
    expect(invalid).toEqual([]);
    expect(state).toEqual({ method: 'ckmeans', custom: [10, 20, 30], hidden: ['support', 'other'] });
  });

  it('rejects a malformed percent-encoding and an over-long hash', () => {
    expect(parse('#sel=%E0%A4%A').invalid).toEqual(['sel=%E0%A4%A']);
    expect(parse(`#foo=${'b'.repeat(50)}`).invalid).toEqual([`foo=${'b'.repeat(31)}…`]);
    expect(parse(`#sel=${'a'.repeat(2100)}`).invalid).toEqual(['#']);
  });

  it('keeps only half-pixel precision for the centre', () => {
    expect(serialise({ view: { zoom: 3, lat: 48.123456789, lon: 67.987654321 } })).toBe('#map=3/48.12/67.99');
  });
});

describe('filters in the URL', () => {
  it('round-trips every filter field', async () => {
    const { serialise, parse } = await import('../../src/lib/ui/url-state.ts');
    const filter = { oblasts: ['KZ-ABY'], districts: ['Зайсан ауданы'], categories: ['support', 'satellite'], potentials: ['high'], borderStatuses: [], kind: 'rural' as const, score: [20, null] as [number | null, number | null], population: [null, 5000] as [number | null, number | null] };
    const hash = serialise({ filter });
    const back = parse(hash);
    expect(back.invalid).toEqual([]);
    expect(back.state.filter).toEqual({ oblasts: ['KZ-ABY'], districts: ['Зайсан ауданы'], categories: ['support', 'satellite'], potentials: ['high'], kind: 'rural', score: [20, null], population: [null, 5000] });
  });
  it('ignores unknown categories and reversed ranges', async () => {
    const { parse } = await import('../../src/lib/ui/url-state.ts');
    const r = parse('#cat=support,nonsense&score=60..20&kind=city');
    expect(r.invalid).toEqual(['cat=support,nonsense', 'score=60..20', 'kind=city']);
    expect(r.state.filter).toBeUndefined();
  });
});

describe('URL state: unknown regions', () => {
  it('names an unknown region code and keeps the map (no region filter of nothing)', () => {
    const r = parse('#obl=KZ-XXX&mode=potential');
    expect(r.invalid).toEqual(['obl=KZ-XXX']);
    expect(r.state).toEqual({ mode: 'potential' });
  });
  it('drops only the unknown code when a known one is beside it; names of regions pass', () => {
    const r = parse('#obl=KZ-ABY,KZ-XXX');
    expect(r.invalid).toEqual(['obl=KZ-XXX']);
    expect(r.state.filter).toEqual({ oblasts: ['KZ-ABY'] });
    expect(parse('#obl=Fixture oblast').state.filter).toEqual({ oblasts: ['Fixture oblast'] });
  });
});

describe('URL state: the audit mode', () => {
  it('accepts mode=audit with its classes hidden, and round-trips it', () => {
    const { state, invalid } = parse('#mode=audit&hide=upgrade,no_status&lang=en');
    expect(invalid).toEqual([]);
    expect(state).toEqual({ mode: 'audit', hidden: ['upgrade', 'no_status'], lang: 'en' });
    expect(serialise(state)).toBe('#mode=audit&hide=upgrade,no_status&lang=en');
    expect(parse('#mode=audits').invalid).toEqual(['mode=audits']);
  });
});
