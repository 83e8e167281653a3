// `npm run bench:import`: in-app import of SYNTHETIC CSV registers (6,300 / 100,000 / 1,000,000 rows; seeded,
// points inside Kazakhstan, population and two indicators) in headless Chromium, through the file picker as a
// user would. One JSON line per size:
//   (a) worker_ms: time in the worker from the file to the assessed columns (read + check + assess, as the worker
//       reports it), peak_renderer_rss_mb: the page's renderer process (main thread + workers) at its peak;
//   (b) to_idle_ms: from the file chosen to the map idle with the new data, beside floor_ms: the same points set
//       again on the map source with no import (setData → idle), measured in the same page and run.
//   (c) for a size written `100mb`: a WIDE synthetic register of that many MB (every column of the register and
//       the 2019 methodology's indicators, long names) with 280,000 rows (under the 300,000-row limit), and the
//       page's responsiveness: a setTimeout ping every 50 ms, its largest delay while the worker reads
//       (ping_max_import_ms) and from the worker's reply to the map idle (ping_max_apply_ms), and the main
//       thread's peak JS heap (performance.memory, precise; workers are in peak_renderer_rss_mb).
// Sizes: BENCH_IMPORT_SIZES (default 6300,100000,1000000; e.g. `100mb` alone for the 100 MB case). Nothing is asserted.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM } from '../test/e2e/browser.ts';

const SIZES = (process.env.BENCH_IMPORT_SIZES ?? '6300,100000,1000000').split(',').map((s) => s.trim()).filter((s) => /^\d+(mb)?$/i.test(s));
const WIDE_ROWS = 280_000;
const line = (o: Record<string, unknown>) => console.log(JSON.stringify(o));

