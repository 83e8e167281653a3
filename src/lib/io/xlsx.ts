// Excel .xlsx registers via SheetJS CE (@e965/xlsx 0.20.x: the maintained SheetJS build on npm; the npm `xlsx`
// package stopped at 0.18.5, with known advisories).
// - Integrity first: every zip entry is inflated as a stream with its CRC-32 and size checked and the real output
//   capped (zip.ts) before SheetJS sees the bytes; encrypted entries and missing parts (the workbook, the shared
//   texts a sheet refers to) are refused by name.
// - Sheet: the one asked for (name or 1-based index), else the first sheet with rows (a notice names it).
// - Header: the row asked for (1-based), else the row within the first 30 that names the most known columns
//   (mapping.ts aliases); a title above it is skipped with a notice naming the header row.
// - Cells: a formula's saved value, or a cell problem when there is none; a date in a numeric column is a cell
//   problem; merged ranges are reported and, on request, filled down in text columns (never numbers); hidden rows
//   are read and counted. Row labels are sheet row numbers.
import { read, type CellObject, type WorkBook, type WorkSheet } from '@e965/xlsx';
import { arrayColumn, type Cell, type RawTable } from './register.ts';
import { verifyZip, type ZipEntry } from './zip.ts';
import { fileError, type Problem, type ProblemCode } from './problems.ts';
import { fieldOf } from './mapping.ts';
import { knownColumn } from './header-row.ts';

export interface SheetOptions {
  /** Sheet name, or 1-based index. Default: the first sheet with rows. */
  sheet?: string | number;
  /** 1-based sheet row of the header. Default: found (the row naming the most known columns, within the first 30). */
  headerRow?: number;
  /** Fill each merged range of a text column down from its first cell (numeric columns never are). */
  fillDown?: boolean;
  /** Columns read as numbers (a date there is a cell problem). Known numeric fields and columns holding mostly
   *  numbers count as numeric too. */
  numeric?: (column: string) => boolean;
}

export interface MergedRange {
  /** A1-style range, e.g. "B4:B9". */
  range: string;
  /** Header name of the range's first column. */
  column: string;
  /** Sheet rows the range covers. */
  rows: [number, number];
  filled: boolean;
  numeric: boolean;
}

/** What the caller can show and offer a choice of (UI mapping step, CLI --sheet / --header-row). */
export interface WorkbookInfo {
  /** Every sheet name, in workbook order. */
  sheets: string[];
  /** The sheet read. */
  sheet: string;
  /** 1-based sheet row taken as the header. */
  headerRow: number;
  /** given: asked for; detected: the row naming the most known columns; first: the first filled row (no row named
   *  two known columns). */
  headerFound: 'given' | 'detected' | 'first';
  merged: MergedRange[];
  /** Sheet rows of the data rows that are hidden (read like the others). */
  hiddenRows: number[];
  /** Warnings to show with the problems: sheet chosen, header row found, merged ranges, hidden rows, and the cell
   *  problems (formula without a value, date in a numeric column): those cells are no data, their rows are kept. */
  notices: Problem[];
}

const HEADER_SEARCH_ROWS = 30;
const NUMERIC_FIELDS = new Set(['lat', 'lon', 'population']);
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
type Row = (CellObject | undefined)[] | undefined;

/** A1 name of a 0-based cell. */
function a1(r: number, c: number): string {
  let name = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return `${name}${r + 1}`;
}

const listed = (items: (string | number)[], max = 5) => items.slice(0, max).join(', ') + (items.length > max ? ` … (+${items.length - max})` : '');

/** Whether XML bytes hold a cell attribute t="s" (or t='s') after white space. */
function refersToSharedText(xml: Uint8Array): boolean {
  for (let i = xml.indexOf(0x74); i >= 0 && i + 4 < xml.length; i = xml.indexOf(0x74, i + 1)) {
    const quote = xml[i + 2];
    if (xml[i + 1] === 0x3d && (quote === 0x22 || quote === 0x27) && xml[i + 3] === 0x73 && xml[i + 4] === quote && i > 0 && xml[i - 1] <= 0x20) return true;
  }
  return false;
}

