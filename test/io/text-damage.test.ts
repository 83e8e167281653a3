// Issue 22, items 4–6 on text files of our own making: every missing indicator column said once with its block and
// points, bad cells kept as no data (or rows refused when strict), nothing raw, nothing flooded, exact line numbers
// through every kind of line break, look-alike formula starts guarded, "5." read as 5, an empty collection read as
// 0 rows, GeoJSON streamed with bounded nesting. Expectations worked out by hand from the 2019 preset (demography
// 50: population 20, share_young_pct 10, net_migration_per_1000 10, population_growth_pct 10; infrastructure 30:
// water 6, road 6, school 5, kindergarten 4, medical 5, internet 4; economy 20: 8 + 4 + 4 + 4; geospatial rules only).
import { describe, expect, it } from 'vitest';
import { readRegister } from '../../src/lib/io/formats.ts';
import { csvCell, looksLikeFormula, readCsv, stripFormulaGuard, writeCsv } from '../../src/lib/io/csv.ts';
import { parseNumberCell } from '../../src/lib/io/numbers.ts';
import { formatProblem, LANGS, RegisterFileError } from '../../src/lib/io/problems.ts';
import { MAX_JSON_DEPTH } from '../../src/lib/io/geojson.ts';
import { preset } from '../../src/lib/engine/config/presets.ts';

const cfg = preset('2019');
const enc = (s: string) => new TextEncoder().encode(s);
const FULL = 'id,name_ru,lat,lon,population,share_young_pct,net_migration_per_1000,population_growth_pct,has_central_water,has_paved_road,has_school,has_kindergarten,has_medical_facility,has_internet,employment_rate_pct,employment_growth_pct,livestock_units_per_household,arable_ha_per_capita,km_to_railway';
const fullRow = (i: number) => `s${i},N${i},51.1,71.4,${100 + i},20,1,0.5,1,1,1,0,1,1,60,1,2,3,12`;

describe('every missing column said once', () => {
  it('a register without has_internet: ONE problem naming block and points for all 300 rows; 96 of 100 points scorable', async () => {
    const header = FULL.replace(',has_internet', '');
    const rows = Array.from({ length: 300 }, (_, i) => fullRow(i).replace(/,1,1,60,/, ',1,60,'));
    const r = await readRegister(enc([header, ...rows].join('\n') + '\n'), 'r.csv', cfg);
    expect(r.settlements.length).toBe(300);
    const absent = r.problems.filter((p) => p.code === 'column_absent');
    expect(absent).toEqual([{ row: 1, column: 'has_internet', value: '', code: 'column_absent', params: { block: 'infrastructure', points: 4, rows: 300, unit: 'line' }, severity: 'warning' }]);
    expect(formatProblem(absent[0], 'line', 'en')).toBe('line 1, column "has_internet": absent — infrastructure up to 4 points unavailable for all 300 rows');
    expect(formatProblem(absent[0], 'line', 'ru')).toBe('строка 1, столбец "has_internet": отсутствует — инфраструктура: до 4 баллов недоступны для всех 300 строк');
    expect(formatProblem(absent[0], 'line', 'kk')).toBe('жол 1, баған "has_internet": жоқ — инфрақұрылым: барлық 300 жол үшін 4 ұпайға дейін қолжетімсіз');
    expect(r.scorable).toMatchObject({ available: 96, total: 100, share: 0.96 });
    expect(r.problems.length).toBe(1);
  });

  it('only id, name and coordinates: each of the 14 register indicators once; km_to_railway (rules only) with 0 points; 0 of 100 scorable', async () => {
    const r = await readRegister(enc('id,name_ru,lat,lon\na,A,51.1,71.4\n'), 'r.csv', cfg);
    const absent = r.problems.filter((p) => p.code === 'column_absent');
    expect(absent.map((p) => `${p.column}:${p.params.points}`)).toEqual(
      ['population:20', 'share_young_pct:10', 'net_migration_per_1000:10', 'population_growth_pct:10', 'has_central_water:6', 'has_paved_road:6', 'has_school:5', 'has_kindergarten:4', 'has_medical_facility:5', 'has_internet:4', 'employment_rate_pct:8', 'employment_growth_pct:4', 'livestock_units_per_household:4', 'arable_ha_per_capita:4', 'km_to_railway:0'],
    );
    // km_to_regional and km_to_district are computed by the engine: never absent
    expect(r.scorable).toMatchObject({ available: 0, total: 100, share: 0 });
    expect(formatProblem(absent.at(-1)!, 'line', 'en')).toBe('line 1, column "km_to_railway": absent — no value for any of the 1 rows (geospatial, rules only, no points)');
  });
});

