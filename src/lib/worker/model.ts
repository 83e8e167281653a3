// What the worker keeps and computes, without the worker plumbing (testable in Node): the map rows (embedded
// places, or a synthetic register), the register that is assessed, and three cached stages that a change of
// settings re-runs from the first one it touches: geography (border distance, large-town threshold) → assessment
// (satellite radius, block points) → view (colour mode, class breaks).
import type { Methodology } from '../engine/config/schema.ts';
import { nullIfNaN, type RegisterColumns } from '../engine/columns.ts';
import { buildGeoContext, computeGeoTable, geospatialRecord, nearestCountedBorder, BORDER_STATUSES, type GeoInputs, type GeoTable } from '../engine/geo/geospatial.ts';
import { reassessTable, assessmentRecord, type AssessmentTable } from '../engine/assess.ts';
import { CATEGORIES, satelliteRadius } from '../engine/classify.ts';
import { AUDIT_CLASSES, auditAssessment, auditClass, auditColumns, auditCountsByUnit, auditDiff, checkApprovedSatellite, isDisagreement, NOT_AUDITED, type AuditRow } from '../engine/audit.ts';
import { POTENTIALS } from '../engine/score.ts';
import { classesFor, classIndex, isGraduated, blockOfMode, placeTypeClass, type ColourMode } from '../map/classes.ts';
import { computeBreaks } from '../map/class-breaks.ts';
import { borderDistance, borderDistanceProvenance, setBorderDistance } from './border-distance.ts';
import type { PanelRecord, Settings, Stage, ViewSettings, DefaultLine } from './protocol.ts';
import type { RuleParams } from '../i18n/rules.ts';
import type { Labels } from '../engine/types.ts';
import { NO_CODE, type ExploreColumns } from '../engine/explore/columns.ts';
import { explore, isTownRow, NameOrder, Searcher, type ExploreResult, type SortSpec, type TableColumns } from './explore.ts';
import { NO_FILTER, type FilterSpec } from '../engine/explore/filter.ts';
import { summarise, type UnitSummary } from '../engine/explore/summary.ts';
import { categoryDiff, potentialDiff } from '../engine/decide/diff.ts';
import { borderReview } from '../engine/decide/border-review.ts';
import { regionRole } from '../engine/decide/resettlement.ts';
import type { AuditChange, AuditListRow, AuditReply, AuditUnitLine, BorderReviewReply, DiffReply } from './protocol.ts';

export interface ViewResult {
  stage: Stage;
  /** Per map row, the table's columns: only when scores or geography changed (null: keep the last ones). */
  table: TableColumns | null;
  /** Satellite → support lines, [lon, lat, lon, lat] per satellite: only when categories changed. */
  links: Float64Array | null;
  explore: ExploreResult;
  /** Legend counts among the rows the filter keeps. */
  filteredCounts: number[];
  mode: ColourMode;
  codes: Uint8Array;
  support: Uint8Array;
  breaks: number[];
  counts: number[];
  /** The scenario against the baseline: only when the assessment changed (null: keep the last one). */
  diff: DiffReply | null;
}

/** Per map row, what the colour modes read (NaN / -1 where the row is not in the register). */
interface Derived {
  category: Uint8Array;
  potential: Uint8Array;
  support: Uint8Array;
  percent: Float64Array;
  blocks: Map<string, Float64Array>;
  /** Class index of the 'audit' mode. */
  audit: Uint8Array;
}

export class AtlasModel {
  private geoKey = '';
  private mapGeo: GeoTable | null = null;
  private registerGeo: GeoTable | null = null;
  private assessKey = '';
  private assessed: AssessmentTable | null = null;
  private derived: Derived | null = null;
  private config: Methodology;
  private readonly placeType: Uint8Array;
  private regRowOf: Map<string, number> | null = null;
  /** Register row by id (built on first use: a Map of a million ids is ~80 MB). */
  private get regRow(): Map<string, number> {
    return (this.regRowOf ??= new Map(this.register.ids.map((id, i) => [id, i])));
  }

