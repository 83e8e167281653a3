// Zipped Shapefiles via shpjs: we expand the parts ourselves (hard size cap), then hand them to its parsers. The
// .prj is honoured: WGS 84 geographic is taken as is; another system proj4 understands is reprojected to WGS 84;
// one it does not is refused with its name. The DBF code page comes from the .cpg, else the DBF's language driver
// byte (0xC9 CP1251, 0x65/0x26 CP866, 0x57 ANSI), else the decoding that reads most like Kazakh/Russian text.
import proj4 from 'proj4';
import { parseDbf, parseShp } from 'shpjs';
import { checkZip, inflateEntry, listZip } from './zip.ts';
import { fileError, type Problem } from './problems.ts';
import { damagedText, visibleText } from './fgb.ts';
import { decodeText, type Encoding } from './text.ts';

const LDID: Record<number, string> = { 0xc9: 'windows-1251', 0x65: 'ibm866', 0x26: 'ibm866', 0x57: 'windows-1251' };

function cpgLabel(cpg: string): string | null {
  const s = cpg.trim().toLowerCase().replace(/^ansi\s*/, '');
  if (/^(utf-?8|65001)$/.test(s)) return 'utf-8';
  if (/^(cp|windows-?)?1251$/.test(s)) return 'windows-1251';
  if (/^(cp|ibm)?866$/.test(s)) return 'ibm866';
  return null;
}

