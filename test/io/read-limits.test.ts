// The reading entry's limits (issue 22 item 6): file size, rows and expanded size, each refused before the memory
// is taken, with a message in kk/ru/en naming the limit that was hit. Small limits passed in stand for the
// worker's (worker/import-protocol.ts IMPORT_LIMITS).
import { describe, expect, it } from 'vitest';
import { utils, write } from '@e965/xlsx';
import { readInput } from '../../src/lib/io/read.ts';
import { readCsv } from '../../src/lib/io/csv.ts';
import { problemMessage, RegisterFileError } from '../../src/lib/io/problems.ts';
import { preset } from '../../src/lib/engine/config/presets.ts';

const config = preset('2019');
const base = { lang: 'en' as const, outline: null };
const enc = (s: string) => new TextEncoder().encode(s);
const csv = (n: number) => enc('id,name_en,lat,lon,population\n' + Array.from({ length: n }, (_, i) => `K${i},Place ${i},${48 + i / 100},${70 + i / 100},${100 + i}`).join('\n') + '\n');
const geojson = (n: number) =>
  enc(JSON.stringify({ type: 'FeatureCollection', features: Array.from({ length: n }, (_, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [70 + i / 100, 48] }, properties: { id: `K${i}`, name_en: `P${i}`, population: 100 } })) }));

async function refusal(p: Promise<unknown>): Promise<RegisterFileError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof RegisterFileError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('read limits: refused early, the limit named in kk/ru/en', () => {
  it('file size: a 200-byte limit refuses a larger CSV before reading it, naming size, limit and format', async () => {
    const bytes = csv(10);
    const e = await refusal(readInput(bytes, 'r.csv', config, { ...base, limits: { bytes: 200 } }));
    expect(e.problem.code).toBe('file_too_large');
    expect(e.problem.params).toMatchObject({ size: bytes.length, limit: 200, format: '.csv' });
    expect(problemMessage(e.problem, 'en')).toBe(`refused: the file is ${bytes.length} bytes, over the limit of 200 bytes for .csv files`);
    expect(problemMessage(e.problem, 'ru')).toBe(`отклонено: файл размером ${bytes.length} байт превышает предел в 200 байт для файлов .csv`);
    expect(problemMessage(e.problem, 'kk')).toBe(`бас тартылды: файл көлемі ${bytes.length} байт, .csv файлдары үшін 200 байт шегінен асады`);
    // at the limit: read
    const ok = await readInput(bytes, 'r.csv', config, { ...base, limits: { bytes: bytes.length } });
    expect(ok.kind === 'register' && ok.counts.read).toBe(10);
  });

  it('rows: a CSV over the limit is refused (maxRows as the worker passes it, or limits.rows); exactly the limit is read', async () => {
    for (const opts of [{ maxRows: 3 }, { limits: { rows: 3 } }]) {
      const e = await refusal(readInput(csv(4), 'r.csv', config, { ...base, ...opts }));
      expect(e.problem).toMatchObject({ code: 'too_many_rows', params: { limit: 3 } });
    }
    const e = await refusal(readInput(csv(1200), 'r.csv', config, { ...base, maxRows: 1000 }));
    expect(problemMessage(e.problem, 'en')).toBe('refused: more than 1,000 rows, the limit of rows read here');
    expect(problemMessage(e.problem, 'ru')).toBe('отклонено: больше 1\u00a0000 строк — предела строк, читаемых здесь');
    expect(problemMessage(e.problem, 'kk')).toBe('бас тартылды: 1\u00a0000 жолдан көп — мұнда оқылатын жолдар шегінен асады');
    const ok = await readInput(csv(3), 'r.csv', config, { ...base, maxRows: 3 });
    expect(ok.kind === 'register' && ok.counts.read).toBe(3);
  });

  it('rows: the CSV reader stops at the first row over the limit (it does not read the rest)', () => {
    const t = readCsv(new TextDecoder().decode(csv(50)), { maxRows: 5 });
    expect(t.rowsRead).toBe(6);
    expect(t.lines).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('rows: a streamed GeoJSON over the limit is refused; at the limit it is read', async () => {
    const e = await refusal(readInput(geojson(5), 'r.geojson', config, { ...base, limits: { rows: 4 } }));
    expect(e.problem).toMatchObject({ code: 'too_many_rows', params: { limit: 4 } });
    const ok = await readInput(geojson(4), 'r.geojson', config, { ...base, limits: { rows: 4 } });
    expect(ok.kind === 'register' && ok.counts.read).toBe(4);
  });

  it('rows: an .xlsx over the limit is refused after its (size-bounded) read', async () => {
    const wb = utils.book_new();
    utils.book_append_sheet(wb, utils.aoa_to_sheet([['id', 'name_en', 'lat', 'lon'], ...Array.from({ length: 6 }, (_, i) => [`K${i}`, `P${i}`, 48, 70 + i])]), 'S');
    const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', compression: true }));
    const e = await refusal(readInput(bytes, 'r.xlsx', config, { ...base, limits: { rows: 5 } }));
    expect(e.problem).toMatchObject({ code: 'too_many_rows', params: { limit: 5 } });
  });

  it('expanded size: an .xlsx that expands beyond a small limit is refused naming the limit', async () => {
    const wb = utils.book_new();
    utils.book_append_sheet(wb, utils.aoa_to_sheet([['id', 'name_en', 'lat', 'lon'], ...Array.from({ length: 200 }, (_, i) => [`K${i}`, `Place ${i}`, 48, 70 + i / 100])]), 'S');
    const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', compression: true }));
    const e = await refusal(readInput(bytes, 'r.xlsx', config, { ...base, limits: { expanded: 4096 } }));
    expect(e.problem.code).toBe('zip_bomb');
    expect(e.problem.params).toMatchObject({ limit: 4096 });
    expect(problemMessage(e.problem, 'en')).toBe('refused: the archive expands beyond the limit of 4,096 bytes');
    expect(problemMessage(e.problem, 'kk')).toBe('бас тартылды: мұрағат 4\u00a0096 байт шегінен асып ашылады');
  });
});
