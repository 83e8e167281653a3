// The one entry point: register + methodology + geography → assessments. Split in two stages so that a change
// of weights re-runs only scoring and classification (`reassess`), not the geometry (`assess` does both).
import type { Methodology } from './config/schema.ts';
import type { Assessment, Geospatial, Settlement } from './types.ts';
import { buildGeoContext, computeGeospatial, geoValue, geoValues, type GeoInputs } from './geo/geospatial.ts';
import { score } from './score.ts';
import { classify } from './classify.ts';

/** Values an indicator can read: register columns, population, and the computed geospatial fields. */
export function valuesOf(s: Settlement, g: Geospatial): Record<string, number | null> {
  return { ...s.indicators, population: s.population, ...geoValues(g) };
}

/** Scores and classifies settlements whose geospatial fields are already known. */
export function reassess(settlements: Settlement[], geo: Geospatial[], config: Methodology): Assessment[] {
  // Column lookup without building a merged object per settlement (this runs on every weight change).
  const scores = settlements.map((s, i) => {
    const g = geo[i];
    return score(config, (column) => {
      if (column === 'population') return s.population;
      if (column.startsWith('km_to_')) {
        const computed = geoValue(g, column);
        if (computed !== undefined) return computed;
      }
      return s.indicators[column] ?? null;
    });
  });
  const classes = classify(settlements.map((settlement, i) => ({ settlement, geo: geo[i], potential: scores[i].potential })), config);
  return settlements.map((settlement, i) => ({
    settlement,
    geo: geo[i],
    ...scores[i],
    category: classes[i].category,
    support_id: classes[i].support_id,
    km_to_support: classes[i].km_to_support,
    category_rule: classes[i].rule,
    category_reason: classes[i].reason,
  }));
}

export function assess(settlements: Settlement[], config: Methodology, inputs: GeoInputs): Assessment[] {
  const ctx = buildGeoContext(settlements, config, inputs);
  return reassess(settlements, computeGeospatial(settlements, ctx), config);
}
