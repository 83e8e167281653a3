import { describe, expect, it } from 'vitest';
import { kkGenitive } from '../../src/lib/i18n/kk-grammar.ts';

describe('Kazakh genitive of place names', () => {
  it.each([
    ['Зайсан', 'Зайсанның'],
    ['Астана', 'Астананың'],
    ['Семей', 'Семейдің'],
    ['Ақтөбе', 'Ақтөбенің'],
    ['Петропавл', 'Петропавлдың'],
    ['Шымкент', 'Шымкенттің'],
    ['Алматы', 'Алматының'],
    ['Тараз', 'Тараздың'],
  ])('%s → %s', (name, genitive) => expect(kkGenitive(name)).toBe(genitive));
  it('leaves Latin names alone', () => expect(kkGenitive('Zaysan')).toBeNull());
});
