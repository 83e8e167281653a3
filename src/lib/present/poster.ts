// The layout of an exported map image (pure: no DOM): title and subtitle band, legend box, scale bar, north
// arrow and sources line, as drawing operations in output pixels. Everything scales with the image, so the 1×
// screen size, 2× and A4 at 300 DPI (3508 × 2480) have the same composition. `measure` gives a text's width at
// a font size (a 2D canvas's measureText in the browser; an estimate in tests).

export type Op =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string; stroke?: string; lineWidth?: number }
  | { kind: 'text'; x: number; y: number; text: string; size: number; bold?: boolean; colour: string; align?: 'left' | 'center' | 'right' }
  | { kind: 'circle'; x: number; y: number; r: number; fill: string; stroke: string; lineWidth: number }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; colour: string; width: number }
  | { kind: 'north'; x: number; y: number; size: number };

export interface LegendEntry {
  label: string;
  colour: string;
  /** The count of places shown, already formatted. */
  count?: string;
  /** A line symbol (a border) instead of a dot; its width in screen px. */
  line?: number;
  /** A ring (the support settlement's mark). */
  ring?: boolean;
}

export interface PosterInput {
  width: number;
  height: number;
  title: string;
  subtitle: string;
  legendTitle: string;
  legend: LegendEntry[];
  /** Metres per output pixel at the map's centre (the scale bar). */
  metresPerPixel: number;
  /** The scale bar's unit label ("км" / "km"). */
  km: string;
  sources: string;
  north: string;
}

export type Measure = (text: string, size: number, bold?: boolean) => number;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A distance for the scale bar: 1, 2 or 5 × 10ⁿ km, the largest not longer than `maxKm`. */
export function niceKm(maxKm: number): number {
  if (!(maxKm > 0)) return 0;
  const p = 10 ** Math.floor(Math.log10(maxKm));
  for (const m of [5, 2, 1]) if (m * p <= maxKm) return m * p;
  return p;
}

export function posterLayout(input: PosterInput, measure: Measure): { ops: Op[]; legend: Box; title: Box; scale: Box; north: Box } {
  const { width: W, height: H } = input;
  // one unit: 1 px on a 1000-px-wide image, so a slide and an A4 print look alike
  const u = Math.max(0.5, Math.min(W, H * 1.414) / 1000);
  const pad = 16 * u;
  const ops: Op[] = [];

  // title band
  const titleSize = 26 * u, subSize = 15 * u;
  const titleH = pad + titleSize * 1.2 + (input.subtitle ? subSize * 1.4 : 0) + pad * 0.6;
  const title: Box = { x: 0, y: 0, w: W, h: titleH };
  ops.push({ kind: 'rect', ...title, fill: 'rgba(255,255,255,0.92)' });
  ops.push({ kind: 'line', x1: 0, y1: titleH, x2: W, y2: titleH, colour: '#c9ccd6', width: Math.max(1, u) });
  ops.push({ kind: 'text', x: pad, y: pad + titleSize, text: input.title, size: titleSize, bold: true, colour: '#1b1f2a' });
  if (input.subtitle) ops.push({ kind: 'text', x: pad, y: pad + titleSize * 1.2 + subSize * 1.2, text: input.subtitle, size: subSize, colour: '#44495a' });

  // legend box, top right under the title band
  const size = 13 * u, rowH = size * 1.55, sym = 12 * u;
  const headSize = 14 * u;
  const labelW = Math.max(measure(input.legendTitle, headSize, true), ...input.legend.map((e) => measure(e.label, size) + (e.count ? measure(e.count, size) + 14 * u : 0)));
  const lw = Math.min(W * 0.45, labelW + sym + 3 * pad * 0.75);
  const lh = pad * 0.75 * 2 + headSize * 1.5 + input.legend.length * rowH;
  const legend: Box = { x: W - pad - lw, y: titleH + pad, w: lw, h: lh };
  ops.push({ kind: 'rect', ...legend, fill: 'rgba(255,255,255,0.94)', stroke: '#9aa0b0', lineWidth: Math.max(1, u) });
  const lx = legend.x + pad * 0.75;
  let ly = legend.y + pad * 0.75 + headSize;
  ops.push({ kind: 'text', x: lx, y: ly, text: input.legendTitle, size: headSize, bold: true, colour: '#1b1f2a' });
  ly += headSize * 0.5;
  for (const e of input.legend) {
    const cy = ly + rowH / 2;
    if (e.line) ops.push({ kind: 'line', x1: lx, y1: cy, x2: lx + sym * 1.6, y2: cy, colour: e.colour, width: e.line * u });
    else if (e.ring) ops.push({ kind: 'circle', x: lx + sym / 2, y: cy, r: sym * 0.4, fill: '#ffffff', stroke: e.colour, lineWidth: 2.5 * u });
    else ops.push({ kind: 'circle', x: lx + sym / 2, y: cy, r: sym / 2, fill: e.colour, stroke: '#5a5a5a', lineWidth: Math.max(1, u) });
    const tx = lx + (e.line ? sym * 1.6 : sym) + 8 * u;
    ops.push({ kind: 'text', x: tx, y: cy + size * 0.35, text: e.label, size, colour: '#1b1f2a' });
    if (e.count) ops.push({ kind: 'text', x: legend.x + lw - pad * 0.75, y: cy + size * 0.35, text: e.count, size, colour: '#44495a', align: 'right' });
    ly += rowH;
  }

  // sources line along the bottom
  const srcSize = 10 * u;
  const srcH = srcSize * 2;
  ops.push({ kind: 'rect', x: 0, y: H - srcH, w: W, h: srcH, fill: 'rgba(255,255,255,0.85)' });
  ops.push({ kind: 'text', x: pad, y: H - srcH / 2 + srcSize * 0.35, text: input.sources, size: srcSize, colour: '#44495a' });

  // scale bar, bottom left above the sources line
  const maxKm = (W * 0.2 * input.metresPerPixel) / 1000;
  const km = niceKm(maxKm);
  const barW = (km * 1000) / input.metresPerPixel;
  const sy = H - srcH - pad - 6 * u;
  const scale: Box = { x: pad - 6 * u, y: sy - 24 * u, w: barW + 12 * u, h: 36 * u };
  ops.push({ kind: 'rect', ...scale, fill: 'rgba(255,255,255,0.9)' });
  ops.push({ kind: 'rect', x: pad, y: sy, w: barW / 2, h: 6 * u, fill: '#1b1f2a' });
  ops.push({ kind: 'rect', x: pad + barW / 2, y: sy, w: barW / 2, h: 6 * u, fill: '#ffffff', stroke: '#1b1f2a', lineWidth: Math.max(1, u) });
  ops.push({ kind: 'text', x: pad, y: sy - 6 * u, text: '0', size: 11 * u, colour: '#1b1f2a' });
  ops.push({ kind: 'text', x: pad + barW, y: sy - 6 * u, text: `${km} ${input.km}`, size: 11 * u, colour: '#1b1f2a', align: 'right' });

  // north arrow, bottom right above the sources line
  const ns = 40 * u;
  const north: Box = { x: W - pad - ns, y: H - srcH - pad - ns * 1.5, w: ns, h: ns * 1.5 };
  ops.push({ kind: 'rect', ...north, fill: 'rgba(255,255,255,0.9)' });
  ops.push({ kind: 'north', x: north.x + ns / 2, y: north.y + ns * 0.45, size: ns * 0.8 });
  ops.push({ kind: 'text', x: north.x + ns / 2, y: north.y + ns * 1.38, text: input.north, size: 13 * u, bold: true, colour: '#1b1f2a', align: 'center' });
  return { ops, legend, title, scale, north };
}

