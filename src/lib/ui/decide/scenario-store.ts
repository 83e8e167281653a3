// Where named scenarios are kept: a tiny interface, so the one IndexedDB module of the import work can replace
// the implementation here in one line (see persist-scenarios.ts).
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
