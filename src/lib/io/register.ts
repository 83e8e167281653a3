// A register table (columns of cells, from CSV, .xlsx, GeoJSON, FlatGeobuf or a Shapefile) → Settlement records,
// with every problem as data naming its row, column and value. Booleans accept true/false, 1/0, yes/no, иә/жоқ,
// да/нет; numbers follow the file's decimal convention (numbers.ts). An empty cell, «нет данных» and the like are
// "no data" (null), never 0. Plausibility follows each indicator's value kind (schema `kind`): counts are whole and
// ≥ 0, flags 0/1, percentages 0–100, distances and amounts ≥ 0; coordinates must lie within 5 km of Kazakhstan
// when an outline is given, and a point that lies in Kazakhstan only with lat and lon swapped is reported as such.
import type { Category, Settlement } from '../engine/types.ts';
import { parseOfficialCategory } from '../engine/audit.ts';
import type { Methodology, ValueKind } from '../engine/config/schema.ts';
import { editDistance } from './edit-distance.ts';
import { detectDecimal, isNoData, parseNumberCell, type DecimalConvention } from './numbers.ts';
import { fileError, type Params, type Problem, type ProblemCode } from './problems.ts';
import type { Outline } from './outline.ts';
import { PRESETS } from '../engine/config/presets.ts';
import { RegisterColumns, TEXT_FIELDS, type RegisterSource, type TextField } from '../engine/columns.ts';

const PRESET_COLUMNS = Object.values(PRESETS).flatMap((p) => p.indicators.map((i) => i.column));

export const REGISTER_COLUMNS = [
  'id', 'name_kk', 'name_ru', 'name_en', 'lat', 'lon', 'oblast', 'district', 'rural_district',
  'is_district_centre', 'is_rural_district_centre', 'population',
  // the status a local executive body approved (for the audit): category, a satellite's support settlement, year
  'official_category', 'official_support_id', 'official_year',
] as const;
const TEXT_COLUMNS = ['name_kk', 'name_ru', 'name_en', 'oblast', 'district', 'rural_district', 'official_support_id'] as const;
const FLAG_COLUMNS = ['is_district_centre', 'is_rural_district_centre'] as const;
export const REQUIRED_COLUMNS = ['id', 'lat', 'lon'] as const;

const TRUE = new Set(['true', '1', 'yes', 'y', 'иә', 'ия', 'да', 'д', 'истина']);
const FALSE = new Set(['false', '0', 'no', 'n', 'жоқ', 'нет', 'н', 'ложь']);

export function parseBoolean(raw: string): boolean | null | undefined {
  if (raw === '') return null;
  if (raw === '0') return false;
  if (raw === '1') return true;
  const s = raw.trim().toLowerCase();
  if (s === '' || isNoData(s)) return null;
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return undefined; // not a boolean
}

export type Cell = string | number | boolean | null | undefined;

/** A column of cells, read on demand (CSV keeps offsets into the text; other formats wrap an array). */
export interface CellColumn {
  readonly length: number;
  get(k: number): Cell;
  /** Fast path for plain decimals; NaN when the cell needs the full parser. */
  simpleNumber?(k: number, pointIsDecimal: boolean): number;
  /** simpleNumber(k, false) for every cell, cached; the checks take the array over as their result. */
  fastNumbers?(): Float64Array;
}

export function arrayColumn(cells: Cell[]): CellColumn {
  return { length: cells.length, get: (k) => cells[k] };
}

/** What every reader produces: cells by column, a row label per record, and the rows it already rejected. */
export interface RawTable {
  header: string[];
  /** Per header column; null for a column the reader did not keep (not read by the methodology). */
  columns: (CellColumn | null)[];
  /** Row label of each record: CSV line, sheet row, or feature number. */
  rows: number[];
  unit: 'line' | 'row' | 'feature';
  /** Row label of the header (1 for CSV and sheets, 0 for feature formats). */
  headerRow: number;
  /** Records rejected before column checks (CSV shape, null features…), one error each. */
  problems: Problem[];
  /** Records seen: rows.length + records rejected in `problems`. */
  rowsRead: number;
}

