// Registers and assessments in and out, chosen by file extension: .csv/.txt, .xlsx, .geojson/.json, .fgb, .zip
// (a zipped Shapefile). Every reader yields a RawTable (columns of cells, a row label per record); register.ts
// checks the values. Nothing here uses Node built-ins: the same code runs in the CLI and in a Web Worker.
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type { Methodology } from '../engine/config/schema.ts';
import type { AssessmentTable } from '../engine/assess.ts';
import { utf8Of, type Encoding } from './text.ts';
import { CsvWriter, readCsv } from './csv.ts';
import { readFgbFeatures, writeFgb } from './fgb.ts';
import { geoJsonFeatures } from './geojson.ts';
import { arrayColumn, canonicalColumn, knownColumns, REGISTER_COLUMNS, tableToSettlements, type Cell, type RawTable, type ReadOptions, type RegisterResult } from './register.ts';
import { assessmentColumns, assessmentRow } from './assessment-record.ts';
import { assessmentCsvChunks } from './assessment-csv.ts';
import { fileError, RegisterFileError, type Problem } from './problems.ts';
import type { DecimalConvention } from './numbers.ts';
import type { WorkbookInfo } from './xlsx.ts';
import { headLines, knownColumn, lineOffset, textHeaderLine } from './header-row.ts';

export { RegisterFileError };

export type Format = 'csv' | 'geojson' | 'fgb' | 'xlsx' | 'shp';

export function formatOf(filename: string): Format {
  const ext = (filename.toLowerCase().split(/[\\/]/).pop() ?? '').split('.').pop() ?? '';
  // a .tsv is read by the CSV reader (it takes the delimiter from the header)
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'fgb') return 'fgb';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'zip') return 'shp';
  throw fileError('unsupported_format', { ext });
}

/** Largest input accepted per format (bytes on disk). Text formats are bounded by the longest string a JS engine
 *  holds (~512 M characters); archives by what they expand to (see LIMITS.expanded). */
export const LIMITS = {
  csv: 512 * 2 ** 20,
  geojson: 256 * 2 ** 20,
  fgb: 1024 * 2 ** 20,
  xlsx: 128 * 2 ** 20,
  shp: 256 * 2 ** 20,
  /** Total size an .xlsx or .zip may expand to, checked from the archive's directory before expanding. */
  expanded: 1024 * 2 ** 20,
} as const;

/** How to read a workbook (ignored by the other formats): which sheet, which header row, whether to fill merged
 *  text cells down. The CLI's --sheet / --header-row and the import's choice map onto these. */
export interface TableOptions {
  /** Sheet name or 1-based index (.xlsx). Default: the first sheet with rows. */
  sheet?: string | number;
  /** 1-based row (.xlsx) or line (.csv) of the header. Default: found (the row naming the most known columns
   *  within the first 30). */
  headerRow?: number;
  /** Fill merged ranges of text columns (region, district) down from their first cell (.xlsx; never numbers). */
  fillDown?: boolean;
  /** Tighter limits than LIMITS (the app's worker): each is refused early, naming the limit, before the memory is
   *  taken. `bytes`: file size; `rows`: rows read (a CSV or GeoJSON stops reading at the first row over it);
   *  `expanded`: what an .xlsx or zipped Shapefile may expand to. */
  limits?: ReadLimits;
}

export interface ReadLimits {
  bytes?: number;
  rows?: number;
  expanded?: number;
}

export interface TableRead {
  table: RawTable;
  format: Format;
  encoding?: Encoding;
  /** .xlsx only: the sheets, the sheet and header row taken, merged ranges, hidden rows (for a choice in the UI/CLI). */
  workbook?: WorkbookInfo;
  /** Warnings that reject nothing: sheet and header row taken, merged ranges, hidden rows, and cell problems
   *  (formula without a saved value, date in a numeric column: the cell is no data, the row kept). A caller that
   *  runs tableToSettlements itself adds these to its problems (readRegister does). */
  notices: Problem[];
}

