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
}

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
  return best !== null && bestD <= Math.max(2, Math.floor(low.length / 3)) ? best : null;
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

  // Header: duplicates are fatal, unknown columns are listed with the closest known name.
  const kinds = new Map<string, ValueKind>();
  for (const ind of config.indicators) if (!kinds.has(ind.column)) kinds.set(ind.column, ind.kind ?? 'number');
  // Known: the register's own columns, this methodology's, and every shipped preset's (the register template):
  // a 2025 column in a register assessed with 2019 is not a typo.
  const known: string[] = [...new Set([...REGISTER_COLUMNS, ...kinds.keys(), ...PRESET_COLUMNS])];
  const index = new Map<string, number>();
  table.header.forEach((h, c) => {
    const low = h.toLowerCase();
    // Case-insensitive; a DBF field name cut to 10 characters stands for the one known column it begins.
    const prefixed = low.length === 10 ? known.filter((k) => k.toLowerCase().startsWith(low)) : [];
    const canonical = known.find((k) => k.toLowerCase() === low) ?? (prefixed.length === 1 ? prefixed[0] : h);
    if (index.has(canonical)) throw fileError('duplicate_column', { first: index.get(canonical)! + 1, second: c + 1 }, h, headerRow);
    index.set(canonical, c);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length) throw fileError('missing_columns', { columns: missing.join(', ') }, '', headerRow);
  for (const [name] of index) {
    if (name === '' || known.includes(name)) continue;
    const closest = closestName(name, known);
    push(-1, name, '', 'unknown_column', closest ? { closest } : {}, 'warning');
  }
  const col = (name: string): CellColumn | null => {
    const c = index.get(name);
    return c === undefined ? null : table.columns[c];
  };

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

  /** A numeric column checked by kind; NaN = no data or rejected. */
  const numbers = (name: string, kind: ValueKind, required: boolean): Float64Array => {
    const cells = col(name);
    if (!cells) {
      if (required) for (let k = 0; k < size; k++) push(k, name, '', 'required');
      return new Float64Array(size).fill(NaN);
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
              push(k, name, raw, 'boolean_in_numeric');
              continue;
            }
          }
        }
      }
      if (typeof raw === 'boolean' && kind !== 'flag') {
        push(k, name, raw, 'boolean_in_numeric');
        continue;
      }
      if (v === undefined || (v !== null && !Number.isFinite(v))) {
        push(k, name, raw, 'not_number');
        continue;
      }
      if (v === null) {
        if (required) push(k, name, raw, 'required');
        continue;
      }
      if (kind === 'flag' && v !== 0 && v !== 1) push(k, name, raw, 'not_flag');
      else if (NON_NEGATIVE.has(kind) && v < 0) push(k, name, raw, 'negative');
      else if (kind === 'count' && !Number.isInteger(v)) push(k, name, raw, 'not_integer');
      else if (RANGES[kind] && (v < RANGES[kind]![0] || v > RANGES[kind]![1])) push(k, name, raw, 'out_of_range', { min: RANGES[kind]![0], max: RANGES[kind]![1] });
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
      if (repeated) {
        const known = seenText.get(s);
        if (known !== undefined) s = known;
        else seenText.set((s = ownCopy(s)), s);
      } else s = ownCopy(s);
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
      if (b === undefined) push(k, name, raw, 'not_boolean');
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
      if (c === undefined) push(k, 'official_category', categoryCells.get(k), 'unknown_official_category');
      else officialCategory[k] = c;
    }
    if (yearCells) {
      const raw = text(yearCells.get(k));
      const y = Number(raw);
      if (raw && !(Number.isInteger(y) && y >= 1991 && y <= 2100)) push(k, 'official_year', yearCells.get(k), 'not_a_year');
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
  const columns = registerColumns({ size, bad, rejected: rejectedRows.length - table.problems.length, ids, texts, lat, lon, population, flags, indicatorColumns, indicatorValues, official });
  return registerResult({ problems, rowsIn: table.rowsRead, rejectedRows: rejectedRows.sort((a, b) => a - b), decimal }, columns);
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
  /** The approved status per row, when the register carries it (the audit reads it from the records). */
  official: NonNullable<Settlement['official']>[] | null;
}): RegisterColumns {
  const { size, bad } = c;
  // Compacted to the accepted rows only when some were rejected (then one pass per column).
  const keep = c.rejected ? Uint32Array.from({ length: size - c.rejected }) : null;
  if (keep) for (let k = 0, m = 0; k < size; k++) if (!bad[k]) keep[m++] = k;
  const pick = <T,>(a: T[]): T[] => (keep ? Array.from(keep, (k) => a[k]) : a);
  const pickF = (a: Float64Array) => (keep ? Float64Array.from(keep, (k) => a[k]) : a);
  const pickI = (a: Int8Array) => (keep ? Int8Array.from(keep, (k) => a[k]) : a);
  const texts = Object.fromEntries(TEXT_FIELDS.map((f) => [f, pick(c.texts[f])])) as Record<TextField, (string | null)[]>;
  const indicatorValues = c.indicatorValues.map(pickF);
  const official = c.official ? pick(c.official) : null;
  let one: ((k: number) => Settlement) | null = null;
  const source: RegisterSource = {
    ids: pick(c.ids), texts, lat: pickF(c.lat), lon: pickF(c.lon), population: pickF(c.population),
    districtCentre: pickI(c.flags.is_district_centre), ruralDistrictCentre: pickI(c.flags.is_rural_district_centre),
    indicators: new Map(c.indicatorColumns.map((name, i) => [name, indicatorValues[i]])),
    official,
    settlements: () => settlementRecords(source, c.indicatorColumns, indicatorValues, official),
    record: (k) => (one ??= settlementRecord(source, c.indicatorColumns, indicatorValues, official))(k),
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
