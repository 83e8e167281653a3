// Approved lists against the methodology: the category a local executive body approved beside the one computed,
// and for approved satellites, whether their approved support settlement is within reach. Ranking (stated in the
// README): support > satellite = strategic > other.
import type { Category } from './types.ts';
import { CATEGORIES, satelliteRadius } from './classify.ts';
import type { AssessmentTable } from './assess.ts';
import { haversineKm } from './geo/sphere.ts';

export const AUDIT_CLASSES = ['agreement', 'upgrade', 'downgrade', 'changed', 'no_status'] as const;
export type AuditClass = (typeof AUDIT_CLASSES)[number];

const RANK: Record<Category, number> = { support: 2, satellite: 1, strategic: 1, other: 0 };

// Words for the approved category in Kazakh, Russian and English (stems, so that «опорное», «опорный СНП»,
// «тірек ауыл» all read as support).
const WORDS: [Category, RegExp][] = [
  ['support', /^(support|тірек|тiрек|опорн)/],
  ['satellite', /^(satellite|серіктес|серiктес|спутник)/],
  ['strategic', /(strategic|стратег|шекара маңы|приграничн)/],
  ['other', /^(other|басқа|өзге|проч|иные|иной)/],
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
  const settlements = register.settlements;
  const byId = new Map(settlements.map((s, i) => [s.id, i]));
  const districtOf = (i: number) => settlements[i].district ?? (geo.district[i] >= 0 ? geo.districts[geo.district[i]].name : null);
  const checkRow = (i: number): SatelliteCheckRow => ({ lat: settlements[i].lat, lon: settlements[i].lon, district: districtOf(i), official: settlements[i].official?.category ?? null });
  const rows: AuditRow[] = [];
  const byDistrict = new Map<string, AuditCounts>();
  const total = emptyCounts();
  for (let i = 0; i < register.size; i++) {
    const s = settlements[i];
    const official = s.official?.category ?? null;
    const computed = CATEGORIES[classes.category[i]];
    let flags: SatelliteFlag[] = [];
    let km: number | null = null;
    const supportId = s.official?.support_id;
    if (official === 'satellite' && supportId) {
      const j = byId.get(supportId);
      const support = j === undefined ? undefined : checkRow(j);
      const radius = j === undefined ? config.categories.satellite.radius_km : satelliteRadius(config, settlements[j].oblast);
      ({ flags, km } = checkApprovedSatellite(checkRow(i), support, radius));
    }
    const row: AuditRow = { row: i, official, computed, audit: auditClass(official, computed), flags, kmToOfficialSupport: km };
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