export interface ReadOptions {
  outline?: Outline | null;
  /** Within this many km outside the outline a point is accepted (boundary resolution). Default 5. */
  outlineToleranceKm?: number;
  /** Swap back lat/lon that are swapped (a warning instead of an error). */
  fixSwapped?: boolean;
  /** An unreadable or impossible cell in a column that is not required (an indicator, population, a yes/no
   *  column, the approved status): 'no-data' (default) keeps the row with that cell as no data and lists it as a
   *  warning; 'refuse-row' rejects the row (an error). */
  invalidCells?: 'no-data' | 'refuse-row';
}

export interface RegisterResult {
  /** The accepted rows as records, built on first access (the columns are what the engine reads). */
  readonly settlements: Settlement[];
  /** The accepted rows as columns, ready for the engine (no record per row). */
  columns: RegisterColumns;
  /** Errors (row rejected) and warnings (row kept), by row. */
  problems: Problem[];
  rowsIn: number;
  rejectedRows: number[];
  decimal: DecimalConvention;
  /** The share of the methodology's points this file's columns can score (for the import summary), and the
   *  indicator columns it lacks. */
  scorable: ScorablePoints;
}

/** Distinct names of a text column shared between the rows that repeat them (oblasts and districts: all). */
const SHARED_NAMES = 4096;

/** A string that does not share storage with a larger one (V8 slices of 13+ characters point into their parent). */
const ownCopy = (s: string) => (s.length < 13 ? s : (s + ' ').slice(0, -1));

const text = (v: Cell) => (v === null || v === undefined ? '' : typeof v === 'string' ? v.trim() : String(v));

export function closestName(name: string, known: readonly string[]): string | null {
  const low = name.toLowerCase();
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const dd = editDistance(low, k.toLowerCase());
    if (dd < bestD) {
      bestD = dd;
      best = k;
    }
  }
  // A short name must be nearly the same ("x0" is not "id").
  return best !== null && bestD <= Math.max(1, Math.floor(low.length / 3)) && bestD < low.length ? best : null;
}

const RANGES: Partial<Record<ValueKind, [number, number]>> = { percentage: [0, 100] };
const NON_NEGATIVE = new Set<ValueKind>(['count', 'distance', 'amount', 'ratio', 'percentage', 'flag']);
// "?" next to a Cyrillic letter: a Kazakh letter lost to a code page that lacks it (Қ → ?).
const LOST_LETTER = /[А-яЁё]\?|\?[А-яЁё]/;

/** The class of the per-row indicator views. Built outside tableToSettlements on purpose: a getter's closure
 *  keeps its whole enclosing scope alive, and there that would be the table with the decoded file text. */
function indicatorViewClass(indicatorColumns: string[], indicatorValues: Float64Array[]): new (row: number) => object {
  const IndicatorView = class {
    constructor(readonly row: number) {}
  };
  indicatorColumns.forEach((name, c) => {
    const values = indicatorValues[c];
    Object.defineProperty(IndicatorView.prototype, name, {
      enumerable: true,
      get(this: { row: number }) {
        const v = values[this.row];
        return Number.isNaN(v) ? null : v;
      },
    });
  });
  Object.defineProperty(IndicatorView.prototype, 'toJSON', {
    value(this: Record<string, unknown>) {
      return Object.fromEntries(indicatorColumns.map((n) => [n, this[n]]));
    },
  });
  return IndicatorView;
}

/** Known column names: the register's own, this methodology's, and every shipped preset's (the register
 *  template): a 2025 column in a register assessed with 2019 is not a typo. */
export function knownColumns(config: Methodology): string[] {
  return [...new Set([...REGISTER_COLUMNS, ...config.indicators.map((i) => i.column), ...PRESET_COLUMNS])];
}

/** The known column a header cell names: case-insensitive; a DBF field name cut to 10 characters stands for the one
 *  known column it begins. Otherwise the header itself. (Readers use it to decide which columns to keep.) */
