// `npm run bench`: the register columns, the geospatial block, the whole assessment and reclassification after a
// weight change, at N = 7,000 (national register), 100,000 and 1,000,000 synthetic settlements, against naive
// baselines measured in the same run (Turf nearestPoint + pointToLineDistance per settlement; brute-force support
// search). One JSON line per figure on stdout; progress on stderr. Never run as a test: timings depend on the
// machine. Then the browser part (bench/browser.ts): the app's first view against an empty map.
// BENCH_ONLY=engine or BENCH_ONLY=browser runs one part only.
import fs from 'node:fs';
import * as turf from '@turf/turf';
import type { Feature, LineString, MultiPolygon, Polygon } from 'geojson';
import { preset } from '../src/lib/engine/config/presets.ts';
import { buildGeoContext, computeGeoTable, type GeoInputs, type GeoTable } from '../src/lib/engine/geo/geospatial.ts';
import { assessTable, reassessTable } from '../src/lib/engine/assess.ts';
import { RegisterColumns } from '../src/lib/engine/columns.ts';
import { CATEGORIES } from '../src/lib/engine/classify.ts';
import { haversineKm } from '../src/lib/engine/geo/sphere.ts';
import type { Settlement } from '../src/lib/engine/types.ts';
import { bordersFromFgb, districtLayerFromFeatures, placesFromFgb } from '../src/lib/io/embedded.ts';
import type { DistrictLayer } from '../src/lib/engine/geo/districts.ts';
import { readFgb } from '../src/lib/io/fgb.ts';
import { mulberry32 as rng } from '../data/seeded-random.ts';
import { syntheticRegister } from '../src/lib/worker/synthetic.ts';

const ONLY = process.env.BENCH_ONLY ?? '';
if (ONLY && ONLY !== 'engine' && ONLY !== 'browser') throw new Error(`BENCH_ONLY must be "engine" or "browser", not "${ONLY}"`);
const SIZES = ONLY === 'browser' ? [] : (process.env.BENCH_SIZES ?? '7000,100000,1000000').split(',').map(Number);
const NAIVE_BUDGET_MS = 60_000;
const NAIVE_SAMPLE = 2000;
const log = (...a: unknown[]) => console.error(...a);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn: () => void, runs: number): number {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}


const places = await placesFromFgb(new Uint8Array(fs.readFileSync('public/data/settlements.fgb')));
const borders = await bordersFromFgb(new Uint8Array(fs.readFileSync('public/data/borders.fgb')));
const borderLines = (await readFgb(new Uint8Array(fs.readFileSync('public/data/borders.fgb')))).features.flatMap((f) =>
  (f.geometry as { coordinates: number[][][] }).coordinates.map((c) => turf.lineString(c)),
) as Feature<LineString>[];
const inputs: GeoInputs = { places, borders };
// District polygons for the point-in-polygon figure: the reference ADM2 boundaries next to the repository, when
// present (local benchmarks only; they are never shipped).
const ADM2 = '../shared/data/kz-adm2-2024.fgb';
const adm2 = SIZES.length && fs.existsSync(ADM2) ? (await readFgb(new Uint8Array(fs.readFileSync(ADM2)))).features : null;
const districts: DistrictLayer | null = adm2 ? await districtLayerFromFeatures(adm2, 'KATO', 'ADM2_EN') : null;

/** Which district holds each settlement: the indexed layer against Turf's booleanPointInPolygon over every district. */
function districtFigures(settlements: Settlement[], runs: number): Record<string, unknown> | null {
  if (!districts || !adm2) return null;
  const ms = time(() => {
    for (const s of settlements) districts.locateIndex(s.lon, s.lat);
  }, runs);
  const polygons = adm2.filter((f) => f.geometry) as Feature<Polygon | MultiPolygon>[];
  const sample = Math.min(settlements.length, NAIVE_SAMPLE);
  const t0 = performance.now();
  for (let i = 0; i < sample; i++) {
    const s = settlements[(i * 7919) % settlements.length];
    const pt = turf.point([s.lon, s.lat]);
    polygons.find((f) => turf.booleanPointInPolygon(pt, f));
  }
  const naive = ((performance.now() - t0) / sample) * settlements.length;
  return { bench: 'districts', n: settlements.length, ms_median: round(ms), naive_ms_median: round(naive), ratio: round(naive / ms), ...(sample < settlements.length ? { naive_sampled: sample } : {}) };
}
const config = preset('2019');

function naiveGeospatialMs(settlements: Settlement[]): { ms: number; sampled: number | null } {
  // The plain Turf loop: nearestPoint over each tier's towns + pointToLineDistance to each border line.
  const tierTowns = config.geospatial.town_tiers.map((tier) =>
    turf.featureCollection(places.filter((p) => (p.feature_code && tier.feature_codes.includes(p.feature_code)) || (tier.min_population !== null && (p.population ?? 0) >= tier.min_population)).map((p) => turf.point([p.lon, p.lat]))),
  );
  const one = (s: Settlement) => {
    const pt = turf.point([s.lon, s.lat]);
    for (const towns of tierTowns) if (towns.features.length) turf.nearestPoint(pt, towns);
    for (const line of borderLines) turf.pointToLineDistance(pt, line);
  };
  const probe = settlements.slice(0, 100);
  const t0 = performance.now();
  probe.forEach(one);
  const perItem = (performance.now() - t0) / probe.length;
  if (perItem * settlements.length <= NAIVE_BUDGET_MS) {
    const t1 = performance.now();
    settlements.forEach(one);
    return { ms: performance.now() - t1, sampled: null };
  }
  const r = rng(99);
  const sample = Array.from({ length: NAIVE_SAMPLE }, () => settlements[Math.floor(r() * settlements.length)]);
  const t2 = performance.now();
  sample.forEach(one);
  return { ms: ((performance.now() - t2) / NAIVE_SAMPLE) * settlements.length, sampled: NAIVE_SAMPLE };
}

