// A category rule in the UI language, keyed by the engine's rule code with its parameters. Codes the dictionary
// does not know yet (the methodology may add some) fall back to their family ('support.x' → 'support') and, if
// that is unknown too, to the engine's English explanation.
import type { Labels, Lang } from '../engine/types.ts';
import { fmtInt, fmtKm, isKey, t, tDynamic, type Key } from './index.ts';
import { kkGenitive } from './kk-grammar.ts';

export interface RuleParams {
  potential?: string;
  population?: number;
  min?: number;
  /** Names of the support settlement (satellites). */
  support?: Partial<Labels>;
  km?: number;
  within?: number;
  /** Neighbour code of the border (strategic by distance). */
  border?: string;
  /** Border status (strategic by district). */
  status?: string;
}

export const nameIn = (lang: Lang, names: Partial<Labels> & { name?: string | null }): string =>
  (lang === 'kk' ? names.kk ?? names.ru ?? names.en : lang === 'ru' ? names.ru ?? names.kk ?? names.en : names.en ?? names.ru ?? names.kk) ?? names.name ?? '';

export function ruleText(lang: Lang, code: string, p: RuleParams, fallback: string): string {
  const key = [`rule.${code}`, `rule.${code.split('.')[0]}`].find(isKey) as Key | undefined;
  if (!key) return fallback;
  let support = p.support ? nameIn(lang, p.support) : '';
  if (lang === 'kk' && key === 'rule.satellite' && support) {
    const genitive = kkGenitive(support);
    if (genitive) support = genitive;
    else return `${t(lang, 'category.satellite')}: ${support}, ${fmtKm(lang, p.km ?? NaN)}`;
  }
  return t(lang, key, {
    potential: p.potential ? tDynamic(lang, `potential.${p.potential}`, p.potential).toLowerCase() : '',
    population: p.population !== undefined ? fmtInt(lang, p.population) : '',
    min: p.min !== undefined ? fmtInt(lang, p.min) : '',
    support,
    km: p.km !== undefined ? fmtKm(lang, p.km) : '',
    within: p.within !== undefined ? fmtKm(lang, p.within, 0) : '',
    border: p.border ? tDynamic(lang, `border.${p.border}`, p.border) : '',
    status: p.status ? tDynamic(lang, `status.${p.status}`, p.status).toLowerCase() : '',
  });
}
