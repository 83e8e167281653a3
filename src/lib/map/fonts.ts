// Label fonts bundled with the app (no glyph server): Noto Sans 400 from @fontsource, registered once with the CSS
// Font Loading API under a family of our own, and drawn by MapLibre's local glyph rasterizer (TinySDF) from that
// family. One request per file: the style declares no `font-faces` (MapLibre would download each file a second time
// itself), and the files are the very ones the UI's stylesheet uses, so the browser's cache serves both.
// Kazakh letters ә ғ қ ң ө ұ ү һ live in Cyrillic-ext (і, ұ in Cyrillic); kk/ru labels need Latin (digits,
// punctuation), Cyrillic and Cyrillic-ext, which are loaded before the first labels are laid out. Latin-ext (English
// names with diacritics) is registered and fetched too, but nothing waits for it.
import latin from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExt from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import cyrillic from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2?url';
import cyrillicExt from '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-400-normal.woff2?url';

/** The CSS family labels are drawn with; also the style's `text-font` (a local font for MapLibre). */
export const LABEL_FONT = 'Auyl Label Noto Sans';

interface Face { url: string; unicodeRange: string; firstView: boolean }

const FACES: Face[] = [
  { url: latin, firstView: true, unicodeRange: 'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+2000-206F, U+20AC, U+2122, U+2212, U+FEFF, U+FFFD' },
  { url: cyrillic, firstView: true, unicodeRange: 'U+0301, U+0400-045F, U+0490-0491, U+04B0-04B1, U+2116' },
  { url: cyrillicExt, firstView: true, unicodeRange: 'U+0460-052F, U+1C80-1C8A, U+20B4, U+2DE0-2DFF, U+A640-A69F, U+FE2E-FE2F' },
  { url: latinExt, firstView: false, unicodeRange: 'U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+1E00-1E9F, U+20A0-20AB, U+20AD-20C0' },
];

let loading: Promise<void> | null = null;

/**
 * Registers the label faces in `document.fonts` and starts every download; resolves once the faces the first view
 * needs (Latin, Cyrillic, Cyrillic-ext) are ready to draw with. Idempotent. A face that fails to load is reported
 * on the console and labels fall back to the browser's sans-serif rather than never appearing.
 */
export function loadLabelFonts(base: string = document.baseURI): Promise<void> {
  if (loading) return loading;
  const waits: Promise<unknown>[] = [];
  for (const f of FACES) {
    const face = new FontFace(LABEL_FONT, `url(${JSON.stringify(new URL(f.url, base).href)}) format("woff2")`, { weight: '400', style: 'normal', unicodeRange: f.unicodeRange, display: 'block' });
    document.fonts.add(face);
    const loaded = face.load().catch((e: Error) => console.warn(`label font ${f.url}: ${e.message}`));
    if (f.firstView) waits.push(loaded);
  }
  loading = Promise.all(waits).then(() => void performance.mark('auyl:fonts'));
  return loading;
}
