// `npm run bench:explore`: the explorer's timings in the built app, headless Chromium, on SYNTHETIC registers of
// 6,300 and 100,000 generated rows (`?synthetic=N`), part 1's benchmark shape (see bench/ui.ts):
//   filter change (an oblast on / off) → (a) worker answer applied (new counts, mask as feature-state),
//   (b) map idle, beside (c) the floor: a redraw that changes nothing, in the same page;
//   table sort (population ↔ name ↔ score) → worker's sort time and change → new order applied.
// One JSON line per figure on stdout.
import { startHarness, openApp } from '../test/e2e/browser.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const h = await startHarness();
try {
  for (const rows of [6300, 100000]) {
    const { page, errors } = await openApp(h, `?synthetic=${rows}`);
    page.setDefaultTimeout(180_000);
    await page.evaluate('window.__name = (f) => f');
    const f = await page.evaluate(async (runs) => {
      const hook = (window as unknown as { __auyl: any }).__auyl;
      const { map, atlas } = hook;
      const idle = () => new Promise<number>((resolve) => map.once('idle', () => resolve(performance.now())));
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const settle = () => new Promise((r) => setTimeout(r, 100));
      const oblast = atlas.table.oblasts[0];
      const a: number[] = [], b: number[] = [], c: number[] = [], filterMs: number[] = [], summaryMs: number[] = [], changed: number[] = [];
      for (let k = 0; k < runs; k++) {
        await settle();
        let t0 = performance.now();
        const floor = idle();
        map.triggerRepaint();
        c.push((await floor) - t0);
        await settle();
        t0 = performance.now();
        const applied = hook.nextApplied();
        atlas.filter = { ...atlas.filter, oblasts: k % 2 ? [] : [oblast] };
        const r = await applied;
        const done = idle();
        map.triggerRepaint();
        const idleAt = await done;
        a.push(r.at - t0);
        b.push(idleAt - t0);
        changed.push(r.changed);
        filterMs.push(atlas.results.explore.ms.filter);
        summaryMs.push(atlas.results.explore.ms.summary);
      }
      atlas.filter = { ...atlas.filter, oblasts: [] };
      await hook.nextApplied();
      const sortMs: number[] = [], sortRound: number[] = [];
      const keys = ['name', 'score', 'population', 'km_town'];
      for (let k = 0; k < runs; k++) {
        await settle();
        const t0 = performance.now();
        const applied = hook.nextApplied();
        atlas.sort = { key: keys[k % keys.length], desc: k % 2 === 0 };
        const r = await applied;
        sortRound.push(r.at - t0);
        sortMs.push(atlas.results.explore.ms.sort);
      }
      return { rows: atlas.dataset.ids.length, a: median(a), b: median(b), c: median(c), filterMs: median(filterMs), summaryMs: median(summaryMs), changed: median(changed), sortMs: median(sortMs), sortRound: median(sortRound) };
    }, RUNS);
    console.log(JSON.stringify({
      bench: 'ui-filter', rows: f.rows, change: 'oblast filter on/off', to_counts_ms: +f.a.toFixed(1), to_idle_ms: +f.b.toFixed(1), floor_redraw_ms: +f.c.toFixed(1),
      idle_over_floor: +(f.b / f.c).toFixed(2), worker_filter_ms: +f.filterMs.toFixed(1), worker_summaries_ms: +f.summaryMs.toFixed(1), features_updated: f.changed, runs: RUNS,
    }));
    console.log(JSON.stringify({ bench: 'ui-sort', rows: f.rows, worker_sort_ms: +f.sortMs.toFixed(1), change_to_new_order_ms: +f.sortRound.toFixed(1), runs: RUNS }));
    if (errors.length) console.error('page errors:', errors);
    await page.close();
  }
} finally {
  await h.close();
}
