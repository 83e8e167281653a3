// The view stage: per map row, what the colour modes read (derived from the assessment), and the class code of
// each row in the current colour mode with the legend counts.
import type { ViewResult } from './model.ts';
import { BORDER_STATUSES } from '../engine/geo/geospatial.ts';
import { type AssessmentTable } from '../engine/assess.ts';
import { CATEGORIES } from '../engine/classify.ts';
import { auditColumns } from '../engine/audit.ts';
import { POTENTIALS } from '../engine/score.ts';
import { classesFor, classIndex, isGraduated, blockOfMode } from '../map/classes.ts';
import { computeBreaks } from '../map/class-breaks.ts';
import type { ViewSettings } from './protocol.ts';
import { regionRole } from '../engine/decide/resettlement.ts';
import type { AtlasModel } from './model.ts';
import { townFlags } from './explore-view.ts';

/** Per map row, what the colour modes read (NaN / -1 where the row is not in the register). */
export interface Derived {
  category: Uint8Array;
  potential: Uint8Array;
  support: Uint8Array;
  percent: Float64Array;
  blocks: Map<string, Float64Array>;
  /** Class index of the 'audit' mode. */
  audit: Uint8Array;
}

export function derive(m: AtlasModel, a: AssessmentTable): Derived {
  const n = m.size;
  const catKeys = classesFor('category').map((c) => c.key);
  const potKeys = classesFor('potential').map((c) => c.key);
  const catOfCode = CATEGORIES.map((c) => catKeys.indexOf(c));
  const potOfCode = POTENTIALS.map((p) => potKeys.indexOf(p));
  const d: Derived = {
    category: new Uint8Array(n).fill(catKeys.indexOf('not_in_register')),
    potential: new Uint8Array(n).fill(potKeys.indexOf('not_in_register')),
    support: new Uint8Array(n),
    percent: new Float64Array(n).fill(NaN),
    blocks: new Map(a.scores.blocks.map((b) => [b.id, new Float64Array(n).fill(NaN)])),
    audit: new Uint8Array(n).fill(classesFor('audit').findIndex((c) => c.key === 'not_in_register')),
  };
  // the engine's audit classes (AUDIT_CLASSES) are the audit mode's first classes, in the same order
  const auditReg = auditColumns(m.official(), a.classes.category);
  const townClass = catKeys.indexOf('town'), towns = townFlags(m).map;
  const other = catKeys.indexOf('other'), otherInsufficient = catKeys.indexOf('other_insufficient'), supportCode = CATEGORIES.indexOf('support');
  const blocks = a.scores.blocks.map((b) => [b.points, d.blocks.get(b.id)!] as const);
  for (let i = 0; i < n; i++) {
    const r = m.regIndex[i];
    // a town outside the register is still a town on the map (not 'not in the register')
    if (towns[i]) d.category[i] = townClass;
    if (r < 0) continue;
    const pot = a.scores.potential[r];
    let cat = catOfCode[a.classes.category[r]];
    if (cat === other && pot === 0) cat = otherInsufficient; // potential code 0 = insufficient_data
    d.category[i] = cat;
    d.potential[i] = potOfCode[pot];
    d.support[i] = a.classes.category[r] === supportCode ? 1 : 0;
    d.percent[i] = a.scores.percent[r];
    d.audit[i] = auditReg[r];
    // a block of a row without any data in it has no score (not 0)
    for (const [from, to] of blocks) to[i] = from[r];
  }
  return d;
}

/** Per map row, its region's role in the resettlement programme (class index of the 'resettlement' mode). */
export function roles(m: AtlasModel): Uint8Array {
  if (m.roleCodes) return m.roleCodes;
  const keys = classesFor('resettlement').map((c) => c.key);
  return (m.roleCodes = Uint8Array.from({ length: m.size }, (_, i) => keys.indexOf(regionRole(m.rowNames(i).oblast))));
}

export function classify(m: AtlasModel, view: ViewSettings): Omit<ViewResult, 'stage' | 'table' | 'links' | 'explore' | 'filteredCounts' | 'diff'> {
  const d = m.derived!;
  const n = m.size;
  const mode = view.mode;
  let codes: Uint8Array;
  let breaks: number[] = [];
  if (isGraduated(mode)) {
    const block = blockOfMode(mode);
    const values = block ? d.blocks.get(block) ?? new Float64Array(n).fill(NaN) : d.percent;
    breaks = computeBreaks(values, view.classing);
    const noData = breaks.length + 1;
    codes = new Uint8Array(n);
    for (let i = 0; i < n; i++) codes[i] = Number.isFinite(values[i]) ? classIndex(values[i], breaks) : noData;
  } else if (mode === 'category') codes = d.category;
  else if (mode === 'potential') codes = d.potential;
  else if (mode === 'place_type') codes = m.placeType;
  else if (mode === 'resettlement') codes = m.roles();
  else if (mode === 'audit') codes = d.audit;
  else {
    const keys = classesFor('border_status').map((c) => c.key);
    const of = BORDER_STATUSES.map((s) => keys.indexOf(s));
    const status = m.mapGeo!.status;
    codes = Uint8Array.from(status, (s) => of[s]);
  }
  const counts = new Array<number>(classesFor(mode, breaks).length).fill(0);
  for (let i = 0; i < n; i++) counts[codes[i]]++;
  // copies: the arrays are transferred to the UI
  return { mode, codes: codes.slice(), support: d.support.slice(), breaks, counts };
}
