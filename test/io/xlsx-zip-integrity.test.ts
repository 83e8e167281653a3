// Issue 22 items 1–3 on files made here: workbooks with a title row, an empty first sheet, merged cells, formulas
// without a saved value, dates in numeric columns, hidden rows; damaged archives (one changed byte, a directory
// that understates sizes, encrypted entries, missing parts); damaged text in FlatGeobuf and DBF records; DBF field
// names that collide once cut to 10 characters. Verdict of each: read right, or refused with a clear problem.
import { describe, expect, it } from 'vitest';
import { utils, write, type WorkSheet } from '@e965/xlsx';
import { unzipSync, zipSync } from 'fflate';
import { readRegister, readTable } from '../../src/lib/io/formats.ts';
import { writeFgb } from '../../src/lib/io/fgb.ts';
import { listZip } from '../../src/lib/io/zip.ts';
import { problemMessage, type Problem } from '../../src/lib/io/problems.ts';
import { preset } from '../../src/lib/engine/config/presets.ts';
import { mulberry32 } from '../../data/seeded-random.ts';
import { pointShapefileZip } from './shapefile-writer.ts';

const cfg = preset('2019');
const HEADER = ['id', 'name_ru', 'lat', 'lon', 'district', 'population', 'share_young_pct'];

function workbook(sheets: [string, WorkSheet][], opts: { sst?: boolean; compression?: boolean } = {}): Uint8Array {
  const wb = utils.book_new();
  for (const [name, ws] of sheets) utils.book_append_sheet(wb, ws, name);
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', bookSST: opts.sst ?? false, compression: opts.compression ?? true }));
}

/** Rewrites the archive with some parts changed (string: new XML; null: removed). */
function patchZip(bytes: Uint8Array, parts: Record<string, string | null | ((xml: string) => string)>): Uint8Array {
  const files = unzipSync(bytes);
  for (const [name, change] of Object.entries(parts)) {
    if (change === null) delete files[name];
    else files[name] = new TextEncoder().encode(typeof change === 'function' ? change(new TextDecoder().decode(files[name])) : change);
  }
  return zipSync(files);
}

const codes = (problems: Problem[]) => problems.map((p) => [p.row, p.column, p.code]);

describe('xlsx: header row and sheet', () => {
  // Sheet 1 empty; sheet 2 "Реестр": a title on row 1, a blank row 2, the header on row 3.
  const register = utils.aoa_to_sheet([
    ['Реестр сельских населённых пунктов, 2024'],
    [],
    HEADER,
    ['kz1', 'Аксу', 52.04, 76.92, 'Аксуский', 1200, 12.5],
    ['kz2', 'Косшы', 51.1, 71.4, 'Целиноградский', 900, 20],
  ]);
  const bytes = workbook([['Пусто', utils.aoa_to_sheet([])], ['Реестр', register]]);

  it('reads the first sheet with rows and finds the header under a title, saying both', async () => {
    const r = await readRegister(bytes, 'r.xlsx', cfg);
    expect(r.settlements.map((s) => [s.id, s.district, s.population])).toEqual([['kz1', 'Аксуский', 1200], ['kz2', 'Целиноградский', 900]]);
    expect(r.workbook).toMatchObject({ sheets: ['Пусто', 'Реестр'], sheet: 'Реестр', headerRow: 3, headerFound: 'detected' });
    // Rows are sheet rows: the data starts on row 4.
    const t = await readTable(bytes, 'r.xlsx');
    expect(t.table.rows).toEqual([4, 5]);
    const chosen = r.problems.find((p) => p.code === 'sheet_chosen')!;
    const header = r.problems.find((p) => p.code === 'header_row_found')!;
    expect(problemMessage(chosen, 'en')).toBe('sheet "Пусто" has no rows: read sheet 2 "Реестр"');
    expect(problemMessage(header, 'kk')).toContain('3-жолында');
    expect(problemMessage(header, 'ru')).toContain('в строке 3');
    expect([chosen.severity, header.severity]).toEqual(['warning', 'warning']);
    expect(r.rejectedRows).toEqual([]);
  });

  it('takes the sheet (name or 1-based index) and header row asked for; refuses ones that do not exist', async () => {
    const byIndex = await readTable(bytes, 'r.xlsx', undefined, undefined, { sheet: 2, headerRow: 3 });
    expect(byIndex.workbook).toMatchObject({ sheet: 'Реестр', headerRow: 3, headerFound: 'given' });
    expect(byIndex.notices).toEqual([]);
    expect(byIndex.table.header).toEqual(HEADER);
    // Sheet 1 asked for: it is empty.
    await expect(readTable(bytes, 'r.xlsx', undefined, undefined, { sheet: 'Пусто' })).rejects.toMatchObject({ problem: { code: 'file_empty' } });
    await expect(readTable(bytes, 'r.xlsx', undefined, undefined, { sheet: 'Лист9' })).rejects.toMatchObject({ problem: { code: 'sheet_not_found', params: { sheets: '1 "Пусто", 2 "Реестр"' } } });
    await expect(readTable(bytes, 'r.xlsx', undefined, undefined, { sheet: 'реестр', headerRow: 40 })).rejects.toMatchObject({ problem: { code: 'header_row_invalid', params: { row: 40, rows: 5 } } });
    // The title row as header: the register columns are missing (said in the header's row).
    await expect(readRegister(bytes, 'r.xlsx', cfg, { headerRow: 1 })).rejects.toMatchObject({ problem: { code: 'missing_columns', row: 1 } });
  });
});

