// `auyl`: assess a register, write a methodology preset, or check which districts lie on the border.
// A thin shell over engine and io. Exit codes: 0 done, 2 bad input (one line per problem), 1 unexpected error.
import { categoryShares, formatShares } from '../lib/engine/shares.ts';
import fs from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from './args.ts';
import { preset, PRESETS, type PresetId } from '../lib/engine/config/presets.ts';
import { checkMethodology } from '../lib/engine/config/validate.ts';
import type { Methodology } from '../lib/engine/config/schema.ts';
import { assessTable, type AssessmentTable } from '../lib/engine/assess.ts';
import { isTown, townPopulationOf } from '../lib/engine/settlement-kind.ts';
import { auditAssessment } from '../lib/engine/audit.ts';
import { writeAuditReport } from '../lib/io/audit-report.ts';
import { CATEGORIES } from '../lib/engine/classify.ts';
import type { Lang } from '../lib/engine/types.ts';
import { writeAssessmentChunks, formatOf, type TableOptions } from '../lib/io/formats.ts';
import { checkMapping, INPUT_FORMATS, readInput, type RegisterImport } from '../lib/io/read.ts';
import type { Mapping } from '../lib/io/mapping.ts';
import { fileError, formatProblem, LANGS, problemMessage, RegisterFileError } from '../lib/io/problems.ts';
import { Outline } from '../lib/io/outline.ts';
import { bordersFromFgb, districtLayerFromFeatures, placesFromFgb } from '../lib/io/embedded.ts';
import { readFgb } from '../lib/io/fgb.ts';
import { writeCsv } from '../lib/io/csv.ts';
import type { DistrictLayer } from '../lib/engine/geo/districts.ts';
import { cmdSuggest, SUGGEST_HELP } from './suggest.ts';

const HELP = `auyl — assess Kazakhstan's rural settlements (Auyl Atlas)

Usage:
  auyl assess --settlements FILE [--preset 2019|2025 | --config FILE.json] [--mapping FILE.json] [--districts FILE]
              [--sheet NAME|N] [--header-row N] [--fill-down] [--id-field F] [--name-field F]
              [--skip-invalid [--strict-cells]] [--fix-swapped] [--excel] [--lang en|ru|kk] --out FILE
      Scores every settlement in the four blocks, rates its potential and gives its category.
      FILE is read as the app reads it: ${INPUT_FORMATS};
      text in UTF-8, UTF-16, Windows-1251, KZ-1048 or CP866, separated by commas, semicolons or tabs.
      Its headers are matched to the register's fields as in the app (kk/ru/en names such as «Код КАТО», «Широта»,
      «Долгота», «Население»); --mapping FILE.json gives the match instead: the app's "Save the column mapping (JSON)",
      an object of header → field (null: not read). The kind is guessed as in the app; the CLI never asks: an unsure
      file is read as a register, and a file whose content says settlement list (KATO ids, names, districts, no
      indicator or population column) is assessed as one and said so.
      --sheet: the .xlsx sheet to read, by name or 1-based number (default: the first sheet with rows, said so).
      --header-row: the 1-based row (.xlsx) or line (.csv) of the header (default: the row, within the first 30,
      that names the most known columns; a title row above it is skipped and said so).
      --fill-down: fill merged .xlsx cells of text columns (region, district) down from their first cell (never
      numbers; without it, merged ranges are listed as warnings).
      --out .csv, .geojson or .fgb.
      --districts: district polygons (.geojson or .fgb) for border-district status.
      Default (strict): any row with a problem — an unreadable or impossible cell included — refuses the whole
      file (exit code 2, every problem listed).
      --skip-invalid: assess anyway (exit code 0): an unreadable or impossible cell that is not id, lat or lon
      (e.g. share_young_pct "abc" or 140) is read as no data and listed; rows without a usable id or location
      are skipped and listed.
      --strict-cells: with --skip-invalid, skip a row with such a cell instead of reading the cell as no data.
      --fix-swapped: swap back lat/lon that are swapped (reported as a warning instead of an error).
      --excel: CSV for Excel in kk/ru locales (UTF-8 with BOM, semicolons, decimal comma).
      --lang: language of the problem messages (default en).
  auyl audit --settlements FILE [--preset 2019|2025 | --config FILE.json] [--mapping FILE.json] [--sheet NAME|N] [--header-row N] [--fill-down]
             [--districts FILE] [--excel] --out FILE.csv
      Approved categories (columns official_category, official_support_id, official_year) against the methodology:
      FILE.csv one row per settlement (agreement / upgrade / downgrade / changed / no_status, the computed reason,
      approved satellites whose support settlement is too far, in another district or not approved);
      FILE, --mapping, --sheet, --header-row and --fill-down as for assess;
      FILE.districts.csv the counts per district; FILE.params.json the methodology used.
  auyl config --preset 2019|2025 --out FILE.json
      Writes a methodology preset for editing; pass it back with --config.
  auyl districts --districts FILE [--id-field F] [--name-field F] [--tolerance-km N] --out FILE.csv
      One row per district: district_id, name, borders_china, borders_russia, km_to_china, km_to_russia.
${SUGGEST_HELP}
Distances are straight lines on the sphere (mean Earth radius), not travel distances.
Exit codes: 0 done; 2 bad input (one line per problem: line, column, value); 1 unexpected error.
`;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const embedded = (name: string) => new Uint8Array(fs.readFileSync(path.join(root, 'public', 'data', name)));