describe('bad cells: kept as no data by default, the row refused when strict', () => {
  const csv = `${FULL}\n${fullRow(1)}\n${fullRow(2).replace(',20,1,0.5,', ',abc,1,0.5,')}\n${fullRow(3).replace(',20,1,0.5,', ',140,1,0.5,')}\n`;
  it('default: "abc" and 140 in share_young_pct are listed as warnings and read as no data; all rows kept', async () => {
    const r = await readRegister(enc(csv), 'r.csv', cfg);
    expect(r.settlements.map((s) => [s.id, s.indicators.share_young_pct])).toEqual([['s1', 20], ['s2', null], ['s3', null]]);
    expect(r.rejectedRows).toEqual([]);
    expect(r.problems.map((p) => formatProblem(p, 'line', 'en'))).toEqual([
      'line 3, column "share_young_pct", value "abc": not a number; read as no data',
      'line 4, column "share_young_pct", value "140": must be between 0 and 100; read as no data',
    ]);
    expect(r.problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(formatProblem(r.problems[0], 'line', 'kk')).toBe('жол 3, баған "share_young_pct", мән "abc": сан емес; «дерек жоқ» ретінде оқылды');
  });
  it("strict ('refuse-row'): both rows refused with errors", async () => {
    const r = await readRegister(enc(csv), 'r.csv', cfg, { invalidCells: 'refuse-row' });
    expect(r.settlements.map((s) => s.id)).toEqual(['s1']);
    expect(r.rejectedRows).toEqual([3, 4]);
    expect(r.problems.map((p) => [p.row, p.code, p.severity])).toEqual([[3, 'not_number', 'error'], [4, 'out_of_range', 'error']]);
  });
  it('a bad id or coordinate still refuses the row under the default', async () => {
    const r = await readRegister(enc(`${FULL}\n${fullRow(1).replace('51.1', 'x')}\n`), 'r.csv', cfg);
    expect(r.rejectedRows).toEqual([2]);
    expect(r.problems[0]).toMatchObject({ column: 'lat', code: 'not_number', severity: 'error' });
  });
});

describe('never raw, never flooded', () => {
  it('a header column cut to 10 characters (share_youn) is read as share_young_pct, not a raw TypeError', async () => {
    const r = await readRegister(enc('id,name_ru,lat,lon,share_youn\n1,a,51.1,71.4,5\n'), 'r.csv', cfg);
    expect(r.settlements[0].indicators.share_young_pct).toBe(5);
  });

  it('every 5-byte run flipped anywhere in a small CSV: a result or a RegisterFileError, never another exception', async () => {
    const base = enc(`${FULL}\n${fullRow(1)}\n${fullRow(2)}\n`);
    for (let at = 0; at + 5 <= base.length; at += 3) {
      const bytes = base.slice();
      for (let k = at; k < at + 5; k++) bytes[k] ^= 0x5a;
      try {
        await readRegister(bytes, 'r.csv', cfg);
      } catch (e) {
        expect(e, `flip at ${at}`).toBeInstanceOf(RegisterFileError);
      }
    }
  });

  it('a GeoJSON property nested 10,000 deep is refused naming the limit, line and character (no stack overflow)', async () => {
    let deep = '1';
    for (let i = 0; i < 10_000; i++) deep = `{"a":${deep}}`;
    const text = `{"type":"FeatureCollection","features":[\n{"type":"Feature","geometry":{"type":"Point","coordinates":[71.4,51.1]},"properties":{"id":"a","deep":${deep}}}]}`;
    const err = await readRegister(enc(text), 'r.geojson', cfg).catch((e) => e);
    expect(err).toBeInstanceOf(RegisterFileError);
    // levels: collection 1, features 2, feature 3, properties 4, the k-th {"a": 4 + k; level 65 is the 61st, at
    // character 102 (the text before the first {"a":) + 5 × 60 + 1 of line 2
    expect(err.problem).toMatchObject({ code: 'too_deep', params: { limit: MAX_JSON_DEPTH, line: 2, column: 102 + 5 * 60 + 1 } });
    for (const lang of LANGS) expect(formatProblem(err.problem, 'feature', lang)).toContain('64');
  });

  it('10,000 unknown header columns: one problem with the count and the first ten names; the row problems are all there', async () => {
    const unknown = Array.from({ length: 10_000 }, (_, i) => `extra_${i}`);
    const rows = Array.from({ length: 195 }, (_, i) => `${fullRow(i).replace('51.1', 'bad')},${unknown.map(() => '').join(',')}`);
    const r = await readRegister(enc([`${FULL},${unknown.join(',')}`, ...rows].join('\n')), 'r.csv', cfg);
    const summary = r.problems.filter((p) => p.code === 'unknown_columns');
    expect(summary).toEqual([{ row: 1, column: '*', value: '', code: 'unknown_columns', params: { count: 10_000, names: 'extra_0, extra_1, extra_2, extra_3, extra_4, extra_5, extra_6, extra_7, extra_8, extra_9, …' }, severity: 'warning' }]);
    expect(r.problems.filter((p) => p.code === 'not_number').length).toBe(195);
    expect(r.problems.length).toBe(196);
  });

  it('line numbers stay exact through quoted CR LF, lone CR, LF, NEL, LS and PS', () => {
    const t = readCsv('a,b\r\n1,"x\r\ny\rz\nw\u0085v\u2028u\u2029t"\r\n2,ok\r\n3,"p"\n4,q\n');
    // the quoted cell starts on line 2 and holds 6 line breaks: row "2" is on line 9
    expect(t.lines).toEqual([2, 9, 10, 11]);
  });

  it('a file whose lines end with U+2028 or NEL reads as rows (not one record with a column "appearing twice")', async () => {
    for (const br of ['\u2028', '\u0085', '\u2029']) {
      const r = await readRegister(enc([FULL, fullRow(1), fullRow(2), fullRow(3)].join(br)), 'r.csv', cfg);
      expect(r.settlements.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
      expect(r.problems).toEqual([]);
    }
    // and a bad cell after a quoted multi-line name is reported on its own line
    const r = await readRegister(enc(`${FULL}\r\n${fullRow(1).replace('N1', '"two\rlines"')}\r\n${fullRow(2).replace('51.1', 'x')}\r\n`), 'r.csv', cfg);
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([[4, 'lat']]);
  });

  it('CSV injection: full-width ＝ ＋ － ＠, small and sign look-alikes, and blanks before = are guarded and read back', () => {
    const cells = ['＝1+1', '＋7 701', '－5', '＠SUM(A1)', '﹦1', '﹢1', '﹣1', '﹫x', '\u22121', ' =1+1', '\u00a0=1', '\u200b=1', '\u3000＝1', '=1'];
    for (const c of cells) {
      expect(looksLikeFormula(c), c).toBe(true);
      expect(csvCell(c).replace(/^"/, '').startsWith("'"), c).toBe(true);
    }
    for (const c of ['Ақсу', 'Shymkent', '-12.5', '12', 'a=b', '']) expect(looksLikeFormula(c) && csvCell(c).startsWith("'"), c).toBe(false);
    const back = readCsv(writeCsv(['a'], cells.map((a) => ({ a }))));
    expect(back.columns[0]!.toArray()).toEqual(cells);
    expect(stripFormulaGuard("'＝1")).toBe('＝1');
    expect(stripFormulaGuard("'abc")).toBe("'abc");
  });

  it('"5." is read as 5 (and "5," too)', async () => {
    expect(parseNumberCell('5.', 'unknown').value).toBe(5);
    expect(parseNumberCell('5,', 'comma').value).toBe(5);
    expect(parseNumberCell('-12.', 'point').value).toBe(-12);
    const r = await readRegister(enc(`${FULL}\n${fullRow(1).replace(',20,', ',20.,')}\n`), 'r.csv', cfg);
    expect(r.settlements[0].indicators.share_young_pct).toBe(20);
  });

  it('an empty FeatureCollection is read as 0 rows with a notice, not refused', async () => {
    const r = await readRegister(enc('{"type":"FeatureCollection","features":[]}'), 'r.geojson', cfg);
    expect(r.rowsIn).toBe(0);
    expect(r.settlements).toEqual([]);
    expect(r.problems.filter((p) => p.code === 'no_rows').map((p) => formatProblem(p, 'feature', 'en'))).toEqual(['the file holds no features: nothing to assess']);
  });
});

describe('GeoJSON streamed', () => {
  const feature = (i: number) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [71.4, 51.1] }, properties: { id: `g${i}`, name_ru: `N${i}`, population: i } });
  it('members in any order, crs and bbox beside the features, a BOM, escaped quotes and brackets inside strings', async () => {
    const text = `\uFEFF{"bbox":[1,2,3,4],"features":[${JSON.stringify(feature(1))},\n ${JSON.stringify({ ...feature(2), properties: { id: 'g2', name_ru: 'a "[{" b \\\\' } })}],"crs":{"type":"name"},"type":"FeatureCollection"}`;
    const r = await readRegister(enc(text), 'r.geojson', cfg);
    expect(r.settlements.map((s) => [s.id, s.name_ru])).toEqual([['g1', 'N1'], ['g2', 'a "[{" b \\\\']]);
  });
  it('syntax damage is refused naming line and character; a damaged feature is named; other shapes are not collections', async () => {
    const good = JSON.stringify({ type: 'FeatureCollection', features: [feature(1), feature(2)] });
    const problem = (text: string) => readRegister(enc(text), 'r.geojson', cfg).then(() => null, (e) => (e as RegisterFileError).problem);
    expect(await problem(good.slice(0, -1))).toMatchObject({ code: 'json_syntax', params: { line: 1, column: good.length, found: '' } });
    expect(await problem(good.replace('"features":[{', '"features":[}'))).toMatchObject({ code: 'json_syntax', params: { line: 1, found: '}' } });
    expect(await problem(good.replace('"population":2', '"population" 2'))).toMatchObject({ code: 'json_feature_invalid', params: { feature: 2, line: 1 } });
    expect(await problem('{"type":"Feature"}')).toMatchObject({ code: 'not_feature_collection' });
    expect(await problem('[1,2]')).toMatchObject({ code: 'not_feature_collection' });
    expect(await problem('   ')).toMatchObject({ code: 'file_empty' });
  });
});