describe('xlsx: cells', () => {
  // Rows 2–4 share a merged district (B2:B4) and a merged population (E2:E4); row 5: a formula without a saved
  // value; row 6: a date in population, a number stored as text with a decimal comma, and hidden.
  const rows = [
    ['id', 'district', 'lat', 'lon', 'population', 'share_young_pct', 'name_ru'],
    ['a', 'Зайсанский', 47.47, 84.87, 3000, '12,5', 'Зайсан'],
    ['b', null, 47.5, 84.9, null, 10, 'Карабулак'],
    ['c', null, 47.6, 84.95, null, 11, 'Кенсай'],
    ['d', 'Тарбагатайский', 47.8, 83.9, 800, 9, 'Акжар'],
    ['e', 'Тарбагатайский', 47.9, 83.8, 700, '7,5', 'Ойшилик'],
  ];
  const ws = utils.aoa_to_sheet(rows);
  ws['!merges'] = [{ s: { r: 1, c: 1 }, e: { r: 3, c: 1 } }, { s: { r: 1, c: 4 }, e: { r: 3, c: 4 } }];
  ws.F5 = { t: 'n', f: 'F4*2' } as never; // no cached value
  ws.F4 = { t: 'n', v: 11, f: 'F3+1' } as never; // cached value 11
  ws.E6 = { t: 'n', v: 45000, z: 'dd.mm.yyyy' } as never; // a date (2023-03-15) in population
  ws['!rows'] = [undefined, undefined, undefined, undefined, undefined, { hidden: true }] as never;
  // As Excel writes a formula it never calculated: no type, no value.
  const bytes = patchZip(workbook([['Sheet1', ws]]), { 'xl/worksheets/sheet1.xml': (xml) => xml.replace('t="e"><f>', '><f>') });

  it('merged ranges are reported and left empty by default; formulas and dates become listed cell problems', async () => {
    const r = await readRegister(bytes, 'r.xlsx', cfg);
    expect(r.settlements.map((s) => [s.id, s.district, s.population, s.indicators.share_young_pct])).toEqual([
      ['a', 'Зайсанский', 3000, 12.5],
      ['b', null, null, 10],
      ['c', null, null, 11], // the formula's saved value
      ['d', 'Тарбагатайский', 800, null], // formula without a value: no data, row kept
      ['e', 'Тарбагатайский', null, 7.5], // a date in population: no data; "7,5" read with the file's decimal comma
    ]);
    expect(codes(r.problems.filter((p) => p.row > 1))).toEqual([
      [2, 'district', 'merged_cells'],
      [2, 'population', 'merged_numeric'],
      [5, 'share_young_pct', 'formula_no_value'],
      [6, '', 'hidden_rows'],
      [6, 'population', 'date_in_numeric'],
    ]);
    expect(r.problems.find((p) => p.code === 'formula_no_value')!.value).toBe('=F4*2');
    expect(r.problems.find((p) => p.code === 'date_in_numeric')!.value).toBe('2023-03-15');
    expect(r.workbook!.merged).toEqual([
      { range: 'B2:B4', column: 'district', rows: [2, 4], filled: false, numeric: false },
      { range: 'E2:E4', column: 'population', rows: [2, 4], filled: false, numeric: true },
    ]);
    expect(r.workbook!.hiddenRows).toEqual([6]);
    expect(r.rejectedRows).toEqual([]);
    expect(problemMessage(r.problems.find((p) => p.code === 'merged_cells')!, 'kk')).toContain('төмен толтыру');
  });

  it('fill down repeats the first cell of merged text ranges, never of numbers', async () => {
    const r = await readRegister(bytes, 'r.xlsx', cfg, { fillDown: true });
    expect(r.settlements.map((s) => [s.id, s.district, s.population])).toEqual([
      ['a', 'Зайсанский', 3000], ['b', 'Зайсанский', null], ['c', 'Зайсанский', null], ['d', 'Тарбагатайский', 800], ['e', 'Тарбагатайский', null],
    ]);
    expect(codes(r.problems.filter((p) => p.code.startsWith('merged')))).toEqual([[2, 'district', 'merged_filled'], [2, 'population', 'merged_numeric']]);
  });
});

