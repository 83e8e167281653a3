// The settlement panel's record: names, blocks and indicators, the rule that gave the category, towns, cluster,
// and the defaults behind the result.
import { townPopulationOf } from '../engine/settlement-kind.ts';
import type { Methodology } from '../engine/config/schema.ts';
import { geospatialRecord, nearestCountedBorder } from '../engine/geo/geospatial.ts';
import { assessmentRecord } from '../engine/assess.ts';
import { borderDistance, borderDistanceProvenance } from './border-distance.ts';
import type { PanelRecord, DefaultLine } from './protocol.ts';
import type { RuleParams } from '../i18n/rules.ts';
import type { AtlasModel } from './model.ts';

export function detail(m: AtlasModel, row: number): PanelRecord {
  const s = m.map.row(row);
  const geo = geospatialRecord(m.mapGeo!, row);
  const config = m.config;
  const r = m.regIndex[row];
  const a = r >= 0 && m.assessed ? assessmentRecord(m.assessed, r) : null;
  const reg = r >= 0 ? m.register.row(r) : null;
  const tierLabel = new Map(config.geospatial.town_tiers.map((t) => [t.id, t.label]));
  const record: PanelRecord = {
    row, id: s.id,
    names: { kk: reg?.name_kk ?? s.name_kk, ru: reg?.name_ru ?? s.name_ru, en: reg?.name_en ?? s.name_en, name: s.name_en ?? s.name_ru ?? s.id },
    oblast: reg?.oblast ?? s.oblast, district: reg?.district ?? s.district, population: reg?.population ?? s.population,
    featureCode: m.featureCodes[row], inRegister: Boolean(a), synthetic: Boolean(a),
    blocks: [], scorePercent: null, coverage: null, potential: null, category: null, rule: null,
    towns: Object.entries(geo.towns).flatMap(([tier, town]) => (town ? [{ tier, label: tierLabel.get(tier) ?? { kk: tier, ru: tier, en: tier }, name: town.name, names: m.placeNames.get(town.id) ?? {}, km: town.km }] : [])),
    kmChina: geo.km_to_china, kmRussia: geo.km_to_russia, borderStatus: geo.border_status,
    defaults: m.defaultLines(config),
  };
  if (!a) return record;
  const indicatorConfig = new Map(config.indicators.map((i) => [i.id, i]));
  record.blocks = config.blocks.map((b) => ({
    id: b.id, label: b.label, points: a.blocks[b.id] ?? 0, max: b.max_points, status: b.status, scored: b.scored,
    indicators: a.indicators.filter((x) => x.block === b.id).map((x) => {
      const ic = indicatorConfig.get(x.id)!;
      return { id: x.id, label: ic.label, unit: ic.unit ?? null, value: x.value, points: x.points, max: x.max, status: ic.status };
    }),
  }));
  record.scorePercent = a.score_percent;
  record.coverage = a.coverage;
  record.potential = a.potential;
  record.category = a.category === 'other' && a.potential === 'insufficient_data' ? 'other_insufficient' : a.category;
  record.rule = { ...m.ruleOf(a, r), reason: a.category_reason };
  if (a.category === 'support') record.cluster = m.cluster(r);
  if (reg?.official) record.audit = m.panelAudit(r);
  return record;
}

/** A support settlement's satellites (nearest first) and the cluster's population. */
export function cluster(m: AtlasModel, r: number): NonNullable<PanelRecord['cluster']> {
  const a = m.assessed!, reg = m.register;
  const mapRow = new Map<number, number>();
  m.regIndex.forEach((j, i) => j >= 0 && mapRow.set(j, i));
  const satellites: NonNullable<PanelRecord['cluster']>['satellites'] = [];
  let population = Number.isFinite(reg.population[r]) ? reg.population[r] : 0;
  for (let j = 0; j < reg.size; j++) {
    if (j === r || a.classes.support[j] !== r) continue;
    const s = reg.row(j);
    const pop = Number.isFinite(reg.population[j]) ? reg.population[j] : null;
    population += pop ?? 0;
    satellites.push({ id: s.id, row: mapRow.get(j) ?? -1, names: { kk: s.name_kk, ru: s.name_ru, en: s.name_en ?? s.id }, km: a.classes.kmToSupport[j], population: pop });
  }
  satellites.sort((x, y) => x.km - y.km);
  return { satellites, population };
}

export function ruleOf(m: AtlasModel, a: ReturnType<typeof assessmentRecord>, r: number): { code: string; params: RuleParams } {
  const config = m.config;
  const code = a.category_rule;
  const potential = a.potential;
  const population = a.settlement.population ?? undefined;
  if (code.startsWith('support.')) return { code, params: { potential, population, min: config.categories.support.population_route.at_least } };
  if (code === 'satellite' && a.support_id) {
    const sup = m.register.row(m.regRow.get(a.support_id)!);
    return { code, params: { support: { kk: sup.name_kk ?? undefined, ru: sup.name_ru ?? undefined, en: sup.name_en ?? sup.id }, km: a.km_to_support ?? undefined } };
  }
  if (code === 'strategic.border_district') return { code, params: { status: a.geo.border_status } };
  if (code === 'strategic.border_distance') {
    const near = m.assessed ? nearestCountedBorder(m.assessed.geo, r, config.categories.strategic.neighbours.value) : null;
    return { code, params: { border: near?.code, km: near?.km, within: config.categories.strategic.within_km.value } };
  }
  if (code === 'other.below_min_population') return { code, params: { population, min: config.categories.min_population.value } };
  if (code === 'other.insufficient_data') return { code: 'other.insufficient', params: {} };
  if (code === 'town') return { code, params: { min: townPopulationOf(config) } };
  return { code, params: { potential } };
}

export function defaultLines(m: AtlasModel, c: Methodology): DefaultLine[] {
  const border = borderDistanceProvenance(c);
  const sup = c.categories.support;
  const assumedIndicators = c.indicators.filter((i) => i.enabled && i.status === 'assumed').length;
  return [
    ...c.blocks.map((b): DefaultLine => ({ key: 'blocks', status: b.status, source: b.source, values: [b.id, b.max_points] })),
    { key: 'indicators', status: assumedIndicators ? 'assumed' : 'confirmed', source: c.indicators[0]?.source ?? '', values: [assumedIndicators] },
    { key: 'potential', status: c.potential.status, source: c.potential.source, values: [c.potential.high, c.potential.medium] },
    { key: 'min_population', status: c.categories.min_population.status, source: c.categories.min_population.source, values: [c.categories.min_population.value] },
    { key: 'support', status: sup.status, source: sup.source, values: [sup.min_potential] },
    { key: 'satellite', status: c.categories.satellite.status, source: c.categories.satellite.source, values: [c.categories.satellite.radius_km] },
    { key: 'strategic', status: c.categories.strategic.neighbours.status, source: c.categories.strategic.neighbours.source, values: c.categories.strategic.neighbours.value },
    { key: 'border', status: border.status, source: border.source, values: [borderDistance(c)] },
    { key: 'town', status: c.categories.town.status, source: c.categories.town.source, values: [c.categories.town.min_population] },
  ];
}
