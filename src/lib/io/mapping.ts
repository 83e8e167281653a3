// Column mapping for imported files: header normalisation and an alias table (kk / ru / en) → register field, the
// automatic match of a header, and the guess of what a file is (register, settlement list, boundaries). Pure: the
// worker applies it to the io layer's RawTable (readTable → rename header → tableToSettlements), the UI shows it.
import { REGISTER_COLUMNS } from './register.ts';

export type RegisterField = (typeof REGISTER_COLUMNS)[number];
/** A header column's target: a register field, an indicator column (methodology), or null (not read). */
export type Mapping = Record<string, string | null>;
export type ImportKind = 'register' | 'list' | 'boundaries';

/** Lower case, ё→е, no punctuation, spaces/underscores/dashes collapsed to one space. */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"'()[\]{}.,:;№#*]/g, ' ')
    .replace(/[\s_\-/]+/g, ' ')
    .trim();
}

const ALIASES: Record<RegisterField, string[]> = {
  id: ['id', 'kato', 'като', 'код като', 'като коды', 'kato code', 'kato id', 'код', 'code', 'settlement id', 'ид'],
  name_kk: ['name kk', 'атауы', 'атауы kk', 'елді мекен атауы', 'қазақша атауы', 'атауы қазақша', 'название каз', 'наименование каз', 'наименование на казахском'],
  name_ru: ['name ru', 'наименование', 'название', 'наименование ру', 'наименование на русском', 'населенный пункт', 'орысша атауы', 'атауы орысша', 'name russian'],
  name_en: ['name en', 'name', 'settlement', 'settlement name', 'english name', 'name english', 'ағылшынша атауы'],
  lat: ['lat', 'latitude', 'широта', 'ендік', 'y', 'lat wgs84'],
  lon: ['lon', 'lng', 'long', 'longitude', 'долгота', 'бойлық', 'x', 'lon wgs84'],
  oblast: ['oblast', 'region', 'область', 'облыс', 'oblast ru', 'oblast kk', 'регион', 'адм1'],
  district: ['district', 'район', 'аудан', 'district ru', 'district kk', 'rayon'],
  rural_district: ['rural district', 'сельский округ', 'ауылдық округ', 'с о', 'округ'],
  is_district_centre: ['is district centre', 'районный центр', 'аудан орталығы', 'district centre', 'district center'],
  is_rural_district_centre: ['is rural district centre', 'центр сельского округа', 'ауылдық округ орталығы', 'rural district centre'],
  population: ['population', 'численность населения', 'население', 'халық саны', 'тұрғындар саны', 'численность', 'pop', 'population total'],
  official_category: ['утвержденная категория', 'категория', 'бекітілген санат', 'санат', 'approved category', 'category'],
  official_support_id: ['опорный нп', 'тірек елді мекен', 'support id', 'approved support'],
  official_year: ['год утверждения', 'бекітілген жылы', 'approved year'],
};

const ALIAS_INDEX = new Map<string, RegisterField>();
for (const field of REGISTER_COLUMNS) {
  ALIAS_INDEX.set(normaliseHeader(field), field);
  for (const a of ALIASES[field]) if (!ALIAS_INDEX.has(normaliseHeader(a))) ALIAS_INDEX.set(normaliseHeader(a), field);
}

/** The register field a header names, or null. `indicators`: the methodology's columns (matched by name). */
export function fieldOf(header: string, indicators: readonly string[] = []): string | null {
  const n = normaliseHeader(header);
  const ind = indicators.find((c) => normaliseHeader(c) === n);
  return ind ?? ALIAS_INDEX.get(n) ?? null;
}

/** Every header column → its field; a field claimed twice keeps its exact name first, else its first column. */
export function autoMatch(header: readonly string[], indicators: readonly string[] = []): Mapping {
  const out: Mapping = {};
  const taken = new Set<string>();
  // exact names first (`name_ru` beats `kato_name_ru` even when it comes later)
  for (const h of header) {
    const f = fieldOf(h, indicators);
    if (f && normaliseHeader(h) === normaliseHeader(f) && !taken.has(f)) {
      out[h] = f;
      taken.add(f);
    }
  }
  for (const h of header) {
    if (h in out) continue;
    const f = fieldOf(h, indicators);
    out[h] = f && !taken.has(f) ? f : null;
    if (f) taken.add(f);
  }
  return out;
}

