// The explorer's side of the worker model, pure (testable in Node): the map rows as ExploreColumns, the table's
// columns, the filtered row order for a sort, and the search index. The main thread only renders what this gives.
import { NO_CODE, type ExploreColumns } from '../engine/explore/columns.ts';
import { filterMask, countMask, type FilterSpec } from '../engine/explore/filter.ts';
import { summarise, type UnitSummary } from '../engine/explore/summary.ts';
import { buildSearchIndex, search, type SearchIndex } from '../engine/explore/search.ts';
import { alphabeticalRank, nameComparator, type CollateLang } from '../engine/explore/collate.ts';
import { isTown } from '../engine/settlement-kind.ts';

export const SORT_KEYS = ['name', 'district', 'population', 'score', 'potential', 'category', 'official', 'audit', 'km_town', 'km_china', 'km_russia'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface SortSpec {
  key: SortKey;
  desc: boolean;
  /** The UI language: names and districts sort in its alphabet (the Kazakh one for kk). Default: en. */
  lang?: CollateLang;
}

/** What the table draws per map row (the worker sends it when scores or geography change). */
export interface TableColumns {
  population: Float64Array;
  score: Float64Array;
  kmTown: Float64Array;
  kmChina: Float64Array;
  kmRussia: Float64Array;
  category: Uint8Array;
  potential: Uint8Array;
  /** The approved category (CATEGORIES code) and the audit class (AUDIT_CLASSES code); NO_CODE where none. */
  official: Uint8Array;
  audit: Uint8Array;
  oblast: Int32Array;
  oblasts: string[];
  district: Int32Array;
  districts: string[];
}

/** Filter + sort + summaries of one request. */
export interface ExploreResult {
  /** 1 for the rows the filters keep (the legend's hidden classes not applied: the map applies them itself). */
  mask: Uint8Array;
  /** Rows kept by the filters and not in a hidden legend class: the count shown, the table, the summaries. */
  count: number;
  /** Rows that pass the filter, in the table's order. */
  order: Int32Array;
  oblasts: UnitSummary[];
  districts: UnitSummary[];
  ms: { filter: number; sort: number; summary: number };
}

/** A town by the one rule (engine/settlement-kind.ts): KATO type 1; else the capital or a regional seat, or
 *  `townPopulation` people and more (10,000 unless the methodology says otherwise). A district seat that is a
 *  village is rural. */
export function isTownRow(featureCode: string | null, population: number, katoType: string | null = null, townPopulation?: number): boolean {
  return isTown({ featureCode, population, katoType }, townPopulation);
}

type RowName = { kk: string | null; ru: string | null; en: string | null };

/** Each row's name as the table shows it in a language (rowName in the UI: that language's, else another). */
export function displayName(r: RowName, lang: CollateLang): string | null {
  return lang === 'kk' ? r.kk ?? r.ru ?? r.en : lang === 'ru' ? r.ru ?? r.kk ?? r.en : r.en ?? r.ru ?? r.kk;
}

/** The rows' alphabetical ranks per UI language, computed when a name sort first asks for them (a sort by
 *  population never pays for it). */
export class NameOrder {
  private readonly ranks = new Map<CollateLang, Int32Array>();
  constructor(private readonly size: number, private readonly nameAt: (row: number) => RowName) {}

  rank(lang: CollateLang): Int32Array {
    let r = this.ranks.get(lang);
    if (!r) this.ranks.set(lang, (r = alphabeticalRank(Array.from({ length: this.size }, (_, i) => displayName(this.nameAt(i), lang)), lang)));
    return r;
  }
}

/** District codes → rank of the district's name in `lang`'s alphabet (-1 stays -1: no district). */
function districtRanks(t: TableColumns, lang: CollateLang): Float64Array {
  const compare = nameComparator(lang);
  const order = Array.from(t.districts.keys()).sort((a, b) => compare(t.districts[a], t.districts[b]) || a - b);
  const rankOf = new Int32Array(t.districts.length);
  order.forEach((d, k) => (rankOf[d] = k));
  return Float64Array.from(t.district, (d) => (d >= 0 ? rankOf[d] : -1));
}

function sortValues(c: ExploreColumns, t: TableColumns, names: NameOrder, key: SortKey, lang: CollateLang): ArrayLike<number> {
  switch (key) {
    case 'name': return names.rank(lang);
    case 'district': return districtRanks(t, lang);
    case 'population': return c.population;
    case 'score': return c.scorePercent;
    case 'potential': return Float64Array.from(c.potential, (p) => (p === NO_CODE ? NaN : p));
    case 'category': return Float64Array.from(c.category, (p) => (p === NO_CODE ? NaN : p));
    case 'official': return Float64Array.from(t.official, (p) => (p === NO_CODE ? NaN : p));
    case 'audit': return Float64Array.from(t.audit, (p) => (p === NO_CODE ? NaN : p));
    case 'km_town': return t.kmTown;
    case 'km_china': return t.kmChina;
    case 'km_russia': return t.kmRussia;
  }
}

/** The masked rows sorted by `sort`; unknown values (NaN, -1 unit) always last; ties by row. */
export function sortRows(mask: Uint8Array, values: ArrayLike<number>, desc: boolean, unknownBelow = 0): Int32Array {
  const n = mask.length;
  const known: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!mask[i]) continue;
    const v = values[i];
    (Number.isNaN(v) || v < unknownBelow ? unknown : known).push(i);
  }
  const order = Int32Array.from(known);
  const sign = desc ? -1 : 1;
  // typed keys: one Float64Array read per comparison
  const key = new Float64Array(n);
  for (const i of known) key[i] = values[i];
  order.sort((a, b) => sign * (key[a] - key[b]) || a - b);
  const out = new Int32Array(order.length + unknown.length);
  out.set(order);
  out.set(unknown, order.length);
  return out;
}

