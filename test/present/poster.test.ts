// The exported image's layout (pure): legend, title, scale bar and north arrow inside the image, at every size.
import { describe, expect, it } from 'vitest';
import { niceKm, posterLayout, type PosterInput } from '../../src/lib/present/poster.ts';

const measure = (s: string, size: number) => s.length * size * 0.55;
const input = (width: number, height: number): PosterInput => ({
  width, height, title: 'Ауылдық елді мекендер', subtitle: 'Санат', legendTitle: 'Шартты белгілер',
  legend: [{ label: 'Тірек', colour: '#e69f00', count: '37' }, { label: 'Қытай шекарасы', colour: '#d00', line: 5 }],
  metresPerPixel: 2000, km: 'км', sources: 'Natural Earth; GeoNames', north: 'С',
});
const inside = (b: { x: number; y: number; w: number; h: number }, W: number, H: number) => b.x >= 0 && b.y >= 0 && b.x + b.w <= W && b.y + b.h <= H;

describe('poster layout', () => {
  it('keeps every part inside the image, at 1×, 2× and A4 300 DPI', () => {
    for (const [W, H] of [[1000, 700], [2000, 1400], [3508, 2480]]) {
      const l = posterLayout(input(W, H), measure);
      for (const b of [l.legend, l.title, l.scale, l.north]) expect(inside(b, W, H)).toBe(true);
      expect(l.ops.some((o) => o.kind === 'text' && o.text === 'Тірек')).toBe(true);
      expect(l.ops.some((o) => o.kind === 'north')).toBe(true);
    }
  });
  it('scales with the image', () => {
    const a = posterLayout(input(1000, 707), measure), b = posterLayout(input(3508, 2480), measure);
    expect(b.legend.w / a.legend.w).toBeCloseTo(3.508, 1);
  });
  it('picks a round scale-bar distance', () => {
    expect(niceKm(430)).toBe(200);
    expect(niceKm(99)).toBe(50);
    expect(niceKm(1.2)).toBe(1);
    const l = posterLayout(input(1000, 700), measure);
    const label = l.ops.find((o) => o.kind === 'text' && o.text.endsWith('км'));
    expect(label && label.kind === 'text' && label.text).toBe('200 км');
  });
});
