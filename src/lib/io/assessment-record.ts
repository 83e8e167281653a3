// One flat record per assessment: the columns of CSV / GeoJSON / FlatGeobuf exports.
import type { Assessment } from '../engine/types.ts';
import type { AssessmentTable } from '../engine/assess.ts';
import { POTENTIALS } from '../engine/score.ts';
import { CATEGORIES, CATEGORY_RULES, categoryReason, type ClassInputs } from '../engine/classify.ts';
import { BORDER_STATUSES } from '../engine/geo/geospatial.ts';
import type { Methodology } from '../engine/config/schema.ts';

const round = (x: number | null, d = 3) => (x === null || !Number.isFinite(x) ? null : Math.round(x * 10 ** d) / 10 ** d);

export function assessmentColumns(config: Methodology): string[] {
  const tiers = config.geospatial.town_tiers.map((t) => t.id);
  return [
    'id', 'name_kk', 'name_ru', 'name_en', 'lat', 'lon', 'oblast', 'district', 'population',
    'score_demography', 'score_infrastructure', 'score_economy', 'score_geospatial', 'score_total', 'score_percent',
    'coverage', 'potential', 'category', 'support_id', 'km_to_support', 'category_rule', 'category_reason',
    'km_to_town', 'nearest_town', ...tiers.flatMap((t) => [`km_to_${t}`, `town_${t}`, `town_id_${t}`]),
    'km_to_china', 'km_to_russia', 'km_to_border', 'nearest_border', 'district_id', 'district_name', 'border_status',
    ...config.indicators.filter((i) => i.enabled).map((i) => `points_${i.id}`),
  ];
}

export function assessmentRecord(a: Assessment, config: Methodology): Record<string, string | number | null> {
  const s = a.settlement;
  const g = a.geo;
  const r: Record<string, string | number | null> = {
    id: s.id, name_kk: s.name_kk, name_ru: s.name_ru, name_en: s.name_en, lat: s.lat, lon: s.lon,
    oblast: s.oblast, district: s.district, population: s.population,
    score_demography: a.blocks.demography ?? null, score_infrastructure: a.blocks.infrastructure ?? null,
    score_economy: a.blocks.economy ?? null, score_geospatial: a.blocks.geospatial ?? null,
    score_total: a.score_total, score_percent: a.score_percent, coverage: a.coverage, potential: a.potential,
    category: a.category, support_id: a.support_id, km_to_support: round(a.km_to_support),
    category_rule: a.category_rule, category_reason: a.category_reason,
    km_to_town: round(g.km_to_town), nearest_town: g.nearest_town,
    km_to_china: round(g.km_to_china), km_to_russia: round(g.km_to_russia), km_to_border: round(g.km_to_border),
    nearest_border: g.nearest_border, district_id: g.district_id, district_name: g.district_name, border_status: g.border_status,
  };
  for (const t of config.geospatial.town_tiers) {
    const town = g.towns[t.id];
    r[`km_to_${t.id}`] = town ? round(town.km) : null;
    r[`town_${t.id}`] = town?.name ?? null;
    r[`town_id_${t.id}`] = town?.id ?? null;
  }
  for (const ind of a.indicators) r[`points_${ind.id}`] = round(ind.points);
  return r;
}

type Getter = (i: number) => unknown;
const rowPlans = new WeakMap<AssessmentTable, Getter[]>();

/** Per export column, a reader of the assessment table's columns (no record object per row). */
function rowPlan(table: AssessmentTable): Getter[] {
  const { register, geo, scores, classes, config } = table;
  const { ids, texts } = register;
  const nul = (x: number) => (Number.isNaN(x) ? null : x);
  const r3 = (x: number) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : null);
  const block = (id: string) => {
    const b = scores.blocks.find((x) => x.id === id);
    return b ? (i: number) => r3(b.points[i]) : () => null;
  };
  const inputs: ClassInputs = { register, geo, potential: scores.potential, config };
  const tierGetters: Record<string, Getter> = {};
  for (const t of geo.tiers) {
    tierGetters[`km_to_${t.id}`] = (i) => (t.town[i] >= 0 ? r3(t.km[i]) : null);
    tierGetters[`town_${t.id}`] = (i) => (t.town[i] >= 0 ? t.towns[t.town[i]].name : null);
    tierGetters[`town_id_${t.id}`] = (i) => (t.town[i] >= 0 ? t.towns[t.town[i]].id : null);
  }
  const points: Record<string, Getter> = {};
  scores.indicators.forEach((ind, k) => (points[`points_${ind.id}`] = (i) => r3(scores.points[k][i])));
  const district = (i: number) => (geo.district[i] >= 0 ? geo.districts[geo.district[i]] : null);
  const getters: Record<string, Getter> = {
    id: (i) => ids[i], name_kk: (i) => texts.name_kk[i], name_ru: (i) => texts.name_ru[i], name_en: (i) => texts.name_en[i],
    lat: (i) => register.lat[i], lon: (i) => register.lon[i], oblast: (i) => texts.oblast[i], district: (i) => texts.district[i], population: (i) => nul(register.population[i]),
    score_demography: block('demography'), score_infrastructure: block('infrastructure'), score_economy: block('economy'), score_geospatial: block('geospatial'),
    score_total: (i) => r3(scores.total[i]), score_percent: (i) => nul(scores.percent[i]), coverage: (i) => r3(scores.coverage[i]),
    potential: (i) => POTENTIALS[scores.potential[i]], category: (i) => CATEGORIES[classes.category[i]],
    support_id: (i) => (classes.support[i] >= 0 ? ids[classes.support[i]] : null), km_to_support: (i) => r3(classes.kmToSupport[i]),
    category_rule: (i) => CATEGORY_RULES[classes.rule[i]], category_reason: (i) => categoryReason(inputs, classes, i),
    km_to_town: (i) => r3(geo.kmToTown[i]),
    nearest_town: (i) => (geo.nearestTier[i] >= 0 ? geo.tiers[geo.nearestTier[i]].towns[geo.tiers[geo.nearestTier[i]].town[i]].name : null),
    km_to_china: (i) => r3(geo.kmToChina[i]), km_to_russia: (i) => r3(geo.kmToRussia[i]), km_to_border: (i) => r3(geo.kmToBorder[i]),
    nearest_border: (i) => (geo.nearestBorder[i] >= 0 ? geo.borderCodes[geo.nearestBorder[i]] : null),
    district_id: (i) => district(i)?.id ?? null, district_name: (i) => district(i)?.name ?? null,
    border_status: (i) => BORDER_STATUSES[geo.status[i]],
    ...tierGetters, ...points,
  };
  return assessmentColumns(config).map((c) => getters[c] ?? (() => null));
}

/** Row i of an assessment table as values in assessmentColumns order, written into `out`. Same values as
 *  assessmentRecord(engine record), read straight from the columns. */
export function assessmentRow(table: AssessmentTable, i: number, out: unknown[]): unknown[] {
  let plan = rowPlans.get(table);
  if (!plan) rowPlans.set(table, (plan = rowPlan(table)));
  for (let c = 0; c < plan.length; c++) out[c] = plan[c](i);
  return out;
}