/** Verifies the archive and its required parts before SheetJS expands anything. */
function checkWorkbookArchive(bytes: Uint8Array, expandedLimit: number): void {
  const sharedStringUsers: string[] = [];
  const tails = new Map<string, Uint8Array>();
  let rels = '';
  const dec = new TextDecoder();
  const entries: ZipEntry[] = verifyZip(bytes, expandedLimit, (entry, chunk) => {
    if (entry.name === '_rels/.rels' && rels.length < 1 << 16) rels += dec.decode(chunk, { stream: true });
    if (!WORKSHEET.test(entry.name) || sharedStringUsers.includes(entry.name)) return;
    // A cell of type "s" refers to the shared texts; scanned across chunk boundaries with a short tail.
    const tail = tails.get(entry.name);
    const seam = tail ? Uint8Array.from([...tail, ...chunk.subarray(0, 6)]) : null;
    if ((seam && refersToSharedText(seam)) || refersToSharedText(chunk)) sharedStringUsers.push(entry.name);
    tails.set(entry.name, chunk.slice(Math.max(0, chunk.length - 6)));
  });
  const names = new Set(entries.map((e) => e.name));
  const lower = new Set(entries.map((e) => e.name.toLowerCase()));
  const target = /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(rels)?.[0].match(/Target="\/?([^"]+)"/)?.[1];
  const workbookPart = target ?? 'xl/workbook.xml';
  if (!names.has(workbookPart)) throw fileError('xlsx_part_missing', { part: workbookPart });
  if (sharedStringUsers.length && ![...lower].some((n) => n.endsWith('sharedstrings.xml'))) throw fileError('xlsx_part_missing', { part: 'xl/sharedStrings.xml', sheet: sharedStringUsers[0] });
}

const readOptions = { type: 'array', dense: true, cellFormula: true, cellHTML: false, cellText: false, cellDates: true, cellStyles: true } as const;

function openWorkbook(bytes: Uint8Array, sheets?: number | string): WorkBook {
  try {
    return read(bytes, { ...readOptions, ...(sheets === undefined ? {} : { sheets }) });
  } catch (e) {
    if ((e as { problem?: unknown }).problem) throw e;
    throw fileError('xlsx_invalid', { detail: (e as Error).message });
  }
}

/** The sheet names only (no sheet parsed). */
function openNames(bytes: Uint8Array): string[] {
  try {
    return read(bytes, { type: 'array', bookSheets: true }).SheetNames;
  } catch (e) {
    throw fileError('xlsx_invalid', { detail: (e as Error).message });
  }
}

const dataOf = (sheet: WorkSheet | undefined) => ((sheet as unknown as { '!data'?: Row[] } | undefined)?.['!data'] ?? []) as Row[];

/** The cell as read without checks: numbers, text, booleans; errors (#N/A…) and empty formulas as no data. */
function plainValue(c: CellObject | undefined): Cell {
  if (!c || c.v === undefined || c.v === null) return null;
  if (c.t === 'e' || c.t === 'z') return null; // #N/A and other errors: no data; 'z': a stub (SheetJS gives a formula without a saved value v = 0 and type 'z')
  if (c.t === 'n' || c.t === 'b' || c.t === 's') return typeof c.v === 'string' ? c.v.trim() : (c.v as Cell);
  if (c.t === 'd') return isoDate(c.v);
  return String(c.v).trim();
}

function isoDate(v: unknown): string {
  const d = v instanceof Date ? v : new Date(String(v));
  return Number.isNaN(d.getTime()) ? String(v) : d.toISOString().slice(0, d.getUTCHours() || d.getUTCMinutes() ? 16 : 10).replace('T', ' ');
}

const emptyRow = (r: Row) => !r || r.every((c) => {
  const v = plainValue(c);
  return v === null || v === '';
});

const filledCells = (r: Row) => (r ?? []).filter((c) => {
  const v = plainValue(c);
  return v !== null && v !== '';
}).length;

