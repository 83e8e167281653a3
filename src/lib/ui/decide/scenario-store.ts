// Where named scenarios are kept: a tiny interface over the one IndexedDB module (persist.ts, `scenarios` store), or
// memory in tests and browsers without IndexedDB.
import type { ScenarioFile } from './scenario-file.ts';

export interface ScenarioStore {
  list(): Promise<ScenarioFile[]>;
  save(s: ScenarioFile): Promise<void>;
  remove(name: string): Promise<void>;
}

/** For tests and browsers without IndexedDB: forgets everything on reload. */
export function memoryStore(): ScenarioStore {
  const items = new Map<string, ScenarioFile>();
  return {
    list: async () => [...items.values()].sort((a, b) => a.name.localeCompare(b.name)),
    save: async (s) => void items.set(s.name, structuredClone(s)),
    remove: async (name) => void items.delete(name),
  };
}

/** A stored scenario as the shared persistence module keeps it (its reserved `scenarios` store). */
export interface ScenarioRecord {
  id: string;
  name: string;
  data: unknown;
  savedAt: number;
}

/** The store over any keyed record table (the import work's persist.ts `scenarios` store): one line to swap in. */
export function recordStore(table: { all(): Promise<ScenarioRecord[]>; put(r: ScenarioRecord): Promise<void>; delete(id: string): Promise<void> }): ScenarioStore {
  return {
    list: async () => (await table.all()).map((r) => r.data as ScenarioFile).filter((s) => s && typeof s.name === 'string').sort((a, b) => a.name.localeCompare(b.name)),
    save: (s) => table.put({ id: s.name, name: s.name, data: structuredClone(s), savedAt: Date.now() }),
    remove: (name) => table.delete(name),
  };
}
