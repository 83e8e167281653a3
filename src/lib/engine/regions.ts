// The 20 first-level units of Kazakhstan as of 2022 (17 oblasts with Abai, Zhetisu and Ulytau, and 3 cities of
// republican significance). Codes are ISO 3166-2; `kato` is the 2-digit KATO prefix. `resettlement` is the
// region's role in the voluntary resettlement programme (labour-surplus = sending, labour-deficit = receiving)
// as listed in the ministry's 2023 letter.
export type Resettlement = 'sending' | 'receiving' | null;

export interface Region {
  iso: string;
  kato: string;
  kind: 'oblast' | 'city';
  name: { kk: string; ru: string; en: string };
  resettlement: Resettlement;
}

export const REGIONS: readonly Region[] = [
  { iso: 'KZ-ABY', kato: '10', kind: 'oblast', name: { kk: 'Абай облысы', ru: 'Абайская область', en: 'Abai Region' }, resettlement: 'receiving' },
  { iso: 'KZ-AKM', kato: '11', kind: 'oblast', name: { kk: 'Ақмола облысы', ru: 'Акмолинская область', en: 'Akmola Region' }, resettlement: 'receiving' },
  { iso: 'KZ-AKT', kato: '15', kind: 'oblast', name: { kk: 'Ақтөбе облысы', ru: 'Актюбинская область', en: 'Aktobe Region' }, resettlement: null },
  { iso: 'KZ-ALM', kato: '19', kind: 'oblast', name: { kk: 'Алматы облысы', ru: 'Алматинская область', en: 'Almaty Region' }, resettlement: 'sending' },
  { iso: 'KZ-ATY', kato: '23', kind: 'oblast', name: { kk: 'Атырау облысы', ru: 'Атырауская область', en: 'Atyrau Region' }, resettlement: null },
  { iso: 'KZ-ZAP', kato: '27', kind: 'oblast', name: { kk: 'Батыс Қазақстан облысы', ru: 'Западно-Казахстанская область', en: 'West Kazakhstan Region' }, resettlement: null },
  { iso: 'KZ-ZHA', kato: '31', kind: 'oblast', name: { kk: 'Жамбыл облысы', ru: 'Жамбылская область', en: 'Zhambyl Region' }, resettlement: 'sending' },
  { iso: 'KZ-ZHT', kato: '33', kind: 'oblast', name: { kk: 'Жетісу облысы', ru: 'Область Жетісу', en: 'Zhetisu Region' }, resettlement: 'sending' },
  { iso: 'KZ-KAR', kato: '35', kind: 'oblast', name: { kk: 'Қарағанды облысы', ru: 'Карагандинская область', en: 'Karaganda Region' }, resettlement: 'receiving' },
  { iso: 'KZ-KUS', kato: '39', kind: 'oblast', name: { kk: 'Қостанай облысы', ru: 'Костанайская область', en: 'Kostanay Region' }, resettlement: 'receiving' },
  { iso: 'KZ-KZY', kato: '43', kind: 'oblast', name: { kk: 'Қызылорда облысы', ru: 'Кызылординская область', en: 'Kyzylorda Region' }, resettlement: 'sending' },
  { iso: 'KZ-MAN', kato: '47', kind: 'oblast', name: { kk: 'Маңғыстау облысы', ru: 'Мангистауская область', en: 'Mangystau Region' }, resettlement: 'sending' },
  { iso: 'KZ-PAV', kato: '55', kind: 'oblast', name: { kk: 'Павлодар облысы', ru: 'Павлодарская область', en: 'Pavlodar Region' }, resettlement: 'receiving' },
  { iso: 'KZ-SEV', kato: '59', kind: 'oblast', name: { kk: 'Солтүстік Қазақстан облысы', ru: 'Северо-Казахстанская область', en: 'North Kazakhstan Region' }, resettlement: 'receiving' },
  { iso: 'KZ-YUZ', kato: '61', kind: 'oblast', name: { kk: 'Түркістан облысы', ru: 'Туркестанская область', en: 'Turkistan Region' }, resettlement: 'sending' },
  { iso: 'KZ-ULT', kato: '62', kind: 'oblast', name: { kk: 'Ұлытау облысы', ru: 'Область Ұлытау', en: 'Ulytau Region' }, resettlement: 'receiving' },
  { iso: 'KZ-VOS', kato: '63', kind: 'oblast', name: { kk: 'Шығыс Қазақстан облысы', ru: 'Восточно-Казахстанская область', en: 'East Kazakhstan Region' }, resettlement: 'receiving' },
  { iso: 'KZ-AST', kato: '71', kind: 'city', name: { kk: 'Астана', ru: 'Астана', en: 'Astana' }, resettlement: 'sending' },
  { iso: 'KZ-ALA', kato: '75', kind: 'city', name: { kk: 'Алматы', ru: 'Алматы', en: 'Almaty' }, resettlement: 'sending' },
  { iso: 'KZ-SHY', kato: '79', kind: 'city', name: { kk: 'Шымкент', ru: 'Шымкент', en: 'Shymkent' }, resettlement: 'sending' },
];

const normalise = (s: string) => s.toLocaleLowerCase('ru').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

const aliases = new Map<string, Region>();
for (const r of REGIONS) {
  for (const key of [r.iso, r.kato, r.name.kk, r.name.ru, r.name.en, r.name.en.replace(/ Region$/, '')]) aliases.set(normalise(key), r);
}
// Spellings seen in registers and reference boundaries.
for (const [alias, iso] of [
  ['Abay', 'KZ-ABY'], ['Aqmola', 'KZ-AKM'], ['Aqtobe', 'KZ-AKT'], ['Almaty oblast', 'KZ-ALM'], ['Zhetysu', 'KZ-ZHT'],
  ['Jetisu', 'KZ-ZHT'], ['Karagandy', 'KZ-KAR'], ['Qaraghandy', 'KZ-KAR'], ['Qostanay', 'KZ-KUS'], ['Qyzylorda', 'KZ-KZY'],
  ['Mangghystau', 'KZ-MAN'], ['Mangistau', 'KZ-MAN'], ['Turkestan', 'KZ-YUZ'], ['South Kazakhstan', 'KZ-YUZ'],
  ['Ulytau', 'KZ-ULT'], ['Astana (city)', 'KZ-AST'], ['Almaty (city)', 'KZ-ALA'], ['Shymkent (city)', 'KZ-SHY'],
  ['Жетысу', 'KZ-ZHT'], ['Улытау', 'KZ-ULT'], ['Абай', 'KZ-ABY'],
] as const) aliases.set(normalise(alias), REGIONS.find((r) => r.iso === iso)!);

const found = new Map<string, Region | undefined>();

/** Finds a region by ISO code, KATO prefix or any of its names (kk/ru/en, common variants); undefined if unknown. */
export function findRegion(nameOrCode: string): Region | undefined {
  // Memoised by the text as given: exports look up a row's oblast per row, and a register has few distinct ones.
  if (found.has(nameOrCode)) return found.get(nameOrCode);
  const region = aliases.get(normalise(nameOrCode));
  if (found.size >= 10_000) found.clear();
  found.set(nameOrCode, region);
  return region;
}