export interface RegisterRead extends RegisterResult {
  unit: RawTable['unit'];
  format: Format;
  encoding?: Encoding;
  /** Which decodings were tried and why this one (for the user). */
  decimal: DecimalConvention;
  /** .xlsx only (see TableRead). */
  workbook?: WorkbookInfo;
}

/** Features (an array, or geoJsonFeatures' stream: each is turned into cells and dropped) → a table. */
function featuresToTable(features: Iterable<unknown>, preProblems: Problem[] = [], maxRows = Infinity): RawTable {
  const index = new Map<string, number>();
  const columns: Cell[][] = [];
  const rows: number[] = [];
  const problems: Problem[] = [...preProblems];
  const rejected = new Set(preProblems.map((p) => p.row));
  const header: string[] = [];
  const columnOf = (key: string) => {
    let c = index.get(key);
    if (c === undefined) {
      index.set(key, (c = header.push(key) - 1));
      columns.push(new Array(rows.length).fill(null));
    }
    return columns[c];
  };
  columnOf('lat');
  columnOf('lon');
  const bad = (row: number, code: Problem['code'], params: Problem['params'] = {}) => problems.push({ row, column: code === 'not_feature' ? '*' : 'geometry', value: '', code, params, severity: 'error' });
  let count = 0;
  const one = (f: unknown, row: number) => {
    if (rejected.has(row)) return;
    if (f === null || typeof f !== 'object' || Array.isArray(f)) return bad(row, 'not_feature');
    const feature = f as { properties?: unknown; geometry?: unknown };
    const props = feature.properties && typeof feature.properties === 'object' && !Array.isArray(feature.properties) ? (feature.properties as Record<string, unknown>) : {};
    let lon: Cell = null;
    let lat: Cell = null;
    const g = feature.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
    if (g !== null && g !== undefined) {
      let xy: unknown = g.coordinates;
      if (g.type === 'MultiPoint' && Array.isArray(xy) && xy.length === 1) xy = xy[0];
      else if (g.type !== 'Point') return bad(row, 'bad_geometry', { detail: `${String(g.type)} instead of Point` });
      if (!Array.isArray(xy) || xy.length < 2 || typeof xy[0] !== 'number' || typeof xy[1] !== 'number' || !Number.isFinite(xy[0]) || !Number.isFinite(xy[1]))
        return bad(row, 'bad_geometry', { detail: 'coordinates are not two numbers' });
      lon = xy[0];
      lat = xy[1];
    } else if (props.lat === undefined || props.lat === null || props.lon === undefined || props.lon === null) return bad(row, 'no_geometry');
    const k = rows.push(row) - 1;
    for (const c of columns) c.push(null);
    for (const [key, value] of Object.entries(props)) {
      if (key === 'lat' || key === 'lon') continue;
      columnOf(key)[k] = value === null || ['string', 'number', 'boolean'].includes(typeof value) ? (value as Cell) : JSON.stringify(value);
    }
    columns[0][k] = lat ?? (props.lat as Cell);
    columns[1][k] = lon ?? (props.lon as Cell);
  };
  for (const f of features) {
    if (count >= maxRows) throw fileError('too_many_rows', { limit: maxRows });
    one(f, ++count);
  }
  return { header, columns: columns.map(arrayColumn), rows, unit: 'feature', headerRow: 0, problems, rowsRead: count };
}

function checkSize(bytes: Uint8Array, format: Format, limit = Infinity) {
  const max = Math.min(LIMITS[format], limit);
  if (bytes.length > max) throw fileError('file_too_large', { size: bytes.length, limit: max, format: `.${format === 'shp' ? 'zip' : format}` });
  if (bytes.length === 0) throw fileError('file_empty');
}

