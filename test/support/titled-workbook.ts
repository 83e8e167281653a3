// The workbook of issue 22's "done when": an official-looking .xlsx with a title row above a Kazakh/Russian header,
// the «Облыс» column merged over the rows of each region, and a formula column (employment rate) whose cells have
// a cached value except two. Shared by the worker/CLI parity test and the e2e test.
import { utils, write, type WorkSheet } from '@e965/xlsx';

export const TITLE = 'Ауылдық елді мекендер тізімі 2025';
export const SHEET = 'Тізім';
export const HEADER = ['Облыс', 'Код КАТО', 'Атауы', 'Ендік', 'Бойлық', 'Халық саны', 'employment_rate_pct'];

/** Eight settlements in central Kazakhstan (Karaganda region), fixed values. Sheet rows 3–10. */
export const PLACES = [
  { id: '351010001', name: 'Ақсу', lat: 50.41, lon: 72.38, population: 1200 },
  { id: '351010002', name: 'Бірлік', lat: 50.44, lon: 72.42, population: 640 },
  { id: '351010003', name: 'Жаңаталап', lat: 50.38, lon: 72.45, population: 310 },
  { id: '351010004', name: 'Қызылжар', lat: 50.46, lon: 72.35, population: 820 },
  { id: '351010005', name: 'Талдысай', lat: 50.36, lon: 72.40, population: 150 },
  { id: '351010006', name: 'Шахан', lat: 50.43, lon: 72.30, population: 2900 },
  { id: '351010007', name: 'Көктал', lat: 50.39, lon: 72.50, population: 470 },
  { id: '351010008', name: 'Ұштөбе', lat: 50.47, lon: 72.47, population: 560 },
];
/** Sheet rows whose formula has no cached value (read as no data, listed as `formula_no_value`). */
export const FORMULA_NO_VALUE_ROWS = [5, 9];
/** «Облыс» merged: A3:A7 (Қарағанды облысы, 5 rows) and A8:A10 (Ұлытау облысы, 3 rows). */
export const MERGES = ['A3:A7', 'A8:A10'];

export function titledWorkbook(): Uint8Array {
  const rows = PLACES.map((p, i) => [i === 0 ? 'Қарағанды облысы' : i === 5 ? 'Ұлытау облысы' : null, p.id, p.name, p.lat, p.lon, p.population, null]);
  const ws: WorkSheet = utils.aoa_to_sheet([[TITLE], HEADER, ...rows]);
  ws['!merges'] = MERGES.map((r) => utils.decode_range(r));
  PLACES.forEach((p, i) => {
    const row = i + 3;
    // the rate computed from the population (any formula will do): cached value 55.5, or none
    ws[`G${row}`] = FORMULA_NO_VALUE_ROWS.includes(row) ? { t: 'n', f: `F${row}/100` } : { t: 'n', v: 55.5, f: `F${row}/100` };
  });
  ws['!ref'] = 'A1:G10';
  const wb = utils.book_new();
  utils.book_append_sheet(wb, utils.aoa_to_sheet([]), 'Бос');
  utils.book_append_sheet(wb, ws, SHEET);
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', compression: true }));
}
