// Nearest-feature queries on the sphere over polylines and points: "how far is this settlement from the China
// border / from the nearest district seat?". Exact (the true shortest great-circle distance to each arc, the
// same geometry as Turf's nearestPointOnLine) and fast:
//  - a Flatbush R-tree over segment boxes answers any single query (`nearestExact`);
//  - for many queries, a lazily built quadtree of lon/lat cells stores, per cell, the segments that can be
//    nearest to some point of the cell (those within best(centre) + 2·halfDiagonal of the centre), sorted by
//    their distance from the centre. A query scans its cell's list and stops as soon as the triangle-inequality
//    lower bound (distance from the centre − distance of the point from the centre) exceeds the best so far.
//    A cell whose queries keep scanning many candidates splits into four; a child filters its parent's list, so
//    splitting never touches the R-tree again. Small registers stay on a few coarse cells, dense ones get fine
//    cells only where scanning costs more than splitting.
// Bounds are kept as chords (straight-line distances between unit vectors in 3-D): the distance from a point
// to an arc is a distance to a set, so the triangle inequality holds, and no arcsine is needed until the end.
import Flatbush from 'flatbush';
import { EARTH_RADIUS_KM, degreeRadius, unitVector } from './sphere.ts';

/** Each item is a polyline (list of parts, each a list of [lon, lat]) or a single point ([[[lon, lat]]]). */
export type ItemGeometry = number[][][];

const BOX_PAD_DEG = 0.02; // great-circle arcs bulge a little beyond their endpoints' box (metres for 50-km segments)
const ROOT_DEG = 1;
const SPLIT_AFTER = 32; // a cell that has served this many queries …
const SPLIT_SCANNED = 10; // … scanning more than this many candidates per query on average splits
const MAX_DEPTH = 6; // 1/64° ≈ 1.7 km cells at the finest
const EPS = 1e-12;

export interface NearestResult {
  item: number; // -1 when nothing qualifies
  km: number;
}

/** Angle (radians) subtended by a squared chord between unit vectors. */
const chord2ToAngle = (c2: number) => 2 * Math.asin(Math.min(1, Math.sqrt(c2) / 2));

class Cell {
  children: (Cell | null)[] | null = null;
  visits = 0;
  scanned = 0;
  constructor(
    readonly west: number,
    readonly south: number,
    readonly size: number,
    readonly depth: number,
    readonly cx: number,
    readonly cy: number,
    readonly cz: number,
    /** Segments that can be nearest to a point of the cell, by ascending chord from the centre. */
    readonly list: Int32Array,
    readonly chord: Float64Array,
    /** Every segment within this chord of any point of the cell is in the list (used when an item is skipped). */
    readonly completeWithin: number,
  ) {}
}

export class NearestIndex {
  readonly itemCount: number;
  private readonly segCount: number;
  private readonly owner: Int32Array;
  /** Per segment: A(3) B(3) normal(3) tangentA(3) tangentB(3); degenerate (point) segments have a zero normal. */
  private readonly geo: Float64Array;
  private readonly tree: Flatbush;
  private readonly roots = new Map<number, Cell>();
  private lastKey = NaN;
  private lastRoot: Cell | null = null;
  private lastLeaf: Cell | null = null;
  private readonly p = new Float64Array(3);
  /** The item found by the last `query`; -1 when none. */
  foundItem = -1;

