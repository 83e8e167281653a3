// A seeded corpus of register files for the io layer: good files in every format and encoding, the named hard
// cases (damaged FlatGeobuf, null GeoJSON features, CSV shape problems, encodings, plausibility), and at least
// 1,000 random mutations of good files per format (bytes flipped, cut, dropped, repeated; quotes, delimiters and
// line breaks inserted; values swapped for words, signs and separators). Deterministic for a seed.
import { mulberry32 } from '../../data/seeded-random.ts';
import { encodeSingleByte } from '../../src/lib/io/text.ts';
import { writeFgb } from '../../src/lib/io/fgb.ts';
import { utils, write } from '@e965/xlsx';
import { zipSync } from 'fflate';
import { pointShapefileZip } from './shapefile-writer.ts';

export interface CorpusCase {
  name: string;
  filename: string;
  bytes: Uint8Array;
  fixSwapped?: boolean;
  /** The verdict the case must get ("read right / refused with a clear problem"), and problem codes it must carry
   *  (nothing silent); unset for random mutations, which only must not crash, hang or lose a row without a word. */
  verdict?: 'read' | 'refused';
  mustSay?: string[];
}

const enc = (s: string) => new TextEncoder().encode(s);

// Real places (lat, lon) spread over Kazakhstan, so good rows pass the outline check.
const PLACES: [string, string, number, number][] = [
  ['Қарабұлақ', 'Карабулак', 44.9088, 78.4904], ['Өскемен', 'Усть-Каменогорск', 49.9483, 82.6279], ['Ақсу', 'Аксу', 52.0408, 76.9272],
  ['Жосалы', 'Жосалы', 45.4878, 64.0781], ['Шұбарқұдық', 'Шубаркудук', 49.1447, 56.4871], ['Ұшарал', 'Ушарал', 46.1691, 80.9394],
  ['Сарыкөл', 'Сарыколь', 53.3189, 65.5387], ['Жаңаөзен', 'Жанаозен', 43.3412, 52.8619], ['Көкшетау', 'Кокшетау', 53.2833, 69.3833],
  ['Шымкент', 'Шымкент', 42.3, 69.6], ['Қостанай', 'Костанай', 53.2144, 63.6246], ['Атырау', 'Атырау', 47.1167, 51.8833],
];

const HEADER = ['id', 'name_kk', 'name_ru', 'lat', 'lon', 'is_district_centre', 'population', 'share_young_pct', 'has_school', 'km_to_railway', 'net_migration_per_1000'];

function goodRows(r: () => number, n: number): (string | number)[][] {
  return Array.from({ length: n }, (_, i) => {
    const [kk, ru, lat, lon] = PLACES[i % PLACES.length];
    return [`kz${1000 + i}`, kk, ru, +(lat + (r() - 0.5) * 0.01).toFixed(5), +(lon + (r() - 0.5) * 0.01).toFixed(5), r() < 0.2 ? 'иә' : 'жоқ', Math.floor(r() * 5000), +(r() * 60).toFixed(1), r() < 0.5 ? 1 : 0, +(r() * 200).toFixed(2), +((r() - 0.5) * 40).toFixed(1)];
  });
}

export function goodCsv(r: () => number, n = 20, delimiter = ',', decimalComma = false): string {
  const cell = (v: string | number) => (typeof v === 'number' && decimalComma ? String(v).replace('.', ',') : String(v));
  return [HEADER.join(delimiter), ...goodRows(r, n).map((row) => row.map(cell).join(delimiter))].join('\r\n') + '\r\n';
}

export function goodFeatures(r: () => number, n = 20) {
  return {
    type: 'FeatureCollection' as const,
    features: goodRows(r, n).map((row) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [row[4] as number, row[3] as number] },
      properties: Object.fromEntries(HEADER.map((h, c) => [h, row[c]]).filter(([h]) => h !== 'lat' && h !== 'lon')),
    })),
  };
}

