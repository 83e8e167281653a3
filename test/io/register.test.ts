// Register parsing: encodings, delimiters, booleans, decimal commas, and row-level problems.
import { describe, expect, it } from 'vitest';
import { readRegister, writeAssessments } from '../../src/lib/io/formats.ts';
import { readFgb, writeFgb } from '../../src/lib/io/fgb.ts';
import { preset } from '../../src/lib/engine/config/presets.ts';
import { formatProblem } from '../../src/lib/io/problems.ts';

const cfg = preset('2019');
const enc = (s: string) => new TextEncoder().encode(s);
/** The problems of rows and cells (the header's absent indicator columns are tested in text-damage.test.ts). */
const rowProblems = (r: { problems: { code: string }[] }) => r.problems.filter((p) => p.code !== 'column_absent');

describe('readRegister', () => {
  it('reads a semicolon CSV with decimal commas, Kazakh/Russian booleans and empty cells as no data', async () => {
    const csv = 'id;name_kk;name_ru;lat;lon;population;is_district_centre;is_rural_district_centre;share_young_pct;has_school\n' +
      '1;Қарабұлақ;Карабулак;44,9088;78,4904;"12 500";иә;жоқ;31,5;да\n' +
      '2;;Сарыколь;53,3189;65,5387;;нет;1;;\n';
    const r = await readRegister(enc(csv), 'r.csv', cfg);
    expect(rowProblems(r)).toEqual([]);
    expect(r.settlements[0]).toMatchObject({ id: '1', name_kk: 'Қарабұлақ', lat: 44.9088, lon: 78.4904, population: 12500, is_district_centre: true, is_rural_district_centre: false });
    expect(r.settlements[0].indicators).toMatchObject({ share_young_pct: 31.5, has_school: 1, has_internet: null });
    expect(r.settlements[1]).toMatchObject({ population: null, is_district_centre: false, is_rural_district_centre: true });
    expect(r.settlements[1].indicators.share_young_pct).toBeNull();
  });

  it('decodes Windows-1251', async () => {
    const text = 'id,name_ru,lat,lon\n7,Аксу,52.04,76.92\n';
    const cp1251 = Uint8Array.from([...text].map((ch) => (ch >= 'А' && ch <= 'я' ? ch.charCodeAt(0) - 0x410 + 0xc0 : ch.charCodeAt(0))));
    const r = await readRegister(cp1251, 'r.csv', cfg);
    expect(r.encoding).toBe('windows-1251');
    expect(r.settlements[0].name_ru).toBe('Аксу');
  });

  it('names the line, column and value of every bad cell and keeps the good rows', async () => {
    const csv = 'id,name_ru,lat,lon,population,is_district_centre,has_school\n' +
      'a,Ok,50,70,100,no,1\n' +
      'b,Bad lat,95,70,100,no,1\n' +
      'c,Bad bool,50,70,100,maybe,1\n' +
      'a,Dup,50,70,abc,no,1\n';
    // strict: a bad cell refuses its row (the default keeps it with the cell as no data: text-damage.test.ts)
    const r = await readRegister(enc(csv), 'r.csv', cfg, { invalidCells: 'refuse-row' });
    expect(r.settlements.map((s) => s.id)).toEqual(['a']);
    const e = (row: number, column: string, value: string, code: string, params = {}) => ({ row, column, value, code, params, severity: 'error' });
    expect(rowProblems(r)).toEqual([
      e(3, 'lat', '95', 'out_of_range', { min: -90, max: 90 }),
      e(4, 'is_district_centre', 'maybe', 'not_boolean'),
      e(5, 'id', 'a', 'duplicate_id', { first: 2, unit: 'line' }),
      e(5, 'population', 'abc', 'not_number'),
    ]);
    expect(r.rowsIn).toBe(4);
    expect(r.rejectedRows).toEqual([3, 4, 5]);
    expect(formatProblem(rowProblems(r)[2] as never, 'line')).toBe('line 5, column "id", value "a": duplicate id (first on line 2)');
    expect(formatProblem(rowProblems(r)[3] as never, 'line', 'ru')).toBe('строка 5, столбец "population", значение "abc": не число');
  });

  it('refuses a file without the required columns, naming them', async () => {
    await expect(readRegister(enc('name,x\nA,1\n'), 'r.csv', cfg)).rejects.toThrow(/missing column\(s\) id, lat, lon/);
  });

  it('reads GeoJSON points, and FlatGeobuf keeps nulls and numbers through a round trip', async () => {
    const fc = { type: 'FeatureCollection', features: [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [70, 50] }, properties: { id: 'g1', name_ru: 'A', population: null, has_school: 1 } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [71, 51] }, properties: { id: 'g2', name_ru: 'B', population: 300, has_school: null } },
    ] };
    const fromJson = await readRegister(enc(JSON.stringify(fc)), 'r.geojson', cfg);
    expect(fromJson.settlements.map((s) => [s.id, s.lon, s.lat, s.population])).toEqual([['g1', 70, 50, null], ['g2', 71, 51, 300]]);
    const bytes = writeFgb(fc as never);
    const back = await readFgb(bytes);
    expect(back.features.map((f) => f.properties)).toEqual(fc.features.map((f) => f.properties));
    const fromFgb = await readRegister(bytes, 'r.fgb', cfg);
    expect(fromFgb.settlements.map((s) => s.population)).toEqual([null, 300]);
    expect(fromFgb.settlements[1].indicators.has_school).toBeNull();
    expect(writeAssessments).toBeTypeOf('function');
  });
});
