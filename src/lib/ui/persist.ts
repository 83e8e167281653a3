// The one persistence module (IndexedDB through `idb`): imported files (raw bytes + kind + mapping, re-read on
// restore), boundaries, and remembered column mappings; later features (scenarios) add their own stores here.
// Every write reports failures (a full disk is a QuotaExceededError) instead of swallowing them.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ImportKind, Mapping } from '../io/mapping.ts';

export interface SavedFile {
  /** 'register' (a register or a settlement list: the map rows), 'list' (the KATO list kept for coordinates),
   *  'adm1', 'adm2'. */
  slot: Slot;
  kind: ImportKind;
  fileName: string;
  /** The file's bytes: a Blob (written by the browser off the main thread: a 100 MB ArrayBuffer took ~0.4 s of
   *  main-thread cloning in the put), or an ArrayBuffer (saved by earlier versions). `loadFiles` reads either. */
  bytes: ArrayBuffer | Blob;
  mapping: Mapping | null;
  idField?: string | null;
  nameField?: string | null;
  /** .xlsx/.csv reading choices (sheet, header row, fill-down); absent in files saved by earlier versions. */
  table?: { sheet?: string | number; headerRow?: number; fillDown?: boolean };
  /** A boundary layer's credit as the user typed it (the sources line); absent or null: the file's own fields. */
  credit?: string | null;
  savedAt: number;
}
export type Slot = 'list' | 'register' | 'adm1' | 'adm2';
/** The order in which saved files are restored (boundaries first, then the list that locates a register). */
export const SLOTS: readonly Slot[] = ['adm2', 'adm1', 'list', 'register'];

export interface AtlasDB extends DBSchema {
  files: { key: Slot; value: SavedFile };
  mappings: { key: string; value: { key: string; mapping: Mapping } };
  /** Reserved for saved scenarios (settings + filters). */
  scenarios: { key: string; value: { id: string; name: string; data: unknown; savedAt: number } };
}

export class StorageError extends Error {
  constructor(readonly quota: boolean, message: string) {
    super(message);
  }
}

let dbp: Promise<IDBPDatabase<AtlasDB>> | null = null;
function db() {
  dbp ??= openDB<AtlasDB>('auyl-atlas', 1, {
    upgrade(d) {
      d.createObjectStore('files', { keyPath: 'slot' });
      d.createObjectStore('mappings', { keyPath: 'key' });
      d.createObjectStore('scenarios', { keyPath: 'id' });
    },
  });
  return dbp;
}

const wrap = (e: unknown) => {
  const err = e as DOMException;
  return new StorageError(err?.name === 'QuotaExceededError' || /quota/i.test(String(err?.message)), String(err?.message ?? e));
};

export async function saveFile(f: SavedFile): Promise<void> {
  try {
    await (await db()).put('files', f);
  } catch (e) {
    throw wrap(e);
  }
}

/** The saved files in restore order, their bytes read into ArrayBuffers. */
export async function loadFiles(): Promise<(SavedFile & { bytes: ArrayBuffer })[]> {
  try {
    const all = await (await db()).getAll('files');
    const ordered = SLOTS.flatMap((s) => all.filter((f) => f.slot === s));
    return await Promise.all(ordered.map(async (f) => ({ ...f, bytes: f.bytes instanceof Blob ? await f.bytes.arrayBuffer() : f.bytes })));
  } catch {
    return [];
  }
}

export async function clearFiles(slots: readonly Slot[] = SLOTS): Promise<void> {
  try {
    const d = await db();
    for (const s of slots) await d.delete('files', s);
  } catch (e) {
    throw wrap(e);
  }
}

export async function rememberMapping(key: string, mapping: Mapping): Promise<void> {
  try {
    await (await db()).put('mappings', { key, mapping });
  } catch (e) {
    throw wrap(e);
  }
}

export async function recallMapping(key: string): Promise<Mapping | null> {
  try {
    return (await (await db()).get('mappings', key))?.mapping ?? null;
  } catch {
    return null;
  }
}

/** Saved scenarios (the scenario editor's store; see decide/scenario-store.ts `recordStore`). Quota errors surface. */
export const scenarioTable = {
  async all(): Promise<AtlasDB['scenarios']['value'][]> {
    try {
      return await (await db()).getAll('scenarios');
    } catch {
      return [];
    }
  },
  async put(r: AtlasDB['scenarios']['value']): Promise<void> {
    try {
      await (await db()).put('scenarios', r);
    } catch (e) {
      throw wrap(e);
    }
  },
  async delete(id: string): Promise<void> {
    try {
      await (await db()).delete('scenarios', id);
    } catch (e) {
      throw wrap(e);
    }
  },
};
