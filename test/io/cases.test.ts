// The io layer case by case, with expectations worked out by hand: CSV shape problems and line numbers, encodings,
// decimal conventions, plausibility by value kind, the Kazakhstan outline and swapped coordinates, damaged
// FlatGeobuf and GeoJSON, and the writers (formula neutralisation, empty outputs, Excel flavour).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsv, writeCsv, csvCell, CsvWriter, numberCell, stripFormulaGuard } from '../../src/lib/io/csv.ts';
import { Bytes } from '../../src/lib/io/assessment-csv.ts';
import { assessmentColumns, assessmentRow } from '../../src/lib/io/assessment-record.ts';
import { mulberry32 } from '../../data/seeded-random.ts';
import { decodeText, encodeSingleByte } from '../../src/lib/io/text.ts';
import { detectDecimal, parseNumberCell } from '../../src/lib/io/numbers.ts';
import { readRegister, writeAssessments } from '../../src/lib/io/formats.ts';
import { readFgb, readFgbFeatures, safeTreeSize, writeFgb } from '../../src/lib/io/fgb.ts';
import { Outline } from '../../src/lib/io/outline.ts';
import { formatProblem, LANGS, problemMessage, RegisterFileError } from '../../src/lib/io/problems.ts';
import { preset } from '../../src/lib/engine/config/presets.ts';
import { assessTable } from '../../src/lib/engine/assess.ts';
import { RegisterColumns } from '../../src/lib/engine/columns.ts';
import { bordersFromFgb, placesFromFgb } from '../../src/lib/io/embedded.ts';
import { buildHeader } from 'flatgeobuf/lib/mjs/generic/featurecollection.js';
import { magicbytes } from 'flatgeobuf/lib/mjs/constants.js';

const cfg = preset('2019');
const enc = (s: string) => new TextEncoder().encode(s);
const outline = new Outline(readFgbFeatures(new Uint8Array(fs.readFileSync('public/data/kazakhstan.fgb'))).features.filter((f) => f !== null));
const HEAD = 'id,name_ru,lat,lon';
/** The problems of rows and cells (the header's absent indicator columns are tested in text-damage.test.ts). */
const rowProblems = <P extends { code: string }>(r: { problems: P[] }) => r.problems.filter((p) => p.code !== 'column_absent');
const codes = (r: { problems: { row: number; column: string; code: string }[] }) => rowProblems(r).map((p) => `${p.row}:${p.column}:${p.code}`);

describe('CSV rows', () => {
  it('counts physical lines through quoted line breaks', () => {
    const t = readCsv('a,b\n1,"two\nlines"\n3,"x"\n\n4,"three\nmore\nlines"\n5,y\n');
    expect(t.lines).toEqual([2, 4, 6, 9]);
    expect(t.columns[1]!.toArray()).toEqual(['two\nlines', 'x', 'three\nmore\nlines', 'y']);
    expect(t.rowsRead).toBe(4);
  });

  it('reports a field-count mismatch and keeps the other rows; trailing empty fields are fine', () => {
    const t = readCsv('a;b;c\r\n1;2;3\r\n1;2\r\n1;2;3;4\r\n5;6;7;;\r\n');
    expect(t.lines).toEqual([2, 5]);
    expect(t.problems.map((p) => [p.row, p.code, p.params])).toEqual([
      [3, 'field_count', { found: 2, expected: 3 }],
      [4, 'field_count', { found: 4, expected: 3 }],
    ]);
    expect(t.delimiter).toBe(';');
  });

  it('resyncs after an unclosed quote at the next line', () => {
    const t = readCsv('a,b\n1,"oops\n2,3\n4,5\n');
    expect(t.problems.map((p) => [p.row, p.code])).toEqual([[2, 'unbalanced_quote']]);
    expect(t.lines).toEqual([3, 4]);
    expect(t.columns[0]!.toArray()).toEqual(['2', '4']);
  });

  it('a stray quote that would swallow lines into a wrong-shaped record is reported on its line', () => {
    const t = readCsv('a,b,c\n1,"x,2\n3,"y",4\n5,6,7\n');
    expect(t.problems[0]).toMatchObject({ row: 2, code: 'unbalanced_quote' });
    expect(t.lines).toContain(4);
    expect(t.rowsRead).toBe(t.lines.length + t.problems.length);
  });

  it('a last row cut short is reported as truncated', () => {
    const t = readCsv('a,b,c\n1,2,3\n4,5');
    expect(t.problems.map((p) => [p.row, p.code, p.params])).toEqual([[3, 'truncated_row', { found: 2, expected: 3 }]]);
  });

  it('header only, empty text and blank lines give no rows and no exception', () => {
    expect(readCsv('').header).toEqual([]);
    expect(readCsv('a,b\n').rowsRead).toBe(0);
    expect(readCsv('\n\na,b\n\n\n1,2').lines).toEqual([6]);
  });
});

