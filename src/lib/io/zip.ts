// Zip archives (.xlsx, zipped Shapefiles), checked before anyone trusts them:
// - the central directory: declared sizes under a limit, no entry claiming an expansion over 400:1 (deflate tops
//   out near 1,032:1, where zip bombs sit), no encrypted entry, only stored or deflated entries, local headers that
//   agree with the directory;
// - every entry inflated as a stream with its CRC-32 and size checked: the real output may not pass the size the
//   directory declares (a directory that understates its sizes is refused after at most one small chunk past the
//   declared size, never after inflating hundreds of MB), nor the overall limit; a changed byte fails the CRC.
// The .xlsx path verifies every entry without keeping the output (SheetJS then reads the verified bytes); the
// Shapefile path keeps the parts it reads.
import { Inflate } from 'fflate';
import { fileError } from './problems.ts';

export interface ZipEntry {
  name: string;
  method: number;
  /** General purpose bit flags (bit 0: encrypted, bit 3: sizes in a data descriptor, bit 6: strong encryption). */
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the local file header. */
  offset: number;
}

// Deflate gives at most ~1,032:1; real spreadsheets and DBFs stay far below 400:1, zip bombs sit near the maximum.
const MAX_RATIO = 400;
// Input fed to the inflater per step: deflate's worst case turns 4 KB into ~4 MB, so the size checks run at least
// every ~4 MB of output.
const INFLATE_STEP = 4096;

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
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const crc = dv.getUint32(p + 16, true);
    const compressedSize = dv.getUint32(p + 20, true);
    const size = dv.getUint32(p + 24, true);
    const nameLength = dv.getUint16(p + 28, true);
    const extra = dv.getUint16(p + 30, true);
    const comment = dv.getUint16(p + 32, true);
    const offset = dv.getUint32(p + 42, true);
    const name = dec.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    entries.push({ name, method, flags, crc, compressedSize, size, offset });
    p += 46 + nameLength + extra + comment;
  }
  return entries;
}

const isEncrypted = (e: ZipEntry) => (e.flags & 0x41) !== 0 || e.method === 99; // 99: WinZip AES

/** Refuses, from the directory alone, an archive whose entries declare more than `limit` bytes in all, expand at
 *  an impossible ratio, are encrypted, or use a compression method other than stored/deflate. */
export function checkZip(entries: ZipEntry[], limit: number): void {
  let total = 0;
  for (const e of entries) {
    if (isEncrypted(e)) throw fileError('zip_encrypted', { entry: e.name });
    if (e.size === 0xffffffff || e.compressedSize === 0xffffffff) throw fileError('zip_bomb', { limit });
    total += e.size;
    if (e.method === 8 && e.size > 1024 && e.size / Math.max(1, e.compressedSize) > MAX_RATIO)
      throw fileError('zip_bomb', { limit, entry: e.name, ratio: Math.round(e.size / Math.max(1, e.compressedSize)), max: MAX_RATIO });
    if (e.method !== 0 && e.method !== 8) throw fileError('zip_invalid', { detail: `${e.name}: compression method ${e.method} is not supported` });
  }
  if (total > limit) throw fileError('zip_bomb', { limit });
}

// CRC-32 (IEEE 802.3, the zip checksum); fflate computes it when writing but does not export it.
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** Continues a CRC-32 over `chunk` (start with 0). */
export function crc32(chunk: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < chunk.length; i++) c = CRC_TABLE[(c ^ chunk[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** The entry's compressed bytes, after checking its local header against the directory. */
function entryData(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.offset + 30 > bytes.length || dv.getUint32(e.offset, true) !== 0x04034b50) throw fileError('zip_invalid', { detail: `${e.name}: damaged entry` });
  const localFlags = dv.getUint16(e.offset + 6, true);
  if ((localFlags & 0x41) !== 0) throw fileError('zip_encrypted', { entry: e.name });
  // Without a data descriptor the local header repeats method, CRC and sizes: a reader that trusts it (SheetJS
  // does) must see the same entry we check.
  const sameAsDirectory = dv.getUint16(e.offset + 8, true) === e.method && (localFlags & 0x08 ? true : dv.getUint32(e.offset + 14, true) === e.crc && dv.getUint32(e.offset + 18, true) === e.compressedSize && dv.getUint32(e.offset + 22, true) === e.size);
  if (!sameAsDirectory) throw fileError('zip_invalid', { detail: `${e.name}: the local header disagrees with the zip directory` });
  const start = e.offset + 30 + dv.getUint16(e.offset + 26, true) + dv.getUint16(e.offset + 28, true);
  if (start + e.compressedSize > bytes.length) throw fileError('zip_invalid', { detail: `${e.name}: the entry runs past the end of the file` });
  return bytes.subarray(start, start + e.compressedSize);
}

export interface InflateOptions {
  /** Largest output accepted for this entry (the remaining budget of the archive). */
  cap: number;
  /** false: check only, nothing kept (returns an empty array). */
  keep?: boolean;
  /** Sees every output chunk in order (e.g. to scan an XML part without keeping it). */
  onChunk?: (chunk: Uint8Array) => void;
}

/** Expands one entry as a stream, checking as it goes that the output stays within the declared size and the cap,
 *  and at the end that the size and CRC-32 match the directory. Throws a RegisterFileError naming the entry. */
export function inflateEntry(bytes: Uint8Array, e: ZipEntry, capOrOptions: number | InflateOptions): Uint8Array {
  const { cap, keep = true, onChunk } = typeof capOrOptions === 'number' ? { cap: capOrOptions } : capOrOptions;
  const data = entryData(bytes, e);
  const parts: Uint8Array[] = [];
  let produced = 0;
  let crc = 0;
  const take = (chunk: Uint8Array) => {
    produced += chunk.length;
    if (produced > e.size) throw fileError('zip_size_mismatch', { entry: e.name, size: e.size });
    if (produced > cap) throw fileError('zip_bomb', { limit: cap });
    crc = crc32(chunk, crc);
    onChunk?.(chunk);
    if (keep) parts.push(chunk);
  };
  if (e.method === 0) {
    if (data.length !== e.size) throw fileError('zip_size_mismatch', { entry: e.name, size: e.size });
    take(data);
  } else {
    const inflater = new Inflate((chunk) => take(chunk));
    try {
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
      for (let o = 0; o < data.length; o += INFLATE_STEP) inflater.push(data.subarray(o, Math.min(data.length, o + INFLATE_STEP)), o + INFLATE_STEP >= data.length);
    } catch (err) {
      if ((err as { problem?: unknown }).problem) throw err;
      throw fileError('zip_crc', { entry: e.name, detail: (err as Error).message });
    }
  }
  if (produced !== e.size) throw fileError('zip_size_mismatch', { entry: e.name, size: e.size });
  if (crc !== e.crc) throw fileError('zip_crc', { entry: e.name });
  if (!keep) return new Uint8Array(0);
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(produced);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Checks the whole archive: the directory (checkZip), then every entry inflated and CRC-checked with the real
 *  output of all entries together capped at `limit`. `onChunk` sees each entry's output (nothing is kept). */
export function verifyZip(bytes: Uint8Array, limit: number, onChunk?: (entry: ZipEntry, chunk: Uint8Array) => void): ZipEntry[] {
  const entries = listZip(bytes);
  checkZip(entries, limit);
  let budget = limit;
  for (const e of entries) {
    if (e.name.endsWith('/') && e.size === 0) continue; // a folder
    inflateEntry(bytes, e, { cap: budget, keep: false, onChunk: onChunk && ((chunk) => onChunk(e, chunk)) });
    budget -= e.size;
  }
  return entries;
}
