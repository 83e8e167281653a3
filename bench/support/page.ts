// What the browser benches share: the app built and served by `vite preview`, Debian's Chromium launched as the
// e2e harness launches it, and the in-page timing helpers of the recolour and explorer benches (bench/ui.ts,
// bench/explore.ts). The figures each bench prints stay in that bench.
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type Page } from 'playwright-core';
import { ARGS, CHROMIUM, openApp, startHarness } from '../../test/e2e/browser.ts';

export const VIEWPORT = { width: 1280, height: 800 };
/** Chromium as the e2e harness runs it (SwiftShader WebGL, no sandbox), for `chromium.launch*`. */
export const LAUNCH = { executablePath: CHROMIUM, headless: true, args: ARGS };

export const launchBrowser = () => chromium.launch(LAUNCH);
export const launchPersistent = (userDataDir: string) => chromium.launchPersistentContext(userDataDir, { ...LAUNCH, viewport: VIEWPORT });

export interface Served { server: PreviewServer; origin: string; close(): Promise<void> }

/** Builds the app at `root` (default: this project, into dist/) and serves it on a free port. */
export async function serve(opts: { root?: string; outDir?: string; configFile?: false; base?: string } = {}): Promise<Served> {
  const { root, configFile, base, outDir = 'dist' } = opts;
  await build({ root, configFile, base, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({ root, configFile, base, build: { outDir }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  return {
    server,
    origin: new URL(server.resolvedUrls!.local[0]).origin,
    close: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())),
  };
}

/** The worker's answer as the page's test hook reports it (`__auyl.nextApplied()`). */
export interface Applied { at: number; workerMs: number; applyMs: number; changed: number }

/** The helpers `forEachAppPage` puts in the page: inside `page.evaluate`, `(window as unknown as BenchWindow).__bench`. */
export interface BenchHelpers {
  median(xs: number[]): number;
  /** When the map is next idle (performance.now()). */
  idle(): Promise<number>;
  /** A pause between measured runs, so that one run's tail does not fall into the next. */
  settle(): Promise<unknown>;
  /** The floor: a redraw that changes nothing (triggerRepaint → idle), in ms. */
  redraw(): Promise<number>;
  /** Runs `change`; times from its start to the worker's answer applied and to the map idle after it. */
  change(change: () => void): Promise<{ r: Applied; appliedMs: number; idleMs: number }>;
}
export type BenchWindow = { __bench: BenchHelpers };

function installBenchHelpers() {
  const hook = (window as unknown as { __auyl: any }).__auyl;
  const { map } = hook;
  const idle = () => new Promise<number>((resolve) => map.once('idle', () => resolve(performance.now())));
  const helpers: BenchHelpers = {
    idle,
    median: (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)],
    settle: () => new Promise((r) => setTimeout(r, 100)),
    async redraw() {
      const t0 = performance.now();
      const done = idle();
      map.triggerRepaint();
      return (await done) - t0;
    },
    async change(change) {
      const t0 = performance.now();
      const applied: Promise<Applied> = hook.nextApplied();
      change();
      const r = await applied;
      const done = idle();
      map.triggerRepaint(); // idle fires after the next frame even if the state change already drew one
      const idleAt = await done;
      return { r, appliedMs: r.at - t0, idleMs: idleAt - t0 };
    },
  };
  (window as unknown as BenchWindow).__bench = helpers;
}

/** Opens the built app once per item (`query(item)`: its URL query), with the bench helpers installed, and runs
 *  `measure` on it; page errors go to stderr. One browser for all. */
export async function forEachAppPage<T>(items: readonly T[], query: (item: T) => string, measure: (page: Page, item: T) => Promise<void>): Promise<void> {
  const h = await startHarness();
  try {
    for (const item of items) {
      const { page, errors } = await openApp(h, query(item));
      page.setDefaultTimeout(180_000);
      await page.evaluate('window.__name = (f) => f'); // tsx keeps function names with a helper the page lacks
      await page.evaluate(installBenchHelpers);
      await measure(page, item);
      if (errors.length) console.error('page errors:', errors);
      await page.close();
    }
  } finally {
    await h.close();
  }
}
