// The one sources line (map, PNG poster, PDF brief, audit PDF, export parameters), built from what is loaded:
// the embedded sources always (the basemap, the places and town tiers, the borders); then the data on the map —
// the embedded illustrative register (its indicator values ARE synthetic), a synthetic benchmark register, or the
// user's imported file (its name, rows and date of import: never called synthetic); then the boundary layers'
// credits. Pure: the caller describes what is loaded.
import { t, fmtInt, type Lang } from './index.ts';

export type LoadedData =
  | { kind: 'embedded' }
  | { kind: 'synthetic'; rows: number }
  | { kind: 'imported'; fileName: string; rows: number | null; importedOn: string | null };

export interface LoadedBoundary {
  fileName: string;
  /** The layer's credit, from its fields or typed at import; null when unknown (the file name is given). */
  credit: string | null;
}

export interface LoadedSources {
  data: LoadedData;
  boundaries: LoadedBoundary[];
}

export function buildSourcesLine(lang: Lang, loaded: LoadedSources): string {
  const parts = [t(lang, 'sources.base')];
  const d = loaded.data;
  if (d.kind === 'embedded') parts.push(t(lang, 'present.synthetic'));
  else if (d.kind === 'synthetic') parts.push(t(lang, 'sources.synthetic_rows', { n: fmtInt(lang, d.rows) }));
  else {
    const rows = d.rows === null ? '' : t(lang, 'sources.rows', { n: fmtInt(lang, d.rows) });
    const on = d.importedOn ? t(lang, 'sources.imported_on', { date: d.importedOn }) : '';
    parts.push(t(lang, 'sources.imported', { file: d.fileName, details: [rows, on].filter(Boolean).join(', ') }).replace(/ \(\)/, ''));
  }
  for (const b of loaded.boundaries) parts.push(t(lang, 'sources.boundaries', { credit: b.credit?.trim() || b.fileName }));
  parts.push(t(lang, 'sources.straight'));
  return parts.join(' ');
}
