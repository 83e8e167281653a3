// The settlement popup's content, built with DOM nodes (textContent only: names come from data files).
import type { Lang } from '../engine/types.ts';
import { findRegion } from '../engine/regions.ts';
import { t } from './i18n.ts';

export type PlaceProps = Record<string, string | number | boolean | null | undefined>;

const fmtInt = (lang: Lang, n: number) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : lang === 'kk' ? 'kk-KZ' : 'ru-RU').format(n);
const fmtKm = (lang: Lang, km: number) => `${new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'ru-RU', { maximumFractionDigits: 1 }).format(km)} km`;

export function popupContent(p: PlaceProps, lang: Lang): HTMLElement {
  const root = document.createElement('div');
  root.className = 'place-popup';
  const title = document.createElement('h3');
  const primary = (lang === 'kk' ? p.name_kk ?? p.name_ru : lang === 'ru' ? p.name_ru ?? p.name_kk : p.name_en) ?? p.name;
  title.textContent = String(primary ?? '');
  root.append(title);
  const others = [p.name_kk, p.name_ru, p.name_en].filter((n) => n && n !== primary);
  if (others.length) {
    const sub = document.createElement('div');
    sub.className = 'other-names';
    sub.textContent = [...new Set(others)].join(' · ');
    root.append(sub);
  }
  const dl = document.createElement('dl');
  const row = (label: string, value: string) => {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = value;
    dl.append(dt, dd);
  };
  row(t(lang, 'population'), typeof p.population === 'number' ? fmtInt(lang, p.population) : t(lang, 'noData'));
  const region = typeof p.oblast === 'string' ? findRegion(p.oblast) : undefined;
  row(t(lang, 'oblast'), region ? region.name[lang] : String(p.oblast ?? t(lang, 'noData')));
  row(t(lang, 'type'), t(lang, `feature.${p.place_type ?? 'other'}`));
  if (typeof p.km_to_china === 'number') row(t(lang, 'kmChina'), fmtKm(lang, p.km_to_china));
  if (typeof p.km_to_russia === 'number') row(t(lang, 'kmRussia'), fmtKm(lang, p.km_to_russia));
  if (typeof p.km_to_regional === 'number' && p.regional_town) row(t(lang, 'nearestTown'), `${p.regional_town}, ${fmtKm(lang, p.km_to_regional)}`);
  if (p.border_status) row(t(lang, 'modeBorder'), t(lang, `status.${p.border_status}`));
  if (p.category) {
    // From the illustrative register: its indicator values are synthetic, and the popup says so.
    row(t(lang, 'modeCategory'), `${t(lang, `category.${p.category}`)} (${t(lang, 'synthetic')})`);
    if (p.potential) row(t(lang, 'potential'), t(lang, `potential.${p.potential}`));
    if (typeof p.score_percent === 'number') row(t(lang, 'score'), p.score_percent.toFixed(1));
    if (p.support_name && typeof p.km_to_support === 'number') row(t(lang, 'supportOf'), `${p.support_name}, ${fmtKm(lang, p.km_to_support)}`);
  }
  root.append(dl);
  if (typeof p.km_to_china === 'number') {
    const note = document.createElement('div');
    note.className = 'note';
    note.textContent = `km: ${t(lang, 'straightLine')}`;
    root.append(note);
  }
  return root;
}
