// Import messages between the UI and the worker (kept apart from protocol.ts: the import's own seam).
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Problem } from '../io/problems.ts';
import type { ListTownSummary } from '../engine/geo/kato-towns.ts';
import type { ImportKind, KindGuess, Mapping } from '../io/mapping.ts';
import type { ScorablePoints } from '../io/register.ts';
import type { ImportCounts, Unlocated } from './import.ts';

export type { ImportCounts, Unlocated };

export interface ImportOptions {
  kind?: ImportKind | null;
  mapping?: Mapping | null;
  fixSwapped?: boolean;
  idField?: string | null;
  nameField?: string | null;
  lang: 'kk' | 'ru' | 'en';
  /** Restoring saved data (no question asked, no mapping shown). */
  restore?: boolean;
  /** Ask before importing when the kind is unsure (a user's new file; not a restore or a re-read). */
  ask?: boolean;
  /** .xlsx sheet (name or 1-based number), 1-based header row (.xlsx/.csv), fill merged text cells down. */
  sheet?: string | number;
  headerRow?: number;
  fillDown?: boolean;
}

export type BoundaryFC = FeatureCollection<Polygon | MultiPolygon, { id: string; name: string; name_kk: string; name_ru: string; name_en: string; level: number; border?: string }>;

export interface ImportSummary {
  job: number;
  kind: ImportKind;
  /** false: the kind was guessed and the UI should ask. */
  sure: boolean;
  fileName: string;
  format: string;
  encoding: string | null;
  header: string[];
  mapping: Mapping;
  samples: Record<string, string[]>;
  counts: ImportCounts | null;
  /** The io layer's problems (capped at PROBLEM_CAP; `problemsTotal` counts all). */
  problems: Problem[];
  problemsTotal: number;
  unit: 'line' | 'row' | 'feature';
  /** First unlocated settlements (the count is in `counts`). */
  unlocated: Unlocated[];
  /** .xlsx: the sheets, the sheet and header row taken (and how: given / detected / first), merged ranges and
   *  hidden rows counted; null for other formats. */
  workbook: { sheets: string[]; sheet: string; headerRow: number; headerFound: 'given' | 'detected' | 'first'; merged: number; hiddenRows: number } | null;
  /** `credit`: the layer's credit read from its fields (io/mapping.ts boundaryCredit) and the fields it came from;
   *  null when the file names no source (the user may type one in the import panel). */
  boundaries: { level: 1 | 2; fields: string[]; idField: string; nameField: string; count: number; drawn: BoundaryFC; credit: { text: string; fields: string[] } | null } | null;
  ms: number;
  /** The settlement list's towns serving the town tiers (KATO type 1), while a list is loaded; else null. */
  towns: ListTownSummary | null;
  /** A register or list: the share of the methodology's points its columns can score, and the indicator columns
   *  it lacks with their block and points (io/register.ts scorablePoints); null for boundaries. */
  scorable: ScorablePoints | null;
}

export const PROBLEM_CAP = 20000;

/** Most rows a register or list may have (rows read) to be imported in the app: the largest size measured with the
 *  tab under 2 GB (`npm run bench:import`, synthetic 7-column CSV: 1,500,000 rows 1.78 GB; 2,000,000 rows 2.28 GB).
 *  Larger files are refused with a message (`too_many_rows`), the previous data kept; the CLI assesses any size. */
export const MAX_IMPORT_ROWS = 1_500_000;

/** The limits the worker's import enforces, each refused early with a message naming it (kk/ru/en): the file size
 *  (the text readers' limit, io/formats.ts LIMITS.csv), the rows (MAX_IMPORT_ROWS, counted while a CSV or GeoJSON
 *  is read) and what an .xlsx or zipped Shapefile may expand to (LIMITS.expanded). */
export const IMPORT_LIMITS = { bytes: 512 * 2 ** 20, rows: MAX_IMPORT_ROWS, expanded: 1024 * 2 ** 20 } as const;

export type ImportRequest =
  | { type: 'import'; job: number; bytes: ArrayBuffer; fileName: string; options: ImportOptions }
  /** Back to the embedded data: drops the imported register, list and boundaries. */
  | { type: 'import-reset'; what: 'all' | 'boundaries' };

export type ImportReply =
  | { type: 'import-progress'; job: number; phase: 'read' | 'parse' | 'validate' | 'assess'; fraction: number }
  | { type: 'import-done'; summary: ImportSummary }
  /** The kind is unsure: nothing changed; the UI asks (with the evidence) and sends the file again with a kind. */
  | { type: 'import-ask'; job: number; fileName: string; guess: KindGuess; header: string[]; mapping: Mapping; samples: Record<string, string[]> }
  | { type: 'import-error'; job: number; message: string; code?: string; params?: Record<string, string | number> };
