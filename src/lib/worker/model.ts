// What the worker keeps and computes, without the worker plumbing (testable in Node): the map rows (embedded
// places, or a synthetic register), the register that is assessed, and three cached stages that a change of
// settings re-runs from the first one it touches: geography (border distance, large-town threshold) → assessment
// (satellite radius, block points) → view (colour mode, class breaks). The model holds the state and the stage
// order; each stage's work is a module of its own: view.ts (colour codes), explore-view.ts (table and summary
// columns), decide.ts (baseline, diff, border review), audit-view.ts (approved statuses), panel.ts (one row's record).
import type { Methodology } from '../engine/config/schema.ts';
import { nullIfNaN, type RegisterColumns } from '../engine/columns.ts';
import { buildGeoContext, computeGeoTable, type GeoInputs, type GeoTable } from '../engine/geo/geospatial.ts';
import { reassessTable, assessmentRecord, type AssessmentTable } from '../engine/assess.ts';
import { CATEGORIES } from '../engine/classify.ts';
import { townPopulationOf } from '../engine/settlement-kind.ts';
import { type AuditRow } from '../engine/audit.ts';
import { classesFor, placeTypeClass, type ColourMode } from '../map/classes.ts';
import { borderDistance, setBorderDistance } from './border-distance.ts';
import type { AuditReply, BorderReviewReply, DefaultLine, DiffReply, PanelRecord, Settings, Stage, ViewSettings } from './protocol.ts';
import type { RuleParams } from '../i18n/rules.ts';
import type { Labels } from '../engine/types.ts';
import { type ExploreColumns } from '../engine/explore/columns.ts';
import { explore, NameOrder, Searcher, type ExploreResult, type SortSpec, type TableColumns } from './explore.ts';
import { NO_FILTER, type FilterSpec } from '../engine/explore/filter.ts';
import type { Derived } from './view.ts';
import * as viewStage from './view.ts';
import * as exploreView from './explore-view.ts';
import * as decide from './decide.ts';
import * as auditView from './audit-view.ts';
import * as panel from './panel.ts';

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


export class AtlasModel {
  geoKey = '';
  mapGeo: GeoTable | null = null;
  registerGeo: GeoTable | null = null;
  assessKey = '';
  assessed: AssessmentTable | null = null;
  derived: Derived | null = null;
  config: Methodology;
  readonly placeType: Uint8Array;
  regRowOf: Map<string, number> | null = null;
  /** Register row by id (built on first use: a Map of a million ids is ~80 MB). */
  get regRow(): Map<string, number> {
    return (this.regRowOf ??= new Map(this.register.ids.map((id, i) => [id, i])));
  }

  /** `regIndex[i]`: the register row of map row i, or -1. When `map === register` every row is its own. */
  constructor(
    readonly map: RegisterColumns,
    readonly register: RegisterColumns,
    readonly regIndex: Int32Array,
    readonly inputs: GeoInputs,
    readonly featureCodes: (string | null)[],
    readonly synthetic: boolean,
    readonly base: Methodology,
    /** Names of the embedded places by id, for the towns in the panel. */
    readonly placeNames: Map<string, Partial<Labels>> = new Map(),
  ) {
    this.config = base;
    const keys = classesFor('place_type').map((c) => c.key);
    this.placeType = Uint8Array.from(featureCodes, (code) => keys.indexOf(placeTypeClass(code)));
  }

  /** Per map row, the KATO type of an imported list or register with a type column ('1' town, '2' rural,
   *  '3' other), null without one: the town rule reads it first (engine/settlement-kind.ts). */
  katoTypes: (string | null)[] | null = null;

  get size(): number {
    return this.map.size;
  }

