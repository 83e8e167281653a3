// `npm run bench:import`: in-app import of SYNTHETIC CSV registers in headless Chromium, through the file picker as
// a user would. A size is a row count (default 6,300 / 100,000 / 1,000,000: seeded, points inside Kazakhstan,
// population and two indicators) or `<N>mb` (e.g. `100mb`): a WIDE register of about N MB (every register column
// and the 2019 methodology's indicators, long kk/ru/en names) with 280,000 rows, drawn by the point layer
// (POINT_LAYER_MIN, 150,000) and well within MAX_IMPORT_ROWS (1,500,000, src/lib/worker/import-protocol.ts).
// One JSON line per size:
//   (a) worker_ms: time in the worker from the file to the assessed columns (read + check + assess, as the worker
//       reports it), peak_tab_rss_mb: the page's renderer process (main thread + workers) at its peak (ps RSS),
//       peak_gpu_rss_mb: the GPU process (SwiftShader's WebGL buffers), peak_main_heap_mb: the main thread's JS heap;
//   (b) to_idle_ms: from the file chosen to the map idle with the new data, beside floor_ms: the same points set
//       again on the map with no import (setData → idle, or for the point layer of very large registers its points
//       and classes set again → idle), measured in the same page and run;
//   (c) the page's responsiveness: a setTimeout ping every 50 ms, its largest delay beyond 50 ms while the worker
//       reads (ping_max_import_ms) and from the worker's reply (reply_seen_ms) to the map idle (ping_max_apply_ms).
// Sizes: BENCH_IMPORT_SIZES (default 6300,100000,1000000; e.g. `100mb`). Nothing is asserted.
// BENCH_IMPORT_TRACE=1 prints to stderr every 0.5 s memory, import phase and frame intervals, and at the end the
// main thread's long tasks and a timed log (setData, setPoints / setClasses, feature states, messages to workers,
// results applied, idle after N frames); BENCH_IMPORT_PROFILE=1 the main thread's CPU profile over the import.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchPersistent, serve } from './support/page.ts';

const SIZES = (process.env.BENCH_IMPORT_SIZES ?? '6300,100000,1000000').split(',').map((s) => s.trim()).filter((s) => /^\d+(mb)?$/i.test(s) && parseInt(s, 10) > 0);
const WIDE_ROWS = 280_000;
const TRACE = Boolean(process.env.BENCH_IMPORT_TRACE);
const line = (o: Record<string, unknown>) => console.log(JSON.stringify(o));