  /** `regIndex[i]`: the register row of map row i, or -1. When `map === register` every row is its own. */
  constructor(
    readonly map: RegisterColumns,
    readonly register: RegisterColumns,
    readonly regIndex: Int32Array,
    private readonly inputs: GeoInputs,
    readonly featureCodes: (string | null)[],
    readonly synthetic: boolean,
    private readonly base: Methodology,
    /** Names of the embedded places by id, for the towns in the panel. */
    private readonly placeNames: Map<string, Partial<Labels>> = new Map(),
  ) {
    this.config = base;
    const keys = classesFor('place_type').map((c) => c.key);
    this.placeType = Uint8Array.from(featureCodes, (code) => keys.indexOf(placeTypeClass(code)));
  }

  get size(): number {
    return this.map.size;
  }

  private officialCodes: Uint8Array | null = null;
  /** Per register row, the approved category (CATEGORIES code), 255 where none. */
  private official(): Uint8Array {
    // from the column (no record per row: a million-row register must not build a million records)
    const official = this.register.official;
    return (this.officialCodes ??= Uint8Array.from({ length: this.register.size }, (_, i) => {
      const category = official?.[i]?.category;
      return category ? CATEGORIES.indexOf(category) : 255;
    }));
  }

  /** Whether the register carries approved statuses (the audit mode has something to show). */
  hasOfficial(): boolean {
    return this.official().some((c) => c !== 255);
  }

  defaults(): Settings {
    const c = this.base;
    return {
      borderKm: borderDistance(c),
      regionalMinPopulation: c.geospatial.town_tiers.find((t) => t.id === 'regional')?.min_population ?? 50000,
      satelliteRadiusKm: c.categories.satellite.radius_km,
      // a provision (the 2019 geospatial block) has no points to edit
      blockPoints: Object.fromEntries(c.blocks.filter((b) => b.scored).map((b) => [b.id, b.max_points])),
    };
  }

  /** The methodology in force: the scenario's full config when it has one (validated by the UI), otherwise the
   *  preset as loaded with the sliders' parameters. */
  configFor(s: Settings): Methodology {
    if (s.config) return s.config;
    const config = structuredClone(this.base);
    setBorderDistance(config, s.borderKm);
    const regional = config.geospatial.town_tiers.find((t) => t.id === 'regional');
    if (regional) regional.min_population = s.regionalMinPopulation;
    config.categories.satellite.radius_km = s.satelliteRadiusKm;
    for (const block of config.blocks) {
      const want = s.blockPoints[block.id];
      if (want === undefined || want === block.max_points || !(want >= 0)) continue;
      const factor = block.max_points > 0 ? want / block.max_points : 0;
      block.max_points = want;
      for (const ind of config.indicators) {
        if (ind.block !== block.id) continue;
        ind.points *= factor;
        if (ind.rule.type === 'steps') for (const step of ind.rule.steps) step.points *= factor;
      }
    }
    return config;
  }

  private exploreData: { cols: ExploreColumns; table: TableColumns } | null = null;
  private names: NameOrder | null = null;
  private searcher: Searcher | null = null;

  /** The map rows' names (kk, ru, en, each with a fallback) and units, for search and the table. */
  rowNames(i: number): { kk: string | null; ru: string | null; en: string | null; oblast: string | null; district: string | null; population: number | null } {
    // from the columns: no record per row (a million-row register must not build a million records)
    const s = this.map.texts;
    const r = this.regIndex[i];
    const reg = r >= 0 ? this.register.texts : null;
    const geo = this.mapGeo;
    const geoDistrict = geo && geo.district[i] >= 0 ? geo.districts[geo.district[i]].name : null;
    const population = nullIfNaN(r >= 0 ? this.register.population[r] : NaN) ?? nullIfNaN(this.map.population[i]);
    return {
      kk: reg?.name_kk[r] ?? s.name_kk[i], ru: reg?.name_ru[r] ?? s.name_ru[i], en: reg?.name_en[r] ?? s.name_en[i],
      oblast: reg?.oblast[r] ?? s.oblast[i], district: reg?.district[r] ?? s.district[i] ?? geoDistrict, population,
    };
  }

  search(query: string, limit?: number, lang?: 'kk' | 'ru' | 'en') {
    this.searcher ??= new Searcher({ size: this.size, rowAt: (i) => ({ id: this.map.ids[i], ...this.rowNames(i) }) });
    return this.searcher.find(query, limit, lang);
  }

