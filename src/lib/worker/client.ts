// The UI's side of the worker: numbered requests, stale answers dropped (only the latest compute and detail
// matter), typed replies handed to callbacks.
import type { ImportOptions, ImportReply } from './import-protocol.ts';
import type { NetworkReply, NetworkSolveRequest } from './network-protocol.ts';
import type { AuditReply, BorderReviewReply, ExportFile, ExportRequest, FilterSpec, PanelRecord, SearchResult, Settings, SortSpec, ViewSettings, WorkerReply, WorkerRequest } from './protocol.ts';

type Ready = Extract<WorkerReply, { type: 'ready' }>;
type Result = Extract<WorkerReply, { type: 'result' }>;

export interface WorkerHandlers {
  ready(r: Ready): void;
  result(r: Result): void;
  detail(r: PanelRecord): void;
  search(query: string, hits: SearchResult[]): void;
  borderReview(review: BorderReviewReply): void;
  /** The audit tab's answer (only the latest `audit()` call's). */
  audit?(audit: AuditReply): void;
  error(message: string): void;
  /** Import progress, result and failure (see worker/import-protocol.ts). */
  imported?(r: ImportReply): void;
  /** The Network tab's solve: progress, then result, error or cancelled (only the latest solve's replies). */
  network?(r: NetworkReply | Extract<WorkerReply, { type: 'network-lines' | 'network-map' }>): void;
}

export class WorkerClient {
  private readonly worker: Worker;
  private computeSeq = 0;
  private detailSeq = 0;
  private searchSeq = 0;
  private reviewSeq = 0;
  private exportSeq = 0;
  private auditSeq = 0;
  private unitSeq = 0;
  private networkSeq = 0;
  private readonly audits = new Map<number, (a: AuditReply) => void>();
  private readonly exports = new Map<number, { resolve: (r: { files: ExportFile[]; ms: number }) => void; reject: (e: Error) => void }>();

  constructor(handlers: WorkerHandlers) {
    this.worker = new Worker(new URL('./geospatial.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (ev: MessageEvent<WorkerReply>) => {
      const r = ev.data;
      if (r.type === 'ready') handlers.ready(r);
      else if (r.type === 'result') {
        if (r.seq === this.computeSeq) handlers.result(r);
      } else if (r.type === 'detail') {
        if (r.seq === this.detailSeq) handlers.detail(r.record);
      } else if (r.type === 'search') {
        if (r.seq === this.searchSeq) handlers.search(r.query, r.hits);
      } else if (r.type === 'border-review') {
        if (r.seq === this.reviewSeq) handlers.borderReview(r.review);
      } else if (r.type === 'audit') {
        const once = this.audits.get(r.seq);
        if (once) {
          this.audits.delete(r.seq);
          once(r.audit);
        } else if (r.seq === this.auditSeq) handlers.audit?.(r.audit);
      } else if (r.type === 'import-progress' || r.type === 'import-done' || r.type === 'import-ask' || r.type === 'import-error') handlers.imported?.(r);
      else if (r.type === 'network-progress' || r.type === 'network-result' || r.type === 'network-error' || r.type === 'network-cancelled' || r.type === 'network-lines' || r.type === 'network-map') {
        if (r.id === this.networkSeq) handlers.network?.(r);
      } else if (r.type === 'export') {
        this.exports.get(r.seq)?.resolve({ files: r.files, ms: r.ms });
        this.exports.delete(r.seq);
      } else if (r.seq !== undefined && this.exports.has(r.seq)) {
        this.exports.get(r.seq)!.reject(new Error(r.message));
        this.exports.delete(r.seq);
      } else handlers.error(r.message);
    };
    this.worker.onerror = (e) => handlers.error(e.message);
  }

  init(settlements: ArrayBuffer, borders: ArrayBuffer, synthetic: number) {
    this.send({ type: 'init', settlements, borders, synthetic }, [settlements, borders]);
  }

  /** Returns the request's number (results carry it). */
  compute(settings: Settings, view: ViewSettings, filter: FilterSpec, sort: SortSpec, hidden: string[] = [], changedOnly = false): number {
    this.send({ type: 'compute', seq: ++this.computeSeq, settings, view, filter, sort, hidden, changedOnly });
    return this.computeSeq;
  }

  detail(row: number) {
    this.send({ type: 'detail', seq: ++this.detailSeq, row });
  }

  /** `lang`: the UI language, whose alphabet orders results that tie. */
  search(query: string, limit = 12, lang?: 'kk' | 'ru' | 'en') {
    this.send({ type: 'search', seq: ++this.searchSeq, query, limit, lang });
  }

  /** Replaces the assessed register by a file's rows (answered by a new 'ready'). */
  loadRegister(bytes: ArrayBuffer, fileName: string) {
    this.send({ type: 'load-register', bytes, fileName }, [bytes]);
  }

  borderReview(border: 'CN' | 'RU') {
    this.send({ type: 'border-review', seq: ++this.reviewSeq, border });
  }

  /** The audit tab's data (answered through `handlers.audit`). */
  audit() {
    this.send({ type: 'audit', seq: ++this.auditSeq });
  }

  /** One unit's audit with its whole list (the printable page), answered to the caller. */
  auditUnit(unit: string, limit = 5000): Promise<AuditReply> {
    const seq = -++this.unitSeq;
    return new Promise((resolve) => {
      this.audits.set(seq, resolve);
      this.send({ type: 'audit', seq, unit, limit });
    });
  }

  /** A district layer's bytes (tests; the import will add boundaries): answered by a new 'ready'. */
  loadDistricts(bytes: ArrayBuffer, fileName: string, idField?: string, nameField?: string) {
    this.send({ type: 'load-districts', bytes, fileName, idField, nameField }, [bytes]);
  }

  /** An export of the filtered rows: the files' bytes, built in the worker. */
  export(request: ExportRequest): Promise<{ files: ExportFile[]; ms: number }> {
    const seq = ++this.exportSeq;
    return new Promise((resolve, reject) => {
      this.exports.set(seq, { resolve, reject });
      this.send({ type: 'export', seq, request });
    });
  }

  /** The network suggestion as a GeoJSON file, written in the worker from the register in force. */
  networkGeoJson(message: Omit<Extract<WorkerRequest, { type: 'network-geojson' }>, 'type' | 'seq'>): Promise<{ files: ExportFile[]; ms: number }> {
    const seq = ++this.exportSeq;
    return new Promise((resolve, reject) => {
      this.exports.set(seq, { resolve, reject });
      this.send({ ...message, type: 'network-geojson', seq });
    });
  }

  /** Sends a file to the worker (transferred, not copied); answered by progress, then done or error, and on
   *  success a new 'ready'. */
  importFile(job: number, bytes: ArrayBuffer, fileName: string, options: ImportOptions) {
    this.send({ type: 'import', job, bytes, fileName, options }, [bytes]);
  }

  resetImport(what: 'all' | 'boundaries' = 'all') {
    this.send({ type: 'import-reset', what });
  }

  /** Starts a network suggestion from the assessment in force (a running one is stopped); returns its id. */
  suggestNetwork(request: Omit<NetworkSolveRequest, 'type' | 'id'>): number {
    const id = ++this.networkSeq;
    this.send({ ...request, type: 'network-solve', id });
    return id;
  }

  /** Stops the running suggestion (answered by 'network-cancelled'). */
  cancelNetwork() {
    this.send({ type: 'network-cancel', id: this.networkSeq });
  }

  terminate() {
    this.worker.terminate();
  }

  private send(m: WorkerRequest, transfer: Transferable[] = []) {
    this.worker.postMessage(m, transfer);
  }
}
