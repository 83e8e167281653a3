// The Network tab's pure parts: reading the form into a solve request (or the field that is wrong), the id list
// text box, and the coverage curve's SVG points.
import type { NetworkSolveRequest } from '../../worker/network-protocol.ts';
import type { NetworkUiKey } from '../../i18n/network-ui.ts';

export interface NetworkForm {
  kind: 'mclp' | 'lscp' | 'pmedian';
  supports: number;
  /** Percent of rural people (lscp). */
  targetPercent: number;
  /** null: the scenario's regional radii. */
  radiusKm: number | null;
  candidates: 'eligible' | 'all';
  requiredIds: string[];
  excludedText: string;
}

export type FormProblem = { key: NetworkUiKey; field: NetworkUiKey; params?: Record<string, number> };

/** Ids separated by commas, semicolons, spaces or lines; blanks and repeats dropped, order kept. */
export function parseIdList(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean))];
}

export function solveRequestOf(f: NetworkForm, maxSupports: number): { request: Omit<NetworkSolveRequest, 'type' | 'id'> } | { problem: FormProblem } {
  const common = { candidates: f.candidates, requiredIds: f.requiredIds, excludedIds: parseIdList(f.excludedText), radiusKm: f.radiusKm };
  if (f.radiusKm !== null && !(f.radiusKm > 0 && f.radiusKm <= 500)) return { problem: { key: 'bad.radius', field: 'radius' } };
  if (f.kind === 'lscp') {
    if (!(f.targetPercent >= 1 && f.targetPercent <= 100)) return { problem: { key: 'bad.target', field: 'target' } };
    return { request: { ...common, problem: { kind: 'lscp', target: f.targetPercent / 100 } } };
  }
  if (!Number.isInteger(f.supports) || f.supports < 1 || f.supports > maxSupports) return { problem: { key: 'bad.supports', field: 'supports', params: { max: maxSupports } } };
  return { request: { ...common, problem: { kind: f.kind, supports: f.supports } } };
}

/** The covered share after N = 1…curve.length supports as SVG polyline points in a w × h box (share 0 at the
 *  bottom, 1 at the top; N = 1 at the left, the last N at the right). */
export function curvePoints(curve: ArrayLike<number>, ruralPopulation: number, w: number, h: number): string {
  const n = curve.length;
  if (n === 0 || !(ruralPopulation > 0)) return '';
  const x = (k: number) => (n === 1 ? 0 : (k / (n - 1)) * w);
  const y = (v: number) => h - (v / ruralPopulation) * h;
  return Array.from({ length: n }, (_, k) => `${round(x(k))},${round(y(curve[k]))}`).join(' ');
}

/** The curve's point for N supports (N counted from 1), or null when the curve does not reach N. */
export function curvePointAt(curve: ArrayLike<number>, ruralPopulation: number, w: number, h: number, supports: number): { x: number; y: number } | null {
  const n = curve.length;
  if (supports < 1 || supports > n || !(ruralPopulation > 0)) return null;
  return { x: round(n === 1 ? 0 : ((supports - 1) / (n - 1)) * w), y: round(h - (curve[supports - 1] / ruralPopulation) * h) };
}

const round = (v: number) => Math.round(v * 10) / 10;
