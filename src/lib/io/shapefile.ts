// Zipped Shapefiles via shpjs: we expand the parts ourselves (hard size cap), then hand them to its parsers. The
// .prj is honoured: WGS 84 geographic is taken as is; another system proj4 understands is reprojected to WGS 84;
// one it does not is refused with its name. The DBF code page comes from the .cpg, else the DBF's language driver
// byte (0xC9 CP1251, 0x65/0x26 CP866, 0x57 ANSI), else the decoding that reads most like Kazakh/Russian text.
import proj4 from 'proj4';
import { parseDbf, parseShp } from 'shpjs';
import { checkZip, inflateEntry, listZip } from './zip.ts';
import { fileError } from './problems.ts';
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

export async function readShapefileZip(bytes: Uint8Array, expandedLimit: number): Promise<{ features: unknown[]; encoding?: Encoding }> {
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
  let geometries: unknown[];
  let records: Record<string, unknown>[];
  try {
    geometries = parseShp(shp, transform);
    records = parseDbf(dbf, label);
  } catch (e) {
    throw fileError('zip_invalid', { detail: `unreadable Shapefile (${(e as Error).message})` });
  }
  const features = geometries.map((geometry, i) => ({ type: 'Feature', geometry, properties: records[i] ?? {} }));
  return { features, encoding: label as Encoding };
}
