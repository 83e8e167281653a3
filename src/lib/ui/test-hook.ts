// window.__auyl: what end-to-end tests and the browser bench read. `ready` turns true once the map is idle with
// its data and first colours; `applied(info)` records each application of worker results and resolves waiters.
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface Applied {
  seq: number;
  /** Time the worker spent computing. */
  workerMs: number;
  /** Time spent setting feature-state on the main thread. */
  applyMs: number;
  /** Features whose state changed. */
  changed: number;
  stage: string;
  /** performance.now() when applied. */
  at?: number;
}

class TestHook {
  map: MapLibreMap | null = null;
  ready = false;
  last: Applied | null = null;
  count = 0;
  private waiters: ((a: Applied) => void)[] = [];
  /** Set by App: the shared state, so tests and the bench can drive the UI as its controls do. */
  atlas: unknown = null;
  /** Set by App: the import controller (tests drive imports through it as the file picker does). */
  importer: unknown = null;
  /** Set by MapView: the point layer (src/lib/map/point-layer.ts), which draws very large registers. */
  points: unknown = null;
  /** Set by MapView: the last update of the point layer's labels (rows labelled, main-thread ms). */
  labels: { rows: number; ms: number } | null = null;
  /** Set by App: the import state (summary, job). */
  imports: unknown = null;
  /** Set by App: a search request, and the register seam (bytes + file name → the worker's `load-register`). */
  search: (query: string) => void = () => {};
  loadRegister: (bytes: ArrayBuffer, fileName: string) => void = () => {};
  loadDistricts: (bytes: ArrayBuffer, fileName: string, idField?: string, nameField?: string) => void = () => {};

  applied(a: Applied) {
    this.last = { ...a, at: performance.now() };
    this.count++;
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f(this.last);
  }

  /** The next application of results. */
  nextApplied(): Promise<Applied> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

export const hook = new TestHook();
if (typeof window !== 'undefined') (window as unknown as { __auyl: TestHook }).__auyl = hook;
