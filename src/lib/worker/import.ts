// In-app import, worker side: a file's bytes → a settlement register (register or national list) or a boundary
// layer, through the io layer's public readers (readTable → mapped header → tableToSettlements; readFgbFeatures,
// readShapefileZip). Nothing here touches the DOM; results stay in the worker (Settlement.indicators is a view over
// typed columns), the UI gets counts, problems, the mapping with sample values, and what the map draws.
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Methodology } from '../engine/config/schema.ts';
import type { Settlement } from '../engine/types.ts';
import type { RegisterColumns } from '../engine/columns.ts';
import { DistrictLayer, districtsFromFeatures } from '../engine/geo/districts.ts';
import { readTable, formatOf, LIMITS, type Format } from '../io/formats.ts';
import { arrayColumn, tableToSettlements, type RawTable } from '../io/register.ts';
import { readFgbFeatures } from '../io/fgb.ts';
import { decodeText } from '../io/text.ts';
import type { Outline } from '../io/outline.ts';
import type { Problem } from '../io/problems.ts';
import type { ListTownInput } from '../engine/geo/kato-towns.ts';
import { autoMatch, fieldOf, guessBoundaryFields, guessKind, normaliseHeader, renameHeader, type ImportKind, type KindGuess, type Mapping } from '../io/mapping.ts';

export interface ImportRequestOptions {
  /** Forced by the user; otherwise guessed from the content. */
  kind?: ImportKind | null;
  /** Header → field, chosen or remembered by the UI; otherwise matched automatically. */
  mapping?: Mapping | null;
  fixSwapped?: boolean;
  /** Boundary fields chosen by the user. */
  idField?: string | null;
  nameField?: string | null;
  /** Stop after the read when the kind is unsure and not given: the UI asks the user first. */
  ask?: boolean;
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
  fileName: string;
  format: Format;
  encoding: string | null;
  header: string[];
  mapping: Mapping;
  samples: Record<string, string[]>;
  counts: ImportCounts;
  problems: Problem[];
  unit: RawTable['unit'];
  /** The rows on the map as records, built on first access (the worker reads `columns`). */
  readonly settlements: readonly Settlement[];
  /** The rows on the map as columns (the io layer's own when every row read is on the map). */
  columns: RegisterColumns;
  unlocated: Unlocated[];
  /** A settlement list's located settlements with their KATO type (the towns serve the town tiers). */
  towns: ListTownInput[];
  /** Per kept row (the order of `columns`), the file's KATO type ('1' town, '2' rural, '3' other); null without a
   *  type column. */
  katoTypes: (string | null)[] | null;
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
  /** What the map draws: id, name (and name_kk/ru/en where the file has them). */
  drawn: FeatureCollection<Polygon | MultiPolygon, { id: string; name: string; name_kk: string; name_ru: string; name_en: string; level: number; border?: string }>;
  count: number;
}

/** The kind is unsure: nothing imported yet; the UI asks with this evidence and reads again with the answer. */
export interface AskImport {
  kind: 'ask';
  guess: KindGuess;
  fileName: string;
  header: string[];
  mapping: Mapping;
  samples: Record<string, string[]>;
}

export type ImportResult = RegisterImport | BoundaryImport | AskImport;

type Progress = (phase: 'read' | 'parse' | 'validate', fraction: number) => void;