/** Draws the operations on a 2D context (over the map image). */
export function drawOps(ctx: CanvasRenderingContext2D, ops: Op[], font = '"Noto Sans", "DejaVu Sans", sans-serif') {
  for (const op of ops) {
    if (op.kind === 'rect') {
      ctx.fillStyle = op.fill;
      ctx.fillRect(op.x, op.y, op.w, op.h);
      if (op.stroke) {
        ctx.strokeStyle = op.stroke;
        ctx.lineWidth = op.lineWidth ?? 1;
        ctx.strokeRect(op.x, op.y, op.w, op.h);
      }
    } else if (op.kind === 'text') {
      ctx.fillStyle = op.colour;
      ctx.font = `${op.bold ? 'bold ' : ''}${op.size}px ${font}`;
      ctx.textAlign = op.align ?? 'left';
      ctx.textBaseline = 'alphabetic';
      ctx.fillText(op.text, op.x, op.y);
    } else if (op.kind === 'circle') {
      ctx.beginPath();
      ctx.arc(op.x, op.y, op.r, 0, Math.PI * 2);
      ctx.fillStyle = op.fill;
      ctx.fill();
      ctx.strokeStyle = op.stroke;
      ctx.lineWidth = op.lineWidth;
      ctx.stroke();
    } else if (op.kind === 'line') {
      ctx.beginPath();
      ctx.moveTo(op.x1, op.y1);
      ctx.lineTo(op.x2, op.y2);
      ctx.strokeStyle = op.colour;
      ctx.lineWidth = op.width;
      ctx.lineCap = 'round';
      ctx.stroke();
    } else {
      const s = op.size;
      ctx.beginPath();
      ctx.moveTo(op.x, op.y - s / 2);
      ctx.lineTo(op.x + s * 0.3, op.y + s / 2);
      ctx.lineTo(op.x, op.y + s * 0.3);
      ctx.closePath();
      ctx.fillStyle = '#1b1f2a';
      ctx.fill();
      ctx.beginPath();
      ctx.moveTo(op.x, op.y - s / 2);
      ctx.lineTo(op.x - s * 0.3, op.y + s / 2);
      ctx.lineTo(op.x, op.y + s * 0.3);
      ctx.closePath();
      ctx.fillStyle = '#ffffff';
      ctx.fill();
      ctx.strokeStyle = '#1b1f2a';
      ctx.lineWidth = Math.max(1, s / 30);
      ctx.stroke();
    }
  }
}
