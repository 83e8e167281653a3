// `npm run bench:import`: in-app import of SYNTHETIC CSV registers (6,300 / 100,000 / 1,000,000 rows; seeded,
// points inside Kazakhstan, population and two indicators) in headless Chromium, through the file picker as a
// user would. One JSON line per size:
//   (a) worker_ms: time in the worker from the file to the assessed columns (read + check + assess, as the worker
//       reports it), peak_renderer_rss_mb: the page's renderer process (main thread + workers) at its peak;
//   (b) to_idle_ms: from the file chosen to the map idle with the new data, beside floor_ms: the same points set
//       again on the map source with no import (setData → idle), measured in the same page and run.
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
    for (const n of SIZES) {
      const file = path.join(tmp, `register-${n}.csv`);
      register(n, file);
      const mb = fs.statSync(file).size / 2 ** 20;
      const context = await chromium.launchPersistentContext(path.join(tmp, `profile-${n}`), { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 800 } });
      try {
        const page = await context.newPage();
        await page.goto(origin + '/');
        await page.waitForFunction(() => (window as any).__auyl?.ready === true, null, { timeout: 120_000 });
        await page.evaluate(() => {
          const input = document.querySelector('[data-testid=import-file]')!;
          input.addEventListener('change', () => ((window as any).__benchT0 = performance.now()), { capture: true });
        });
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
          continue;
        }
        const r = await page.evaluate(() => new Promise<{ appliedAt: number; toIdle: number; parse: number; assess: number; rows: number }>((resolve) => {
          const w = window as any;
          w.__auyl.map.once('idle', () => resolve({ appliedAt: w.__auyl.last.at - w.__benchT0, toIdle: performance.now() - w.__benchT0, parse: w.__auyl.imports.summary.ms, assess: w.__auyl.last.workerMs, rows: w.__auyl.atlas.dataset.ids.length }));
          w.__auyl.map.triggerRepaint();
        }));
        const peak = rss.stop();
        // floor: the same points set again, no import
        const floor = await page.evaluate(() => new Promise<number>((resolve) => {
          const map = (window as any).__auyl.map;
          const src = map.getSource('settlements');
          const data = src.serialize().data;
          const t0 = performance.now();
          map.once('idle', () => resolve(performance.now() - t0));
          src.setData(data);
        }));
        line({ bench: 'import_csv', rows: n, file_mb: +mb.toFixed(1), on_map: r.rows, worker_ms: Math.round(r.parse + r.assess), read_ms: Math.round(r.parse), assess_ms: Math.round(r.assess),
          peak_renderer_rss_mb: peak, to_idle_ms: Math.round(r.toIdle), applied_ms: Math.round(r.appliedAt), floor_ms: Math.round(floor), idle_over_floor: +(r.toIdle / floor).toFixed(2), frames_during_import: clicks, slowest_frame_ms: maxClickMs });
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
