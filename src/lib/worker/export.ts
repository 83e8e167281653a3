// Exports of the filtered settlements, built in the worker (it holds the assessed columns and the filter mask):
// CSV (UTF-8 with BOM, `;` or `,`, decimal comma or point; formula injection neutralised by src/lib/io's
// CsvWriter), GeoJSON (parameters embedded as a foreign member), FlatGeobuf, a summary CSV by district (by region
// when the data has no districts), and .xlsx (settlements, summary, parameters on three sheets). Every data file
// comes with a parameters side file: the methodology config in force (validated, each default with its source
// and status) and the UI settings, so a reviewer can audit how every category was reached.
import { townFlags } from './explore-view.ts';
import type { AtlasModel } from './model.ts';
import type { ExportRequest, ExportFile } from './protocol.ts';
import { assessmentColumns, assessmentRow } from '../io/assessment-record.ts';
import { CsvWriter } from '../io/csv.ts';
import { writeFgb } from '../io/fgb.ts';
import { checkMethodology } from '../engine/config/validate.ts';
import { CATEGORIES } from '../engine/classify.ts';
import { POTENTIALS } from '../engine/score.ts';
import { BORDER_STATUSES } from '../engine/geo/geospatial.ts';
import type { UnitSummary } from '../engine/explore/summary.ts';
import { auditAssessment } from '../engine/audit.ts';
import { writeAuditReport } from '../io/audit-report.ts';
import { isLang, tDynamic } from '../i18n/index.ts';
import { peopleSummary, peopleTable, regionWords } from './export-people.ts';

/** The column added to the assessment's: whether the place is in the assessed register (other places of the
 *  map carry only their names, coordinates, region and population). */
export const IN_REGISTER = 'in_register';
/** The last column: 'town' or 'rural' by the one rule (engine/settlement-kind.ts), for every map row. */
export const SETTLEMENT_KIND = 'settlement_kind';

export const SUMMARY_COLUMNS = [
  'level', 'unit', 'settlements', 'towns', 'rural', 'population', 'rural_population',
  ...[...CATEGORIES, 'not_assessed'].map((c) => `count_${c}`),
  ...[...CATEGORIES, 'not_assessed'].map((c) => `population_${c}`),
  ...[...POTENTIALS, 'not_assessed'].map((p) => `potential_${p}`),
  ...BORDER_STATUSES.map((b) => `border_${b}`),
  'coverage_percent',
];

function summaryRow(level: string, s: UnitSummary): unknown[] {
  return [
    s.unit === -2 ? 'country' : level, s.unit === -2 ? 'KZ' : s.name ?? '', s.settlements, s.towns, s.rural, s.population, s.ruralPopulation,
    ...s.categoryCount, ...s.categoryPopulation, ...s.potentialCount, ...s.borderStatusCount,
    s.coverage === null ? null : Math.round(s.coverage * 1000) / 10,
  ];
}

/** GeoJSON / FlatGeobuf: coded columns that get a `<code>_name` beside them, and their dictionary prefix. */
const NAMED_CODES = [['category', 'category'], ['potential', 'potential'], ['border_status', 'status'], ['nearest_border', 'border']] as const;

const stamp = (iso: string) => iso.slice(0, 10);

