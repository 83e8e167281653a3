// Kazakhstan's land neighbours. `code` is ISO 3166-1 alpha-2 (used in border columns), `isoNumeric` the
// Natural Earth / world-atlas id.
export type NeighbourCode = 'CN' | 'RU' | 'KG' | 'UZ' | 'TM';

export interface Neighbour {
  code: NeighbourCode;
  isoNumeric: string;
  name: { kk: string; ru: string; en: string };
}

export const NEIGHBOURS: readonly Neighbour[] = [
  { code: 'CN', isoNumeric: '156', name: { kk: 'Қытай', ru: 'Китай', en: 'China' } },
  { code: 'RU', isoNumeric: '643', name: { kk: 'Ресей', ru: 'Россия', en: 'Russia' } },
  { code: 'KG', isoNumeric: '417', name: { kk: 'Қырғызстан', ru: 'Кыргызстан', en: 'Kyrgyzstan' } },
  { code: 'UZ', isoNumeric: '860', name: { kk: 'Өзбекстан', ru: 'Узбекистан', en: 'Uzbekistan' } },
  { code: 'TM', isoNumeric: '795', name: { kk: 'Түрікменстан', ru: 'Туркменистан', en: 'Turkmenistan' } },
];
