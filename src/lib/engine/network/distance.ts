// Distances for the support-network problems, behind one interface: the straight line on the sphere today
// (`StraightLineDistance`); a road graph or travel times can implement the same two queries later without a
// change in the solvers. Lists are packed (CSR): `start[k]..start[k+1]` are the entries of item k.
import KDBush from 'kdbush';
import { EARTH_RADIUS_KM, chord2ToKm, degreeRadius, unitVector } from '../geo/sphere.ts';

/** Packed lists: item k's entries are `site[start[k]..start[k+1]]` with their distances `km[…]`. */
export interface SparseLists {
  start: Uint32Array;
  /** Site index of each entry. */
  site: Int32Array;
  km: Float32Array;
}

export interface DistanceProvider {
  /** Number of sites (settlements) the provider knows, indexed 0..size-1. */
  readonly size: number;
  /** For each candidate `candidates[k]`, every site within `radiusKm[k]` of it (the candidate itself included,
   *  at 0 km), nearest first, ties by site index. */
  coverage(candidates: Int32Array, radiusKm: Float64Array): SparseLists;
  /** For each site, its nearest `k` of `candidates` (as indices into `candidates`, not sites), nearest first,
   *  ties by the lower index into `candidates`. A site gets fewer when there are fewer candidates. */
  nearest(candidates: Int32Array, k: number): SparseLists;
}

const chordOfKm = (km: number) => (2 * Math.sin(Math.min(Math.PI, km / EARTH_RADIUS_KM) / 2)) ** 2;

/** Straight lines over the ground on the sphere of `engine/geo/sphere.ts`, through a KDBush index of lon/lat
 *  (a box from `degreeRadius`, then the exact chord test). */
export class StraightLineDistance implements DistanceProvider {
  readonly size: number;
  private readonly unit: Float64Array;

  constructor(private readonly lon: Float64Array, private readonly lat: Float64Array) {
    this.size = lon.length;
    this.unit = new Float64Array(this.size * 3);
    for (let i = 0; i < this.size; i++) unitVector(lon[i], lat[i], this.unit, i * 3);
  }

  /** Squared chord between two sites. */
  private chord2(a: number, b: number): number {
    const u = this.unit;
    const dx = u[a * 3] - u[b * 3], dy = u[a * 3 + 1] - u[b * 3 + 1], dz = u[a * 3 + 2] - u[b * 3 + 2];
    return dx * dx + dy * dy + dz * dz;
  }

  km(a: number, b: number): number {
    return chord2ToKm(this.chord2(a, b));
  }

  private index(sites: ArrayLike<number>): KDBush {
    const index = new KDBush(Math.max(1, sites.length));
    for (let k = 0; k < sites.length; k++) index.add(this.lon[sites[k]], this.lat[sites[k]]);
    if (sites.length === 0) index.add(0, 90); // KDBush needs one item; a pole far from Kazakhstan matches nothing
    index.finish();
    return index;
  }

  coverage(candidates: Int32Array, radiusKm: Float64Array): SparseLists {
    const all = this.index(Int32Array.from({ length: this.size }, (_, i) => i));
    const start = new Uint32Array(candidates.length + 1);
    const sites: number[] = [];
    const kms: number[] = [];
    const found: { site: number; c2: number }[] = [];
    for (let k = 0; k < candidates.length; k++) {
      const c = candidates[k];
      const reach2 = chordOfKm(radiusKm[k]);
      const { dLat, dLon } = degreeRadius(this.lat[c], radiusKm[k]);
      found.length = 0;
      for (const id of all.range(this.lon[c] - dLon, this.lat[c] - dLat, this.lon[c] + dLon, this.lat[c] + dLat)) {
        if (id >= this.size) continue;
        const c2 = id === c ? 0 : this.chord2(c, id);
        if (c2 <= reach2) found.push({ site: id, c2 });
      }
      found.sort((a, b) => a.c2 - b.c2 || a.site - b.site);
      for (const f of found) {
        sites.push(f.site);
        kms.push(f.c2 === 0 ? 0 : chord2ToKm(f.c2));
      }
      start[k + 1] = sites.length;
    }
    return { start, site: Int32Array.from(sites), km: Float32Array.from(kms) };
  }

  nearest(candidates: Int32Array, k: number): SparseLists {
    const m = candidates.length;
    const want = Math.min(k, m);
    const index = this.index(candidates);
    // A first radius that holds about `want` candidates were they spread evenly over their bounding box.
    let west = Infinity, east = -Infinity, south = Infinity, north = -Infinity;
    for (let j = 0; j < m; j++) {
      const c = candidates[j];
      west = Math.min(west, this.lon[c]); east = Math.max(east, this.lon[c]);
      south = Math.min(south, this.lat[c]); north = Math.max(north, this.lat[c]);
    }
    const rad = Math.PI / 180;
    const areaKm2 = m ? Math.max(1, (east - west) * rad * EARTH_RADIUS_KM * Math.cos(((south + north) / 2) * rad) * (north - south) * rad * EARTH_RADIUS_KM) : 1;
    const firstKm = Math.max(1, Math.sqrt((want * areaKm2) / (Math.PI * Math.max(1, m))));
    const start = new Uint32Array(this.size + 1);
    const site = new Int32Array(this.size * want);
    const km = new Float32Array(this.size * want);
    const found: { j: number; c2: number }[] = [];
    for (let i = 0; i < this.size; i++) {
      let r = firstKm;
      for (;;) {
        const reach2 = chordOfKm(r);
        const { dLat, dLon } = degreeRadius(this.lat[i], r);
        found.length = 0;
        for (const j of index.range(this.lon[i] - dLon, this.lat[i] - dLat, this.lon[i] + dLon, this.lat[i] + dLat)) {
          if (j >= m) continue;
          const c2 = this.chord2(i, candidates[j]);
          if (c2 <= reach2) found.push({ j, c2 });
        }
        if (found.length >= want || r >= Math.PI * EARTH_RADIUS_KM) break;
        r *= 2;
      }
      found.sort((a, b) => a.c2 - b.c2 || a.j - b.j);
      const o = start[i];
      for (let t = 0; t < want; t++) {
        site[o + t] = found[t].j;
        km[o + t] = found[t].c2 === 0 ? 0 : chord2ToKm(found[t].c2);
      }
      start[i + 1] = o + want;
    }
    return { start, site, km };
  }
}
