// The UI side of an import: file → worker (bytes transferred), progress, cancel (the worker is replaced and the
// previous data restored), the result saved through persist.ts only once the worker accepted it, remembered
// column mappings, and the restore of saved data at start. The state it writes is in state/import.svelte.ts.
import type { WorkerClient } from '../../worker/client.ts';
import type { ImportOptions, ImportReply, ImportSummary } from '../../worker/import-protocol.ts';
import { imports, type TableChoice } from '../state/import.svelte.ts';
import { atlas } from '../state/atlas.svelte.ts';
import { hook } from '../test-hook.ts';
import { headerKey, MAX_CREDIT, type ImportKind, type Mapping } from '../../io/mapping.ts';
import { clearFiles, loadFiles, recallMapping, rememberMapping, saveFile, StorageError, type SavedFile, type Slot } from '../persist.ts';

export type AskReply = Extract<ImportReply, { type: 'import-ask' }>;
type Outcome = { ok: true; summary: ImportSummary } | { ok: false; message: string; code?: string; ask?: AskReply };

export class ImportController {
  private client: WorkerClient;
  private jobSeq = 0;
  private waiting = new Map<number, (o: Outcome) => void>();

  /** `restart` replaces the worker (a fresh one on the embedded data) and returns it once asked to init. */
  constructor(client: WorkerClient, private readonly restart: () => WorkerClient) {
    this.client = client;
  }

  get worker() {
    return this.client;
  }

  onReply(r: ImportReply) {
    if (r.type === 'import-progress') {
      if (imports.job?.id === r.job) imports.job = { ...imports.job, phase: r.phase, fraction: r.fraction };
      return;
    }
    const job = r.type === 'import-done' ? r.summary.job : r.job;
    const resolve = this.waiting.get(job);
    this.waiting.delete(job);
    resolve?.(r.type === 'import-done' ? { ok: true, summary: r.summary } : r.type === 'import-ask' ? { ok: false, message: 'ask', ask: r } : { ok: false, message: r.message, code: r.code });
  }

  private run(bytes: ArrayBuffer, fileName: string, options: ImportOptions): Promise<Outcome> {
    const id = ++this.jobSeq;
    imports.job = { id, fileName, phase: 'read', fraction: 0 };
    return new Promise<Outcome>((resolve) => {
      this.waiting.set(id, resolve);
      this.client.importFile(id, bytes, fileName, options);
    }).finally(() => {
      if (imports.job?.id === id) imports.job = null;
    });
  }

  /** Imports a file the user dropped or chose. When the worker is unsure what the file is (and no kind was given),
   *  nothing is imported: `imports.ask` holds the question until `answer` or `dismiss`. */
  async importFile(file: File | { name: string; bytes: ArrayBuffer | Blob }, options: Partial<ImportOptions> = {}): Promise<Outcome> {
    imports.notice = null;
    imports.ask = null;
    if (!options.kind) imports.askedKind = false;
    const fileName = file.name;
    // `keep` is what gets saved and read again (a File is a Blob already: no copy); the worker gets `bytes`
    // (transferred, so an ArrayBuffer given is copied into the Blob first)
    const keep: Blob = file instanceof Blob ? file : file.bytes instanceof Blob ? file.bytes : new Blob([file.bytes]);
    const bytes = file instanceof Blob || file.bytes instanceof Blob ? await keep.arrayBuffer() : file.bytes;
    const outcome = await this.run(bytes, fileName, { lang: atlas.lang, ask: !options.kind, ...options });
    if (!outcome.ok && outcome.ask) {
      // a mapping remembered for these headers may settle the question: read again with it first
      if (!options.mapping) {
        const remembered = await recallMapping(headerKey(outcome.ask.header));
        if (remembered && JSON.stringify(remembered) !== JSON.stringify(outcome.ask.mapping)) return this.importFile({ name: fileName, bytes: keep }, { ...options, mapping: remembered });
      }
      imports.ask = { bytes: keep, fileName, question: outcome.ask, options };
      return outcome;
    }
    if (!outcome.ok) {
      if (outcome.message !== 'cancelled') imports.notice = { key: 'imp.failed', params: { reason: outcome.code === 'no_rows' || outcome.code === 'too_many_rows' ? outcome.code : outcome.message } };
      return outcome;
    }
    const s = outcome.summary;
    // A mapping remembered for these headers, not asked for this time: read again with it.
    if (!options.mapping && s.kind !== 'boundaries') {
      const remembered = await recallMapping(headerKey(s.header));
      if (remembered && JSON.stringify(remembered) !== JSON.stringify(s.mapping)) return this.importFile({ name: fileName, bytes: keep }, { ...options, mapping: remembered });
    }
    this.accept(s, options);
    await this.save(s, keep, options);
    return outcome;
  }

