import { describe, expect, it } from 'vitest';
import { PointLayer, drawOrder, thinToPixels } from '../../src/lib/map/point-layer.ts';

/** Mercator x, y (0..1) of lon/lat pairs, as the layer computes them. */
function mercator(points: [number, number][]): Float32Array {
  const out = new Float32Array(points.length * 2);
  points.forEach(([lon, lat], i) => {
    const s = Math.sin((lat * Math.PI) / 180);
    out[2 * i] = (lon + 180) / 360;
    out[2 * i + 1] = 0.5 - (0.25 * Math.log((1 + s) / (1 - s))) / Math.PI;
  });
  return out;
}
const extentOf = (pos: Float32Array) => {
  const xs = pos.filter((_, k) => k % 2 === 0), ys = pos.filter((_, k) => k % 2 === 1);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
};

describe('thinToPixels', () => {
  // rows 0 and 1 share a screen pixel at zoom 4 (~1 m apart); row 2 is a degree away
  const pos = mercator([[70, 48], [70.00001, 48.00001], [71, 48]]);
  const extent = extentOf(pos);
  const grid = new Uint32Array(1 << 20);
  const rowOrder = Uint32Array.from([0, 1, 2]);

  it('keeps the topmost (last drawn) visible row of each pixel', () => {
    const out = new Uint32Array(3);
    const m = thinToPixels(pos, new Uint8Array(3), rowOrder, extent, 4, -1, out, grid);
    expect(Array.from(out.subarray(0, m!))).toEqual([1, 2]);
  });

  it('a hidden row does not hide the one under it; the selected row comes last', () => {
    const out = new Uint32Array(3);
    const m = thinToPixels(pos, Uint8Array.from([0, 1, 0]), rowOrder, extent, 4, -1, out, grid);
    expect(Array.from(out.subarray(0, m!))).toEqual([0, 2]);
    const s = thinToPixels(pos, new Uint8Array(3), rowOrder, extent, 4, 0, out, grid);
    expect(Array.from(out.subarray(0, s!))).toEqual([1, 2, 0]);
  });

  it('keeps both rows at a zoom where they are pixels apart, and thins nothing when the grid would be too large', () => {
    const out = new Uint32Array(3);
    // zoom 17: 1e-5° is ~1.9 px (grid ~186,000 × 3 cells)
    const m = thinToPixels(pos, new Uint8Array(3), rowOrder, extent, 17, -1, out, grid);
    expect(Array.from(out.subarray(0, m!))).toEqual([0, 1, 2]);
    // grid too large: every visible row, in draw order, none thinned
    const all = thinToPixels(pos, Uint8Array.from([0, 0, 1]), Uint32Array.from([2, 1, 0]), extent, 18, -1, out, new Uint32Array(16));
    expect(Array.from(out.subarray(0, all))).toEqual([1, 0]);
  });
});

describe('drawOrder', () => {
  it('draws larger places first (smaller ones on top), ties and unknown population in row order', () => {
    expect(Array.from(drawOrder(Float64Array.from([100, 5000, NaN, 100, 20000, 0])))).toEqual([4, 1, 0, 3, 2, 5]);
  });

  it('the topmost row of a shared pixel follows the draw order', () => {
    const pos = mercator([[70, 48], [70.00001, 48.00001]]);
    const out = new Uint32Array(2);
    const m = thinToPixels(pos, new Uint8Array(2), drawOrder(Float64Array.from([100, 5000])), extentOf(pos), 4, -1, out, new Uint32Array(1 << 20));
    // row 1 (5,000 people) is drawn first, row 0 over it
    expect(Array.from(out.subarray(0, m))).toEqual([0]);
  });
});

describe('PointLayer classes', () => {
  it('counts the points whose class or flags changed, and ignores codes for another number of rows', () => {
    const layer = new PointLayer();
    layer.setPoints({ lon: Float64Array.from([70, 71, 72]), lat: Float64Array.from([48, 48, 48]), population: Float64Array.from([100, NaN, 5000]) });
    expect(layer.size).toBe(3);
    const colours = ['#ff0000', '#00ff00'];
    expect(layer.setClasses(Uint8Array.from([0, 1, 1]), colours, [false, false], new Uint8Array(3))).toBe(2);
    expect(layer.setClasses(Uint8Array.from([0, 1, 1]), colours, [false, true], new Uint8Array(3))).toBe(2);
    expect(layer.setClasses(Uint8Array.from([0, 1, 1]), colours, [false, true], new Uint8Array(3))).toBe(0);
    expect(layer.setClasses(Uint8Array.from([0, 1]), colours, [false, false], new Uint8Array(2))).toBe(0);
  });
});