function prepare(model: AtlasModel, req: ExportRequest) {
  const v = model.exportView(req.settings, req.view, req.filter, req.sort, req.hidden);
  const config = v.config;
  const columns = [...assessmentColumns(config), IN_REGISTER, SETTLEMENT_KIND];
  const towns = townFlags(model).map;
  const kindOf = (i: number) => (towns[i] ? 'town' : 'rural');
  const base = `auyl-${stamp(req.context.date)}`;
  const checked = checkMethodology(structuredClone(config));
  const parameters = {
    note: 'Auyl Atlas export parameters: the methodology in force (every block, indicator, threshold and rule with its source and status: confirmed / letter / assumed) and the settings of the map the rows were exported from.',
    generated: req.context.date,
    app: 'Auyl Atlas',
    data_source: req.context.dataSource,
    sources: req.context.sources ?? null,
    language: req.context.lang,
    rows_exported: v.rows.length,
    settings: {
      border_distance_km: req.settings.borderKm,
      // the threshold in force (the scenario's or the map's parameter), with its provenance
      town_rule: { kato_type_1_is_town: true, town_min_population: config.categories.town.min_population, status: config.categories.town.status, source: config.categories.town.source },
      regional_town_min_population: req.settings.regionalMinPopulation,
      satellite_radius_km: req.settings.satelliteRadiusKm,
      block_points: req.settings.blockPoints,
    },
    filters: req.filter,
    hidden_legend_classes: req.hidden,
    colour_mode: req.view.mode,
    class_breaks: req.view.classing,
    defaults: v.defaults,
    methodology_valid: checked.problems.length === 0,
    methodology_problems: checked.problems,
    methodology: config,
  };
  const paramsText = JSON.stringify(parameters, null, 2);
  const paramsFile: ExportFile = { name: `${base}-parameters.json`, mime: 'application/json', bytes: new TextEncoder().encode(paramsText) };

  // ids and coordinates from the columns, names via rowNames: no record per row (model.map.settlements would
  // build one for every row of a million-row import, not only the kept ones)
  const { ids, lat, lon } = model.map;
  const row = new Array(columns.length - 2);
  const nameCols = ['id', 'name_kk', 'name_ru', 'name_en', 'lat', 'lon', 'oblast', 'district', 'population'];
  const at = columns.map((c) => nameCols.indexOf(c));
  /** Values of map row i in column order. */
  const values = (i: number): unknown[] => {
    const r = model.regIndex[i];
    if (r >= 0) {
      assessmentRow(v.assessed, r, row);
      return [...row, 'yes', kindOf(i)];
    }
    const names = model.rowNames(i);
    const base: Record<string, unknown> = { id: ids[i], name_kk: names.kk, name_ru: names.ru, name_en: names.en, lat: lat[i], lon: lon[i], oblast: names.oblast, district: names.district, population: names.population };
    return columns.map((c, k) => (k === columns.length - 1 ? kindOf(i) : k === columns.length - 2 ? 'no' : at[k] >= 0 ? base[c] ?? null : c === 'border_status' ? BORDER_STATUSES[v.mapGeo.status[i]] : null));
  };
  const summaries = (): { level: string; list: UnitSummary[] } =>
    v.districts.length ? { level: 'district', list: v.districts } : { level: 'oblast', list: v.oblasts };
  // for people (not "codes for machines"): the same rows in the UI language, numbers as fixed-decimal texts
  const lang = isLang(req.context.lang) ? req.context.lang : 'en';
  const people = req.csv.codes ? null : peopleTable(lang, columns, v.assessed, req.csv.decimalComma, req.kind === 'xlsx' ? 'number' : 'text');
  const peopleValues = (i: number) => people!.cells(values(i), model.regIndex[i]);
  return { v, columns, values, kept: v.rows, parameters, paramsFile, base, summaries, people, peopleValues, lang };
}

export function buildExport(model: AtlasModel, req: ExportRequest): ExportFile[] {
  const { v, columns, values, kept, parameters, paramsFile, base, summaries, people, peopleValues, lang } = prepare(model, req);
  const { lat, lon } = model.map;
  const csvOptions = { delimiter: req.csv.delimiter, decimalComma: req.csv.decimalComma, bom: true };
  const concat = (parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
    let o = 0;
    for (const p of parts) (out.set(p, o), (o += p.length));
    return out;
  };
  if (req.kind === 'csv') {
    const w = new CsvWriter(people ? people.header : columns, csvOptions);
    const row = people ? peopleValues : values;
    return [{ name: `${base}-settlements.csv`, mime: 'text/csv;charset=utf-8', bytes: concat([...w.chunks(kept.length, (k) => row(kept[k]))]) }, paramsFile];
  }
  if (req.kind === 'summary-csv') {
    const { level, list } = summaries();
    const sum = req.csv.codes ? null : peopleSummary(lang, SUMMARY_COLUMNS, req.csv.decimalComma);
    const w = new CsvWriter(sum ? sum.header : SUMMARY_COLUMNS, csvOptions);
    const row = (k: number) => (sum ? sum.cells(summaryRow(level, list[k]), -1) : summaryRow(level, list[k]));
    return [{ name: `${base}-${level}-summary.csv`, mime: 'text/csv;charset=utf-8', bytes: concat([...w.chunks(list.length, row)]) }, paramsFile];
  }
  const feature = (i: number) => {
    const vals = values(i);
    const p: Record<string, unknown> = {};
    columns.forEach((c, k) => (p[c] = vals[k] ?? null));
    // codes stay for programs; the names in the UI language are added beside them
    if (!req.csv.codes) for (const [c, prefix] of NAMED_CODES) p[`${c}_name`] = typeof p[c] === 'string' ? tDynamic(lang, `${prefix}.${p[c]}`, p[c] as string) : null;
    if (!req.csv.codes) p.oblast_name = regionWords(lang, p.oblast);
    return { type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [lon[i], lat[i]] }, properties: p };
  };
  if (req.kind === 'geojson') {
    const parts: string[] = [`{"type":"FeatureCollection","auyl_parameters":${JSON.stringify(parameters)},"features":[`];
    for (let k = 0; k < kept.length; k++) parts.push((k ? ',\n' : '\n') + JSON.stringify(feature(kept[k])));
    parts.push('\n]}\n');
    return [{ name: `${base}-settlements.geojson`, mime: 'application/geo+json', bytes: new TextEncoder().encode(parts.join('')) }, paramsFile];
  }
  if (req.kind === 'fgb') {
    const features = Array.from(kept, (i) => feature(i));
    const named = req.csv.codes ? columns : [...columns, ...NAMED_CODES.map(([c]) => `${c}_name`), 'oblast_name'];
    return [{ name: `${base}-settlements.fgb`, mime: 'application/octet-stream', bytes: writeFgb({ type: 'FeatureCollection', features }, named) }, paramsFile];
  }
  if (req.kind === 'params') return [paramsFile];
  if (req.kind === 'audit-csv') {
    // the whole assessed register, as `auyl audit` writes it (filters do not apply: an audit covers every list),
    // with the scenario's parameters beside it; ';' means a spreadsheet in kk/ru locales (BOM, decimal comma)
    const files = writeAuditReport(`${base}-audit.csv`, v.assessed, auditAssessment(v.assessed), { excel: req.csv.delimiter === ';' });
    return [...[...files].map(([name, bytes]) => ({ name, mime: name.endsWith('.json') ? 'application/json' : 'text/csv;charset=utf-8', bytes })), paramsFile];
  }
  if (req.kind === 'brief-data') {
    let w = Infinity, so = Infinity, e = -Infinity, no = -Infinity;
    for (const i of kept) {
      const x = lon[i], y = lat[i];
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      w = Math.min(w, x), e = Math.max(e, x), so = Math.min(so, y), no = Math.max(no, y);
    }
    const { list } = summaries();
    const data = { bounds: Number.isFinite(w) ? [w, so, e, no] : null, summary: list.find((s) => s.unit === -2) ?? null, parameters };
    return [{ name: `${base}-brief.json`, mime: 'application/json', bytes: new TextEncoder().encode(JSON.stringify(data)) }];
  }
  throw new Error(`unknown export kind ${req.kind}`);
}

