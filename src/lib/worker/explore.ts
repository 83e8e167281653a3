// The explorer's side of the worker model, pure (testable in Node): the map rows as ExploreColumns, the table's
// columns, the filtered row order for a sort, and the search index. The main thread only renders what this gives.
import { NO_CODE, type ExploreColumns } from '../engine/explore/columns.ts';
import { filterMask, countMask, type FilterSpec } from '../engine/explore/filter.ts';
import { summarise, type UnitSummary } from '../engine/explore/summary.ts';
import { buildSearchIndex, search, type SearchIndex } from '../engine/explore/search.ts';
import { searchKey } from '../engine/explore/search-key.ts';
import { isTown } from '../engine/settlement-kind.ts';

export const SORT_KEYS = ['name', 'district', 'population', 'score', 'potential', 'category', 'official', 'audit', 'km_town', 'km_china', 'km_russia'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface SortSpec {
  key: SortKey;
  desc: boolean;
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
 *  10,000 people and more. A district seat that is a village is rural. */
export function isTownRow(featureCode: string | null, population: number, katoType: string | null = null): boolean {
  return isTown({ featureCode, population, katoType });
}

/** Rows in name order (one collation for every language's names, by search key), as a rank per row. */
export function nameRank(names: string[]): Int32Array {
  const keys = names.map((n) => searchKey(n));
  const order = Array.from(keys.keys()).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
  const rank = new Int32Array(names.length);
  order.forEach((row, k) => (rank[row] = k));
  return rank;
}

function sortValues(c: ExploreColumns, t: TableColumns, nameRanks: Int32Array, key: SortKey): ArrayLike<number> {
  switch (key) {
    case 'name': return nameRanks;
    case 'district': return t.district;
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
export function explore(c: ExploreColumns, t: TableColumns, nameRanks: Int32Array, filter: FilterSpec, sort: SortSpec, legend?: LegendClasses, rows?: Uint8Array): ExploreResult {
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
  const order = sortRows(kept, sortValues(c, t, nameRanks, sort.key), sort.desc, sort.key === 'district' ? 0 : -Infinity);
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

  find(query: string, limit = 12): SearchResult[] {
    return search(this.index, query, limit).map(({ row }) => {
      const r = this.rowAt(row);
      return { row, id: r.id, names: { kk: r.kk, ru: r.ru, en: r.en }, oblast: r.oblast, district: r.district, population: r.population };
    });
  }
}