/** Offsets of an entry's data in the archive. */
function entrySpan(bytes: Uint8Array, name: string): [number, number] {
  const e = listZip(bytes).find((x) => x.name === name)!;
  const dv = new DataView(bytes.buffer, bytes.byteOffset);
  const start = e.offset + 30 + dv.getUint16(e.offset + 26, true) + dv.getUint16(e.offset + 28, true);
  return [start, start + e.compressedSize];
}

/** Sets a field of an entry in both the central directory and its local header. */
function setEntryField(bytes: Uint8Array, name: string, field: 'flags' | 'size', value: number): Uint8Array {
  const out = bytes.slice();
  const dv = new DataView(out.buffer);
  const e = listZip(out).find((x) => x.name === name)!;
  const dec = new TextDecoder();
  for (let p = 0; p + 46 < out.length; p++) {
    if (dv.getUint32(p, true) !== 0x02014b50) continue;
    if (dec.decode(out.subarray(p + 46, p + 46 + dv.getUint16(p + 28, true))) !== name) continue;
    if (field === 'flags') dv.setUint16(p + 8, value, true);
    else dv.setUint32(p + 24, value, true);
  }
  if (field === 'flags') dv.setUint16(e.offset + 6, value, true);
  else dv.setUint32(e.offset + 22, value, true);
  return out;
}

