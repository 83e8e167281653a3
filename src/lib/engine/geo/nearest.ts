// Nearest-feature queries on the sphere over polylines and points: "how far is this settlement from the China
// border / from the nearest district seat?". Exact (the true shortest great-circle distance to each arc, the
// same geometry as Turf's nearestPointOnLine) and fast:
//  - a Flatbush R-tree over segment boxes finds candidates for any single query;
//  - for many queries, a lazily filled grid stores, per cell, the few segments that can be nearest to any point
//    of the cell (those within d(centre) + 2·halfDiagonal of the centre), so most queries test a handful of
//    segments and never touch the tree.
import Flatbush from 'flatbush';
import { chord2ToKm, degreeRadius, haversineKm, unitVector } from './sphere.ts';

/** Each item is a polyline (list of parts, each a list of [lon, lat]) or a single point ([[[lon, lat]]]). */
export type ItemGeometry = number[][][];

const BOX_PAD_DEG = 0.02; // great-circle arcs bulge a little beyond their endpoints' box (metres for 50-km segments)

export interface NearestResult {
  item: number; // -1 when nothing qualifies
  km: number;
}

export class NearestIndex {
  readonly itemCount: number;
  private readonly segCount: number;
  private readonly owner: Int32Array;
  /** Per segment: A(3) B(3) normal(3) tangentA(3) tangentB(3); degenerate (point) segments have a zero normal. */
  private readonly geo: Float64Array;
  private readonly tree: Flatbush;
  private readonly cellDeg: number;
  private readonly cells = new Map<number, Int32Array>();
  private readonly cellBound = new Map<number, number>();
  private readonly p = new Float64Array(3);

  constructor(items: ItemGeometry[], options: { cellDeg?: number } = {}) {
    this.itemCount = items.length;
    this.cellDeg = options.cellDeg ?? 0.5;
    const segs: { item: number; a: number[]; b: number[] }[] = [];
    items.forEach((parts, item) => {
      for (const part of parts) {
        if (part.length === 1) segs.push({ item, a: part[0], b: part[0] });
        for (let i = 0; i + 1 < part.length; i++) segs.push({ item, a: part[i], b: part[i + 1] });
      }
    });
    this.segCount = segs.length;
    this.owner = new Int32Array(segs.length);
    this.geo = new Float64Array(segs.length * 15);
    this.tree = new Flatbush(Math.max(1, segs.length));
    const g = this.geo;
    segs.forEach((s, i) => {
      this.owner[i] = s.item;
      const o = i * 15;
      unitVector(s.a[0], s.a[1], g, o);
      unitVector(s.b[0], s.b[1], g, o + 3);
      const ax = g[o], ay = g[o + 1], az = g[o + 2], bx = g[o + 3], by = g[o + 4], bz = g[o + 5];
      let nx = ay * bz - az * by, ny = az * bx - ax * bz, nz = ax * by - ay * bx;
      const len = Math.hypot(nx, ny, nz);
      if (len > 1e-15) {
        nx /= len; ny /= len; nz /= len;
        g[o + 6] = nx; g[o + 7] = ny; g[o + 8] = nz;
        // tangent at A towards B: n × A; tangent at B towards A: B × n
        g[o + 9] = ny * az - nz * ay; g[o + 10] = nz * ax - nx * az; g[o + 11] = nx * ay - ny * ax;
        g[o + 12] = by * nz - bz * ny; g[o + 13] = bz * nx - bx * nz; g[o + 14] = bx * ny - by * nx;
      }
      this.tree.add(
        Math.min(s.a[0], s.b[0]) - BOX_PAD_DEG, Math.min(s.a[1], s.b[1]) - BOX_PAD_DEG,
        Math.max(s.a[0], s.b[0]) + BOX_PAD_DEG, Math.max(s.a[1], s.b[1]) + BOX_PAD_DEG,
      );
    });
    if (segs.length === 0) this.tree.add(0, 0, 0, 0);
    this.tree.finish();
  }

  /** Squared chord from the unit vector p to segment i (the closest point of the arc). */
  private chord2(i: number, px: number, py: number, pz: number): number {
    const g = this.geo;
    const o = i * 15;
    const nx = g[o + 6], ny = g[o + 7], nz = g[o + 8];
    if (nx !== 0 || ny !== 0 || nz !== 0) {
      const inA = px * g[o + 9] + py * g[o + 10] + pz * g[o + 11];
      const inB = px * g[o + 12] + py * g[o + 13] + pz * g[o + 14];
      if (inA >= 0 && inB >= 0) {
        const q = px * nx + py * ny + pz * nz;
        return 2 - 2 * Math.sqrt(Math.max(0, 1 - q * q));
      }
    }
    const dax = px - g[o], day = py - g[o + 1], daz = pz - g[o + 2];
    const dbx = px - g[o + 3], dby = py - g[o + 4], dbz = pz - g[o + 5];
    return Math.min(dax * dax + day * day + daz * daz, dbx * dbx + dby * dby + dbz * dbz);
  }