/** The legend's classes as a filter too: `codes[i]` is row i's class in the colour mode, `hiddenCodes[code] = 1` for
 *  a class hidden in the legend. `legendCounts` gets the count of each class among the rows the filters keep
 *  (before hidden classes are taken out, so a hidden class still shows its count). */
export interface LegendClasses {
  codes: Uint8Array;
  hiddenCodes: Uint8Array;
  legendCounts: number[];
}

/** `rows`: an extra mask (the scenario's changed rows, when the map shows only those). */
export function explore(c: ExploreColumns, t: TableColumns, names: NameOrder, filter: FilterSpec, sort: SortSpec, legend?: LegendClasses, rows?: Uint8Array): ExploreResult {
  const t0 = performance.now();
  const mask = filterMask(c, filter);
  if (rows) for (let i = 0; i < mask.length; i++) mask[i] &= rows[i];
  // the rows shown: the filters' mask without the legend's hidden classes (the map hides those itself, at once)
  let kept = mask;
  if (legend) {
    const { codes, hiddenCodes, legendCounts } = legend;
    kept = mask.slice();
    for (let i = 0; i < mask.length; i++) {
      if (!mask[i]) continue;
      legendCounts[codes[i]]++;
      if (hiddenCodes[codes[i]]) kept[i] = 0;
    }
  }
  const count = countMask(kept);
  const t1 = performance.now();
  const order = sortRows(kept, sortValues(c, t, names, sort.key, sort.lang ?? 'en'), sort.desc, sort.key === 'district' ? 0 : -Infinity);
  const t2 = performance.now();
  const oblasts = summarise(c, 'oblast', kept);
  const districts = c.districts.length ? summarise(c, 'district', kept) : [];
  const t3 = performance.now();
  return { mask, count, order, oblasts, districts, ms: { filter: t1 - t0, sort: t2 - t1, summary: t3 - t2 } };
}

export interface SearchResult {
  row: number;
  id: string;
  names: { kk: string | null; ru: string | null; en: string | null };
  oblast: string | null;
  district: string | null;
  population: number | null;
}

type SearchRow = { id: string; kk: string | null; ru: string | null; en: string | null; latin?: string | null; oblast: string | null; district: string | null; population: number | null };

export class Searcher {
  private readonly index: SearchIndex;
  private readonly rowAt: (i: number) => SearchRow;
  /** `rows`: the rows, or their number and a reader (a large register keeps no object per row: the hits are read
   *  again when found). */
  constructor(rows: readonly SearchRow[] | { size: number; rowAt: (i: number) => SearchRow }) {
    const list = Array.isArray(rows) ? (rows as readonly SearchRow[]) : null;
    const { size, rowAt } = list ? { size: list.length, rowAt: (i: number) => list[i] } : (rows as { size: number; rowAt: (i: number) => SearchRow });
    this.rowAt = rowAt;
    const names: (string | null | undefined)[][] = new Array(size);
    const population = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      const r = rowAt(i);
      names[i] = [r.kk, r.ru, r.en, r.latin];
      population[i] = r.population ?? NaN;
    }
    this.index = buildSearchIndex(names, population);
  }

  /** `lang`: ties (same match rank and population) in the alphabetical order of that language's names. */
  find(query: string, limit = 12, lang: CollateLang = 'en'): SearchResult[] {
    const compare = nameComparator(lang);
    const name = (row: number) => displayName(this.rowAt(row), lang) ?? '';
    return search(this.index, query, limit, undefined, (a, b) => compare(name(a), name(b))).map(({ row }) => {
      const r = this.rowAt(row);
      return { row, id: r.id, names: { kk: r.kk, ru: r.ru, en: r.en }, oblast: r.oblast, district: r.district, population: r.population };
    });
  }
}