export function canonicalColumn(header: string, known: readonly string[]): string {
  const low = header.toLowerCase();
  const exact = known.find((k) => k.toLowerCase() === low);
  if (exact !== undefined) return exact;
  const prefixed = low.length === 10 ? known.filter((k) => k.toLowerCase().startsWith(low)) : [];
  return prefixed.length === 1 ? prefixed[0] : header;
}

/** Geospatial fields the engine computes (never read from the register): distances to the town tiers, to a town,
 *  to the borders. */
function isComputedColumn(config: Methodology, column: string): boolean {
  if (column === 'km_to_town' || column === 'km_to_border' || column === 'km_to_china' || column === 'km_to_russia') return true;
  return config.geospatial.town_tiers.some((t) => `km_to_${t.id}` === column);
}

export interface ScorablePoints {
  /** Points of the scored blocks' enabled indicators whose column the file has (or the engine computes). */
  available: number;
  /** All points of the scored blocks' enabled indicators (100 in both presets). */
  total: number;
  /** available / total (1 when total is 0). */
  share: number;
  /** Register columns of enabled indicators the file lacks, with their block and the points at stake (0 for a
   *  block applied as rules only). */
  absent: { column: string; block: string; points: number }[];
}

/** Which of the methodology's points a file with these columns can score. */
export function scorablePoints(config: Methodology, has: (column: string) => boolean): ScorablePoints {
  const scored = new Set(config.blocks.filter((b) => b.scored !== false).map((b) => b.id));
  const absent = new Map<string, { column: string; block: string; points: number }>();
  let available = 0;
  let total = 0;
  for (const ind of config.indicators) {
    if (ind.enabled === false) continue;
    const points = scored.has(ind.block) ? ind.points : 0;
    total += points;
    if (isComputedColumn(config, ind.column) || has(ind.column)) available += points;
    else {
      const a = absent.get(ind.column);
      if (a) a.points += points;
      else absent.set(ind.column, { column: ind.column, block: ind.block, points });
    }
  }
  return { available, total, share: total > 0 ? Math.round((available / total) * 1000) / 1000 : 1, absent: [...absent.values()] };
}