/** Reads any supported register file into a table (no value checks yet). */
/** `keep`: the columns to keep; `numeric`: those read as numbers (a CSV parses them while reading). */
export async function readTable(bytes: Uint8Array, filename: string, keep?: (column: string) => boolean, numeric?: (column: string) => boolean, options: TableOptions = {}): Promise<TableRead> {
  return guarded(() => readAnyTable(bytes, filename, keep, numeric, options));
}

/** Runs a reader so that nothing but a RegisterFileError leaves it: a failure no check foresaw becomes a file-level
 *  problem in kk/ru/en (read_failed, naming what failed), never a raw exception. */
export async function guarded<T>(read: () => Promise<T> | T): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof RegisterFileError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    throw fileError('read_failed', { detail: `${e instanceof Error ? e.name : 'Error'}: ${message}`.slice(0, 200) });
  }
}

async function readAnyTable(bytes: Uint8Array, filename: string, keep?: (column: string) => boolean, numeric?: (column: string) => boolean, options: TableOptions = {}): Promise<TableRead> {
  const format = formatOf(filename);
  const limits = options.limits ?? {};
  const maxRows = limits.rows ?? Infinity;
  const expanded = Math.min(LIMITS.expanded, limits.expanded ?? Infinity);
  checkSize(bytes, format, limits.bytes);
  // xlsx, FlatGeobuf and zipped Shapefiles are bounded by their size and expanded size; their rows are counted read
  const rowsWithin = (table: RawTable) => {
    if (table.rowsRead > maxRows) throw fileError('too_many_rows', { limit: maxRows });
    return table;
  };
  if (format === 'csv') {
    // UTF-8 bytes, never one string of the whole file (a UTF-16 string twice the size of a Cyrillic file): the
    // reader keeps byte offsets and decodes a cell when it is asked for.
    const decoded = utf8Of(bytes);
    // A title above the header: the lines before it are skipped, line numbers stay those of the file.
    const { skipped } = textHeaderLine(headLines(decoded.bytes, options.headerRow), knownColumn(keep), options.headerRow);
    const csv = readCsv(skipped ? decoded.bytes.subarray(lineOffset(decoded.bytes, skipped)) : decoded.bytes, { keep, numeric, maxRows });
    if (csv.rowsRead > maxRows) throw fileError('too_many_rows', { limit: maxRows });
    if (!csv.header.length) throw fileError('file_empty');
    const rows = skipped ? csv.lines.map((line) => line + skipped) : csv.lines;
    const problems = skipped ? csv.problems.map((p) => ({ ...p, row: p.row > 0 ? p.row + skipped : p.row })) : csv.problems;
    const table: RawTable = { header: csv.header, columns: csv.columns, rows, unit: 'line', headerRow: 1 + skipped, problems, rowsRead: csv.rowsRead };
    const notices: Problem[] = skipped && options.headerRow === undefined ? [{ row: 1 + skipped, column: '', value: '', code: 'header_row_found', params: { row: 1 + skipped, sheet: '' }, severity: 'warning' }] : [];
    return { table, format, encoding: decoded.encoding, notices };
  }
  // Streamed feature by feature (geojson.ts): no whole-document parse, nesting bounded.
  if (format === 'geojson') return { table: featuresToTable(geoJsonFeatures(bytes), [], maxRows), format, notices: [] };
  if (format === 'fgb') {
    const read = readFgbFeatures(bytes);
    const pre = read.problems.filter((p) => p.row <= read.features.length && read.features[p.row - 1] === null);
    const table = featuresToTable(read.features, pre);
    // Damage after the last readable feature (truncation) is reported as a row of its own.
    for (const p of read.problems) if (!pre.includes(p)) table.problems.push(p);
    table.rowsRead = read.features.length + read.problems.filter((p) => p.row > read.features.length).length;
    return { table: rowsWithin(table), format, notices: [] };
  }
  if (format === 'xlsx') {
    const { readXlsx } = await import('./xlsx.ts');
    const { workbook, ...table } = await readXlsx(bytes, expanded, keep, { ...options, numeric });
    return { table: rowsWithin(table), format, workbook, notices: workbook.notices };
  }
  const { readShapefileZip } = await import('./shapefile.ts');
  // Records with damaged text come back as null features with their problem (the record is rejected).
  const { features, encoding, problems } = await readShapefileZip(bytes, expanded);
  return { table: featuresToTable(features, problems, maxRows), format, encoding, notices: [] };
}

