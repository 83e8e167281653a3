import { describe, expect, it } from 'vitest';
import KDBush from 'kdbush';
import { labelRows, labelFeatures, LABEL_LIMIT, LABEL_ZOOM, type LabelIndex } from '../../src/lib/map/point-labels.ts';
import { drawOrder } from '../../src/lib/map/point-layer.ts';

const HIDDEN = 1;

/** A LabelIndex over points given in Mercator x, y (as the point layer builds it). */
function labelIndex(xy: [number, number][], population: number[], hidden: number[] = []): LabelIndex {
  const index = new KDBush(xy.length, 64, Float32Array);
  for (const [x, y] of xy) index.add(x, y);
  index.finish();
  const order = drawOrder(population);
  const rank = new Uint32Array(xy.length);
  order.forEach((row, k) => (rank[row] = k));
  const flags = new Uint8Array(xy.length);
  for (const i of hidden) flags[i] = HIDDEN;
  return { index, flags, hiddenBit: HIDDEN, order, rank };
}

describe('labelRows', () => {
  // rows 0–4 inside the box [0.6, 0.3, 0.7, 0.4]; row 5 outside it
  const xy: [number, number][] = [[0.61, 0.31], [0.62, 0.32], [0.63, 0.33], [0.64, 0.34], [0.65, 0.35], [0.8, 0.35]];
  const population = [100, 5000, NaN, 300, 5000, 99999];
  const box = [0.6, 0.3, 0.7, 0.4];

  it('labels the visible rows in view, largest population first (ties in row order, no population last)', () => {
    expect(Array.from(labelRows(labelIndex(xy, population), box, LABEL_ZOOM))).toEqual([1, 4, 3, 0, 2]);
  });

  it('leaves out rows hidden by the legend or the filters', () => {
    expect(Array.from(labelRows(labelIndex(xy, population, [1, 3]), box, 10))).toEqual([4, 0, 2]);
  });

  it('keeps the `limit` largest at close zooms', () => {
    expect(Array.from(labelRows(labelIndex(xy, population), box, LABEL_ZOOM, 2))).toEqual([1, 4]);
  });

  it('below the label zoom: all of them if they are at most `limit`, else none', () => {
    const ix = labelIndex(xy, population);
    expect(Array.from(labelRows(ix, box, LABEL_ZOOM - 2, 5))).toEqual([1, 4, 3, 0, 2]);
    expect(labelRows(ix, box, LABEL_ZOOM - 2, 4).length).toBe(0);
    // hidden rows do not count
    expect(Array.from(labelRows(labelIndex(xy, population, [0]), box, LABEL_ZOOM - 2, 4))).toEqual([1, 4, 3, 2]);
  });

  it('finds what KDBush range() finds, at any box', () => {
    const n = 20_000;
    const pts: [number, number][] = Array.from({ length: n }, (_, i) => [((i * 7919) % n) / n, ((i * 104729) % n) / n]);
    const pop = Array.from({ length: n }, (_, i) => (i * 31337) % 1_000_003);
    const ix = labelIndex(pts, pop, [5, 50, 500]);
    for (const b of [[0, 0, 1, 1], [0.1, 0.2, 0.15, 0.22], [0.5, 0.5, 0.5001, 0.9], [0.9, 0.9, 0.1, 0.1]]) {
      const expected = ix.index.range(b[0], b[1], b[2], b[3]).filter((i) => ![5, 50, 500].includes(i)).sort((i, j) => pop[j] - pop[i]);
      expect(Array.from(labelRows(ix, b, LABEL_ZOOM, n))).toEqual(expected);
      expect(Array.from(labelRows(ix, b, LABEL_ZOOM - 1, expected.length))).toEqual(expected);
      expect(labelRows(ix, b, LABEL_ZOOM - 1, expected.length - 1).length).toBe(0);
    }
  });

  it('at 200,000 rows in view: the LABEL_LIMIT most populous', () => {
    const n = 200_000;
    const pts: [number, number][] = Array.from({ length: n }, (_, i) => [0.6 + ((i * 7919) % n) / n / 10, 0.3 + ((i * 104729) % n) / n / 10]);
    const pop = Array.from({ length: n }, (_, i) => (i * 31337) % 1_000_003);
    const rows = labelRows(labelIndex(pts, pop), box, 9);
    expect(rows.length).toBe(LABEL_LIMIT);
    const sorted = [...pop].sort((a, b) => b - a);
    expect(Array.from(rows, (i) => pop[i])).toEqual(sorted.slice(0, LABEL_LIMIT));
  });
});

describe('labelFeatures', () => {
  it('carries the names in each language, a name (English, else Russian, Kazakh, the id) and the population', () => {
    const fc = labelFeatures([1, 0], {
      lon: [70, 71], lat: [48, 49], population: [NaN, 1200], ids: ['A', 'B'],
      names: { kk: [null, 'Ауыл'], ru: [null, 'Аул'], en: [null, null] },
    });
    expect(fc.features.map((f) => [f.geometry.coordinates, f.properties])).toEqual([
      [[71, 49], { name: 'Аул', name_kk: 'Ауыл', name_ru: 'Аул', name_en: undefined, population: 1200 }],
      [[70, 48], { name: 'A', name_kk: undefined, name_ru: undefined, name_en: undefined, population: null }],
    ]);
  });
});
