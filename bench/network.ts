// `npm run bench:network`: the support-network solver (issue 23) on a 6,300-settlement clustered SYNTHETIC
// register (seeded, log-normal populations) and, when ../shared/data is present, on the national settlement list
// (rural, type_code 2, with `osm_population` as population). Every rural settlement is a candidate (no
// indicators to assess). One JSON line per figure on stdout; progress on stderr. Timings depend on the machine.
import fs from 'node:fs';
import { placesFromFgb } from '../src/lib/io/embedded.ts';
import { parseCsv } from '../src/lib/io/csv.ts';
import { preset } from '../src/lib/engine/config/presets.ts';
import { clusteredRegister } from '../src/lib/worker/synthetic-clustered.ts';
import { StraightLineDistance, runSteps, solveNetworkSteps, type NetworkInput, type NetworkProblem, type NetworkOptions } from '../src/lib/engine/network/index.ts';

const log = (...a: unknown[]) => console.error(...a);

// The exact solver for comparison (devDependency `highs`, MIT): HIGHS_SECONDS per instance (default 120, 0 = skip).
const HIGHS_SECONDS = Number(process.env.HIGHS_SECONDS ?? 120);
type Highs = { solve(lp: string, options: Record<string, unknown>): { Status: string; ObjectiveValue: number } };
let highs: Highs | null = null;
if (HIGHS_SECONDS > 0) {
  try {
    highs = await ((await import('highs')).default as unknown as () => Promise<Highs>)();
  } catch (e) {
    log(`highs not available (${(e as Error).message}): exact comparison skipped`);
  }
}

/** MCLP as a MIP in CPLEX LP format: max Σ w·y, y_d ≤ Σ x_c over the candidates reaching d, Σ x = N. */
function mclpModel(inp: NetworkInput, supports: number): string {
  const n = inp.lon.length;
  const cand = Int32Array.from({ length: n }, (_, i) => i);
  const cover = new StraightLineDistance(inp.lon, inp.lat).coverage(cand, inp.radiusKm);
  const reachedBy: number[][] = Array.from({ length: n }, () => []);
  for (let k = 0; k < n; k++) for (let e = cover.start[k]; e < cover.start[k + 1]; e++) reachedBy[cover.site[e]].push(k);
  const wrap = (terms: string[]) => terms.reduce((out, t, i) => out + (i && i % 12 === 0 ? '\n ' : ' ') + t, '');
  const demand = Array.from({ length: n }, (_, d) => d).filter((d) => inp.weight[d] > 0);
  const lines = ['Maximize', ` obj:${wrap(demand.map((d, i) => `${i ? '+ ' : ''}${inp.weight[d]} y${d}`))}`, 'Subject To'];
  for (const d of demand) lines.push(` r${d}:${wrap([`y${d}`, ...reachedBy[d].map((k) => `- x${k}`)])} <= 0`);
  lines.push(` card:${wrap(Array.from({ length: n }, (_, k) => `${k ? '+ ' : ''}x${k}`))} = ${supports}`);
  lines.push('Bounds', ...demand.map((d) => ` 0 <= y${d} <= 1`), 'Binary', wrap(Array.from({ length: n }, (_, k) => `x${k}`)), 'End');
  return lines.join('\n');
}

const NATIONAL = '../shared/data/kz-settlements-kato-2025.csv';

function input(lon: number[], lat: number[], population: number[], radiusKm: number): NetworkInput {
  const n = lon.length;
  return {
    lon: Float64Array.from(lon), lat: Float64Array.from(lat), weight: Float64Array.from(population),
    rank: Int32Array.from({ length: n }, (_, i) => i), candidate: new Uint8Array(n).fill(1), required: [], radiusKm: new Float64Array(n).fill(radiusKm),
  };
}

interface Sites { name: string; lon: number[]; lat: number[]; population: number[] }

async function synthetic(): Promise<Sites> {
  const places = await placesFromFgb(new Uint8Array(fs.readFileSync('public/data/settlements.fgb')));
  const rows = clusteredRegister(6300, places.map((p) => ({ lat: p.lat, lon: p.lon, oblast: null })), preset('2019'));
  return { name: 'synthetic-clustered-6300', lon: rows.map((s) => s.lon), lat: rows.map((s) => s.lat), population: rows.map((s) => s.population!) };
}

