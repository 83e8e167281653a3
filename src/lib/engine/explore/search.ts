// Search by name over a register or the embedded places: every name of a row (kk, ru, en, Latin) under one key
// (`searchKey`), ranked exact > starts with > a word starts with > contains, then by population.
import { searchKey } from './search-key.ts';

export interface SearchIndex {
  /** keys[k] belongs to row rows[k]; one entry per distinct key of a row. */
  keys: string[];
  rows: Int32Array;
  population: Float64Array;
}

export function buildSearchIndex(names: (readonly (string | null | undefined)[])[], population: ArrayLike<number>): SearchIndex {
  const keys: string[] = [];
  const rows: number[] = [];
  names.forEach((list, row) => {
    const seen = new Set<string>();
    for (const name of list) {
      if (!name) continue;
      const key = searchKey(name);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      keys.push(key);
      rows.push(row);
    }
  });
  return { keys, rows: Int32Array.from(rows), population: Float64Array.from(population) };
}

export interface SearchHit {
  row: number;
  /** 0 exact, 1 starts with, 2 a word starts with, 3 contains. */
  rank: number;
}

/** The best rows for a query (each row once, its best rank), at most `limit`. */
/** `alphabetical`: the order of two rows' names in the UI language, for hits of the same rank and population. */
export function search(index: SearchIndex, query: string, limit = 20, accept?: (row: number) => boolean, alphabetical?: (a: number, b: number) => number): SearchHit[] {
  const q = searchKey(query);
  if (!q) return [];
  const best = new Map<number, number>();
  const { keys, rows } = index;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const at = key.indexOf(q);
    if (at < 0) continue;
    const rank = key.length === q.length ? 0 : at === 0 ? 1 : key[at - 1] === ' ' ? 2 : 3;
    const row = rows[k];
    if (accept && !accept(row)) continue;
    const had = best.get(row);
    if (had === undefined || rank < had) best.set(row, rank);
  }
  const pop = (row: number) => (Number.isFinite(index.population[row]) ? index.population[row] : -1);
  return [...best.entries()]
    .map(([row, rank]) => ({ row, rank }))
    .sort((a, b) => a.rank - b.rank || pop(b.row) - pop(a.row) || (alphabetical?.(a.row, b.row) ?? 0) || a.row - b.row)
    .slice(0, limit);
}