describe('encodings', () => {
  const text = 'id,name_kk,name_ru\n1,Қарабұлақ,Карабулак\n2,Өскемен,Усть-Каменогорск\n';
  it('UTF-8 with and without BOM', () => {
    expect(decodeText(enc(text))).toMatchObject({ text, encoding: 'utf-8', bom: false });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...enc(text)]))).toMatchObject({ text, encoding: 'utf-8', bom: true });
  });
  it('UTF-8 with a few invalid bytes stays UTF-8 (the bad bytes become U+FFFD and are counted)', () => {
    const bytes = enc(text);
    const bad = Uint8Array.from([...bytes.slice(0, 25), 0xff, 0xfe, ...bytes.slice(25)]);
    const d = decodeText(bad);
    expect(d.encoding).toBe('utf-8');
    expect(d.invalid).toBe(2);
    expect(d.text).toContain('Өскемен');
  });
  it('UTF-16 LE and BE, with and without BOM', () => {
    const le = new Uint8Array(text.length * 2);
    const be = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      le[2 * i] = c & 0xff;
      le[2 * i + 1] = c >> 8;
      be[2 * i] = c >> 8;
      be[2 * i + 1] = c & 0xff;
    }
    expect(decodeText(Uint8Array.from([0xff, 0xfe, ...le]))).toMatchObject({ text, encoding: 'utf-16le' });
    expect(decodeText(Uint8Array.from([0xfe, 0xff, ...be]))).toMatchObject({ text, encoding: 'utf-16be' });
    expect(decodeText(le)).toMatchObject({ text, encoding: 'utf-16le' });
    expect(decodeText(be)).toMatchObject({ text, encoding: 'utf-16be' });
  });
  it('KZ-1048 keeps Kazakh letters; Windows-1251 and CP866 Russian text are told apart', () => {
    expect(decodeText(encodeSingleByte(text, 'kz-1048'))).toMatchObject({ text, encoding: 'kz-1048' });
    const ru = 'id,name_ru\n1,Карабулак\n2,Усть-Каменогорск\n3,Щучинск\n';
    expect(decodeText(encodeSingleByte(ru, 'windows-1251'))).toMatchObject({ text: ru, encoding: 'windows-1251' });
    expect(decodeText(encodeSingleByte(ru, 'ibm866'))).toMatchObject({ text: ru, encoding: 'ibm866' });
    // Byte by byte from the KZ-1048 table: 0xAA Ғ, 0x8D Қ, 0xA1 Ұ, 0xA3 Ә, 0xAF Ү, 0xB3 і.
    expect(decodeText(Uint8Array.from([0xaa, 0x8d, 0xa1, 0xa3, 0xaf, 0xb3, 0xe0, 0xf3, 0xeb])).text).toBe('ҒҚҰӘҮіаул');
  });
  it('"?" in place of Kazakh letters (saved as 1251) is warned once per column, rows kept', async () => {
    const bytes = encodeSingleByte('id,name_kk,name_ru,lat,lon\n1,Қарабұлақ,Карабулак,44.9,78.5\n2,Ақсу,Аксу,52.04,76.92\n', 'windows-1251');
    const r = await readRegister(bytes, 'r.csv', cfg);
    expect(r.encoding).toBe('windows-1251');
    expect(r.settlements.length).toBe(2);
    expect(rowProblems(r)).toEqual([{ row: 2, column: 'name_kk', value: '?араб?ла?', code: 'question_marks', params: { count: 2 }, severity: 'warning' }]);
  });
});

