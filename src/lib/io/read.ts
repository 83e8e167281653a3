// The one way in for a user's file, shared by the app's worker (worker/import.ts) and the `auyl` CLI: bytes → a
// settlement register, a national settlement list, or a boundary layer. The format is decided once (formatOf:
// .csv/.tsv/.txt, .xlsx, .geojson/.json, .fgb, zipped Shapefile .zip), then: decoding and reading (formats.ts
// readTable), the header matched to the register's fields in kk/ru/en (mapping.ts autoMatch, or a mapping given),
// the kind guessed with its evidence (guessKind), the values checked (register.ts tableToSettlements) with their
// problems. Pure: engine and io only, no DOM, no Node built-ins.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Methodology } from '../engine/config/schema.ts';
import type { Lang, Settlement } from '../engine/types.ts';
import type { RegisterColumns } from '../engine/columns.ts';
import type { ListTownInput } from '../engine/geo/kato-towns.ts';
import { DistrictLayer, districtsFromFeatures } from '../engine/geo/districts.ts';
import { formatOf, guarded, LIMITS, readTable, type Format, type TableOptions } from './formats.ts';
import type { WorkbookInfo } from './xlsx.ts';
import { arrayColumn, REGISTER_COLUMNS, tableToSettlements, type RawTable, type ScorablePoints } from './register.ts';
import { readFgbFeatures } from './fgb.ts';
import { geoJsonFeatures } from './geojson.ts';
import { decodeText } from './text.ts';
import type { Outline } from './outline.ts';
import { fileError, type Problem } from './problems.ts';
import type { DecimalConvention } from './numbers.ts';
import { autoMatch, boundaryCredit, fieldOf, guessBoundaryFields, guessKind, normaliseHeader, renameHeader, type ImportKind, type KindGuess, type Mapping } from './mapping.ts';

/** Every input format, as the CLI's help and the README list them. */
export const INPUT_FORMATS = '.csv/.tsv/.txt, .xlsx, .geojson/.json, .fgb or a zipped Shapefile (.zip)';

export interface ReadInputOptions extends TableOptions {
  /** UI language: boundary layers name their districts in it. */
  lang: Lang;
  /** The country outline: points outside it are errors. */
  outline: Outline | null;
  /** Forced by the user; otherwise guessed from the content. */
  kind?: ImportKind | null;
  /** Header → field (the app's remembered mapping, the CLI's --mapping); otherwise matched automatically. Headers
   *  it does not name are matched automatically. */
  mapping?: Mapping | null;
  fixSwapped?: boolean;
  /** Boundary fields chosen by the user. */
  idField?: string | null;
  nameField?: string | null;
  /** Stop after the read when the kind is unsure and not given: the app asks the user first. */
  ask?: boolean;
  /** Coordinates by KATO id from a loaded settlement list (a register without coordinates takes them). */
  list?: Map<string, [number, number]> | null;
  /** More rows than this: refused (`too_many_rows`) before the checks take their memory. */
  maxRows?: number;
  /** Rows without coordinates: 'aside' (the app: kept as "without location", never drawn or assessed) or 'reject'
   *  (the CLI: a row error, as a missing value). Default 'aside'. */
  withoutLocation?: 'aside' | 'reject';
  /** An unreadable or impossible cell outside id/lat/lon: 'no-data' (default: the app, and the CLI with
   *  --skip-invalid) keeps the row with that cell as no data and lists it; 'refuse-row' rejects the row. */
  invalidCells?: 'no-data' | 'refuse-row';
}

export interface ImportCounts {
  read: number;
  onMap: number;
  unlocated: number;
  rejected: number;
  warnings: number;
  /** Rows located by their KATO code from the loaded settlement list (register without coordinates). */
  matchedByKato: number;
}

/** A settlement kept without a location (never dropped, never drawn). */
export interface Unlocated {
  id: string;
  name: string;
  district: string | null;
  oblast: string | null;
}

