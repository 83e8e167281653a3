// Words of the audit (panel lines, the audit tab, the printable page per district) in the UI language. Pure: no
// DOM, no shared state, so it is tested in Node. The figures come from the worker (engine/audit.ts).
import type { Lang } from '../../engine/types.ts';
import { AUDIT_CLASSES, type AuditClass, type SatelliteFlag } from '../../engine/audit.ts';
import { classesFor } from '../../map/classes.ts';
import { TOWN_POPULATION } from '../../engine/settlement-kind.ts';
import { fmtInt, fmtKm, fmtNum, t, tDynamic } from '../../i18n/index.ts';
import { nameIn, ruleText } from '../../i18n/rules.ts';
import { regionName } from '../panel/panel-format.ts';
import type { BriefInput } from '../../present/brief.ts';
import type { AuditListRow, AuditReply, AuditUnitLine, PanelAudit, PanelRecord, Settings } from '../../worker/protocol.ts';

export const auditColour = (cls: AuditClass) => classesFor('audit').find((c) => c.key === cls)!.colour;
export const auditLabel = (lang: Lang, cls: AuditClass) => t(lang, `audit.${cls}`);
/** The class in one word (table cells, lists). */
export const auditShort = (lang: Lang, cls: AuditClass) => t(lang, `auditShort.${cls}`);
export const categoryLabel = (lang: Lang, category: string | null) => (category ? tDynamic(lang, `category.${category}`, category) : t(lang, 'audit.no_status'));
export const isDisagreementClass = (cls: AuditClass) => cls === 'upgrade' || cls === 'downgrade' || cls === 'changed';
export const nameOf = (lang: Lang, n: { kk: string | null; ru: string | null; en: string | null }, id: string) =>
  nameIn(lang, { kk: n.kk ?? undefined, ru: n.ru ?? undefined, en: n.en ?? undefined, name: id });

/** An approved satellite's check, in full (the panel). */
export function flagText(lang: Lang, flag: SatelliteFlag, a: Pick<PanelAudit, 'km' | 'radiusKm' | 'supportId'> & { supportDistrict?: string | null }): string {
  switch (flag) {
    case 'support_not_found': return t(lang, 'audit.flag.support_not_found', { id: a.supportId ?? '' });
    case 'support_not_approved': return t(lang, 'audit.flag.support_not_approved');
    case 'support_too_far': return t(lang, 'audit.flag.support_too_far', { km: a.km === null ? '—' : fmtKm(lang, a.km), radius: a.radiusKm === null ? '—' : fmtKm(lang, a.radiusKm, 0) });
    case 'support_other_district': return t(lang, 'audit.flag.support_other_district', { district: a.supportDistrict ?? '—' });
  }
}

/** Checks in short (the tab's list, the printable page). */
export const flagsShort = (lang: Lang, flags: SatelliteFlag[], km: number | null) =>
  flags.map((f) => t(lang, `audit.flagShort.${f}`, { km: km === null ? '—' : fmtKm(lang, km) })).join(', ');

/** Why the methodology gives the computed category: the rule, score and potential, block points, distances. */
export function panelReasons(lang: Lang, r: PanelRecord): string[] {
  const out: string[] = [];
  if (r.rule) out.push(ruleText(lang, r.rule.code, r.rule.params, r.rule.reason));
  if (r.potential) out.push(t(lang, 'audit.score', { score: r.scorePercent === null ? '—' : fmtNum(lang, r.scorePercent), potential: tDynamic(lang, `potential.${r.potential}`, r.potential).toLowerCase() }));
  const scored = r.blocks.filter((b) => b.scored);
  if (scored.length) out.push(`${t(lang, 'brief.blocks')}: ${scored.map((b) => `${b.label[lang]} ${fmtNum(lang, b.points)} / ${fmtNum(lang, b.max)}`).join(' · ')}`);
  const town = r.towns[0];
  if (town) out.push(t(lang, 'audit.nearestTown', { name: nameIn(lang, { ...town.names, name: town.name }), km: fmtKm(lang, town.km) }));
  out.push(t(lang, 'audit.borderKm', { cn: r.kmChina === null ? '—' : fmtKm(lang, r.kmChina), ru: r.kmRussia === null ? '—' : fmtKm(lang, r.kmRussia) }));
  return out;
}

