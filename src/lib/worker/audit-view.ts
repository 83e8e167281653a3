// The audit of approved statuses under the last compute, and one row's approved status for the panel.
import { assessmentRecord } from '../engine/assess.ts';
import { CATEGORIES, satelliteRadius } from '../engine/classify.ts';
import { AUDIT_CLASSES, auditAssessment, auditClass, auditCountsByUnit, auditDiff, checkApprovedSatellite, isDisagreement, NOT_AUDITED } from '../engine/audit.ts';
import type { PanelRecord } from './protocol.ts';
import type { AuditChange, AuditListRow, AuditReply, AuditUnitLine } from './protocol.ts';
import type { AtlasModel } from './model.ts';

/** The audit of approved statuses under the last compute: counts per region and district, the disagreements
 *  (and flagged approved satellites) with their computed reasons, and the scenario against the baseline. */
export function audit(m: AtlasModel, unitKey: string | null = null, limit = 500): AuditReply {
  const cols = m.exploreData?.cols, a = m.assessed;
  if (!cols || !a) throw new Error('nothing computed yet');
  if (m.auditCache?.of !== a) m.auditCache = { of: a, rows: auditAssessment(a).rows };
  const rows = m.auditCache.rows, n = m.size, officialReg = m.official();
  // per map row: audit class, flagged, unit
  const codes = new Uint8Array(n).fill(NOT_AUDITED), flagged = new Uint8Array(n), official = new Uint8Array(n).fill(255);
  const unit = new Int32Array(n).fill(-1);
  const unitKeys: string[] = [], unitAt = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const r = m.regIndex[i];
    if (r < 0) continue;
    codes[i] = AUDIT_CLASSES.indexOf(rows[r].audit);
    flagged[i] = rows[r].flags.length ? 1 : 0;
    official[i] = officialReg[r];
    const key = `${cols.oblast[i] >= 0 ? cols.oblasts[cols.oblast[i]] : ''}|${cols.district[i] >= 0 ? cols.districts[cols.district[i]] : ''}`;
    let u = unitAt.get(key);
    if (u === undefined) unitAt.set(key, (u = unitKeys.push(key) - 1));
    unit[i] = u;
  }
  const line = (key: string, c: ReturnType<typeof auditCountsByUnit>[number]): AuditUnitLine => {
    const [oblast, district] = key ? key.split('|') : ['', ''];
    return { key, oblast: oblast || null, district: district || null, settlements: c.settlements, byClass: AUDIT_CLASSES.map((k) => c.byClass[k]), flagged: c.flaggedSatellites };
  };
  const noStatus = AUDIT_CLASSES.indexOf('no_status');
  const units = auditCountsByUnit(codes, flagged, unit, unitKeys.length).map((c, u) => line(unitKeys[u], c))
    .filter((l) => l.settlements > l.byClass[noStatus])
    .sort((x, y) => (x.oblast ?? '').localeCompare(y.oblast ?? '') || (x.district ?? '').localeCompare(y.district ?? ''));
  const total = line('', auditCountsByUnit(codes, flagged, Int32Array.from(unit, (u) => (u >= 0 ? 0 : -1)), 1)[0]);
  // the list: disagreements (upgrade, downgrade, changed), then flagged approved satellites in agreement
  const wanted = unitKey === null ? -2 : unitAt.get(unitKey) ?? -3;
  const picked: number[] = [];
  for (let i = 0; i < n; i++) if (codes[i] !== NOT_AUDITED && (wanted === -2 || unit[i] === wanted) && (isDisagreement(codes[i]) || flagged[i])) picked.push(i);
  const rank = (i: number) => (isDisagreement(codes[i]) ? codes[i] : 10);
  picked.sort((x, y) => rank(x) - rank(y) || x - y);
  const names = (i: number) => {
    const x = m.rowNames(i);
    return { kk: x.kk, ru: x.ru, en: x.en };
  };
  const list: AuditListRow[] = picked.slice(0, limit).map((i) => {
    const r = m.regIndex[i];
    const rec = assessmentRecord(a, r);
    const x = m.rowNames(i);
    return {
      row: i, id: m.map.ids[i], names: names(i), oblast: x.oblast, district: x.district,
      official: CATEGORIES[officialReg[r]], computed: rec.category === 'other' && rec.potential === 'insufficient_data' ? 'other_insufficient' : rec.category,
      audit: rows[r].audit, potential: rec.potential, scorePercent: rec.score_percent, rule: { ...m.ruleOf(rec, r), reason: rec.category_reason },
      flags: rows[r].flags, km: rows[r].kmToOfficialSupport,
    };
  });
  // the scenario against the baseline
  const base = m.baseline();
  const d = auditDiff(official, base.category, cols.category);
  const change = (i: number): AuditChange => ({
    row: i, id: m.map.ids[i], names: names(i), official: CATEGORIES[official[i]],
    baseline: AUDIT_CLASSES[d.baseline[i]], scenario: AUDIT_CLASSES[d.scenario[i]], baselineCategory: CATEGORIES[base.category[i]], scenarioCategory: CATEGORIES[cols.category[i]],
  });
  const s = m.lastSettings;
  const scenario = Boolean(s && (s.config || JSON.stringify(s) !== JSON.stringify(m.defaults())));
  return {
    hasOfficial: m.hasOfficial(), units, total, list, listCount: picked.length, scenario,
    resolved: d.resolved.slice(0, limit).map(change), created: d.created.slice(0, limit).map(change), shifted: d.shifted.slice(0, limit).map(change),
    changeCounts: { resolved: d.resolved.length, created: d.created.length, shifted: d.shifted.length },
  };
}

/** The approved status of register row r beside its computed category; for an approved satellite, its approved
 *  support settlement with the distance and the engine's flags. */
export function panelAudit(m: AtlasModel, r: number): NonNullable<PanelRecord['audit']> {
  const reg = m.register, s = reg.row(r), config = m.config;
  const official = s.official?.category ?? null;
  const out: NonNullable<PanelRecord['audit']> = {
    official, year: s.official?.year ?? null, cls: auditClass(official, CATEGORIES[m.assessed!.classes.category[r]]),
    supportId: s.official?.support_id ?? null, support: null, km: null, radiusKm: null, flags: [],
  };
  if (official !== 'satellite' || !out.supportId) return out;
  const j = m.regRow.get(out.supportId);
  const districtOf = (k: number) => reg.texts.district[k] ?? (m.registerGeo && m.registerGeo.district[k] >= 0 ? m.registerGeo.districts[m.registerGeo.district[k]].name : null);
  const row = (k: number) => ({ lat: reg.lat[k], lon: reg.lon[k], district: districtOf(k), official: reg.official?.[k]?.category ?? null });
  out.radiusKm = j === undefined ? config.categories.satellite.radius_km : satelliteRadius(config, reg.texts.oblast[j]);
  const check = checkApprovedSatellite(row(r), j === undefined ? undefined : row(j), out.radiusKm);
  out.flags = check.flags;
  out.km = check.km;
  if (j !== undefined) {
    let mapRow = -1;
    for (let i = 0; i < m.size; i++) if (m.regIndex[i] === j) { mapRow = i; break; }
    const t = reg.texts;
    out.support = { id: reg.ids[j], row: mapRow, names: { kk: t.name_kk[j], ru: t.name_ru[j], en: t.name_en[j] }, district: districtOf(j) };
  }
  return out;
}
