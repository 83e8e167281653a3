// What every export sends to the worker (the presenting panel's files, the audit report): the settings, view,
// filters and hidden classes in force, the CSV convention, and where the data came from (recorded in the
// parameters file). One place, so that all exports name their data the same way.
import { atlas } from '../state/atlas.svelte.ts';
import { imports } from '../state/import.svelte.ts';
import { hook } from '../test-hook.ts';
import type { ExportKind, ExportRequest } from '../../worker/protocol.ts';
import { sourcesLine } from './present-text.ts';

/** The data on the map, as the parameters file records it. */
export function dataSource(): string {
  if (imports.source) return `${imports.source.fileName} (${imports.source.kind})`;
  if (atlas.dataset?.synthetic) return `synthetic register (${atlas.dataset.synthetic} rows)`;
  return 'embedded GeoNames places + illustrative register (SYNTHETIC indicator values)';
}

export function exportRequest(kind: ExportKind, csv: ExportRequest['csv']): ExportRequest {
  return {
    kind, settings: $state.snapshot(atlas.settings!), view: { mode: atlas.mode, classing: $state.snapshot(atlas.classing) }, filter: atlas.filter, sort: { ...atlas.sort, lang: atlas.lang },
    hidden: [...atlas.hidden], csv, context: { date: new Date().toISOString(), lang: atlas.lang, dataSource: dataSource(), sources: sourcesLine(atlas.lang) },
  };
}

export type ExportDone = { name: string; ms: number; bytes: number; kind: string };

/** A finished download, listed on the test hook (`window.__auyl.exports`). */
export function recordExport(d: ExportDone): void {
  const h = hook as unknown as { exports?: ExportDone[] };
  (h.exports ??= []).push(d);
}