/** The header row (0-based) within the first rows: the one naming the most known columns (at least two). */
function findHeader(data: Row[], known: (name: string) => boolean): { index: number; found: 'detected' | 'first' } | null {
  let best = -1;
  let bestScore = 1;
  let firstFilled = -1;
  let firstWide = -1;
  for (let r = 0; r < Math.min(data.length, HEADER_SEARCH_ROWS); r++) {
    const row = data[r];
    if (emptyRow(row)) continue;
    if (firstFilled < 0) firstFilled = r;
    if (firstWide < 0 && filledCells(row) >= 2) firstWide = r;
    const score = (row ?? []).filter((c) => {
      const v = plainValue(c);
      return typeof v === 'string' && v !== '' && known(v);
    }).length;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best >= 0) return { index: best, found: 'detected' };
  if (firstWide >= 0) return { index: firstWide, found: 'first' };
  if (firstFilled >= 0) return { index: firstFilled, found: 'first' };
  // Beyond the first 30 rows: the first filled row.
  for (let r = HEADER_SEARCH_ROWS; r < data.length; r++) if (!emptyRow(data[r])) return { index: r, found: 'first' };
  return null;
}

const notice = (row: number, column: string, value: string, code: ProblemCode, params: Problem['params'] = {}): Problem => ({ row, column, value, code, params, severity: 'warning' });

/** Reads one sheet of an .xlsx into a RawTable, with what the caller may show or offer (`workbook`). `keep`: the
 *  columns to keep (also what counts as a known column when looking for the header, besides mapping's aliases). */
