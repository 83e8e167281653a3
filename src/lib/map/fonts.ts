// Label fonts bundled with the app (no glyph server): Noto Sans from @fontsource, Latin + Cyrillic +
// Cyrillic-ext (Kazakh letters ә ғ қ ң ө ұ ү һ і live in Cyrillic-ext and Cyrillic).
import latin from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExt from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import cyrillic from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2?url';
import cyrillicExt from '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-400-normal.woff2?url';

export const LABEL_FONT = 'Noto Sans Regular';

/** The style's `font-faces` entry; URLs made absolute against the page so they stay on its origin. */
export function fontFaces(base: string): Record<string, { url: string; 'unicode-range': string[] }[]> {
  const abs = (u: string) => new URL(u, base).href;
  return {
    [LABEL_FONT]: [
      { url: abs(latin), 'unicode-range': ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+2000-206F', 'U+20AC', 'U+2122', 'U+2212', 'U+FEFF', 'U+FFFD'] },
      { url: abs(latinExt), 'unicode-range': ['U+0100-02BA', 'U+02BD-02C5', 'U+02C7-02CC', 'U+02CE-02D7', 'U+02DD-02FF', 'U+1E00-1E9F', 'U+20A0-20AB', 'U+20AD-20C0'] },
      { url: abs(cyrillic), 'unicode-range': ['U+0301', 'U+0400-045F', 'U+0490-0491', 'U+04B0-04B1', 'U+2116'] },
      { url: abs(cyrillicExt), 'unicode-range': ['U+0460-052F', 'U+1C80-1C8A', 'U+20B4', 'U+2DE0-2DFF', 'U+A640-A69F', 'U+FE2E-FE2F'] },
    ],
  };
}
