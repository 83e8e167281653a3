// The first view: everything between navigation and the map's first idle with data and labels. Measured with
// `npm run bench` (first_view); under software WebGL (SwiftShader) each frame costs ~100–200 ms, so the first view
// is fast when the map draws as few frames as possible and nothing else competes for the two cores:
//
// - Work starts when this module is evaluated, before Svelte mounts: the MapLibre worker (prewarm), the six
//   FlatGeobuf files (preloaded from index.html, decoded here) and the label fonts (FontFace API, one request each).
// - The map is created without a style, so it draws nothing, and gets its whole style, data inline, once data and
//   fonts are in: every source is laid out in one pass and the glyphs are drawn from fonts already loaded.
//   Before that first idle MapLibre places labels without fading them in, so no fade frames either.
// - The caller starts other heavy work (the geospatial worker) only after `idle`.
import { Map as MapLibreMap, prewarm, setWorkerUrl, type MapOptions, type StyleSpecification } from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { loadEmbedded, type EmbeddedData } from '../ui/embedded-data.ts';
import { loadLabelFonts } from './fonts.ts';
import { buildStyle, type ColourMode, type LabelLang } from './style.ts';

setWorkerUrl(maplibreWorkerUrl);
prewarm();
const data = loadEmbedded();
const fonts = loadLabelFonts();

export interface FirstView {
  map: MapLibreMap;
  /** The embedded dataset, once it is in the map's sources. */
  data: Promise<EmbeddedData>;
  /** The map's first idle with the data and labels drawn. */
  idle: Promise<EmbeddedData>;
}

export interface FirstViewOptions extends Omit<MapOptions, 'container' | 'style'> {
  /** Changes the style built by buildStyle (data already inline) before the map gets it. */
  editStyle?: (style: StyleSpecification) => StyleSpecification;
}

/**
 * Creates the map in `container`; `options` are passed to MapLibre (no `style`: this module sets it). `settings` is
 * read when the data is in, so a colour mode or language chosen in the meantime is the one the style starts with.
 */
export function startFirstView(container: HTMLElement, settings: () => { mode: ColourMode; lang: LabelLang }, { editStyle, ...options }: FirstViewOptions = {}): FirstView {
  performance.mark('auyl:map');
  const map = new MapLibreMap({ ...options, container });
  const loaded = Promise.all([data, fonts]).then(([d]) => {
    performance.mark('auyl:data+fonts');
    const { mode, lang } = settings();
    map.setStyle((editStyle ?? ((s) => s))(buildStyle(document.baseURI, mode, lang, d.layers)));
    performance.mark('auyl:style set');
    return d;
  });
  const idle = loaded.then((d) => new Promise<EmbeddedData>((resolve) => map.once('idle', () => {
    performance.mark('auyl:idle');
    resolve(d);
  })));
  return { map, data: loaded, idle };
}
