// `npm run bench:ui` (also run by `npm run bench`): recolour timings of the built app in headless Chromium, on
// the embedded data and on SYNTHETIC registers of 6,300 and 100,000 generated rows (`?synthetic=N`: seeded rows
// around the embedded places, made up for benchmarking). For a weight change (demography block points) and a
// colour-mode switch it measures
//   (a) change → worker result applied as feature-state (worker + transfer + style update),
//   (b) change → map idle with the new colours,
//   (c) the floor: a redraw that changes nothing (triggerRepaint → idle), in the same page, and beside it the
//       same pipeline for a change that changes nothing (settings re-sent: worker round trip, 0 features updated),
// and, for comparison, the rejected alternative: rebuilding the source with setData (a property per feature).
// Goals: (a) < 50 ms at 6,300 and < 300 ms at 100,000; (b) ≤ 1.5 × (c). One JSON line per figure on stdout.
import { forEachAppPage, type BenchWindow } from './support/page.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const DATASETS = [
  { name: 'embedded', query: '', rows: 0 },
  { name: 'synthetic', query: '?synthetic=6300', rows: 6300 },
  { name: 'synthetic', query: '?synthetic=100000', rows: 100000 },
];

await forEachAppPage(DATASETS, (ds) => ds.query, async (page, ds) => {
  const figures = await page.evaluate(async (runs) => {
    const hook = (window as unknown as { __auyl: any }).__auyl;
    const { map, atlas } = hook;
    const { idle, median, settle, redraw, change: timed } = (window as unknown as BenchWindow).__bench;
    async function measure(change: (k: number) => void) {
      const a: number[] = [], b: number[] = [], c: number[] = [], noop: number[] = [], worker: number[] = [], apply: number[] = [], changed: number[] = [];
      for (let k = 0; k < runs; k++) {
        await settle();
        c.push(await redraw()); // (c) the floor, in the same page and state
        await settle();
        noop.push((await timed(() => (atlas.settings = { ...atlas.settings }))).idleMs);
        await settle();
        const { r, appliedMs, idleMs } = await timed(() => change(k));
        a.push(appliedMs);
        b.push(idleMs);
        worker.push(r.workerMs);
        apply.push(r.applyMs);
        changed.push(r.changed);
      }
      return { a: median(a), b: median(b), c: median(c), noop: median(noop), worker: median(worker), apply: median(apply), changed: median(changed) };
    }
    const rows = atlas.dataset.ids.length;
    const base = atlas.settings.blockPoints.demography;
    // a weight change recolours in a score mode (categories barely move when one block's points change)
    atlas.mode = 'score_total';
    await hook.nextApplied();
    await idle();
    const weight = await measure((k) => (atlas.settings = { ...atlas.settings, blockPoints: { ...atlas.settings.blockPoints, demography: k % 2 ? base : base - 10 } }));
    const modes = ['potential', 'score_total', 'category', 'score_economy'];
    const mode = await measure((k) => (atlas.mode = modes[k % modes.length]));
    // The alternative: a property per feature and setData (GeoJSON serialised and re-tiled).
    const src = map.getSource('settlements');
    const data = await src.getData();
    const alt: number[] = [];
    for (let k = 0; k < Math.min(3, runs); k++) {
      await settle();
      const t0 = performance.now();
      const fc = { ...data, features: data.features.map((f: any, i: number) => ({ ...f, properties: { ...f.properties, k: (i + k) % 5 } })) };
      const done = idle();
      src.setData(fc);
      alt.push((await done) - t0);
    }
    return { rows, weight, mode, setData: median(alt) };
  }, RUNS);
  const goal = figures.rows <= 10_000 ? 50 : 300;
  for (const change of ['weight', 'mode'] as const) {
    const f = figures[change];
    console.log(JSON.stringify({
      bench: 'ui-recolour', data: ds.name, rows: figures.rows, change,
      worker_and_style_ms: +f.a.toFixed(1), to_idle_ms: +f.b.toFixed(1), floor_redraw_ms: +f.c.toFixed(1), idle_over_floor: +(f.b / f.c).toFixed(2),
      noop_change_to_idle_ms: +f.noop.toFixed(1), idle_over_noop_change: +(f.b / f.noop).toFixed(2),
      worker_ms: +f.worker.toFixed(1), feature_state_ms: +f.apply.toFixed(1), features_updated: f.changed,
      goal_a_ms: goal, goal_a_met: f.a < goal, goal_b_met: f.b <= 1.5 * f.c, runs: RUNS,
    }));
  }
  console.log(JSON.stringify({ bench: 'ui-recolour-alternative', data: ds.name, rows: figures.rows, method: 'setData with a class property per feature', to_idle_ms: +figures.setData.toFixed(1) }));
});
