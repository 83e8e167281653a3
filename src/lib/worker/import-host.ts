// The worker's import state: the embedded model, the imported register or settlement list, the boundary layers,
// and the model built from them. A failed import throws before anything here changes (the previous data stays).
import { preset } from '../engine/config/presets.ts';
import type { DistrictLayer } from '../engine/geo/districts.ts';
import { readFgb } from '../io/fgb.ts';
import { Outline } from '../io/outline.ts';
import { problemMessage, RegisterFileError } from '../io/problems.ts';
import { AtlasModel } from './model.ts';
import type { RegisterColumns } from '../engine/columns.ts';
import { mergeListTowns, type ListTownSummary } from '../engine/geo/kato-towns.ts';
import { listNamesForPlaces } from '../engine/geo/list-names.ts';
import type { EmbeddedPlace } from '../engine/geo/towns.ts';
import type { Labels } from '../engine/types.ts';
import { loaded } from './load.ts';
import { importFile, type BoundaryImport, type RegisterImport } from './import.ts';
import { IMPORT_LIMITS, MAX_IMPORT_ROWS, PROBLEM_CAP, type ImportReply, type ImportRequest, type ImportSummary } from './import-protocol.ts';

let embedded: AtlasModel | null = null;
let rows: RegisterImport | null = null;
/** Coordinates by KATO id from the loaded settlement list (a register without coordinates takes them). */
let listCoords: Map<string, [number, number]> | null = null;
/** The embedded places with the settlement list's towns merged in (KATO type 1; engine/geo/kato-towns.ts), and
 *  their names for the panel; null without a list. */
let listTowns: { places: EmbeddedPlace[]; names: Map<string, Partial<Labels>>; summary: ListTownSummary } | null = null;
let adm1: BoundaryImport | null = null;
let adm2: BoundaryImport | null = null;
let outline: Outline | null | undefined;

export const importState = {
  get imported() {
    return rows;
  },
  get boundaries() {
    return { adm1, adm2 };
  },
};

async function getOutline(): Promise<Outline | null> {
  if (outline !== undefined) return outline;
  try {
    const res = await fetch(new URL('/data/kazakhstan.fgb', self.location.origin));
    outline = new Outline((await readFgb(new Uint8Array(await res.arrayBuffer()))).features);
  } catch {
    outline = null;
  }
  return outline;
}

/** Remembers the embedded model (the worker's first model) to return to. */
export function setEmbedded(m: AtlasModel) {
  embedded = m;
}

/** Per map row, the district / region by point in polygon (null without that layer or outside it). */
let located: { district: (string | null)[]; oblast: (string | null)[] } = { district: [], oblast: [] };

/** Locates every row of `cols` in the loaded boundary layers (into `located`), from the coordinate columns (no
 *  record per row: a million records would be ~500 MB). A row without a stated district / region reads the one
 *  its point lies in: the columns returned are a view with filled copies of those text columns, so `cols` (the
 *  import as read, or the embedded places) is never changed and new boundaries start again from it. */
function locateAll(cols: RegisterColumns): RegisterColumns {
  const n = cols.size;
  located = { district: new Array(n).fill(null), oblast: new Array(n).fill(null) };
  const filled: Partial<Record<'district' | 'oblast', (string | null)[]>> = {};
  for (const [layer, field] of [[adm2, 'district'], [adm1, 'oblast']] as const) {
    if (!layer) continue;
    const stated = cols.texts[field];
    let column: (string | null)[] | null = null;
    for (let i = 0; i < n; i++) {
      const name = layer.layer.locate(cols.lon[i], cols.lat[i])?.name ?? null;
      located[field][i] = name;
      if (name && !stated[i]) (column ??= stated.slice())[i] = name;
    }
    if (column) filled[field] = column;
  }
  return filled.district || filled.oblast ? cols.withTexts(filled) : cols;
}

/** The district and region a map row lies in, and whether they differ from the ones its file states. */
export function locatedOf(row: number): { district: string | null; oblast: string | null } {
  return { district: located.district[row] ?? null, oblast: located.oblast[row] ?? null };
}

/** The model for the current data: imported rows as map rows (each its own register row), else the embedded. */
export function currentModel(): AtlasModel {
  return buildModel(locateAll(rows ? rows.columns : embedded!.map));
}

/** `map`: the map rows with their districts / regions filled from the boundaries (locateAll). */
function buildModel(map: RegisterColumns): AtlasModel {
  const base = preset('2019');
  const inputs = { ...loaded.inputs!, districts: (adm2 ?? adm1)?.layer ?? null };
  if (rows) {
    // the list's towns serve the town tiers while the list is loaded (also for a register it locates)
    if (listTowns) inputs.places = listTowns.places;
    const m = new AtlasModel(map, map, Int32Array.from({ length: map.size }, (_, i) => i), inputs, new Array(map.size).fill(null), false, base, listTowns?.names ?? loaded.names);
    m.katoTypes = rows.katoTypes ?? null;
    return m;
  }
  const e = embedded!;
  if (!adm1 && !adm2) return e;
  return new AtlasModel(map, e.register, e.regIndex, inputs, e.featureCodes, e.synthetic, base, loaded.names);
}

/** District (or oblast) of each map row by point in polygon, for the panel's check against the stated one. */
export function locatedUnit(lon: number, lat: number, layer: DistrictLayer | null): { id: string; name: string } | null {
  const d = layer?.locate(lon, lat);
  return d ? { id: d.id, name: d.name } : null;
}

export function hasImport() {
  return Boolean(rows);
}

