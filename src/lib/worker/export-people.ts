// Exports for people (the default): headers, region names, categories, potential, border status and category
// reasons in the UI language, and every number column with one fixed number of decimals in the chosen decimal
// mark (a column never mixes "13" and "12,8"). "Codes for machines" skips all this and keeps the snake_case
// columns and codes the CLI writes. GeoJSON / FlatGeobuf keep the codes and add the names beside them.
import type { AssessmentTable } from '../engine/assess.ts';
import type { Lang } from '../engine/types.ts';
import { findRegion } from '../engine/regions.ts';
import { BORDER_STATUSES, nearestCountedBorder } from '../engine/geo/geospatial.ts';
import { CATEGORY_RULES } from '../engine/classify.ts';
import { POTENTIALS } from '../engine/score.ts';
import { townPopulationOf } from '../engine/settlement-kind.ts';
import { isKey, t, tDynamic, type Key } from '../i18n/index.ts';
import { nameIn, ruleText, type RuleParams } from '../i18n/rules.ts';

/** Decimals of each number column (tier distances and indicator points by their prefix). */
const DECIMALS: Record<string, number> = {
  lat: 5, lon: 5, population: 0,
  score_demography: 1, score_infrastructure: 1, score_economy: 1, score_geospatial: 1, score_total: 1, score_percent: 1,
  coverage: 2, km_to_support: 1, km_to_town: 1, km_to_china: 1, km_to_russia: 1, km_to_border: 1,
};
export function columnDecimals(column: string): number | null {
  if (column in DECIMALS) return DECIMALS[column];
  if (column.startsWith('km_to_') || column.startsWith('points_')) return 1;
  return null;
}

/** Columns that only repeat another column's meaning as a code: left out for people. */
const CODE_ONLY = new Set(['category_rule']);

/** A number with exactly `decimals` decimals, no thousands separator (spreadsheets read it back as a number). */
export function fixedNumber(x: number, decimals: number, decimalComma: boolean): string {
  const s = x.toFixed(decimals);
  const text = /^-0[.0]*$/.test(s) ? s.slice(1) : s; // -0.04 to one decimal: "0.0", not "-0.0"
  return decimalComma ? text.replace('.', ',') : text;
}

type Labelled = { id: string; label: { kk?: string | null; ru?: string | null; en?: string | null } };

/** The header of a column in the UI language. */
export function peopleHeader(lang: Lang, column: string, tiers: readonly Labelled[] = [], indicators: readonly Labelled[] = []): string {
  const key = `exp.col.${column}`;
  if (isKey(key)) return t(lang, key as Key);
  const label = (list: readonly Labelled[], id: string) => {
    const x = list.find((l) => l.id === id);
    return x ? nameIn(lang, { kk: x.label.kk ?? undefined, ru: x.label.ru ?? undefined, en: x.label.en ?? undefined }) || id : id;
  };
  for (const [prefix, k] of [['km_to_', 'exp.col.km_to_tier'], ['town_id_', 'exp.col.town_id_tier'], ['town_', 'exp.col.town_tier']] as const)
    if (column.startsWith(prefix)) return t(lang, k, { tier: label(tiers, column.slice(prefix.length)) });
  if (column.startsWith('points_')) return t(lang, 'exp.col.points', { indicator: label(indicators, column.slice('points_'.length)) });
  return column;
}

/** A region's name in the UI language (codes such as KZ-VOS, or names in any language, are recognised). */
export const regionWords = (lang: Lang, oblast: unknown) => (typeof oblast === 'string' && oblast ? findRegion(oblast)?.name[lang] ?? oblast : oblast ?? null);

/** Converts rows of the machine columns into the people's columns: `header` and, per row, `cells` (texts). */
export interface PeopleTable {
  header: string[];
  /** The row's cells; `r` is the row of the assessed register (-1: a place outside it). */
  cells(values: readonly unknown[], r: number): (string | number | null)[];
}

/** `numbers: 'text'` (CSV): fixed-decimal texts in the decimal mark; 'number' (.xlsx): numbers rounded to the
 *  column's decimals (the sheet's number format shows them fixed; see `decimals`). */
