// Register rows → Settlement records, with a problem per bad cell naming the line, column and value.
// Booleans accept true/false, 1/0, yes/no, иә/жоқ, да/нет; numbers accept a decimal comma and spaces as
// thousands separators. An empty cell is "no data" (null), never 0.
import type { Settlement } from '../engine/types.ts';

export interface RowProblem {
  line: number;
  column: string;
  value: string;
  message: string;
}

export const REGISTER_COLUMNS = [
  'id', 'name_kk', 'name_ru', 'name_en', 'lat', 'lon', 'oblast', 'district', 'rural_district',
  'is_district_centre', 'is_rural_district_centre', 'population',
] as const;

const TRUE = new Set(['true', '1', 'yes', 'y', 'иә', 'ия', 'да', 'д']);
const FALSE = new Set(['false', '0', 'no', 'n', 'жоқ', 'нет', 'н']);

export function parseBoolean(raw: string): boolean | null | undefined {
  const s = raw.trim().toLocaleLowerCase('ru');
  if (s === '') return null;
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return undefined; // not a boolean
}

export function parseNumber(raw: string): number | null | undefined {
  const s = raw.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (s === '' || s === '-' || s === '—' || /^(n\/?a|null|нет данных)$/i.test(s)) return null;
  const normalised = /^-?\d+,\d+$/.test(s) ? s.replace(',', '.') : s;
  if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(normalised)) return undefined;
  return Number(normalised);
}

type Cell = string | number | boolean | null | undefined;
const text = (v: Cell) => (v === null || v === undefined ? '' : String(v).trim());

export interface RegisterRow {
  line: number;
  cells: Record<string, Cell>;
}

/** Converts rows to settlements. `indicatorColumns` are the columns the methodology reads. */
export function rowsToSettlements(rows: RegisterRow[], indicatorColumns: string[]): { settlements: Settlement[]; problems: RowProblem[]; rejectedLines: number[] } {
  const settlements: Settlement[] = [];
  const problems: RowProblem[] = [];
  const rejectedLines: number[] = [];
  const seenIds = new Map<string, number>();
  const extraColumns = [...new Set(indicatorColumns.filter((c) => !(REGISTER_COLUMNS as readonly string[]).includes(c)))];

  for (const { line, cells } of rows) {
    const before = problems.length;
    const bad = (column: string, value: Cell, message: string) => problems.push({ line, column, value: text(value), message });
    const num = (column: string, required: boolean, min?: number, max?: number): number | null => {
      const raw = cells[column];
      const n = typeof raw === 'number' ? raw : parseNumber(text(raw));
      if (n === undefined || (n !== null && !Number.isFinite(n))) bad(column, raw, 'not a number');
      else if (n === null) {
        if (required) bad(column, raw, 'required');
      } else if ((min !== undefined && n < min) || (max !== undefined && n > max)) bad(column, raw, `must be between ${min} and ${max}`);
      else return n;
      return null;
    };
    const bool = (column: string): boolean | null => {
      const raw = cells[column];
      const b = typeof raw === 'boolean' ? raw : typeof raw === 'number' ? (raw === 1 ? true : raw === 0 ? false : undefined) : parseBoolean(text(raw));
      if (b === undefined) {
        bad(column, raw, 'not a yes/no value (true/false, 1/0, yes/no, иә/жоқ, да/нет)');
        return null;
      }
      return b;
    };

    const id = text(cells.id);
    if (!id) bad('id', cells.id, 'required');
    else if (seenIds.has(id)) bad('id', cells.id, `duplicate id (first on line ${seenIds.get(id)})`);
    const lat = num('lat', true, -90, 90);
    const lon = num('lon', true, -180, 180);
    const names = { name_kk: text(cells.name_kk) || null, name_ru: text(cells.name_ru) || null, name_en: text(cells.name_en) || null };
    if (!names.name_kk && !names.name_ru && !names.name_en) bad('name_ru', cells.name_ru, 'a name is required (name_kk, name_ru or name_en)');
    const population = num('population', false, 0);
    const indicators: Record<string, number | null> = {};
    for (const c of extraColumns) {
      // Yes/no facility columns (has_school…) accept the same words as the flags, stored as 1/0.
      const b = typeof cells[c] === 'string' && parseNumber(text(cells[c])) === undefined ? parseBoolean(text(cells[c])) : undefined;
      indicators[c] = typeof b === 'boolean' ? (b ? 1 : 0) : num(c, false);
    }
    const settlement: Settlement = {
      id,
      ...names,
      lat: lat ?? NaN,
      lon: lon ?? NaN,
      oblast: text(cells.oblast) || null,
      district: text(cells.district) || null,
      rural_district: text(cells.rural_district) || null,
      is_district_centre: bool('is_district_centre'),
      is_rural_district_centre: bool('is_rural_district_centre'),
      population,
      indicators,
    };
    if (problems.length === before) {
      settlements.push(settlement);
      seenIds.set(id, line);
    } else rejectedLines.push(line);
  }
  return { settlements, problems, rejectedLines };
}

export function formatProblem(p: RowProblem): string {
  return `line ${p.line}, column "${p.column}", value "${p.value}": ${p.message}`;
}