  /** Whether any row has a district (a register column or a district layer). */
  hasDistricts(): boolean {
    return Boolean(this.inputs.districts) || this.register.texts.district.some(Boolean) || this.map.texts.district.some(Boolean);
  }

  private buildExplore(): { cols: ExploreColumns; table: TableColumns } {
    const n = this.size, a = this.assessed!, geo = this.mapGeo!, d = this.derived!;
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
    const officialReg = this.official(), auditReg = auditColumns(officialReg, a.classes.category);
    for (let i = 0; i < n; i++) {
      const r = this.regIndex[i];
      if (r >= 0) {
        category[i] = a.classes.category[r];
        potential[i] = a.scores.potential[r];
        official[i] = officialReg[r] === 255 ? NO_CODE : officialReg[r];
        audit[i] = auditReg[r];
      }
      const row = this.rowNames(i);
      population[i] = row.population ?? NaN;
      isTown[i] = isTownRow(this.featureCodes[i], population[i]) ? 1 : 0;
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

  private clusterLinks(): Float64Array {
    const a = this.assessed!, reg = this.register;
    const out: number[] = [];
    for (let j = 0; j < reg.size; j++) {
      const s = a.classes.support[j];
      if (s >= 0 && s !== j) out.push(reg.lon[j], reg.lat[j], reg.lon[s], reg.lat[s]);
    }
    return Float64Array.from(out);
  }

  /** `hidden`: legend classes hidden on the map (keys of the colour mode's classes); they leave the table, the
   *  count and the summaries as a filter does. */
  compute(settings: Settings, view: ViewSettings, filter: FilterSpec = NO_FILTER, sort: SortSpec = { key: 'population', desc: true }, hidden: readonly string[] = [], changedOnly = false): ViewResult {
    const before = this.assessKey;
    this.lastSettings = settings;
    const r = this.classifyAll(settings, view);
    const fresh = r.stage !== 'view' || before !== this.assessKey || !this.exploreData;
    if (fresh) {
      this.diffResult = null;
      // the first compute at the defaults is the baseline itself: no second assessment
      if (!this.baselineCodes && !settings.config && JSON.stringify(settings) === JSON.stringify(this.defaults())) this.baselineFromCurrent = true;
      this.exploreData = this.buildExplore();
      this.names = new NameOrder(this.size, (i) => this.rowNames(i));
    }
    const { cols, table } = this.exploreData!;
    const filteredCounts = new Array<number>(r.counts.length).fill(0);
    const hiddenCodes = new Uint8Array(256);
    classesFor(r.mode, r.breaks).forEach((c, code) => (hiddenCodes[code] = hidden.includes(c.key) ? 1 : 0));
    const diff = this.diffResult ??= this.computeDiff(cols);
    const ex = explore(cols, table, this.names!, filter, sort, { codes: r.codes, hiddenCodes, legendCounts: filteredCounts }, changedOnly ? diff.changedMask : undefined);
    const { changedMask, ...diffReply } = diff;
    return { ...r, explore: ex, filteredCounts, table: fresh ? copyTable(table) : null, links: fresh ? this.clusterLinks() : null,
      diff: fresh ? { ...diffReply, rows: diff.rows.slice(), from: diff.from.slice(), to: diff.to.slice() } : null };
  }

  private diffResult: (DiffReply & { changedMask: Uint8Array }) | null = null;
  private baselineCodes: { category: Uint8Array; potential: Uint8Array } | null = null;

  /** The baseline (the preset as loaded, default parameters) per map row, CATEGORIES / POTENTIALS codes or NO_CODE;
   *  assessed once. */
  private baselineFromCurrent = false;
  private baseline(): { category: Uint8Array; potential: Uint8Array } {
    if (this.baselineCodes) return this.baselineCodes;
    if (this.baselineFromCurrent && this.exploreData) {
      const { category, potential } = this.exploreData.cols;
      return (this.baselineCodes = { category: category.slice(), potential: potential.slice() });
    }
    const n = this.size, config = this.base;
    const regGeo = computeGeoTable(this.register, buildGeoContext(this.register, config, this.inputs));
    const a = reassessTable(this.register, regGeo, config);
    const category = new Uint8Array(n).fill(NO_CODE), potential = new Uint8Array(n).fill(NO_CODE);
    for (let i = 0; i < n; i++) {
      const r = this.regIndex[i];
      if (r < 0) continue;
      category[i] = a.classes.category[r];
      potential[i] = a.scores.potential[r];
    }
    return (this.baselineCodes = { category, potential });
  }

  /** The scenario against the baseline: from → to matrices over assessed rows, the changed map rows (category or
   *  potential) with their codes packed as category * 16 + potential, and coverage before and after. */
  private computeDiff(cols: ExploreColumns): DiffReply & { changedMask: Uint8Array } {
    const base = this.baseline(), n = this.size;
    const assessed = new Uint8Array(n);
    for (let i = 0; i < n; i++) assessed[i] = cols.category[i] !== NO_CODE && base.category[i] !== NO_CODE ? 1 : 0;
    const cat = categoryDiff(base.category.map((c) => (c === NO_CODE ? 0 : c)), cols.category.map((c) => (c === NO_CODE ? 0 : c)), assessed);
    const pot = potentialDiff(base.potential.map((c) => (c === NO_CODE ? 0 : c)), cols.potential.map((c) => (c === NO_CODE ? 0 : c)), assessed);
    const changedMask = new Uint8Array(n);
    for (const i of cat.changed) changedMask[i] = 1;
    for (const i of pot.changed) changedMask[i] = 1;
    const rows: number[] = [];
    for (let i = 0; i < n; i++) if (changedMask[i]) rows.push(i);
    const from = Uint8Array.from(rows, (i) => base.category[i] * 16 + base.potential[i]);
    const to = Uint8Array.from(rows, (i) => cols.category[i] * 16 + cols.potential[i]);
    const before = summarise({ ...cols, category: base.category, potential: base.potential }, 'oblast');
    const after = summarise(cols, 'oblast');
    const beforeD = cols.districts.length ? summarise({ ...cols, category: base.category, potential: base.potential }, 'district') : [];
    const afterD = cols.districts.length ? summarise(cols, 'district') : [];
    const pair = (b: UnitSummary[], a: UnitSummary[]) => a.map((s) => ({ name: s.name, ruralPopulation: s.ruralPopulation, before: b.find((x) => x.unit === s.unit)?.coverage ?? null, after: s.coverage }));
    return {
      category: cat.matrix, potential: pot.matrix, rows: Int32Array.from(rows), from, to, changedMask,
      coverage: { oblasts: pair(before, after), districts: pair(beforeD, afterD) },
    };
  }

  /** The border-area review under the current scenario, per district on the China or Russia border (a district
   *  layer or register districts), or per oblast within the border band when there are none. */
  borderReview(border: 'CN' | 'RU'): BorderReviewReply {
    const cols = this.exploreData?.cols, geo = this.mapGeo;
    if (!cols || !geo) throw new Error('nothing computed yet');
    const base = this.baseline();
    const km = border === 'CN' ? geo.kmToChina : geo.kmToRussia;
    const band = borderDistance(this.config);
    // districts on this border (a district layer gives each row its district's border status); without them, the
    // oblasts, counting only their settlements within the border band
    const wanted = BORDER_STATUSES.map((s) => (border === 'CN' ? s.startsWith('china') : s.includes('russia')) && s.endsWith('district'));
    const hasDistrictStatus = cols.districts.length > 0 && Array.from(geo.status).some((s) => wanted[s]);
    const units = hasDistrictStatus ? cols.districts : cols.oblasts;
    const unit = hasDistrictStatus ? cols.district : Int32Array.from(cols.oblast, (u, i) => (km[i] <= band ? u : -1));
    const onBorder = new Uint8Array(units.length);
    if (!hasDistrictStatus) onBorder.fill(1);
    else for (let i = 0; i < this.size; i++) if (unit[i] >= 0 && wanted[geo.status[i]]) onBorder[unit[i]] = 1;
    const category = Uint8Array.from(cols.category, (c) => (c === NO_CODE ? CATEGORIES.indexOf('other') : c));
    const input = { size: this.size, category, population: cols.population, kmToBorder: km, unit, units, unitOnBorder: onBorder };
    const now = borderReview(input);
    const before = borderReview({ ...input, category: Uint8Array.from(base.category, (c) => (c === NO_CODE ? CATEGORIES.indexOf('other') : c)) });
    return {
      border, byDistrict: hasDistrictStatus, bandKm: band,
      units: now.map((r) => {
        const b = before.find((x) => x.unit === r.unit);
        let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
        for (let i = 0; i < this.size; i++) {
          if (unit[i] !== r.unit) continue;
          const lon = this.map.lon[i], lat = this.map.lat[i];
          if (lon < minLon) minLon = lon;
          if (lon > maxLon) maxLon = lon;
          if (lat < minLat) minLat = lat;
          if (lat > maxLat) maxLat = lat;
        }
        return {
          ...r, strategic: r.strategic.slice(0, 20), strategicCount: r.strategic.length, strategicIds: r.strategic.slice(0, 20).map((i) => this.map.ids[i]),
          baselineCategoryCount: b?.categoryCount ?? r.categoryCount.map(() => 0), bbox: [minLon, minLat, maxLon, maxLat] as [number, number, number, number],
        };
      }),
    };
  }

  /** What an export reads (src/lib/ui/worker/export.ts): after a compute with the same arguments, the rows it
   *  keeps (filters and hidden legend classes, in table order), the summaries, the assessed register and the
   *  methodology config in force with its provenance lines. */
  exportView(settings: Settings, view: ViewSettings, filter: FilterSpec, sort: SortSpec, hidden: readonly string[]) {
    const r = this.compute(settings, view, filter, sort, hidden);
    return {
      rows: r.explore.order, oblasts: r.explore.oblasts, districts: r.explore.districts,
      assessed: this.assessed!, config: this.config, defaults: this.defaultLines(this.config), mapGeo: this.mapGeo!,
    };
  }
  private classifyAll(settings: Settings, view: ViewSettings): Omit<ViewResult, 'table' | 'links' | 'explore' | 'filteredCounts' | 'diff'> {
    let stage: Stage = 'view';
    const config = this.configFor(settings);
    const geoKey = settings.config
      ? JSON.stringify([config.geospatial, config.categories.strategic])
      : `${settings.borderKm}|${settings.regionalMinPopulation}`;
    if (geoKey !== this.geoKey || !this.mapGeo || !this.registerGeo) {
      this.mapGeo = computeGeoTable(this.map, buildGeoContext(this.map, config, this.inputs));
      this.registerGeo = this.map === this.register ? this.mapGeo : computeGeoTable(this.register, buildGeoContext(this.register, config, this.inputs));
      this.geoKey = geoKey;
      this.assessKey = '';
      stage = 'geo';
    }
    const assessKey = settings.config ? `${geoKey}|${JSON.stringify(config)}` : `${geoKey}|${settings.satelliteRadiusKm}|${JSON.stringify(settings.blockPoints)}`;
    if (assessKey !== this.assessKey || !this.assessed || !this.derived) {
      this.config = config;
      this.assessed = reassessTable(this.register, this.registerGeo!, config);
      this.derived = this.derive(this.assessed);
      this.assessKey = assessKey;
      if (stage === 'view') stage = 'assess';
    }
    return { stage, ...this.classify(view) };
  }

  /** The same rows with a district layer (the `load-districts` seam): districts and border districts for every row. */
  withDistricts(districts: GeoInputs['districts']): AtlasModel {
    return new AtlasModel(this.map, this.register, this.regIndex, { ...this.inputs, districts }, this.featureCodes, this.synthetic, this.base, this.placeNames);
  }

  /** The same map rows with another register (the file import's seam: `load-register`). */
  withRegister(register: RegisterColumns): AtlasModel {
    const rowOf = new Map(register.ids.map((id, i) => [id, i]));
    const regIndex = Int32Array.from(this.map.ids, (id) => rowOf.get(id) ?? -1);
    return new AtlasModel(this.map, register, regIndex, this.inputs, this.featureCodes, false, this.base, this.placeNames);
  }

  private derive(a: AssessmentTable): Derived {
    const n = this.size;
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
    const auditReg = auditColumns(this.official(), a.classes.category);
    const other = catKeys.indexOf('other'), otherInsufficient = catKeys.indexOf('other_insufficient'), supportCode = CATEGORIES.indexOf('support');
    const blocks = a.scores.blocks.map((b) => [b.points, d.blocks.get(b.id)!] as const);
    for (let i = 0; i < n; i++) {
      const r = this.regIndex[i];
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

  private roleCodes: Uint8Array | null = null;
  /** Per map row, its region's role in the resettlement programme (class index of the 'resettlement' mode). */
  private roles(): Uint8Array {
    if (this.roleCodes) return this.roleCodes;
    const keys = classesFor('resettlement').map((c) => c.key);
    return (this.roleCodes = Uint8Array.from({ length: this.size }, (_, i) => keys.indexOf(regionRole(this.rowNames(i).oblast))));
  }

  private classify(view: ViewSettings): Omit<ViewResult, 'stage' | 'table' | 'links' | 'explore' | 'filteredCounts' | 'diff'> {
    const d = this.derived!;
    const n = this.size;
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
    else if (mode === 'place_type') codes = this.placeType;
    else if (mode === 'resettlement') codes = this.roles();
    else if (mode === 'audit') codes = d.audit;
    else {
      const keys = classesFor('border_status').map((c) => c.key);
      const of = BORDER_STATUSES.map((s) => keys.indexOf(s));
      const status = this.mapGeo!.status;
      codes = Uint8Array.from(status, (s) => of[s]);
    }
    const counts = new Array<number>(classesFor(mode, breaks).length).fill(0);
    for (let i = 0; i < n; i++) counts[codes[i]]++;
    // copies: the arrays are transferred to the UI
    return { mode, codes: codes.slice(), support: d.support.slice(), breaks, counts };
  }

  detail(row: number): PanelRecord {
    const s = this.map.row(row);
    const geo = geospatialRecord(this.mapGeo!, row);
    const config = this.config;
    const r = this.regIndex[row];
    const a = r >= 0 && this.assessed ? assessmentRecord(this.assessed, r) : null;
    const reg = r >= 0 ? this.register.row(r) : null;
    const tierLabel = new Map(config.geospatial.town_tiers.map((t) => [t.id, t.label]));
    const record: PanelRecord = {
      row, id: s.id,
      names: { kk: reg?.name_kk ?? s.name_kk, ru: reg?.name_ru ?? s.name_ru, en: reg?.name_en ?? s.name_en, name: s.name_en ?? s.name_ru ?? s.id },
      oblast: reg?.oblast ?? s.oblast, district: reg?.district ?? s.district, population: reg?.population ?? s.population,
      featureCode: this.featureCodes[row], inRegister: Boolean(a), synthetic: Boolean(a),
      blocks: [], scorePercent: null, coverage: null, potential: null, category: null, rule: null,
      towns: Object.entries(geo.towns).flatMap(([tier, town]) => (town ? [{ tier, label: tierLabel.get(tier) ?? { kk: tier, ru: tier, en: tier }, name: town.name, names: this.placeNames.get(town.id) ?? {}, km: town.km }] : [])),
      kmChina: geo.km_to_china, kmRussia: geo.km_to_russia, borderStatus: geo.border_status,
      defaults: this.defaultLines(config),
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
    record.rule = { ...this.ruleOf(a, r), reason: a.category_reason };
    if (a.category === 'support') record.cluster = this.cluster(r);
    if (reg?.official) record.audit = this.panelAudit(r);
    return record;
  }

  /** The approved status of register row r beside its computed category; for an approved satellite, its approved
   *  support settlement with the distance and the engine's flags. */
  private panelAudit(r: number): NonNullable<PanelRecord['audit']> {
    const reg = this.register, s = reg.row(r), config = this.config;
    const official = s.official?.category ?? null;
    const out: NonNullable<PanelRecord['audit']> = {
      official, year: s.official?.year ?? null, cls: auditClass(official, CATEGORIES[this.assessed!.classes.category[r]]),
      supportId: s.official?.support_id ?? null, support: null, km: null, radiusKm: null, flags: [],
    };
    if (official !== 'satellite' || !out.supportId) return out;
    const j = this.regRow.get(out.supportId);
    const districtOf = (k: number) => reg.texts.district[k] ?? (this.registerGeo && this.registerGeo.district[k] >= 0 ? this.registerGeo.districts[this.registerGeo.district[k]].name : null);
    const row = (k: number) => ({ lat: reg.lat[k], lon: reg.lon[k], district: districtOf(k), official: reg.official?.[k]?.category ?? null });
    out.radiusKm = j === undefined ? config.categories.satellite.radius_km : satelliteRadius(config, reg.texts.oblast[j]);
    const check = checkApprovedSatellite(row(r), j === undefined ? undefined : row(j), out.radiusKm);
    out.flags = check.flags;
    out.km = check.km;
    if (j !== undefined) {
      let mapRow = -1;
      for (let i = 0; i < this.size; i++) if (this.regIndex[i] === j) { mapRow = i; break; }
      const t = reg.texts;
      out.support = { id: reg.ids[j], row: mapRow, names: { kk: t.name_kk[j], ru: t.name_ru[j], en: t.name_en[j] }, district: districtOf(j) };
    }
    return out;
  }

  private auditCache: { of: AssessmentTable; rows: AuditRow[] } | null = null;
  private lastSettings: Settings | null = null;

  /** The audit of approved statuses under the last compute: counts per region and district, the disagreements
   *  (and flagged approved satellites) with their computed reasons, and the scenario against the baseline. */
  audit(unitKey: string | null = null, limit = 500): AuditReply {
    const cols = this.exploreData?.cols, a = this.assessed;
    if (!cols || !a) throw new Error('nothing computed yet');
    if (this.auditCache?.of !== a) this.auditCache = { of: a, rows: auditAssessment(a).rows };
    const rows = this.auditCache.rows, n = this.size, officialReg = this.official();
    // per map row: audit class, flagged, unit
    const codes = new Uint8Array(n).fill(NOT_AUDITED), flagged = new Uint8Array(n), official = new Uint8Array(n).fill(255);
    const unit = new Int32Array(n).fill(-1);
    const unitKeys: string[] = [], unitAt = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const r = this.regIndex[i];
      if (r < 0) continue;
      codes[i] = AUDIT_CLASSES.indexOf(rows[r].audit);
      flagged[i] = rows[r].flags.length ? 1 : 0;
      official[i] = officialReg[r];
      const key = `${cols.oblast[i] >= 0 ? cols.oblasts[cols.oblast[i]] : ''}|${cols.district[i] >= 0 ? cols.districts[cols.district[i]] : ''}`;
      let u = unitAt.get(key);
      if (u === undefined) unitAt.set(key, (u = unitKeys.push(key) - 1));
      unit[i] = u;
    }
    const line = (key: string, c: ReturnType<typeof auditCountsByUnit>[number]): AuditUnitLine => {
      const [oblast, district] = key ? key.split('|') : ['', ''];
      return { key, oblast: oblast || null, district: district || null, settlements: c.settlements, byClass: AUDIT_CLASSES.map((k) => c.byClass[k]), flagged: c.flaggedSatellites };
    };
    const noStatus = AUDIT_CLASSES.indexOf('no_status');
    const units = auditCountsByUnit(codes, flagged, unit, unitKeys.length).map((c, u) => line(unitKeys[u], c))
      .filter((l) => l.settlements > l.byClass[noStatus])
      .sort((x, y) => (x.oblast ?? '').localeCompare(y.oblast ?? '') || (x.district ?? '').localeCompare(y.district ?? ''));
    const total = line('', auditCountsByUnit(codes, flagged, Int32Array.from(unit, (u) => (u >= 0 ? 0 : -1)), 1)[0]);
    // the list: disagreements (upgrade, downgrade, changed), then flagged approved satellites in agreement
    const wanted = unitKey === null ? -2 : unitAt.get(unitKey) ?? -3;
    const picked: number[] = [];
    for (let i = 0; i < n; i++) if (codes[i] !== NOT_AUDITED && (wanted === -2 || unit[i] === wanted) && (isDisagreement(codes[i]) || flagged[i])) picked.push(i);
    const rank = (i: number) => (isDisagreement(codes[i]) ? codes[i] : 10);
    picked.sort((x, y) => rank(x) - rank(y) || x - y);
    const names = (i: number) => {
      const x = this.rowNames(i);
      return { kk: x.kk, ru: x.ru, en: x.en };
    };
    const list: AuditListRow[] = picked.slice(0, limit).map((i) => {
      const r = this.regIndex[i];
      const rec = assessmentRecord(a, r);
      const x = this.rowNames(i);
      return {
        row: i, id: this.map.ids[i], names: names(i), oblast: x.oblast, district: x.district,
        official: CATEGORIES[officialReg[r]], computed: rec.category === 'other' && rec.potential === 'insufficient_data' ? 'other_insufficient' : rec.category,
        audit: rows[r].audit, potential: rec.potential, scorePercent: rec.score_percent, rule: { ...this.ruleOf(rec, r), reason: rec.category_reason },
        flags: rows[r].flags, km: rows[r].kmToOfficialSupport,
      };
    });
    // the scenario against the baseline
    const base = this.baseline();
    const d = auditDiff(official, base.category, cols.category);
    const change = (i: number): AuditChange => ({
      row: i, id: this.map.ids[i], names: names(i), official: CATEGORIES[official[i]],
      baseline: AUDIT_CLASSES[d.baseline[i]], scenario: AUDIT_CLASSES[d.scenario[i]], baselineCategory: CATEGORIES[base.category[i]], scenarioCategory: CATEGORIES[cols.category[i]],
    });
    const s = this.lastSettings;
    const scenario = Boolean(s && (s.config || JSON.stringify(s) !== JSON.stringify(this.defaults())));
    return {
      hasOfficial: this.hasOfficial(), units, total, list, listCount: picked.length, scenario,
      resolved: d.resolved.slice(0, limit).map(change), created: d.created.slice(0, limit).map(change), shifted: d.shifted.slice(0, limit).map(change),
      changeCounts: { resolved: d.resolved.length, created: d.created.length, shifted: d.shifted.length },
    };
  }

  /** A support settlement's satellites (nearest first) and the cluster's population. */
  private cluster(r: number): NonNullable<PanelRecord['cluster']> {
    const a = this.assessed!, reg = this.register;
    const mapRow = new Map<number, number>();
    this.regIndex.forEach((j, i) => j >= 0 && mapRow.set(j, i));
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

  private ruleOf(a: ReturnType<typeof assessmentRecord>, r: number): { code: string; params: RuleParams } {
    const config = this.config;
    const code = a.category_rule;
    const potential = a.potential;
    const population = a.settlement.population ?? undefined;
    if (code.startsWith('support.')) return { code, params: { potential, population, min: config.categories.support.population_route.at_least } };
    if (code === 'satellite' && a.support_id) {
      const sup = this.register.row(this.regRow.get(a.support_id)!);
      return { code, params: { support: { kk: sup.name_kk ?? undefined, ru: sup.name_ru ?? undefined, en: sup.name_en ?? sup.id }, km: a.km_to_support ?? undefined } };
    }
    if (code === 'strategic.border_district') return { code, params: { status: a.geo.border_status } };
    if (code === 'strategic.border_distance') {
      const near = this.assessed ? nearestCountedBorder(this.assessed.geo, r, config.categories.strategic.neighbours.value) : null;
      return { code, params: { border: near?.code, km: near?.km, within: config.categories.strategic.within_km.value } };
    }
    if (code === 'other.below_min_population') return { code, params: { population, min: config.categories.min_population.value } };
    if (code === 'other.insufficient_data') return { code: 'other.insufficient', params: {} };
    return { code, params: { potential } };
  }

  private defaultLines(c: Methodology): DefaultLine[] {
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
    ];
  }
}

function copyTable(t: TableColumns): TableColumns {
  return {
    population: t.population.slice(), score: t.score.slice(), kmTown: t.kmTown.slice(), kmChina: t.kmChina.slice(), kmRussia: t.kmRussia.slice(),
    category: t.category.slice(), potential: t.potential.slice(), official: t.official.slice(), audit: t.audit.slice(), oblast: t.oblast.slice(), oblasts: t.oblasts, district: t.district.slice(), districts: t.districts,
  };
}
