// Search in three scripts: the same settlement from Kazakh, Russian, English and Latin transliterations.
import { describe, expect, it } from 'vitest';
import { searchKey } from '../../src/lib/engine/explore/search-key.ts';
import { buildSearchIndex, search } from '../../src/lib/engine/explore/search.ts';

describe('searchKey', () => {
  it('gives Zaysan one key in every script and spelling', () => {
    const keys = ['Zaysan', 'Зайсан', 'Зайсаң', 'zaisan', 'ZAYSAN', 'Zaysan '].map(searchKey);
    expect(new Set(keys)).toEqual(new Set(['zaisan']));
  });

  it('folds Kazakh letters, Kazakh Latin and Russian romanisations together', () => {
    expect(searchKey('Қарабұлақ')).toBe(searchKey('Karabulak'));
    expect(searchKey('Qarabulaq')).toBe(searchKey('Карабулак'));
    expect(searchKey('Өскемен')).toBe(searchKey('Oskemen'));
    expect(searchKey('Öskemen')).toBe(searchKey('Оскемен'));
    expect(searchKey('Көкпекті')).toBe(searchKey('Kokpekty'));
    expect(searchKey('Жібек жолы')).toBe(searchKey('Jıbek joly'));
    expect(searchKey('Жибек Жолы')).toBe(searchKey('Zhibek Zholy'));
    expect(searchKey('Усть-Каменогорск')).toBe(searchKey("Ust'-Kamenogorsk"));
    expect(searchKey('Аяцкий')).toBe(searchKey('Ayatskiy'));
    expect(searchKey('Хоргос')).toBe(searchKey('Khorgos'));
    expect(searchKey('Шымкент')).toBe(searchKey('Shymkent'));
  });

  it('keeps different names apart', () => {
    expect(searchKey('Актау')).not.toBe(searchKey('Актобе'));
    expect(searchKey('Сарканд')).not.toBe(searchKey('Саран'));
  });
});

describe('search', () => {
  const names = [
    ['Зайсан', 'Зайсан', 'Zaysan'],
    ['Қарабұлақ', 'Карабулак', 'Karabulak'], // Zhetisu
    ['Қарабұлақ', 'Карабулак', 'Karabulak'], // another of the same name, smaller
    ['Ақтау', 'Актау', 'Aktau'],
    ['Ақтөбе', 'Актобе', 'Aktobe'],
    ['Жаңа Зайсан', null, null],
  ];
  const index = buildSearchIndex(names, [17600, 9000, 1200, 147443, 500757, 300]);

  it('finds the same settlement from each script and spelling', () => {
    for (const q of ['Zaysan', 'Зайсан', 'Зайсаң', 'zaisan']) expect(search(index, q)[0]).toEqual({ row: 0, rank: 0 });
  });

  it('ranks exact, then starts-with, then word start, then contains; same-name rows by population', () => {
    expect(search(index, 'карабулак').map((h) => h.row)).toEqual([1, 2]);
    expect(search(index, 'ак').map((h) => h.row)).toEqual([4, 3, 1, 2]); // two start with "ak" (larger first), two contain it
    expect(search(index, 'зайс').map((h) => [h.row, h.rank])).toEqual([[0, 1], [5, 2]]);
    expect(search(index, 'айсан').map((h) => h.rank)).toEqual([3, 3]);
    expect(search(index, '')).toEqual([]);
    expect(search(index, 'karabulak', 20, (row) => row !== 1).map((h) => h.row)).toEqual([2]);
  });
});