export function peopleTable(lang: Lang, columns: readonly string[], table: AssessmentTable, decimalComma: boolean, numbers: 'text' | 'number' = 'text'): PeopleTable & { decimals: (number | null)[] } {
  const config = table.config;
  const kept = columns.map((c, k) => [c, k] as const).filter(([c]) => !CODE_ONLY.has(c));
  const header = kept.map(([c]) => peopleHeader(lang, c, config.geospatial.town_tiers, config.indicators));
  const at = (c: string) => columns.indexOf(c);
  const reasonCol = at('category_reason');
  const word = (prefix: string, v: unknown) => (typeof v === 'string' && v ? tDynamic(lang, `${prefix}.${v}`, v) : null);
  const convert = (c: string, v: unknown): string | number | null => {
    if (v === null || v === undefined || v === '') return null;
    const decimals = columnDecimals(c);
    if (decimals !== null) {
      if (typeof v !== 'number' || !Number.isFinite(v)) return null;
      return numbers === 'text' ? fixedNumber(v, decimals, decimalComma) : Number(v.toFixed(decimals));
    }
    if (c === 'oblast') return regionWords(lang, v) as string;
    if (c === 'category') return word('category', v);
    if (c === 'potential') return word('potential', v);
    if (c === 'border_status') return word('status', v);
    if (c === 'nearest_border') return word('border', v);
    if (c === 'in_register') return t(lang, v === 'yes' ? 'yes' : 'no');
    if (c === 'settlement_kind') return t(lang, v === 'town' ? 'exp.kind.town' : 'exp.kind.rural');
    return String(v);
  };
  return {
    header,
    decimals: kept.map(([c]) => columnDecimals(c)),
    cells(values, r) {
      const out = kept.map(([c, k]) => convert(c, values[k]));
      if (r >= 0 && reasonCol >= 0) out[kept.findIndex(([c]) => c === 'category_reason')] = reasonText(lang, table, r, String(values[reasonCol] ?? ''));
      return out;
    },
  };
}

/** The category rule of register row r in the UI language, as the settlement panel words it. */
export function reasonText(lang: Lang, table: AssessmentTable, r: number, fallback: string): string {
  const { classes, scores, geo, register, config } = table;
  let code: string = CATEGORY_RULES[classes.rule[r]] ?? '';
  const potential = POTENTIALS[scores.potential[r]];
  const population = Number.isFinite(register.population[r]) ? register.population[r] : undefined;
  let params: RuleParams = { potential };
  if (code.startsWith('support.')) params = { potential, population, min: config.categories.support.population_route.at_least };
  else if (code === 'satellite' && classes.support[r] >= 0) {
    const s = classes.support[r];
    params = { support: { kk: register.texts.name_kk[s] ?? undefined, ru: register.texts.name_ru[s] ?? undefined, en: register.texts.name_en[s] ?? register.ids[s] }, km: classes.kmToSupport[r] };
  } else if (code === 'strategic.border_district') params = { status: BORDER_STATUSES[geo.status[r]] };
  else if (code === 'strategic.border_distance') {
    const near = nearestCountedBorder(geo, r, config.categories.strategic.neighbours.value);
    params = { border: near?.code, km: near?.km, within: config.categories.strategic.within_km.value };
  } else if (code === 'other.below_min_population') params = { population, min: config.categories.min_population.value };
  else if (code === 'other.insufficient_data') (code = 'other.insufficient'), (params = {});
  else if (code === 'town') params = { min: townPopulationOf(config) };
  return ruleText(lang, code, params, fallback);
}

/** The summary CSV for people: headers in the UI language, the region's name for its code, and the coverage
 *  with one decimal (counts are integers). `columns` are SUMMARY_COLUMNS (export.ts). */
export function peopleSummary(lang: Lang, columns: readonly string[], decimalComma: boolean): PeopleTable {
  const word = (prefix: string, code: string) => (code === 'not_assessed' ? t(lang, 'exp.sum.not_assessed') : tDynamic(lang, `${prefix}.${code}`, code));
  const header = columns.map((c) => {
    const fixed = { level: 'exp.sum.level', unit: 'exp.sum.unit', settlements: 'summary.settlements', towns: 'summary.towns', rural: 'summary.rural', population: 'summary.population', rural_population: 'exp.sum.rural_population', coverage_percent: 'exp.sum.coverage' }[c];
    if (fixed) return t(lang, fixed as Key);
    const [, kind, code] = /^(count|population|potential|border)_(.+)$/.exec(c) ?? [];
    if (kind === 'count') return t(lang, 'exp.sum.count', { category: word('category', code) });
    if (kind === 'population') return t(lang, 'exp.sum.people', { category: word('category', code) });
    if (kind === 'potential') return t(lang, 'exp.sum.potential', { potential: word('potential', code) });
    if (kind === 'border') return t(lang, 'exp.sum.border', { status: word('status', code) });
    return c;
  });
  const level = columns.indexOf('level'), unit = columns.indexOf('unit'), coverage = columns.indexOf('coverage_percent');
  return {
    header,
    cells(values) {
      const out = values.map((v) => (v === null || v === undefined ? null : (v as string | number)));
      const lv = String(values[level]);
      out[level] = tDynamic(lang, `exp.sum.level.${lv}`, lv);
      out[unit] = lv === 'country' ? t(lang, 'exp.sum.country') : lv === 'oblast' ? (regionWords(lang, values[unit]) as string | null) : (values[unit] as string | null);
      const cov = values[coverage];
      out[coverage] = typeof cov === 'number' && Number.isFinite(cov) ? fixedNumber(cov, 1, decimalComma) : null;
      return out;
    },
  };
}