/** Converts a table to settlements. Columns the methodology reads are checked by their value kind. */
export function tableToSettlements(table: RawTable, config: Methodology, options: ReadOptions = {}): RegisterResult {
  const problems: Problem[] = [...table.problems];
  const size = table.rows.length;
  const rows = table.rows;
  const bad = new Uint8Array(size);
  const headerRow = table.headerRow;
  const push = (k: number, column: string, value: Cell, code: ProblemCode, params: Params = {}, severity: 'error' | 'warning' = 'error') => {
    problems.push({ row: k < 0 ? headerRow : rows[k], column, value: text(value), code, params, severity });
    if (severity === 'error' && k >= 0) bad[k] = 1;
  };

  // Header: duplicates are fatal; unknown columns are summed up in one problem (the first ten named, with the
  // closest known name), so that a file with thousands of them still shows its row problems and is assessed.
  const kinds = new Map<string, ValueKind>();
  for (const ind of config.indicators) if (!kinds.has(ind.column)) kinds.set(ind.column, ind.kind ?? 'number');
  const known = knownColumns(config);
  const index = new Map<string, number>();
  const unnamed: string[] = [];
  table.header.forEach((h, c) => {
    // An empty header cell (Excel's trailing "a;b;;") names nothing: listed as "#n" with the unknown columns.
    if (h === '') return void unnamed.push(`#${c + 1}`);
    const canonical = canonicalColumn(h, known);
    if (index.has(canonical)) throw fileError('duplicate_column', { first: index.get(canonical)! + 1, second: c + 1 }, h, headerRow);
    index.set(canonical, c);
  });
  const empty = table.rowsRead === 0;
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  // A file without a single row (an empty FeatureCollection) has no columns to miss: 0 rows and a notice.
  if (missing.length && !(empty && table.unit === 'feature')) throw fileError('missing_columns', { columns: missing.join(', ') }, '', headerRow);
  if (empty) push(-1, '*', '', 'no_rows', { unit: table.unit }, 'warning');
  const unknown = [...[...index.keys()].filter((name) => !known.includes(name)), ...unnamed];
  if (unknown.length) {
    const shown = unknown.slice(0, 10).map((name) => {
      const closest = name.startsWith('#') ? null : closestName(name, known);
      return closest ? `${name} (→ ${closest}?)` : name;
    });
    push(-1, '*', '', 'unknown_columns', { count: unknown.length, names: shown.join(', ') + (unknown.length > 10 ? ', …' : '') }, 'warning');
  }
  // The reader may have left a column out (not kept): then it is absent here too.
  const col = (name: string): CellColumn | null => {
    const c = index.get(name);
    return c === undefined ? null : table.columns[c];
  };
  for (const r of REQUIRED_COLUMNS) if (!empty && !col(r)) throw fileError('missing_columns', { columns: r }, '', headerRow);

  // Indicator columns the file lacks: one problem each, with the block and the points no row can earn; and the
  // share of the methodology's points the file can score at all.
  const scorable = scorablePoints(config, (column) => col(column) !== null);
  for (const a of scorable.absent) push(-1, a.column, '', 'column_absent', { block: a.block, points: a.points, rows: size, unit: table.unit }, 'warning');

  // Decimal convention of the file, from every numeric column.
  const numericColumns = ['lat', 'lon', 'population', ...kinds.keys()].filter((c, i, a) => a.indexOf(c) === i && index.has(c));
  let fastPoint = 0; // plain decimals such as 51.147: evidence for "." counted without the parser
  const fromOthers = detectDecimal(
    (function* () {
      for (const c of numericColumns) {
        const column = col(c)!;
        const fastAll = column.fastNumbers?.() ?? null;
        for (let k = 0; k < column.length; k++) {
          // Plain integers and unambiguous point decimals say nothing or "point": only look at the others.
          if (fastAll) {
            const x = fastAll[k];
            if (!Number.isNaN(x)) {
              if (!Number.isInteger(x)) fastPoint++;
              continue;
            }
          }
          const v = column.get(k);
          if (typeof v === 'string') yield v;
        }
      }
    })(),
  );
  const decimal: DecimalConvention = fastPoint === 0 ? fromOthers : fromOthers === 'comma' || fromOthers === 'mixed' ? 'mixed' : 'point';

  // An unreadable or impossible cell of a column that is not required: by default the row is kept with that cell
  // as no data (a warning naming it); `invalidCells: 'refuse-row'` rejects the row instead.
  const refuseRows = options.invalidCells === 'refuse-row';
  const cell = (k: number, column: string, value: Cell, code: ProblemCode, params: Params, required: boolean) => {
    if (required || refuseRows) push(k, column, value, code, params);
    else push(k, column, value, code, { ...params, nodata: 1 }, 'warning');
  };

  let absentValues: Float64Array | null = null;
  /** A numeric column checked by kind; NaN = no data or rejected. */
  const numbers = (name: string, kind: ValueKind, required: boolean): Float64Array => {
    const cells = col(name);
    if (!cells) {
      if (required) for (let k = 0; k < size; k++) push(k, name, '', 'required');
      // the columns the file lacks share one all-NaN array (left out of the register's columns below)
      return required ? new Float64Array(size).fill(NaN) : (absentValues ??= new Float64Array(size).fill(NaN));
    }
    const fast = !!cells.simpleNumber && !!cells.fastNumbers && decimal !== 'comma';
    const fastAll = fast ? cells.fastNumbers!() : null;
    // The fast numbers become the result (one array per column less on a large register): every row below
    // either keeps its fast value or writes its own, NaN included.
    const out = fastAll ?? new Float64Array(size).fill(NaN);
    const pointIsDecimal = decimal === 'point';
    let ambiguous = 0;
    let firstAmbiguous = -1;
    let ambiguousParams: Params = {};
    for (let k = 0; k < size; k++) {
      if (fast) {
        let x = fastAll![k];
        if (Number.isNaN(x) && pointIsDecimal) x = cells.simpleNumber!(k, true);
        if (!Number.isNaN(x)) {
          if (kind === 'number' || kind === 'rate') {
            out[k] = x;
            continue;
          }
          if (kind === 'flag' ? x === 0 || x === 1 : x >= 0 && (kind !== 'count' || Number.isInteger(x)) && (kind !== 'percentage' || x <= 100)) {
            out[k] = x;
            continue;
          }
        }
      }
      out[k] = NaN;
      const raw = cells.get(k);
      let v: number | null | undefined;
      if (typeof raw === 'number') v = Number.isFinite(raw) ? raw : undefined;
      else if (raw === null || raw === undefined) v = null;
      else if (typeof raw === 'boolean') v = kind === 'flag' ? (raw ? 1 : 0) : undefined;
      else {
        const p = parseNumberCell(raw, decimal);
        v = p.value;
        if (p.alternative !== undefined && v !== null && v !== undefined) {
          if (ambiguous++ === 0) {
            firstAmbiguous = k;
            ambiguousParams = { value: raw, a: v, b: p.alternative };
          }
        }
        if (v === undefined) {
          const b = parseBoolean(raw);
          if (b !== undefined && b !== null) {
            if (kind === 'flag') v = b ? 1 : 0;
            else {
              cell(k, name, raw, 'boolean_in_numeric', {}, required);
              continue;
            }
          }
        }
      }
      if (typeof raw === 'boolean' && kind !== 'flag') {
        cell(k, name, raw, 'boolean_in_numeric', {}, required);
        continue;
      }
      if (v === undefined || (v !== null && !Number.isFinite(v))) {
        cell(k, name, raw, 'not_number', {}, required);
        continue;
      }
      if (v === null) {
        if (required) push(k, name, raw, 'required');
        continue;
      }
      if (kind === 'flag' && v !== 0 && v !== 1) cell(k, name, raw, 'not_flag', {}, required);
      else if (NON_NEGATIVE.has(kind) && v < 0) cell(k, name, raw, 'negative', {}, required);
      else if (kind === 'count' && !Number.isInteger(v)) cell(k, name, raw, 'not_integer', {}, required);
      else if (RANGES[kind] && (v < RANGES[kind]![0] || v > RANGES[kind]![1])) cell(k, name, raw, 'out_of_range', { min: RANGES[kind]![0], max: RANGES[kind]![1] }, required);
      else out[k] = v;
    }
    if (ambiguous) push(firstAmbiguous, name, String(ambiguousParams.value), 'decimal_ambiguous', { ...ambiguousParams, count: ambiguous }, 'warning');
    return out;
  };

  // id: required, unique.
  const ids: string[] = new Array(size);
  const idCells = col('id')!;
  const seen = new Map<string, number>();
  for (let k = 0; k < size; k++) {
    const id = (ids[k] = ownCopy(text(idCells.get(k))));
    if (!id) push(k, 'id', idCells.get(k), 'required');
    else {
      const first = seen.get(id);
      if (first !== undefined) push(k, 'id', idCells.get(k), 'duplicate_id', { first: rows[first], unit: table.unit });
      else seen.set(id, k);
    }
  }

  // Coordinates: numbers, range, swapped, outline.
  const lat = numbers('lat', 'number', true);
  const lon = numbers('lon', 'number', true);
  const outline = options.outline ?? null;
  const tolerance = options.outlineToleranceKm ?? 5;
  const latCells = col('lat')!;
  const lonCells = col('lon')!;
  for (let k = 0; k < size; k++) {
    const y = lat[k];
    const x = lon[k];
    if (Number.isNaN(y) || Number.isNaN(x)) continue;
    const inRange = y >= -90 && y <= 90 && x >= -180 && x <= 180;
    const swappedInRange = x >= -90 && x <= 90;
    const inside = inRange && (!outline || outline.kmOutside(x, y) <= tolerance);
    if (inside) continue;
    // Without an outline a swap cannot be told from a typo: only the range is checked.
    const swappedInside = swappedInRange && outline !== null && outline.kmOutside(y, x) <= tolerance;
    if (swappedInside) {
      if (options.fixSwapped) {
        lat[k] = x;
        lon[k] = y;
        push(k, 'lat', `${latCells.get(k)} / ${lonCells.get(k)}`, 'swapped_fixed', {}, 'warning');
      } else push(k, 'lat', `${text(latCells.get(k))} / ${text(lonCells.get(k))}`, 'swapped_lat_lon');
      continue;
    }
    if (y < -90 || y > 90) push(k, 'lat', latCells.get(k), 'out_of_range', { min: -90, max: 90 });
    else if (x < -180 || x > 180) push(k, 'lon', lonCells.get(k), 'out_of_range', { min: -180, max: 180 });
    else if (outline) push(k, 'lat', `${text(latCells.get(k))} / ${text(lonCells.get(k))}`, 'outside_kazakhstan', { km: Math.round(outline.kmOutside(x, y)) });
  }

  // Text columns: names (at least one), '?' where Kazakh letters were lost, bytes that were not valid text.
  const texts: Record<string, (string | null)[]> = {};
  for (const name of TEXT_COLUMNS) {
    const cells = col(name);
    const values: (string | null)[] = (texts[name] = new Array(size));
    let lost = 0;
    let firstLost = -1;
    let invalid = 0;
    let firstInvalid = -1;
    const repeated = name === 'oblast' || name === 'district' || name === 'rural_district';
    const seenText = new Map<string, string>();
    for (let k = 0; k < size; k++) {
      let s = cells ? text(cells.get(k)) : '';
      // Own copies, so that the decoded file text can be freed once the table is read (a slice of 13+ characters
      // would keep the whole text alive); the few distinct oblasts and districts are shared.
      // Names repeat too (Ақсу, Жаңаауыл): shared while fewer than SHARED_NAMES distinct ones are seen, so that a
      // register of unique names does not hold a second table of them.
      const known = seenText.get(s);
      if (known !== undefined) s = known;
      else if (repeated || seenText.size < SHARED_NAMES) seenText.set((s = ownCopy(s)), s);
      else s = ownCopy(s);
      values[k] = s || null;
      if (s.length > 1 && s.includes('?') && LOST_LETTER.test(s) && lost++ === 0) firstLost = k;
      if (s.includes('\uFFFD') && invalid++ === 0) firstInvalid = k;
    }
    if (lost) push(firstLost, name, cells!.get(firstLost), 'question_marks', { count: lost }, 'warning');
    if (invalid) push(firstInvalid, name, cells!.get(firstInvalid), 'invalid_bytes', { count: invalid, encoding: 'UTF-8' }, 'warning');
  }
  for (let k = 0; k < size; k++)
    if (!texts.name_kk[k] && !texts.name_ru[k] && !texts.name_en[k]) push(k, index.has('name_ru') ? 'name_ru' : 'name_kk', '', 'name_required');

  // Yes/no columns.
  const flags: Record<string, Int8Array> = {};
  for (const name of FLAG_COLUMNS) {
    const out = (flags[name] = new Int8Array(size).fill(-1));
    const cells = col(name);
    if (!cells) continue;
    for (let k = 0; k < size; k++) {
      const raw = cells.get(k);
      const b = typeof raw === 'boolean' ? raw : typeof raw === 'number' ? (raw === 1 ? true : raw === 0 ? false : undefined) : parseBoolean(text(raw));
      if (b === undefined) cell(k, name, raw, 'not_boolean', {}, false);
      else out[k] = b === null ? -1 : b ? 1 : 0;
    }
  }

  // The approved status: a category word in kk/ru/en (unknown words are errors) and a year.
  const officialCategory: (Category | null)[] = new Array(size).fill(null);
  const officialYear = new Float64Array(size).fill(NaN);
  const categoryCells = col('official_category'), yearCells = col('official_year');
  for (let k = 0; k < size; k++) {
    if (categoryCells) {
      const c = parseOfficialCategory(text(categoryCells.get(k)));
      if (c === undefined) cell(k, 'official_category', categoryCells.get(k), 'unknown_official_category', {}, false);
      else officialCategory[k] = c;
    }
    if (yearCells) {
      const raw = text(yearCells.get(k));
      const y = Number(raw);
      if (raw && !(Number.isInteger(y) && y >= 1991 && y <= 2100)) cell(k, 'official_year', yearCells.get(k), 'not_a_year', {}, false);
      else if (raw) officialYear[k] = y;
    }
  }

  const population = numbers('population', 'count', false);
  const indicatorColumns = [...kinds.keys()].filter((c) => !(REGISTER_COLUMNS as readonly string[]).includes(c));
  const indicatorValues = indicatorColumns.map((c) => numbers(c, kinds.get(c)!, false));

  const rejectedRows: number[] = [];
  for (let k = 0; k < size; k++) if (bad[k]) rejectedRows.push(rows[k]);
  for (const p of table.problems) rejectedRows.push(p.row);
  problems.sort((a, b) => a.row - b.row);
  const official = categoryCells || yearCells || col('official_support_id')
    ? Array.from({ length: size }, (_, k) => ({ category: officialCategory[k], support_id: texts.official_support_id[k], year: Number.isNaN(officialYear[k]) ? null : officialYear[k] }))
    : null;
  const columns = registerColumns({ size, bad, rejected: rejectedRows.length - table.problems.length, ids, texts, lat, lon, population, flags, indicatorColumns, indicatorValues, absentValues, official });
  return registerResult({ problems, rowsIn: table.rowsRead, rejectedRows: rejectedRows.sort((a, b) => a - b), decimal, scorable }, columns);
}

