// Messages of the network suggestion that the worker reports (kk/ru/en), by key with `{param}`s.
import type { Lang } from '../engine/types.ts';
import { fill } from './index.ts';

export const NETWORK_ERRORS = {
  unknown_id: {
    kk: '{list}: «{id}» идентификаторы тізілімде жоқ',
    ru: '{list}: идентификатора «{id}» нет в реестре',
    en: '{list}: id "{id}" is not in the register',
  },
  not_rural: {
    kk: '{list}: «{id}» — қала (10 000 адам және одан көп), ауылдық елді мекен емес',
    ru: '{list}: «{id}» — город (10 000 человек и больше), а не сельский населённый пункт',
    en: '{list}: "{id}" is a town (10,000 people or more), not a rural settlement',
  },
  required_and_excluded: {
    kk: '«{id}» әрі міндетті, әрі алынып тасталған',
    ru: '«{id}» одновременно обязателен и исключён',
    en: '"{id}" is both required and excluded',
  },
  no_candidates: {
    kk: 'Тірек болуға үміткер елді мекен жоқ: «барлық ауылдық елді мекендерді» таңдап көріңіз',
    ru: 'Нет кандидатов в опорные: попробуйте «все сельские населённые пункты»',
    en: 'No candidate settlements: try "all rural settlements"',
  },
  too_many_required: {
    kk: '{required} міндетті тірек {supports} санына сыймайды',
    ru: '{required} обязательных опорных не помещаются в {supports}',
    en: '{required} required supports do not fit in {supports}',
  },
  bad_parameters: {
    kk: 'Параметрлер қате: {detail}',
    ru: 'Неверные параметры: {detail}',
    en: 'Invalid parameters: {detail}',
  },
  no_register: {
    kk: 'Тізілім әлі бағаланбаған',
    ru: 'Реестр ещё не оценён',
    en: 'The register is not assessed yet',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type NetworkErrorKey = keyof typeof NETWORK_ERRORS;

/** The names of the id lists in the messages above. */
export const NETWORK_LISTS = {
  required: { kk: 'Міндетті тіректер', ru: 'Обязательные опорные', en: 'Required supports' },
  excluded: { kk: 'Алынып тасталғандар', ru: 'Исключённые', en: 'Excluded' },
} as const satisfies Record<string, Record<Lang, string>>;

export function networkErrorMessage(lang: Lang, key: NetworkErrorKey, params: Record<string, string | number>): string {
  const p = { ...params };
  if (p.list === 'required' || p.list === 'excluded') p.list = NETWORK_LISTS[p.list][lang];
  return fill(NETWORK_ERRORS[key][lang], p);
}
