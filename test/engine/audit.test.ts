// Approved categories against computed ones: words in three languages, the ranking, satellite checks.
import { describe, expect, it } from 'vitest';
import { auditClass, auditColumns, parseOfficialCategory, checkApprovedSatellite, AUDIT_CLASSES, auditDiff, auditCountsByUnit, isDisagreement, NOT_AUDITED } from '../../src/lib/engine/audit.ts';
import { CATEGORIES } from '../../src/lib/engine/classify.ts';

describe('approved category words', () => {
  it('reads Kazakh, Russian and English words', () => {
    expect(['тірек', 'Тірек ауыл', 'опорный', 'Опорное СНП', 'support'].map(parseOfficialCategory)).toEqual(Array(5).fill('support'));
    expect(['серіктес', 'спутниковый', 'Satellite'].map(parseOfficialCategory)).toEqual(Array(3).fill('satellite'));
    expect(['шекара маңы стратегиялық', 'приграничный стратегический', 'strategic', 'Стратегически важный приграничный'].map(parseOfficialCategory)).toEqual(Array(4).fill('strategic'));
    expect(['басқа', 'прочие', 'other'].map(parseOfficialCategory)).toEqual(Array(3).fill('other'));
    expect(['қала', 'Город', 'town'].map(parseOfficialCategory)).toEqual(Array(3).fill('town'));
    expect(parseOfficialCategory('  ')).toBeNull();
    expect(parseOfficialCategory('перспективный')).toBeUndefined();
  });
});

describe('audit classes', () => {
  it('ranks support > satellite = strategic > other', () => {
    expect(auditClass('support', 'support')).toBe('agreement');
    expect(auditClass('support', 'satellite')).toBe('upgrade');
    expect(auditClass('other', 'strategic')).toBe('downgrade');
    expect(auditClass('satellite', 'strategic')).toBe('changed');
    expect(auditClass(null, 'other')).toBe('no_status');
    const C = (c: string) => CATEGORIES.indexOf(c as never);
    const codes = auditColumns(Uint8Array.from([C('support'), C('other'), 255, C('strategic')]), Uint8Array.from([C('other'), C('other'), C('support'), C('satellite')]));
    expect([...codes].map((c) => AUDIT_CLASSES[c])).toEqual(['upgrade', 'agreement', 'no_status', 'changed']);
  });
});

describe('approved satellites', () => {
  it('flags a support settlement 40 km away, in another district, not itself approved', () => {
    // 0.5603° of longitude at 50° N ≈ 40.0 km
    const sat = { lat: 50, lon: 70, district: 'A', official: 'satellite' as const };
    const far = checkApprovedSatellite(sat, { lat: 50, lon: 70.5603, district: 'B', official: 'other' }, 15);
    expect(far.flags).toEqual(['support_not_approved', 'support_too_far', 'support_other_district']);
    expect(far.km!).toBeCloseTo(40.0, 0);
    expect(checkApprovedSatellite(sat, { lat: 50, lon: 70.1, district: 'A', official: 'support' }, 15).flags).toEqual([]);
    expect(checkApprovedSatellite(sat, undefined, 15)).toEqual({ flags: ['support_not_found'], km: null });
  });
});

describe('audit under the baseline and under a scenario', () => {
  it('lists the disagreements a scenario resolves, creates and shifts', () => {
    // support 0, satellite 1, strategic 2, other 3; 255 = no approved status / not assessed
    const official = Uint8Array.from([0, 3, 1, 255, 2, 0, 1]);
    const baseline = Uint8Array.from([3, 3, 3, 3, 2, 255, 0]);
    const scenario = Uint8Array.from([0, 1, 2, 0, 2, 0, 1]);
    const d = auditDiff(official, baseline, scenario);
    const names = (codes: Uint8Array) => [...codes].map((c) => (c === NOT_AUDITED ? '-' : AUDIT_CLASSES[c]));
    expect(names(d.baseline)).toEqual(['upgrade', 'agreement', 'upgrade', 'no_status', 'agreement', '-', 'downgrade']);
    expect(names(d.scenario)).toEqual(['agreement', 'downgrade', 'changed', 'no_status', 'agreement', 'agreement', 'agreement']);
    expect(d.resolved).toEqual([0, 6]);
    expect(d.created).toEqual([1]);
    expect(d.shifted).toEqual([2]);
    expect(['agreement', 'upgrade', 'downgrade', 'changed', 'no_status'].map((c) => isDisagreement(AUDIT_CLASSES.indexOf(c as never)))).toEqual([false, true, true, true, false]);
  });

  it('counts classes and flagged satellites per unit', () => {
    const A = (c: string) => AUDIT_CLASSES.indexOf(c as never);
    const codes = Uint8Array.from([A('agreement'), A('upgrade'), A('upgrade'), NOT_AUDITED, A('no_status'), A('downgrade')]);
    const flagged = Uint8Array.from([0, 1, 0, 0, 0, 0]);
    const unit = Int32Array.from([0, 0, 1, 1, 1, -1]);
    const [u0, u1] = auditCountsByUnit(codes, flagged, unit, 2);
    expect(u0).toEqual({ settlements: 2, byClass: { agreement: 1, upgrade: 1, downgrade: 0, changed: 0, no_status: 0 }, flaggedSatellites: 1 });
    expect(u1).toEqual({ settlements: 2, byClass: { agreement: 0, upgrade: 1, downgrade: 0, changed: 0, no_status: 1 }, flaggedSatellites: 0 });
  });
});
