// Names in the UI language's alphabet: the Kazakh key, Russian and English by Intl.Collator, the worker's table sort.
import { describe, expect, it } from 'vitest';
import { alphabeticalRank, kazakhSortKey, KAZAKH_ALPHABET, nameComparator } from '../../src/lib/engine/explore/collate.ts';
import { explore, NameOrder, type TableColumns } from '../../src/lib/worker/explore.ts';
import { NO_FILTER } from '../../src/lib/engine/explore/filter.ts';
import type { ExploreColumns } from '../../src/lib/engine/explore/columns.ts';

const sorted = (names: string[], lang: 'kk' | 'ru' | 'en') => [...names].sort(nameComparator(lang));

describe('Kazakh alphabetical order', () => {
  it('has the 42 letters of the Kazakh Cyrillic alphabet', () => {
    expect([...KAZAKH_ALPHABET]).toHaveLength(42);
    expect(new Set(KAZAKH_ALPHABET).size).toBe(42);
  });

  it('puts each Kazakh letter right after its base letter: Ә after А, Ғ after Г, Қ after К, Ң after Н, Ө after О, Ұ Ү after У, Һ after Х; І after Ы', () => {
    // hand-ordered by the alphabet А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я
    const expected = ['Абай', 'Аягөз', 'Әйет', 'Гүлшат', 'Ғабит', 'Жаңақорған', 'Кеңгір', 'Қазығұрт', 'Нұра', 'Ңғ', 'Орал', 'Өскемен',
      'Уыл', 'Ұзынағаш', 'Үржар', 'Хромтау', 'Һ', 'Шу', 'Ырғыз', 'Іле', 'Эмба'];
    const shuffled = [...expected].reverse();
    expect(sorted(shuffled, 'kk')).toEqual(expected);
  });

  it('fixes the order issue 21 found («Абай, Абай, Аягөз, Әйет, Аяцкий, Ақадыр…», Z→A starting with Ж)', () => {
    // second letters: ақ (қ is the 15th letter) before ая (я the 42nd); every А… before Ә…
    expect(sorted(['Абай', 'Әйет', 'Аяцкий', 'Ақадыр', 'Аягөз', 'Абай'], 'kk')).toEqual(['Абай', 'Абай', 'Ақадыр', 'Аягөз', 'Аяцкий', 'Әйет']);
    // Z→A (descending) begins with Я…, not with Ж
    expect(sorted(['Жезқазған', 'Ясная Поляна', 'Ырғыз', 'Іле'], 'kk').reverse()[0]).toBe('Ясная Поляна');
  });

  it('agrees with Node\'s ICU (CLDR kk) on Cyrillic names; Chromium\'s ICU has no kk and is why the key exists', () => {
    const icu = new Intl.Collator('kk');
    if (!icu.resolvedOptions().locale.startsWith('kk')) return; // a Node built without full ICU: nothing to compare
    const names = ['Үржар', 'Ұлан', 'Уыл', 'Ақсу', 'Ағаш', 'Абай', 'Әйет', 'Аягөз', 'Ғалым', 'Гүл', 'Қазақ', 'Кент', 'Нұр', 'Ңң', 'Өскемен',
      'Орал', 'Іле', 'Ыбырай', 'Иса', 'Шу', 'Һәм', 'Хан', 'Жаңғызтөбе', 'Жангелдин', 'Жаңақорған', 'Жанаөзен', 'Жаңа Өмір'];
    expect(sorted(names, 'kk')).toEqual([...names].sort(icu.compare));
  });

  it('sets case and Latin accents aside, Latin before Cyrillic', () => {
    expect(kazakhSortKey('ҮРЖАР')).toBe(kazakhSortKey('үржар'));
    expect(sorted(['Өскемен', 'Zaysan', 'Abay'], 'kk')).toEqual(['Abay', 'Zaysan', 'Өскемен']);
  });
});

describe('Russian and English order (Intl.Collator)', () => {
  it('sorts Russian names by the Russian alphabet (Ё with Е, Я last) and English by the Latin one', () => {
    expect(sorted(['Яблоновка', 'Ёлкино', 'Есиль', 'Жаксы', 'Аксу'], 'ru')).toEqual(['Аксу', 'Ёлкино', 'Есиль', 'Жаксы', 'Яблоновка']);
    expect(sorted(['Zaysan', 'aksu', 'Älmaty', 'Bayzhansay'], 'en')).toEqual(['aksu', 'Älmaty', 'Bayzhansay', 'Zaysan']);
  });

  it('ranks rows, rows without a name last', () => {
    expect(Array.from(alphabeticalRank(['Үржар', null, 'Ұлан', 'Абай'], 'kk'))).toEqual([2, 3, 1, 0]);
  });
});

describe('the worker\'s table sort by name follows the UI language', () => {
  // three rows whose names differ by language: the order in kk, ru and en worked out by hand
  const rows = [
    { kk: 'Үржар', ru: 'Урджар', en: 'Urzhar' },
    { kk: 'Ұзынағаш', ru: 'Узынагаш', en: 'Uzynagash' },
    { kk: 'Жаңақорған', ru: 'Жанакорган', en: 'Zhanakorgan' },
    { kk: null, ru: 'Аксу', en: 'Aksu' },
  ];
  const n = rows.length;
  const cols: ExploreColumns = {
    size: n, category: new Uint8Array(n), potential: new Uint8Array(n), borderStatus: new Uint8Array(n), scorePercent: new Float64Array(n),
    population: new Float64Array(n), isTown: new Uint8Array(n), oblast: new Int32Array(n), oblasts: ['KZ-ABY'],
    district: Int32Array.from([0, 1, 2, -1]), districts: ['Үржар ауданы', 'Ұйғыр ауданы', 'Жаңақорған ауданы'],
  };
  const table = { district: cols.district, districts: cols.districts } as unknown as TableColumns;
  const order = (key: 'name' | 'district', lang: 'kk' | 'ru' | 'en', desc = false) =>
    Array.from(explore(cols, table, new NameOrder(n, (i) => rows[i]), NO_FILTER, { key, desc, lang }).order);

  it('sorts names in kk (Аксу shown in Russian for want of a Kazakh name, Ұ before Ү), ru and en', () => {
    expect(order('name', 'kk')).toEqual([3, 2, 1, 0]); // Аксу, Жаңақорған, Ұзынағаш, Үржар
    expect(order('name', 'ru')).toEqual([3, 2, 1, 0]); // Аксу, Жанакорган, Узынагаш, Урджар
    expect(order('name', 'en')).toEqual([3, 0, 1, 2]); // Aksu, Urzhar, Uzynagash, Zhanakorgan
    expect(order('name', 'kk', true)).toEqual([0, 1, 2, 3]);
  });

  it('sorts districts by name in the UI language\'s alphabet, rows without a district last', () => {
    expect(order('district', 'kk')).toEqual([2, 1, 0, 3]); // Жаңақорған, Ұйғыр, Үржар ауданы
  });
});