/** The result with `settlements` built only when someone asks for them (the CLI and the app's import assess
 *  straight from the columns). Outside tableToSettlements, like the helpers below: a getter defined there would
 *  keep that whole scope alive, the table and the decoded file text included. */
function registerResult(fields: Omit<RegisterResult, 'settlements' | 'columns'>, columns: RegisterColumns): RegisterResult {
  const result = { ...fields, columns } as RegisterResult;
  Object.defineProperty(result, 'settlements', { enumerable: true, configurable: true, get: () => columns.settlements });
  return result;
}

/** The accepted rows as a RegisterColumns (rejected rows left out), with the records built on first use. A
 *  function of its own, outside tableToSettlements: a closure there would keep the whole scope alive, the table
 *  with the decoded file text included. */
function registerColumns(c: {
  size: number; bad: Uint8Array; rejected: number; ids: string[]; texts: Record<string, (string | null)[]>; lat: Float64Array; lon: Float64Array;
  population: Float64Array; flags: Record<string, Int8Array>; indicatorColumns: string[]; indicatorValues: Float64Array[];
  /** The one all-NaN array of the indicator columns the file lacks (RegisterColumns reads those as no data itself). */
  absentValues: Float64Array | null;
  /** The approved status per row, when the register carries it (the audit reads it from the records). */
  official: NonNullable<Settlement['official']>[] | null;
}): RegisterColumns {
  const { size, bad } = c;
  // Compacted to the accepted rows only when some were rejected (then one pass per column).
  const keep = c.rejected ? Uint32Array.from({ length: size - c.rejected }) : null;
  if (keep) for (let k = 0, m = 0; k < size; k++) if (!bad[k]) keep[m++] = k;
  // Plain loops into arrays of the final size: TypedArray.from(keep, fn) would first gather every value into a
  // list of boxed numbers (on 745,000 rows, +130 MB of garbage at the read's peak).
  const pick = <T,>(a: T[]): T[] => (keep ? pickInto(new Array<T>(keep.length), a, keep) : a);
  const pickF = (a: Float64Array) => (keep ? pickInto(new Float64Array(keep.length), a, keep) : a);
  const pickI = (a: Int8Array) => (keep ? pickInto(new Int8Array(keep.length), a, keep) : a);
  const texts = Object.fromEntries(TEXT_FIELDS.map((f) => [f, pick(c.texts[f])])) as Record<TextField, (string | null)[]>;
  const absent = c.absentValues ? pickF(c.absentValues) : null;
  const indicatorValues = c.indicatorValues.map((v) => (v === c.absentValues ? absent! : pickF(v)));
  const official = c.official ? pick(c.official) : null;
  return compactedColumns({
    ids: pick(c.ids), texts, lat: pickF(c.lat), lon: pickF(c.lon), population: pickF(c.population),
    districtCentre: pickI(c.flags.is_district_centre), ruralDistrictCentre: pickI(c.flags.is_rural_district_centre),
    indicators: new Map(c.indicatorColumns.map((name, i): [string, Float64Array] => [name, indicatorValues[i]]).filter(([, v]) => v !== absent)),
    official,
  }, c.indicatorColumns, indicatorValues);
}