export async function readRegister(bytes: Uint8Array, filename: string, config: Methodology, options: ReadOptions & TableOptions = {}): Promise<RegisterRead> {
  // Only the columns the register format and the methodology read are kept (others are listed as unknown).
  // A header is matched as tableToSettlements matches it (canonicalColumn: case, DBF names cut to 10 characters).
  const known = knownColumns(config);
  const wanted = new Set<string>([...REGISTER_COLUMNS, ...config.indicators.map((i) => i.column)]);
  const numeric = new Set(['lat', 'lon', 'population', ...config.indicators.map((i) => i.column)]);
  const tableOptions: TableOptions = { sheet: options.sheet, headerRow: options.headerRow, fillDown: options.fillDown };
  const { table, format, encoding, workbook, notices } = await readTable(bytes, filename, (c) => wanted.has(canonicalColumn(c, known)), (c) => numeric.has(canonicalColumn(c, known)), tableOptions);
  const result = await guarded(() => tableToSettlements(table, config, options));
  if (notices.length) result.problems = [...result.problems, ...notices].sort((a, b) => a.row - b.row);
  // Assigned, not spread: a spread would read `settlements` and build every record.
  return Object.assign(result, { unit: table.unit, format, encoding, ...(workbook ? { workbook } : {}) });
}

/** Output chunks for an assessment table in the format the file name asks for. */
/** `reuse`: chunks share one buffer; each must be consumed (written) before the next is asked for. */
export function* writeAssessmentChunks(table: AssessmentTable, filename: string, options: { excel?: boolean; reuse?: boolean } = {}): Generator<string | Uint8Array> {
  const format = formatOf(filename);
  const config: Methodology = table.config;
  const columns = assessmentColumns(config);
  const n = table.register.size;
  const row = new Array(columns.length);
  if (format === 'csv') {
    yield* assessmentCsvChunks(table, options);
    return;
  }
  const props = (i: number) => {
    assessmentRow(table, i, row);
    const p: Record<string, unknown> = {};
    for (let c = 0; c < columns.length; c++) p[columns[c]] = row[c] ?? null;
    return p;
  };
  const { lon, lat } = table.register;
  if (format === 'geojson') {
    yield '{"type":"FeatureCollection","features":[';
    let buf = '';
    for (let i = 0; i < n; i++) {
      buf += (i ? ',\n' : '\n') + JSON.stringify({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon[i], lat[i]] }, properties: props(i) });
      if (buf.length > 1 << 20) {
        yield buf;
        buf = '';
      }
    }
    yield buf + '\n]}\n';
    return;
  }
  if (format === 'fgb') {
    const features: Feature<Point>[] = new Array(n);
    for (let i = 0; i < n; i++) features[i] = { type: 'Feature', geometry: { type: 'Point', coordinates: [lon[i], lat[i]] }, properties: props(i) };
    yield writeFgb({ type: 'FeatureCollection', features }, columns);
    return;
  }
  throw fileError('unsupported_format', { ext: filename.split('.').pop() ?? '' });
}

/** The whole output as bytes (small tables, tests); the CLI streams writeAssessmentChunks instead. */
export function writeAssessments(table: AssessmentTable, filename: string, options: { excel?: boolean } = {}): Uint8Array {
  const enc = new TextEncoder();
  const parts = [...writeAssessmentChunks(table, filename, options)].map((c) => (typeof c === 'string' ? enc.encode(c) : c));
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export type { Geometry };
