// Validates a methodology: the schema first, then the rules a schema cannot express (points add up,
// steps are monotonic in the indicator's direction, ids are unique). Every problem names its path.
import * as v from 'valibot';
import { MethodologySchema, type Methodology } from './schema.ts';

export interface ConfigProblem {
  path: string;
  message: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(`Invalid methodology config:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const EPS = 1e-9;

function checkIndicators(m: Methodology, problems: ConfigProblem[]) {
  const seen = new Set<string>();
  m.indicators.forEach((ind, i) => {
    const at = `indicators[${i}]`;
    if (seen.has(ind.id)) problems.push({ path: `${at}.id`, message: `duplicate indicator id "${ind.id}"` });
    seen.add(ind.id);
    if (!m.blocks.some((b) => b.id === ind.block)) problems.push({ path: `${at}.block`, message: `block "${ind.block}" is not declared in blocks` });
    const r = ind.rule;
    if (r.type === 'linear') {
      if (r.zero === r.full) problems.push({ path: `${at}.rule`, message: 'zero and full must differ' });
      if (ind.direction === 'higher' && r.full < r.zero) problems.push({ path: `${at}.rule`, message: 'direction "higher" needs full > zero' });
      if (ind.direction === 'lower' && r.full > r.zero) problems.push({ path: `${at}.rule`, message: 'direction "lower" needs full < zero' });
      if (ind.direction === 'ideal') problems.push({ path: `${at}.rule`, message: 'direction "ideal" needs an ideal rule' });
    } else if (r.type === 'steps') {
      const sorted = r.steps
        .map((s, j) => ({ j, from: s.from ?? -Infinity, to: s.to ?? Infinity, points: s.points }))
        .sort((a, b) => a.from - b.from);
      sorted.forEach((s, k) => {
        const sp = `${at}.rule.steps[${s.j}]`;
        if (s.to <= s.from) problems.push({ path: sp, message: `"to" (${s.to}) must be greater than "from" (${s.from})` });
        if (s.points > ind.points + EPS) problems.push({ path: `${sp}.points`, message: `${s.points} exceeds the indicator's ${ind.points} points` });
        const prev = sorted[k - 1];
        if (!prev) return;
        if (s.from < prev.to) problems.push({ path: sp, message: 'steps overlap' });
        if (ind.direction === 'higher' && s.points < prev.points) problems.push({ path: `${sp}.points`, message: 'direction "higher" needs points that do not fall as values rise' });
        if (ind.direction === 'lower' && s.points > prev.points) problems.push({ path: `${sp}.points`, message: 'direction "lower" needs points that do not rise as values rise' });
      });
    } else if (ind.direction !== 'ideal') {
      problems.push({ path: `${at}.direction`, message: 'an ideal rule needs direction "ideal"' });
    }
  });
}

function consistency(m: Methodology): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  checkIndicators(m, problems);
  const blockIds = new Set<string>();
  m.blocks.forEach((b, i) => {
    if (blockIds.has(b.id)) problems.push({ path: `blocks[${i}].id`, message: `duplicate block "${b.id}"` });
    blockIds.add(b.id);
    const sum = m.indicators.filter((ind) => ind.block === b.id && ind.enabled).reduce((s, ind) => s + ind.points, 0);
    if (Math.abs(sum - b.max_points) > 1e-6)
      problems.push({ path: `blocks[${i}].max_points`, message: `block "${b.id}" has max_points ${b.max_points} but its enabled indicators add up to ${sum}` });
  });
  if (m.potential.medium > m.potential.high) problems.push({ path: 'potential.medium', message: `must not exceed potential.high (${m.potential.high})` });
  const tierIds = new Set<string>();
  m.geospatial.town_tiers.forEach((t, i) => {
    if (tierIds.has(t.id)) problems.push({ path: `geospatial.town_tiers[${i}].id`, message: `duplicate tier "${t.id}"` });
    tierIds.add(t.id);
    if (!t.feature_codes.length && t.min_population === null && t.register_flag === null)
      problems.push({ path: `geospatial.town_tiers[${i}]`, message: 'a tier needs feature_codes, min_population or register_flag' });
  });
  return problems;
}

/** Returns the validated config, or null and every problem with its path. */
export function checkMethodology(input: unknown): { config: Methodology | null; problems: ConfigProblem[] } {
  const parsed = v.safeParse(MethodologySchema, input);
  if (!parsed.success) {
    return {
      config: null,
      problems: parsed.issues.map((issue) => ({ path: v.getDotPath(issue) ?? '(root)', message: issue.message })),
    };
  }
  const problems = consistency(parsed.output);
  return { config: problems.length ? null : parsed.output, problems };
}

/** Validates a config or throws a ConfigError listing every problem with its path. */
export function parseMethodology(input: unknown): Methodology {
  const { config, problems } = checkMethodology(input);
  if (!config) throw new ConfigError(problems);
  return config;
}
