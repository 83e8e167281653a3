// A register as columns: typed arrays read once from the Settlement records, so that the geospatial block,
// scoring and classification loop over numbers instead of objects (a weight change rescores 100,000 rows in
// milliseconds). NaN in a Float64Array and -1 in a flag column mean "no data".
import type { Settlement } from './types.ts';
import { unitVector } from './geo/sphere.ts';

const ORDER_CELL_DEG = 0.25;

/** A column value as a record field: NaN (no data) becomes null. */
export const nullIfNaN = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** Row k of these arrays is register row order[k]; (ux, uy, uz) is the unit vector on the sphere. */
export interface SortedCoordinates {
  order: Uint32Array;
  lon: Float64Array;
  lat: Float64Array;
  ux: Float64Array;
  uy: Float64Array;
  uz: Float64Array;
}

export class RegisterColumns {
  readonly size: number;
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  readonly population: Float64Array;
  /** 1 yes, 0 no, -1 no data. */
  readonly districtCentre: Int8Array;
  readonly ruralDistrictCentre: Int8Array;
  private readonly indicatorCache = new Map<string, Float64Array>();
  private spatialOrder: Uint32Array | null = null;
  private sortedCoordinates: SortedCoordinates | null = null;
  private oblastCodes: { index: Int32Array; oblasts: (string | null)[] } | null = null;

  constructor(readonly settlements: readonly Settlement[]) {
    const n = (this.size = settlements.length);
    this.lon = new Float64Array(n);
    this.lat = new Float64Array(n);
    this.population = new Float64Array(n);
    this.districtCentre = new Int8Array(n);
    this.ruralDistrictCentre = new Int8Array(n);
    const flag = (b: boolean | null) => (b === null || b === undefined ? -1 : b ? 1 : 0);
    for (let i = 0; i < n; i++) {
      const s = settlements[i];
      this.lon[i] = s.lon;
      this.lat[i] = s.lat;
      this.population[i] = s.population ?? NaN;
      this.districtCentre[i] = flag(s.is_district_centre);
      this.ruralDistrictCentre[i] = flag(s.is_rural_district_centre);
    }
  }

  /** Each row's oblast as an index into `oblasts` (the distinct values as written in the register). */
  oblastIndex(): { index: Int32Array; oblasts: (string | null)[] } {
    if (this.oblastCodes) return this.oblastCodes;
    const codes = new Map<string | null, number>();
    const oblasts: (string | null)[] = [];
    const index = new Int32Array(this.size);
    for (let i = 0; i < this.size; i++) {
      const oblast = this.settlements[i].oblast;
      let code = codes.get(oblast);
      if (code === undefined) codes.set(oblast, (code = oblasts.push(oblast) - 1));
      index[i] = code;
    }
    return (this.oblastCodes = { index, oblasts });
  }

  /** A register indicator column as numbers (NaN = no data), read from the records once. */
  indicator(column: string): Float64Array {
    let values = this.indicatorCache.get(column);
    if (!values) {
      values = new Float64Array(this.size);
      for (let i = 0; i < this.size; i++) {
        const v = this.settlements[i].indicators[column];
        values[i] = v === null || v === undefined ? NaN : v;
      }
      this.indicatorCache.set(column, values);
    }
    return values;
  }

  /** Coordinates and unit vectors in spatial order, computed once: loops over many rows read them contiguously
   *  (reading lon[order[k]] straight from the register would miss the cache on every row of a large one). */
  sorted(): SortedCoordinates {
    if (this.sortedCoordinates) return this.sortedCoordinates;
    const order = this.order();
    const n = order.length;
    const sorted: SortedCoordinates = { order, lon: new Float64Array(n), lat: new Float64Array(n), ux: new Float64Array(n), uy: new Float64Array(n), uz: new Float64Array(n) };
    const u = new Float64Array(3);
    for (let k = 0; k < n; k++) {
      const lon = this.lon[order[k]], lat = this.lat[order[k]];
      sorted.lon[k] = lon;
      sorted.lat[k] = lat;
      unitVector(lon, lat, u, 0);
      sorted.ux[k] = u[0];
      sorted.uy[k] = u[1];
      sorted.uz[k] = u[2];
    }
    return (this.sortedCoordinates = sorted);
  }

  /** Row numbers ordered by 0.25° cell (a counting sort), so that consecutive spatial queries hit the same
   *  index cells and stay in the processor's cache. */
  private order(): Uint32Array {
    if (this.spatialOrder) return this.spatialOrder;
    const n = this.size;
    const { lon, lat } = this;
    let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = lon[i], y = lat[i];
      if (x < west) west = x; if (x > east) east = x; if (y < south) south = y; if (y > north) north = y;
    }
    const width = n ? Math.floor((east - west) / ORDER_CELL_DEG) + 1 : 1;
    const height = n ? Math.floor((north - south) / ORDER_CELL_DEG) + 1 : 1;
    const cellOf = (i: number) => Math.floor((lat[i] - south) / ORDER_CELL_DEG) * width + Math.floor((lon[i] - west) / ORDER_CELL_DEG);
    const starts = new Uint32Array(width * height + 1);
    for (let i = 0; i < n; i++) starts[cellOf(i) + 1]++;
    for (let c = 0; c < width * height; c++) starts[c + 1] += starts[c];
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[starts[cellOf(i)]++] = i;
    return (this.spatialOrder = order);
  }
}