  /** The user's answer to "what is this file?": read it as that kind (the answer can be changed afterwards). */
  async answer(kind: 'register' | 'list') {
    const q = imports.ask;
    if (!q) return;
    imports.ask = null;
    imports.askedKind = true;
    return this.importFile({ name: q.fileName, bytes: q.bytes }, { ...q.options, kind });
  }

  /** The question dismissed: nothing imported, the data on the map stays. */
  dismiss() {
    imports.ask = null;
  }

  private accept(s: ImportSummary, options: Partial<ImportOptions>) {
    imports.summary = s;
    if (s.kind !== 'boundaries') imports.table = tableChoice(options);
    if (s.kind === 'boundaries' && s.boundaries) {
      const level = s.boundaries.level === 1 ? 'adm1' : 'adm2';
      // another file: its own credit (from its fields) until the user types one; a re-read keeps the typed one
      if (imports.boundaryInfo[level]?.fileName !== s.fileName) imports.boundaryCredit = { ...imports.boundaryCredit, [level]: null };
      imports.boundaries = { ...imports.boundaries, [level]: s.boundaries.drawn };
      imports.boundaryInfo = { ...imports.boundaryInfo, [level]: s };
    } else {
      imports.source = { kind: s.kind as 'register' | 'list', fileName: s.fileName, importedOn: new Date().toISOString().slice(0, 10) };
      imports.rows = s;
    }
  }

  private async save(s: ImportSummary, bytes: Blob, options: Partial<ImportOptions>) {
    const slot: Slot = s.kind === 'boundaries' ? (s.boundaries!.level === 1 ? 'adm1' : 'adm2') : s.kind === 'list' ? 'list' : 'register';
    const saved: SavedFile = {
      slot, kind: s.kind, fileName: s.fileName, bytes, mapping: s.kind === 'boundaries' ? null : s.mapping,
      idField: s.boundaries?.idField ?? null, nameField: s.boundaries?.nameField ?? null, savedAt: Date.now(),
      ...(s.kind === 'boundaries' ? { credit: imports.boundaryCredit[slot as 'adm1' | 'adm2'] } : { table: tableChoice(options) }),
    };
    try {
      // a list replaces the register on the map: the saved register would come back over it
      if (slot === 'list') await clearFiles(['register']);
      await saveFile(saved);
      if (s.kind !== 'boundaries' && options.mapping) await rememberMapping(headerKey(s.header), s.mapping);
    } catch (e) {
      const quota = e instanceof StorageError && e.quota;
      imports.notice = quota ? { key: 'imp.storageFull' } : { key: 'imp.storageError', params: { reason: (e as Error).message } };
    }
  }

