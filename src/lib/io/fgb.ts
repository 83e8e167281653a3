// FlatGeobuf in and out. flatgeobuf's own GeoJSON serializer types every column from the first feature only,
// so a null or missing value there turns a numeric column into text. We type each column from its first
// non-null value across all features, and on reading give every declared column a value (null when absent).
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { magicbytes } from 'flatgeobuf/lib/mjs/constants.js';
import { buildFeature } from 'flatgeobuf/lib/mjs/generic/feature.js';
import { buildHeader } from 'flatgeobuf/lib/mjs/generic/featurecollection.js';
import { inferGeometryType } from 'flatgeobuf/lib/mjs/generic/header.js';
import { parseGeometry, parseGC } from 'flatgeobuf/lib/mjs/geojson/geometry.js';
import { fromFeature } from 'flatgeobuf/lib/mjs/geojson/feature.js';
import { fromByteBuffer as headerFromByteBuffer, type HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { Feature as FgbFeature } from 'flatgeobuf/lib/mjs/flat-geobuf/feature.js';
import { SIZE_PREFIX_LEN } from 'flatgeobuf/lib/mjs/constants.js';
import * as flatbuffers from 'flatbuffers';
import { fileError, RegisterFileError, type Problem } from './problems.ts';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';

type Properties = Record<string, unknown>;

function columnTypeOf(values: unknown[]): number {
  let type: number | null = null;
  for (const value of values) {
    if (value === null || value === undefined) continue;
    const t =
      typeof value === 'boolean' ? ColumnType.Bool
      : typeof value === 'number' ? ColumnType.Double
      : typeof value === 'string' ? ColumnType.String
      : ColumnType.Json;
    if (type === null) type = t;
    else if (type !== t) return ColumnType.String; // mixed column: keep every value as text
  }
  return type ?? ColumnType.String;
}

function cellValue(value: unknown, type: number): unknown {
  if (value === undefined || value === null) return null;
  if (type === ColumnType.String && typeof value !== 'string') return String(value);
  if (type === ColumnType.Json) return JSON.stringify(value);
  return value;
}

/** Serialises a FeatureCollection to FlatGeobuf bytes (no spatial index; deterministic for the same input). An
 *  empty collection gives a valid file with no features (Point geometry, the `emptyColumns` as text columns). */
export function writeFgb(collection: FeatureCollection<Geometry | null, Properties | null>, emptyColumns: string[] = []): Uint8Array {
  const features = collection.features;
  const names: string[] = features.length ? [] : [...emptyColumns];
  const seen = new Set<string>();
  for (const f of features)
    for (const k of Object.keys(f.properties ?? {}))
      if (!seen.has(k)) {
        seen.add(k);
        names.push(k);
      }
  const columns = names.map((name) => ({
    name,
    type: columnTypeOf(features.map((f) => f.properties?.[name])),
    title: null,
    description: null,
    width: -1,
    precision: -1,
    scale: -1,
    nullable: true,
    unique: false,
    primary_key: false,
  }));
  const headerMeta = {
    geometryType: features.length ? inferGeometryType(features as never) : 1 /* Point */,
    columns: columns.length ? columns : null,
    envelope: null,
    featuresCount: features.length,
    indexNodeSize: 0,
    crs: null,
    title: null,
    description: null,
    metadata: null,
  };
  const header = buildHeader(headerMeta as never, 4326);
  const buffers = features.map((f) => {
    if (!f.geometry) throw new Error('FlatGeobuf: every feature needs a geometry');
    const props: Properties = {};
    for (const c of columns) props[c.name] = cellValue(f.properties?.[c.name], c.type);
    const geometry = f.geometry.type === 'GeometryCollection' ? parseGC(f.geometry as never) : parseGeometry(f.geometry as never);
    return buildFeature(geometry, props as never, headerMeta as never);
  });
  const total = buffers.reduce((n, b) => n + b.length, 0);
  const out = new Uint8Array(magicbytes.length + header.length + total);
  out.set(magicbytes);
  out.set(header, magicbytes.length);
  let offset = magicbytes.length + header.length;
  for (const b of buffers) {
    out.set(b, offset);
    offset += b.length;
  }
  return out;
}

export interface FgbRead {
  /** One entry per feature read; null where a feature could not be decoded (see problems). */
  features: (Feature<Geometry | null, Properties> | null)[];
  columns: string[];
  /** Feature count the header declares (0 when it does not say). */
  declared: number;
  problems: Problem[];
  /** EPSG code of the header's CRS, 0 when absent. */
  crs: number;
}

/** Index size in bytes of a packed Hilbert R-tree; 0 for no features. flatgeobuf 4.5.0's calcTreeSize loops
 *  forever for 0 items (its `do … while (n !== 1)` never reaches 1 from 0): never call it with 0. Upstream note:
 *  flatgeobuf@4.5.0 lib/mjs/packedrtree.js calcTreeSize(0, nodeSize) does not terminate; the generic
 *  deserialize() calls it for any header with indexNodeSize > 0, so an empty indexed file hangs the reader. */
export function safeTreeSize(numItems: number, nodeSize: number): number {
  if (!(numItems > 0)) return 0;
  nodeSize = Math.min(Math.max(nodeSize, 2), 65535);
  let n = numItems;
  let nodes = n;
  while (n > 1) {
    n = Math.ceil(n / nodeSize);
    nodes += n;
  }
  if (numItems === 1) nodes += 1;
  return nodes * 40;
}

// Control characters that no register text holds: U+0000–U+001F except tab and newline (a CR only before a newline).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|\r(?!\n)/;

/** What is wrong with a decoded text value, if anything: control characters, or U+FFFD (bytes that were not valid
 *  UTF-8, replaced by the decoder). */
export function damagedText(s: string): 'text_control_chars' | 'text_invalid_utf8' | null {
  if (CONTROL.test(s)) return 'text_control_chars';
  if (s.includes('\uFFFD')) return 'text_invalid_utf8';
  return null;
}

/** The value as shown in a problem: control characters spelled out (`K\u0000-PAV`). */
export const visibleText = (s: string) => s.replace(/[\u0000-\u001F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`);

const fgbProblem = (row: number, code: 'fgb_corrupt' | 'fgb_truncated', params: Record<string, string | number>): Problem => ({ row, column: '*', value: '', code, params, severity: 'error' });

/** Reads FlatGeobuf bytes defensively: never hangs, never throws on damaged input (file-level damage throws a
 *  RegisterFileError; a damaged feature becomes a problem and reading stops or goes on as the damage allows). */
export function readFgbFeatures(bytes: Uint8Array): FgbRead {
  if (bytes.length < 12 || !magicbytes.slice(0, 3).every((b: number, i: number) => bytes[i] === b)) throw fileError('not_fgb');
  const bb = new flatbuffers.ByteBuffer(bytes);
  const headerLength = bb.readUint32(magicbytes.length);
  if (headerLength < 4 || magicbytes.length + SIZE_PREFIX_LEN + headerLength > bytes.length)
    throw fileError('fgb_corrupt', { detail: `header of ${headerLength} bytes in a file of ${bytes.length}` });
  let meta: HeaderMeta;
  try {
    bb.setPosition(magicbytes.length);
    meta = headerFromByteBuffer(bb) as HeaderMeta;
  } catch (e) {
    throw fileError('fgb_corrupt', { detail: `unreadable header (${(e as Error).message})` });
  }
  const declared = Number(meta.featuresCount ?? 0);
  const columns = (meta.columns ?? []).map((c) => c.name);
  let offset = magicbytes.length + SIZE_PREFIX_LEN + headerLength;
  if (meta.indexNodeSize > 0) offset += safeTreeSize(declared, meta.indexNodeSize);
  const features: FgbRead['features'] = [];
  const problems: Problem[] = [];
  if (offset > bytes.length) {
    problems.push(fgbProblem(1, 'fgb_truncated', { read: 0, declared }));
    return { features, columns, declared, problems, crs: meta.crs?.code ?? 0 };
  }
  while (offset < bytes.length) {
    const row = features.length + 1;
    if (declared > 0 && features.length >= declared) {
      problems.push(fgbProblem(row, 'fgb_corrupt', { detail: `${bytes.length - offset} bytes after the ${declared} declared features` }));
      break;
    }
    if (offset + SIZE_PREFIX_LEN > bytes.length) {
      problems.push(fgbProblem(row, 'fgb_truncated', { read: features.length, declared }));
      break;
    }
    const length = bb.readUint32(offset);
    if (length === 0 || offset + SIZE_PREFIX_LEN + length > bytes.length) {
      problems.push(length === 0 ? fgbProblem(row, 'fgb_corrupt', { detail: 'a feature of length 0' }) : fgbProblem(row, 'fgb_truncated', { read: features.length, declared }));
      break;
    }
    try {
      bb.setPosition(offset);
      const f = FgbFeature.getSizePrefixedRootAsFeature(bb);
      const g = fromFeature(row - 1, f, meta as never) as Feature<Geometry | null, Properties>;
      const properties: Properties = {};
      for (const name of columns) properties[name] = g.properties?.[name] ?? null;
      // Damaged text is a problem of this feature (field named), never accepted as a value.
      const bad = columns.find((name) => typeof properties[name] === 'string' && damagedText(properties[name] as string));
      if (bad !== undefined) {
        const value = properties[bad] as string;
        features.push(null);
        problems.push({ row, column: bad, value: visibleText(value), code: damagedText(value)!, params: {}, severity: 'error' });
      } else features.push({ type: 'Feature', geometry: g.geometry ?? null, properties });
    } catch (e) {
      features.push(null);
      problems.push(fgbProblem(row, 'fgb_corrupt', { detail: (e as Error).message || 'unreadable feature' }));
    }
    offset += SIZE_PREFIX_LEN + length;
  }
  if (declared > 0 && features.length < declared && !problems.some((p) => p.row > features.length))
    problems.push(fgbProblem(features.length + 1, 'fgb_truncated', { read: features.length, declared }));
  return { features, columns, declared, problems, crs: meta.crs?.code ?? 0 };
}

/** Reads FlatGeobuf bytes into a FeatureCollection; every column of the header is present on every feature.
 *  Throws a RegisterFileError on any damage (for the embedded data and district layers, which must be whole). */
export async function readFgb(bytes: Uint8Array): Promise<FeatureCollection<Geometry, Properties>> {
  const read = readFgbFeatures(bytes);
  if (read.problems.length) throw new RegisterFileError(read.problems[0]);
  return { type: 'FeatureCollection', features: read.features.filter((f): f is Feature<Geometry, Properties> => f !== null && f.geometry !== null) };
}