/** mulberry32 (exact 32-bit steps). The LCG used before multiplied past 2^53 in doubles and cycled: 1,000,000 rows
 *  had 11,538 distinct places. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function register(n: number, file: string) {
  const rnd = mulberry32(42);
  const out = fs.openSync(file, 'w');
  let buf = 'id,name_en,lat,lon,population,has_school,share_young_pct\n';
  for (let i = 0; i < n; i++) {
    buf += `S${i},Place ${i},${(46.5 + rnd() * 4.5).toFixed(5)},${(63 + rnd() * 14).toFixed(5)},${Math.floor(50 + rnd() * 5000)},${rnd() < 0.6 ? 1 : 0},${(rnd() * 40).toFixed(1)}\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(out, buf);
      buf = '';
    }
  }
  fs.writeSync(out, buf);
  fs.closeSync(out);
}

/** A wide register of about `mb` MB: all register columns and the 2019 indicators, long names, WIDE_ROWS rows. */
function wideRegister(mb: number, file: string): number {
  const rnd = mulberry32(7);
  const header = ['id', 'name_kk', 'name_ru', 'name_en', 'lat', 'lon', 'oblast', 'district', 'rural_district', 'is_district_centre', 'is_rural_district_centre', 'population',
    'share_young_pct', 'net_migration_per_1000', 'population_growth_pct', 'has_central_water', 'has_paved_road', 'has_school', 'has_kindergarten', 'has_medical_facility', 'has_internet',
    'employment_rate_pct', 'employment_growth_pct', 'livestock_units_per_household', 'arable_ha_per_capita', 'km_to_railway', 'arable_land_ha', 'pasture_ha', 'hayfield_ha',
    'agri_sme_active', 'non_agri_business', 'has_anchor_enterprise', 'hired_workers', 'km_to_market', 'has_farm_processing', 'household_output_sold_pct', 'has_mobile', 'km_to_highway', 'in_tourist_zone'];
  const perRow = Math.floor((mb * 2 ** 20) / WIDE_ROWS);
  const out = fs.openSync(file, 'w');
  let buf = header.join(',') + '\n';
  const bit = () => (rnd() < 0.6 ? 1 : 0);
  const num = (max: number, d = 1) => (rnd() * max).toFixed(d);
  for (let i = 0; i < WIDE_ROWS; i++) {
    const values = [
      `W${i}`, `Ауыл ${i} Жаңаарқа ауылдық округі`, `Село ${i} Жанааркинского сельского округа`, '', (46.5 + rnd() * 4.5).toFixed(5), (63 + rnd() * 14).toFixed(5),
      `Oblast ${i % 17}`, `District ${i % 170}`, `Rural district ${i % 2000}`, rnd() < 0.01 ? 'yes' : 'no', rnd() < 0.1 ? 'yes' : 'no', String(Math.floor(50 + rnd() * 5000)),
      num(40), num(40), num(20), bit(), bit(), bit(), bit(), bit(), bit(), num(100), num(20), num(10), num(5, 2), num(300), num(20000, 0), num(40000, 0), num(5000, 0),
      Math.floor(rnd() * 30), Math.floor(rnd() * 30), bit(), Math.floor(rnd() * 500), num(300), bit(), num(100), bit(), num(200), bit(),
    ].map(String);
    const len = Buffer.byteLength(values.join(',')) + 1; // bytes: the Cyrillic names take two each
    // the English name fills the row up to the size asked for (a long, plain-text name)
    values[3] = `Settlement ${i}` + ' of the steppe'.repeat(Math.max(0, Math.ceil((perRow - len - 12) / 14)));
    buf += values.join(',') + '\n';
    if (buf.length > 1 << 20) {
      fs.writeSync(out, buf);
      buf = '';
    }
  }
  fs.writeSync(out, buf);
  fs.closeSync(out);
  return WIDE_ROWS;
}

/** Peak RSS (MB) of the tab (the renderer process: main thread and workers) and of the GPU process (SwiftShader
 *  keeps WebGL buffers there), sampled from ps until stopped; BENCH_IMPORT_TRACE=1 prints the samples. */
function rssSampler(trace: (() => Promise<string>) | null) {
  let peak = 0, gpuPeak = 0;
  const t0 = Date.now();
  const of = (type: string) => {
    const out = execSync(`ps -eo rss=,args= | grep -- '--type=${type}' | grep -v grep || true`, { encoding: 'utf8' });
    return out.split('\n').filter(Boolean).map((l) => Number(l.trim().split(/\s+/)[0])).reduce((a, b) => Math.max(a, b), 0) / 1024;
  };
  const sample = async () => {
    try {
      const r = of('renderer'), g = of('gpu-process');
      peak = Math.max(peak, r);
      gpuPeak = Math.max(gpuPeak, g);
      if (trace) console.error(`${((Date.now() - t0) / 1000).toFixed(1)} s renderer ${Math.round(r)} MB gpu ${Math.round(g)} MB ${await trace().catch(() => '')}`);
    } catch {
      /* ps missing: no figure */
    }
  };
  const timer = setInterval(sample, trace ? 500 : 150);
  return { stop: async () => (clearInterval(timer), await sample(), { tab: Math.round(peak), gpu: Math.round(gpuPeak) }) };
}

