// A minimal point Shapefile writer for tests (SHP + SHX + DBF with text fields), zipped with fflate.
import { zipSync } from 'fflate';

export function pointShapefileZip(points: { x: number; y: number; props: Record<string, string> }[], opts: { encode: (s: string) => Uint8Array; cpg?: string; prj?: string; ldid?: number }): Uint8Array {
  const n = points.length;
  const shp = new DataView(new ArrayBuffer(100 + n * 28));
  const shx = new DataView(new ArrayBuffer(100 + n * 8));
  for (const [dv, len] of [[shp, 100 + n * 28], [shx, 100 + n * 8]] as const) {
    dv.setInt32(0, 9994);
    dv.setInt32(24, len / 2);
    dv.setInt32(28, 1000, true);
    dv.setInt32(32, 1, true); // Point
  }
  points.forEach((p, i) => {
    const o = 100 + i * 28;
    shp.setInt32(o, i + 1);
    shp.setInt32(o + 4, 10);
    shp.setInt32(o + 8, 1, true);
    shp.setFloat64(o + 12, p.x, true);
    shp.setFloat64(o + 20, p.y, true);
    shx.setInt32(100 + i * 8, o / 2);
    shx.setInt32(104 + i * 8, 10);
  });
  const fields = Object.keys(points[0]?.props ?? { id: '' });
  const width = 40;
  const headerLength = 32 + fields.length * 32 + 1;
  const recordLength = 1 + fields.length * width;
  const dbf = new Uint8Array(headerLength + n * recordLength + 1);
  const dv = new DataView(dbf.buffer);
  dbf[0] = 3;
  dv.setUint32(4, n, true);
  dv.setUint16(8, headerLength, true);
  dv.setUint16(10, recordLength, true);
  dbf[29] = opts.ldid ?? 0;
  fields.forEach((f, k) => {
    const o = 32 + k * 32;
    dbf.set(new TextEncoder().encode(f.slice(0, 10)), o);
    dbf[o + 11] = 0x43; // C
    dbf[o + 16] = width;
  });
  dbf[headerLength - 1] = 0x0d;
  points.forEach((p, i) => {
    const o = headerLength + i * recordLength;
    dbf[o] = 0x20;
    fields.forEach((f, k) => {
      const cell = new Uint8Array(width).fill(0x20);
      cell.set(opts.encode(p.props[f] ?? '').subarray(0, width));
      dbf.set(cell, o + 1 + k * width);
    });
  });
  dbf[dbf.length - 1] = 0x1a;
  const files: Record<string, Uint8Array> = { 'r.shp': new Uint8Array(shp.buffer), 'r.shx': new Uint8Array(shx.buffer), 'r.dbf': dbf };
  if (opts.cpg) files['r.cpg'] = new TextEncoder().encode(opts.cpg);
  if (opts.prj) files['r.prj'] = new TextEncoder().encode(opts.prj);
  return zipSync(files);
}
