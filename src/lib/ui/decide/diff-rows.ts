// The diff's changed rows as plain records (sortable, exportable), and CSV. Pure: no DOM.
import type { Lang } from '../../engine/types.ts';
import type { DiffReply, RowNames, TableColumns } from '../../worker/protocol.ts';
import { rowName, categoryWord, potentialWord } from '../explore/explore-format.ts';
import { regionName } from '../panel/panel-format.ts';

export interface ChangedRow {
  row: number;
  name: string;
  oblast: string;
  district: string;
  population: number;
  fromCategory: number;
  toCategory: number;
  fromPotential: number;
  toPotential: number;
}

export type DiffSortKey = 'name' | 'oblast' | 'population' | 'category' | 'potential';

/** The changed rows the filters keep (`mask`, null: all), sorted. */
export function changedRows(lang: Lang, diff: DiffReply, names: RowNames, table: TableColumns, mask: Uint8Array | null, sort: { key: DiffSortKey; desc: boolean }): ChangedRow[] {
  const out: ChangedRow[] = [];
  for (let k = 0; k < diff.rows.length; k++) {
    const row = diff.rows[k];
    if (mask && !mask[row]) continue;
    out.push({
      row, name: rowName(lang, names, row), oblast: regionName(lang, table.oblast[row] >= 0 ? table.oblasts[table.oblast[row]] : null),
      district: table.district[row] >= 0 ? table.districts[table.district[row]] : '', population: table.population[row],
      fromCategory: diff.from[k] >> 4, toCategory: diff.to[k] >> 4, fromPotential: diff.from[k] & 15, toPotential: diff.to[k] & 15,
    });
  }
  const sign = sort.desc ? -1 : 1;
  const key = (r: ChangedRow): string | number => {
    switch (sort.key) {
      case 'name': return r.name;
      case 'oblast': return r.oblast;
      case 'population': return Number.isFinite(r.population) ? r.population : -1;
      case 'category': return r.fromCategory * 16 + r.toCategory;
      case 'potential': return r.fromPotential * 16 + r.toPotential;
    }
  };
  out.sort((a, b) => {
    const x = key(a), y = key(b);
    return sign * (typeof x === 'number' ? x - (y as number) : x.localeCompare(y as string, lang)) || a.row - b.row;
  });
  return out;
}

const cell = (x: string | number) => {
  const s = String(x);
  return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function changedCsv(lang: Lang, rows: ChangedRow[], ids: string[], header: string[]): string {
  const lines = [header.map(cell).join(',')];
  for (const r of rows) {
    lines.push([ids[r.row], r.name, r.oblast, r.district, Number.isFinite(r.population) ? r.population : '', categoryWord(lang, r.fromCategory), categoryWord(lang, r.toCategory),
      potentialWord(lang, r.fromPotential), potentialWord(lang, r.toPotential)].map(cell).join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