/** A listed settlement's reason: the computed rule, and the approved satellite's checks when there are any. */
export function listReason(lang: Lang, row: AuditListRow): string {
  const rule = ruleText(lang, row.rule.code, row.rule.params, row.rule.reason);
  return row.flags.length ? `${rule}; ${flagsShort(lang, row.flags, row.km)}` : rule;
}

export const unitLabel = (lang: Lang, u: Pick<AuditUnitLine, 'oblast' | 'district'>) =>
  `${regionName(lang, u.oblast)} · ${u.district ?? t(lang, 'audit.unknownDistrict')}`;

/** The printable page of one district: its counts, its disagreements with reasons, the parameters in force. */
export function auditPage(lang: Lang, unit: AuditUnitLine, reply: Pick<AuditReply, 'list' | 'listCount'>, ctx: { date: string; settings: Settings; scenarioName: string | null; footer: string }): BriefInput {
  const n = (x: number) => fmtInt(lang, x);
  const label = unitLabel(lang, unit);
  const s = ctx.settings;
  return {
    title: t(lang, 'audit.pdfTitle', { unit: label }),
    subtitle: `${t(lang, 'brief.date', { date: ctx.date })} · ${t(lang, 'title')} · ${t(lang, 'audit.pdfRanking')}`,
    map: null,
    headline: null,
    tables: [
      {
        heading: t(lang, 'audit.pdfCounts'), columns: [t(lang, 'audit.col.settlements')],
        rows: [
          ...AUDIT_CLASSES.map((c, k) => ({ label: auditLabel(lang, c), values: [n(unit.byClass[k])], colour: auditColour(c) })),
          { label: t(lang, 'audit.col.flagged'), values: [n(unit.flagged)] },
          { label: t(lang, 'audit.total'), values: [n(unit.settlements)] },
        ],
      },
    ],
    lists: [{
      heading: `${t(lang, 'audit.pdfList')} (${n(reply.listCount)})`,
      items: reply.list.length
        ? reply.list.map((x) => t(lang, 'audit.pdfLine', { name: nameOf(lang, x.names, x.id), approved: categoryLabel(lang, x.official), computed: categoryLabel(lang, x.computed), cls: auditShort(lang, x.audit), reason: listReason(lang, x) }))
        : [t(lang, 'audit.pdfNone')],
      more: reply.listCount > reply.list.length ? t(lang, 'audit.more', { n: n(reply.listCount - reply.list.length) }) : undefined,
    }],
    parametersHeading: t(lang, 'brief.parameters'),
    parameters: [
      ...(ctx.scenarioName ? [{ label: t(lang, 'pane.diff'), value: ctx.scenarioName }] : []),
      ...(s.config ? [{ label: t(lang, 'brief.parameters'), value: `${s.config.id}` }] : [
        { label: t(lang, 'borderZone'), value: fmtNum(lang, s.borderKm) },
        { label: t(lang, 'satelliteRadius'), value: fmtNum(lang, s.satelliteRadiusKm) },
        { label: t(lang, 'regionalMin'), value: fmtInt(lang, s.regionalMinPopulation) },
        { label: t(lang, 'default.town'), value: fmtInt(lang, s.townPopulation ?? TOWN_POPULATION.value) },
        { label: t(lang, 'brief.blocks'), value: Object.entries(s.blockPoints).map(([b, p]) => `${tDynamic(lang, `mode.score_${b}`, b)} ${fmtNum(lang, p)}`).join(' · ') },
      ]),
    ],
    footer: ctx.footer,
  };
}
