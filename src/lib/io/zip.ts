// Zip archives (.xlsx, zipped Shapefiles) checked before anything is expanded: the central directory's declared
// sizes must stay under a limit and no entry may claim an expansion over 400:1 (deflate tops out near 1,032:1, where zip bombs sit); entries we expand
// ourselves (Shapefile parts) are inflated with a hard cap on the bytes actually produced, so a directory that
// lies about sizes cannot blow up memory either.
import { Inflate } from 'fflate';
import { fileError } from './problems.ts';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the local file header. */
  offset: number;
}

// Deflate gives at most ~1,032:1; real spreadsheets and DBFs stay far below 400:1, zip bombs sit near the maximum.
const MAX_RATIO = 400;

/** The entries of a zip's central directory; throws a RegisterFileError when there is none or it is damaged. */
export function listZip(bytes: Uint8Array): ZipEntry[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw fileError('zip_invalid', { detail: 'no zip directory found' });
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  const dec = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== 0x02014b50) throw fileError('zip_invalid', { detail: 'damaged zip directory' });
    const method = dv.getUint16(p + 10, true);
    const compressedSize = dv.getUint32(p + 20, true);
    const size = dv.getUint32(p + 24, true);
    const nameLength = dv.getUint16(p + 28, true);
    const extra = dv.getUint16(p + 30, true);
    const comment = dv.getUint16(p + 32, true);
    const offset = dv.getUint32(p + 42, true);
    const name = dec.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    entries.push({ name, method, compressedSize, size, offset });
    p += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** Refuses an archive whose entries would expand beyond `limit` bytes or at an impossible ratio. */
export function checkZip(entries: ZipEntry[], limit: number): void {
  let total = 0;
  for (const e of entries) {
    if (e.size === 0xffffffff || e.compressedSize === 0xffffffff) throw fileError('zip_bomb', { size: 'over 4 GB (zip64)', limit });
    total += e.size;
    if (e.method === 8 && e.size > 1024 && e.size / Math.max(1, e.compressedSize) > MAX_RATIO) throw fileError('zip_bomb', { size: e.size, limit });
    if (e.method !== 0 && e.method !== 8) throw fileError('zip_invalid', { detail: `${e.name}: compression method ${e.method} is not supported` });
  }
  if (total > limit) throw fileError('zip_bomb', { size: total, limit });
}

/** Expands one entry, stopping with a RegisterFileError as soon as the output passes `cap` bytes. */
export function inflateEntry(bytes: Uint8Array, e: ZipEntry, cap: number): Uint8Array {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.offset + 30 > bytes.length || dv.getUint32(e.offset, true) !== 0x04034b50) throw fileError('zip_invalid', { detail: `${e.name}: damaged entry` });
  const start = e.offset + 30 + dv.getUint16(e.offset + 26, true) + dv.getUint16(e.offset + 28, true);
  const data = bytes.subarray(start, start + e.compressedSize);
  if (e.method === 0) {
    if (data.length > cap) throw fileError('zip_bomb', { size: data.length, limit: cap });
    return data;
  }
  const parts: Uint8Array[] = [];
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > cap) throw fileError('zip_bomb', { size: `more than ${cap}`, limit: cap });
    parts.push(chunk);
  });
  try {
    for (let o = 0; o < data.length; o += 65536) inflater.push(data.subarray(o, Math.min(data.length, o + 65536)), o + 65536 >= data.length);
  } catch (err) {
    if ((err as { problem?: unknown }).problem) throw err;
    throw fileError('zip_invalid', { detail: `${e.name}: ${(err as Error).message}` });
  }
  const out = new Uint8Array(produced);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
