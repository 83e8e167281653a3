// Messages between the UI and the assessment worker. The UI sends settings; the worker answers with typed arrays
// (a class code and a support flag per map row) and the legend counts, so that recolouring 100,000 rows never
// rebuilds GeoJSON on the main thread. Details of one row are asked for on demand (the settlement panel).
import type { Classing, ColourMode } from '../map/classes.ts';
import type { Labels, Status } from './types.ts';
import type { Methodology } from '../engine/config/schema.ts';
import type { RuleParams } from '../i18n/rules.ts';
import type { ImportReply, ImportRequest } from './import-protocol.ts';
import type { AuditClass, SatelliteFlag } from '../engine/audit.ts';
import type { Category, Lang } from '../engine/types.ts';

/** Map rows that came from an imported file (drawn from `synthetic`'s columns, but real data). */
export interface ImportedInfo {
  kind: 'register' | 'list';
  fileName: string;
}

import type { FilterSpec } from '../engine/explore/filter.ts';
import type { UnitSummary } from '../engine/explore/summary.ts';
import type { SearchResult, SortSpec, TableColumns } from './explore.ts';

import type { NetworkReply, NetworkRequest, NetworkResult } from './network-protocol.ts';
import type { NetworkParameters } from './network-geojson.ts';
import type { NetworkSupportLine } from './network-source.ts';
export type { FilterSpec, SortSpec, TableColumns, SearchResult, UnitSummary };

/** Assessment parameters the UI can change. */
export interface Settings {
  /** The one border distance (km): border-zone status and the strategic rule. */
  borderKm: number;
  regionalMinPopulation: number;
  satelliteRadiusKm: number;
  /** The town rule's threshold for places without a KATO type (people; `categories.town.min_population`):
   *  absent, the preset's (10,000, assumed). Changing it re-runs the assessment, summaries and coverage. */
  townPopulation?: number;
  /** Block maxima overriding the preset's (indicator points scale with their block). */
  blockPoints: Record<string, number>;
  /** A scenario's full methodology (validated in the UI, never sent when invalid): replaces the preset and the
   *  parameters above. */
  config?: Methodology | null;
  /** A chosen network (the Network tab's "apply as a scenario"): exactly these register ids are supports
   *  (`categories.support.forced_ids`); null / absent: the eligibility rules choose. */
  forcedSupportIds?: string[] | null;
}

/** The scenario against the baseline (the preset as loaded, default parameters). */
export interface DiffReply {
  /** matrix[from][to], CATEGORIES / POTENTIALS codes, over the rows assessed on both sides. */
  category: number[][];
  potential: number[][];
  /** Map rows whose category or potential changed; `from` / `to` pack category * 16 + potential. */
  rows: Int32Array;
  from: Uint8Array;
  to: Uint8Array;
  /** Coverage (rural people in support + satellite ÷ rural people) before and after, national first. */
  coverage: { oblasts: CoverageLine[]; districts: CoverageLine[] };
}

export interface CoverageLine {
  name: string | null;
  ruralPopulation: number;
  before: number | null;
  after: number | null;
}

export interface BorderReviewUnit {
  unit: number;
  name: string;
  settlements: number;
  population: number;
  categoryCount: number[];
  baselineCategoryCount: number[];
  bandCount: number[];
  bandPopulation: number[];
  /** Map rows of the strategic settlements (nearest first, at most 20), their ids, and how many there are. */
  strategic: number[];
  strategicIds: string[];
  strategicCount: number;
  bbox: [number, number, number, number];
}

export interface BorderReviewReply {
  border: 'CN' | 'RU';
  /** true: districts on the border (a district layer); false: oblasts within the border band. */
  byDistrict: boolean;
  bandKm: number;
  units: BorderReviewUnit[];
}

export interface ViewSettings {
  mode: ColourMode;
  classing: Classing;
}

/** Rows the worker made up (`?synthetic=N`), which the UI draws from these columns. */
/** Map rows drawn from columns (a synthetic or imported register); their ids are the 'ready' reply's. */
export interface SyntheticRows {
  lon: Float64Array;
  lat: Float64Array;
  population: Float64Array;
}

/** Per map row, its name in each language (null where it has none) and its oblast (ISO code or name). */
export interface RowNames {
  kk: (string | null)[];
  ru: (string | null)[];
  en: (string | null)[];
}

export type Stage = 'geo' | 'assess' | 'view';

