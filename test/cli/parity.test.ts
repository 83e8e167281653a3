// The app and `auyl assess` read a file the same way (issue 20): one reading entry, io/read.ts. For a Windows-1251
// CSV with Russian headers, an .xlsx with Russian headers and a GeoJSON register (generated here, seeded), the
// worker's import (handleImport, then the model the app draws) and the CLI (main() in-process) give the same row
// ids, the same problems (row, column, code) and the same assessment (category, potential, scores per id).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { utils, write } from '@e965/xlsx';
import { main } from '../../src/cli/main.ts';
import { encodeSingleByte } from '../../src/lib/io/text.ts';
import { formatProblem, type Problem } from '../../src/lib/io/problems.ts';
import { assessmentColumns, assessmentRow } from '../../src/lib/io/assessment-record.ts';
import { loadModel } from '../../src/lib/worker/load.ts';
import { handleImport, setEmbedded } from '../../src/lib/worker/import-host.ts';
import type { ImportReply, ImportSummary } from '../../src/lib/worker/import-protocol.ts';
import type { AtlasModel } from '../../src/lib/worker/model.ts';
import { NO_FILTER } from '../../src/lib/engine/explore/filter.ts';
import { pointShapefileZip } from '../io/shapefile-writer.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'auyl-parity-'));

/** Small seeded generator (mulberry32): the same fixtures on every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every indicator of the 2019 preset a file states (the geospatial ones are computed): kind and range. */
const INDICATORS: [column: string, kind: 'flag' | 'number', min: number, max: number][] = [
  ['share_young_pct', 'number', 5, 40], ['net_migration_per_1000', 'number', -30, 10], ['population_growth_pct', 'number', -5, 5],
  ['has_central_water', 'flag', 0, 1], ['has_paved_road', 'flag', 0, 1], ['has_school', 'flag', 0, 1], ['has_kindergarten', 'flag', 0, 1],
  ['has_medical_facility', 'flag', 0, 1], ['has_internet', 'flag', 0, 1],
  ['employment_rate_pct', 'number', 40, 90], ['employment_growth_pct', 'number', -5, 5], ['livestock_units_per_household', 'number', 0, 8], ['arable_ha_per_capita', 'number', 0, 6],
];

interface Place { id: string; name: string; lat: number; lon: number; population: number; values: (number | boolean)[] }

/** Twelve settlements in central Kazakhstan (well inside the outline) within ~10 km of the first, a rural-district
 *  centre (a support settlement when its potential is at least medium; the others its satellites); KATO-like ids. */
function places(seed: number): Place[] {
  const r = seeded(seed);
  return Array.from({ length: 12 }, (_, i) => ({
    id: String(351000000 + (i + 1) * 1000 + Math.floor(r() * 999)),
    name: `Село ${i + 1}`,
    lat: Math.round((50.4 + (i ? r() - 0.5 : 0) * 0.16) * 1e4) / 1e4,
    lon: Math.round((72.4 + (i ? r() - 0.5 : 0) * 0.24) * 1e4) / 1e4,
    population: i === 0 ? 6200 : 150 + Math.floor(r() * 2800),
    values: INDICATORS.map(([, kind, min, max]) => (kind === 'flag' ? r() < 0.6 : Math.round((min + r() * (max - min)) * 10) / 10)),
  }));
}

const RU = ['Код КАТО', 'Наименование', 'Широта', 'Долгота', 'Население', 'Центр сельского округа', ...INDICATORS.map(([c]) => c)];
const centre = (i: number) => (i === 0 ? 'да' : 'нет');
const ruFlag = (v: number | boolean) => (typeof v === 'boolean' ? (v ? 'да' : 'нет') : v);

/** (a) Windows-1251, semicolons, decimal commas; row 4 (line 5) has «abc» as its latitude. */
function csv1251(ps: Place[]): Uint8Array {
  const dec = (x: number | boolean | string) => String(x).replace('.', ',');
  const lines = ps.map((p, i) => [p.id, p.name, i === 3 ? 'abc' : dec(p.lat), dec(p.lon), p.population, centre(i), ...p.values.map((v) => dec(ruFlag(v)))].join(';'));
  return encodeSingleByte([RU.join(';'), ...lines].join('\r\n') + '\r\n', 'windows-1251');
}

/** (b) .xlsx with Russian headers; row 7 (sheet row 8) has a negative population. */
function xlsx(ps: Place[]): Uint8Array {
  const rows = ps.map((p, i) => [p.id, p.name, p.lat, p.lon, i === 6 ? -5 : p.population, centre(i), ...p.values.map(ruFlag)]);
  const wb = utils.book_new();
  utils.book_append_sheet(wb, utils.aoa_to_sheet([RU, ...rows]), 'Реестр');
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', compression: true }));
}