/** Handles an import request; returns the new model (or null when the model did not change). */
export async function handleImport(msg: ImportRequest, post: (m: ImportReply, transfer?: Transferable[]) => void): Promise<AtlasModel | null> {
  if (msg.type === 'import-reset') {
    if (msg.what === 'all') {
      rows = null;
      listCoords = null;
      listTowns = null;
    }
    adm1 = adm2 = null;
    return currentModel();
  }
  const { job, options } = msg;
  const started = performance.now();
  try {
    const r = await importFile(new Uint8Array(msg.bytes), msg.fileName, preset('2019'), { ...options, outline: await getOutline(), list: listCoords, maxRows: MAX_IMPORT_ROWS, limits: IMPORT_LIMITS }, (phase, fraction) =>
      post({ type: 'import-progress', job, phase, fraction }),
    );
    if (r.kind === 'ask') {
      post({ type: 'import-ask', job, fileName: r.fileName, guess: r.guess, header: r.header, mapping: r.mapping, samples: r.samples });
      return null;
    }
    post({ type: 'import-progress', job, phase: 'assess', fraction: 0.92 });
    const summary: ImportSummary = {
      job, kind: r.kind, sure: r.sure, fileName: r.fileName, format: r.kind === 'boundaries' ? 'boundaries' : r.format, encoding: r.kind === 'boundaries' ? null : r.encoding,
      header: r.kind === 'boundaries' ? r.fields : r.header, mapping: r.kind === 'boundaries' ? {} : r.mapping, samples: r.kind === 'boundaries' ? {} : r.samples,
      counts: r.kind === 'boundaries' ? null : r.counts, problems: r.kind === 'boundaries' ? [] : r.problems.slice(0, PROBLEM_CAP), problemsTotal: r.kind === 'boundaries' ? 0 : r.problems.length,
      unit: r.kind === 'boundaries' ? 'feature' : r.unit, unlocated: r.kind === 'boundaries' ? [] : r.unlocated.slice(0, 1000),
      workbook: r.kind === 'boundaries' ? null : r.workbook ? { sheets: r.workbook.sheets, sheet: r.workbook.sheet, headerRow: r.workbook.headerRow, headerFound: r.workbook.headerFound, merged: r.workbook.merged.length, hiddenRows: r.workbook.hiddenRows.length } : null,
      boundaries: r.kind === 'boundaries' ? { level: r.level, fields: r.fields, idField: r.idField, nameField: r.nameField, count: r.count, drawn: r.drawn, credit: r.credit } : null, ms: 0, towns: null,
      scorable: r.kind === 'boundaries' ? null : r.scorable,
    };
    if (r.kind === 'boundaries') {
      // Border districts (boundary within 2 km of the China / Russia line, the engine's tolerance): drawn lit.
      if (r.level === 2 && loaded.inputs) {
        const info = r.layer.borderDistances(loaded.inputs.borders, ['CN', 'RU']);
        info.forEach((d, i) => {
          const cn = (d.km.CN ?? Infinity) <= 2, ru = (d.km.RU ?? Infinity) <= 2;
          r.drawn.features[i].properties.border = cn && ru ? 'both' : cn ? 'china' : ru ? 'russia' : '';
        });
        summary.boundaries!.drawn = r.drawn;
      }
      if (r.level === 2) adm2 = r;
      else adm1 = r;
    } else {
      const c = r.columns;
      if (c.size === 0) throw new Error('no_rows');
      if (r.kind === 'list') {
        listCoords = new Map(c.ids.map((id, i) => [id, [c.lat[i], c.lon[i]] as [number, number]]));
        const merged = mergeListTowns(loaded.inputs?.places ?? [], r.towns);
        const names = new Map(loaded.names);
        // the list's official Kazakh and Russian names replace the embedded ones for the places it matches
        const embeddedPlaces = (loaded.inputs?.places ?? []).map((p) => ({ id: p.id, lat: p.lat, lon: p.lon, names: p.names ?? [p.name] }));
        for (const [id, n] of listNamesForPlaces(embeddedPlaces, { size: c.size, lat: c.lat, lon: c.lon, name_kk: c.texts.name_kk, name_ru: c.texts.name_ru })) {
          const had = names.get(id) ?? {};
          names.set(id, { ...had, kk: n.kk ?? had.kk, ru: n.ru ?? had.ru });
        }
        const added = new Set(merged.places.slice(loaded.inputs?.places.length ?? 0).map((p) => p.id));
        c.ids.forEach((id, i) => {
          if (!added.has(id)) return;
          const t = c.row(i);
          names.set(id, { kk: t.name_kk ?? undefined, ru: t.name_ru ?? undefined, en: t.name_en ?? t.name_ru ?? undefined });
        });
        listTowns = { ...merged, names };
      }
      summary.towns = listTowns?.summary ?? null;
      rows = r;
    }
    summary.ms = performance.now() - started;
    post({ type: 'import-done', summary });
    return currentModel();
  } catch (e) {
    // the message in the UI language, naming the column when the problem has one (never English in a kk/ru UI)
    if (e instanceof RegisterFileError) post({ type: 'import-error', job, message: `${e.problem.column && e.problem.column !== '*' ? `"${e.problem.column}": ` : ''}${problemMessage(e.problem, options.lang)}`, code: e.problem.code, params: e.problem.params });
    else post({ type: 'import-error', job, message: (e as Error).message, code: ['no_rows', 'too_many_rows'].includes((e as Error).message) ? (e as Error).message : undefined });
    return null;
  }
}