function utf16(text: string, le: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2 + (bom ? 2 : 0));
  let o = 0;
  if (bom) {
    out[o++] = le ? 0xff : 0xfe;
    out[o++] = le ? 0xfe : 0xff;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[o++] = le ? c & 0xff : c >> 8;
    out[o++] = le ? c >> 8 : c & 0xff;
  }
  return out;
}

/** Random byte-level damage. */
function mutateBytes(r: () => number, bytes: Uint8Array, extra: number[]): Uint8Array {
  const a = Array.from(bytes);
  const edits = 1 + Math.floor(r() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(r() * Math.max(1, a.length));
    const op = Math.floor(r() * 7);
    if (op === 0) a[at] = Math.floor(r() * 256); // flip
    else if (op === 1) a.splice(at, 1 + Math.floor(r() * 8)); // drop
    else if (op === 2) a.length = at; // cut
    else if (op === 3) a.splice(at, 0, ...a.slice(at, at + 1 + Math.floor(r() * 40))); // repeat a run
    else if (op === 4) a.splice(at, 0, extra[Math.floor(r() * extra.length)]); // structural byte
    else if (op === 5) a.splice(at, 0, ...Array.from({ length: 1 + Math.floor(r() * 4) }, () => Math.floor(r() * 256)));
    else a[at] = 0;
  }
  return Uint8Array.from(a);
}

const CSV_NOISE = ['"', ',', ';', '\n', '\r', '\t', ' ', '-', '=', '?', 'да', 'нет данных', '1,234', '1.234', 'NaN', 'Infinity', '1e999', '\uFFFD', 'иә', '""'];

/** Cell-level damage of a CSV text (values, not bytes). */
function mutateCsvText(r: () => number, text: string): string {
  const lines = text.split('\r\n');
  const edits = 1 + Math.floor(r() * 5);
  for (let e = 0; e < edits; e++) {
    const li = 1 + Math.floor(r() * Math.max(1, lines.length - 2));
    const cells = (lines[li] ?? '').split(',');
    const ci = Math.floor(r() * cells.length);
    const op = Math.floor(r() * 6);
    if (op === 0) cells[ci] = CSV_NOISE[Math.floor(r() * CSV_NOISE.length)];
    else if (op === 1) cells[ci] = cells[ci] + CSV_NOISE[Math.floor(r() * CSV_NOISE.length)];
    else if (op === 2) [cells[3], cells[4]] = [cells[4], cells[3]]; // swapped lat/lon
    else if (op === 3) cells[ci] = `-${cells[ci]}`;
    else if (op === 4) cells.splice(ci, 1);
    else cells[ci] = '';
    lines[li] = cells.join(',');
  }
  return lines.join('\r\n');
}

export function goodXlsx(r: () => number, n = 20): Uint8Array {
  const wb = utils.book_new();
  utils.book_append_sheet(wb, utils.aoa_to_sheet([HEADER, ...goodRows(r, n)]), 'register');
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', compression: true }));
}

