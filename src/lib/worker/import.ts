// In-app import, worker side: a file's bytes → a settlement register (register or national list) or a boundary
// layer, through the io layer's one reading entry (io/read.ts, shared with the `auyl` CLI). The app's own choices:
// rows without coordinates are kept aside ("without location") or located by KATO from a loaded list. Results stay
// in the worker (Settlement.indicators is a view over typed columns); the UI gets counts, problems, the mapping with
// sample values, and what the map draws.
import type { Methodology } from '../engine/config/schema.ts';
import { readInput, type ImportResult, type BoundaryImport, type Progress, type ReadInputOptions, type RegisterImport } from '../io/read.ts';

export { boundaryLayer } from '../io/read.ts';
export type { AskImport, BoundaryImport, ImportCounts, ImportResult, RegisterImport, Unlocated } from '../io/read.ts';

/** The options the UI sends (the worker adds the outline, the loaded list and the row cap). */
export type ImportRequestOptions = Omit<ReadInputOptions, 'lang' | 'outline' | 'list' | 'maxRows' | 'limits' | 'withoutLocation'>;

type ReadOptions = ImportRequestOptions & Pick<ReadInputOptions, 'lang' | 'outline' | 'list' | 'maxRows' | 'limits'>;

/** Reads a register or settlement list or boundary file. `list`: coordinates by KATO id from a loaded list. With
 *  `ask`, an unsure kind stops after the read (an AskImport: nothing imported). */
export async function importFile(bytes: Uint8Array, fileName: string, config: Methodology, opts: ReadOptions & { ask?: false }, progress?: Progress): Promise<RegisterImport | BoundaryImport>;
export async function importFile(bytes: Uint8Array, fileName: string, config: Methodology, opts: ReadOptions, progress?: Progress): Promise<ImportResult>;
export async function importFile(bytes: Uint8Array, fileName: string, config: Methodology, opts: ReadOptions, progress?: Progress): Promise<ImportResult> {
  return readInput(bytes, fileName, config, { ...opts, withoutLocation: 'aside' }, progress);
}
