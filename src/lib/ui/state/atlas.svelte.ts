// Shared UI state, one module: what the planner chose (language, colour mode, class breaks, hidden classes,
// parameters, selection, view) and what the worker answered. Big or foreign objects are $state.raw (no deep
// proxies): the map, the typed arrays, the panel record.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Labels, Lang } from '../../engine/types.ts';
import type { Classing, ColourMode } from '../../map/classes.ts';
import type { AuditReply, BorderReviewReply, DiffReply, ExploreReply, FilterSpec, PanelRecord, RowNames, SearchResult, Settings, SortSpec, Stage, TableColumns } from '../../worker/protocol.ts';
import { NO_FILTER } from '../../engine/explore/filter.ts';
import { TOWN_POPULATION } from '../../engine/settlement-kind.ts';
import type { View } from '../url-state.ts';

export interface Results {
  seq: number;
  mode: ColourMode;
  codes: Uint8Array;
  support: Uint8Array;
  breaks: number[];
  counts: number[];
  stage: Stage;
  ms: number;
  explore: ExploreReply;
}

export interface Dataset {
  ids: string[];
  registerRows: number;
  hasDistricts: boolean;
  /** The assessed register carries approved statuses (the audit colour mode is offered). */
  hasOfficial: boolean;
  /** Rows of a synthetic register (benchmarks), 0 for the embedded data. */
  synthetic: number;
  places: number;
  names: RowNames;
}

class AtlasState {
  lang = $state<Lang>('kk');
  mode = $state<ColourMode>('category');
  classing = $state<Classing>({ method: 'quantile', count: 5, custom: [] });
  /** Legend classes hidden on the map (keys, see classes.ts); part 2's filters share it. */
  hidden = $state.raw<string[]>([]);
  settings = $state<Settings | null>(null);
  selected = $state<string | null>(null);
  view = $state.raw<View | null>(null);
  /** What the filters keep (URL state); the worker answers with a mask. */
  filter = $state.raw<FilterSpec>(NO_FILTER);
  sort = $state.raw<SortSpec>({ key: 'population', desc: true });
  /** The table's columns per map row (kept between filter changes). */
  table = $state.raw<TableColumns | null>(null);
  /** Satellite → support segments, and whether the map draws them. */
  links = $state.raw<Float64Array | null>(null);
  showLinks = $state(false);
  searchHits = $state.raw<{ query: string; hits: SearchResult[] } | null>(null);
  /** The bottom pane: closed, the table or the summaries. */
  pane = $state<'none' | 'table' | 'summary' | 'diff' | 'border' | 'resettle' | 'audit' | 'network'>('table');
  /** The scenario against the baseline (worker), the map showing only the changed rows, the border review. */
  diff = $state.raw<DiffReply | null>(null);
  changedOnly = $state(false);
  reviewBorder = $state<'CN' | 'RU'>('CN');
  review = $state.raw<BorderReviewReply | null>(null);
  /** The audit tab's data (worker), asked for while the tab is open. */
  audit = $state.raw<AuditReply | null>(null);
  /** The scenario in force: its name (null: the baseline). */
  scenarioName = $state<string | null>(null);
  /** The scenario as a URL value (null: none, or too long to carry). */
  scenarioUrl = $state<string | null>(null);
  /** Ask the map to fly to a row (search). */
  flyTo = $state.raw<{ row: number; at: number } | null>(null);

  map = $state.raw<MapLibreMap | null>(null);
  dataset = $state.raw<Dataset | null>(null);
  results = $state.raw<Results | null>(null);
  detail = $state.raw<PanelRecord | null>(null);
  busy = $state(false);
  /** A problem to show: plain text, or a message in every language (the io layer's problems are given as
   *  {kk, ru, en}); the status line shows it in the UI language. */
  error = $state.raw<string | Partial<Labels> | null>(null);
  /** URL fields that were ignored on load. */
  urlIgnored = $state.raw<string[]>([]);

  /** Row of a settlement id (map rows are in the worker's order). */
  rowOf = $derived.by(() => {
    const ids = this.dataset?.ids ?? [];
    const m = new Map<string, number>();
    ids.forEach((id, i) => m.set(id, i));
    return m;
  });

  /** The town rule's threshold in force (people, for places without a KATO type): the scenario's, else the map's
   *  parameter, else the default. */
  get townPopulation(): number {
    return this.settings?.config?.categories.town.min_population ?? this.settings?.townPopulation ?? TOWN_POPULATION.value;
  }

  setFilter(patch: Partial<FilterSpec>) {
    this.filter = { ...this.filter, ...patch };
  }

  toggleHidden(key: string) {
    this.hidden = this.hidden.includes(key) ? this.hidden.filter((k) => k !== key) : [...this.hidden, key];
  }
}

export const atlas = new AtlasState();