function register(n: number, file: string) {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
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

/** A wide register of about `mb` MB: all register columns and indicators, long names, WIDE_ROWS rows. */
function wideRegister(mb: number, file: string): number {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
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

/** Peak RSS (MB) of Chromium renderer processes, sampled until stopped. */
function rssSampler() {
  let peak = 0;
  const sample = () => {
    try {
      const out = execSync("ps -eo rss=,args= | grep -- '--type=renderer' | grep -v grep || true", { encoding: 'utf8' });
      const total = out.split('\n').filter(Boolean).map((l) => Number(l.trim().split(/\s+/)[0])).reduce((a, b) => Math.max(a, b), 0);
      peak = Math.max(peak, total / 1024);
    } catch {
      /* ps missing: no figure */
    }
  };
  const timer = setInterval(sample, 150);
  return { stop: () => (clearInterval(timer), sample(), Math.round(peak)) };
}

async function main() {
  await build({ logLevel: 'warn', build: { outDir: 'dist' } });
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const origin = new URL(server.resolvedUrls!.local[0]).origin;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'auyl-bench-import-'));
  try {
    for (const size of SIZES) {
      const wide = /mb$/i.test(size);
      const file = path.join(tmp, `register-${size}.csv`);
      const n = wide ? wideRegister(parseInt(size, 10), file) : Number(size);
      if (!wide) register(n, file);
      const mb = fs.statSync(file).size / 2 ** 20;
      const context = await chromium.launchPersistentContext(path.join(tmp, `profile-${size}`), { executablePath: CHROMIUM, headless: true, args: [...ARGS, '--enable-precise-memory-info'], viewport: { width: 1280, height: 800 } });
      try {
        const page = await context.newPage();
        await page.goto(origin + '/');
        await page.waitForFunction(() => (window as any).__auyl?.ready === true, null, { timeout: 120_000 });
        // (a string: tsx would wrap named functions in a `__name` helper the page does not have)
        await page.evaluate(`(() => {
          const w = window;
          const input = document.querySelector('[data-testid=import-file]');
          input.addEventListener('change', () => (w.__benchT0 = performance.now()), { capture: true });
          // responsiveness: a setTimeout every 50 ms; its delay beyond 50 ms, split at the worker's reply
          const ping = (w.__benchPing = { maxImport: 0, maxApply: 0, n: 0, heap: 0, stop: false, replied: false, repliedAt: 0 });
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
            const mem = performance.memory;
            if (mem) ping.heap = Math.max(ping.heap, mem.usedJSHeapSize);
            last = now;
            if (!ping.stop) setTimeout(tick, 50);
          };
          setTimeout(tick, 50);
        })()`);
        // BENCH_IMPORT_TRACE=1: when the map's sources are set, frames drawn, feature states set (after the file is chosen)
        if (process.env.BENCH_IMPORT_TRACE) await page.evaluate(`(() => {
          const w = window, map = w.__auyl.map, t = () => Math.round(performance.now() - (w.__benchT0 ?? performance.now()));
          const log = (w.__benchTrace = []);
          const proto = Object.getPrototypeOf(map.getSource('settlements'));
          const setData = proto.setData;
          proto.setData = function (d) { log.push([t(), 'setData ' + this.id + ' ' + (d && d.features ? d.features.length : '?')]); return setData.apply(this, arguments); };
          const setFS = map.setFeatureState;
          let fs = 0, fsAt = 0;
          map.setFeatureState = function () { if (w.__benchT0 !== undefined) { fs++; fsAt = t(); } return setFS.apply(this, arguments); };
          let frames = 0;
          map.on('render', () => { if (w.__benchT0 !== undefined) frames++; });
          map.on('idle', () => { if (w.__benchT0 !== undefined) log.push([t(), 'idle after ' + frames + ' frames, ' + fs + ' feature states (last at ' + fsAt + ')']); });
          for (const [k, v] of [['applied', 'last']]) {
            let cur = w.__auyl[v];
            Object.defineProperty(w.__auyl, v, { configurable: true, get: () => cur, set: (x) => { cur = x; if (w.__benchT0 !== undefined) log.push([t(), k + ' frames=' + frames]); } });
          }
          const post = Worker.prototype.postMessage;
          Worker.prototype.postMessage = function (m) { if (w.__benchT0 !== undefined && m && typeof m.type === 'string') log.push([t(), 'to worker: ' + m.type]); return post.apply(this, arguments); };
          let ds = w.__auyl.atlas.dataset;
          setInterval(() => { if (w.__auyl.atlas.dataset !== ds) { ds = w.__auyl.atlas.dataset; log.push([t(), 'dataset (ready) seen']); } }, 5);
        })()`);
        const before = await page.evaluate(() => (window as any).__auyl.count);
        const rss = rssSampler();
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
          line({ bench: 'import_csv', rows: n, file_mb: +mb.toFixed(1), refused: notice?.trim(), peak_renderer_rss_mb: rss.stop() });
          fs.rmSync(file, { force: true });
          continue;
        }
        const r = await page.evaluate(() => new Promise<{ appliedAt: number; toIdle: number; parse: number; assess: number; rows: number }>((resolve) => {
          const w = window as any;
          w.__auyl.map.once('idle', () => resolve({ appliedAt: w.__auyl.last.at - w.__benchT0, toIdle: performance.now() - w.__benchT0, parse: w.__auyl.imports.summary.ms, assess: w.__auyl.last.workerMs, rows: w.__auyl.atlas.dataset.ids.length }));
          w.__auyl.map.triggerRepaint();
        }));
        const peak = rss.stop();
        if (process.env.BENCH_IMPORT_TRACE) console.error(JSON.stringify(await page.evaluate(() => (window as any).__benchTrace)));
        const ping = await page.evaluate(() => {
          const p = (window as any).__benchPing;
          p.stop = true;
          return { maxImport: Math.round(p.maxImport), maxApply: Math.round(p.maxApply), n: p.n, heapMb: Math.round(p.heap / 2 ** 20), repliedAt: Math.round(p.repliedAt) };
        });
        // floor: the same points set again, no import
        const { floor, floorFrames } = await page.evaluate(() => new Promise<{ floor: number; floorFrames: number }>((resolve) => {
          const map = (window as any).__auyl.map;
          const src = map.getSource('settlements');
          const data = src.serialize().data;
          let frames = 0;
          map.on('render', () => frames++); // (inline: tsx names a named function with a helper the page lacks)
          const t0 = performance.now();
          map.once('idle', () => resolve({ floor: performance.now() - t0, floorFrames: frames }));
          src.setData(data);
        }));
        if (process.env.BENCH_IMPORT_TRACE) console.error(`floor: ${floorFrames} frames`);
        line({ bench: 'import_csv', rows: n, file_mb: +mb.toFixed(1), on_map: r.rows, worker_ms: Math.round(r.parse + r.assess), read_ms: Math.round(r.parse), assess_ms: Math.round(r.assess),
          peak_renderer_rss_mb: peak, to_idle_ms: Math.round(r.toIdle), applied_ms: Math.round(r.appliedAt), floor_ms: Math.round(floor), idle_over_floor: +(r.toIdle / floor).toFixed(2), frames_during_import: clicks, slowest_frame_ms: maxClickMs,
          reply_seen_ms: ping.repliedAt, ping_max_import_ms: ping.maxImport, ping_max_apply_ms: ping.maxApply, pings: ping.n, peak_main_js_heap_mb: ping.heapMb });
      } catch (e) {
        // e.g. "Target crashed": the tab ran out of memory
        line({ bench: 'import_csv', rows: n, file_mb: +mb.toFixed(1), error: String((e as Error).message).split('\n')[0] });
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