describe('numbers', () => {
  it('detects the decimal convention per file and flags ambiguous values', () => {
    expect(detectDecimal(['1,5', '2'])).toBe('comma');
    expect(detectDecimal(['1.25', '1,234.5'])).toBe('point');
    expect(detectDecimal(['1 234,5'])).toBe('comma');
    expect(detectDecimal(['1.234', '2,345'])).toBe('unknown');
    expect(parseNumberCell('1.234', 'comma').value).toBe(1234);
    expect(parseNumberCell('1,234', 'point').value).toBe(1234);
    expect(parseNumberCell('1 234,5', 'unknown').value).toBe(1234.5);
    expect(parseNumberCell('1.234.567,25', 'unknown').value).toBe(1234567.25);
    expect({ ...parseNumberCell('1,234', 'unknown') }).toEqual({ value: 1.234, alternative: 1234 });
    expect(parseNumberCell('нет данных', 'point').value).toBeNull();
    expect(parseNumberCell('Нет данных', 'point').value).toBeNull();
    expect(parseNumberCell('12abc', 'point').value).toBeUndefined();
  });

  it('reads "1.234" as a thousands group in a decimal-comma file, and warns when the file does not decide', async () => {
    const comma = await readRegister(enc('id;name_ru;lat;lon;population;share_young_pct\n1;A;51,1;71,4;1.234;12,5\n'), 'r.csv', cfg);
    expect(comma.decimal).toBe('comma');
    expect(comma.settlements[0]).toMatchObject({ lat: 51.1, lon: 71.4, population: 1234 });
    const unknown = await readRegister(enc('id,name_ru,lat,lon,arable_ha_per_capita\n1,A,51,71,"1,234"\n'), 'r.csv', cfg);
    expect(unknown.decimal).toBe('unknown');
    expect(rowProblems(unknown)).toEqual([{ row: 2, column: 'arable_ha_per_capita', value: '1,234', code: 'decimal_ambiguous', params: { value: '1,234', a: 1.234, b: 1234, count: 1 }, severity: 'warning' }]);
  });
});