/** (c) GeoJSON points, Russian property names; feature 2 has a share of young people of 140 %. */
function geojson(ps: Place[]): Uint8Array {
  const features = ps.map((p, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    properties: { 'Код КАТО': p.id, Наименование: p.name, Население: p.population, 'Центр сельского округа': centre(i), ...Object.fromEntries(INDICATORS.map(([c], k) => [c, c === 'share_young_pct' && i === 1 ? 140 : p.values[k]])) },
  }));
  return new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
}

/** (d) A zipped Shapefile: DBF field names of at most 10 characters (KATO, has_intern for has_internet), UTF-8;
 *  feature 5 has a negative population. */
function shapefile(ps: Place[]): Uint8Array {
  const points = ps.map((p, i) => ({
    x: p.lon, y: p.lat,
    props: { KATO: p.id, name_ru: p.name, population: String(i === 4 ? -5 : p.population), is_rural_d: i === 0 ? '1' : '0', has_intern: p.values[8] ? '1' : '0', has_school: p.values[5] ? '1' : '0' },
  }));
  return pointShapefileZip(points, { encode: (x) => new TextEncoder().encode(x), cpg: 'UTF-8' });
}

let model: AtlasModel;
beforeAll(async () => {
  // the worker fetches the country outline from the app's origin: served here from public/data as the app serves it
  vi.stubGlobal('self', { location: { origin: 'http://localhost' } });
  vi.stubGlobal('fetch', async (url: URL) => new Response(new Uint8Array(fs.readFileSync(path.join('public', String(url.pathname))))));
  model = await loadModel(new Uint8Array(fs.readFileSync('public/data/settlements.fgb')), new Uint8Array(fs.readFileSync('public/data/borders.fgb')), fs.readFileSync('data/example-register-illustrative.csv', 'utf8'));
  setEmbedded(model);
});
afterAll(() => vi.unstubAllGlobals());

/** The app: the worker's import of the file, then the assessment its model draws (default settings). */
async function appRead(bytes: Uint8Array, fileName: string) {
  const replies: ImportReply[] = [];
  const m = await handleImport({ type: 'import', job: 1, bytes: bytes.slice().buffer, fileName, options: { lang: 'en' } }, (r) => replies.push(r));
  const done = replies.find((r) => r.type === 'import-done');
  if (!m || done?.type !== 'import-done') throw new Error(JSON.stringify(replies.at(-1)));
  const { assessed } = m.exportView(m.defaults(), { mode: 'category', classing: { method: 'quantile', count: 5, custom: [] } }, NO_FILTER, { key: 'population', desc: true }, []);
  const columns = assessmentColumns(assessed.config);
  const byId = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < assessed.register.size; i++) {
    const row = assessmentRow(assessed, i, new Array(columns.length));
    byId.set(assessed.register.ids[i], Object.fromEntries(columns.map((c, k) => [c, row[k] ?? null])));
  }
  return { summary: done.summary as ImportSummary, byId };
}

/** The CLI, in-process: exit code, its stderr lines, and the GeoJSON it wrote, by id. */
async function cliRead(bytes: Uint8Array, fileName: string, extra: string[] = []) {
  const input = path.join(tmp, fileName);
  fs.writeFileSync(input, bytes);
  const out = path.join(tmp, `${fileName}.out.geojson`);
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  let code: number;
  try {
    code = await main(['assess', '--settlements', input, '--skip-invalid', '--out', out, ...extra]);
  } finally {
    spy.mockRestore();
  }
  const fc = (code === 0 ? JSON.parse(fs.readFileSync(out, 'utf8')) : { features: [] }) as { features: { properties: Record<string, unknown> }[] };
  return { code, lines, input, byId: new Map(fc.features.map((f) => [String(f.properties.id), f.properties])) };
}

const SCORES = ['category', 'potential', 'support_id', 'score_demography', 'score_infrastructure', 'score_economy', 'score_total', 'coverage'];
const rcc = (p: Problem) => [p.row, p.column, p.code];

