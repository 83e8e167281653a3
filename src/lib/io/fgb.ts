// FlatGeobuf in and out. flatgeobuf's own GeoJSON serializer types every column from the first feature only,
// so a null or missing value there turns a numeric column into text. We type each column from its first
// non-null value across all features, and on reading give every declared column a value (null when absent).
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { magicbytes } from 'flatgeobuf/lib/mjs/constants.js';
import { buildFeature } from 'flatgeobuf/lib/mjs/generic/feature.js';
import { buildHeader } from 'flatgeobuf/lib/mjs/generic/featurecollection.js';
import { inferGeometryType } from 'flatgeobuf/lib/mjs/generic/header.js';
import { parseGeometry, parseGC } from 'flatgeobuf/lib/mjs/geojson/geometry.js';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
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

/** Serialises a FeatureCollection to FlatGeobuf bytes (no spatial index; deterministic for the same input). */
export function writeFgb(collection: FeatureCollection<Geometry | null, Properties | null>): Uint8Array {
  const features = collection.features;
  if (features.length === 0) throw new Error('FlatGeobuf: cannot write an empty feature collection');
  const names: string[] = [];
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
    geometryType: inferGeometryType(features as never),
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

/** Reads FlatGeobuf bytes into a FeatureCollection; every column of the header is present on every feature. */
export async function readFgb(bytes: Uint8Array): Promise<FeatureCollection<Geometry, Properties>> {
  if (bytes.length < 8 || !magicbytes.slice(0, 3).every((b: number, i: number) => bytes[i] === b))
    throw new Error('Not a FlatGeobuf file (the first bytes are not "fgb")');
  let columnNames: string[] = [];
  const features: Feature<Geometry, Properties>[] = [];
  const iterator = deserialize(bytes, {
    headerMetaFn: (meta: { columns: { name: string }[] | null }) => {
      columnNames = (meta.columns ?? []).map((c) => c.name);
    },
  } as never);
  for await (const f of iterator as AsyncIterable<Feature<Geometry, Properties>>) {
    const properties: Properties = {};
    for (const name of columnNames) properties[name] = f.properties?.[name] ?? null;
    features.push({ type: 'Feature', geometry: f.geometry, properties });
  }
  return { type: 'FeatureCollection', features };
}
