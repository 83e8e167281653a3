// Points per indicator, per block, total, coverage and potential class. Pure arithmetic over the config.
import type { IndicatorConfig, IndicatorRule, Methodology } from './config/schema.ts';
import type { IndicatorResult, Potential } from './types.ts';

/** Share (0..1) of an indicator's points that a value earns under a rule. */
export function ruleShare(rule: IndicatorRule, value: number, points: number): number {
  switch (rule.type) {
    case 'linear': {
      const t = (value - rule.zero) / (rule.full - rule.zero);
      return Math.max(0, Math.min(1, t));
    }
    case 'ideal':
      return Math.max(0, 1 - Math.abs(value - rule.ideal) / rule.tolerance);
    case 'steps': {
      const step = rule.steps.find((s) => (s.from === undefined || value >= s.from) && (s.to === undefined || value < s.to));
      return step && points > 0 ? step.points / points : 0;
    }
  }
}

export function scoreIndicator(ind: IndicatorConfig, value: number | null): IndicatorResult {
  const points = value === null || !Number.isFinite(value) ? null : ruleShare(ind.rule, value, ind.points) * ind.points;
  return { id: ind.id, block: ind.block, value, points, max: ind.points };
}

export interface Score {
  indicators: IndicatorResult[];
  blocks: Record<string, number>;
  score_total: number;
  score_percent: number | null;
  coverage: number;
  potential: Potential;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Scores one settlement from its values (register indicators, population and geospatial fields by column). */
const activeCache = new WeakMap<Methodology, IndicatorConfig[]>();
function activeIndicators(config: Methodology): IndicatorConfig[] {
  let active = activeCache.get(config);
  if (!active) activeCache.set(config, (active = config.indicators.filter((ind) => ind.enabled)));
  return active;
}

/** Scores one settlement; `valueOf` gives the value of a column (register indicator, population, geospatial field). */
export function score(config: Methodology, values: Record<string, number | null> | ((column: string) => number | null)): Score {
  const valueOf = typeof values === 'function' ? values : (c: string) => values[c] ?? null;
  const indicators = activeIndicators(config).map((ind) => scoreIndicator(ind, valueOf(ind.column)));
  const blocks: Record<string, number> = {};
  for (const b of config.blocks) blocks[b.id] = 0;
  let total = 0, earnable = 0, all = 0, withData = 0;
  for (const r of indicators) {
    all += r.max;
    if (r.points === null) continue;
    withData++;
    earnable += r.max;
    blocks[r.block] += r.points;
    total += r.points;
  }
  for (const b of Object.keys(blocks)) blocks[b] = round3(blocks[b]);
  const coverage = indicators.length ? withData / indicators.length : 0;
  const denominator = config.potential.basis === 'available' ? earnable : all;
  const score_percent = denominator > 0 ? round3((100 * total) / denominator) : null;
  let potential: Potential;
  if (coverage < config.potential.min_coverage || score_percent === null) potential = 'insufficient_data';
  else if (score_percent >= config.potential.high) potential = 'high';
  else if (score_percent >= config.potential.medium) potential = 'medium';
  else potential = 'low';
  return { indicators, blocks, score_total: round3(total), score_percent, coverage: round3(coverage), potential };
}