/** Flattens the parameters into path / value rows (the .xlsx parameters sheet). */
export function flatten(x: unknown, path = '', out: [string, string | number | boolean | null][] = []): [string, string | number | boolean | null][] {
  if (x === null || typeof x !== 'object') out.push([path, x === undefined ? null : (x as string | number | boolean | null)]);
  else if (Array.isArray(x) && x.every((e) => e === null || typeof e !== 'object')) out.push([path, x.join(', ')]);
  else for (const [k, v] of Object.entries(x)) flatten(v, path ? (Array.isArray(x) ? `${path}[${k}]` : `${path}.${k}`) : k, out);
  return out;
}

/** The .xlsx: settlements, summary and parameters sheets (SheetJS, loaded only here). */
export async function buildXlsx(model: AtlasModel, req: ExportRequest): Promise<ExportFile[]> {
  const { columns, values, kept, parameters, base, summaries, people, peopleValues, lang } = prepare(model, req);
  const XLSX = await import('@e965/xlsx');
  const rows: unknown[][] = [people ? people.header : columns];
  for (let k = 0; k < kept.length; k++) rows.push(people ? peopleValues(kept[k]) : values(kept[k]));
  const { level, list } = summaries();
  const sum = people ? peopleSummary(lang, SUMMARY_COLUMNS, false) : null;
  // people's summary sheet: words for headers, levels and regions; the coverage stays a number
  const sumRows: unknown[][] = [sum ? sum.header : SUMMARY_COLUMNS, ...list.map((s) => {
    const r = summaryRow(level, s);
    if (!sum) return r;
    const cells = sum.cells(r, -1);
    cells[SUMMARY_COLUMNS.indexOf('coverage_percent')] = r[SUMMARY_COLUMNS.indexOf('coverage_percent')] as number | null;
    return cells;
  })];
  const paramRows: unknown[][] = [['parameter', 'value'], ...flatten(parameters)];
  const wb = XLSX.utils.book_new();
  // strings stay text cells (aoa_to_sheet never turns "=…" into a formula)
  const sheet = (aoa: unknown[][]) => XLSX.utils.aoa_to_sheet(aoa.map((r) => r.map((c) => (c === undefined ? null : c))));
  const settlements = sheet(rows);
  // people's sheet: each number column shown with its fixed decimals ("0.0"; Excel draws the user's decimal mark)
  if (people)
    people.decimals.forEach((d, c) => {
      if (d === null) return;
      for (let r = 1; r < rows.length; r++) {
        const cell = settlements[XLSX.utils.encode_cell({ r, c })];
        if (cell && cell.t === 'n') cell.z = d === 0 ? '0' : `0.${'0'.repeat(d)}`;
      }
    });
  XLSX.utils.book_append_sheet(wb, settlements, 'settlements');
  XLSX.utils.book_append_sheet(wb, sheet(sumRows), `${level}_summary`);
  XLSX.utils.book_append_sheet(wb, sheet(paramRows), 'parameters');
  const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
  return [{ name: `${base}-settlements.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes }];
}