/** Peak JS heap of the page's main thread (CDP Runtime.getHeapUsage), polled until stopped. */
async function heapSampler(page: import('playwright-core').Page) {
  const cdp = await page.context().newCDPSession(page);
  let peak = 0, stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const h = (await cdp.send('Runtime.getHeapUsage').catch(() => null)) as { usedSize: number } | null;
      if (h) peak = Math.max(peak, h.usedSize);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return { stop: async () => ((stopped = true), await loop, Math.round(peak / 2 ** 20)) };
}

// Page scripts are strings: tsx wraps named functions (`const tick = () => …`) in a `__name` helper the page lacks.
// Set up before the file is chosen: the start time, long tasks, the responsiveness ping.
const SETUP = `(() => {
  const w = window;
  document.querySelector('[data-testid=import-file]').addEventListener('change', () => (w.__benchT0 = performance.now()), { capture: true });
  // long tasks on the main thread (BENCH_IMPORT_TRACE prints them)
  w.__benchLong = [];
  new PerformanceObserver((l) => w.__benchLong.push(...l.getEntries().map((e) => [Math.round(e.startTime - (w.__benchT0 ?? 0)), Math.round(e.duration)]))).observe({ type: 'longtask' });
  // responsiveness: a setTimeout every 50 ms; its delay beyond 50 ms, split at the worker's reply (the job gone, a summary)
  const ping = (w.__benchPing = { maxImport: 0, maxApply: 0, n: 0, stop: false, replied: false, repliedAt: 0 });
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    const late = now - last - 50;
    if (w.__benchT0 !== undefined) {
      if (ping.replied) ping.maxApply = Math.max(ping.maxApply, late);
      else ping.maxImport = Math.max(ping.maxImport, late);
      ping.n++;
      if (!ping.replied && !w.__auyl.imports?.job && w.__auyl.imports?.summary) (ping.replied = true), (ping.repliedAt = now - w.__benchT0);
    }
    last = now;
    if (!ping.stop) setTimeout(tick, 50);
  };
  setTimeout(tick, 50);
})()`;

// BENCH_IMPORT_TRACE: frame intervals (read by the 0.5 s samples) and a timed log from the file chosen: the map
// source's setData, the point layer's setPoints / setClasses / reload, messages to workers, results applied, the
// dataset swapped, and each idle with the frames and feature states since the file.
const TRACE_SETUP = `(() => {
  const w = window, map = w.__auyl.map, on = () => w.__benchT0 !== undefined, t = () => Math.round(performance.now() - w.__benchT0);
  const log = (w.__benchTrace = []);
  w.__benchRenders = [];
  w.__benchFrames = 0;
  let last = performance.now();
  map.on('render', () => { const now = performance.now(); w.__benchRenders.push(Math.round(now - last)); last = now; if (on()) w.__benchFrames++; });
  const proto = Object.getPrototypeOf(map.getSource('settlements'));
  const setData = proto.setData;
  proto.setData = function (d) { if (on()) log.push([t(), 'setData ' + this.id + ' ' + (d && d.features ? d.features.length : '?')]); return setData.apply(this, arguments); };
  const pts = w.__auyl.points;
  if (pts) for (const k of ['setPoints', 'setClasses', 'reload']) {
    const f = pts[k];
    pts[k] = function () { if (on()) log.push([t(), k + (k === 'setPoints' ? ' ' + arguments[0].lon.length : '')]); return f.apply(this, arguments); };
  }
  const setFS = map.setFeatureState;
  let fs = 0, fsAt = 0;
  map.setFeatureState = function () { if (on()) { fs++; fsAt = t(); } return setFS.apply(this, arguments); };
  map.on('idle', () => { if (on()) log.push([t(), 'idle after ' + w.__benchFrames + ' frames, ' + fs + ' feature states (last at ' + fsAt + ')']); });
  let cur = w.__auyl.last;
  Object.defineProperty(w.__auyl, 'last', { configurable: true, get: () => cur, set: (x) => { cur = x; if (on()) log.push([t(), 'applied ' + x.stage + ', frames ' + w.__benchFrames]); } });
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (m) { if (on() && m && typeof m.type === 'string') log.push([t(), 'to worker: ' + m.type]); return post.apply(this, arguments); };
  let ds = w.__auyl.atlas.dataset;
  setInterval(() => { if (w.__auyl.atlas.dataset !== ds) { ds = w.__auyl.atlas.dataset; log.push([t(), 'dataset swapped']); } }, 5);
})()`;

