// Map images at a requested pixel size: the map's own container is given the output's aspect for a moment and
// MapLibre renders at the pixel ratio that makes its canvas the requested size (labels and symbols grow with it,
// so an A4 print reads like the screen), then the legend, title, scale bar, north arrow and sources are drawn
// over it on a 2D canvas (posterLayout). preserveDrawingBuffer keeps the frame readable after idle.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { drawOps, posterLayout, type PosterInput } from './poster.ts';

import { PNG_DPI, withDpi } from './png-dpi.ts';

export type PngSize = 'x1' | 'x2' | 'a4';
/** A4 landscape at 300 DPI: 297 × 210 mm. */
export const A4_300DPI = { width: 3508, height: 2480 } as const;

export function pixelSize(size: PngSize, cssW: number, cssH: number): { width: number; height: number } {
  if (size === 'a4') return { ...A4_300DPI };
  const k = size === 'x2' ? 2 : 1;
  return { width: Math.round(cssW * k), height: Math.round(cssH * k) };
}

const EARTH_CIRCUMFERENCE = 40075016.686;

/** Metres per CSS pixel at the map's centre (512-px tiles). */
export function metresPerCssPixel(lat: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

const idle = (map: MapLibreMap) =>
  new Promise<void>((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });

/** Renders the map at width × height pixels (same centre and zoom) and returns a 2D canvas with the frame. */
export async function renderMap(map: MapLibreMap, width: number, height: number): Promise<{ canvas: HTMLCanvasElement; metresPerPixel: number }> {
  const container = map.getContainer();
  const cssW = container.clientWidth;
  const pr = width / cssW;
  const cssH = Math.round(height / pr);
  const saved = container.getAttribute('style');
  try {
    container.style.right = 'auto';
    container.style.bottom = 'auto';
    container.style.width = `${cssW}px`;
    container.style.height = `${cssH}px`;
    map.setPixelRatio(pr);
    map.resize();
    await idle(map);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(map.getCanvas(), 0, 0, width, height);
    const c = map.getCenter();
    return { canvas, metresPerPixel: metresPerCssPixel(c.lat, map.getZoom()) / pr };
  } finally {
    if (saved === null) container.removeAttribute('style');
    else container.setAttribute('style', saved);
    // null: back to following devicePixelRatio (as first-view.ts does)
    map.setPixelRatio(null as unknown as number);
    map.resize();
    map.triggerRepaint();
  }
}

export type PosterText = Omit<PosterInput, 'width' | 'height' | 'metresPerPixel'>;

/** The map with its legend, title, scale, north arrow and sources drawn in, as a canvas of the requested size. */
export async function renderPoster(map: MapLibreMap, size: PngSize | { width: number; height: number }, text: PosterText): Promise<HTMLCanvasElement> {
  const c = map.getContainer();
  const { width, height } = typeof size === 'string' ? pixelSize(size, c.clientWidth, c.clientHeight) : size;
  const { canvas, metresPerPixel } = await renderMap(map, width, height);
  const ctx = canvas.getContext('2d')!;
  await document.fonts?.ready;
  const font = '"Noto Sans", "DejaVu Sans", sans-serif';
  const measure = (s: string, px: number, bold?: boolean) => {
    ctx.font = `${bold ? 'bold ' : ''}${px}px ${font}`;
    return ctx.measureText(s).width;
  };
  drawOps(ctx, posterLayout({ ...text, width, height, metresPerPixel }, measure).ops, font);
  return canvas;
}

export const canvasBlob = (canvas: HTMLCanvasElement, type = 'image/png') =>
  new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas.toBlob failed'))), type));

/** The poster as PNG bytes carrying its resolution (pHYs): A4 300 DPI, 2× 144 DPI; 1× as the canvas wrote it. */
export async function posterPng(canvas: HTMLCanvasElement, size: PngSize): Promise<Uint8Array> {
  const bytes = new Uint8Array(await (await canvasBlob(canvas)).arrayBuffer());
  return size === 'x1' ? bytes : withDpi(bytes, PNG_DPI[size]);
}

/** Starts a download of bytes or a blob (a Blob URL; nothing leaves the page). */
export function download(name: string, data: Blob | Uint8Array, mime = 'application/octet-stream') {
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