export async function readXlsx(bytes: Uint8Array, expandedLimit: number, keep?: (column: string) => boolean, options: SheetOptions = {}): Promise<RawTable & { workbook: WorkbookInfo }> {
  checkWorkbookArchive(bytes, expandedLimit);
  const notices: Problem[] = [];

  // The sheet.
  let wb: WorkBook;
  let sheetName: string;
  if (options.sheet !== undefined && options.sheet !== '') {
    const names = openNames(bytes);
    const byIndex = typeof options.sheet === 'number' || /^\d+$/.test(options.sheet) ? names[Number(options.sheet) - 1] : undefined;
    const name = byIndex ?? names.find((n) => n === options.sheet) ?? names.find((n) => n.toLowerCase() === String(options.sheet).trim().toLowerCase());
    if (name === undefined) throw fileError('sheet_not_found', { sheet: String(options.sheet), sheets: names.map((n, i) => `${i + 1} "${n}"`).join(', ') });
    wb = openWorkbook(bytes, name);
    sheetName = name;
  } else {
    // The first sheet alone first (the usual case, and what a large workbook's memory allows); all only when it is empty.
    wb = openWorkbook(bytes, 0);
    if (!dataOf(wb.Sheets[wb.SheetNames[0]]).some((r) => !emptyRow(r))) wb = openWorkbook(bytes);
    const index = wb.SheetNames.findIndex((n) => dataOf(wb.Sheets[n]).some((r) => !emptyRow(r)));
    if (index < 0) throw fileError('file_empty');
    sheetName = wb.SheetNames[index];
    if (index > 0) notices.push(notice(0, '', '', 'sheet_chosen', { first: wb.SheetNames[0], sheet: sheetName, index: index + 1 }));
  }
  const sheet = wb.Sheets[sheetName];
  if (!sheet) throw fileError('xlsx_invalid', { detail: `sheet "${sheetName}" cannot be read` });
  const data = dataOf(sheet);

  // The header.
  let h: number;
  let headerFound: WorkbookInfo['headerFound'];
  if (options.headerRow !== undefined) {
    h = options.headerRow - 1;
    if (!Number.isInteger(options.headerRow) || h < 0 || h >= data.length || emptyRow(data[h])) throw fileError('header_row_invalid', { row: options.headerRow, sheet: sheetName, rows: Math.max(1, data.length) });
    headerFound = 'given';
  } else {
    const found = findHeader(data, knownColumn(keep));
    if (!found) throw fileError('file_empty');
    h = found.index;
    headerFound = found.found;
    // A title above the header (not just blank rows) is skipped: say so.
    if (data.slice(0, h).some((r) => !emptyRow(r))) notices.push(notice(h + 1, '', '', 'header_row_found', { row: h + 1, sheet: sheetName }));
  }
  const header = (data[h] ?? []).map((c) => String(plainValue(c) ?? '').trim());
  const kept = header.map((name) => (keep ? keep(name) : true));

  // Which columns are numeric: asked, a known numeric field, or mostly numbers below the header.
  const numericColumn = header.map((name, c) => {
    if (options.numeric?.(name) || NUMERIC_FIELDS.has(fieldOf(name) ?? '')) return true;
    let numbers = 0;
    let filled = 0;
    for (let r = h + 1; r < data.length; r++) {
      const cell = data[r]?.[c];
      if (!cell || cell.v === undefined || cell.v === null || cell.v === '') continue;
      filled++;
      if (cell.t === 'n') numbers++;
    }
    return numbers * 2 > filled;
  });

  // Merged ranges under the header: reported, filled down on request in text columns.
  const fills = new Map<string, CellObject>(); // "r,c" → the range's first cell
  const merged: MergedRange[] = [];
  for (const m of (sheet['!merges'] ?? []).slice().sort((a, b) => a.s.c - b.s.c || a.s.r - b.s.r)) {
    if (m.e.r <= h || m.s.r <= h || m.e.r === m.s.r) continue; // header merges and side-by-side merges hold no rows of data
    const column = header[m.s.c] ?? a1(0, m.s.c).replace(/\d+$/, '');
    const first = data[m.s.r]?.[m.s.c];
    const firstValue = plainValue(first);
    const numeric = numericColumn[m.s.c] || typeof firstValue === 'number' || first?.t === 'd' || (typeof firstValue === 'string' && /^[\s\d.,+-]+$/.test(firstValue));
    const filled = Boolean(options.fillDown) && !numeric && firstValue !== null && firstValue !== '';
    if (filled) for (let r = m.s.r + 1; r <= m.e.r; r++) fills.set(`${r},${m.s.c}`, first!);
    merged.push({ range: `${a1(m.s.r, m.s.c)}:${a1(m.e.r, m.e.c)}`, column, rows: [m.s.r + 1, m.e.r + 1], filled, numeric });
  }
  const byColumn = new Map<string, MergedRange[]>();
  for (const m of merged) {
    const key = `${m.column}\u0000${m.filled ? 'filled' : m.numeric ? 'numeric' : 'open'}`;
    byColumn.set(key, [...(byColumn.get(key) ?? []), m]);
  }
  for (const group of byColumn.values()) {
    const m = group[0];
    notices.push(notice(m.rows[0], m.column, '', m.filled ? 'merged_filled' : m.numeric ? 'merged_numeric' : 'merged_cells', { count: group.length, ranges: listed(group.map((g) => g.range)) }));
  }

  // The rows.
  const hiddenInfo = (sheet['!rows'] ?? []) as ({ hidden?: boolean } | undefined)[];
  const hiddenRows: number[] = [];
  const cellProblems: Problem[] = [];
  const columns: Cell[][] = header.map(() => []);
  const rows: number[] = [];
  for (let r = h + 1; r < data.length; r++) {
    const row = data[r];
    const cellAt = (c: number) => fills.get(`${r},${c}`) ?? row?.[c];
    if (emptyRow(row) && !header.some((_, c) => fills.has(`${r},${c}`))) continue;
    rows.push(r + 1);
    if (hiddenInfo[r]?.hidden) hiddenRows.push(r + 1);
    for (let c = 0; c < header.length; c++) {
      if (!kept[c]) continue;
      const cell = cellAt(c);
      let v = plainValue(cell);
      if (cell && cell.f !== undefined && (cell.v === undefined || cell.v === null || cell.t === 'z')) {
        cellProblems.push(notice(r + 1, header[c], `=${cell.f}`, 'formula_no_value', { formula: cell.f }));
        v = null;
      } else if (cell?.t === 'd' && numericColumn[c]) {
        cellProblems.push(notice(r + 1, header[c], String(v), 'date_in_numeric'));
        v = null;
      }
      columns[c].push(v);
    }
  }
  if (hiddenRows.length) notices.push(notice(hiddenRows[0], '', '', 'hidden_rows', { count: hiddenRows.length, rows: listed(hiddenRows, 10) }));
  notices.push(...cellProblems);
  const workbook: WorkbookInfo = { sheets: wb.SheetNames.slice(), sheet: sheetName, headerRow: h + 1, headerFound, merged, hiddenRows, notices };
  return { header, columns: columns.map((cells, c) => (kept[c] ? arrayColumn(cells) : null)), rows, unit: 'row', headerRow: h + 1, problems: [], rowsRead: rows.length, workbook };
}
