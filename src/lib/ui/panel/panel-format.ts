// Words and numbers of the settlement panel in the UI language (pure: no DOM).
import type { Lang } from '../../engine/types.ts';
import { findRegion } from '../../engine/regions.ts';
import { fmtKm, fmtNum, t } from '../../i18n/index.ts';
import type { IndicatorLine, PanelRecord } from '../../worker/protocol.ts';

export const regionName = (lang: Lang, oblast: string | null) => (oblast ? findRegion(oblast)?.name[lang] ?? oblast : t(lang, 'noData'));

/** An indicator value with its unit: yes/no for 0/1 indicators, «км» for distances, % for shares. */
export function indicatorValue(lang: Lang, ind: IndicatorLine): string {
  if (ind.value === null) return t(lang, 'noData');
  if (ind.unit === '0/1') return t(lang, ind.value >= 1 ? 'yes' : 'no');
  if (ind.unit?.startsWith('km')) return fmtKm(lang, ind.value);
  if (ind.unit?.startsWith('%')) return `${fmtNum(lang, ind.value)} %`;
  return fmtNum(lang, ind.value);
}

export const points = (lang: Lang, got: number | null, max: number) => `${got === null ? '—' : fmtNum(lang, got)} / ${fmtNum(lang, max)}`;

export function otherNames(r: PanelRecord, primary: string): { lang: Lang; name: string }[] {
  const out: { lang: Lang; name: string }[] = [];
  for (const l of ['kk', 'ru', 'en'] as const) {
    const n = r.names[l];
    if (n && n !== primary && !out.some((o) => o.name === n)) out.push({ lang: l, name: n });
  }
  return out;
}
