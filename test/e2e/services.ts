// What every browser test needs once: the production app built with Vite and served from dist/ on a free port, and
// Debian's Chromium (SwiftShader for WebGL) started as a playwright server that test files connect to. The e2e
// project starts these once for all its files (test/e2e/global-setup.ts); a script outside Vitest (the benches)
// starts its own through `startHarness`. No browser is downloaded; a missing Chromium fails with a clear message.
// No Vitest import here (the global setup runs in Vitest's main process), and Vite is loaded only to build and
// serve, so that a test file that imports the constants does not load it.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

export const VIEWPORT = { width: 1280, height: 800 };

/** Where the app is served and where Chromium listens: what a test file needs to open pages. */
export interface Endpoints {
  origin: string;
  wsEndpoint: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by test/e2e/global-setup.ts for the e2e project: `inject('e2e')` in the test files. */
    e2e: Endpoints;
  }
}

export interface Services extends Endpoints {
  close(): Promise<void>;
}

/** Throws the message the suite fails with when Chromium is missing (browser tests are never skipped). */
export function requireChromium(): void {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it: apt-get install -y chromium (or set CHROMIUM_PATH). Browser tests are never skipped.`);
}

/** Builds the app into dist/, serves it on 127.0.0.1 (a free port) and launches Chromium as a server. */
export async function startServices(): Promise<Services> {
  requireChromium();
  const { build, preview } = await import('vite');
  await build({ logLevel: 'warn', build: { outDir: 'dist' } });
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const origin = new URL(server.resolvedUrls!.local[0]).origin;
  const browser = await chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: ARGS });
  return {
    origin,
    wsEndpoint: browser.wsEndpoint(),
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    },
  };
}