  /** Exact nearest item through the R-tree; `skipItem` (e.g. the settlement itself) is never returned. */
  nearestExact(lon: number, lat: number, skipItem = -1): NearestResult {
    if (this.segCount === 0) return { item: -1, km: Infinity };
    const p = this.p;
    unitVector(lon, lat, p, 0);
    const first = this.tree.neighbors(lon, lat, 1, Infinity, (i: number) => this.owner[i] !== skipItem);
    if (first.length === 0) return { item: -1, km: Infinity };
    let best2 = this.chord2(first[0], p[0], p[1], p[2]);
    let best = first[0];
    const { dLat, dLon } = degreeRadius(lat, chord2ToKm(best2) * 1.000001 + 1e-6);
    for (const i of this.tree.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat)) {
      if (this.owner[i] === skipItem) continue;
      const c2 = this.chord2(i, p[0], p[1], p[2]);
      if (c2 < best2 || (c2 === best2 && this.owner[i] < this.owner[best])) {
        best2 = c2;
        best = i;
      }
    }
    return { item: this.owner[best], km: chord2ToKm(best2) };
  }

  private cellKey(lon: number, lat: number): number {
    const ix = Math.floor((lon + 180) / this.cellDeg);
    const iy = Math.floor((lat + 90) / this.cellDeg);
    return iy * 1_000_000 + ix;
  }

  /** Candidates for a cell: every segment that can be nearest to some point of the cell. */
  private cell(key: number): Int32Array {
    let list = this.cells.get(key);
    if (list) return list;
    const iy = Math.floor(key / 1_000_000);
    const ix = key - iy * 1_000_000;
    const west = ix * this.cellDeg - 180, south = iy * this.cellDeg - 90;
    const cLon = west + this.cellDeg / 2, cLat = south + this.cellDeg / 2;
    let half = 0;
    for (const [lo, la] of [[west, south], [west + this.cellDeg, south], [west, south + this.cellDeg], [west + this.cellDeg, south + this.cellDeg]])
      half = Math.max(half, haversineKm(cLon, cLat, lo, Math.max(-90, Math.min(90, la))));
    half *= 1.000001;
    const centre = this.nearestExact(cLon, cLat);
    const reach = centre.km + 2 * half;
    const { dLat, dLon } = degreeRadius(cLat, reach);
    const p = new Float64Array(3);
    unitVector(cLon, cLat, p, 0);
    const reach2 = (2 * Math.sin(Math.min(Math.PI, reach / 6371.0088) / 2)) ** 2;
    const found = this.tree.search(cLon - dLon, cLat - dLat, cLon + dLon, cLat + dLat).filter((i) => this.chord2(i, p[0], p[1], p[2]) <= reach2 * 1.000001);
    list = Int32Array.from(found);
    this.cells.set(key, list);
    this.cellBound.set(key, centre.km + half);
    return list;
  }

  /** Nearest item to (lon, lat); the same answer as nearestExact, usually much faster for many queries. */
  nearest(lon: number, lat: number, skipItem = -1): NearestResult {
    if (this.segCount === 0) return { item: -1, km: Infinity };
    const key = this.cellKey(lon, lat);
    const list = this.cell(key);
    const p = this.p;
    unitVector(lon, lat, p, 0);
    const px = p[0], py = p[1], pz = p[2];
    let best = -1;
    let best2 = Infinity;
    for (let k = 0; k < list.length; k++) {
      const i = list[k];
      if (this.owner[i] === skipItem) continue;
      const c2 = this.chord2(i, px, py, pz);
      if (c2 < best2 || (c2 === best2 && this.owner[i] < this.owner[best])) {
        best2 = c2;
        best = i;
      }
    }
    const km = best < 0 ? Infinity : chord2ToKm(best2);
    // With the settlement itself skipped, the nearest other item may lie outside the cell's list: the list is
    // only guaranteed to hold it when it is within d(centre) + halfDiagonal.
    if (skipItem >= 0 && !(km <= this.cellBound.get(key)!)) return this.nearestExact(lon, lat, skipItem);
    return { item: best < 0 ? -1 : this.owner[best], km };
  }
}