describe('plausibility by value kind', () => {
  it('counts whole, flags 0/1, percentages 0–100, no negative distances, booleans not in numbers, «нет данных» = no data', async () => {
    const csv = `${HEAD},population,has_school,share_young_pct,km_to_railway,net_migration_per_1000\n` +
      '1,A,50,70,100.5,1,50,3,-4\n' + // population not whole
      '2,B,50,70,100,2,50,3,-4\n' + // flag 2
      '3,C,50,70,100,1,101,3,-4\n' + // percentage > 100
      '4,D,50,70,100,1,50,-3,-4\n' + // negative distance
      '5,E,50,70,да,1,50,3,-4\n' + // boolean in a count
      '6,F,50,70,нет данных,да,нет данных,3,-12.5\n'; // fine: no data, yes, a negative rate
    const r = await readRegister(enc(csv), 'r.csv', cfg, { invalidCells: 'refuse-row' });
    expect(codes(r)).toEqual(['2:population:not_integer', '3:has_school:not_flag', '4:share_young_pct:out_of_range', '5:km_to_railway:negative', '6:population:boolean_in_numeric']);
    expect(r.settlements.map((s) => s.id)).toEqual(['6']);
    expect(r.settlements[0]).toMatchObject({ population: null, indicators: { has_school: 1, share_young_pct: null, net_migration_per_1000: -12.5 } });
  });

  it('lat/lon range, outside Kazakhstan, swapped (error, or fixed with fixSwapped)', async () => {
    // Astana 51.17 / 71.43; swapped it reads lat 71.43, lon 51.17 (the Barents Sea); Moscow 55.75 / 37.62.
    const csv = `${HEAD}\na,Astana,51.17,71.43\nb,Swapped,71.43,51.17\nc,Moscow,55.75,37.62\nd,Bad,91,71\ne,Bad lon,51,181\n`;
    const r = await readRegister(enc(csv), 'r.csv', cfg, { outline });
    expect(codes(r)).toEqual(['3:lat:swapped_lat_lon', '4:lat:outside_kazakhstan', '5:lat:out_of_range', '6:lon:out_of_range']);
    expect(rowProblems(r)[1].params.km).toBeGreaterThan(400);
    const fixed = await readRegister(enc(csv), 'r.csv', cfg, { outline, fixSwapped: true });
    expect(fixed.settlements.find((s) => s.id === 'b')).toMatchObject({ lat: 51.17, lon: 71.43 });
    expect(rowProblems(fixed)[0]).toMatchObject({ row: 3, code: 'swapped_fixed', severity: 'warning' });
  });

  it('the outline: inside 0, a few km over the border accepted, far outside measured', () => {
    expect(outline.kmOutside(71.43, 51.17)).toBe(0);
    expect(outline.kmOutside(37.62, 55.75)).toBeGreaterThan(500); // Moscow: ~880 km from the Uralsk bulge
    // Khorgos crossing, on the China border: within 5 km either way.
    expect(outline.kmOutside(80.4, 44.2)).toBeLessThan(5);
  });

  it('unknown columns in one problem naming the closest known one; a duplicated column is an error; missing required columns too', async () => {
    const r = await readRegister(enc(`${HEAD},populaton,has_scool,colour\n1,A,50,70,1,1,x\n`), 'r.csv', cfg);
    expect(rowProblems(r).map((p) => [p.row, p.column, p.code, p.params])).toEqual([
      [1, '*', 'unknown_columns', { count: 3, names: 'populaton (→ population?), has_scool (→ has_school?), colour' }],
    ]);
    expect(r.settlements.length).toBe(1);
    await expect(readRegister(enc(`${HEAD},lat\n1,A,50,70,50\n`), 'r.csv', cfg)).rejects.toMatchObject({ problem: { code: 'duplicate_column', column: 'lat', params: { first: 3, second: 5 } } });
    await expect(readRegister(enc('name,x\nA,1\n'), 'r.csv', cfg)).rejects.toMatchObject({ problem: { code: 'missing_columns', params: { columns: 'id, lat, lon' } } });
  });
});

