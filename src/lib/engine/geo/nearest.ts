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
import { chord2ToKm, degreeRadius, unitVector } from './sphere.ts';

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

// Cells live in flat typed arrays (no object per cell: a large register makes hundreds of thousands of them,
// and as objects they would keep the garbage collector busy).
const F = 7; // per cell in cellF: west, south, size, centre x, y, z, completeWithin (a chord)
const I = 9; // per cell in cellI: depth, list start, list length, visits, scanned, 4 children (-1 none, -2 = leaf)
const LEAF = -2;

/** A typed array that grows by doubling. */
function grow<T extends Float64Array | Int32Array>(a: T, needed: number): T {
  if (needed <= a.length) return a;
  const bigger = new (a.constructor as { new (n: number): T })(Math.max(needed, a.length * 2));
  bigger.set(a);
  return bigger;
}

/** Sorts key[lo..hi] ascending and moves at[] along; equal keys keep ascending `at` (the order a stable sort of
 *  positions gives). Quicksort with insertion sort for short runs, on typed arrays: no comparator calls. (A
 *  child's entries come in its parent's order, but insertion sort alone was quadratic on a million rows.) */
function sortByKey(key: Float64Array, at: Int32Array, lo: number, hi: number): void {
  while (hi - lo > 16) {
    const mid = (lo + hi) >>> 1;
    const pk = key[mid], pa = at[mid];
    let i = lo, j = hi;
    while (i <= j) {
      while (key[i] < pk || (key[i] === pk && at[i] < pa)) i++;
      while (key[j] > pk || (key[j] === pk && at[j] > pa)) j--;
      if (i <= j) {
        const tk = key[i]; key[i] = key[j]; key[j] = tk;
        const ta = at[i]; at[i] = at[j]; at[j] = ta;
        i++;
        j--;
      }
    }
    // Recurse into the smaller side, loop on the larger (bounded stack).
    if (j - lo < hi - i) {
      sortByKey(key, at, lo, j);
      lo = i;
    } else {
      sortByKey(key, at, i, hi);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const k = key[i], a = at[i];
    let j = i - 1;
    while (j >= lo && (key[j] > k || (key[j] === k && at[j] > a))) {
      key[j + 1] = key[j];
      at[j + 1] = at[j];
      j--;
    }
    key[j + 1] = k;
    at[j + 1] = a;
  }
}

export class NearestIndex {
  readonly itemCount: number;
  private readonly segCount: number;
  private readonly owner: Int32Array;
  /** Per segment: A(3) B(3) normal(3) tangentA(3) tangentB(3); degenerate (point) segments have a zero normal. */
  private readonly geo: Float64Array;
  private readonly tree: Flatbush;
  private readonly roots = new Map<number, number>();
  private cellCount = 0;
  private cellF = new Float64Array(64 * F);
  private cellI = new Int32Array(64 * I);
  /** Per cell, list length entries from `list start`: segments that can be nearest to a point of the cell, by
   *  ascending chord from the centre, and those chords. */
  private listPool = new Int32Array(1024);
  private chordPool = new Float64Array(1024);
  private listUsed = 0;
  private lastKey = NaN;
  private lastRoot = -1;
  private lastLeaf = -1;
  private scratchChords = new Float64Array(256);
  private keptChord = new Float64Array(256);
  private keptAt = new Int32Array(256);
  private keptIds = new Int32Array(256);
  private readonly centre = new Float64Array(3);
  private readonly corner = new Float64Array(3);
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
    for (const i of this.searchWithin(lon, lat, chord2ToKm(best2) * 1.000001 + 1e-6)) {
      if (this.owner[i] === skipItem) continue;
      const c2 = this.chord2(i, p[0], p[1], p[2]);
      if (c2 < best2 || (c2 === best2 && this.owner[i] < this.owner[best])) {
        best2 = c2;
        best = i;
      }
    }
    return { item: this.owner[best], km: chord2ToKm(best2) };
  }

  /** Segments whose boxes meet a circle of `km` around the point (all longitudes when it wraps the antimeridian). */
  private searchWithin(lon: number, lat: number, km: number): number[] {
    const { dLat, dLon } = degreeRadius(lat, km);
    const wraps = lon - dLon < -180 || lon + dLon > 180;
    return this.tree.search(wraps ? -180 : lon - dLon, lat - dLat, wraps ? 180 : lon + dLon, lat + dLat);
  }

  /** Adds a cell whose candidates come from the R-tree (a root, parent -1) or from its parent's list. */
  private makeCell(west: number, south: number, size: number, depth: number, parent: number): number {
    const cLon = west + size / 2, cLat = south + size / 2;
    const c = this.centre, corner = this.corner;
    unitVector(cLon, cLat, c, 0);
    let half = 0; // the largest chord from the centre to a point of the cell: at a corner
    for (let q = 0; q < 4; q++) {
      unitVector(q & 1 ? west + size : west, Math.max(-90, Math.min(90, q & 2 ? south + size : south)), corner, 0);
      const dx = corner[0] - c[0], dy = corner[1] - c[1], dz = corner[2] - c[2];
      half = Math.max(half, Math.sqrt(dx * dx + dy * dy + dz * dz));
    }
    half = half * 1.000001 + EPS;
    let candidates: ArrayLike<number>;
    let from = 0, count: number;
    if (parent >= 0) {
      candidates = this.listPool;
      from = this.cellI[parent * I + 1];
      count = this.cellI[parent * I + 2];
    } else {
      const centreKm = this.nearestExact(cLon, cLat).km;
      const halfKm = chord2ToKm(half * half);
      candidates = this.searchWithin(cLon, cLat, centreKm * 1.000001 + 2 * halfKm + 1e-6);
      count = candidates.length;
    }
    const chords = (this.scratchChords = grow(this.scratchChords, count));
    let best = Infinity;
    // A child reads its parent's list in the parent's order (ascending chord from the parent's centre): once that
    // chord minus the distance between the two centres exceeds the reach so far, no later entry can be kept
    // (triangle inequality), and none can lower the best either. Same list as scanning it all, a fraction of
    // the work.
    let shift = Infinity;
    if (parent >= 0) {
      const f = this.cellF;
      const dx = c[0] - f[parent * F + 3], dy = c[1] - f[parent * F + 4], dz = c[2] - f[parent * F + 5];
      shift = Math.sqrt(dx * dx + dy * dy + dz * dz) * 1.000001 + 1e-9;
    }
    const parentChords = this.chordPool;
    for (let k = 0; k < count; k++) {
      if (parent >= 0 && parentChords[from + k] - shift > best + 2 * half + EPS) {
        count = k;
        break;
      }
      chords[k] = Math.sqrt(this.chord2(candidates[from + k], c[0], c[1], c[2]));
      if (chords[k] < best) best = chords[k];
    }
    const reach = best + 2 * half + EPS;
    // The kept entries (chord, candidate position) into typed scratch arrays, sorted without a comparator
    // callback: cells are made by the thousand on a large register and the callback dominated their cost.
    const keptChord = (this.keptChord = grow(this.keptChord, count));
    const keptAt = (this.keptAt = grow(this.keptAt, count));
    let keptCount = 0;
    for (let k = 0; k < count; k++)
      if (chords[k] <= reach) {
        keptChord[keptCount] = chords[k];
        keptAt[keptCount++] = k;
      }
    sortByKey(keptChord, keptAt, 0, keptCount - 1);
    // Copy the kept entries before growing the pool: a child's candidates are a view of the pool itself.
    const start = this.listUsed;
    const ids = (this.keptIds = grow(this.keptIds, keptCount));
    for (let m = 0; m < keptCount; m++) ids[m] = candidates[from + keptAt[m]];
    this.listPool = grow(this.listPool, start + keptCount);
    this.chordPool = grow(this.chordPool, start + keptCount);
    for (let m = 0; m < keptCount; m++) {
      this.listPool[start + m] = ids[m];
      this.chordPool[start + m] = keptChord[m];
    }
    this.listUsed += keptCount;

    const id = this.cellCount++;
    this.cellF = grow(this.cellF, (id + 1) * F);
    this.cellI = grow(this.cellI, (id + 1) * I);
    const f = this.cellF, n = this.cellI;
    f[id * F] = west; f[id * F + 1] = south; f[id * F + 2] = size;
    f[id * F + 3] = c[0]; f[id * F + 4] = c[1]; f[id * F + 5] = c[2];
    f[id * F + 6] = Math.min(best + half, parent >= 0 ? f[parent * F + 6] : Infinity);
    n[id * I] = depth; n[id * I + 1] = start; n[id * I + 2] = keptCount; n[id * I + 3] = 0; n[id * I + 4] = 0;
    n[id * I + 5] = LEAF;
    return id;
  }

  /** Whether a leaf has earned a split: many queries, each scanning many candidates. */
  private wantsSplit(cell: number): boolean {
    const n = this.cellI;
    const visits = ++n[cell * I + 3];
    return n[cell * I] < MAX_DEPTH && visits >= SPLIT_AFTER && n[cell * I + 4] > SPLIT_SCANNED * visits;
  }

  private leaf(lon: number, lat: number): number {
    const f = this.cellF;
    // Queries come in spatial order: most fall in the same leaf as the one before.
    const last = this.lastLeaf;
    if (last >= 0 && this.cellI[last * I + 5] === LEAF) {
      const west = f[last * F], south = f[last * F + 1], size = f[last * F + 2];
      if (lon >= west && lon < west + size && lat >= south && lat < south + size && !this.wantsSplit(last)) return last;
    }
    const ix = Math.floor((lon + 180) / ROOT_DEG);
    const iy = Math.floor((lat + 90) / ROOT_DEG);
    const key = iy * 1_000_000 + ix;
    let cell = key === this.lastKey ? this.lastRoot : this.roots.get(key) ?? -1;
    if (cell < 0) {
      cell = this.makeCell(ix * ROOT_DEG - 180, iy * ROOT_DEG - 90, ROOT_DEG, 0, -1);
      this.roots.set(key, cell);
    }
    this.lastKey = key;
    this.lastRoot = cell;
    for (;;) {
      if (this.cellI[cell * I + 5] === LEAF) {
        if (!this.wantsSplit(cell)) return (this.lastLeaf = cell);
        for (let q = 0; q < 4; q++) this.cellI[cell * I + 5 + q] = -1;
      }
      const g = this.cellF;
      const half = g[cell * F + 2] / 2;
      const qx = lon >= g[cell * F] + half ? 1 : 0;
      const qy = lat >= g[cell * F + 1] + half ? 1 : 0;
      let child = this.cellI[cell * I + 5 + qy * 2 + qx];
      if (child < 0) {
        child = this.makeCell(g[cell * F] + qx * half, g[cell * F + 1] + qy * half, half, this.cellI[cell * I] + 1, cell);
        this.cellI[cell * I + 5 + qy * 2 + qx] = child;
      }
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
    const list = this.listPool, chord = this.chordPool, owner = this.owner, f = this.cellF;
    const start = this.cellI[cell * I + 1], end = start + this.cellI[cell * I + 2];
    const ox = px - f[cell * F + 3], oy = py - f[cell * F + 4], oz = pz - f[cell * F + 5];
    const offset = Math.sqrt(ox * ox + oy * oy + oz * oz); // (Math.hypot is several times slower)
    let best = -1;
    let best2 = Infinity;
    let bestChord = Infinity;
    let k = start;
    for (; k < end; k++) {
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
    this.cellI[cell * I + 4] += k - start;
    // With an item skipped, the nearest other one may lie outside the list: the list is only complete within
    // `completeWithin` of the point.
    if (skipItem >= 0 && !(Math.sqrt(best2) <= f[cell * F + 6])) {
      const exact = this.nearestExact(lon, lat, skipItem);
      this.foundItem = exact.item;
      return exact.km;
    }
    this.foundItem = best < 0 ? -1 : owner[best];
    return best < 0 ? Infinity : chord2ToKm(best2);
  }

  /** Nearest item to (lon, lat); the same answer as nearestExact, usually much faster for many queries. */
  nearest(lon: number, lat: number, skipItem = -1): NearestResult {
    const p = this.p;
    unitVector(lon, lat, p, 0);
    const km = this.query(lon, lat, p[0], p[1], p[2], skipItem);
    return { item: this.foundItem, km };
  }
}
