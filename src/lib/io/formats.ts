// Registers and assessments in and out, chosen by file extension: .csv, .geojson/.json, .fgb.
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type { Assessment } from '../engine/types.ts';
import type { Methodology } from '../engine/config/schema.ts';
import { decodeText } from './text.ts';
import { parseCsv, writeCsv } from './csv.ts';
import { readFgb, writeFgb } from './fgb.ts';
import { rowsToSettlements, type RegisterRow, type RowProblem } from './register.ts';
import { assessmentColumns, assessmentRecord } from './assessment-record.ts';

export type Format = 'csv' | 'geojson' | 'fgb';

export function formatOf(filename: string): Format {
  const ext = filename.toLowerCase().split('.').pop();
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'fgb') return 'fgb';
  throw new Error(`unsupported file type ".${ext}" (${filename}): use .csv, .geojson or .fgb`);
}

export class RegisterFileError extends Error {}

function featuresToRows(features: Feature<Geometry | null>[]): RegisterRow[] {
  return features.map((f, i) => {
    const cells: RegisterRow['cells'] = { ...(f.properties as Record<string, string | number | boolean | null>) };
    if (f.geometry?.type === 'Point') {
      const [lon, lat] = (f.geometry as Point).coordinates;
      cells.lon = lon;
      cells.lat = lat;
    }
    return { line: i + 1, cells };
  });
}

export interface RegisterRead {
  settlements: ReturnType<typeof rowsToSettlements>['settlements'];
  problems: RowProblem[];
  rejectedLines: number[];
  /** 'line' for CSV (line numbers in the file, header = 1), 'feature' for GeoJSON/FlatGeobuf (1-based). */
  unit: 'line' | 'feature';
  encoding?: string;
}

const REQUIRED = ['id', 'lat', 'lon'];

export async function readRegister(bytes: Uint8Array, filename: string, config: Methodology): Promise<RegisterRead> {
  const format = formatOf(filename);
  const indicatorColumns = config.indicators.map((i) => i.column);
  let rows: RegisterRow[];
  let encoding: string | undefined;
  if (format === 'csv') {
    const decoded = decodeText(bytes);
    encoding = decoded.encoding;
    const table = parseCsv(decoded.text);
    const missing = REQUIRED.filter((c) => !table.columns.includes(c));
    if (missing.length) throw new RegisterFileError(`${filename}: missing column(s) ${missing.join(', ')} in the header (line 1)`);
    rows = table.rows;
  } else {
    let fc: FeatureCollection<Geometry | null>;
    if (format === 'geojson') {
      try {
        fc = JSON.parse(decodeText(bytes).text);
      } catch (e) {
        throw new RegisterFileError(`${filename}: not valid JSON (${(e as Error).message})`);
      }
      if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new RegisterFileError(`${filename}: not a GeoJSON FeatureCollection`);
    } else {
      fc = await readFgb(bytes);
    }
    rows = featuresToRows(fc.features);
  }
  return { ...rowsToSettlements(rows, indicatorColumns), unit: format === 'csv' ? 'line' : 'feature', encoding };
}

export async function writeAssessments(assessments: Assessment[], filename: string, config: Methodology): Promise<Uint8Array> {
  const format = formatOf(filename);
  const columns = assessmentColumns(config);
  const records = assessments.map((a) => assessmentRecord(a, config));
  if (format === 'csv') return new TextEncoder().encode(writeCsv(columns, records));
  const fc: FeatureCollection<Point> = {
    type: 'FeatureCollection',
    features: assessments.map((a, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [a.settlement.lon, a.settlement.lat] },
      properties: Object.fromEntries(columns.map((c) => [c, records[i][c] ?? null])),
    })),
  };
  if (format === 'geojson') return new TextEncoder().encode(JSON.stringify(fc) + '\n');
  return writeFgb(fc);
}
