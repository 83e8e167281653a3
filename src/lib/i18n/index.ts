// The UI's languages: typed dictionaries, `{param}` substitution, number and distance formats per language, and
// MapLibre's own control strings. Add a language: a dictionary typed `Dict`, a locale tag, a MapLibre locale.
import type { Lang } from '../engine/types.ts';
import { en, type Dict, type Key } from './en.ts';
import { kk } from './kk.ts';
import { ru } from './ru.ts';

export type { Key, Lang };
export const LANGS: readonly Lang[] = ['kk', 'ru', 'en'];
export const DICTS: Record<Lang, Dict> = { kk, ru, en };
export const LOCALE_TAG: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

export const isLang = (x: unknown): x is Lang => typeof x === 'string' && (LANGS as readonly string[]).includes(x);
export const isKey = (x: string): x is Key => Object.hasOwn(en, x);

export type Params = Record<string, string | number>;

export function fill(template: string, params?: Params): string {
  return params ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : template;
}

export function t(lang: Lang, key: Key, params?: Params): string {
  return fill(DICTS[lang][key], params);
}

/** `t` for keys built at run time (`category.${code}`): the fallback when the key is not in the dictionary. */
export function tDynamic(lang: Lang, key: string, fallback = key, params?: Params): string {
  return isKey(key) ? t(lang, key, params) : fallback;
}

/** The locale numbers are formatted in: a browser without Kazakh locale data (some Chromium builds) formats
 *  kk-KZ as English; Russian has the same separators as Kazakh (space for thousands, comma for decimals). */
export function numberLocale(lang: Lang): string {
  const tag = LOCALE_TAG[lang];
  if (lang !== 'kk') return tag;
  const decimalComma = new Intl.NumberFormat(tag).format(1.5).includes(',');
  return decimalComma ? tag : LOCALE_TAG.ru;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, digits: number, fixed = false): Intl.NumberFormat {
  const k = `${lang}|${digits}|${fixed}`;
  let f = numberFormats.get(k);
  if (!f) numberFormats.set(k, (f = new Intl.NumberFormat(numberLocale(lang), { maximumFractionDigits: digits, minimumFractionDigits: fixed ? digits : 0 })));
  return f;
}

/** A number in the language's format (kk-KZ / ru-RU: "9,4", "12 345"; en-GB: "9.4", "12,345"). */
export const fmtNum = (lang: Lang, x: number, digits = 1) => numberFormat(lang, digits).format(x);
export const fmtInt = (lang: Lang, x: number) => numberFormat(lang, 0).format(x);
/** Always `digits` decimals ("13,0" beside "12,8"): the numbers of one table column. */
export const fmtFixed = (lang: Lang, x: number, digits = 1) => numberFormat(lang, digits, true).format(x);
/** A distance: «9,4 км» / "9.4 km". */
export const fmtKm = (lang: Lang, km: number, digits = 1) => t(lang, 'unit', { value: fmtNum(lang, km, digits) });

/** MapLibre's control strings (zoom buttons, scale bar, attribution toggle, popup close, map title). */
export function maplibreLocale(lang: Lang): Record<string, string> {
  const s = {
    kk: { zoomIn: 'Үлкейту', zoomOut: 'Кішірейту', north: 'Солтүстікке бұру', toggle: 'Атрибуцияны көрсету', close: 'Жабу', map: 'Карта', m: 'м', km: 'км' },
    ru: { zoomIn: 'Приблизить', zoomOut: 'Отдалить', north: 'Повернуть на север', toggle: 'Показать атрибуцию', close: 'Закрыть', map: 'Карта', m: 'м', km: 'км' },
    en: { zoomIn: 'Zoom in', zoomOut: 'Zoom out', north: 'Reset north', toggle: 'Toggle attribution', close: 'Close', map: 'Map', m: 'm', km: 'km' },
  }[lang];
  return {
    'NavigationControl.ZoomIn': s.zoomIn,
    'NavigationControl.ZoomOut': s.zoomOut,
    'NavigationControl.ResetBearing': s.north,
    'AttributionControl.ToggleAttribution': s.toggle,
    'Popup.Close': s.close,
    'Map.Title': s.map,
    'ScaleControl.Meters': s.m,
    'ScaleControl.Kilometers': s.km,
  };
}