  constructor(items: ItemGeometry[]) {
    this.itemCount = items.length;
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
    const { dLat, dLon } = degreeRadius(lat, chord2ToAngle(best2) * EARTH_RADIUS_KM * 1.000001 + 1e-6);
    for (const i of this.tree.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat)) {
      if (this.owner[i] === skipItem) continue;
      const c2 = this.chord2(i, p[0], p[1], p[2]);
      if (c2 < best2 || (c2 === best2 && this.owner[i] < this.owner[best])) {
        best2 = c2;
        best = i;
      }
    }
    return { item: this.owner[best], km: chord2ToAngle(best2) * EARTH_RADIUS_KM };
  }

  /** A cell whose candidates come from the R-tree (a root) or from its parent's list (a child). */
  private makeCell(west: number, south: number, size: number, depth: number, parent: Cell | null): Cell {
    const cLon = west + size / 2, cLat = south + size / 2;
    const c = new Float64Array(3), corner = new Float64Array(3);
    unitVector(cLon, cLat, c, 0);
    let half = 0; // the largest chord from the centre to a point of the cell: at a corner
    for (const [lo, la] of [[west, south], [west + size, south], [west, south + size], [west + size, south + size]]) {
      unitVector(lo, Math.max(-90, Math.min(90, la)), corner, 0);
      half = Math.max(half, Math.hypot(corner[0] - c[0], corner[1] - c[1], corner[2] - c[2]));
    }
    half = half * 1.000001 + EPS;
    let candidates: ArrayLike<number>;
    if (parent) candidates = parent.list;
    else {
      const centreKm = this.nearestExact(cLon, cLat).km;
      const halfKm = 2 * Math.asin(Math.min(1, half / 2)) * EARTH_RADIUS_KM;
      const { dLat, dLon } = degreeRadius(cLat, centreKm * 1.000001 + 2 * halfKm + 1e-6);
      candidates = this.tree.search(cLon - dLon, cLat - dLat, cLon + dLon, cLat + dLat);
    }
    const chords = new Float64Array(candidates.length);
    let best = Infinity;
    for (let k = 0; k < candidates.length; k++) {
      chords[k] = Math.sqrt(this.chord2(candidates[k], c[0], c[1], c[2]));
      if (chords[k] < best) best = chords[k];
    }
    const reach = best + 2 * half + EPS;
    const kept: number[] = [];
    for (let k = 0; k < candidates.length; k++) if (chords[k] <= reach) kept.push(k);
    kept.sort((a, b) => chords[a] - chords[b]);
    const list = new Int32Array(kept.length);
    const chord = new Float64Array(kept.length);
    for (let m = 0; m < kept.length; m++) {
      list[m] = candidates[kept[m]];
      chord[m] = chords[kept[m]];
    }
    const completeWithin = Math.min(best + half, parent ? parent.completeWithin : Infinity);
    return new Cell(west, south, size, depth, c[0], c[1], c[2], list, chord, completeWithin);
  }

  private leaf(lon: number, lat: number): Cell {
    // Queries come in spatial order: most fall in the same leaf as the one before.
    const last = this.lastLeaf;
    if (last !== null && last.children === null && lon >= last.west && lon < last.west + last.size && lat >= last.south && lat < last.south + last.size)
      if (last.depth >= MAX_DEPTH || ++last.visits < SPLIT_AFTER || last.scanned <= SPLIT_SCANNED * last.visits) return last;
    const ix = Math.floor((lon + 180) / ROOT_DEG);
    const iy = Math.floor((lat + 90) / ROOT_DEG);
    const key = iy * 1_000_000 + ix;
    let cell: Cell | undefined = key === this.lastKey ? this.lastRoot! : this.roots.get(key);
    if (!cell) {
      cell = this.makeCell(ix * ROOT_DEG - 180, iy * ROOT_DEG - 90, ROOT_DEG, 0, null);
      this.roots.set(key, cell);
    }
    this.lastKey = key;
    this.lastRoot = cell;
    for (;;) {
      if (cell.children === null) {
        if (cell.depth >= MAX_DEPTH || ++cell.visits < SPLIT_AFTER || cell.scanned <= SPLIT_SCANNED * cell.visits) return (this.lastLeaf = cell);
        cell.children = [null, null, null, null];
      }
      const half: number = cell.size / 2;
      const qx: number = lon >= cell.west + half ? 1 : 0;
      const qy: number = lat >= cell.south + half ? 1 : 0;
      let child: Cell | null = cell.children[qy * 2 + qx];
      if (!child) child = cell.children[qy * 2 + qx] = this.makeCell(cell.west + qx * half, cell.south + qy * half, half, cell.depth + 1, cell);
      cell = child;
    }
  }

  /**
   * Distance (km) from the point (lon, lat) with unit vector (px, py, pz) to the nearest item other than
   * `skipItem`; the item is left in `foundItem` (-1 and Infinity when there is none). The same answer as
   * nearestExact; the caller passes the unit vector so that one settlement computes it once for all indexes.
   */
  query(lon: number, lat: number, px: number, py: number, pz: number, skipItem = -1): number {
    this.foundItem = -1;
    if (this.segCount === 0) return Infinity;
    const cell = this.leaf(lon, lat);
    const list = cell.list, chord = cell.chord, owner = this.owner;
    const offset = Math.hypot(px - cell.cx, py - cell.cy, pz - cell.cz);
    let best = -1;
    let best2 = Infinity;
    let bestChord = Infinity;
    let k = 0;
    for (; k < list.length; k++) {
      if (chord[k] - offset > bestChord) break; // no later candidate can be nearer
      const i = list[k];
      if (owner[i] === skipItem) continue;
      const c2 = this.chord2(i, px, py, pz);
      if (c2 < best2 || (c2 === best2 && owner[i] < owner[best])) {
        best2 = c2;
        best = i;
        bestChord = Math.sqrt(c2) * (1 + EPS);
      }
    }
    cell.scanned += k;
    // With an item skipped, the nearest other one may lie outside the list: the list is only complete within
    // `completeWithin` of the point.
    if (skipItem >= 0 && !(Math.sqrt(best2) <= cell.completeWithin)) {
      const exact = this.nearestExact(lon, lat, skipItem);
      this.foundItem = exact.item;
      return exact.km;
    }
    this.foundItem = best < 0 ? -1 : owner[best];
    return best < 0 ? Infinity : chord2ToAngle(best2) * EARTH_RADIUS_KM;
  }

  /** Nearest item to (lon, lat); the same answer as nearestExact, usually much faster for many queries. */
  nearest(lon: number, lat: number, skipItem = -1): NearestResult {
    const p = this.p;
    unitVector(lon, lat, p, 0);
    const km = this.query(lon, lat, p[0], p[1], p[2], skipItem);
    return { item: this.foundItem, km };
  }
}
