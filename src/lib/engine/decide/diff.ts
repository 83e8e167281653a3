// A scenario against its baseline: which settlements change category or potential, as from → to matrices and the
// list of changed rows. Both sides are code columns of the same register (same rows, same order).
import { CATEGORIES } from '../classify.ts';
import { POTENTIALS } from '../score.ts';

export interface CodeDiff {
  /** matrix[from][to] = number of rows. */
  matrix: number[][];
  /** Rows whose code changed, in row order. */
  changed: Int32Array;
}

export function codeDiff(baseline: Uint8Array, scenario: Uint8Array, codes: number, mask?: Uint8Array): CodeDiff {
  if (baseline.length !== scenario.length) throw new Error(`baseline has ${baseline.length} rows, the scenario ${scenario.length}`);
  const matrix = Array.from({ length: codes }, () => new Array<number>(codes).fill(0));
  const changed: number[] = [];
  for (let i = 0; i < baseline.length; i++) {
    if (mask && !mask[i]) continue;
    matrix[baseline[i]][scenario[i]]++;
    if (baseline[i] !== scenario[i]) changed.push(i);
  }
  return { matrix, changed: Int32Array.from(changed) };
}

export const categoryDiff = (baseline: Uint8Array, scenario: Uint8Array, mask?: Uint8Array) => codeDiff(baseline, scenario, CATEGORIES.length, mask);
export const potentialDiff = (baseline: Uint8Array, scenario: Uint8Array, mask?: Uint8Array) => codeDiff(baseline, scenario, POTENTIALS.length, mask);
