// The Network tab's strings: every key in kk, ru and en, non-empty, with the same {params} in each; the map's
// network classes all have a legend label.
import { describe, expect, it } from 'vitest';
import { NETWORK_UI } from '../../src/lib/i18n/network-ui.ts';
import { NETWORK_CLASSES } from '../../src/lib/map/network-classes.ts';

const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('network strings', () => {
  it('are in the three languages with the same parameters', () => {
    for (const [key, byLang] of Object.entries(NETWORK_UI)) {
      for (const lang of ['kk', 'ru', 'en'] as const) expect(byLang[lang].trim(), `${key}.${lang}`).not.toBe('');
      expect(params(byLang.kk), key).toEqual(params(byLang.en));
      expect(params(byLang.ru), key).toEqual(params(byLang.en));
    }
  });

  it('label every class of the suggestion on the map', () => {
    for (const c of NETWORK_CLASSES) expect(Object.keys(NETWORK_UI)).toContain(c.key);
  });
});