  /** Reads the last file again with another kind, mapping or boundary fields (or swapped coordinates fixed), or
   *  with another sheet, header row or fill-down (`table`: the keys given replace the current choice; a key given
   *  as undefined goes back to automatic). The rows' current table choice is kept otherwise. */
  async reread(change: { kind?: ImportKind; mapping?: Mapping; fixSwapped?: boolean; idField?: string; nameField?: string; fileName?: string; table?: TableChoice }) {
    const files = await loadFiles();
    const name = change.fileName ?? imports.rows?.fileName;
    const f = files.find((x) => x.fileName === name && (change.kind === 'boundaries') === (x.kind === 'boundaries'));
    if (!f) return;
    const table = f.kind === 'boundaries' ? {} : { ...imports.table, ...change.table };
    // another sheet or header row gives other headers: the old mapping would not fit them
    const newHeader = change.table && ('sheet' in change.table || 'headerRow' in change.table);
    const mapping = change.mapping ?? (newHeader ? null : f.mapping);
    await this.importFile({ name: f.fileName, bytes: f.bytes }, { kind: change.kind ?? f.kind, mapping, fixSwapped: change.fixSwapped, idField: change.idField ?? f.idField, nameField: change.nameField ?? f.nameField, ...tableChoice(table) });
  }

  /** The credit the user typed for a boundary layer (the sources line follows at once); `save`: also into the saved
   *  file, so that it comes back with the layer after a reload. Empty text: back to the file's own credit. */
  async setBoundaryCredit(level: 'adm1' | 'adm2', text: string, save = false) {
    const typed = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim().slice(0, MAX_CREDIT) || null;
    imports.boundaryCredit = { ...imports.boundaryCredit, [level]: typed };
    if (!save) return;
    try {
      const f = (await loadFiles()).find((x) => x.slot === level);
      if (f) await saveFile({ ...f, credit: typed });
    } catch (e) {
      imports.notice = { key: 'imp.storageError', params: { reason: (e as Error).message } };
    }
  }

  /** Stops the import: the worker is replaced, the saved (previous) data restored. */
  async cancel() {
    const pending = [...this.waiting.values()];
    this.waiting.clear();
    imports.job = null;
    this.client.terminate();
    this.client = this.restart();
    for (const r of pending) r({ ok: false, message: 'cancelled' });
    imports.notice = { key: 'imp.cancelled' };
    await this.restore();
  }

  /** Saved files back into the worker, in order; `imports.restoring` false when they are on the map. */
  async restore() {
    imports.restoring = true;
    try {
      const files = await loadFiles();
      let applied: Promise<unknown> | null = null;
      for (const f of files)
        await this.run(f.bytes.slice(0), f.fileName, { kind: f.kind, mapping: f.mapping, idField: f.idField, nameField: f.nameField, lang: atlas.lang, restore: true, ...tableChoice(f.table ?? {}) }).then((o) => {
          if (!o.ok) return;
          this.accept(o.summary, f.table ?? {});
          if (f.slot === 'adm1' || f.slot === 'adm2') imports.boundaryCredit = { ...imports.boundaryCredit, [f.slot]: f.credit ?? null };
          // the worker answers with a new 'ready', then the colours: wait for them before the hook says ready
          applied = hook.nextApplied();
        });
      if (applied) await applied;
    } finally {
      imports.restoring = false;
    }
  }

  /** Back to the embedded data: the worker drops the imports, the saved files are deleted. */
  async reset() {
    this.client.resetImport('all');
    imports.summary = null;
    imports.source = null;
    imports.rows = null;
    imports.boundaries = { adm1: null, adm2: null };
    imports.boundaryInfo = { adm1: null, adm2: null };
    imports.boundaryCredit = { adm1: null, adm2: null };
    imports.table = {};
    try {
      await clearFiles();
    } catch (e) {
      imports.notice = { key: 'imp.storageError', params: { reason: (e as Error).message } };
    }
  }
}

/** The reading choices among import options, without keys left undefined (so they never override a default). */
function tableChoice(o: TableChoice): TableChoice {
  const out: TableChoice = {};
  if (o.sheet !== undefined) out.sheet = o.sheet;
  if (o.headerRow !== undefined) out.headerRow = o.headerRow;
  if (o.fillDown) out.fillDown = true;
  return out;
}