/** Brute-force satellites: every non-support settlement against every support settlement (sampled when slow). */
function naiveSatellitesMs(settlements: Settlement[], supportIdx: number[]): { ms: number; sampled: number | null } {
  const supports = supportIdx.map((i) => settlements[i]);
  const one = (s: Settlement) => {
    let best = Infinity;
    for (const sup of supports) best = Math.min(best, haversineKm(s.lon, s.lat, sup.lon, sup.lat));
    return best;
  };
  const estimate = supports.length * settlements.length * 25e-6; // ~25 ns per pair
  const sample = estimate > NAIVE_BUDGET_MS ? NAIVE_SAMPLE : settlements.length;
  const t0 = performance.now();
  for (let i = 0; i < sample; i++) one(settlements[(i * 7919) % settlements.length]);
  return { ms: ((performance.now() - t0) / sample) * settlements.length, sampled: sample === settlements.length ? null : sample };
}

const line = (o: Record<string, unknown>) => console.log(JSON.stringify(o));
const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

for (const n of SIZES) {
  log(`N = ${n}: generating…`);
  // the same seeded generator as the app's ?synthetic=N (clustered around real places, made-up indicators)
  const settlements = syntheticRegister(n, places.map((p) => ({ lat: p.lat, lon: p.lon, oblast: null })), preset('2019'), n);
  const runs = n <= 10_000 ? 7 : n <= 100_000 ? 5 : 3;
  // Register columns: built once when a register is loaded (coordinates, unit vectors and spatial order), then
  // shared by every recomputation. Printed apart so that nothing is hidden.
  const columnsMs = time(() => new RegisterColumns(settlements).sorted(), runs);
  line({ bench: 'register_columns', n, ms_median: round(columnsMs), naive_ms_median: null, ratio: null });
  // Geospatial: town tiers, indexes and every query, from the loaded register to the geospatial columns (what the
  // app reruns when a geospatial parameter changes).
  const register = new RegisterColumns(settlements);
  register.sorted();
  const geospatial = () => computeGeoTable(register, buildGeoContext(register, config, inputs));
  let geo: GeoTable = geospatial();
  const geoMs = time(() => (geo = geospatial()), runs);
  const naive = n <= 100_000 ? naiveGeospatialMs(settlements) : null;
  line({ bench: 'geospatial', n, ms_median: round(geoMs), naive_ms_median: round(naive?.ms ?? null), ratio: naive ? round(naive.ms / geoMs) : null, ...(naive?.sampled ? { naive_sampled: naive.sampled } : {}) });

  const districtLine = districtFigures(settlements, runs);
  if (districtLine) line(districtLine);
  else log('  districts: ../shared/data/kz-adm2-2024.fgb not found, no point-in-polygon figure');

  // The whole assessment from the records: geospatial block, scores, potential classes, categories.
  const assessMs = time(() => assessTable(new RegisterColumns(settlements), config, inputs), runs);
  const scoreMs = time(() => reassessTable(register, geo, config), runs);
  line({ bench: 'assess', n, ms_median: round(assessMs), naive_ms_median: naive ? round(naive.ms + scoreMs) : null, ratio: naive ? round((naive.ms + scoreMs) / assessMs) : null, ...(naive?.sampled ? { naive_sampled: naive.sampled } : {}) });

  // A weight change: youth share worth 15 instead of 10 (demography block 55). Only scoring and categories rerun,
  // on the register columns the app already holds.
  const edited = structuredClone(config);
  edited.indicators.find((i) => i.id === 'share_young')!.points = 15;
  edited.blocks.find((b) => b.id === 'demography')!.max_points = 55;
  let assessed = reassessTable(register, geo, edited);
  const reclassMs = time(() => (assessed = reassessTable(register, geo, edited)), Math.max(runs, 5));
  const supports: number[] = [];
  assessed.classes.category.forEach((c, i) => CATEGORIES[c] === 'support' && supports.push(i));
  const naiveSat = n <= 100_000 ? naiveSatellitesMs(settlements, supports) : null;
  const naiveReclass = naiveSat ? naiveSat.ms + reclassMs : null;
  line({ bench: 'reclassify', n, ms_median: round(reclassMs), naive_ms_median: round(naiveReclass), ratio: naiveReclass ? round(naiveReclass / reclassMs) : null, ...(naiveSat?.sampled ? { naive_sampled: naiveSat.sampled } : {}) });
  log(`  categories: ${CATEGORIES.map((c, k) => `${c} ${assessed.classes.category.filter((x) => x === k).length}`).join(', ')}`);
}

if (ONLY !== 'browser') {
  // io: the corpus and `auyl assess` end to end (bench/io.ts; BENCH_IO=0 skips it).
  await import('./io.ts');
}
if (ONLY !== 'engine') {
  const { runBrowserBench } = await import('./browser.ts');
  await runBrowserBench();
}