describe('FlatGeobuf and GeoJSON damage', () => {
  const fc = { type: 'FeatureCollection' as const, features: [1, 2, 3].map((i) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [70 + i, 50] }, properties: { id: `f${i}`, name_ru: `N${i}` } })) };

  it('an empty file with a spatial index does not hang (flatgeobuf 4.5.0 calcTreeSize(0) loops)', () => {
    expect(safeTreeSize(0, 16)).toBe(0);
    expect(safeTreeSize(1, 16)).toBe(2 * 40);
    expect(safeTreeSize(20, 16)).toBe(23 * 40);
    const empty = writeFgb({ type: 'FeatureCollection', features: [] }, ['id']);
    const read = readFgbFeatures(empty);
    expect(read.features).toEqual([]);
    expect(read.columns).toEqual(['id']);
    // An indexed header (indexNodeSize 16) with 0 features, as GDAL writes an empty layer.
    const header = buildHeader({ geometryType: 1, columns: null, envelope: null, featuresCount: 0, indexNodeSize: 16, crs: null, title: null, description: null, metadata: null } as never, 4326);
    const indexed = new Uint8Array([...magicbytes, ...header]);
    expect(readFgbFeatures(indexed)).toMatchObject({ features: [], declared: 0, problems: [] });
  });

  it('a truncated file keeps the features before the cut and reports the rest', async () => {
    const bytes = writeFgb(fc);
    const cut = bytes.subarray(0, bytes.length - 10);
    const read = readFgbFeatures(cut);
    expect(read.features.length).toBe(2);
    expect(read.problems).toEqual([{ row: 3, column: '*', value: '', code: 'fgb_truncated', params: { read: 2, declared: 3 }, severity: 'error' }]);
    const r = await readRegister(cut, 'r.fgb', cfg);
    expect(r.settlements.map((s) => s.id)).toEqual(['f1', 'f2']);
    expect(r.rowsIn).toBe(3);
    expect(r.rejectedRows).toEqual([3]);
    await expect(readFgb(cut)).rejects.toBeInstanceOf(RegisterFileError);
    await expect(readRegister(enc('fgb nope'), 'r.fgb', cfg)).rejects.toMatchObject({ problem: { code: 'not_fgb' } });
    await expect(readRegister(bytes.subarray(0, 20), 'r.fgb', cfg)).rejects.toMatchObject({ problem: { code: 'fgb_corrupt' } });
  });

  it('GeoJSON null features, null geometry and bad coordinates are rows with problems; the rest are read', async () => {
    const gj = { type: 'FeatureCollection', features: [fc.features[0], null, { type: 'Feature', geometry: null, properties: { id: 'x' } }, { type: 'Feature', geometry: { type: 'Point', coordinates: [null, 5] }, properties: {} }, { type: 'Feature', geometry: { type: 'Polygon', coordinates: [] }, properties: {} }, { type: 'Feature', geometry: null, properties: { id: 'p', name_ru: 'P', lat: 50, lon: 70 } }] };
    const r = await readRegister(enc(JSON.stringify(gj)), 'r.geojson', cfg);
    expect(rowProblems(r).map((p) => `${p.row}:${p.code}`)).toEqual(['2:not_feature', '3:no_geometry', '4:bad_geometry', '5:bad_geometry']);
    expect(r.settlements.map((s) => s.id)).toEqual(['f1', 'p']);
    expect(r.rowsIn).toBe(6);
    await expect(readRegister(enc('{"type":"FeatureCollection"'), 'r.geojson', cfg)).rejects.toMatchObject({ problem: { code: 'json_syntax' } });
    await expect(readRegister(enc('{"type":"Feature"}'), 'r.geojson', cfg)).rejects.toMatchObject({ problem: { code: 'not_feature_collection' } });
  });
});

describe('writers', () => {
  it('neutralises formulas (OWASP) unless the cell is a number, and the reader strips the guard back', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+7 701')).toBe("'+7 701");
    expect(csvCell('-12.5')).toBe('-12.5');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell(-3)).toBe('-3');
    const text = writeCsv(['a', 'b'], [{ a: '=1+1', b: "'=kept" }, { a: '-5', b: '@x' }]);
    const back = readCsv(text);
    expect(back.columns.map((c) => c!.toArray())).toEqual([['=1+1', '-5'], ["'=kept", '@x']]);
    expect(stripFormulaGuard("'-x")).toBe('-x');
  });

  it('Excel flavour: BOM, semicolons, decimal comma, CRLF', () => {
    const w = new CsvWriter(['a', 'b'], { excel: true });
    const bytes = [...w.chunks(1, () => [1.5, 'x;y'])][0];
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe('\uFEFFa;b\r\n1,5;"x;y"\r\n');
  });

  it('empty results write valid empty CSV, GeoJSON and FlatGeobuf', async () => {
    const table = assessTable(new RegisterColumns([]), cfg, { places: [], borders: await bordersFromFgb(new Uint8Array(fs.readFileSync('public/data/borders.fgb'))) });
    const csv = new TextDecoder().decode(writeAssessments(table, 'x.csv'));
    expect(csv.split('\n').length).toBe(2);
    expect(readCsv(csv).header[0]).toBe('id');
    expect(JSON.parse(new TextDecoder().decode(writeAssessments(table, 'x.geojson')))).toEqual({ type: 'FeatureCollection', features: [] });
    const fgb = readFgbFeatures(writeAssessments(table, 'x.fgb'));
    expect(fgb.features).toEqual([]);
    expect(fgb.columns).toContain('category');
  });
});

