// Block weights of a scenario (pure): one block changed, the others share the rest of the total in proportion,
// and each block's indicator points scale with it, so the config stays valid (validate.ts: points add up).
import type { Methodology } from '../../engine/config/schema.ts';

export const round = (x: number) => Math.round(x * 1000) / 1000;

/** Sets a block's maximum and scales its indicators' points (steps too) by the same factor. */
export function setBlockMax(config: Methodology, id: string, max: number): void {
  const block = config.blocks.find((b) => b.id === id);
  if (!block || !(max >= 0)) return;
  const old = block.max_points;
  block.max_points = max;
  const inds = config.indicators.filter((i) => i.block === id);
  if (old > 0) {
    const factor = max / old;
    for (const ind of inds) {
      ind.points *= factor;
      if (ind.rule.type === 'steps') for (const s of ind.rule.steps) s.points *= factor;
    }
    return;
  }
  // a block that was at 0: its points shared equally among its enabled indicators (steps keep their shape)
  const on = inds.filter((i) => i.enabled);
  for (const ind of on) {
    const before = ind.points;
    ind.points = max / on.length;
    if (ind.rule.type === 'steps') for (const s of ind.rule.steps) s.points = before > 0 ? (s.points / before) * ind.points : ind.points;
  }
}

/** Changes one scored block's weight and shares `total − weight` among the other scored blocks in proportion
 *  to their weights (equally when they are all 0). Returns the weights after. */
export function rebalance(config: Methodology, id: string, weight: number, total: number): void {
  const scored = config.blocks.filter((b) => b.scored);
  const w = Math.min(Math.max(weight, 0), total);
  const others = scored.filter((b) => b.id !== id);
  const rest = total - w;
  const sum = others.reduce((s, b) => s + b.max_points, 0);
  setBlockMax(config, id, w);
  others.forEach((b) => setBlockMax(config, b.id, round(sum > 0 ? (b.max_points / sum) * rest : rest / others.length)));
  // rounding: the last block takes the remainder so the total is exact
  const last = others.at(-1);
  if (last) setBlockMax(config, last.id, round(total - scored.filter((b) => b !== last).reduce((s, b) => s + b.max_points, 0)));
}

export const scoredTotal = (config: Methodology) => config.blocks.filter((b) => b.scored).reduce((s, b) => s + b.max_points, 0);