function isWgs84(prj: string): boolean {
  return /^\s*GEOGCS\[/i.test(prj) && /WGS[_ ]?(19)?84/i.test(prj);
}

const POINT_TYPES = new Set([1, 11, 21]);

/** Checks the .shp structure before shpjs walks it (a damaged length would make it read or allocate without
 *  bound): every record header inside the file, content lengths that fit, Point or Null shapes only (a register is
 *  points). Returns the number of whole records; a record cut short ends the walk. */
function checkShp(shp: Uint8Array): { records: number; cut: boolean } {
  if (shp.length < 100) throw fileError('zip_invalid', { detail: 'the .shp file is shorter than its header' });
  const dv = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (dv.getInt32(0) !== 9994) throw fileError('zip_invalid', { detail: 'the .shp file has no Shapefile header' });
  const type = dv.getInt32(32, true);
  if (!POINT_TYPES.has(type) && type !== 0) throw fileError('bad_geometry', { detail: `shape type ${type}: a register needs points` }, 'geometry');
  let o = 100;
  let records = 0;
  while (o + 8 <= shp.length) {
    const words = dv.getInt32(o + 4);
    const bytes = words * 2;
    if (words < 2 || o + 8 + bytes > shp.length) return { records, cut: true };
    const t = dv.getInt32(o + 8, true);
    if (t !== 0 && (!POINT_TYPES.has(t) || bytes < 20)) return { records, cut: true };
    records++;
    o += 8 + bytes;
  }
  return { records, cut: o !== shp.length };
}

/** Clamps the DBF's declared record count to the records its bytes hold (parsedbf trusts the header). */
function checkDbf(dbf: Uint8Array): Uint8Array {
  if (dbf.length < 32) throw fileError('zip_invalid', { detail: 'the .dbf file is shorter than its header' });
  const dv = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const count = dv.getUint32(4, true);
  const headerLength = dv.getUint16(8, true);
  const recordLength = dv.getUint16(10, true);
  if (headerLength < 33 || headerLength > dbf.length || recordLength < 1) throw fileError('zip_invalid', { detail: 'damaged .dbf header' });
  const fits = Math.floor((dbf.length - headerLength) / recordLength);
  if (count <= fits) return dbf;
  const copy = dbf.slice();
  new DataView(copy.buffer).setUint32(4, fits, true);
  return copy;
}

interface DbfField {
  name: string;
  type: string;
  length: number;
}

/** The DBF's field descriptors. Two fields with one name are refused, naming both: the format cuts names to 10
 *  characters (population_growth_pct → population), and a reader keyed by name would let the later one win. */
function dbfFields(dbf: Uint8Array): DbfField[] {
  const headerLength = dbf[8] | (dbf[9] << 8);
  const fields: DbfField[] = [];
  const seen = new Map<string, number>();
  for (let o = 32; o + 32 <= Math.min(headerLength, dbf.length) && dbf[o] !== 0x0d; o += 32) {
    const raw = dbf.subarray(o, o + 11);
    const end = raw.indexOf(0);
    const name = new TextDecoder().decode(end < 0 ? raw : raw.subarray(0, end)).trim();
    const first = seen.get(name);
    if (first !== undefined) throw fileError('dbf_duplicate_field', { first: first + 1, second: fields.length + 1, name }, name);
    seen.set(name, fields.length);
    fields.push({ name, type: String.fromCharCode(dbf[o + 11]), length: dbf[o + 16] });
  }
  return fields;
}

/** Per record, the first text field whose raw bytes hold control characters (trailing NUL/space padding aside) or,
 *  in a UTF-8 DBF, bytes that are not UTF-8. parsedbf drops every NUL and replaces bad bytes silently, so this reads
 *  the bytes themselves. */
function damagedRecords(dbf: Uint8Array, fields: DbfField[], records: number, label: string): Map<number, { column: string; value: string; code: 'text_control_chars' | 'text_invalid_utf8' }> {
  const out = new Map<number, { column: string; value: string; code: 'text_control_chars' | 'text_invalid_utf8' }>();
  const headerLength = dbf[8] | (dbf[9] << 8);
  const recordLength = dbf[10] | (dbf[11] << 8);
  const strict = label === 'utf-8' ? new TextDecoder('utf-8', { fatal: true }) : null;
  const lenient = new TextDecoder(label);
  for (let k = 0; k < records; k++) {
    let o = headerLength + k * recordLength + 1; // after the deletion flag
    for (const f of fields) {
      const start = o;
      o += f.length;
      if (f.type !== 'C' && f.type !== 'M') continue;
      let end = Math.min(start + f.length, dbf.length);
      while (end > start && (dbf[end - 1] === 0 || dbf[end - 1] === 0x20)) end--;
      const cell = dbf.subarray(start, end);
      let text: string;
      try {
        text = strict ? strict.decode(cell) : lenient.decode(cell);
      } catch {
        out.set(k, { column: f.name, value: lenient.decode(cell), code: 'text_invalid_utf8' });
        break;
      }
      const code = damagedText(text);
      if (code) {
        out.set(k, { column: f.name, value: visibleText(text), code });
        break;
      }
    }
  }
  return out;
}

/** Features (null for a record rejected in `problems`) and the code page read. */
export async function readShapefileZip(bytes: Uint8Array, expandedLimit: number): Promise<{ features: unknown[]; encoding?: Encoding; problems: Problem[] }> {
  const entries = listZip(bytes).filter((e) => !e.name.includes('__MACOSX') && !e.name.endsWith('/'));
  checkZip(entries, expandedLimit);
  const shpEntry = entries.find((e) => e.name.toLowerCase().endsWith('.shp'));
  if (!shpEntry) throw fileError('shp_missing', { part: '.shp' });
  const base = shpEntry.name.slice(0, -4).toLowerCase();
  const part = (ext: string) => entries.find((e) => e.name.toLowerCase() === base + ext);
  let budget = expandedLimit;
  const take = (ext: string) => {
    const e = part(ext);
    if (!e) return null;
    const out = inflateEntry(bytes, e, budget);
    budget -= out.length;
    return out;
  };
  const shp = take('.shp')!;
  const dbf = take('.dbf');
  if (!dbf) throw fileError('shp_missing', { part: '.dbf' });
  const prjBytes = take('.prj');
  const cpgBytes = take('.cpg');
  const prj = prjBytes ? new TextDecoder().decode(prjBytes) : null;
  let transform: string | undefined;
  if (prj && !isWgs84(prj)) {
    try {
      proj4(prj);
    } catch {
      throw fileError('crs_unsupported', { crs: prj.slice(0, 120) });
    }
    transform = prj;
  }
  let label = cpgBytes ? cpgLabel(new TextDecoder().decode(cpgBytes)) : null;
  if (!label) label = LDID[dbf[29]] ?? null;
  if (!label) {
    // No code page given: decode the DBF's records as the text scorer decides.
    const headerLength = dbf.length > 10 ? dbf[8] | (dbf[9] << 8) : 0;
    const guess = decodeText(dbf.subarray(Math.min(headerLength, dbf.length))).encoding;
    label = guess === 'kz-1048' ? 'windows-1251' : guess;
  }
  const shape = checkShp(shp);
  const fields = dbfFields(dbf);
  const dbfChecked = checkDbf(dbf);
  const damaged = damagedRecords(dbfChecked, fields, new DataView(dbfChecked.buffer, dbfChecked.byteOffset).getUint32(4, true), label);
  let geometries: unknown[];
  let records: Record<string, unknown>[];
  try {
    // Whole records only: a cut .shp is parsed up to its last whole record, the rest counts as missing geometry.
    const header = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
    let end = 100;
    for (let k = 0; k < shape.records; k++) end += 8 + header.getInt32(end + 4) * 2;
    const whole = shp.slice(0, end);
    new DataView(whole.buffer).setInt32(24, end / 2);
    geometries = parseShp(whole, transform);
    records = parseDbf(dbfChecked, label);
  } catch (e) {
    throw fileError('zip_invalid', { detail: `unreadable Shapefile (${(e as Error).message})` });
  }
  // One feature per DBF record (the attribute table is the register); a record without a readable shape gets no
  // geometry and is reported, shapes without a record are reported as features without attributes.
  const n = Math.max(records.length, geometries.length + (shape.cut ? 1 : 0));
  const problems: Problem[] = [];
  const features = Array.from({ length: n }, (_, i) => {
    const bad = damaged.get(i);
    if (bad) {
      problems.push({ row: i + 1, column: bad.column, value: bad.value, code: bad.code, params: {}, severity: 'error' });
      return null;
    }
    return i < records.length || i < geometries.length ? { type: 'Feature', geometry: geometries[i] ?? null, properties: records[i] ?? {} } : null;
  });
  return { features, encoding: label as Encoding, problems };
}