/** out[m] = from[keep[m]] for every m. */
function pickInto<A extends { [i: number]: unknown }>(out: A, from: { readonly [i: number]: unknown }, keep: Uint32Array): A {
  for (let m = 0; m < keep.length; m++) out[m] = from[keep[m]] as A[number];
  return out;
}

/** The RegisterColumns of the accepted rows, with records on demand. A function of its own: the record makers'
 *  closures keep their scope alive, and in registerColumns that would be the columns before compaction. */
function compactedColumns(columns: Omit<RegisterSource, 'settlements' | 'record'>, indicatorColumns: string[], indicatorValues: Float64Array[]): RegisterColumns {
  let one: ((k: number) => Settlement) | null = null;
  const official = (columns.official ?? null) as NonNullable<Settlement['official']>[] | null;
  const source: RegisterSource = {
    ...columns,
    settlements: () => settlementRecords(source, indicatorColumns, indicatorValues, official),
    record: (k) => (one ??= settlementRecord(source, indicatorColumns, indicatorValues, official))(k),
  };
  return new RegisterColumns(source);
}

/** The rows as Settlement records. Each `indicators` is a view over the typed columns: one small object per row
 *  whose prototype has a getter per indicator column (NaN → null), instead of a record of boxed numbers. A
 *  million-row register is then ~2 objects per row for the garbage collector, not ~15. */