export interface RegisterImport {
  kind: 'register' | 'list';
  sure: boolean;
  /** What the kind guess rests on (null when the kind was given). */
  guess: KindGuess | null;
  fileName: string;
  format: Format;
  encoding: string | null;
  decimal: DecimalConvention;
  header: string[];
  mapping: Mapping;
  samples: Record<string, string[]>;
  counts: ImportCounts;
  problems: Problem[];
  /** .xlsx: the sheets, the sheet and header row taken, merged ranges, hidden rows (for a choice in the app/CLI). */
  workbook: WorkbookInfo | null;
  /** Row labels of the rejected rows. */
  rejectedRows: number[];
  unit: RawTable['unit'];
  /** The rows on the map as records, built on first access (the worker reads `columns`). */
  readonly settlements: readonly Settlement[];
  /** The rows on the map as columns (the io layer's own when every row read is on the map). */
  columns: RegisterColumns;
  unlocated: Unlocated[];
  /** A settlement list's located settlements with their KATO type (the towns serve the town tiers). */
  towns: ListTownInput[];
  /** Per kept row (the order of `columns`), the file's KATO type ('1' town, '2' rural, '3' other); null without a
   *  type column. The town rule reads it (engine/settlement-kind.ts). */
  katoTypes: (string | null)[] | null;
  /** The share of the methodology's points the file's columns can score, and the indicator columns it lacks. */
  scorable: ScorablePoints;
}

export interface BoundaryImport {
  kind: 'boundaries';
  sure: true;
  fileName: string;
  level: 1 | 2;
  fields: string[];
  idField: string;
  nameField: string;
  layer: DistrictLayer;
  /** The layer's credit from its fields (mapping.ts boundaryCredit), with the fields read; null: none found. */
  credit: { text: string; fields: string[] } | null;
  /** What the map draws: id, name (and name_kk/ru/en where the file has them). */
  drawn: FeatureCollection<Polygon | MultiPolygon, { id: string; name: string; name_kk: string; name_ru: string; name_en: string; level: number; border?: string }>;
  count: number;
}

/** The kind is unsure: nothing imported yet; the app asks with this evidence and reads again with the answer. */
export interface AskImport {
  kind: 'ask';
  guess: KindGuess;
  fileName: string;
  header: string[];
  mapping: Mapping;
  samples: Record<string, string[]>;
}

export type ImportResult = RegisterImport | BoundaryImport | AskImport;

export type Progress = (phase: 'read' | 'parse' | 'validate', fraction: number) => void;