describe('zip integrity', () => {
  const sheet = utils.aoa_to_sheet([HEADER, ['kz1', 'Аксу', 52.04, 76.92, 'Аксуский', 1200, 12.5]]);

  it('one changed byte in an .xlsx is refused naming the entry (stored and deflated), never read with altered values', async () => {
    const stored = workbook([['r', sheet]], { compression: false });
    const at = new TextDecoder('latin1').decode(stored).indexOf('<v>1200</v>') + 4;
    const altered = stored.slice();
    altered[at] = '9'.charCodeAt(0); // 1200 → 1900
    await expect(readRegister(altered, 'r.xlsx', cfg)).rejects.toMatchObject({ problem: { code: 'zip_crc', params: { entry: 'xl/worksheets/sheet1.xml' } } });
    const deflated = workbook([['r', sheet]]);
    const [start, end] = entrySpan(deflated, 'xl/worksheets/sheet1.xml');
    const r = mulberry32(22);
    for (let k = 0; k < 25; k++) {
      const copy = deflated.slice();
      const i = start + Math.floor(r() * (end - start));
      copy[i] ^= 1 + Math.floor(r() * 255);
      await expect(readRegister(copy, 'r.xlsx', cfg), `byte ${i}`).rejects.toMatchObject({ problem: { params: { entry: 'xl/worksheets/sheet1.xml' } } });
    }
  });

  it('a directory that understates a size is refused as soon as the output passes it, reading as over the limit', async () => {
    // A DBF part of 2 MB (4:1 compressible) declared as 1,000 bytes.
    const r = mulberry32(7);
    const big = new Uint8Array(2 * 2 ** 20).map(() => 0x41 + Math.floor(r() * 4));
    const zip = zipSync({ 'r.shp': new Uint8Array(100), 'r.dbf': big });
    const lying = setEntryField(zip, 'r.dbf', 'size', 1000);
    const error = await readRegister(lying, 'r.zip', cfg).catch((e) => e);
    expect(error.problem).toMatchObject({ code: 'zip_size_mismatch', params: { entry: 'r.dbf', size: 1000 } });
    expect(problemMessage(error.problem, 'en')).toBe('refused: "r.dbf" expands beyond the 1,000 bytes the zip directory declares (a damaged or forged archive)');
    // The archive-wide limit, from the directory: said as "beyond the limit", with the limit grouped.
    const stored = zipSync({ 'xl/workbook.xml': new Uint8Array(10) }, { level: 0 });
    const huge = await readTable(setEntryField(stored, 'xl/workbook.xml', 'size', 2 ** 31), 'r.xlsx').catch((e) => e);
    expect(huge.problem.code).toBe('zip_bomb');
    expect(problemMessage(huge.problem, 'en')).toBe('refused: the archive expands beyond the limit of 1,073,741,824 bytes');
    expect(problemMessage(huge.problem, 'ru')).toBe('отклонено: архив распаковывается больше предела в 1\u00a0073\u00a0741\u00a0824 байт');
  });

  it('encrypted entries and missing parts are refused by name', async () => {
    const bytes = workbook([['r', sheet]], { sst: true });
    await expect(readTable(setEntryField(bytes, 'xl/worksheets/sheet1.xml', 'flags', 1), 'r.xlsx')).rejects.toMatchObject({ problem: { code: 'zip_encrypted', params: { entry: 'xl/worksheets/sheet1.xml' } } });
    await expect(readTable(patchZip(bytes, { 'xl/workbook.xml': null }), 'r.xlsx')).rejects.toMatchObject({ problem: { code: 'xlsx_part_missing', params: { part: 'xl/workbook.xml' } } });
    const noStrings = await readTable(patchZip(bytes, { 'xl/sharedStrings.xml': null }), 'r.xlsx').catch((e) => e);
    expect(noStrings.problem).toMatchObject({ code: 'xlsx_part_missing', params: { part: 'xl/sharedStrings.xml', sheet: 'xl/worksheets/sheet1.xml' } });
    expect(problemMessage(noStrings.problem, 'en')).toContain('refers to its shared texts');
    // A zipped Shapefile needs its .dbf as much as its .shp.
    const shp = unzipSync(pointShapefileZip([{ x: 76.9, y: 52, props: { id: 'a', name_ru: 'Аксу' } }], { encode: (s) => new TextEncoder().encode(s), cpg: 'UTF-8' }));
    delete shp['r.dbf'];
    await expect(readRegister(zipSync(shp), 'r.zip', cfg)).rejects.toMatchObject({ problem: { code: 'shp_missing', params: { part: '.dbf' } } });
  });
});

