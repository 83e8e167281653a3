// Excel .xlsx registers via SheetJS CE (@e965/xlsx 0.20.x: the maintained SheetJS build on npm; the npm `xlsx`
// package stopped at 0.18.5, with known advisories). The first sheet; its first non-empty row is the header; row
// labels are sheet row numbers. Checked as a zip before SheetJS expands anything.
import { read, type CellObject, type WorkSheet } from '@e965/xlsx';
import { arrayColumn, type Cell, type RawTable } from './register.ts';
import { checkZip, listZip } from './zip.ts';
import { fileError } from './problems.ts';

export async function readXlsx(bytes: Uint8Array, expandedLimit: number, keep: (column: string) => boolean = () => true): Promise<RawTable> {
  checkZip(listZip(bytes), expandedLimit);
  let sheet: WorkSheet;
  try {
    const wb = read(bytes, { type: 'array', dense: true, cellFormula: false, cellHTML: false, cellText: false, cellDates: false, sheets: 0 });
    sheet = wb.Sheets[wb.SheetNames[0]];
    if (!sheet) throw new Error('the workbook has no sheet');
  } catch (e) {
    if ((e as { problem?: unknown }).problem) throw e;
    throw fileError('xlsx_invalid', { detail: (e as Error).message });
  }
  const data = ((sheet as unknown as { '!data'?: (CellObject | undefined)[][] })['!data'] ?? []) as (CellObject | undefined)[][];
  const value = (c: CellObject | undefined): Cell => {
    if (!c || c.v === undefined || c.v === null) return null;
    if (c.t === 'e') return null; // #N/A and other errors: no data
    if (c.t === 'n' || c.t === 'b' || c.t === 's') return c.v as Cell;
    return String(c.v);
  };
  const emptyRow = (r: (CellObject | undefined)[] | undefined) => !r || r.every((c) => {
    const v = value(c);
    return v === null || v === '';
  });
  let h = 0;
  while (h < data.length && emptyRow(data[h])) h++;
  if (h >= data.length) throw fileError('file_empty');
  const header = (data[h] ?? []).map((c) => String(value(c) ?? '').trim());
  const kept = header.map((h) => keep(h));
  const columns: Cell[][] = header.map(() => []);
  const rows: number[] = [];
  for (let r = h + 1; r < data.length; r++) {
    const row = data[r];
    if (emptyRow(row)) continue;
    rows.push(r + 1);
    for (let c = 0; c < header.length; c++) {
      if (!kept[c]) continue;
      const v = value(row![c]);
      columns[c].push(typeof v === 'string' ? v.trim() : v);
    }
  }
  return { header, columns: columns.map((cells, c) => (kept[c] ? arrayColumn(cells) : null)), rows, unit: 'row', headerRow: h + 1, problems: [], rowsRead: rows.length };
}