/** A stable key for "the same headers" (the remembered mapping of the last file with them). */
export const headerKey = (header: readonly string[]) => header.map(normaliseHeader).join('|');

/** Applies a mapping to a header: mapped columns get their field name, the others keep theirs (listed as unknown). */
export function renameHeader(header: readonly string[], mapping: Mapping): string[] {
  const used = new Set(Object.values(mapping).filter((v): v is string => Boolean(v)));
  return header.map((h) => mapping[h] ?? (used.has(h) ? `${h} (unused)` : h));
}

/** What the guess rests on (shown to the user when the app asks): the indicator columns found and which of the
 *  settlement fields the file has. */
export interface KindEvidence {
  indicators: string[];
  has: ('id' | 'name' | 'coordinates' | 'district' | 'oblast' | 'population')[];
}

export interface KindGuess {
  kind: ImportKind;
  /** false: the UI asks the user before importing. */
  sure: boolean;
  evidence: KindEvidence;
}

/** What a table is, from its mapped columns: polygons → boundaries; an indicator column of the methodology, or a
 *  population without the list's KATO + name + district/region shape → a register; KATO ids + names +
 *  district/region and neither indicators nor population → a settlement list. Unsure (the app asks): a list's
 *  shape with a population column, or no indicators, no population and no list shape. */
export function guessKind(opts: { polygons: boolean; points: boolean; mapping: Mapping; indicators: readonly string[] }): KindGuess {
  const fields = new Set(Object.values(opts.mapping).filter(Boolean));
  const own = new Set<string>(REGISTER_COLUMNS);
  const found = opts.indicators.filter((c) => fields.has(c) && !own.has(c));
  const has: KindEvidence['has'] = [];
  if (fields.has('id')) has.push('id');
  if (fields.has('name_ru') || fields.has('name_kk') || fields.has('name_en')) has.push('name');
  if (opts.points || (fields.has('lat') && fields.has('lon'))) has.push('coordinates');
  if (fields.has('district')) has.push('district');
  if (fields.has('oblast')) has.push('oblast');
  if (fields.has('population')) has.push('population');
  const evidence: KindEvidence = { indicators: found, has };
  if (opts.polygons && !opts.points) return { kind: 'boundaries', sure: true, evidence };
  if (found.length > 0) return { kind: 'register', sure: true, evidence };
  const listLike = fields.has('id') && (fields.has('name_ru') || fields.has('name_kk')) && (fields.has('district') || fields.has('oblast'));
  const population = fields.has('population');
  if (listLike) return { kind: population ? 'register' : 'list', sure: !population, evidence };
  if (population) return { kind: 'register', sure: true, evidence };
  return { kind: fields.has('id') && has.includes('name') ? 'list' : 'register', sure: false, evidence };
}

/** Boundary layers: which property is the id and which the name, in the UI language. */
export function guessBoundaryFields(keys: readonly string[], lang: 'kk' | 'ru' | 'en'): { id: string | null; name: string | null; level: 1 | 2 } {
  const find = (cands: string[]) => cands.map((c) => keys.find((k) => k.toLowerCase() === c.toLowerCase())).find(Boolean) ?? null;
  const level: 1 | 2 = keys.some((k) => /^adm2_/i.test(k)) ? 2 : 1;
  const adm = `adm${level}`;
  const id = find(['KATO', `${adm}_pcode`, 'district_id', 'id', 'code', 'ISO_3166_2']);
  const name = find([`${adm}_${lang}`, `name_${lang}`, `${adm}_en`, `${adm}_ru`, `${adm}_kk`, 'name', 'name_en', 'name_ru', 'name_kk']);
  return { id, name, level };
}