/** The explorer's answer to a compute: the filter mask, the table order, counts and summaries. */
export interface ExploreReply {
  /** The filters' mask (the map adds the legend's hidden classes itself, without waiting for the worker). */
  mask: Uint8Array;
  count: number;
  order: Int32Array;
  /** Legend counts among the rows the filter keeps. */
  filteredCounts: number[];
  oblasts: UnitSummary[];
  districts: UnitSummary[];
  ms: { filter: number; sort: number; summary: number };
}

/** `brief-data`: a JSON file with the kept rows' bounds and their summary (the one-page brief's figures). */
/** `audit-csv`: the audit report of the whole assessed register (the CLI's `auyl audit` files) and the parameters. */
export type ExportKind = 'csv' | 'summary-csv' | 'geojson' | 'fgb' | 'xlsx' | 'params' | 'brief-data' | 'audit-csv';

/** An export of the rows the filters keep, built by the worker with src/lib/io's writers. */
export interface ExportRequest {
  kind: ExportKind;
  settings: Settings;
  view: ViewSettings;
  filter: FilterSpec;
  sort: SortSpec;
  hidden: string[];
  /** CSV: separator and decimal mark (always UTF-8 with a BOM). `codes`: "codes for machines" — the CLI's
   *  snake_case columns and codes; otherwise (the default) CSV and .xlsx speak the UI language (context.lang). */
  csv: { delimiter: ',' | ';'; decimalComma: boolean; codes?: boolean };
  /** Recorded in the parameters: when, in which UI language, from which data. */
  /** `sources`: the one sources line in the UI language (i18n/sources.ts), recorded in the parameters. */
  context: { date: string; lang: string; dataSource: string; sources?: string };
}

/** A file to download (the main thread only wraps it in a Blob URL). */
export interface ExportFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export type WorkerRequest =
  | { type: 'init'; settlements: ArrayBuffer; borders: ArrayBuffer; synthetic: number }
  /** `hidden`: the legend's hidden classes, a filter like the others (the table and counts follow the map). */
  | { type: 'compute'; seq: number; settings: Settings; view: ViewSettings; filter: FilterSpec; sort: SortSpec; hidden: string[]; changedOnly?: boolean }
  | { type: 'border-review'; seq: number; border: 'CN' | 'RU' }
  /** A district layer (FGB/GeoJSON/shapefile bytes): districts for every row, then a new 'ready'. */
  | { type: 'load-districts'; bytes: ArrayBuffer; fileName: string; idField?: string; nameField?: string }
  | { type: 'detail'; seq: number; row: number }
  | { type: 'search'; seq: number; query: string; limit: number; lang?: 'kk' | 'ru' | 'en' }
  /** Replaces the assessed register (bytes of a CSV / GeoJSON / FGB file, read by src/lib/io): answered by a new
   *  'ready'. Tests load a fixture register with districts through it; the file import will reuse it. */
  | { type: 'load-register'; bytes: ArrayBuffer; fileName: string }
  | { type: 'export'; seq: number; request: ExportRequest }
  /** The network suggestion as GeoJSON (worker/network-geojson.ts), answered as an 'export' of one file. */
  | { type: 'network-geojson'; seq: number; result: Pick<NetworkResult, 'role' | 'supportRow' | 'km' | 'problem' | 'supports'>; parameters: NetworkParameters; lang: Lang }
  /** The audit of approved statuses under the current compute; `unit` (AuditUnitLine.key): only that unit's list. */
  | { type: 'audit'; seq: number; unit?: string | null; limit?: number }
  | ImportRequest
  | NetworkRequest;

export type WorkerReply =
  | { type: 'audit'; seq: number; audit: AuditReply }
  /** `hasOfficial`: the assessed register carries approved statuses (the audit colour mode and tab). */
  | { type: 'ready'; ids: string[]; names: RowNames; registerRows: number; hasDistricts: boolean; hasOfficial: boolean; synthetic: SyntheticRows | null; defaults: Settings; imported?: ImportedInfo | null }
  | { type: 'result'; seq: number; ms: number; stage: Stage; mode: ColourMode; codes: Uint8Array; support: Uint8Array; breaks: number[]; counts: number[];
      explore: ExploreReply; table: TableColumns | null; links: Float64Array | null; diff: DiffReply | null }
  | { type: 'border-review'; seq: number; review: BorderReviewReply }
  | { type: 'detail'; seq: number; record: PanelRecord }
  | { type: 'search'; seq: number; query: string; hits: SearchResult[] }
  | { type: 'export'; seq: number; ms: number; files: ExportFile[] }
  | { type: 'error'; message: string; seq?: number }
  | ImportReply
  | NetworkReply
  /** Sent just before a `network-result`: its supports as ids, map rows and people served (the tab's table). */
  | { type: 'network-lines'; id: number; lines: NetworkSupportLine[] }
  /** Sent with `network-lines`: the suggestion on the map, a NETWORK_CLASSES code per map row (map/network-classes.ts)
   *  and the map rows in each class (the legend's counts). */
  | { type: 'network-map'; id: number; codes: Uint8Array; counts: number[] };

