// Exports built by the worker's model: the filters decide the rows, the CSV has a BOM, the chosen separator and
// decimal mark, neutralised formulas; the .xlsx reads back with the same rows; the parameters are there.
import fs from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { read, utils } from '@e965/xlsx';
import { loadModel } from '../../src/lib/worker/load.ts';
import { handleImport, setEmbedded } from '../../src/lib/worker/import-host.ts';
import type { AtlasModel } from '../../src/lib/worker/model.ts';
import { buildExport, buildXlsx, flatten, IN_REGISTER, SUMMARY_COLUMNS } from '../../src/lib/worker/export.ts';
import type { ExportRequest } from '../../src/lib/worker/protocol.ts';
import { NO_FILTER } from '../../src/lib/engine/explore/filter.ts';
import { parseCsv, readCsv } from '../../src/lib/io/csv.ts';
import { readFgb } from '../../src/lib/io/fgb.ts';
import { readRegister } from '../../src/lib/io/formats.ts';
import { RegisterColumns } from '../../src/lib/engine/columns.ts';
import { preset } from '../../src/lib/engine/config/presets.ts';

let model: AtlasModel;
let req: ExportRequest;
beforeAll(async () => {
  model = await loadModel(new Uint8Array(fs.readFileSync('public/data/settlements.fgb')), new Uint8Array(fs.readFileSync('public/data/borders.fgb')), fs.readFileSync('data/example-register-illustrative.csv', 'utf8'));
  req = {
    kind: 'csv', settings: model.defaults(), view: { mode: 'category', classing: { method: 'quantile', count: 5, custom: [] } },
    filter: { ...NO_FILTER, categories: ['support'] }, sort: { key: 'population', desc: true }, hidden: [],
    csv: { delimiter: ';', decimalComma: true, codes: true }, context: { date: '2026-11-25T10:00:00.000Z', lang: 'kk', dataSource: 'test' },
  };
});