  officialCodes: Uint8Array | null = null;
  /** Per register row, the approved category (CATEGORIES code), 255 where none. */
  official(): Uint8Array {
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
      townPopulation: townPopulationOf(c),
      // a provision (the 2019 geospatial block) has no points to edit
      blockPoints: Object.fromEntries(c.blocks.filter((b) => b.scored).map((b) => [b.id, b.max_points])),
    };
  }

  /** The methodology in force: the scenario's full config when it has one (validated by the UI), otherwise the
   *  preset as loaded with the sliders' parameters. */
  configFor(s: Settings): Methodology {
    const config = this.parametersConfig(s);
    if (!s.forcedSupportIds) return config;
    const forced = config === s.config ? structuredClone(config) : config;
    forced.categories.support.forced_ids = [...s.forcedSupportIds];
    return forced;
  }

  private parametersConfig(s: Settings): Methodology {
    if (s.config) return s.config;
    const config = structuredClone(this.base);
    setBorderDistance(config, s.borderKm);
    const regional = config.geospatial.town_tiers.find((t) => t.id === 'regional');
    if (regional) regional.min_population = s.regionalMinPopulation;
    config.categories.satellite.radius_km = s.satelliteRadiusKm;
    if (s.townPopulation !== undefined && s.townPopulation >= 0) config.categories.town.min_population = s.townPopulation;
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

  exploreData: { cols: ExploreColumns; table: TableColumns } | null = null;
  names: NameOrder | null = null;
  searcher: Searcher | null = null;

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

  buildExplore(): { cols: ExploreColumns; table: TableColumns } {
    return exploreView.buildExplore(this);
  }

  clusterLinks(): Float64Array {
    return exploreView.clusterLinks(this);
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
    return { ...r, explore: ex, filteredCounts, table: fresh ? exploreView.copyTable(table) : null, links: fresh ? this.clusterLinks() : null,
      diff: fresh ? { ...diffReply, rows: diff.rows.slice(), from: diff.from.slice(), to: diff.to.slice() } : null };
  }

  diffResult: (DiffReply & { changedMask: Uint8Array }) | null = null;
  baselineCodes: decide.BaselineCodes | null = null;

  /** The baseline (the preset as loaded, default parameters) per map row, CATEGORIES / POTENTIALS codes or NO_CODE;
   *  assessed once. */
  baselineFromCurrent = false;
  baseline(): decide.BaselineCodes {
    return decide.baseline(this);
  }

  computeDiff(cols: ExploreColumns): DiffReply & { changedMask: Uint8Array } {
    return decide.computeDiff(this, cols);
  }

  borderReview(border: 'CN' | 'RU'): BorderReviewReply {
    return decide.borderReview(this, border);
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
    // the town threshold is in the config (categories.town): a change of it re-runs the assessment
    if (geoKey !== this.geoKey || !this.mapGeo || !this.registerGeo) {
      this.mapGeo = computeGeoTable(this.map, buildGeoContext(this.map, config, this.inputs));
      this.registerGeo = this.map === this.register ? this.mapGeo : computeGeoTable(this.register, buildGeoContext(this.register, config, this.inputs));
      this.geoKey = geoKey;
      this.assessKey = '';
      stage = 'geo';
    }
    const assessKey = settings.config ? `${geoKey}|${JSON.stringify(config)}` : `${geoKey}|${settings.satelliteRadiusKm}|${JSON.stringify(settings.blockPoints)}|${townPopulationOf(config)}|${settings.forcedSupportIds?.join('\n') ?? ''}`;
    if (assessKey !== this.assessKey || !this.assessed || !this.derived) {
      this.config = config;
      this.assessed = reassessTable(this.register, this.registerGeo!, config, exploreView.townFlags(this, townPopulationOf(config)).register);
      this.derived = this.derive(this.assessed);
      this.assessKey = assessKey;
      if (stage === 'view') stage = 'assess';
    }
    return { stage, ...this.classify(view) };
  }

  /** The same rows with a district layer (the `load-districts` seam): districts and border districts for every row. */
  withDistricts(districts: GeoInputs['districts']): AtlasModel {
    const m = new AtlasModel(this.map, this.register, this.regIndex, { ...this.inputs, districts }, this.featureCodes, this.synthetic, this.base, this.placeNames);
    m.katoTypes = this.katoTypes;
    return m;
  }

  /** The same map rows with another register (the file import's seam: `load-register`). */
  withRegister(register: RegisterColumns): AtlasModel {
    const rowOf = new Map(register.ids.map((id, i) => [id, i]));
    const regIndex = Int32Array.from(this.map.ids, (id) => rowOf.get(id) ?? -1);
    return new AtlasModel(this.map, register, regIndex, this.inputs, this.featureCodes, false, this.base, this.placeNames);
  }

  derive(a: AssessmentTable): Derived {
    return viewStage.derive(this, a);
  }

  roleCodes: Uint8Array | null = null;
  roles(): Uint8Array {
    return viewStage.roles(this);
  }

  classify(view: ViewSettings): Omit<ViewResult, 'stage' | 'table' | 'links' | 'explore' | 'filteredCounts' | 'diff'> {
    return viewStage.classify(this, view);
  }

  detail(row: number): PanelRecord {
    return panel.detail(this, row);
  }

  panelAudit(r: number): NonNullable<PanelRecord['audit']> {
    return auditView.panelAudit(this, r);
  }

  auditCache: { of: AssessmentTable; rows: AuditRow[] } | null = null;
  lastSettings: Settings | null = null;

  audit(unitKey: string | null = null, limit = 500): AuditReply {
    return auditView.audit(this, unitKey, limit);
  }

  cluster(r: number): NonNullable<PanelRecord['cluster']> {
    return panel.cluster(this, r);
  }

  ruleOf(a: ReturnType<typeof assessmentRecord>, r: number): { code: string; params: RuleParams } {
    return panel.ruleOf(this, a, r);
  }

  defaultLines(c: Methodology): DefaultLine[] {
    return panel.defaultLines(this, c);
  }
}