/** Fields a boundary layer may carry its credit in (normalised header → role), quoted in this order: who made it
 *  first, then its licence. geoBoundaries names itself only by its metadata fields (shapeGroup, shapeType). */
const CREDIT_FIELDS: [string, 'credit' | 'licence'][] = [
  ['attribution', 'credit'], ['credit', 'credit'], ['credits', 'credit'], ['source', 'credit'], ['sources', 'credit'], ['data source', 'credit'],
  ['copyright', 'credit'], ['provider', 'credit'], ['дереккөз', 'credit'], ['источник', 'credit'],
  ['licence', 'licence'], ['license', 'licence'], ['лицензия', 'licence'], ['лицензия түрі', 'licence'],
];
/** Longest credit kept from a file (the sources line is one line on a map corner and a poster). */
export const MAX_CREDIT = 200;
/** Distinct values of one field quoted at most (a layer assembled from several sources). */
const MAX_VALUES = 3;

/** A boundary layer's credit read from its features' fields (`source`, `credit`, `licence`/`license`,
 *  `attribution`, … or geoBoundaries' `shapeGroup` / `shapeType`), with the fields it came from; null when the
 *  file names no source. Plain text: control characters dropped, spaces collapsed, at most MAX_CREDIT characters. */
export function boundaryCredit(fields: readonly string[], properties: Iterable<Record<string, unknown> | null | undefined>): { text: string; fields: string[] } | null {
  const roleOf = new Map(CREDIT_FIELDS);
  const credit = fields.filter((f) => roleOf.get(normaliseHeader(f)) === 'credit');
  const licence = fields.filter((f) => roleOf.get(normaliseHeader(f)) === 'licence');
  const group = fields.find((f) => f.toLowerCase() === 'shapegroup'), type = fields.find((f) => f.toLowerCase() === 'shapetype');
  const wanted = [...credit, ...licence];
  const values = new Map<string, string[]>(wanted.map((f) => [f, []]));
  let geoBoundaries: string | null = null;
  const clean = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim() : '');
  for (const p of properties) {
    if (!p) continue;
    for (const f of wanted) {
      const v = clean(p[f]), list = values.get(f)!;
      if (v && list.length < MAX_VALUES && !list.includes(v)) list.push(v);
    }
    if (!geoBoundaries && group && type && clean(p[group]) && clean(p[type])) geoBoundaries = `geoBoundaries (${clean(p[group])} ${clean(p[type])})`;
  }
  const parts: string[] = [];
  const used: string[] = [];
  for (const f of wanted) {
    const fresh = values.get(f)!.filter((v) => !parts.includes(v));
    if (fresh.length) (parts.push(...fresh), used.push(f));
  }
  if (!parts.length && geoBoundaries) (parts.push(geoBoundaries), used.push(group!, type!));
  if (!parts.length) return null;
  const text = parts.join(', ');
  return { text: text.length > MAX_CREDIT ? `${text.slice(0, MAX_CREDIT - 1)}…` : text, fields: used };
}

/** Template headers per UI language (downloadable): the register's own names, labelled for people. */
export function templateCsv(lang: 'kk' | 'ru' | 'en', indicators: readonly string[]): string {
  const label: Record<'kk' | 'ru' | 'en', Partial<Record<RegisterField, string>>> = {
    kk: { id: 'КАТО', name_kk: 'Атауы', lat: 'Ендік', lon: 'Бойлық', oblast: 'Облыс', district: 'Аудан', population: 'Халық саны' },
    ru: { id: 'Код КАТО', name_ru: 'Наименование', lat: 'Широта', lon: 'Долгота', oblast: 'Область', district: 'Район', population: 'Численность населения' },
    en: { id: 'id', name_en: 'name_en', lat: 'lat', lon: 'lon', oblast: 'oblast', district: 'district', population: 'population' },
  };
  const cols = [...REGISTER_COLUMNS.map((f) => label[lang][f] ?? f), ...indicators];
  return '\uFEFF' + cols.join(';') + '\r\n';
}
