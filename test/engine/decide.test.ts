// Scenario diff, border review and the resettlement calculator, against hand arithmetic.
import { describe, expect, it } from 'vitest';
import { categoryDiff } from '../../src/lib/engine/decide/diff.ts';
import { borderReview } from '../../src/lib/engine/decide/border-review.ts';
import { familySupport, regionRole, MCI_BY_YEAR } from '../../src/lib/engine/decide/resettlement.ts';
import { CATEGORIES } from '../../src/lib/engine/classify.ts';

const C = (c: string) => CATEGORIES.indexOf(c as never);

describe('scenario diff', () => {
  it('counts from → to and lists the changed rows', () => {
    const base = Uint8Array.from([C('support'), C('satellite'), C('other'), C('other'), C('strategic')]);
    const scen = Uint8Array.from([C('support'), C('other'), C('satellite'), C('other'), C('strategic')]);
    const d = categoryDiff(base, scen);
    expect([...d.changed]).toEqual([1, 2]);
    expect(d.matrix[C('satellite')][C('other')]).toBe(1);
    expect(d.matrix[C('other')][C('satellite')]).toBe(1);
    expect(d.matrix[C('other')][C('other')]).toBe(1);
    expect(d.matrix.flat().reduce((a, b) => a + b)).toBe(5);
    expect([...categoryDiff(base, scen, Uint8Array.from([1, 0, 1, 1, 1])).changed]).toEqual([2]);
    expect(() => categoryDiff(base, scen.slice(1))).toThrow(/5 rows/);
  });
});

describe('border review', () => {
  it('counts settlements, people and distance bands per border district, strategic ones nearest first', () => {
    const r = borderReview({
      size: 6,
      category: Uint8Array.from([C('strategic'), C('support'), C('strategic'), C('other'), C('other'), C('strategic')]),
      population: Float64Array.from([100, 2000, 300, 50, NaN, 999]),
      kmToBorder: Float64Array.from([24, 8, 3, 60, 10, 1]),
      unit: Int32Array.from([0, 0, 0, 0, 1, 2]),
      units: ['Zaysan', 'Kurchum', 'Inland'],
      unitOnBorder: Uint8Array.from([1, 1, 0]),
    });
    expect(r.map((x) => x.name)).toEqual(['Zaysan', 'Kurchum']);
    expect(r[0]).toMatchObject({ settlements: 4, population: 2450, bandCount: [2, 1, 0], bandPopulation: [2300, 100, 0], strategic: [2, 0] });
    expect(r[1]).toMatchObject({ settlements: 1, bandCount: [1, 0, 0] }); // exactly 10 km is in 0–10
  });
});

describe('resettlement', () => {
  it('knows the sending and receiving regions of the letter', () => {
    expect(regionRole('KZ-YUZ')).toBe('sending');
    expect(regionRole('KZ-SEV')).toBe('receiving');
    expect(regionRole('KZ-ATY')).toBe('neither');
  });

  it('adds up a family\'s support as the rules say', () => {
    const mci = MCI_BY_YEAR[2026]; // 4,325
    const r = familySupport({ mci, members: 4, rentMonths: 12, rentMciPerMonth: 15, employerHires: 1, homePriceTenge: 10_000_000 });
    expect(r.problems).toEqual([]);
    const by = Object.fromEntries(r.lines.map((l) => [l.id, l.tenge]));
    expect(by.moving).toBe(70 * 4 * 4325); // 1,211,000
    expect(by.rent).toBe(15 * 12 * 4325); // 778,500
    expect(by.employer).toBe(400 * 4325); // 1,730,000
    expect(by.certificate).toBe(4_000_000); // 50% of 10 M = 5 M, capped at 4 M
    expect(r.total).toBe(1_211_000 + 778_500 + 1_730_000 + 4_000_000);
    expect(familySupport({ mci, members: 1, rentMonths: 0, rentMciPerMonth: 0, employerHires: 0, homePriceTenge: 6_000_000 }).total).toBe(70 * 4325 + 3_000_000);
  });

  it('refuses what the rules do not allow, naming the field', () => {
    const r = familySupport({ mci: 4325, members: 0, rentMonths: 3, rentMciPerMonth: 40, employerHires: 0, homePriceTenge: 0 });
    expect(r.problems.map((p) => p.field)).toEqual(['members', 'rentMciPerMonth']);
    expect(r.total).toBe(0);
  });
});
