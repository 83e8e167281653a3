import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/** jsPDF's "pdfobjectnewwindow" output falls back to pdfobject from cdnjs. The app never uses that output mode, and
 *  nothing may leave the page's origin: the default URL is removed from the bundle (a caller would have to pass
 *  its own `pdfObjectUrl`). */
function noCdnDefaults(): Plugin {
  const CDN_DEFAULT = 'https://cdnjs.cloudflare.com/ajax/libs/pdfobject/2.1.1/pdfobject.min.js';
  return {
    name: 'auyl-no-cdn-defaults',
    transform(code, id) {
      if (!id.includes('/node_modules/jspdf/') || !code.includes(CDN_DEFAULT)) return null;
      return { code: code.replaceAll(CDN_DEFAULT, ''), map: null };
    },
  };
}

// base './': the built app works from any folder of an intranet server, or opened from a local static server.
export default defineConfig({
  base: './',
  plugins: [svelte(), noCdnDefaults()],
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, assetsInlineLimit: 0 },
  worker: { format: 'es' },
});
