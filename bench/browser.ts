// The browser part of `npm run bench`: first view of the built app, i.e. navigation start -> `window.__auyl.ready`
// (the map's first idle with the embedded data, labels included), median of 5 page loads, each in a fresh browser
// context (empty HTTP cache), served by `vite preview`. Beside it, measured in the same run and the same way, the
// floor: an empty MapLibre map with one background layer (bench/floor). Loads of the two pages alternate so that
// machine noise hits both alike; one unmeasured warm-up load of each comes first.
//
// The time is taken inside the page: an init script wraps `window.__auyl` so that setting `ready` records
// `performance.now()` (milliseconds since navigation start). Nothing is asserted: timings depend on the machine.
// BENCH_TRACE=1 also prints each load's performance marks and resource timings on stderr.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROMIUM } from '../test/e2e/browser.ts';
import { launchBrowser, serve, VIEWPORT } from './support/page.ts';

const RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 5);
const TRACE = Boolean(process.env.BENCH_TRACE);
const log = (...a: unknown[]) => console.error(...a);
const line = (o: Record<string, unknown>) => console.log(JSON.stringify(o));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number) => Math.round(x);

/** Records when the page's test hook turns ready, whichever way the page sets it. */
const HOOK_TRAP = `(() => {
  let hook;
  const stamp = () => { if (window.__auylReadyAt === undefined) window.__auylReadyAt = performance.now(); };
  Object.defineProperty(window, '__auyl', {
    configurable: true,
    get: () => hook,
    set(v) {
      hook = v;
      if (!v || typeof v !== 'object') return;
      let ready = v.ready;
      if (ready) stamp();
      Object.defineProperty(v, 'ready', { configurable: true, enumerable: true, get: () => ready, set(x) { ready = x; if (x) stamp(); } });
      if (window.__auylTrace && v.map) window.__auylTrace(v.map);
    },
  });
})();`;

/** BENCH_TRACE: the map's own events, font loads and long tasks as performance marks. */
const TRACE_SCRIPT = `(() => {
  const mark = (n) => performance.mark(n);
  const seen = new Set();
  const once = (n) => { if (!seen.has(n)) { seen.add(n); mark(n); } };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) mark('longtask ' + Math.round(e.startTime) + '+' + Math.round(e.duration)); }).observe({ type: 'longtask', buffered: true });
  document.fonts.addEventListener('loadingdone', (e) => mark('fonts loadingdone ' + e.fontfaces.map((f) => f.family + ' ' + f.unicodeRange.slice(0, 12)).join('; ')));
  window.__auylTrace = (map) => {
    mark('map created');
    let renders = 0;
    let tiles = 0;
    map.on('styledata', () => once('map styledata'));
    map.on('load', () => mark('map load'));
    map.on('sourcedata', (e) => {
      if (e.tile) mark('tile ' + e.sourceId + ' ' + e.tile.tileID.canonical.z + '/' + e.tile.tileID.canonical.x + '/' + e.tile.tileID.canonical.y + ' #' + ++tiles);
      else if (e.isSourceLoaded && e.sourceId) once('source loaded ' + e.sourceId + (e.sourceDataType || ''));
    });
    map.on('render', () => { renders++; mark('render ' + renders); });
    map.on('idle', () => mark('map idle (renders ' + renders + ')'));
  };
})();`;

interface Load { ms: number; marks: Record<string, number>; resources: { name: string; start: number; end: number }[] }

async function load(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    if (TRACE) await context.addInitScript(TRACE_SCRIPT);
    await context.addInitScript(HOOK_TRAP);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __auylReadyAt?: number }).__auylReadyAt !== undefined, null, { timeout: 60_000, polling: 50 });
    return await page.evaluate(() => ({
      ms: (window as unknown as { __auylReadyAt: number }).__auylReadyAt,
      marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])),
      resources: performance.getEntriesByType('resource').map((r) => ({ name: r.name.replace(location.origin, ''), start: Math.round(r.startTime), end: Math.round((r as PerformanceResourceTiming).responseEnd) })),
    }));
  } finally {
    await context.close();
  }
}

export async function runBrowserBench(): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
  const cacheDir = path.resolve('node_modules/.cache/auyl-bench');
  log('first view: building the app and the empty-map floor…');
  const app = await serve({ root: process.cwd(), outDir: path.join(cacheDir, 'app'), base: './' });
  const floor = await serve({ root: path.resolve('bench/floor'), outDir: path.join(cacheDir, 'floor'), configFile: false, base: './' });
  const browser = await launchBrowser();
  const appMs: number[] = [];
  const floorMs: number[] = [];
  try {
    await load(browser, `${app.origin}/`);
    await load(browser, `${floor.origin}/`);
    for (let i = 0; i < RUNS; i++) {
      const a = await load(browser, `${app.origin}/`);
      const f = await load(browser, `${floor.origin}/`);
      appMs.push(a.ms);
      floorMs.push(f.ms);
      log(`  load ${i + 1}: app ${round(a.ms)} ms, floor ${round(f.ms)} ms`);
      if (TRACE) {
        for (const [name, t] of Object.entries(a.marks).sort((x, y) => x[1] - y[1])) log(`    ${String(t).padStart(5)}  ${name}`);
        for (const r of a.resources) log(`    ${String(r.start).padStart(5)}–${String(r.end).padEnd(5)} ${r.name}`);
      }
    }
  } finally {
    await browser.close();
    for (const s of [app, floor]) await s.close();
  }
  const a = median(appMs);
  const f = median(floorMs);
  line({ bench: 'empty_map', runs: RUNS, ms_median: round(f), ms: floorMs.map(round) });
  // load_avg: the 1-minute load average at the end, to tell a busy machine's figures apart.
  line({ bench: 'first_view', runs: RUNS, ms_median: round(a), ms: appMs.map(round), floor_ms_median: round(f), ratio: Math.round((a / f) * 100) / 100, load_avg: Math.round(os.loadavg()[0] * 10) / 10 });
}

if (import.meta.url === `file://${process.argv[1]}`) await runBrowserBench();
