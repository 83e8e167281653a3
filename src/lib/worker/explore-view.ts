// The explore stage's inputs: per map row, the columns the filters, the summaries and the table read, built once
// per assessment; the satellite → support links.
import { CATEGORIES } from '../engine/classify.ts';
import { auditColumns } from '../engine/audit.ts';
import { NO_CODE, type ExploreColumns } from '../engine/explore/columns.ts';
import { isTownRow, type TableColumns } from './explore.ts';
import type { AtlasModel } from './model.ts';
import { townPopulationOf } from '../engine/settlement-kind.ts';

type TownFlags = { map: Uint8Array; register: Uint8Array };
/** Per model, the flags by threshold: the scenario's and the baseline's may differ (a few kept, oldest dropped). */
const townCache = new WeakMap<AtlasModel, Map<number, TownFlags>>();
const TOWN_CACHE_SIZE = 3;

/** Town (1) or rural settlement (0) per map row and per register row, by the one rule (engine/settlement-kind.ts)
 *  from the place's feature code, population and the file's KATO type; `townPopulation`: the threshold for
 *  places without a KATO type (default: the one the methodology in force puts, `m.config`). A register row without
 *  a map row reads its own population only. The classification, the summaries, the coverage and the exports all
 *  read these. */
export function townFlags(m: AtlasModel, townPopulation: number = townPopulationOf(m.config)): TownFlags {
  let byThreshold = townCache.get(m);
  if (!byThreshold) townCache.set(m, (byThreshold = new Map()));
  let flags = byThreshold.get(townPopulation);
  if (flags) return flags;
  const map = new Uint8Array(m.size), register = new Uint8Array(m.register.size);
  for (let r = 0; r < register.length; r++) register[r] = isTownRow(null, m.register.population[r], null, townPopulation) ? 1 : 0;
  for (let i = 0; i < map.length; i++) {
    map[i] = isTownRow(m.featureCodes[i], m.rowNames(i).population ?? NaN, m.katoTypes?.[i] ?? null, townPopulation) ? 1 : 0;
    const r = m.regIndex[i];
    if (r >= 0) register[r] = map[i];
  }
  if (byThreshold.size >= TOWN_CACHE_SIZE) byThreshold.delete(byThreshold.keys().next().value!);
  byThreshold.set(townPopulation, (flags = { map, register }));
  return flags;
}

const TOWN_CODE = CATEGORIES.indexOf('town');

export function buildExplore(m: AtlasModel): { cols: ExploreColumns; table: TableColumns } {
  const n = m.size, a = m.assessed!, geo = m.mapGeo!, d = m.derived!;
  const units = () => {
    const names: string[] = [];
    const at = new Map<string, number>();
    const index = new Int32Array(n).fill(-1);
    return {
      names, index,
      set(i: number, name: string | null) {
        if (!name) return;
        let k = at.get(name);
        if (k === undefined) at.set(name, (k = names.push(name) - 1));
        index[i] = k;
      },
    };
  };
  const oblast = units(), district = units();
  const category = new Uint8Array(n).fill(NO_CODE), potential = new Uint8Array(n).fill(NO_CODE);
  const population = new Float64Array(n), isTown = new Uint8Array(n);
  const official = new Uint8Array(n).fill(NO_CODE), audit = new Uint8Array(n).fill(NO_CODE);
  const officialReg = m.official(), auditReg = auditColumns(officialReg, a.classes.category);
  const towns = townFlags(m).map;
  for (let i = 0; i < n; i++) {
    const r = m.regIndex[i];
    if (r >= 0) {
      category[i] = a.classes.category[r];
      potential[i] = a.scores.potential[r];
      official[i] = officialReg[r] === 255 ? NO_CODE : officialReg[r];
      audit[i] = auditReg[r];
    }
    const row = m.rowNames(i);
    population[i] = row.population ?? NaN;
    isTown[i] = towns[i];
    // a town outside the register still has its class (the table, the filters and the summaries say town)
    if (r < 0 && towns[i]) category[i] = TOWN_CODE;
    oblast.set(i, row.oblast);
    district.set(i, row.district);
  }
  const cols: ExploreColumns = {
    size: n, category, potential, borderStatus: geo.status, scorePercent: d.percent, population, isTown,
    oblast: oblast.index, oblasts: oblast.names, district: district.index, districts: district.names,
  };
  const table: TableColumns = {
    population, score: d.percent, kmTown: geo.kmToTown, kmChina: geo.kmToChina, kmRussia: geo.kmToRussia, category, potential, official, audit,
    oblast: oblast.index, oblasts: oblast.names, district: district.index, districts: district.names,
  };
  return { cols, table };
}

export function clusterLinks(m: AtlasModel): Float64Array {
  const a = m.assessed!, reg = m.register;
  const out: number[] = [];
  for (let j = 0; j < reg.size; j++) {
    const s = a.classes.support[j];
    if (s >= 0 && s !== j) out.push(reg.lon[j], reg.lat[j], reg.lon[s], reg.lat[s]);
  }
  return Float64Array.from(out);
}

export function copyTable(t: TableColumns): TableColumns {
  return {
    population: t.population.slice(), score: t.score.slice(), kmTown: t.kmTown.slice(), kmChina: t.kmChina.slice(), kmRussia: t.kmRussia.slice(),
    category: t.category.slice(), potential: t.potential.slice(), official: t.official.slice(), audit: t.audit.slice(), oblast: t.oblast.slice(), oblasts: t.oblasts, district: t.district.slice(), districts: t.districts,
  };
}