export function goodShapefile(r: () => number, n = 20, cp1251 = false): Uint8Array {
  const points = goodRows(r, n).map((row) => ({ x: row[4] as number, y: row[3] as number, props: Object.fromEntries(HEADER.map((h, c) => [h.slice(0, 10), String(row[c])]).filter(([h]) => h !== 'lat' && h !== 'lon')) }));
  return cp1251 ? pointShapefileZip(points, { encode: (s) => encodeSingleByte(s, 'windows-1251'), cpg: '1251' }) : pointShapefileZip(points, { encode: (s) => enc(s), cpg: 'UTF-8', prj: 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]' });
}

export function corpus(seed = 12, mutationsPerFormat = 1000): CorpusCase[] {
  const r = mulberry32(seed);
  const cases: CorpusCase[] = [];
  const add = (name: string, filename: string, bytes: Uint8Array | string, fixSwapped = false) => cases.push({ name, filename, bytes: typeof bytes === 'string' ? enc(bytes) : bytes, fixSwapped });

  // Good files, every format and encoding.
  const csv = goodCsv(r);
  add('good utf-8', 'g.csv', csv);
  add('good utf-8 bom', 'g.csv', Uint8Array.from([0xef, 0xbb, 0xbf, ...enc(csv)]));
  add('good utf-16le bom', 'g.csv', utf16(csv, true, true));
  add('good utf-16be', 'g.csv', utf16(csv, false, false));
  add('good kz-1048', 'g.csv', encodeSingleByte(csv, 'kz-1048'));
  add('good 1251 (kazakh letters lost)', 'g.csv', encodeSingleByte(csv, 'windows-1251'));
  add('good semicolon decimal comma', 'g.csv', goodCsv(r, 20, ';', true));
  add('good tab', 'g.txt', goodCsv(r, 20, '\t'));
  const fc = goodFeatures(r);
  add('good geojson', 'g.geojson', JSON.stringify(fc));
  const fgb = writeFgb(fc);
  add('good fgb', 'g.fgb', fgb);

  add('good xlsx', 'g.xlsx', goodXlsx(r));
  add('good shapefile', 'g.zip', goodShapefile(r));
  add('good shapefile cp1251', 'g.zip', goodShapefile(r, 20, true));

  // Named hard cases.
  add('empty file', 'e.csv', '');
  add('header only', 'h.csv', HEADER.join(',') + '\n');
  add('bom only', 'b.csv', Uint8Array.from([0xef, 0xbb, 0xbf]));
  add('field count', 'f.csv', `${HEADER.join(',')}\nkz1,Ақсу,Аксу,52.04,76.92,иә\nkz2,Ақсу,Аксу,52.04,76.92,иә,100,20,1,5,1,extra\n`);
  add('unbalanced quote', 'q.csv', `${HEADER.join(',')}\nkz1,"Ақсу,Аксу,52.04,76.92,иә,100,20,1,5,1\nkz2,Ақсу,Аксу,52.04,76.92,иә,100,20,1,5,1\n`);
  add('truncated last row', 't.csv', `${HEADER.join(',')}\nkz1,Ақсу,Аксу,52.04,76.92,иә,100,20,1,5,1\nkz2,Ақсу,Аксу,52.0`);
  add('quoted line breaks', 'm.csv', `${HEADER.join(',')}\nkz1,"Ақ\nсу",Аксу,52.04,76.92,иә,100,20,1,5,1\nkz2,x,"y\n\nz",52.04,76.92,иә,100,20,1,5,1\n`);
  const u = enc(csv);
  add('utf-8 with invalid bytes', 'i.csv', Uint8Array.from([...u.slice(0, 120), 0xff, ...u.slice(120, 300), 0xc3, ...u.slice(300)]));
  add('swapped lat/lon', 's.csv', `${HEADER.join(',')}\nkz1,Ақсу,Аксу,76.92,52.04,иә,100,20,1,5,1\n`);
  add('swapped lat/lon fixed', 's.csv', `${HEADER.join(',')}\nkz1,Ақсу,Аксу,76.92,52.04,иә,100,20,1,5,1\n`, true);
  add('implausible values', 'p.csv', `${HEADER.join(',')}\nkz1,Ақсу,Аксу,52.04,76.92,2,12.5,120,2,-5,1\nkz2,Ақсу,Аксу,52.04,76.92,да,да,нет данных,да,нет данных,-30\n`);
  add('ambiguous decimals', 'a.csv', `${HEADER.join(',')}\nkz1,Ақсу,Аксу,52.04,76.92,иә,"1,234",20,1,"1,234",1\n`);
  add('duplicate column', 'd.csv', `${HEADER.join(',')},lat\nkz1,Ақсу,Аксу,52.04,76.92,иә,100,20,1,5,1,52\n`);
  add('unknown columns', 'u.csv', `${HEADER.join(',')},populaton\nkz1,Ақсу,Аксу,52.04,76.92,иә,100,20,1,5,1,5\n`);
  add('duplicate ids', 'dup.csv', `${HEADER.join(',')}\nkz1,Ақсу,Аксу,52.04,76.92,иә,100,20,1,5,1\nkz1,Ақсу,Аксу,52.04,76.92,иә,100,20,1,5,1\n`);
  add('formula guard', 'fg.csv', `${HEADER.join(',')}\nkz1,'=cmd,'-x,52.04,76.92,иә,100,20,1,5,1\n`);
  add('outside kazakhstan', 'o.csv', `${HEADER.join(',')}\nkz1,Мәскеу,Москва,55.75,37.62,иә,100,20,1,5,1\n`);
  add('geojson null feature and coords', 'n.geojson', JSON.stringify({ type: 'FeatureCollection', features: [null, fc.features[0], { type: 'Feature', geometry: { type: 'Point', coordinates: [null, null] }, properties: null }, { type: 'Feature', geometry: null, properties: { id: 'x' } }, 7, []] }));
  add('geojson not a collection', 'n.geojson', '{"type":"Feature"}');
  add('geojson invalid', 'n.geojson', '{"type":');
  add('fgb truncated', 't.fgb', fgb.subarray(0, fgb.length - 7));
  add('fgb header only', 'h.fgb', fgb.subarray(0, 40));
  add('fgb magic only', 'm.fgb', fgb.subarray(0, 8));
  add('fgb empty written', 'e.fgb', writeFgb({ type: 'FeatureCollection', features: [] }, ['id']));
  add('not fgb', 'x.fgb', 'hello');
  add('unsupported extension', 'x.docx', 'hello');
  add('xlsx zip bomb', 'b.xlsx', zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(20 * 2 ** 20) }, { level: 9 }));
  add('xlsx not a zip', 'n.xlsx', 'PK nothing');
  add('shapefile without dbf', 'n.zip', zipSync({ 'a.shp': new Uint8Array(100) }));
  add('shapefile zip bomb', 'b.zip', zipSync({ 'a.shp': new Uint8Array(100), 'a.dbf': new Uint8Array(20 * 2 ** 20) }, { level: 9 }));

  // Issue 22 families (items 4–6), seeded: each with its verdict and the problems it must carry.
  const family = (name: string, filename: string, bytes: Uint8Array | string, verdict: 'read' | 'refused', mustSay: string[] = []) => {
    add(name, filename, bytes);
    Object.assign(cases[cases.length - 1], { verdict, mustSay });
  };
  for (let m = 0; m < 40; m++) {
    const n = 5 + Math.floor(r() * 30);
    const rows = goodRows(r, n);
    // a random indicator column left out: one column_absent naming it
    const drop = 6 + Math.floor(r() * (HEADER.length - 6));
    const keepCol = (_: unknown, c: number) => c !== drop;
    family(`missing column ${HEADER[drop]} ${m}`, 'mc.csv', [HEADER.filter(keepCol).join(','), ...rows.map((row) => row.filter(keepCol).join(','))].join('\n') + '\n', 'read', ['column_absent']);
    // an unreadable or impossible cell: kept as no data, said
    const bad = rows.map((row) => row.slice());
    bad[Math.floor(r() * n)][7] = ['abc', '140', '-3', 'да', '1e999'][m % 5];
    family(`bad cell ${m}`, 'bc.csv', [HEADER.join(','), ...bad.map((row) => row.join(','))].join('\n') + '\n', 'read', [['not_number', 'out_of_range', 'negative', 'boolean_in_numeric', 'not_number'][m % 5]]);
    // line breaks of every kind between the rows, and a quoted multi-line name
    const br = ['\r\n', '\n', '\r', '\u2028', '\u0085', '\u2029'][m % 6];
    const named = rows.map((row, i) => (i === 0 ? [row[0], `"${row[1]}${br}${row[1]}"`, ...row.slice(2)] : row));
    family(`line breaks ${JSON.stringify(br)} ${m}`, 'lb.csv', [HEADER.join(','), ...named.map((row) => row.join(','))].join(br) + br, 'read');
    // thousands of unknown columns beside a few bad rows: one summary, the row problems all there
    const extra = Array.from({ length: 200 + Math.floor(r() * 3000) }, (_, i) => `u${i}`);
    family(`unknown flood ${m}`, 'uf.csv', [[...HEADER, ...extra].join(','), ...rows.map((row, i) => [...(i === 0 ? [row[0], row[1], row[2], 'bad', ...row.slice(4)] : row), ...extra.map(() => '')].join(','))].join('\n'), 'read', ['unknown_columns', 'not_number']);
    // GeoJSON nested too deep, an empty collection, members in another order
    let deep = '0';
    for (let d = 0, depth = 60 + Math.floor(r() * 5000); d < depth; d++) deep = r() < 0.5 ? `[${deep}]` : `{"k":${deep}}`;
    family(`geojson deep ${m}`, 'd.geojson', `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{"id":"x","lat":50,"lon":70,"v":${deep}}}]}`, 'refused', ['too_deep']);
    family(`geojson empty ${m}`, 'e.geojson', `{"features":[]${' '.repeat(m)},"type":"FeatureCollection"}`, 'read', ['no_rows']);
    // a 5-byte flip anywhere in a CSV
    const flipped = enc(goodCsv(r, n));
    const at = Math.floor(r() * (flipped.length - 5));
    for (let k = at; k < at + 5; k++) flipped[k] = Math.floor(r() * 256);
    add(`csv 5-byte flip ${m}`, 'f.csv', flipped);
  }

  // Random mutations.
  const csvStruct = [0x22, 0x2c, 0x3b, 0x0a, 0x0d, 0x09, 0x3f, 0xd0, 0xd2, 0xef, 0xbb, 0xbf, 0x00];
  for (let m = 0; m < mutationsPerFormat; m++) {
    const base = goodCsv(r, 5 + Math.floor(r() * 20));
    if (m % 2) add(`csv text mutation ${m}`, 'm.csv', mutateCsvText(r, base));
    else {
      const encoded = m % 8 === 0 ? encodeSingleByte(base, 'windows-1251') : m % 8 === 2 ? encodeSingleByte(base, 'kz-1048') : m % 8 === 4 ? utf16(base, true, true) : enc(base);
      add(`csv byte mutation ${m}`, 'm.csv', mutateBytes(r, encoded, csvStruct), m % 3 === 0);
    }
  }
  for (let m = 0; m < mutationsPerFormat; m++) {
    const text = JSON.stringify(goodFeatures(r, 3 + Math.floor(r() * 10)));
    add(`geojson mutation ${m}`, 'm.geojson', mutateBytes(r, enc(text), [0x22, 0x2c, 0x5b, 0x5d, 0x7b, 0x7d, 0x3a, 0x6e]));
  }
  for (let m = 0; m < mutationsPerFormat; m++) {
    const bytes = writeFgb(goodFeatures(r, 2 + Math.floor(r() * 10)));
    add(`fgb mutation ${m}`, 'm.fgb', mutateBytes(r, bytes, [0, 0xff, 0x7f, 0x80, 1]));
  }
  const zipNoise = [0, 0xff, 0x50, 0x4b, 0x03, 0x04, 0x08];
  for (let m = 0; m < mutationsPerFormat; m++) add(`xlsx mutation ${m}`, 'm.xlsx', mutateBytes(r, goodXlsx(r, 2 + Math.floor(r() * 8)), zipNoise));
  for (let m = 0; m < mutationsPerFormat; m++) add(`shapefile mutation ${m}`, 'm.zip', mutateBytes(r, goodShapefile(r, 2 + Math.floor(r() * 8), m % 2 === 1), zipNoise));
  return cases;
}
