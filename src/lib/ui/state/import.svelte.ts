// Import state (one module, beside atlas.svelte.ts): the job in progress, the last summary, the boundaries drawn,
// what the map rows are, and whether saved data is still being restored (the test hook waits for it).
import type { BoundaryFC, ImportOptions, ImportReply, ImportSummary } from '../../worker/import-protocol.ts';

type AskReply = Extract<ImportReply, { type: 'import-ask' }>;

export interface Job {
  id: number;
  fileName: string;
  phase: 'read' | 'parse' | 'validate' | 'assess';
  fraction: number;
}

class ImportState {
  job = $state.raw<Job | null>(null);
  /** The last import's summary (problems included). */
  summary = $state.raw<ImportSummary | null>(null);
  /** The register / list on the map ({kind, fileName}), null for the embedded data. */
  source = $state.raw<{ kind: 'register' | 'list'; fileName: string; /** YYYY-MM-DD of the import (the sources line) */ importedOn?: string } | null>(null);
  /** Counts of the rows on the map (kept across boundary imports). */
  rows = $state.raw<ImportSummary | null>(null);
  boundaries = $state.raw<{ adm1: BoundaryFC | null; adm2: BoundaryFC | null }>({ adm1: null, adm2: null });
  boundaryInfo = $state.raw<{ adm1: ImportSummary | null; adm2: ImportSummary | null }>({ adm1: null, adm2: null });
  /** The boundary layers' credits as the user typed them at import (null: not typed, the file's own is used). */
  boundaryCredit = $state.raw<{ adm1: string | null; adm2: string | null }>({ adm1: null, adm2: null });
  /** A message about the last job: cancelled, failed, storage; plain text in the UI language's terms (key + params). */
  notice = $state.raw<{ key: 'imp.cancelled' | 'imp.failed' | 'imp.storageFull' | 'imp.storageError'; params?: Record<string, string | number> } | null>(null);
  /** True until saved data (if any) is back on the map. */
  restoring = $state(true);
  dragging = $state(false);
  /** Waiting for the user to say what a file is (kind unsure). */
  ask = $state.raw<{ bytes: Blob; fileName: string; question: AskReply; options: Partial<ImportOptions> } | null>(null);
  /** The kind of the rows on the map was the user's answer (the panel offers to change it). */
  askedKind = $state(false);
  /** How the rows' file is read (.xlsx/.csv): the sheet and header row the user chose (undefined: found
   *  automatically) and whether merged cells are filled down; kept across re-reads (mapping, kind). */
  table = $state.raw<TableChoice>({});
}

export interface TableChoice {
  sheet?: string | number;
  headerRow?: number;
  fillDown?: boolean;
}

export const imports = new ImportState();
