// Points per indicator, per block, total, coverage and potential class. Pure arithmetic over the config, one
// indicator column at a time over the whole register (typed arrays; NaN = no data), so a weight change rescores
// 100,000 settlements in a few milliseconds. `score` is the same arithmetic for one settlement.
import type { IndicatorConfig, Methodology } from './config/schema.ts';
import type { Potential, Score } from './types.ts';
import { nullIfNaN } from './columns.ts';

/** Potential classes by code (the `potential` column of a ScoreTable); the code order is the rank order. */
export const POTENTIALS: readonly Potential[] = ['insufficient_data', 'low', 'medium', 'high'];

export interface ScoreTable {
  size: number;
  /** The enabled indicators, in config order; `values` and `points` follow it. */
  indicators: IndicatorConfig[];
  values: Float64Array[];
  /** NaN = no data for the indicator. */
  points: Float64Array[];
  blocks: { id: string; points: Float64Array }[];
  total: Float64Array;
  /** Percent of the points that could be earned, to 3 decimals (as the potential thresholds read it); NaN when
   *  none could be earned. Blocks, total and coverage are unrounded (records round them). */
  percent: Float64Array;
  coverage: Float64Array;
  /** Index into POTENTIALS. */
  potential: Uint8Array;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** The blocks that earn points; a provision (`scored: false`, e.g. the 2019 geospatial one) is applied as rules. */
export const scoredBlocks = (config: Methodology) => config.blocks.filter((b) => b.scored);

/** The most points a settlement can earn: 100 in both presets. */
export const maxTotalPoints = (config: Methodology) => scoredBlocks(config).reduce((sum, b) => sum + b.max_points, 0);

/** An indicator's points for every value of its column (NaN where there is no finite value); one tight loop per
 *  rule type. */
function pointsInto(ind: IndicatorConfig, column: Float64Array, out: Float64Array): void {
  const rule = ind.rule, max = ind.points, n = column.length;
  if (rule.type === 'linear') {
    const zero = rule.zero, span = rule.full - rule.zero;
    for (let i = 0; i < n; i++) {
      const v = column[i];
      out[i] = Number.isFinite(v) ? Math.max(0, Math.min(1, (v - zero) / span)) * max : NaN;
    }
  } else if (rule.type === 'ideal') {
    const ideal = rule.ideal, tolerance = rule.tolerance;
    for (let i = 0; i < n; i++) {
      const v = column[i];
      out[i] = Number.isFinite(v) ? Math.max(0, 1 - Math.abs(v - ideal) / tolerance) * max : NaN;
    }
  } else {
    const from = rule.steps.map((s) => s.from ?? -Infinity), to = rule.steps.map((s) => s.to ?? Infinity);
    const share = rule.steps.map((s) => (max > 0 ? s.points / max : 0));
    for (let i = 0; i < n; i++) {
      const v = column[i];
      if (!Number.isFinite(v)) {
        out[i] = NaN;
        continue;
      }
      let got = 0;
      for (let k = 0; k < from.length; k++)
        if (v >= from[k] && v < to[k]) {
          got = share[k];
          break;
        }
      out[i] = got * max;
    }
  }
}

/** Scores every row; `columnOf` gives the values of a column (register indicator, population, geospatial field). */
export function scoreColumns(config: Methodology, size: number, columnOf: (column: string) => Float64Array): ScoreTable {
  const scored = scoredBlocks(config);
  const indicators = config.indicators.filter((ind) => ind.enabled && scored.some((b) => b.id === ind.block));
  const values = indicators.map((ind) => columnOf(ind.column));
  const blocks = scored.map((b) => ({ id: b.id, points: new Float64Array(size) }));
  const total = new Float64Array(size);
  const earnable = new Float64Array(size);
  const withData = new Uint16Array(size);
  let all = 0;
  // Indicators without data in any row (a column the register lacks) share one all-NaN array: on a million rows
  // each would be 8 MB of NaN. Nothing writes into a score table's columns.
  let noPoints: Float64Array | null = null;
  const points = indicators.map((ind, k) => {
    const out = new Float64Array(size);
    pointsInto(ind, values[k], out);
    const block = blocks.find((b) => b.id === ind.block)?.points ?? new Float64Array(size);
    all += ind.points;
    let any = false;
    for (let i = 0; i < size; i++) {
      const p = out[i];
      if (p !== p) continue; // NaN: no data
      any = true;
      block[i] += p;
      total[i] += p;
      earnable[i] += ind.points;
      withData[i]++;
    }
    return any || size === 0 ? out : (noPoints ??= out);
  });
  const percent = new Float64Array(size);
  const coverage = new Float64Array(size);
  const potential = new Uint8Array(size);
  const { basis, min_coverage, high, medium } = config.potential;
  const count = indicators.length;
  for (let i = 0; i < size; i++) {
    const denominator = basis === 'available' ? earnable[i] : all;
    const pct = denominator > 0 ? round3((100 * total[i]) / denominator) : NaN;
    const cov = count ? withData[i] / count : 0;
    percent[i] = pct;
    coverage[i] = cov;
    // codes: 0 insufficient_data, 1 low, 2 medium, 3 high
    potential[i] = cov < min_coverage || pct !== pct ? 0 : pct >= high ? 3 : pct >= medium ? 2 : 1;
  }
  return { size, indicators, values, points, blocks, total, percent, coverage, potential };
}

/** One row of a ScoreTable as a record. */
export function scoreRecord(table: ScoreTable, i: number): Score {
  const blocks: Record<string, number> = {};
  for (const b of table.blocks) blocks[b.id] = round3(b.points[i]);
  return {
    indicators: table.indicators.map((ind, k) => ({ id: ind.id, block: ind.block, value: nullIfNaN(table.values[k][i]), points: nullIfNaN(table.points[k][i]), max: ind.points })),
    blocks,
    score_total: round3(table.total[i]),
    score_percent: nullIfNaN(table.percent[i]),
    coverage: round3(table.coverage[i]),
    potential: POTENTIALS[table.potential[i]],
  };
}

/** Scores one settlement; `values` gives the value of a column (register indicator, population, geospatial field). */
export function score(config: Methodology, values: Record<string, number | null> | ((column: string) => number | null)): Score {
  const valueOf = typeof values === 'function' ? values : (c: string) => values[c] ?? null;
  return scoreRecord(scoreColumns(config, 1, (column) => Float64Array.of(valueOf(column) ?? NaN)), 0);
}
