// Approved lists against the methodology: the category a local executive body approved beside the one computed,
// and for approved satellites, whether their approved support settlement is within reach. Ranking (stated in the
// README): support > satellite = strategic > other.
import type { Category } from './types.ts';
import { CATEGORIES } from './classify.ts';
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
