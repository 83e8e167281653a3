// Named scenarios in IndexedDB (database "auyl-atlas-scenarios", one object store keyed by name). Plain
// IndexedDB, no dependency: to be replaced by the import work's persistence module once it is in main.
import { memoryStore, type ScenarioStore } from './decide/scenario-store.ts';
import type { ScenarioFile } from './decide/scenario-file.ts';

const DB = 'auyl-atlas-scenarios', STORE = 'scenarios';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'name' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function run<T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then((db) => new Promise<T>((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const req = f(tx.objectStore(STORE));
    tx.oncomplete = () => {
      db.close();
      resolve(req.result);
    };
    tx.onerror = () => reject(tx.error);
  }));
}

export function indexedDbStore(): ScenarioStore {
  if (typeof indexedDB === 'undefined') return memoryStore();
  return {
    list: async () => ((await run('readonly', (s) => s.getAll())) as ScenarioFile[]).sort((a, b) => a.name.localeCompare(b.name)),
    save: async (file) => void (await run('readwrite', (s) => s.put(structuredClone(file)))),
    remove: async (name) => void (await run('readwrite', (s) => s.delete(name))),
  };
}
