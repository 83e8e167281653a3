// The scenario being edited: a full methodology (a deep copy of a preset), validated on every change and sent to
// the worker only when valid. Block weights keep their total (100): one block changed, the others share the rest
// in proportion, and each block's indicator points scale with it.
import { preset, type PresetId } from '../../engine/config/presets.ts';
import { checkMethodology, type ConfigProblem } from '../../engine/config/validate.ts';
import type { Methodology } from '../../engine/config/schema.ts';
import { atlas } from '../state/atlas.svelte.ts';
import { scenarioFile, type ScenarioFile } from './scenario-file.ts';
import { scenarioTable } from '../persist.ts';
import { memoryStore, recordStore, type ScenarioStore } from './scenario-store.ts';

import { rebalance, scoredTotal } from './weights.ts';
import { encodeScenario } from './scenario-url.ts';

class ScenarioState {
  presetId = $state<PresetId>('2019');
  draft = $state<Methodology>(structuredClone(preset('2019')));
  name = $state('');
  problems = $state.raw<ConfigProblem[]>([]);
  /** The weights' total the editor keeps (the preset's). */
  total = $state(100);
  saved = $state.raw<ScenarioFile[]>([]);
  /** A refused file: its problems. */
  importProblems = $state.raw<ConfigProblem[] | null>(null);
  // the one IndexedDB module (persist.ts), shared with the import; in memory where IndexedDB is missing
  store: ScenarioStore = typeof indexedDB === 'undefined' ? memoryStore() : recordStore(scenarioTable);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last = 0;

  usePreset(id: PresetId) {
    this.presetId = id;
    this.draft = structuredClone(preset(id));
    this.total = scoredTotal(this.draft);
    this.changed();
  }

  setWeight(id: string, weight: number) {
    rebalance(this.draft, id, weight, this.total);
    this.changed();
  }

  /** Validates the draft; applies it (at most every 80 ms while dragging) when valid. */
  changed() {
    const { config, problems } = checkMethodology($state.snapshot(this.draft));
    this.problems = problems;
    if (!config) return;
    const apply = () => {
      this.last = performance.now();
      if (atlas.settings) atlas.settings = { ...atlas.settings, config };
      atlas.scenarioName = this.name.trim() || null;
      atlas.scenarioUrl = encodeScenario(this.name.trim(), this.presetId, config);
    };
    clearTimeout(this.timer);
    const wait = 80 - (performance.now() - this.last);
    if (wait <= 0) apply();
    else this.timer = setTimeout(apply, wait);
  }

  /** Back to the baseline: the preset as loaded, the sliders' parameters. */
  reset() {
    clearTimeout(this.timer);
    this.presetId = '2019';
    this.draft = structuredClone(preset('2019'));
    this.total = scoredTotal(this.draft);
    this.problems = [];
    this.name = '';
    atlas.scenarioName = null;
    atlas.scenarioUrl = null;
    if (atlas.settings) atlas.settings = { ...atlas.settings, config: null };
  }

  file(): ScenarioFile {
    return scenarioFile(this.name.trim() || 'scenario', this.presetId, $state.snapshot(this.draft) as Methodology);
  }

  load(s: Pick<ScenarioFile, 'name' | 'preset' | 'config'>) {
    this.presetId = s.preset;
    this.name = s.name;
    this.draft = structuredClone(s.config);
    this.total = scoredTotal(this.draft);
    this.importProblems = null;
    atlas.scenarioName = s.name;
    this.changed();
  }

  async refresh() {
    this.saved = await this.store.list();
  }

  async save() {
    if (!this.name.trim() || this.problems.length) return;
    const file = this.file();
    await this.store.save(file);
    atlas.scenarioName = file.name;
    if (atlas.settings?.config) atlas.scenarioUrl = encodeScenario(file.name, file.preset, file.config);
    await this.refresh();
  }

  async remove(name: string) {
    await this.store.remove(name);
    await this.refresh();
  }
}

export const scenario = new ScenarioState();
