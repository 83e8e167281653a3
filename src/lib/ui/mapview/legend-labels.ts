// Legend labels of a mode's classes in the UI language (pure: tested in Node).
import type { Lang } from '../../engine/types.ts';
import { isGraduated, type ColourMode } from '../../map/classes.ts';
import { fmtNum, t, tDynamic } from '../../i18n/index.ts';

const PREFIX: Record<string, string> = { category: 'category', potential: 'potential', border_status: 'status', place_type: 'feature', resettlement: 'role', audit: 'audit' };

export function classLabel(lang: Lang, mode: ColourMode, key: string, breaks: readonly number[]): string {
  if (key === 'no_data') return t(lang, 'class.no_data');
  if (isGraduated(mode)) {
    const i = Number(key.slice(1));
    const from = breaks[i - 1], to = breaks[i];
    if (from === undefined && to === undefined) return '—';
    if (from === undefined) return t(lang, 'class.below', { to: fmtNum(lang, to, 2) });
    if (to === undefined) return t(lang, 'class.from', { from: fmtNum(lang, from, 2) });
    return t(lang, 'class.range', { from: fmtNum(lang, from, 2), to: fmtNum(lang, to, 2) });
  }
  return tDynamic(lang, `${PREFIX[mode]}.${key}`, key);
}