export interface IndicatorLine {
  id: string;
  label: Labels;
  unit: string | null;
  value: number | null;
  points: number | null;
  max: number;
  status: Status;
}

export interface BlockLine {
  id: string;
  label: Labels;
  points: number;
  max: number;
  status: Status;
  /** false for a provision applied as rules (the 2019 geospatial block): no points. */
  scored: boolean;
  indicators: IndicatorLine[];
}

export interface DefaultLine {
  key: 'blocks' | 'indicators' | 'potential' | 'min_population' | 'support' | 'satellite' | 'strategic' | 'border' | 'town';
  status: Status;
  source: string;
  /** The value in force, language-neutral (numbers joined by the panel). */
  values: (number | string)[];
}

/** Everything the settlement panel shows for one map row; the panel words it in the UI language. */
export interface PanelRecord {
  row: number;
  id: string;
  names: { kk: string | null; ru: string | null; en: string | null; name: string | null };
  oblast: string | null;
  district: string | null;
  population: number | null;
  featureCode: string | null;
  inRegister: boolean;
  synthetic: boolean;
  blocks: BlockLine[];
  scorePercent: number | null;
  coverage: number | null;
  potential: string | null;
  category: string | null;
  rule: { code: string; params: RuleParams; reason: string } | null;
  towns: { tier: string; label: Labels; name: string; names: Partial<Labels>; km: number }[];
  kmChina: number | null;
  kmRussia: number | null;
  borderStatus: string;
  defaults: DefaultLine[];
  /** District and region by point in polygon in the imported boundaries (the panel flags a mismatch). */
  located?: { district: string | null; oblast: string | null };
  /** A support settlement's satellites (nearest first) and the population of the cluster (support included). */
  /** The approved status, when the register carries one for this settlement. */
  audit?: PanelAudit;
  cluster?: { satellites: { id: string; row: number; names: { kk: string | null; ru: string | null; en: string | null }; km: number; population: number | null }[]; population: number };
}

/** Audit counts of one region / district (counts in AUDIT_CLASSES order). */
export interface AuditUnitLine {
  /** Stable key of the unit ('oblast|district'); '' for the whole register. */
  key: string;
  oblast: string | null;
  district: string | null;
  settlements: number;
  byClass: number[];
  flagged: number;
}

/** A settlement whose approved status disagrees with the computed category, or an approved satellite flagged. */
export interface AuditListRow {
  row: number;
  id: string;
  names: { kk: string | null; ru: string | null; en: string | null };
  oblast: string | null;
  district: string | null;
  official: Category;
  /** The computed category ('other_insufficient' when other for lack of data). */
  computed: string;
  audit: AuditClass;
  potential: string;
  scorePercent: number | null;
  rule: { code: string; params: RuleParams; reason: string };
  flags: SatelliteFlag[];
  km: number | null;
}

/** A settlement whose audit class the scenario changes. */
export interface AuditChange {
  row: number;
  id: string;
  names: { kk: string | null; ru: string | null; en: string | null };
  official: Category;
  baseline: AuditClass;
  scenario: AuditClass;
  baselineCategory: Category;
  scenarioCategory: Category;
}

export interface AuditReply {
  hasOfficial: boolean;
  /** Units with at least one approved status, by region then district. */
  units: AuditUnitLine[];
  total: AuditUnitLine;
  /** The list (all units, or `unit`'s), disagreements first by class, then flagged satellites; at most `limit`. */
  list: AuditListRow[];
  listCount: number;
  /** Whether a scenario (anything but the preset as loaded) is in force. */
  scenario: boolean;
  /** Settlements (at most `limit` each) and how many there are. */
  resolved: AuditChange[];
  created: AuditChange[];
  shifted: AuditChange[];
  changeCounts: { resolved: number; created: number; shifted: number };
}

/** The settlement panel's audit lines: the approved status beside the computed category. */
export interface PanelAudit {
  official: Category | null;
  year: number | null;
  cls: AuditClass;
  /** An approved satellite's approved support settlement (its id; names and map row when it is in the register). */
  supportId: string | null;
  support: { id: string; row: number; names: { kk: string | null; ru: string | null; en: string | null }; district: string | null } | null;
  km: number | null;
  radiusKm: number | null;
  flags: SatelliteFlag[];
}