/** The KATO type column of a settlement list (`type_code` in the 2025 KATO list). */
const isTypeColumn = (h: string) => ['type code', 'тип като', 'kato type', 'като түрі'].includes(normaliseHeader(h));
const isPoly = (f: Feature | null) => Boolean(f?.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'));
const cellText = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
const NUMERIC_FIELDS = new Set(['lat', 'lon', 'population']);

/** Features of a GeoJSON / FlatGeobuf / zipped Shapefile, when they are polygons (boundaries); else null. */
async function polygonFeatures(bytes: Uint8Array, format: Format, expandedLimit?: number): Promise<Feature[] | null> {
  let features: (Feature | null)[] = [];
  if (format === 'fgb') features = readFgbFeatures(bytes).features as (Feature | null)[];
  else if (format === 'geojson') {
    // streamed (geojson.ts): a register's first point ends the look; polygons are kept feature by feature
    try {
      for (const f of geoJsonFeatures(bytes) as Iterable<Feature | null>) {
        if (!features.length && f?.geometry && !isPoly(f)) return null;
        features.push(f);
      }
    } catch {
      return null; // readTable reports the JSON error
    }
  } else if (format === 'shp') {
    const { readShapefileZip } = await import('./shapefile.ts');
    features = (await readShapefileZip(bytes, Math.min(LIMITS.expanded, expandedLimit ?? Infinity))).features as Feature[];
  } else return null;
  const first = features.find((f) => f?.geometry);
  return first && isPoly(first) ? (features.filter(isPoly) as Feature[]) : null;
}

export function boundaryLayer(features: Feature[], fileName: string, lang: Lang, idField?: string | null, nameField?: string | null): BoundaryImport {
  const fields = Object.keys(features[0]?.properties ?? {});
  const guess = guessBoundaryFields(fields, lang);
  const id = idField && fields.includes(idField) ? idField : guess.id ?? fields[0];
  const name = nameField && fields.includes(nameField) ? nameField : guess.name ?? id;
  const polys = features as Feature<Polygon | MultiPolygon>[];
  const layer = new DistrictLayer(districtsFromFeatures(polys, id, name));
  const adm = `ADM${guess.level}_`;
  const prop = (p: Record<string, unknown>, lg: string) => cellText(p[`${adm}${lg.toUpperCase()}`] ?? p[`name_${lg}`] ?? p[name]);
  const drawn = {
    type: 'FeatureCollection' as const,
    features: polys.map((f) => {
      const p = (f.properties ?? {}) as Record<string, unknown>;
      return { type: 'Feature' as const, geometry: f.geometry, properties: { id: cellText(p[id]), name: cellText(p[name]), name_kk: prop(p, 'kk'), name_ru: prop(p, 'ru'), name_en: prop(p, 'en'), level: guess.level } };
    }),
  };
  const credit = boundaryCredit(fields, polys.map((f) => f.properties as Record<string, unknown> | null));
  return { kind: 'boundaries', sure: true, fileName, level: guess.level, fields, idField: id, nameField: name, layer, drawn, count: polys.length, credit };
}

/** Checks a mapping read from a file (the CLI's --mapping; the app's "Save the column mapping"): an object of
 *  header → register field, indicator column of the methodology, or null (not read). Messages name the entry. */
export function checkMapping(json: unknown, indicators: readonly string[]): { mapping: Mapping | null; problems: string[] } {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { mapping: null, problems: ['not an object of header → field'] };
  const fields = new Set<string>([...REGISTER_COLUMNS, ...indicators]);
  const problems: string[] = [];
  const mapping: Mapping = {};
  for (const [header, field] of Object.entries(json as Record<string, unknown>)) {
    if (field === null || field === '') mapping[header] = null;
    else if (typeof field === 'string' && fields.has(field)) mapping[header] = field;
    else problems.push(`"${header}": ${JSON.stringify(field)} is not a register field or an indicator of the methodology${typeof field === 'string' ? ` (known: ${[...fields].join(', ')})` : ''}`);
  }
  return { mapping: problems.length ? null : mapping, problems };
}

/** Reads a register, a settlement list or a boundary file. With `ask`, an unsure kind stops after the read (an
 *  AskImport: nothing imported). */
export async function readInput(bytes: Uint8Array, fileName: string, config: Methodology, opts: ReadInputOptions & { ask?: false }, progress?: Progress): Promise<RegisterImport | BoundaryImport>;
export async function readInput(bytes: Uint8Array, fileName: string, config: Methodology, opts: ReadInputOptions, progress?: Progress): Promise<ImportResult>;
export async function readInput(bytes: Uint8Array, fileName: string, config: Methodology, opts: ReadInputOptions, progress: Progress = () => {}): Promise<ImportResult> {
  progress('read', 0);
  const format = formatOf(fileName);
  // the file size limit before anything is read (boundaries included)
  const sizeLimit = opts.limits?.bytes;
  if (sizeLimit !== undefined && bytes.length > sizeLimit) throw fileError('file_too_large', { size: bytes.length, limit: sizeLimit, format: `.${format === 'shp' ? 'zip' : format}` });
  if (opts.kind === 'boundaries' || format === 'fgb' || format === 'geojson' || format === 'shp') {
    const polys = await polygonFeatures(bytes, format, opts.limits?.expanded);
    if (polys && polys.length) return boundaryLayer(polys, fileName, opts.lang, opts.idField, opts.nameField);
  }
  const indicators = config.indicators.map((i) => i.column);
  const chosen = opts.mapping ?? null;
  // The field a header is read as, before the table is read (a column not named by the given mapping is matched
  // automatically, as the mapping applied below does)
  const fieldBefore = (c: string) => (chosen && c in chosen ? chosen[c] : fieldOf(c, indicators));
  const keep = (c: string) => Boolean(fieldBefore(c)) || isTypeColumn(c);
  // numbers parsed while a CSV is read (the fast path of large registers)
  const numeric = (c: string) => {
    const f = fieldBefore(c);
    return Boolean(f && (NUMERIC_FIELDS.has(f) || indicators.includes(f)));
  };
  progress('parse', 0.1);
  // too many rows for the tab (MAX_IMPORT_ROWS): refused while reading (CSV, GeoJSON) or right after it, before the
  // checks and the model take their memory; the file size and expanded size likewise (opts.limits)
  const limits = { ...opts.limits, ...(opts.maxRows !== undefined ? { rows: Math.min(opts.maxRows, opts.limits?.rows ?? Infinity) } : {}) };
  const { table, encoding, workbook, notices } = await readTable(bytes, fileName, keep, numeric, { sheet: opts.sheet, headerRow: opts.headerRow, fillDown: opts.fillDown, limits });
  progress('validate', 0.5);
  const mapping: Mapping = { ...autoMatch(table.header, indicators), ...(chosen ?? {}) };
  for (const h of Object.keys(mapping)) if (!table.header.includes(h)) delete mapping[h];
  const samples: Record<string, string[]> = {};
  table.header.forEach((h, c) => {
    const col = table.columns[c];
    samples[h] = col ? Array.from({ length: Math.min(3, col.length) }, (_, k) => cellText(col.get(k))) : [];
  });
  const guess = guessKind({ polygons: false, points: format !== 'csv' && format !== 'xlsx', mapping, indicators });
  if (!opts.kind && !guess.sure && opts.ask) return { kind: 'ask', guess, fileName, header: table.header, mapping, samples };
  const kind = opts.kind === 'register' || opts.kind === 'list' ? opts.kind : (guess.kind as 'register' | 'list');
  const renamed = renameHeader(table.header, mapping);
  const col = (field: string) => renamed.indexOf(field);
  const n = table.rows.length;
  const iId = col('id');
  const columns = table.columns.slice();
  const header = renamed.slice();
  const idCol = iId >= 0 ? columns[iId] : null;
  const unlocatedIds = new Set<string>();
  let matchedByKato = 0;
  if (opts.withoutLocation !== 'reject') {
    // Feature formats give lat/lon from the geometry (columns 0 and 1).
    let iLat = col('lat'), iLon = col('lon');
    if (iLat < 0) {
      header.push('lat');
      columns.push(arrayColumn(new Array(n).fill(null)));
      iLat = header.length - 1;
    }
    if (iLon < 0) {
      header.push('lon');
      columns.push(arrayColumn(new Array(n).fill(null)));
      iLon = header.length - 1;
    }
    // Rows without coordinates: located by KATO from the loaded list, else kept aside as "without location". Only
    // those cells are overridden (the columns keep their fast number paths when every row has coordinates).
    const over = new Map<number, [number, number]>();
    const unlocatedRows = new Set<number>();
    const latCol = columns[iLat]!, lonCol = columns[iLon]!;
    for (let k = 0; k < n; k++) {
      if (cellText(latCol.get(k)) !== '' || cellText(lonCol.get(k)) !== '') continue;
      const hit = opts.list && idCol ? opts.list.get(cellText(idCol.get(k))) : undefined;
      if (hit) {
        matchedByKato++;
        over.set(k, hit);
      } else {
        unlocatedRows.add(k);
        // a placeholder that passes the checks; the row is taken out after reading (never drawn, never assessed)
        over.set(k, [48, 67]);
      }
    }
    if (over.size) {
      const patched = (c: NonNullable<RawTable['columns'][number]>, i: 0 | 1) => ({ length: c.length, get: (k: number) => (over.has(k) ? over.get(k)![i] : c.get(k)) });
      columns[iLat] = patched(latCol, 0);
      columns[iLon] = patched(lonCol, 1);
    }
    if (idCol) for (const k of unlocatedRows) unlocatedIds.add(cellText(idCol.get(k)));
  }
  const mapped: RawTable = { ...table, header, columns };
  const result = await guarded(() => tableToSettlements(mapped, config, { outline: opts.outline, fixSwapped: opts.fixSwapped, invalidCells: opts.invalidCells }));
  progress('validate', 0.9);
  const unlocated: Unlocated[] = [];
  // the columns as read: no record per row (a million records would be ~500 MB of objects in the worker)
  let registerColumns: RegisterColumns = result.columns;
  if (unlocatedIds.size) {
    // the io layer's columns hold every row read: take the unlocated ones out, column by column
    const { ids, texts } = result.columns;
    const kept: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      if (unlocatedIds.has(ids[i])) unlocated.push({ id: ids[i], name: texts.name_kk[i] ?? texts.name_ru[i] ?? texts.name_en[i] ?? ids[i], district: texts.district[i], oblast: texts.oblast[i] });
      else kept.push(i);
    }
    registerColumns = result.columns.select(kept);
  }
  // The list's KATO type (type_code: 1 town, 2 rural, 3 other): its towns serve the town tiers (engine/geo/kato-towns.ts).
  const towns: ListTownInput[] = [];
  const iType = table.header.findIndex(isTypeColumn);
  let katoTypes: (string | null)[] | null = null;
  if (iType >= 0 && idCol) {
    const typeCol = table.columns[iType]!;
    const typeById = new Map<string, string>();
    for (let k = 0; k < n; k++) typeById.set(cellText(idCol.get(k)), cellText(typeCol.get(k)));
    katoTypes = Array.from({ length: registerColumns.size }, (_, i) => typeById.get(registerColumns.ids[i]) || null);
  }
  if (kind === 'list' && iType >= 0 && idCol) {
    const typeCol = table.columns[iType]!;
    const typeOf = new Map<string, string>();
    for (let k = 0; k < n; k++) if (cellText(typeCol.get(k)) === '1') typeOf.set(cellText(idCol.get(k)), '1');
    const cols = registerColumns;
    for (let i = 0; i < cols.size; i++) {
      const type = typeOf.get(cols.ids[i]);
      if (!type) continue;
      const s = cols.row(i);
      towns.push({ id: s.id, type, names: [s.name_kk, s.name_ru, s.name_en].filter((x): x is string => Boolean(x)), lat: s.lat, lon: s.lon });
    }
  }
  const rejected = result.rejectedRows.length;
  // the reader's notices (sheet and header row taken, merged cells, cell problems) come first, as the file reads
  const problems = notices.length ? [...notices, ...result.problems] : result.problems;
  const out = {
    kind, sure: opts.kind ? true : guess.sure, guess: opts.kind ? null : guess, fileName, format, encoding: encoding ?? null, decimal: result.decimal, header: table.header, mapping, samples,
    counts: { read: result.rowsIn, onMap: registerColumns.size, unlocated: unlocated.length, rejected, warnings: problems.filter((p) => p.severity === 'warning').length, matchedByKato },
    problems, workbook: workbook ?? null, rejectedRows: result.rejectedRows, unit: table.unit, columns: registerColumns, unlocated, towns, katoTypes, scorable: result.scorable,
  } as Omit<RegisterImport, 'settlements'> as RegisterImport;
  return withSettlements(out, registerColumns);
}

/** Records only when someone asks (tests, older callers); the worker reads the columns. Outside readInput on
 *  purpose: a getter made there would keep readInput's whole scope alive with the import, the table read (its
 *  columns and the file's bytes: ~100 MB on a 50 MB CSV) included. */
function withSettlements(out: RegisterImport, columns: RegisterColumns): RegisterImport {
  Object.defineProperty(out, 'settlements', { enumerable: false, configurable: true, get: () => columns.settlements });
  return out;
}