/** The ping's figures, and the ping stopped (before the floor, which would stall it too). */
const readPing = (page: import('playwright-core').Page) => page.evaluate(() => {
  const p = (window as any).__benchPing;
  p.stop = true;
  return { reply_seen_ms: p.replied ? Math.round(p.repliedAt) : null, ping_max_import_ms: Math.round(p.maxImport), ping_max_apply_ms: Math.round(p.maxApply), pings: p.n };
});

async function main() {
  const app = await serve();
  const { origin } = app;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'auyl-bench-import-'));
  try {
    for (const size of SIZES) {
      const wide = /mb$/i.test(size);
      const file = path.join(tmp, `register-${size}.csv`);
      const n = wide ? wideRegister(parseInt(size, 10), file) : Number(size);
      if (!wide) register(n, file);
      const mb = fs.statSync(file).size / 2 ** 20;
      const context = await launchPersistent(path.join(tmp, `profile-${size}`));
      let rss: ReturnType<typeof rssSampler> | null = null;
      try {
        const page = await context.newPage();
        await page.goto(origin + '/');
        await page.waitForFunction(() => (window as any).__auyl?.ready === true, null, { timeout: 120_000 });
        await page.evaluate(SETUP);
        if (TRACE) await page.evaluate(TRACE_SETUP);
        const before = await page.evaluate(() => (window as any).__auyl.count);
        const trace = TRACE ? () => page.evaluate(() => { const w = window as any; const j = w.__auyl.imports?.job; const m = w.__auyl.map; return `${j ? j.phase + ' ' + j.fraction : '-'} applied ${w.__auyl.count} busy ${w.__auyl.atlas.busy} renders ${w.__benchRenders.splice(0).join('/')} loaded ${m.loaded()} tiles ${m.areTilesLoaded()} heap ${Math.round((performance as any).memory?.usedJSHeapSize / 2 ** 20)} MB`; }) : null;
        rss = rssSampler(trace);
        // BENCH_IMPORT_PROFILE=1: the main thread's CPU profile over the import, top functions by self time
        const profiler = process.env.BENCH_IMPORT_PROFILE ? await page.context().newCDPSession(page) : null;
        if (profiler) {
          await profiler.send('Profiler.enable');
          await profiler.send('Profiler.setSamplingInterval', { interval: 1000 });
          await profiler.send('Profiler.start');
        }
        const heap = await heapSampler(page);
        await page.getByTestId('import-file').setInputFiles(file);
        // clicks answered during the import: the page's main thread stays free
        let clicks = 0, maxClickMs = 0;
        while (await page.evaluate(() => Boolean((window as any).__auyl.imports?.job))) {
          const t = Date.now();
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
          maxClickMs = Math.max(maxClickMs, Date.now() - t);
          clicks++;
          await new Promise((r) => setTimeout(r, 100));
        }
        await page.waitForFunction((b) => ((window as any).__auyl.count > b && !(window as any).__auyl.atlas.busy) || document.querySelector('[data-testid=import-notice]'), before, { timeout: 600_000, polling: 50 });
        if (await page.getByTestId('import-notice').count()) {
          const notice = await page.getByTestId('import-notice').textContent();
          const ping = await readPing(page);
          const mem = await rss.stop();
          line({ bench: 'import_csv', rows: n, file_mb: +mb.toFixed(1), refused: notice?.trim(), peak_main_heap_mb: await heap.stop(), peak_tab_rss_mb: mem.tab, peak_gpu_rss_mb: mem.gpu, ...ping });
          fs.rmSync(file, { force: true });
          continue;
        }
        const r = await page.evaluate(() => new Promise<{ appliedAt: number; toIdle: number; parse: number; assess: number; rows: number }>((resolve) => {
          const w = window as any;
          w.__auyl.map.once('idle', () => resolve({ appliedAt: w.__auyl.last.at - w.__benchT0, toIdle: performance.now() - w.__benchT0, parse: w.__auyl.imports.summary.ms, assess: w.__auyl.last.workerMs, rows: w.__auyl.atlas.dataset.ids.length }));
          w.__auyl.map.triggerRepaint();
        }));
        const ping = await readPing(page);
        const mem = await rss.stop();
        const heapPeak = await heap.stop();
        if (profiler) {
          const { profile } = (await profiler.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
          const self = new Map<number, number>();
          profile.samples.forEach((id, k) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0)));
          const byFn = new Map<string, number>();
          for (const node of profile.nodes) {
            const f = node.callFrame;
            const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
            byFn.set(key, (byFn.get(key) ?? 0) + (self.get(node.id) ?? 0));
          }
          console.error('main thread self time (ms):', [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${Math.round(v / 1000)} ${k}`).join('\n  '));
        }
        if (TRACE) {
          console.error('long tasks [start, ms]:', JSON.stringify(await page.evaluate(() => (window as any).__benchLong)));
          console.error('log [ms from the file, event]:', JSON.stringify(await page.evaluate(() => (window as any).__benchTrace.splice(0))));
        }
        // floor: the same points set again, no import (the GeoJSON source's data, or the point layer's points)
        const floorFrames0 = TRACE ? await page.evaluate(() => (window as any).__benchFrames) : 0;
        const floor = await page.evaluate(() => new Promise<number>((resolve) => {
          const map = (window as any).__auyl.map, points = (window as any).__auyl.points;
          const src = map.getSource('settlements');
          const data = points?.size ? null : src.serialize().data;
          const t0 = performance.now();
          map.once('idle', () => resolve(performance.now() - t0));
          if (data) src.setData(data);
          else points.reload();
        }));
        if (TRACE) console.error(`floor: ${(await page.evaluate(() => (window as any).__benchFrames)) - floorFrames0} frames`, JSON.stringify(await page.evaluate(() => (window as any).__benchTrace.splice(0))));
        // one plain redraw of the map as it is (no data change): what each frame costs at this size
        const redraw = await page.evaluate(() => new Promise<number>((resolve) => {
          const map = (window as any).__auyl.map;
          const t0 = performance.now();
          map.once('idle', () => resolve(performance.now() - t0));
          map.triggerRepaint();
        }));
        line({ bench: 'import_csv', rows: n, file_mb: +mb.toFixed(1), on_map: r.rows, worker_ms: Math.round(r.parse + r.assess), read_ms: Math.round(r.parse), assess_ms: Math.round(r.assess),
          peak_main_heap_mb: heapPeak, peak_tab_rss_mb: mem.tab, peak_gpu_rss_mb: mem.gpu, to_idle_ms: Math.round(r.toIdle), applied_ms: Math.round(r.appliedAt), floor_ms: Math.round(floor), redraw_ms: Math.round(redraw), idle_over_floor: +(r.toIdle / floor).toFixed(2), frames_during_import: clicks, slowest_frame_ms: maxClickMs,
          ...ping });
      } catch (e) {
        // e.g. "Target crashed": the tab ran out of memory
        const mem = await rss?.stop();
        line({ bench: 'import_csv', rows: n, file_mb: +mb.toFixed(1), error: String((e as Error).message).split('\n')[0], peak_tab_rss_mb: mem?.tab, peak_gpu_rss_mb: mem?.gpu });
      } finally {
        await context.close().catch(() => {});
      }
      fs.rmSync(file, { force: true });
    }
  } finally {
    await app.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
