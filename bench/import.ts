// `npm run bench:import`: in-app import of SYNTHETIC CSV registers (6,300 / 100,000 / 1,000,000 rows; seeded,
// points inside Kazakhstan, population and two indicators) in headless Chromium, through the file picker as a
// user would. One JSON line per size:
//   (a) worker_ms: time in the worker from the file to the assessed columns (read + check + assess, as the worker
//       reports it), peak_tab_rss_mb: the page's renderer process (main thread + workers) at its peak (ps RSS),
//       peak_gpu_rss_mb: the GPU process (SwiftShader's WebGL buffers), peak_main_heap_mb: the main thread's JS heap;
//   (b) to_idle_ms: from the file chosen to the map idle with the new data, beside floor_ms: the same points set
//       again on the map with no import (setData → idle, or for the point layer of very large registers its points
//       and classes set again → idle), measured in the same page and run.
// Sizes: BENCH_IMPORT_SIZES (default 6300,100000,1000000). Nothing is asserted.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM } from '../test/e2e/browser.ts';

const SIZES = (process.env.BENCH_IMPORT_SIZES ?? '6300,100000,1000000').split(',').map(Number).filter((n) => n > 0);
const line = (o: Record<string, unknown>) => console.log(JSON.stringify(o));

function register(n: number, file: string) {
  let seed = 42;
  // mulberry32 (exact 32-bit steps). The LCG used before multiplied past 2^53 in doubles and cycled: 1,000,000 rows
  // had 11,538 distinct places.
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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

async function main() {
  await build({ logLevel: 'warn', build: { outDir: 'dist' } });
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const origin = new URL(server.resolvedUrls!.local[0]).origin;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'auyl-bench-import-'));
  try {
    for (const n of SIZES) {
      const file = path.join(tmp, `register-${n}.csv`);
      register(n, file);
      const mb = fs.statSync(file).size / 2 ** 20;
      const context = await chromium.launchPersistentContext(path.join(tmp, `profile-${n}`), { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 800 } });
      let rss: ReturnType<typeof rssSampler> | null = null;
      try {
        const page = await context.newPage();
        await page.goto(origin + '/');
        await page.waitForFunction(() => (window as any).__auyl?.ready === true, null, { timeout: 120_000 });
        await page.evaluate(() => {
          const input = document.querySelector('[data-testid=import-file]')!;
          input.addEventListener('change', () => ((window as any).__benchT0 = performance.now()), { capture: true });
          // long tasks on the main thread (BENCH_IMPORT_TRACE prints them)
          (window as any).__benchLong = [];
          new PerformanceObserver((l) => (window as any).__benchLong.push(...l.getEntries().map((e) => [Math.round(e.startTime - ((window as any).__benchT0 ?? 0)), Math.round(e.duration)]))).observe({ type: 'longtask' });
        });
        const before = await page.evaluate(() => (window as any).__auyl.count);
        const trace = process.env.BENCH_IMPORT_TRACE ? () => page.evaluate(() => { const w = window as any; const j = w.__auyl.imports?.job; const m = w.__auyl.map; if (!w.__benchRenders) { w.__benchRenders = []; let last = performance.now(); m.on('render', () => { const t = performance.now(); w.__benchRenders.push(Math.round(t - last)); last = t; }); } return `${j ? j.phase + ' ' + j.fraction : '-'} applied ${w.__auyl.count} busy ${w.__auyl.atlas.busy} renders ${w.__benchRenders.splice(0).join('/')} loaded ${m.loaded()} tiles ${m.areTilesLoaded()} heap ${Math.round((performance as any).memory?.usedJSHeapSize / 2 ** 20)} MB`; }) : null;
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
          const mem = await rss.stop();
          line({ bench: 'import_csv', rows: n, file_mb: +mb.toFixed(1), refused: notice?.trim(), peak_main_heap_mb: await heap.stop(), peak_tab_rss_mb: mem.tab, peak_gpu_rss_mb: mem.gpu });
          continue;
        }
        const r = await page.evaluate(() => new Promise<{ appliedAt: number; toIdle: number; parse: number; assess: number; rows: number }>((resolve) => {
          const w = window as any;
          w.__auyl.map.once('idle', () => resolve({ appliedAt: w.__auyl.last.at - w.__benchT0, toIdle: performance.now() - w.__benchT0, parse: w.__auyl.imports.summary.ms, assess: w.__auyl.last.workerMs, rows: w.__auyl.atlas.dataset.ids.length }));
          w.__auyl.map.triggerRepaint();
        }));
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
        if (process.env.BENCH_IMPORT_TRACE) console.error('long tasks [start, ms]:', JSON.stringify(await page.evaluate(() => (window as any).__benchLong)));
        // floor: the same points set again, no import (the GeoJSON source's data, or the point layer's points)
        const floor = await page.evaluate(() => new Promise<number>((resolve) => {
          const map = (window as any).__auyl.map, points = (window as any).__auyl.points;
          const src = map.getSource('settlements');
          const data = points?.size ? null : src.serialize().data;
          const t0 = performance.now();
          map.once('idle', () => resolve(performance.now() - t0));
          if (data) src.setData(data);
          else points.reload();
        }));
        // one plain redraw of the map as it is (no data change): what each frame costs at this size
        const redraw = await page.evaluate(() => new Promise<number>((resolve) => {
          const map = (window as any).__auyl.map;
          const t0 = performance.now();
          map.once('idle', () => resolve(performance.now() - t0));
          map.triggerRepaint();
        }));
        line({ bench: 'import_csv', rows: n, file_mb: +mb.toFixed(1), on_map: r.rows, worker_ms: Math.round(r.parse + r.assess), read_ms: Math.round(r.parse), assess_ms: Math.round(r.assess),
          peak_main_heap_mb: heapPeak, peak_tab_rss_mb: mem.tab, peak_gpu_rss_mb: mem.gpu, to_idle_ms: Math.round(r.toIdle), applied_ms: Math.round(r.appliedAt), floor_ms: Math.round(floor), redraw_ms: Math.round(redraw), idle_over_floor: +(r.toIdle / floor).toFixed(2), frames_during_import: clicks, slowest_frame_ms: maxClickMs });
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
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
