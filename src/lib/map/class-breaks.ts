// Class breaks for graduated colour modes: quantile, equal interval, natural breaks (Ckmeans, the optimal 1-D
// k-means that Jenks approximates; simple-statistics) and custom values. Input: a column with NaN for no data.
// Output: the inner breaks, ascending and distinct (k classes need k - 1), so that class i holds
// breaks[i-1] ≤ value < breaks[i].
import { ckmeans } from 'simple-statistics';
import { MAX_CLASSES, MIN_CLASSES, type Classing } from './classes.ts';

export const clampCount = (k: number) => Math.max(MIN_CLASSES, Math.min(MAX_CLASSES, Math.round(Number.isFinite(k) ? k : 5)));

/** Finite values, sorted ascending. */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) n++;
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out[k++] = values[i];
  return out.sort();
}

const distinctAscending = (xs: number[]) => [...new Set(xs.map((x) => Math.round(x * 1e6) / 1e6))].sort((a, b) => a - b);

export function quantileBreaks(sorted: Float64Array, k: number): number[] {
  if (!sorted.length) return [];
  const out: number[] = [];
  for (let i = 1; i < k; i++) out.push(sorted[Math.min(sorted.length - 1, Math.floor((i * sorted.length) / k))]);
  // a break equal to the minimum would leave an empty first class
  return distinctAscending(out).filter((b) => b > sorted[0]);
}

export function equalIntervalBreaks(sorted: Float64Array, k: number): number[] {
  if (!sorted.length) return [];
  const min = sorted[0], max = sorted[sorted.length - 1];
  if (max === min) return [];
  return distinctAscending(Array.from({ length: k - 1 }, (_, i) => min + ((i + 1) * (max - min)) / k));
}

/** Natural breaks: each class after the first starts at the smallest value of its Ckmeans cluster. Large
 *  columns are sampled evenly (every m-th sorted value, at most 20,000) to keep it in milliseconds. */
export function naturalBreaks(sorted: Float64Array, k: number): number[] {
  if (!sorted.length) return [];
  const step = Math.max(1, Math.ceil(sorted.length / 20_000));
  const sample: number[] = [];
  for (let i = 0; i < sorted.length; i += step) sample.push(sorted[i]);
  const distinct = new Set(sample).size;
  const clusters = ckmeans(sample, Math.max(1, Math.min(k, distinct)));
  return distinctAscending(clusters.slice(1).map((c) => c[0]));
}

export function computeBreaks(values: ArrayLike<number>, classing: Classing): number[] {
  if (classing.method === 'custom') return distinctAscending(classing.custom.filter(Number.isFinite)).slice(0, MAX_CLASSES - 1);
  const sorted = sortedFinite(values);
  const k = clampCount(classing.count);
  if (classing.method === 'equal') return equalIntervalBreaks(sorted, k);
  if (classing.method === 'ckmeans') return naturalBreaks(sorted, k);
  return quantileBreaks(sorted, k);
}

export interface TypedBreaks {
  /** The values read, ascending and distinct (at most MAX_CLASSES - 1). */
  values: number[];
  /** What could not be read as a number, as typed. */
  unreadable: string[];
  /** More values than breaks a map can have (MAX_CLASSES - 1). */
  tooMany: boolean;
}

/** Custom breaks as typed. With a decimal comma (kk, ru) a comma between digits is the decimal mark ("40,5"),
 *  values are separated by ";", spaces, or a comma followed by a space; with a decimal point (en) by ",", ";" or
 *  spaces. Nothing is guessed: a token that is not a plain number is named in `unreadable`. */
export function parseTypedBreaks(text: string, decimalComma: boolean): TypedBreaks {
  const tokens = text.split(decimalComma ? /;|\s+|,(?=\s|$)|^,/ : /[;,\s]+/).map((x) => x.trim()).filter(Boolean);
  const number = decimalComma ? /^-?\d+(?:,\d+)?$/ : /^-?\d+(?:\.\d+)?$/;
  const unreadable = tokens.filter((x) => !number.test(x));
  const read = tokens.filter((x) => number.test(x)).map((x) => Number(x.replace(',', '.')));
  const values = distinctAscending(read);
  return { values: values.slice(0, MAX_CLASSES - 1), unreadable, tooMany: values.length > MAX_CLASSES - 1 };
}
