// District polygons: which district holds a settlement (point in polygon through a Flatbush box index), and
// which districts lie on the China or Russia border (their boundary comes within a tolerance of the border line).
import Flatbush from 'flatbush';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { NearestIndex } from './nearest.ts';
import { degreeRadius } from './sphere.ts';
import type { BorderSet } from './borders.ts';
import type { NeighbourCode } from '../neighbours.ts';

export interface District {
  id: string;
  name: string;
  polygons: Position[][][]; // polygons → rings → positions
  bbox: [number, number, number, number];
}

export interface DistrictBorderInfo {
  district: District;
  km: Partial<Record<NeighbourCode, number>>;
}

export function districtsFromFeatures(features: Feature<Polygon | MultiPolygon | null>[], idField: string, nameField: string): District[] {
  const out: District[] = [];
  features.forEach((f, i) => {
    if (!f.geometry) return;
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const poly of polygons) for (const [x, y] of poly[0]) {
      if (x < minX) minX = x; if (y < minY) minY = y; if (x > maxX) maxX = x; if (y > maxY) maxY = y;
    }
    const props = f.properties ?? {};
    const id = props[idField] ?? `${i + 1}`;
    out.push({ id: String(id), name: String(props[nameField] ?? id), polygons, bbox: [minX, minY, maxX, maxY] });
  });
  return out;
}

function ringContains(ring: Position[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function polygonContains(poly: Position[][], x: number, y: number): boolean {
  if (!ringContains(poly[0], x, y)) return false;
  for (let h = 1; h < poly.length; h++) if (ringContains(poly[h], x, y)) return false;
  return true;
}

export class DistrictLayer {
  private readonly tree: Flatbush;
  constructor(readonly districts: District[]) {
    this.tree = new Flatbush(Math.max(1, districts.length));
    for (const d of districts) this.tree.add(...d.bbox);
    if (!districts.length) this.tree.add(0, 0, 0, 0);
    this.tree.finish();
  }

  /** The district holding the point; where slivers overlap, the first by id wins (deterministic). */
  locate(lon: number, lat: number): District | null {
    const i = this.locateIndex(lon, lat);
    return i < 0 ? null : this.districts[i];
  }

  /** Index of the district holding the point, or -1. */
  locateIndex(lon: number, lat: number): number {
    let found = -1;
    for (const i of this.tree.search(lon, lat, lon, lat)) {
      const d = this.districts[i];
      if (!d) continue;
      if ((found < 0 || d.id < this.districts[found].id) && d.polygons.some((poly) => polygonContains(poly, lon, lat))) found = i;
    }
    return found;
  }

  /** Shortest distance (km) from each district's boundary to each border line given. */
  borderDistances(borders: BorderSet, codes: NeighbourCode[]): DistrictBorderInfo[] {
    return this.districts.map((district) => {
      const boundary = new NearestIndex([district.polygons.flat()]);
      const km: Partial<Record<NeighbourCode, number>> = {};
      for (const code of codes) {
        const line = borders.lines.get(code);
        if (!line) continue;
        let best = Infinity;
        // Vertex-to-line both ways gives the distance between two polylines that do not cross; a crossing
        // puts a vertex within half a segment of the other line, far inside any useful tolerance.
        for (const ring of district.polygons.flat()) for (const [x, y] of ring) best = Math.min(best, line.index.nearest(x, y).km);
        // Only border vertices within `best` of the district's box can bring the distance down.
        const [w, s, e, n] = district.bbox;
        const { dLat, dLon } = degreeRadius(Math.abs(s) > Math.abs(n) ? s : n, best);
        for (const part of line.parts)
          for (const [x, y] of part) {
            if (x < w - dLon || x > e + dLon || y < s - dLat || y > n + dLat) continue;
            best = Math.min(best, boundary.nearest(x, y).km);
            if (x >= w && x <= e && y >= s && y <= n && district.polygons.some((poly) => polygonContains(poly, x, y))) best = 0;
          }
        km[code] = best;
      }
      return { district, km };
    });
  }
}
