// Approved lists against the methodology: the category a local executive body approved beside the one computed,
// and for approved satellites, whether their approved support settlement is within reach. Ranking (stated in the
// README): support > satellite = strategic > other.
import type { Category } from './types.ts';
import { CATEGORIES, satelliteRadius } from './classify.ts';
import type { AssessmentTable } from './assess.ts';
import { haversineKm } from './geo/sphere.ts';

export const AUDIT_CLASSES = ['agreement', 'upgrade', 'downgrade', 'changed', 'no_status'] as const;
export type AuditClass = (typeof AUDIT_CLASSES)[number];

// a town is outside the ranking (outside the rural programme): against any rural category it is 'changed'
const RANK: Record<Category, number> = { support: 2, satellite: 1, strategic: 1, other: 0, town: NaN };

// Words for the approved category in Kazakh, Russian and English (stems, so that «опорное», «опорный СНП»,
// «тірек ауыл» all read as support).
const WORDS: [Category, RegExp][] = [
  ['support', /^(support|тірек|тiрек|опорн)/],
  ['satellite', /^(satellite|серіктес|серiктес|спутник)/],
  ['strategic', /(strategic|стратег|шекара маңы|приграничн)/],
  ['other', /^(other|басқа|өзге|проч|иные|иной)/],
  // a town (outside the rural programme): an exported assessment read back keeps its towns
  ['town', /^(town|қала|город)/],
];

/** The approved category from a cell: a Category, null for an empty cell, or undefined for a word it does not know. */
export function parseOfficialCategory(cell: string | null | undefined): Category | null | undefined {
  const s = (cell ?? '').trim().toLocaleLowerCase('ru').replace(/\s+/g, ' ');
  if (!s) return null;
  return WORDS.find(([, re]) => re.test(s))?.[0];
}

export function auditClass(official: Category | null, computed: Category): AuditClass {
  if (official === null) return 'no_status';
  if (official === computed) return 'agreement';
  const d = RANK[official] - RANK[computed];
  if (Number.isNaN(d)) return 'changed';
  return d > 0 ? 'upgrade' : d < 0 ? 'downgrade' : 'changed';
}

/** Audit codes (index into AUDIT_CLASSES) for a register: `official` and `computed` are CATEGORIES codes, 255 = no status. */
export function auditColumns(official: Uint8Array, computed: Uint8Array): Uint8Array {
  const out = new Uint8Array(official.length);
  for (let i = 0; i < official.length; i++)
    out[i] = AUDIT_CLASSES.indexOf(auditClass(official[i] === 255 ? null : CATEGORIES[official[i]], CATEGORIES[computed[i]]));
  return out;
}

export type SatelliteFlag = 'support_not_found' | 'support_not_approved' | 'support_too_far' | 'support_other_district';

export interface SatelliteCheckRow {
  lat: number;
  lon: number;
  district: string | null;
  official: Category | null;
}

/** Why an approved satellite's approved support settlement is doubtful, with the distance (km) between them. */
export function checkApprovedSatellite(
  satellite: SatelliteCheckRow,
  support: SatelliteCheckRow | undefined,
  radiusKm: number,
): { flags: SatelliteFlag[]; km: number | null } {
  if (!support) return { flags: ['support_not_found'], km: null };
  const km = haversineKm(satellite.lon, satellite.lat, support.lon, support.lat);
  const flags: SatelliteFlag[] = [];
  if (support.official !== 'support') flags.push('support_not_approved');
  if (km > radiusKm) flags.push('support_too_far');
  if (satellite.district && support.district && satellite.district !== support.district) flags.push('support_other_district');
  return { flags, km };
}

/** One settlement of an audited register. */
export interface AuditRow {
  row: number;
  official: Category | null;
  computed: Category;
  audit: AuditClass;
  /** For approved satellites with an approved support settlement: why that link is doubtful, and its length. */
  flags: SatelliteFlag[];
  kmToOfficialSupport: number | null;
}

export interface AuditCounts {
  settlements: number;
  byClass: Record<AuditClass, number>;
  flaggedSatellites: number;
}

const emptyCounts = (): AuditCounts => ({ settlements: 0, byClass: Object.fromEntries(AUDIT_CLASSES.map((c) => [c, 0])) as Record<AuditClass, number>, flaggedSatellites: 0 });

/** The audit of an assessed register that carries approved statuses: a row per settlement, counts per district
 *  (the register's district, else the district layer's, else "—") and for the whole register. */
