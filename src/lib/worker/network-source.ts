// What the network suggestion solves from: the model's assessment in force and which register rows are rural
// (the assessment's own town class: one rule for the map, the summaries, the coverage and the network).
import type { AtlasModel } from './model.ts';
import type { NetworkSource } from './network.ts';
import type { AssessmentTable } from '../engine/assess.ts';
import { NOT_IN_NETWORK, type NetworkResult } from './network-protocol.ts';
import { CATEGORIES } from '../engine/classify.ts';
import { NETWORK_CLASSES, NET_COVERED, NET_DROPPED, NET_KEPT, NET_NEW, NET_OUTSIDE, NET_UNCOVERED } from '../map/network-classes.ts';

/** Per register row: 1 = rural, 0 = a town by the one rule (engine/settlement-kind.ts), which the assessment in
 *  force already applied: a town is classed 'town' (KATO type 1; else the capital, a regional seat or 10,000+). */
export function ruralRegisterRows(table: Pick<AssessmentTable, 'classes'>): Uint8Array {
  return Uint8Array.from(table.classes.category, (c) => (c === TOWN_CATEGORY ? 0 : 1));
}

/** The source of a solve, or null before the first assessment. */
export function networkSourceOf(m: AtlasModel | null): NetworkSource | null {
  if (!m?.assessed) return null;
  return { table: m.assessed, rural: ruralRegisterRows(m.assessed) };
}

/** Per map row: the network role of its register row (NOT_IN_NETWORK for towns and rows not in the register). */
export function mapRowRoles(result: Pick<NetworkResult, 'role'>, regIndex: Int32Array, notInNetwork: number): Uint8Array {
  return Uint8Array.from(regIndex, (r) => (r >= 0 ? result.role[r] : notInNetwork));
}

/** One suggested support for the tab's table: its register id, its map row (-1: not drawn) and the people it serves
 *  (itself and the settlements assigned to it within the radius). */
export interface NetworkSupportLine {
  id: string;
  mapRow: number;
  served: number;
  /** The register's names (null where the register has none; the UI falls back to the id). */
  names: { kk: string | null; ru: string | null; en: string | null };
}

type RegisterNames = { name_kk: ArrayLike<string | null>; name_ru: ArrayLike<string | null>; name_en: ArrayLike<string | null> };

const SUPPORT_ROLE = 0, SATELLITE_ROLE = 1;
const SUPPORT_CATEGORY = CATEGORIES.indexOf('support');
const TOWN_CATEGORY = CATEGORIES.indexOf('town');

export function supportLines(result: Pick<NetworkResult, 'supports' | 'role' | 'supportRow'>, ids: readonly string[], population: ArrayLike<number>, regIndex: Int32Array, names?: RegisterNames): NetworkSupportLine[] {
  const served = new Map<number, number>();
  for (let r = 0; r < result.role.length; r++) {
    if (result.role[r] !== SUPPORT_ROLE && result.role[r] !== SATELLITE_ROLE) continue;
    const s = result.supportRow[r];
    served.set(s, (served.get(s) ?? 0) + population[r]);
  }
  const mapRowOf = new Map<number, number>();
  regIndex.forEach((r, i) => {
    if (r >= 0 && !mapRowOf.has(r)) mapRowOf.set(r, i);
  });
  return Array.from(result.supports, (r) => ({
    id: ids[r], mapRow: mapRowOf.get(r) ?? -1, served: served.get(r) ?? 0,
    names: { kk: names?.name_kk[r] ?? null, ru: names?.name_ru[r] ?? null, en: names?.name_en[r] ?? null },
  }));
}

/** Register ids of the assessment's supports that are rural (the "keep the current supports" list). */
export function currentRuralSupportIds(source: NetworkSource): string[] {
  const { table, rural } = source;
  const ids: string[] = [];
  for (let r = 0; r < table.register.size; r++) if (table.classes.category[r] === SUPPORT_CATEGORY && (!rural || rural[r] === 1)) ids.push(table.register.ids[r]);
  return ids;
}

/** Per register row: 1 = a support of the assessment in force and rural (the suggestion's "approved" list). */
export function currentRuralSupportRows(source: NetworkSource): Uint8Array {
  const { table, rural } = source;
  return Uint8Array.from(table.classes.category, (c, r) => (c === SUPPORT_CATEGORY && (!rural || rural[r] === 1) ? 1 : 0));
}

/** The suggestion on the map: a NETWORK_CLASSES code per map row, and the count of map rows in each class. */
export function networkMapClasses(result: Pick<NetworkResult, 'role'>, current: Uint8Array, regIndex: Int32Array): { codes: Uint8Array; counts: number[] } {
  const codes = new Uint8Array(regIndex.length);
  const counts = NETWORK_CLASSES.map(() => 0);
  for (let i = 0; i < regIndex.length; i++) {
    const r = regIndex[i];
    const role = r >= 0 ? result.role[r] : NOT_IN_NETWORK;
    const approved = r >= 0 && current[r] === 1;
    const code = role === SUPPORT_ROLE ? (approved ? NET_KEPT : NET_NEW)
      : role === NOT_IN_NETWORK ? NET_OUTSIDE
      : approved ? NET_DROPPED
      : role === SATELLITE_ROLE ? NET_COVERED : NET_UNCOVERED;
    codes[i] = code;
    counts[code]++;
  }
  return { codes, counts };
}
