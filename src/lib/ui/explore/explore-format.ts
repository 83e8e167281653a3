// Words of the explorer (search results, table cells, summaries) in the UI language; pure, no DOM.
import type { Lang } from '../../engine/types.ts';
import { CATEGORIES } from '../../engine/classify.ts';
import { POTENTIALS } from '../../engine/score.ts';
import { NO_CODE } from '../../engine/explore/columns.ts';
import { fmtFixed, fmtInt, fmtNum, t, tDynamic } from '../../i18n/index.ts';
import type { RowNames } from '../../worker/protocol.ts';
import { AUDIT_CLASSES } from '../../engine/audit.ts';

/** A map row's name in the language, with the others as fallback. */
export function rowName(lang: Lang, names: RowNames, row: number): string {
  const kk = names.kk[row], ru = names.ru[row], en = names.en[row];
  return (lang === 'kk' ? kk ?? ru ?? en : lang === 'ru' ? ru ?? kk ?? en : en ?? ru ?? kk) ?? '';
}

export const categoryWord = (lang: Lang, code: number) => (code === NO_CODE ? '—' : tDynamic(lang, `category.${CATEGORIES[code]}`, CATEGORIES[code]));
export const potentialWord = (lang: Lang, code: number) => (code === NO_CODE ? '—' : tDynamic(lang, `potential.${POTENTIALS[code]}`, POTENTIALS[code]));
/** A table cell's number: the same number of decimals in every row of a column. */
export const numberOrDash = (lang: Lang, x: number, digits = 1) => (Number.isFinite(x) ? fmtFixed(lang, x, digits) : '—');
export const intOrDash = (lang: Lang, x: number) => (Number.isFinite(x) ? fmtInt(lang, x) : '—');
export const percent = (lang: Lang, share: number | null) => (share === null ? '—' : `${fmtNum(lang, share * 100)} %`);
export const countText = (lang: Lang, shown: number, total: number) => t(lang, 'filter.count', { shown: fmtInt(lang, shown), total: fmtInt(lang, total) });
export const auditWord = (lang: Lang, code: number) => (code === NO_CODE ? '—' : tDynamic(lang, `auditShort.${AUDIT_CLASSES[code]}`, AUDIT_CLASSES[code]));
