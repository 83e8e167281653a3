// Custom class breaks as a planner types them: the UI language's decimal mark, nothing guessed.
import { describe, expect, it } from 'vitest';
import { parseTypedBreaks } from '../../src/lib/map/class-breaks.ts';
import { MAX_CLASSES } from '../../src/lib/map/classes.ts';

describe('typed custom breaks', () => {
  it('reads a decimal comma in kk/ru ("40,5; 60,5" is two breaks, not 5, 40, 60)', () => {
    expect(parseTypedBreaks('40,5; 60,5', true)).toEqual({ values: [40.5, 60.5], unreadable: [], tooMany: false });
    expect(parseTypedBreaks('60 20,25 40', true).values).toEqual([20.25, 40, 60]);
    expect(parseTypedBreaks('20, 40, 60', true).values).toEqual([20, 40, 60]); // comma and space: a separator
  });
  it('reads a decimal point in en, commas separate', () => {
    expect(parseTypedBreaks('40.5, 60.5', false)).toEqual({ values: [40.5, 60.5], unreadable: [], tooMany: false });
    expect(parseTypedBreaks('20,40;60', false).values).toEqual([20, 40, 60]);
  });
  it('names what it cannot read instead of dropping it silently', () => {
    expect(parseTypedBreaks('40.5; 60', true)).toEqual({ values: [60], unreadable: ['40.5'], tooMany: false });
    expect(parseTypedBreaks('40,5 abc', false).unreadable).toEqual(['abc']);
    expect(parseTypedBreaks('1,2,3', true).unreadable).toEqual(['1,2,3']);
  });
  it('says when there are more values than a map has breaks', () => {
    const many = Array.from({ length: MAX_CLASSES }, (_, i) => (i + 1) * 10).join('; ');
    const r = parseTypedBreaks(many, true);
    expect(r.tooMany).toBe(true);
    expect(r.values.length).toBe(MAX_CLASSES - 1);
  });
});