function settlementRecords(source: RegisterSource, indicatorColumns: string[], indicatorValues: Float64Array[], official: NonNullable<Settlement['official']>[] | null): Settlement[] {
  const make = settlementRecord(source, indicatorColumns, indicatorValues, official);
  return Array.from({ length: source.ids.length }, (_, k) => make(k));
}

/** One row as a record (settlementRecords' maker). */
function settlementRecord(source: RegisterSource, indicatorColumns: string[], indicatorValues: Float64Array[], official: NonNullable<Settlement['official']>[] | null): (k: number) => Settlement {
  const IndicatorView = indicatorViewClass(indicatorColumns, indicatorValues);
  const { ids, texts, lat, lon, population, districtCentre, ruralDistrictCentre } = source;
  const nul = (x: number) => (Number.isNaN(x) ? null : x);
  const flag = (f: Int8Array, k: number) => (f[k] < 0 ? null : f[k] === 1);
  return (k) => ({
    id: ids[k],
    name_kk: texts.name_kk[k],
    name_ru: texts.name_ru[k],
    name_en: texts.name_en[k],
    lat: lat[k],
    lon: lon[k],
    oblast: texts.oblast[k],
    district: texts.district[k],
    rural_district: texts.rural_district[k],
    is_district_centre: flag(districtCentre, k),
    is_rural_district_centre: flag(ruralDistrictCentre, k),
    population: nul(population[k]),
    indicators: new IndicatorView(k) as unknown as Record<string, number | null>,
    ...(official ? { official: official[k] } : {}),
  });
}