describe('settlements', () => {
  it('indicator values read like a record (JSON too), null for no data; an --excel export reads back', async () => {
    const r = await readRegister(enc(`${HEAD},has_school,share_young_pct\n1,A,51.17,71.43,1,\n`), 'r.csv', cfg);
    const ind = r.settlements[0].indicators;
    expect(ind.has_school).toBe(1);
    expect(ind.share_young_pct).toBeNull();
    expect(JSON.parse(JSON.stringify(ind))).toMatchObject({ has_school: 1, share_young_pct: null, employment_rate_pct: null });
    const table = assessTable(new RegisterColumns(r.settlements), cfg, { places: [], borders: await bordersFromFgb(new Uint8Array(fs.readFileSync('public/data/borders.fgb'))) });
    const excel = writeAssessments(table, 'x.csv', { excel: true });
    const back = await readRegister(excel, 'x.csv', cfg);
    expect(back.decimal).toBe('comma');
    expect(back.settlements[0]).toMatchObject({ id: '1', lat: 51.17, lon: 71.43 });
  });
});

describe('messages', () => {
  it('every problem code has a message in kk, ru and en', () => {
    const p = { row: 2, column: 'lat', value: 'x', code: 'not_number' as const, params: {}, severity: 'error' as const };
    expect(LANGS.map((l) => formatProblem(p, 'line', l))).toEqual(['line 2, column "lat", value "x": not a number', 'строка 2, столбец "lat", значение "x": не число', 'жол 2, баған "lat", мән "x": сан емес']);
    expect(problemMessage({ code: 'field_count', params: { found: 2, expected: 3 } }, 'kk')).toBe('2 өріс, ал тақырыпта 3');
  });
});

describe('assessment CSV from columns', () => {
  it('formats numbers exactly as numberCell does', () => {
    const out = new Bytes(1 << 16, 64);
    const r = mulberry32(7);
    const xs = [0, -0, 1, -1, 0.5, -0.001, 1e-7, 123456789.123, 2 ** 31, -(2 ** 31) + 0.5, 2 ** 53 + 2, 1e21, 1.5e300, 51.05217, 0.000001, 0.1 + 0.2, NaN, Infinity];
    for (let i = 0; i < 20_000; i++) {
      const d = Math.floor(r() * 8);
      xs.push(Math.round((r() - 0.3) * 10 ** (1 + (i % 9)) * 10 ** d) / 10 ** d, (r() - 0.5) * 10 ** (i % 12));
    }
    const dec = new TextDecoder();
    for (const comma of [false, true])
      for (const x of xs) {
        out.pos = 0;
        out.number(x, comma);
        expect(dec.decode(out.buf.subarray(0, out.pos))).toBe(numberCell(x, comma));
      }
  });

  it('writes the illustrative register byte for byte as CsvWriter over assessmentRow', async () => {
    const file = 'data/example-register-illustrative.csv';
    const r = await readRegister(new Uint8Array(fs.readFileSync(file)), file, cfg);
    const inputs = { places: await placesFromFgb(new Uint8Array(fs.readFileSync('public/data/settlements.fgb'))), borders: await bordersFromFgb(new Uint8Array(fs.readFileSync('public/data/borders.fgb'))) };
    const table = assessTable(r.columns, cfg, inputs);
    const columns = assessmentColumns(cfg);
    const row = new Array(columns.length);
    for (const excel of [false, true]) {
      const expected = Buffer.concat([...new CsvWriter(columns, { excel }).chunks(table.register.size, (i) => assessmentRow(table, i, row))]);
      expect(Buffer.from(writeAssessments(table, 'x.csv', { excel })).equals(expected)).toBe(true);
    }
  });
});