/** The KATO type column of a settlement list (`type_code` in the 2025 KATO list). */
const isTypeColumn = (h: string) => ['type code', 'тип като', 'kato type', 'като түрі'].includes(normaliseHeader(h));
const isPoly = (f: Feature | null) => Boolean(f?.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'));
const cellText = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/** Features of a GeoJSON / FlatGeobuf / zipped Shapefile, when they are polygons (boundaries); else null. */
async function polygonFeatures(bytes: Uint8Array, format: Format): Promise<Feature[] | null> {
  let features: (Feature | null)[] = [];
  if (format === 'fgb') features = readFgbFeatures(bytes).features as (Feature | null)[];
  else if (format === 'geojson') {
    try {
      const fc = JSON.parse(decodeText(bytes).text) as FeatureCollection;
      features = Array.isArray(fc?.features) ? fc.features : [];
    } catch {
      return null; // readTable reports the JSON error
    }
  } else if (format === 'shp') {
    const { readShapefileZip } = await import('../io/shapefile.ts');
    features = (await readShapefileZip(bytes, LIMITS.expanded)).features as Feature[];
  } else return null;
  const first = features.find((f) => f?.geometry);
  return first && isPoly(first) ? (features.filter(isPoly) as Feature[]) : null;
}

export function boundaryLayer(features: Feature[], fileName: string, lang: 'kk' | 'ru' | 'en', idField?: string | null, nameField?: string | null): BoundaryImport {
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
  return { kind: 'boundaries', sure: true, fileName, level: guess.level, fields, idField: id, nameField: name, layer, drawn, count: polys.length };
}

type ReadOptions = ImportRequestOptions & { lang: 'kk' | 'ru' | 'en'; outline: Outline | null; list: Map<string, [number, number]> | null; maxRows?: number };

/** Reads a register or settlement list or boundary file. `list`: coordinates by KATO id from a loaded list. With
 *  `ask`, an unsure kind stops after the read (an AskImport: nothing imported). */
export async function importFile(bytes: Uint8Array, fileName: string, config: Methodology, opts: ReadOptions & { ask?: false }, progress?: Progress): Promise<RegisterImport | BoundaryImport>;
export async function importFile(bytes: Uint8Array, fileName: string, config: Methodology, opts: ReadOptions, progress?: Progress): Promise<ImportResult>;
export async function importFile(bytes: Uint8Array, fileName: string, config: Methodology, opts: ReadOptions, progress: Progress = () => {}): Promise<ImportResult> {
  progress('read', 0);
  // a .tsv is read by the CSV reader (it takes the delimiter from the header)
  const readName = /\.tsv$/i.test(fileName) ? fileName.replace(/\.tsv$/i, '.csv') : fileName;
  const format = formatOf(readName);
  if (opts.kind === 'boundaries' || format === 'fgb' || format === 'geojson' || format === 'shp') {
    const polys = await polygonFeatures(bytes, format);
    if (polys && polys.length) return boundaryLayer(polys, fileName, opts.lang, opts.idField, opts.nameField);
  }
  const indicators = config.indicators.map((i) => i.column);
  const chosen = opts.mapping ?? null;
  const keep = (c: string) => (chosen ? Boolean(chosen[c]) : fieldOf(c, indicators) !== null) || isTypeColumn(c);
  progress('parse', 0.1);
  const { table, encoding } = await readTable(bytes, readName, keep);
  // too many rows for the tab (MAX_IMPORT_ROWS): refused before the checks and the model take their memory
  if (opts.maxRows !== undefined && table.rows.length > opts.maxRows) throw new Error('too_many_rows');
  progress('validate', 0.5);
  const mapping: Mapping = { ...autoMatch(table.header, indicators), ...(chosen ?? {}) };
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
  // Feature formats give lat/lon from the geometry (columns 0 and 1).
  let iLat = col('lat'), iLon = col('lon');
  const iId = col('id');
  const columns = table.columns.slice();
  const header = renamed.slice();
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
  let matchedByKato = 0;
  const latCol = columns[iLat]!, lonCol = columns[iLon]!, idCol = iId >= 0 ? columns[iId] : null;
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
    const patched = (col: NonNullable<RawTable['columns'][number]>, i: 0 | 1) => ({ length: col.length, get: (k: number) => (over.has(k) ? over.get(k)![i] : col.get(k)) });
    columns[iLat] = patched(latCol, 0);
    columns[iLon] = patched(lonCol, 1);
  }
  const unlocatedIds = new Set<string>();
  if (idCol) for (const k of unlocatedRows) unlocatedIds.add(cellText(idCol.get(k)));
  const mapped: RawTable = { ...table, header, columns };
  const result = tableToSettlements(mapped, config, { outline: opts.outline, fixSwapped: opts.fixSwapped });
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
  // the type per kept row (list or register): the town rule reads it (engine/settlement-kind.ts)
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
  const out = {
    kind, sure: opts.kind ? true : guess.sure, fileName, format, encoding: encoding ?? null, header: table.header, mapping, samples,
    counts: { read: result.rowsIn, onMap: registerColumns.size, unlocated: unlocated.length, rejected, warnings: result.problems.filter((p) => p.severity === 'warning').length, matchedByKato },
    problems: result.problems, unit: table.unit, columns: registerColumns, unlocated, towns, katoTypes,
  } as Omit<RegisterImport, 'settlements'> as RegisterImport;
  // records only when someone asks (tests, older callers); the worker reads the columns
  Object.defineProperty(out, 'settlements', { enumerable: false, configurable: true, get: () => registerColumns.settlements });
  return out;
}