async function expectParity(bytes: Uint8Array, fileName: string, expected: { ids: string[]; problems: (string | number)[][] }) {
  const app = await appRead(bytes, fileName);
  const cli = await cliRead(bytes, fileName);
  expect(cli.code, cli.lines.join('\n')).toBe(0);
  // the same rows
  expect([...app.byId.keys()].sort()).toEqual(expected.ids.slice().sort());
  expect([...cli.byId.keys()].sort()).toEqual(expected.ids.slice().sort());
  // the same problems: the app's, as the CLI prints them, in order (row, column, code, value, message)
  expect(app.summary.problems.map(rcc)).toEqual(expected.problems);
  // a file-level problem of a feature file (row 0) is printed without a row: «column "…": …»
  const printed = cli.lines.filter((l) => /(line|row|feature) \d+, column|^[^ ]+: (warning: )?column "/.test(l)).map((l) => l.slice(cli.input.length + 2));
  expect(printed).toEqual(app.summary.problems.map((p) => `${p.severity === 'warning' ? 'warning: ' : ''}${formatProblem(p, app.summary.unit, 'en')}`));
  // the same assessment per id
  for (const id of expected.ids) {
    const a = app.byId.get(id)!, c = cli.byId.get(id)!;
    for (const k of SCORES) {
      if (typeof a[k] === 'number') expect(c[k], `${id} ${k}`).toBeCloseTo(a[k] as number, 9);
      else expect(c[k] ?? null, `${id} ${k}`).toEqual(a[k] ?? null);
    }
  }
  return { app, cli };
}

describe('the app and `auyl assess` read the same file the same way', () => {
  const ps = places(20);
  const ids = ps.map((p) => p.id);

  // km_to_railway (geospatial: rules only, 0 points) is absent from every file: one problem on the header row
  it('(a) a Windows-1251 CSV with «Код КАТО», «Широта», «Долгота»: line 5 rejected (latitude "abc")', async () => {
    const { app, cli } = await expectParity(csv1251(ps), 'register-1251.csv', { ids: ids.filter((_, i) => i !== 3), problems: [[1, 'km_to_railway', 'column_absent'], [5, 'lat', 'not_number']] });
    expect(app.summary.encoding).toBe('windows-1251');
    expect(app.summary.mapping).toMatchObject({ 'Код КАТО': 'id', Наименование: 'name_ru', Широта: 'lat', Долгота: 'lon', Население: 'population' });
    expect(cli.lines.join('\n')).toContain('encoding windows-1251, decimal separator ","');
    // the rural-district centre supports the others, all within 15 km of it (the satellite radius)
    expect(cli.byId.get(ps[0].id)?.category).toBe('support');
    for (const id of ids.slice(1).filter((_, i) => i !== 2)) expect(cli.byId.get(id)).toMatchObject({ category: 'satellite', support_id: ps[0].id });
    // hand-checked: the first place as generated, read from the file's decimal commas
    expect(cli.byId.get(ps[0].id)).toMatchObject({ lat: ps[0].lat, lon: ps[0].lon, population: ps[0].population, name_ru: 'Село 1' });
  }, 60_000);

  // an impossible cell outside id/lat/lon is no data by default (app; CLI with --skip-invalid): the row is kept
  it('(b) an .xlsx with Russian headers: sheet row 8 kept, its negative population read as no data', async () => {
    const { app } = await expectParity(xlsx(ps), 'register.xlsx', { ids, problems: [[1, 'km_to_railway', 'column_absent'], [8, 'population', 'negative']] });
    expect(app.summary.problems[1]).toMatchObject({ severity: 'warning', params: { nodata: 1 } });
  }, 60_000);

  it('(c) a GeoJSON register: feature 2 kept, its share of 140 % read as no data', async () => {
    await expectParity(geojson(ps), 'register.geojson', { ids, problems: [[0, 'km_to_railway', 'column_absent'], [2, 'share_young_pct', 'out_of_range']] });
  }, 60_000);

  it('(d) a zipped Shapefile with DBF field names: feature 5 kept, its negative population read as no data', async () => {
    // the DBF has has_internet (as has_intern) and has_school of the indicators: the others are absent
    const absent = INDICATORS.map(([c]) => c).filter((c) => c !== 'has_internet' && c !== 'has_school').concat('km_to_railway');
    await expectParity(shapefile(ps), 'register.zip', { ids, problems: [...absent.map((c) => [0, c, 'column_absent']), [5, 'population', 'negative']] });
  }, 60_000);

  it('--mapping FILE.json: the mapping the app saves reads headers no alias knows', async () => {
    const header = ['Нас. пункт код', 'Назв.', 'Ш', 'Д', 'Жители'];
    const body = ps.slice(0, 3).map((p) => [p.id, p.name, p.lat, p.lon, p.population].join(','));
    const bytes = new TextEncoder().encode([header.join(','), ...body].join('\n') + '\n');
    const refused = await cliRead(bytes, 'odd.csv');
    expect(refused.code).toBe(2);
    expect(refused.lines.join('\n')).toContain('missing column(s) id, lat, lon');
    const mappingFile = path.join(tmp, 'odd.mapping.json');
    fs.writeFileSync(mappingFile, JSON.stringify({ 'Нас. пункт код': 'id', 'Назв.': 'name_ru', Ш: 'lat', Д: 'lon', Жители: 'population' }));
    const read = await cliRead(bytes, 'odd.csv', ['--mapping', mappingFile]);
    expect(read.code, read.lines.join('\n')).toBe(0);
    expect([...read.byId.keys()]).toEqual(ps.slice(0, 3).map((p) => p.id));
    expect(read.byId.get(ps[1].id)).toMatchObject({ population: ps[1].population, name_ru: 'Село 2' });
    fs.writeFileSync(mappingFile, JSON.stringify({ Ш: 'latitude' }));
    const bad = await cliRead(bytes, 'odd.csv', ['--mapping', mappingFile]);
    expect(bad.code).toBe(2);
    expect(bad.lines.join('\n')).toContain('"Ш": "latitude" is not a register field');
  }, 60_000);
});
