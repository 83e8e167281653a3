// The first view: everything between navigation and the map's first idle with data and labels. Measured with
// `npm run bench` (first_view); under software WebGL (SwiftShader) each frame costs ~100–200 ms, so the first view
// is fast when the map draws as few frames as possible and nothing else competes for the two cores:
//
// - Work starts when this module is evaluated, before Svelte mounts: the MapLibre worker (prewarm), the seven
//   FlatGeobuf files (preloaded from index.html, decoded here) and the label fonts (FontFace API, one request each).
// - The map is created without a style, so it draws nothing, and gets its whole style, data inline, once data and
//   fonts are in: every source is laid out in one pass and the glyphs are drawn from fonts already loaded.
//   Before that first idle MapLibre places labels without fading them in, so no fade frames either.
// - Until then it draws at a quarter of the resolution (LOADING_PIXEL_RATIO), then once in full: `idle` is the
//   idle after that full-resolution frame.
// - The caller starts other heavy work (the geospatial worker) only after `idle`.
import { Map as MapLibreMap, prewarm, setWorkerUrl, type MapOptions } from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { loadEmbedded, type EmbeddedData } from '../io/embedded-data.ts';
import { loadLabelFonts } from './fonts.ts';
import { buildStyle, type LabelLang } from './style.ts';

setWorkerUrl(maplibreWorkerUrl);
prewarm();
const data = loadEmbedded();
const fonts = loadLabelFonts();

/**
 * The canvas resolution while the sources load. MapLibre draws a frame each time tiles arrive, and under software
 * WebGL a frame costs per pixel (drawing, read-back for the compositor); at 1/4 resolution (1/16 of the pixels)
 * the 4–6 loading frames cost little and leave the CPU to MapLibre's worker. They show a soft preview of the map;
 * the first full-resolution frame follows the first idle. Measured in one run (7 loads each, busy 2-core machine):
 * 1.71 s to ready with it, 2.49 s without (the unchanged app: 3.76 s; empty map: 0.67 s).
 */
const LOADING_PIXEL_RATIO = 0.25;

export interface FirstView {
  map: MapLibreMap;
  /** The embedded dataset, once it is in the map's sources. */
  data: Promise<EmbeddedData>;
  /** The map's first idle with the data and labels drawn. */
  idle: Promise<EmbeddedData>;
}

export type FirstViewOptions = Omit<MapOptions, 'container' | 'style'>;

/**
 * Creates the map in `container`; `options` are passed to MapLibre (no `style`: this module sets it). `settings` is
 * read when the data is in, so a language chosen in the meantime is the one the labels start with.
 */
export function startFirstView(container: HTMLElement, settings: () => { lang: LabelLang }, options: FirstViewOptions = {}): FirstView {
  performance.mark('auyl:map');
  const map = new MapLibreMap({ ...options, container, pixelRatio: LOADING_PIXEL_RATIO });
  const loaded = Promise.all([data, fonts]).then(([d]) => {
    performance.mark('auyl:data+fonts');
    map.setStyle(buildStyle(settings().lang, d.layers));
    performance.mark('auyl:style set');
    return d;
  });
  const idleOnce = () => new Promise<void>((resolve) => map.once('idle', () => resolve()));
  const idle = loaded.then(async (d) => {
    await idleOnce();
    performance.mark('auyl:loaded');
    // null: back to following devicePixelRatio (MapLibre's documented reset; its type says number).
    map.setPixelRatio(options.pixelRatio ?? (null as unknown as number));
    await idleOnce();
    performance.mark('auyl:idle');
    return d;
  });
  return { map, data: loaded, idle };
}
