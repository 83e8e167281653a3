// The audit report as files: one row per settlement (approved against computed, with the computed reason and the
// approved-satellite checks), the counts per district, and the methodology used. CSV through the one CsvWriter
// (formula injection neutralised; `excel`: BOM, semicolons, decimal comma).
import type { AssessmentTable } from '../engine/assess.ts';
import type { AuditRow, AuditCounts } from '../engine/audit.ts';
import { AUDIT_CLASSES } from '../engine/audit.ts';
import { categoryReason, CATEGORY_RULES } from '../engine/classify.ts';
import { POTENTIALS } from '../engine/score.ts';
import { CsvWriter } from './csv.ts';

export const AUDIT_COLUMNS = [
  'id', 'name_kk', 'name_ru', 'name_en', 'oblast', 'district', 'population', 'official_category', 'official_year',
  'computed_category', 'audit', 'potential', 'score_percent', 'category_rule', 'category_reason',
  'official_support_id', 'km_to_official_support', 'satellite_flags',
] as const;

export const AUDIT_DISTRICT_COLUMNS = ['district', 'settlements', ...AUDIT_CLASSES, 'flagged_satellites'] as const;

const round1 = (x: number | null) => (x === null || !Number.isFinite(x) ? null : Math.round(x * 10) / 10);

/** Files to write: `out` (settlements), `out` with .districts.csv (counts), `out` with .params.json (methodology). */
export function writeAuditReport(
  out: string,
  table: AssessmentTable,
  audit: { rows: AuditRow[]; byDistrict: Map<string, AuditCounts>; total: AuditCounts },
  options: { excel?: boolean } = {},
): Map<string, Uint8Array> {
  const encoder = new TextEncoder();
  const { register, config } = table;
  const inputs = { register, geo: table.geo, potential: table.scores.potential, config };
  const settlements = new CsvWriter([...AUDIT_COLUMNS], { excel: options.excel });
  const lines = [settlements.header()];
  for (const a of audit.rows) {
    const s = register.row(a.row); // one record at a time: not the whole register as records
    const district = s.district ?? (table.geo.district[a.row] >= 0 ? table.geo.districts[table.geo.district[a.row]].name : null);
    lines.push(settlements.row([
      s.id, s.name_kk, s.name_ru, s.name_en, s.oblast, district, s.population, a.official, s.official?.year ?? null,
      a.computed, a.audit, POTENTIALS[table.scores.potential[a.row]], round1(table.scores.percent[a.row]),
      CATEGORY_RULES[table.classes.rule[a.row]], categoryReason(inputs, table.classes, a.row),
      s.official?.support_id ?? null, round1(a.kmToOfficialSupport), a.flags.join('|'),
    ]));
  }
  const districts = new CsvWriter([...AUDIT_DISTRICT_COLUMNS], { excel: options.excel });
  const counts = (name: string, c: AuditCounts) => districts.row([name, c.settlements, ...AUDIT_CLASSES.map((k) => c.byClass[k]), c.flaggedSatellites]);
  const districtLines = [districts.header(), ...[...audit.byDistrict.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([name, c]) => counts(name, c)), counts('(all)', audit.total)];
  const base = out.replace(/\.csv$/i, '');
  return new Map([
    [out, encoder.encode(lines.join(''))],
    [`${base}.districts.csv`, encoder.encode(districtLines.join(''))],
    [`${base}.params.json`, encoder.encode(JSON.stringify({ ranking: 'support > satellite = strategic > other', methodology: config }, null, 2) + '\n')],
  ]);
}