const text = (b: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

describe('exports', () => {
  it('CSV: BOM, separator, decimal comma, the filtered rows, and a parameters side file', () => {
    const [csv, params] = buildExport(model, req);
    expect(csv.name).toMatch(/^auyl-2026-11-25-settlements\.csv$/);
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const t = text(csv.bytes).slice(1);
    expect(t.split('\n')[0]).toMatch(/^id;name_kk;name_ru;name_en;lat;lon;/);
    const table = readCsv(t);
    const expected = model.compute(req.settings, req.view, req.filter).explore.count;
    expect(table.lines.length).toBe(expected);
    expect(expected).toBeGreaterThan(10);
    const lines = t.trim().split(/\r?\n/).slice(1);
    const cat = table.header.indexOf('category');
    expect(lines.every((l) => l.split(';')[cat] === 'support')).toBe(true);
    expect(t).toMatch(/;\d+,\d+;/); // decimal comma
    const p = JSON.parse(text(params.bytes));
    expect(p.filters.categories).toEqual(['support']);
    expect(p.methodology_valid).toBe(true);
    expect(p.methodology.categories.satellite.radius_km).toBe(req.settings.satelliteRadiusKm);
    expect(p.defaults.length).toBeGreaterThan(3);
    expect(p.rows_exported).toBe(expected);
  });

  it('CSV: every row says town or rural by the one rule; a town is never a rural category', () => {
    const [csv, params] = buildExport(model, { ...req, filter: NO_FILTER });
    const table = readCsv(text(csv.bytes).slice(1));
    const head = table.header;
    expect(head.at(-1)).toBe('settlement_kind');
    expect(table.lines.length).toBe(model.size);
    const cell = (name: string, k: number) => String(table.columns[head.indexOf(name)]!.get(k) ?? '');
    const body = table.lines.map((_, k) => [cell('id', k), cell('category', k), cell('settlement_kind', k)]);
    const id = 0, cat = 1, kind = 2;
    const cols = model.exploreData!.cols;
    const rowOf = new Map(model.map.ids.map((x, i) => [x, i]));
    let towns = 0;
    for (const cells of body) {
      const i = rowOf.get(cells[id])!;
      expect(cells[kind]).toBe(cols.isTown[i] ? 'town' : 'rural');
      if (cells[kind] === 'town') towns++;
      if (cells[cat]) expect(cells[cat] === 'town').toBe(cells[kind] === 'town');
    }
    expect(towns).toBe(cols.isTown.reduce((a, b) => a + b, 0));
    expect(JSON.parse(text(params.bytes)).settings.town_rule).toMatchObject({ town_min_population: 10000, status: 'assumed' });
  });

  it('CSV with a comma and a decimal point', () => {
    const [csv] = buildExport(model, { ...req, csv: { delimiter: ',', decimalComma: false, codes: true } });
    const t = text(csv.bytes).slice(1);
    expect(t.split('\n')[0]).toMatch(/^id,name_kk,/);
    expect(t).toMatch(/,\d+\.\d+,/);
  });

  it('summary CSV by region (no districts in the embedded data)', () => {
    const [csv] = buildExport(model, { ...req, kind: 'summary-csv', filter: NO_FILTER });
    expect(csv.name).toContain('oblast-summary');
    const t = readCsv(text(csv.bytes).slice(1));
    expect(t.header).toEqual(SUMMARY_COLUMNS);
    expect(t.lines.length).toBeGreaterThan(10);
  });

  it('GeoJSON embeds the parameters; FlatGeobuf reads back with the same rows', async () => {
    const [gj] = buildExport(model, { ...req, kind: 'geojson' });
    const fc = JSON.parse(text(gj.bytes));
    expect(fc.auyl_parameters.filters.categories).toEqual(['support']);
    expect(fc.features.every((f: { properties: Record<string, unknown> }) => f.properties.category === 'support' && f.properties[IN_REGISTER] === 'yes')).toBe(true);
    const [fgb] = buildExport(model, { ...req, kind: 'fgb' });
    const back = await readFgb(fgb.bytes);
    expect(back.features.map((f) => f.properties.id)).toEqual(fc.features.map((f: { properties: { id: string } }) => f.properties.id));
  });

  it('places outside the register are exported as such', () => {
    const [csv] = buildExport(model, { ...req, filter: NO_FILTER, csv: { delimiter: ',', decimalComma: false, codes: true } });
    const t = readCsv(text(csv.bytes).slice(1));
    expect(t.lines.length).toBe(model.size);
  });

  it('.xlsx: three sheets, the same rows as the CSV', async () => {
    const [x] = await buildXlsx(model, { ...req, kind: 'xlsx' });
    const wb = read(x.bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual(['settlements', 'oblast_summary', 'parameters']);
    const rows = utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.settlements);
    const [csv] = buildExport(model, { ...req, csv: { delimiter: ',', decimalComma: false, codes: true } });
    const t = readCsv(text(csv.bytes).slice(1));
    expect(rows.length).toBe(t.lines.length);
    expect(rows.every((r) => r.category === 'support')).toBe(true);
    const params = utils.sheet_to_json<{ parameter: string; value: unknown }>(wb.Sheets.parameters);
    expect(params.find((p) => p.parameter === 'filters.categories')?.value).toBe('support');
  });

  it('flatten gives path / value pairs', () => {
    expect(flatten({ a: { b: 1, c: [1, 2] }, d: [{ e: 'x' }] })).toEqual([['a.b', 1], ['a.c', '1, 2'], ['d[0].e', 'x']]);
  });
});

describe('brief data', () => {
  it('gives the kept rows bounds and their summary', () => {
    const [f] = buildExport(model, { ...req, kind: 'brief-data' });
    const d = JSON.parse(text(f.bytes));
    expect(d.bounds[0]).toBeGreaterThan(45);
    expect(d.bounds[2]).toBeLessThan(90);
    expect(d.summary.settlements).toBe(model.compute(req.settings, req.view, req.filter).explore.count);
  });
});

describe('district summary', () => {
  it('is by district when the register has districts (fixture), and by district on the .xlsx', async () => {
    const read = await readRegister(new Uint8Array(fs.readFileSync('test/fixtures/register-districts.csv')), 'register-districts.csv', preset('2019'));
    const m = model.withRegister(new RegisterColumns(read.settlements));
    const [csv] = buildExport(m, { ...req, kind: 'summary-csv', filter: NO_FILTER });
    expect(csv.name).toContain('district-summary');
    const t = readCsv(text(csv.bytes).slice(1));
    const unit = t.header.indexOf('unit');
    const lines = text(csv.bytes).slice(1).trim().split(/\r?\n/).slice(1);
    expect(lines.some((l) => l.split(';')[unit].startsWith('Fixture'))).toBe(true);
    const [x] = await buildXlsx(m, { ...req, kind: 'xlsx', filter: NO_FILTER });
    expect(read_(x.bytes).SheetNames).toEqual(['settlements', 'district_summary', 'parameters']);
  });
});
const read_ = (b: Uint8Array) => read(b, { type: 'array' });

describe('a large imported register', () => {
  it('exports CSV and GeoJSON from the columns, without building a record per row', async () => {
    const n = 100_000;
    const csv = 'id,name_en,district,lat,lon,population\n' + Array.from({ length: n }, (_, i) => `K${i},Place ${i},D${i % 40},${45 + (i % 701) / 100},${55 + (i % 2003) / 100},${50 + (i % 5000)}`).join('\n') + '\n';
    setEmbedded(model);
    const imported = await handleImport({ type: 'import', job: 1, bytes: new TextEncoder().encode(csv).buffer, fileName: 'big.csv', options: { lang: 'en', kind: 'register' } }, () => {});
    if (!imported) throw new Error('import failed');
    const records = vi.spyOn(RegisterColumns.prototype, 'settlements', 'get');
    try {
      const [out] = buildExport(imported, { ...req, filter: NO_FILTER });
      const lines = text(out.bytes).slice(1).trim().split(/\r?\n/);
      expect(lines.length).toBe(n + 1);
      const header = lines[0].split(';');
      const row = lines.find((l) => l.startsWith('K1234;'))!.split(';');
      expect([row[header.indexOf('name_en')], row[header.indexOf('district')], row[header.indexOf('lat')], row[header.indexOf('lon')]]).toEqual(['Place 1234', 'D34', '50,33', '67,34']);
      const [geojson] = buildExport(imported, { ...req, kind: 'geojson', filter: { ...NO_FILTER, districts: ['D34'] } });
      const f = JSON.parse(text(geojson.bytes)).features.find((x: { properties: { id: string } }) => x.properties.id === 'K1234');
      expect(f.geometry.coordinates).toEqual([67.34, 50.33]);
      expect(records).not.toHaveBeenCalled();
    } finally {
      records.mockRestore();
    }
  });
});

describe('exports for people (the default: not "codes for machines")', () => {
  const people = (over: Partial<ExportRequest> = {}) => ({ ...req, ...over, csv: { delimiter: ';' as const, decimalComma: true, ...over.csv } });
  it('CSV from the Kazakh interface: Kazakh headers, region names, categories and reasons; fixed decimals per column', async () => {
    const { t } = await import('../../src/lib/i18n/index.ts');
    const [csv] = buildExport(model, people());
    const table = readCsv(text(csv.bytes).slice(1));
    const parsed = parseCsv(text(csv.bytes).slice(1));
    expect(table.header.slice(0, 9)).toEqual(['Идентификатор (белгілі болса, КАТО)', 'Атауы (қазақша)', 'Атауы (орысша)', 'Атауы (ағылшынша)', 'Ендік', 'Бойлық', 'Облыс', 'Аудан', 'Халық саны']);
    expect(table.header).not.toContain('category_rule'); // the code only: the reason says it in words
    const col = (name: string) => parsed.rows.map((r) => r.cells[name]);
    expect(parsed.rows.length).toBeGreaterThan(10);
    expect(new Set(col('Санат'))).toEqual(new Set([t('kk', 'category.support')]));
    const regions = col('Облыс');
    expect(regions.some((r) => /^KZ-/.test(String(r)))).toBe(false);
    expect(regions).toContain('Шығыс Қазақстан облысы');
    // reasons in Kazakh, as the panel words them ("Тірек: …")
    expect(col('Неге бұл санат').every((r) => String(r).startsWith('Тірек'))).toBe(true);
    // one number of decimals per column, with the decimal comma
    const raw = text(csv.bytes).slice(1).trim().split(/\r?\n/).slice(1).map((l) => l.split(';'));
    const cell = (name: string) => raw.map((r) => r[table.header.indexOf(name)]).filter((c) => c !== '');
    expect(cell('Ең жақын қалаға дейін, км').every((c) => /^\d+,\d$/.test(c))).toBe(true);
    expect(cell('Жалпы балл').every((c) => /^\d+,\d$/.test(c))).toBe(true);
    expect(cell('Ендік').every((c) => /^\d+,\d{5}$/.test(c))).toBe(true);
    expect(cell('Халық саны').every((c) => /^\d+$/.test(c))).toBe(true);
  });

  it('Russian and English headers follow the interface language', () => {
    const head = (lang: string, decimalComma: boolean) => text(buildExport(model, people({ context: { ...req.context, lang }, csv: { delimiter: ';', decimalComma } }))[0].bytes).slice(1).split(/\r?\n/)[0];
    expect(head('ru', true)).toMatch(/^Идентификатор \(КАТО, если известен\);Название \(каз\.\);/);
    expect(head('en', false)).toMatch(/^ID \(KATO where known\);Name \(Kazakh\);/);
    expect(text(buildExport(model, people({ context: { ...req.context, lang: 'en' }, csv: { delimiter: ';', decimalComma: false } }))[0].bytes)).toContain('East Kazakhstan');
  });

  it('.xlsx for people: Kazakh headers, numbers stay numbers with a fixed format', async () => {
    const [x] = await buildXlsx(model, people({ kind: 'xlsx' }));
    const wb = read(x.bytes, { type: 'array', cellNF: true });
    const sheet = wb.Sheets.settlements;
    const rows = utils.sheet_to_json<Record<string, unknown>>(sheet);
    expect(Object.keys(rows[0])).toContain('Облыс');
    expect(typeof rows[0]['Жалпы балл']).toBe('number');
    const header = utils.sheet_to_json<unknown[]>(sheet, { header: 1 })[0] as string[];
    const c = header.indexOf('Жалпы балл');
    expect(sheet[utils.encode_cell({ r: 1, c })].z).toBe('0.0');
  });

  it('GeoJSON keeps the codes and adds the names', () => {
    const [gj] = buildExport(model, people({ kind: 'geojson' }));
    const p = JSON.parse(text(gj.bytes)).features[0].properties;
    expect(p.category).toBe('support');
    expect(p.category_name).toBe('Тірек');
    expect(p.oblast_name).not.toMatch(/^KZ-/);
    expect(typeof p.border_status_name).toBe('string');
  });

  it('FlatGeobuf keeps the codes and adds the names', async () => {
    const [fgb] = buildExport(model, people({ kind: 'fgb' }));
    const p = (await readFgb(fgb.bytes)).features[0].properties;
    expect(p.category).toBe('support');
    expect(p.category_name).toBe('Тірек');
    expect(String(p.oblast_name)).toMatch(/облысы$/);
  });
});

describe('summary CSV for people', () => {
  it('Kazakh headers, the country and region names, the coverage with one decimal', () => {
    const [sum] = buildExport(model, { ...req, kind: 'summary-csv', csv: { delimiter: ';', decimalComma: true } });
    const rows = text(sum.bytes).slice(1).trim().split(/\r?\n/).map((l) => l.split(';'));
    expect(rows[0].slice(0, 4)).toEqual(['Деңгей', 'Облыс не аудан', 'Елді мекендер', 'Қалалар']);
    expect(rows[0]).toContain('Елді мекендер: Тірек');
    expect(rows[1].slice(0, 2)).toEqual(['Ел', 'Қазақстан']);
    expect(rows.slice(2).map((r) => r[1])).toContain('Шығыс Қазақстан облысы');
    expect(rows.slice(1).every((r) => /^(\d+,\d)?$/.test(r.at(-1)!))).toBe(true);
  });
});
