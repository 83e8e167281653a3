// The network suggestion as one brief page (present/brief.ts layout): title, the sentences (best N and the gap,
// the comparison), the coverage curve with N marked, the top suggested supports, the parameters, the sources.
import type { Lang } from '../../engine/types.ts';
import type { BriefInput, BriefTable } from '../../present/brief.ts';
import type { NetworkResult } from '../../worker/network-protocol.ts';
import type { NetworkSupportLine } from '../../worker/network-source.ts';
import { fmtInt } from '../../i18n/index.ts';
import { tn } from '../../i18n/network-ui.ts';
import type { NetworkForm } from './network-form.ts';
import { lineName } from './network-names.ts';
import { comparisonSentence, percent } from './network-sentence.ts';

/** Rows of the supports table on the page: two columns of this many. */
const ROWS_PER_COLUMN = 16;

export function networkPage(
  lang: Lang, r: NetworkResult, lines: readonly NetworkSupportLine[],
  ctx: { form: NetworkForm; keepCurrent: boolean; excluded: number; date: string; footer: string },
): BriefInput {
  const share = r.ruralPopulation > 0 ? r.coveredPopulation / r.ruralPopulation : 0;
  const best = tn(lang, 'best', { n: fmtInt(lang, r.supports.length), share: percent(lang, share), people: fmtInt(lang, r.coveredPopulation) })
    + (r.gap !== null ? ` ${tn(lang, 'gap', { gap: percent(lang, r.gap) })}` : '');
  const compare = comparisonSentence(lang, r);
  const top = [...lines].sort((a, b) => b.served - a.served || (a.id < b.id ? -1 : 1)).slice(0, 2 * ROWS_PER_COLUMN);
  const table = (rows: NetworkSupportLine[], heading: string): BriefTable => ({
    heading, columns: [tn(lang, 'col.id'), tn(lang, 'col.served')],
    rows: rows.map((l) => ({ label: lineName(l, lang), values: [l.id, fmtInt(lang, l.served)] })),
  });
  const tables = [table(top.slice(0, ROWS_PER_COLUMN), tn(lang, 'pdf.top'))];
  if (top.length > ROWS_PER_COLUMN) tables.push(table(top.slice(ROWS_PER_COLUMN), ''));
  const more = lines.length - top.length;
  const problem = tn(lang, `problem.${r.problem}`);
  const { form } = ctx;
  const parameters = [
    { label: tn(lang, 'problem'), value: problem },
    r.problem === 'lscp' ? { label: tn(lang, 'target'), value: String(form.targetPercent) } : { label: tn(lang, 'supports'), value: fmtInt(lang, r.supports.length) },
    { label: tn(lang, 'radius'), value: form.radiusKm === null ? tn(lang, 'radius.scenario') : String(form.radiusKm) },
    { label: tn(lang, 'candidates'), value: tn(lang, `candidates.${form.candidates}`) },
    { label: tn(lang, 'keepCurrent'), value: tn(lang, ctx.keepCurrent ? 'pdf.yes' : 'pdf.no') },
    { label: tn(lang, 'excluded'), value: fmtInt(lang, ctx.excluded) },
    { label: tn(lang, 'pdf.ruralPeople'), value: fmtInt(lang, r.ruralPopulation) },
    ...(r.upperBoundPopulation !== null ? [{ label: tn(lang, 'pdf.bound'), value: fmtInt(lang, r.upperBoundPopulation) }] : []),
    { label: tn(lang, 'pdf.distance'), value: tn(lang, 'pdf.straight') },
  ];
  return {
    title: tn(lang, 'pdf.title'),
    subtitle: tn(lang, 'pdf.subtitle', { date: ctx.date, problem }),
    map: null,
    headline: { label: tn(lang, 'pdf.covered'), value: percent(lang, share) },
    paragraphs: compare ? [best, compare] : [best],
    curve: r.ruralPopulation > 0 && r.curve.length
      ? { heading: tn(lang, 'curve'), shares: Array.from(r.curve, (c) => c / r.ruralPopulation), marked: r.supports.length <= r.curve.length ? r.supports.length : null, caption: tn(lang, 'pdf.marked', { n: fmtInt(lang, r.supports.length) }) }
      : null,
    tables,
    lists: more > 0 ? [{ heading: '', items: [], more: tn(lang, 'pdf.more', { n: fmtInt(lang, more) }) }] : [],
    parameters,
    parametersHeading: tn(lang, 'pdf.parameters'),
    footer: ctx.footer,
  };
}
