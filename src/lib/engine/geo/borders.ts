// State border lines by neighbour, each indexed for nearest-distance queries, plus one index over all of them.
import type { Feature, LineString, MultiLineString, Position } from 'geojson';
import { NearestIndex } from './nearest.ts';
import type { NeighbourCode } from '../neighbours.ts';

export interface BorderLine {
  code: NeighbourCode;
  parts: Position[][];
  index: NearestIndex;
}

export interface BorderSet {
  lines: Map<NeighbourCode, BorderLine>;
  /** Every border line; item i is codes[i]. */
  any: NearestIndex;
  codes: NeighbourCode[];
}

/** Builds the border set from line features carrying a `neighbour` property (CN, RU, KG, UZ, TM). */
export function buildBorderSet(features: Feature<LineString | MultiLineString>[]): BorderSet {
  const lines = new Map<NeighbourCode, BorderLine>();
  const codes: NeighbourCode[] = [];
  const all: Position[][][] = [];
  for (const f of features) {
    const code = String(f.properties?.neighbour ?? '') as NeighbourCode;
    if (!code) throw new Error('border feature without a "neighbour" property');
    const parts = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
    lines.set(code, { code, parts, index: new NearestIndex([parts]) });
    codes.push(code);
    all.push(parts);
  }
  return { lines, any: new NearestIndex(all), codes };
}