describe('damaged text and truncated DBF names', () => {
  const features = (names: string[]) => ({
    type: 'FeatureCollection' as const,
    features: names.map((name, i) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [76.9 + i / 10, 52] }, properties: { id: `k${i + 1}`, name_ru: name } })),
  });

  it('FlatGeobuf text with control bytes or invalid UTF-8 is a problem of that feature and field', async () => {
    const fgb = writeFgb(features(['Аксу', 'K\u0000-PAV', 'KZX', 'Tab\tok']));
    const at = new TextDecoder('latin1').decode(fgb).indexOf('KZX') + 1;
    fgb[at] = 0xff; // KZX → K\xFFX: not UTF-8
    const r = await readRegister(fgb, 'r.fgb', cfg);
    expect(r.settlements.map((s) => s.id)).toEqual(['k1', 'k4']);
    expect(r.problems.map((p) => [p.row, p.column, p.code, p.value])).toEqual([...ALL_ABSENT.map((c) => [0, c, 'column_absent', '']), [2, 'name_ru', 'text_control_chars', 'K\\u0000-PAV'], [3, 'name_ru', 'text_invalid_utf8', 'K\uFFFDX']]);
    expect(r.rejectedRows).toEqual([2, 3]);
  });

  it('DBF text with control bytes or invalid UTF-8 is a problem of that record and field (parsedbf would drop the NUL)', async () => {
    const points = ['Аксу', 'K\u0000-PAV', 'BAD', 'Ok'].map((name, i) => ({ x: 76.9 + i / 10, y: 52, props: { id: `k${i + 1}`, name_ru: name } }));
    const encode = (s: string) => (s === 'BAD' ? Uint8Array.from([0x42, 0xc3, 0x28]) : new TextEncoder().encode(s));
    const r = await readRegister(pointShapefileZip(points, { encode, cpg: 'UTF-8' }), 'r.zip', cfg);
    expect(r.settlements.map((s) => s.id)).toEqual(['k1', 'k4']);
    expect(r.problems.map((p) => [p.row, p.column, p.code])).toEqual([...ALL_ABSENT.map((c) => [0, c, 'column_absent']), [2, 'name_ru', 'text_control_chars'], [3, 'name_ru', 'text_invalid_utf8']]);
  });

  it('DBF field names that collide once cut to 10 characters are refused naming both fields', async () => {
    const points = [{ x: 76.9, y: 52, props: { id: 'a', name_ru: 'Аксу', population: '1200', population_growth_pct: '2.5' } }];
    const error = await readRegister(pointShapefileZip(points, { encode: (s) => new TextEncoder().encode(s), cpg: 'UTF-8' }), 'r.zip', cfg).catch((e) => e);
    expect(error.problem).toMatchObject({ code: 'dbf_duplicate_field', params: { first: 3, second: 4, name: 'population' } });
    expect(problemMessage(error.problem, 'en')).toBe('DBF fields 3 and 4 are both named "population" (the format cuts names to 10 characters, e.g. population_growth_pct becomes population): rename one and export again');
  });
});

