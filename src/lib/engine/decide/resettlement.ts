// The voluntary resettlement programme (the ministry's 2023 letter, section 3): sending (labour-surplus) and
// receiving (labour-deficit) regions, and the state support a family moving gets, in tenge from a dated MCI value.
// Every amount is the letter's [letter]; the MCI values are to be checked against each year's budget law [assumed].
import { findRegion } from '../regions.ts';

export type RegionRole = 'sending' | 'receiving' | 'neither';

/** A region's role in the programme (regions.ts holds it per region), from its ISO code or any of its names. */
export function regionRole(region: string | null): RegionRole {
  return (region ? findRegion(region)?.resettlement : null) ?? 'neither';
}

/** MCI (monthly calculation index, ₸) by year: starting values to verify against the budget law [assumed]. */
export const MCI_BY_YEAR: Record<number, number> = { 2023: 3450, 2024: 3692, 2025: 3932, 2026: 4325 };

export const RULES = {
  movingMciPerMember: 70,
  rentMciPerMonth: { min: 15, max: 30 },
  employerMciPerHire: 400,
  certificateShare: 0.5,
  certificateCapTenge: 4_000_000,
} as const;

export interface FamilyCase {
  mci: number;
  members: number;
  rentMonths: number;
  /** MCI a month for rent, within RULES.rentMciPerMonth. */
  rentMciPerMonth: number;
  employerHires: number;
  homePriceTenge: number;
}

export interface SupportLine {
  id: 'moving' | 'rent' | 'employer' | 'certificate';
  tenge: number;
  /** The arithmetic, e.g. "70 MCI × 4 members × 4,325 ₸". */
  arithmetic: { mci?: number; count?: number; months?: number; share?: number; cap?: number; price?: number };
}

export interface SupportResult {
  lines: SupportLine[];
  total: number;
  problems: { field: keyof FamilyCase; message: string }[];
}

export function familySupport(c: FamilyCase): SupportResult {
  const problems: SupportResult['problems'] = [];
  const whole = (field: keyof FamilyCase, min: number) => {
    if (!Number.isInteger(c[field]) || c[field] < min) problems.push({ field, message: `must be a whole number ≥ ${min}` });
  };
  if (!(c.mci > 0)) problems.push({ field: 'mci', message: 'must be a positive amount' });
  whole('members', 1);
  whole('rentMonths', 0);
  whole('employerHires', 0);
  if (!(c.homePriceTenge >= 0)) problems.push({ field: 'homePriceTenge', message: 'must be 0 or more' });
  const { min, max } = RULES.rentMciPerMonth;
  if (c.rentMonths > 0 && !(c.rentMciPerMonth >= min && c.rentMciPerMonth <= max))
    problems.push({ field: 'rentMciPerMonth', message: `must be between ${min} and ${max} MCI` });
  if (problems.length) return { lines: [], total: 0, problems };
  const certificate = Math.min(RULES.certificateShare * c.homePriceTenge, RULES.certificateCapTenge);
  const lines: SupportLine[] = [
    { id: 'moving', tenge: RULES.movingMciPerMember * c.members * c.mci, arithmetic: { mci: RULES.movingMciPerMember, count: c.members } },
    { id: 'rent', tenge: c.rentMciPerMonth * c.rentMonths * c.mci, arithmetic: { mci: c.rentMciPerMonth, months: c.rentMonths } },
    { id: 'employer', tenge: RULES.employerMciPerHire * c.employerHires * c.mci, arithmetic: { mci: RULES.employerMciPerHire, count: c.employerHires } },
    { id: 'certificate', tenge: certificate, arithmetic: { share: RULES.certificateShare, cap: RULES.certificateCapTenge, price: c.homePriceTenge } },
  ];
  return { lines, total: lines.reduce((s, l) => s + l.tenge, 0), problems };
}