class InputError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

function fileProblem(file: string, e: RegisterFileError, lang: Lang): string {
  return `${file}: ${e.problem.column ? `"${e.problem.column}": ` : ''}${problemMessage(e.problem, lang)}`;
}

/** Writes chunks to a temporary file beside the output, renamed when complete (no half-written output). */
function writeChunks(file: string, chunks: Iterable<string | Uint8Array>) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.partial`;
  const fd = fs.openSync(tmp, 'w');
  try {
    for (const c of chunks) typeof c === "string" ? fs.writeSync(fd, c) : fs.writeSync(fd, c);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/** A full garbage collection (V8's gc(), reached without --expose-gc on the command line). */
function collectGarbage() {
  try {
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
  } catch {
    // not available: V8 collects when it sees fit
  }
}

const MAX_PROBLEM_LINES = 10_000;

function readFile(file: string, what: string): Uint8Array {
  try {
    const b = fs.readFileSync(file);
    return new Uint8Array(b.buffer, b.byteOffset, b.length); // a view, not a copy (a register can be 500 MB)
  } catch {
    throw new InputError([`${what}: cannot read ${file}`]);
  }
}

function loadConfig(values: Record<string, string>): Methodology {
  if (values.config && values.preset) throw new InputError(['use either --config or --preset, not both']);
  if (values.config) {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(readFile(values.config, '--config')));
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError([`${values.config}: not valid JSON (${(e as Error).message})`]);
    }
    const { config, problems } = checkMethodology(json);
    if (!config) throw new InputError(problems.map((p) => `${values.config}: ${p.path}: ${p.message}`));
    return config;
  }
  const id = values.preset ?? '2019';
  if (!(id in PRESETS)) throw new InputError([`--preset must be one of ${Object.keys(PRESETS).join(', ')} (got "${id}")`]);
  return preset(id as PresetId);
}

/** --sheet (a name, or a 1-based number), --header-row (1-based) and --fill-down: how to read a workbook. */
function tableOptions(values: Record<string, string>, flags: Set<string>): TableOptions {
  const out: TableOptions = { fillDown: flags.has('fill-down') };
  if (values.sheet !== undefined) out.sheet = /^\d+$/.test(values.sheet) ? Number(values.sheet) : values.sheet;
  if (values['header-row'] !== undefined) {
    const row = Number(values['header-row']);
    if (!Number.isInteger(row) || row < 1) throw new InputError([`--header-row must be a whole number ≥ 1 (got "${values['header-row']}")`]);
    out.headerRow = row;
  }
  return out;
}

/** The --mapping file: the mapping the app saves (header → field or null), checked against the methodology. */
function loadMapping(file: string | undefined, config: Methodology): Mapping | null {
  if (!file) return null;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(readFile(file, '--mapping')));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError([`${file}: not valid JSON (${(e as Error).message})`]);
  }
  const { mapping, problems } = checkMapping(json, config.indicators.map((i) => i.column));
  if (!mapping) throw new InputError(problems.map((p) => `${file}: ${p}`));
  return mapping;
}

/** How the file was read, for the summary: its kind and the headers read under another name. */
function readingLines(file: string, read: RegisterImport, given: Mapping | null): string[] {
  // unsure (the app would ask): a register; a list only when the content says so
  const unsure = Boolean(read.guess && !read.guess.sure);
  const why = unsure ? ' (the kind is unsure: taken as a register; the app would ask)' : '';
  const lines = [read.kind === 'list' && !unsure ? `${file}: read as a settlement list (KATO ids, names, districts; no indicator or population column): the assessment has no indicators to score` : `${file}: read as a register${why}`];
  const renamed = Object.entries(read.mapping).filter(([h, f]) => f && f !== h).map(([h, f]) => `"${h}" → ${f}`);
  if (renamed.length) lines.push(`${file}: columns read as ${renamed.join(', ')}`);
  if (given && !Object.keys(given).some((h) => read.header.includes(h))) lines.push(`${file}: warning: none of the --mapping headers is in the file; matched automatically`);
  return lines;
}

async function loadDistricts(values: Record<string, string>): Promise<DistrictLayer> {
  const file = values.districts;
  const bytes = readFile(file, '--districts');
  let features;
  try {
    const format = formatOf(file);
    if (format === 'csv') throw new Error('districts must be polygons: .geojson or .fgb');
    features = format === 'fgb' ? (await readFgb(bytes)).features : JSON.parse(new TextDecoder().decode(bytes)).features;
    if (!Array.isArray(features)) throw new Error('not a GeoJSON FeatureCollection');
    return await districtLayerFromFeatures(features, values['id-field'], values['name-field']);
  } catch (e) {
    throw new InputError([`${file}: ${(e as Error).message}`]);
  }
}

async function write(file: string, bytes: Uint8Array | string) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, bytes);
}

interface Assessed {
  table: AssessmentTable;
  config: Methodology;
  info: string;
  problemLines: string[];
  rejected: number;
  lap: (what: string) => void;
}

/** Reads a register (--settlements), checks it and assesses it: shared by `assess` and `audit`. */
async function readAndAssess(values: Record<string, string>, flags: Set<string>, lang: Lang): Promise<Assessed> {
  const config = loadConfig(values);
  // AUYL_TIMING=1: phase times and heap on stderr (for benchmarks).
  let t0 = performance.now();
  const lap = (what: string) => {
    if (!process.env.AUYL_TIMING) return;
    const t = performance.now();
    console.error(`timing: ${what} ${Math.round(t - t0)} ms, ab ${Math.round(process.memoryUsage().arrayBuffers / 2 ** 20)} MB, heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`);
    t0 = t;
  };
  const outline = new Outline((await readFgb(embedded('kazakhstan.fgb'))).features);
  const given = loadMapping(values.mapping, config);
  const workbook = tableOptions(values, flags);
  let read: RegisterImport;
  try {
    // the app's reading (io/read.ts); rows without coordinates are errors here (no settlement list to locate them).
    // Without --skip-invalid (or with --strict-cells) a bad cell refuses its row, and a refused row the file.
    const invalidCells = flags.has('skip-invalid') && !flags.has('strict-cells') ? 'no-data' : 'refuse-row';
    const r = await readInput(readFile(values.settlements, '--settlements'), values.settlements, config, { lang, outline, mapping: given, ...workbook, fixSwapped: flags.has('fix-swapped'), withoutLocation: 'reject', invalidCells });
    if (r.kind === 'boundaries') throw new InputError([`${values.settlements}: holds polygons (${r.count} boundaries), not settlements: pass it as --districts`]);
    read = r;
  } catch (e) {
    if (e instanceof RegisterFileError) throw new InputError([fileProblem(values.settlements, e, lang)]);
    if (e instanceof InputError) throw e;
    throw new InputError([`${values.settlements}: ${(e as Error).message}`]);
  }
  lap('read and check');
  // The file's bytes and the reader's columns are garbage now, but their memory lies outside the JS heap and V8
  // would only collect it under pressure: collected here, before the assessment allocates its columns, so that the
  // peak stays near what is alive (issue 22: at most 4 × the file size + 300 MB).
  collectGarbage();
  lap('collect');
  const problemLines = read.problems.slice(0, MAX_PROBLEM_LINES).map((p) => `${values.settlements}: ${p.severity === 'warning' ? 'warning: ' : ''}${formatProblem(p, read.unit, lang)}`);
  if (read.problems.length > MAX_PROBLEM_LINES) problemLines.push(`${values.settlements}: … and ${read.problems.length - MAX_PROBLEM_LINES} more problem(s)`);
  const rejected = read.rejectedRows.length;
  const info = `${values.settlements}: ${read.counts.read} row(s) read${read.encoding ? `, encoding ${read.encoding}` : ''}, decimal separator ${read.decimal === 'comma' ? '","' : read.decimal === 'point' ? '"."' : read.decimal}, the columns can score ${read.scorable.available} of ${read.scorable.total} points`;
  problemLines.unshift(...readingLines(values.settlements, read, given));
  if (rejected && !flags.has('skip-invalid')) throw new InputError([info, ...problemLines, `${rejected} row(s) rejected; fix them or pass --skip-invalid`]);
  const districts = values.districts ? await loadDistricts(values) : null;
  // town or rural by the app's one rule (engine/settlement-kind.ts): the file's KATO type, else the config's
  // threshold (categories.town.min_population, 10,000 in the presets)
  const cols = read.columns;
  const townPopulation = townPopulationOf(config);
  const town = Uint8Array.from({ length: cols.size }, (_, r) => (isTown({ featureCode: null, population: cols.population[r], katoType: read.katoTypes?.[r] ?? null }, townPopulation) ? 1 : 0));
  const table = assessTable(cols, config, {
    places: await placesFromFgb(embedded('settlements.fgb')),
    borders: await bordersFromFgb(embedded('borders.fgb')),
    districts,
  }, town);
  lap('assess');
  return { table, config, info, problemLines, rejected, lap };
}

function langOf(values: Record<string, string>, errors: string[]): Lang {
  const lang = (values.lang ?? 'en') as Lang;
  if (!LANGS.includes(lang)) errors.push(`--lang must be one of ${LANGS.join(', ')} (got "${values.lang}")`);
  return lang;
}

async function cmdAssess(argv: string[]): Promise<number> {
  const { values, flags, errors } = parseArgs(argv, { values: ['settlements', 'config', 'preset', 'mapping', 'sheet', 'header-row', 'districts', 'id-field', 'name-field', 'out', 'lang'], flags: ['skip-invalid', 'strict-cells', 'fix-swapped', 'excel', 'fill-down'] });
  if (!values.settlements) errors.push('--settlements FILE is required');
  if (!values.out) errors.push('--out FILE is required');
  const lang = langOf(values, errors);
  if (errors.length) throw new InputError(errors);
  try {
    // .tsv is an input format only (assessments are written comma- or semicolon-separated)
    if (/\.tsv$/i.test(values.out)) throw fileError('unsupported_format', { ext: 'tsv' });
    formatOf(values.out);
  } catch (e) {
    if (e instanceof RegisterFileError) throw new InputError([`--out ${values.out}: ${problemMessage(e.problem, lang)}`]);
    throw e;
  }
  const { table, config, info, problemLines, rejected, lap } = await readAndAssess(values, flags, lang);
  writeChunks(values.out, writeAssessmentChunks(table, values.out, { excel: flags.has('excel'), reuse: true }));
  lap('write');
  console.error(info);
  for (const line of problemLines) console.error(line);
  const shares = formatShares(categoryShares(Array.from(table.classes.category, (c) => CATEGORIES[c])));
  console.error(`assessed ${table.register.size} settlement(s) with "${config.id}"${rejected ? `, skipped ${rejected} invalid row(s)` : ''}: ${shares} → ${values.out}`);
  return 0;
}

async function cmdAudit(argv: string[]): Promise<number> {
  const { values, flags, errors } = parseArgs(argv, { values: ['settlements', 'config', 'preset', 'mapping', 'sheet', 'header-row', 'districts', 'id-field', 'name-field', 'out', 'lang'], flags: ['skip-invalid', 'strict-cells', 'fix-swapped', 'excel', 'fill-down'] });
  if (!values.settlements) errors.push('--settlements FILE is required');
  if (!values.out || !values.out.toLowerCase().endsWith('.csv')) errors.push('--out FILE.csv is required');
  const lang = langOf(values, errors);
  if (errors.length) throw new InputError(errors);
  const { table, config, info, problemLines } = await readAndAssess(values, flags, lang);
  const audit = auditAssessment(table);
  if (!table.register.settlements.some((s) => s.official)) throw new InputError([`${values.settlements}: no official_category column: nothing to audit`]);
  const files = writeAuditReport(values.out, table, audit, { excel: flags.has('excel') });
  for (const [file, bytes] of files) await write(file, bytes);
  console.error(info);
  for (const line of problemLines) console.error(line);
  const c = audit.total.byClass;
  console.error(`audited ${audit.total.settlements} settlement(s) with "${config.id}": agreement ${c.agreement}, upgrade ${c.upgrade}, downgrade ${c.downgrade}, changed ${c.changed}, no approved status ${c.no_status}; ${audit.total.flaggedSatellites} approved satellite(s) flagged → ${[...files.keys()].join(', ')}`);
  return 0;
}

async function cmdConfig(argv: string[]): Promise<number> {
  const { values, errors } = parseArgs(argv, { values: ['preset', 'out'], flags: [] });
  if (!values.out) errors.push('--out FILE.json is required');
  if (errors.length) throw new InputError(errors);
  const config = loadConfig({ preset: values.preset ?? '2019' });
  await write(values.out, JSON.stringify(config, null, 2) + '\n');
  console.error(`wrote preset "${config.id}" → ${values.out}`);
  return 0;
}

async function cmdDistricts(argv: string[]): Promise<number> {
  const { values, errors } = parseArgs(argv, { values: ['districts', 'id-field', 'name-field', 'tolerance-km', 'out'], flags: [] });
  if (!values.districts) errors.push('--districts FILE is required');
  if (!values.out) errors.push('--out FILE.csv is required');
  const tolerance = values['tolerance-km'] === undefined ? preset('2019').geospatial.district_tolerance_km.value : Number(values['tolerance-km']);
  if (!Number.isFinite(tolerance) || tolerance < 0) errors.push(`--tolerance-km must be a number ≥ 0 (got "${values['tolerance-km']}")`);
  if (errors.length) throw new InputError(errors);
  const layer = await loadDistricts(values);
  const borders = await bordersFromFgb(embedded('borders.fgb'));
  const rows = layer.borderDistances(borders, ['CN', 'RU']).map(({ district, km }) => ({
    district_id: district.id,
    name: district.name,
    borders_china: (km.CN ?? Infinity) <= tolerance ? 'yes' : 'no',
    borders_russia: (km.RU ?? Infinity) <= tolerance ? 'yes' : 'no',
    km_to_china: km.CN === undefined ? null : km.CN.toFixed(1),
    km_to_russia: km.RU === undefined ? null : km.RU.toFixed(1),
  }));
  rows.sort((a, b) => a.district_id.localeCompare(b.district_id));
  await write(values.out, writeCsv(['district_id', 'name', 'borders_china', 'borders_russia', 'km_to_china', 'km_to_russia'], rows));
  console.error(`${rows.length} district(s): ${rows.filter((r) => r.borders_china === 'yes').length} on the China border, ${rows.filter((r) => r.borders_russia === 'yes').length} on the Russia border → ${values.out}`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(HELP);
      return 0;
    }
    if (rest.includes('--help')) {
      process.stdout.write(HELP);
      return 0;
    }
    if (command === 'assess') return await cmdAssess(rest);
    if (command === 'audit') return await cmdAudit(rest);
    if (command === 'config') return await cmdConfig(rest);
    if (command === 'districts') return await cmdDistricts(rest);
    if (command === 'suggest') return await cmdSuggest(rest, { readAndAssess, inputError: (lines) => new InputError(lines) });
    throw new InputError([`unknown command "${command}" (try auyl --help)`]);
  } catch (e) {
    if (e instanceof InputError) {
      for (const line of e.lines) console.error(line);
      return 2;
    }
    if (e instanceof RegisterFileError) {
      console.error(e.message);
      return 2;
    }
    console.error(`unexpected error: ${(e as Error).message}`);
    return 1;
  }
}