describe('one changed byte anywhere in an archive: refused, or read exactly as the original', () => {
  /** Flips one byte at each of `n` seeded positions; every outcome is a refusal with a problem, or the original
   *  rows and values (a byte the readers never use), never an uncaught error or altered values. */
  async function flips(bytes: Uint8Array, filename: string, n: number, seed: number) {
    const summary = (r: Awaited<ReturnType<typeof readRegister>>) => JSON.stringify(r.settlements);
    const original = summary(await readRegister(bytes, filename, cfg));
    const random = mulberry32(seed);
    const outcome = { refused: 0, same: 0, altered: [] as number[], uncaught: [] as string[] };
    for (let k = 0; k < n; k++) {
      const copy = bytes.slice();
      const at = Math.floor(random() * copy.length);
      copy[at] ^= 1 + Math.floor(random() * 255);
      try {
        if (summary(await readRegister(copy, filename, cfg)) === original) outcome.same++;
        else outcome.altered.push(at);
      } catch (e) {
        if ((e as { problem?: unknown }).problem) outcome.refused++;
        else outcome.uncaught.push(`${at}: ${(e as Error).message}`);
      }
    }
    return outcome;
  }

  it('.xlsx', async () => {
    const sheet = utils.aoa_to_sheet([HEADER, ...Array.from({ length: 30 }, (_, i) => [`kz${i}`, `Ауыл ${i}`, 45 + i / 10, 70 + i / 10, 'Аудан', 100 * i, i])]);
    const o = await flips(workbook([['r', sheet]], { sst: true }), 'r.xlsx', 400, 3);
    expect(o.uncaught).toEqual([]);
    expect(o.altered).toEqual([]);
    expect(o.refused).toBeGreaterThan(300);
  });

  it('zipped Shapefile', async () => {
    const points = Array.from({ length: 30 }, (_, i) => ({ x: 70 + i / 10, y: 45 + i / 10, props: { id: `kz${i}`, name_ru: `Ауыл ${i}` } }));
    const o = await flips(pointShapefileZip(points, { encode: (s) => new TextEncoder().encode(s), cpg: 'UTF-8' }), 'r.zip', 400, 4);
    expect(o.uncaught).toEqual([]);
    expect(o.altered).toEqual([]);
    // The .shx (not read: records follow the .shp) and unused header bytes leave the result as it was.
    expect(o.refused).toBeGreaterThan(250);
  });
});

/** The 2019 preset's columns a register of ids, names and places lacks: each one problem on the header row. */
const ALL_ABSENT = ['population', 'share_young_pct', 'net_migration_per_1000', 'population_growth_pct', 'has_central_water', 'has_paved_road', 'has_school', 'has_kindergarten', 'has_medical_facility', 'has_internet', 'employment_rate_pct', 'employment_growth_pct', 'livestock_units_per_household', 'arable_ha_per_capita', 'km_to_railway'];

describe('CSV: header under a title', () => {
  const csv = ['Реестр сельских населённых пунктов;;;', ';;;', 'id;name_ru;lat;lon;population', 'kz1;Аксу;52,04;76,92;1200', 'kz2;Косшы;51,1;71,4;-3', ''].join('\r\n');
  const bytes = new TextEncoder().encode(csv);

  it('is found, said, and line numbers stay those of the file', async () => {
    const r = await readRegister(bytes, 'r.csv', cfg, { invalidCells: 'refuse-row' });
    expect(r.settlements.map((s) => [s.id, s.lat, s.population])).toEqual([['kz1', 52.04, 1200]]);
    const absent = ALL_ABSENT.filter((c) => c !== 'population').map((c) => [3, c, 'column_absent']);
    expect(codes(r.problems)).toEqual([...absent, [3, '', 'header_row_found'], [5, 'population', 'negative']]);
    expect(problemMessage(r.problems.find((p) => p.code === 'header_row_found')!, 'en')).toBe('header on line 3; the line(s) above (a title) were skipped');
    // Asked for: no notice; a line past the end is refused.
    const t = await readTable(bytes, 'r.csv', undefined, undefined, { headerRow: 3 });
    expect([t.table.headerRow, t.table.rows, t.notices]).toEqual([3, [4, 5], []]);
    await expect(readTable(bytes, 'r.csv', undefined, undefined, { headerRow: 9 })).rejects.toMatchObject({ problem: { code: 'header_row_invalid', params: { row: 9 } } });
    // A plain file is read as before: header on line 1, no notice.
    const plain = await readTable(new TextEncoder().encode(csv.split('\r\n').slice(2).join('\r\n')), 'r.csv');
    expect([plain.table.headerRow, plain.table.rows, plain.notices]).toEqual([1, [2, 3], []]);
  });
});