export function auditAssessment(table: AssessmentTable): { rows: AuditRow[]; byDistrict: Map<string, AuditCounts>; total: AuditCounts } {
  const { register, classes, geo, config } = table;
  // read from the columns (no record per row)
  const official = (i: number) => register.official?.[i] ?? null;
  const byId = new Map(register.ids.map((id, i) => [id, i]));
  const districtOf = (i: number) => register.texts.district[i] ?? (geo.district[i] >= 0 ? geo.districts[geo.district[i]].name : null);
  const checkRow = (i: number): SatelliteCheckRow => ({ lat: register.lat[i], lon: register.lon[i], district: districtOf(i), official: official(i)?.category ?? null });
  const rows: AuditRow[] = [];
  const byDistrict = new Map<string, AuditCounts>();
  const total = emptyCounts();
  for (let i = 0; i < register.size; i++) {
    const approved = official(i)?.category ?? null;
    const computed = CATEGORIES[classes.category[i]];
    let flags: SatelliteFlag[] = [];
    let km: number | null = null;
    const supportId = official(i)?.support_id;
    if (approved === 'satellite' && supportId) {
      const j = byId.get(supportId);
      const support = j === undefined ? undefined : checkRow(j);
      const radius = j === undefined ? config.categories.satellite.radius_km : satelliteRadius(config, register.texts.oblast[j]);
      ({ flags, km } = checkApprovedSatellite(checkRow(i), support, radius));
    }
    const row: AuditRow = { row: i, official: approved, computed, audit: auditClass(approved, computed), flags, kmToOfficialSupport: km };
    rows.push(row);
    const key = districtOf(i) ?? '—';
    let d = byDistrict.get(key);
    if (!d) byDistrict.set(key, (d = emptyCounts()));
    for (const c of [d, total]) {
      c.settlements++;
      c.byClass[row.audit]++;
      if (flags.length) c.flaggedSatellites++;
    }
  }
  return { rows, byDistrict, total };
}

/** Code of a row that is not assessed (no computed category): neither side of an audit. */
export const NOT_AUDITED = 255;
const DISAGREEMENT: readonly boolean[] = AUDIT_CLASSES.map((c) => c === 'upgrade' || c === 'downgrade' || c === 'changed');
/** Whether an audit class code is a disagreement (upgrade, downgrade or changed). */
export const isDisagreement = (code: number): boolean => DISAGREEMENT[code] === true;

/** The audit of one register under two sets of computed categories (the baseline and a scenario). */
export interface AuditDiff {
  /** Per row, AUDIT_CLASSES code under each side (NOT_AUDITED where that side has no category). */
  baseline: Uint8Array;
  scenario: Uint8Array;
  /** Rows (ascending) that disagree under the baseline and agree under the scenario. */
  resolved: number[];
  /** Rows that agree under the baseline and disagree under the scenario. */
  created: number[];
  /** Rows that disagree on both sides, in another way (e.g. an upgrade became a change). */
  shifted: number[];
}

/** Approved categories against the baseline's and the scenario's: which disagreements the scenario resolves and
 *  which it creates. All three arrays are CATEGORIES codes per row; 255 = no approved status (`official`) or not
 *  assessed (`baselineCategory`, `scenarioCategory`). */
export function auditDiff(official: Uint8Array, baselineCategory: Uint8Array, scenarioCategory: Uint8Array): AuditDiff {
  const n = official.length;
  const classOf = (computed: number, i: number) =>
    computed === 255 ? NOT_AUDITED : AUDIT_CLASSES.indexOf(auditClass(official[i] === 255 ? null : CATEGORIES[official[i]], CATEGORIES[computed]));
  const baseline = new Uint8Array(n), scenario = new Uint8Array(n);
  const resolved: number[] = [], created: number[] = [], shifted: number[] = [];
  const agreement = AUDIT_CLASSES.indexOf('agreement');
  for (let i = 0; i < n; i++) {
    const b = (baseline[i] = classOf(baselineCategory[i], i));
    const s = (scenario[i] = classOf(scenarioCategory[i], i));
    if (b === NOT_AUDITED || s === NOT_AUDITED || b === s) continue;
    if (isDisagreement(b) && s === agreement) resolved.push(i);
    else if (b === agreement && isDisagreement(s)) created.push(i);
    else if (isDisagreement(b) && isDisagreement(s)) shifted.push(i);
  }
  return { baseline, scenario, resolved, created, shifted };
}

/** Audit counts per unit: `codes` AUDIT_CLASSES codes (NOT_AUDITED rows are left out), `flagged[i] = 1` for an
 *  approved satellite whose approved support is doubtful, `unit[i]` the row's unit (0 … unitCount-1; -1: none,
 *  left out). */
export function auditCountsByUnit(codes: Uint8Array, flagged: Uint8Array, unit: Int32Array, unitCount: number): AuditCounts[] {
  const out = Array.from({ length: unitCount }, emptyCounts);
  for (let i = 0; i < codes.length; i++) {
    const u = unit[i];
    if (u < 0 || codes[i] === NOT_AUDITED) continue;
    const c = out[u];
    c.settlements++;
    c.byClass[AUDIT_CLASSES[codes[i]]]++;
    if (flagged[i]) c.flaggedSatellites++;
  }
  return out;
}
