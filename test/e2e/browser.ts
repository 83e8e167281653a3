// Real-browser harness: the production app (built with Vite, served from dist/) in Debian's Chromium, driven by
// playwright-core (SwiftShader for WebGL). In the e2e project the build, the server and the browser are started once
// for all files (test/e2e/global-setup.ts) and each file connects and opens its own fresh context; outside Vitest
// (the benches) `startHarness` starts its own. A missing /usr/bin/chromium fails with a clear message, never skips.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import { ARGS, CHROMIUM, VIEWPORT, requireChromium, startServices, type Endpoints } from './services.ts';

export { ARGS, CHROMIUM, VIEWPORT };
export const SCREENSHOTS = path.resolve('test/e2e/screenshots');

export interface Harness {
  origin: string;
  /** This harness's own browser context: storage (IndexedDB, localStorage) starts empty and is kept across reloads
   *  and pages of the context until `close`. */
  context: BrowserContext;
  close(): Promise<void>;
}

/** The shared app and browser of the e2e project, when running in it. */
function shared(): Endpoints | undefined {
  return process.env.VITEST ? inject('e2e') : undefined;
}

export async function startHarness(): Promise<Harness> {
  requireChromium();
  const endpoints = shared();
  // outside the e2e project: build, serve and launch for this harness alone
  const own = endpoints ? undefined : await startServices();
  const { origin, wsEndpoint } = endpoints ?? own!;
  let browser: Browser | undefined;
  try {
    browser = await chromium.connect(wsEndpoint);
    const context = await browser.newContext({ viewport: VIEWPORT });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    return {
      origin,
      context,
      async close() {
        await context.close();
        await browser!.close(); // disconnects; the shared browser keeps running for the next file
        await own?.close();
      },
    };
  } catch (e) {
    await browser?.close();
    await own?.close();
    throw e;
  }
}

/** The bytes of a finished download. (`download.path()` is not available: the browser is a shared playwright server
 *  that the files connect to, so a download is streamed back instead of read from the browser's disk.) */
export async function downloadBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Console messages that are driver noise under SwiftShader, not app errors. */
export const isNoise = (text: string) => /GPU stall due to ReadPixels|favicon\.ico|dbus|Vulkan|WebGL.*performance|Automatic fallback to software WebGL/i.test(text);

export async function openApp(h: Harness, query = ''): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await h.context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' && !isNoise(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${h.origin}/${query}`);
  await page.waitForFunction(() => (window as unknown as { __auyl?: { ready: boolean } }).__auyl?.ready === true, null, { timeout: 60_000 });
  return { page, requests, errors };
}

export type OpenApp = { h: Harness } & Awaited<ReturnType<typeof openApp>>;

/** One app for a whole test file: the harness started and the app opened before all its tests (then `opened` takes
 *  what the file uses, and may prepare the page), the harness closed after them. */
export function openAppForFile(opened: (app: OpenApp) => unknown, query = ''): void {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness();
    await opened({ h, ...(await openApp(h, query)) });
  });
  afterAll(async () => {
    await h?.close();
  });
}

/** Waits for the map's next idle after a fresh frame (idle alone may have fired already). */
export const mapIdle = (p: Page) =>
  p.evaluate(() => new Promise<void>((resolve) => {
    const { map } = (window as any).__auyl;
    map.once('idle', () => resolve());
    map.triggerRepaint();
  }));

/** Runs `change` and waits for the worker's next results to be applied (the hook's count goes up), by default also
 *  for the map to be idle; `notBusy`: and for the app to be done (no job left). */
export async function settled(p: Page, change: () => Promise<unknown>, opts: { timeout?: number; notBusy?: boolean; idle?: boolean } = {}) {
  const { timeout = 30_000, notBusy = false, idle = true } = opts;
  const before = await p.evaluate(() => (window as any).__auyl.count);
  await change();
  if (notBusy) await p.waitForFunction((n) => (window as any).__auyl.count > n && !(window as any).__auyl.atlas.busy, before, { timeout });
  else await p.waitForFunction((n) => (window as any).__auyl.count > n, before, { timeout });
  if (idle) await mapIdle(p);
}

