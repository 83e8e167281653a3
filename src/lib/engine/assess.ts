// The one entry point: register + methodology + geography → assessments. Split in two stages so that a change
// of weights re-runs only scoring and classification (`reassessTable`), not the geometry. Everything runs on
// columns; `assessmentRecord` / `reassess` / `assess` give readable records for exports, popups and tests.
import type { Methodology } from './config/schema.ts';
import type { Assessment, Geospatial, Settlement } from './types.ts';
import { RegisterColumns, nullIfNaN } from './columns.ts';
import { buildGeoContext, computeGeoTable, geoColumn, geoTableFromRecords, geospatialRecord, type GeoInputs, type GeoTable } from './geo/geospatial.ts';
import { scoreColumns, scoreRecord, type ScoreTable } from './score.ts';
import { CATEGORIES, CATEGORY_RULES, categoryReason, classifyColumns, type ClassInputs, type ClassTable } from './classify.ts';

export interface AssessmentTable {
  register: RegisterColumns;
  geo: GeoTable;
  config: Methodology;
  scores: ScoreTable;
  classes: ClassTable;
  town?: Uint8Array;
}

/** Scores and classifies a register whose geospatial block is already computed (e.g. after a weight change). */
/** `town`: per row, 1 for a town (engine/settlement-kind.ts); absent, every row is rural. */
export function reassessTable(register: RegisterColumns, geo: GeoTable, config: Methodology, town?: Uint8Array): AssessmentTable {
  const scores = scoreColumns(config, register.size, (column) => {
    if (column === 'population') return register.population;
    if (column.startsWith('km_to_')) {
      const computed = geoColumn(geo, column);
      if (computed) return computed;
    }
    return register.indicator(column);
  });
  const classes = classifyColumns({ register, geo, potential: scores.potential, config, town });
  return { register, geo, config, scores, classes, town };
}

export function assessTable(register: RegisterColumns, config: Methodology, inputs: GeoInputs, town?: Uint8Array): AssessmentTable {
  return reassessTable(register, computeGeoTable(register, buildGeoContext(register, config, inputs)), config, town);
}

/** One row of an AssessmentTable as a record. */
export function assessmentRecord(table: AssessmentTable, i: number): Assessment {
  const inputs: ClassInputs = { register: table.register, geo: table.geo, potential: table.scores.potential, config: table.config, town: table.town };
  const c = table.classes;
  return {
    settlement: table.register.row(i),
    geo: geospatialRecord(table.geo, i),
    ...scoreRecord(table.scores, i),
    category: CATEGORIES[c.category[i]],
    support_id: c.support[i] >= 0 ? table.register.ids[c.support[i]] : null,
    km_to_support: nullIfNaN(c.kmToSupport[i]),
    category_rule: CATEGORY_RULES[c.rule[i]],
    category_reason: categoryReason(inputs, c, i),
  };
}

export function assessmentRecords(table: AssessmentTable): Assessment[] {
  return Array.from({ length: table.register.size }, (_, i) => assessmentRecord(table, i));
}

/** Scores and classifies settlements whose geospatial fields are already known, as records. */
export function reassess(settlements: Settlement[], geo: Geospatial[], config: Methodology): Assessment[] {
  return assessmentRecords(reassessTable(new RegisterColumns(settlements), geoTableFromRecords(geo), config));
}

export function assess(settlements: Settlement[], config: Methodology, inputs: GeoInputs): Assessment[] {
  return assessmentRecords(assessTable(new RegisterColumns(settlements), config, inputs));
}
