// A country outline for plausibility checks: how far (km) a point lies outside it, 0 inside. Point in polygon from
// the engine's district layer and the exact distance to the boundary from its nearest index, behind a lazily
// filled 0.2° grid: a cell whose centre is farther from the boundary than the cell's half-diagonal is wholly
// inside or outside, so a million register points cost a million array reads, not a million polygon tests.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { DistrictLayer, districtsFromFeatures } from '../engine/geo/districts.ts';
import { NearestIndex } from '../engine/geo/nearest.ts';
import { haversineKm } from '../engine/geo/sphere.ts';

const CELL = 0.2;
const UNKNOWN = 0;
const INSIDE = 1;
const MIXED = 2;
const OUTSIDE = 3;

export class Outline {
  private readonly layer: DistrictLayer;
  private readonly boundary: NearestIndex;
  private readonly west: number;
  private readonly south: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly cells: Uint8Array;

  constructor(features: Feature<import('geojson').Geometry | null>[]) {
    const polys = features.filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')) as Feature<Polygon | MultiPolygon>[];
    if (!polys.length) throw new Error('the outline has no polygons');
    const one = polys.map((f, i) => ({ ...f, properties: { id: String(i) } }));
    const districts = districtsFromFeatures(one, 'id', 'id');
    this.layer = new DistrictLayer(districts);
    this.boundary = new NearestIndex(districts.flatMap((d) => d.polygons.flat()).map((ring) => [ring]));
    const w = Math.min(...districts.map((d) => d.bbox[0])) - 1;
    const s = Math.min(...districts.map((d) => d.bbox[1])) - 1;
    const e = Math.max(...districts.map((d) => d.bbox[2])) + 1;
    const n = Math.max(...districts.map((d) => d.bbox[3])) + 1;
    this.west = w;
    this.south = s;
    this.cols = Math.ceil((e - w) / CELL);
    this.rows = Math.ceil((n - s) / CELL);
    this.cells = new Uint8Array(this.cols * this.rows);
  }

  private exact(lon: number, lat: number): number {
    if (this.layer.locateIndex(lon, lat) >= 0) return 0;
    return this.boundary.nearest(lon, lat).km;
  }

  /** Kilometres from the point to the outline when outside, 0 inside. */
  kmOutside(lon: number, lat: number): number {
    const cx = Math.floor((lon - this.west) / CELL);
    const cy = Math.floor((lat - this.south) / CELL);
    if (cx < 0 || cy < 0 || cx >= this.cols || cy >= this.rows) return this.boundary.nearest(lon, lat).km;
    const k = cy * this.cols + cx;
    let state = this.cells[k];
    if (state === UNKNOWN) {
      const x0 = this.west + cx * CELL;
      const y0 = this.south + cy * CELL;
      const mx = x0 + CELL / 2;
      const my = y0 + CELL / 2;
      const half = haversineKm(mx, my, x0, y0 < 0 ? y0 + CELL : y0);
      const inside = this.layer.locateIndex(mx, my) >= 0;
      const km = this.boundary.nearest(mx, my).km;
      state = this.cells[k] = km <= half * 1.01 ? MIXED : inside ? INSIDE : OUTSIDE;
    }
    if (state === INSIDE) return 0;
    return this.exact(lon, lat);
  }
}
