// Real-browser harness: builds the production app with Vite, serves it with `vite preview` on a free port,
// and drives Debian's Chromium through playwright-core (SwiftShader for WebGL). No browser is downloaded;
// a missing /usr/bin/chromium fails the suite with a clear message rather than skipping it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve('test/e2e/screenshots');

export const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

export interface Harness {
  origin: string;
  context: BrowserContext;
  server: PreviewServer;
  close(): Promise<void>;
}

let built = false;

export async function startHarness(): Promise<Harness> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it: apt-get install -y chromium (or set CHROMIUM_PATH). Browser tests are never skipped.`);
  if (!built) {
    await build({ logLevel: 'warn', build: { outDir: 'dist' } });
    built = true;
  }
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const origin = new URL(server.resolvedUrls!.local[0]).origin;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'auyl-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 800 } });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    origin,
    context,
    server,
    async close() {
      await context.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
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
