// One flat record per assessment: the columns of CSV / GeoJSON / FlatGeobuf exports.
import type { Assessment } from '../engine/types.ts';
import { assessmentRecord as engineRecord, type AssessmentTable } from '../engine/assess.ts';
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

const columnCache = new WeakMap<Methodology, string[]>();

/** Row i of an assessment table as values in assessmentColumns order, written into `out`. */
export function assessmentRow(table: AssessmentTable, i: number, out: unknown[]): unknown[] {
  let columns = columnCache.get(table.config);
  if (!columns) columnCache.set(table.config, (columns = assessmentColumns(table.config)));
  const r = assessmentRecord(engineRecord(table, i), table.config);
  for (let c = 0; c < columns.length; c++) out[c] = r[columns[c]];
  return out;
}
