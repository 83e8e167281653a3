// `npm run bench:explore`: the explorer's timings in the built app, headless Chromium, on SYNTHETIC registers of
// 6,300 and 100,000 generated rows (`?synthetic=N`), part 1's benchmark shape (see bench/ui.ts):
//   filter change (an oblast on / off) → (a) worker answer applied (new counts, mask as feature-state),
//   (b) map idle, beside (c) the floor: a redraw that changes nothing, in the same page;
//   table sort (population ↔ name ↔ score) → worker's sort time and change → new order applied.
// One JSON line per figure on stdout.
import { forEachAppPage, type BenchWindow } from './support/page.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
await forEachAppPage([6300, 100000], (rows) => `?synthetic=${rows}`, async (page) => {
  const f = await page.evaluate(async (runs) => {
    const hook = (window as unknown as { __auyl: any }).__auyl;
    const { atlas } = hook;
    const { median, settle, redraw, change } = (window as unknown as BenchWindow).__bench;
    const oblast = atlas.table.oblasts[0];
    const a: number[] = [], b: number[] = [], c: number[] = [], filterMs: number[] = [], summaryMs: number[] = [], changed: number[] = [];
    for (let k = 0; k < runs; k++) {
      await settle();
      c.push(await redraw());
      await settle();
      const { r, appliedMs, idleMs } = await change(() => (atlas.filter = { ...atlas.filter, oblasts: k % 2 ? [] : [oblast] }));
      a.push(appliedMs);
      b.push(idleMs);
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
});