/** Imports a file through the file picker (found by its accessible name, in any UI language) and waits for the
 *  import to finish (with `expectNew`, for the new data's results first) and the map idle. */
export async function importFile(p: Page, file: { name: string; mimeType: string; buffer: Buffer }, opts: { timeout: number; polling?: number; expectNew?: boolean }) {
  const before = await p.evaluate(() => (window as any).__auyl.count);
  await p.getByLabel(/Файлды жүктеу|Import a file|Загрузить файл/).setInputFiles(file);
  if (opts.expectNew ?? true) await p.waitForFunction((n) => (window as any).__auyl.count > n, before, { timeout: opts.timeout, polling: opts.polling });
  await p.waitForFunction(() => !document.querySelector('[data-testid=import-progress]') && !(window as any).__auyl.atlas.busy, null, { timeout: opts.timeout });
  await mapIdle(p);
}

/** Counts pixels of the map canvas within `tolerance` (per channel) of each #rrggbb colour, after a fresh render. */
export async function countMapColours(page: Page, colours: string[], tolerance = 20): Promise<number[]> {
  return page.evaluate(
    async ({ colours, tolerance }) => {
      const map = (window as unknown as { __auyl: { map: { getCanvas(): HTMLCanvasElement; triggerRepaint(): void; once(e: string, f: () => void): void } } }).__auyl.map;
      await new Promise<void>((resolve) => {
        map.once('render', () => resolve());
        map.triggerRepaint();
      });
      const src = map.getCanvas();
      const c = document.createElement('canvas');
      c.width = src.width;
      c.height = src.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(src, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      return colours.map((hex) => {
        const r = parseInt(hex.slice(1, 3), 16), g = parseInt(hex.slice(3, 5), 16), b = parseInt(hex.slice(5, 7), 16);
        let n = 0;
        for (let i = 0; i < data.length; i += 4)
          if (Math.abs(data[i] - r) <= tolerance && Math.abs(data[i + 1] - g) <= tolerance && Math.abs(data[i + 2] - b) <= tolerance) n++;
        return n;
      });
    },
    { colours, tolerance },
  );
}

/** Renders page 1 of a PDF in the browser with pdf.js (unpdf's build, served for this page only) and writes it as
 *  SCREENSHOTS/<file>, to look at. */
export async function screenshotPdf(page: Page, origin: string, pdf: Uint8Array, file: string, scale: number) {
  await page.route(`${origin}/__pdfjs.mjs`, (r) => r.fulfill({ contentType: 'text/javascript', body: fs.readFileSync('node_modules/unpdf/dist/pdfjs.mjs', 'utf8') }));
  await page.evaluate((b64) => ((window as any).__pdfB64 = b64), Buffer.from(pdf).toString('base64'));
  // a string, so that the test runner does not rewrite the page's dynamic import
  const dataUrl: string = await page.evaluate(`(async () => {
    const pdfjs = await import('/__pdfjs.mjs');
    const data = Uint8Array.from(atob(window.__pdfB64), (c) => c.charCodeAt(0));
    const doc = await pdfjs.getDocument({ data, isEvalSupported: false }).promise;
    const pg = await doc.getPage(1);
    const vp = pg.getViewport({ scale: ${scale} });
    const canvas = document.createElement('canvas');
    canvas.width = vp.width;
    canvas.height = vp.height;
    await pg.render({ canvasContext: canvas.getContext('2d'), canvas, viewport: vp }).promise;
    return canvas.toDataURL('image/png');
  })()`);
  fs.writeFileSync(path.join(SCREENSHOTS, file), Buffer.from(dataUrl.split(',')[1], 'base64'));
}