function national(): Sites | null {
  if (!fs.existsSync(NATIONAL)) {
    log(`${NATIONAL} not found: national figures skipped`);
    return null;
  }
  const rows = parseCsv(fs.readFileSync(NATIONAL, 'utf8')).rows.map((r) => r.cells).filter((c) => c.type_code === '2' && Number(c.osm_population) > 0 && c.lat && c.lon);
  rows.sort((a, b) => (a.kato < b.kato ? -1 : a.kato > b.kato ? 1 : 0));
  return { name: `national-rural-${rows.length}`, lon: rows.map((c) => Number(c.lon)), lat: rows.map((c) => Number(c.lat)), population: rows.map((c) => Number(c.osm_population)) };
}

const CASES: { radiusKm: number; problem: NetworkProblem; options?: NetworkOptions; label: string }[] = [
  { label: 'mclp', radiusKm: 15, problem: { kind: 'mclp', supports: 1200 } },
  { label: 'mclp', radiusKm: 30, problem: { kind: 'mclp', supports: 300 } },
  { label: 'lscp', radiusKm: 15, problem: { kind: 'lscp', target: 1 } },
  { label: 'lscp', radiusKm: 15, problem: { kind: 'lscp', target: 0.9 } },
  { label: 'pmedian', radiusKm: 15, problem: { kind: 'pmedian', supports: 300 } },
  // the coverage curve N = 1…2,000 alone: the greedy, no swaps, no bound
  { label: 'curve', radiusKm: 15, problem: { kind: 'mclp', supports: 1 }, options: { curveMax: 2000, maxPasses: 0, boundIterations: 0 } },
];

for (const sites of [await synthetic(), national()]) {
  if (!sites) continue;
  log(`${sites.name}: ${sites.lon.length} sites, ${sites.population.reduce((a, b) => a + b, 0)} people`);
  for (const c of CASES) {
    const s = runSteps(solveNetworkSteps(input(sites.lon, sites.lat, sites.population, c.radiusKm), c.problem, c.options));
    const line: Record<string, unknown> = {
      bench: 'network', data: sites.name, case: c.label, problem: c.problem, radius_km: c.radiusKm,
      supports: s.supports.length, covered_share: +(s.coveredWeight / s.totalWeight).toFixed(4),
      first_s: +(s.firstMs / 1000).toFixed(3), final_s: +(s.totalMs / 1000).toFixed(3), stopped_by: s.stoppedBy,
    };
    if (s.upperBound !== null) Object.assign(line, { upper_bound_share: +(s.upperBound / s.totalWeight).toFixed(4), gap_pct: +(100 * s.gap!).toFixed(2) });
    if (s.target) Object.assign(line, { proved_minimal: s.target.provedMinimal });
    if (s.weightedKm !== null) line.mean_km = +(s.weightedKm / s.totalWeight).toFixed(2);
    if (c.label === 'curve') Object.assign(line, { curve_points: s.curve.length, covered_share_at_2000: +(s.curve[s.curve.length - 1] / s.totalWeight).toFixed(4) });
    console.log(JSON.stringify(line));
    if (highs && c.label === 'mclp' && c.problem.kind === 'mclp') {
      const t0 = performance.now();
      const exact = highs.solve(mclpModel(input(sites.lon, sites.lat, sites.population, c.radiusKm), c.problem.supports), { time_limit: HIGHS_SECONDS, output_flag: false });
      const best = exact.ObjectiveValue;
      console.log(JSON.stringify({
        bench: 'network', data: sites.name, case: 'mclp-highs', problem: c.problem, radius_km: c.radiusKm, status: exact.Status,
        highs_covered_share: +(best / s.totalWeight).toFixed(4), highs_s: +((performance.now() - t0) / 1000).toFixed(1),
        heuristic_of_highs_pct: +((100 * s.coveredWeight) / best).toFixed(2),
        within_stated_gap: exact.Status === 'Optimal' ? s.coveredWeight >= best * (1 - s.gap!) - 1e-6 : null,
      }));
    }
  }
}
