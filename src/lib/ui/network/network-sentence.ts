// The comparison sentence of a suggestion, as the issue words it: "the current 78 cover 71%; the best 78 cover
// 84%; 61 suffice for 71%" (shares of the rural people, the same radius). Parts the result lacks are left out.
import type { Lang } from '../../engine/types.ts';
import type { NetworkResult } from '../../worker/network-protocol.ts';
import { fmtInt } from '../../i18n/index.ts';
import { tn } from '../../i18n/network-ui.ts';

/** A share as a percentage with one decimal, in the UI language's number format. */
export function percent(lang: Lang, share: number): string {
  return `${(Math.round(share * 1000) / 10).toLocaleString(lang === 'en' ? 'en' : 'ru')}%`;
}

/** The sentence, or null when there is no current list to compare with. */
export function comparisonSentence(lang: Lang, r: Pick<NetworkResult, 'comparison' | 'ruralPopulation'>): string | null {
  const c = r.comparison;
  if (!c || !(r.ruralPopulation > 0)) return null;
  const n = fmtInt(lang, c.current), x = percent(lang, c.currentPopulation / r.ruralPopulation);
  const parts = [tn(lang, 'cmp.current', { n, x })];
  if (c.bestPopulation !== null) parts.push(tn(lang, 'cmp.best', { n, y: percent(lang, c.bestPopulation / r.ruralPopulation) }));
  if (c.suffice !== null) parts.push(tn(lang, 'cmp.suffice', { m: fmtInt(lang, c.suffice), x }));
  return `${parts.join('; ')} ${tn(lang, 'cmp.note')}.`;
}
