// Bytes → text for registers exported from Excel, 1C or old DOS/Windows tools. Browser-safe: TextDecoder only
// (WHATWG encodings: utf-8, utf-16le/be, windows-1251, ibm866), plus a 128-entry table for KZ-1048, the Kazakh
// Windows code page that TextDecoder does not know. A table (about 300 bytes of source) instead of iconv-lite,
// which needs Buffer in the browser and would add ~300 kB to a Web Worker for the one code page we lack.
//
// Order of decisions: a BOM wins (UTF-8, UTF-16 LE/BE); otherwise NUL bytes on one parity mean UTF-16; otherwise
// UTF-8 when the bytes hold more valid multi-byte sequences than invalid ones (a few bad bytes in a UTF-8 file
// must not flip the whole file to 1251: they become U+FFFD and are reported); otherwise the single-byte code page
// whose decoding reads most like Kazakh or Russian text (letters score, unlikely symbols cost).

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'kz-1048' | 'ibm866';

/** KZ-1048 (RK1048, IANA "KZ-1048"), bytes 0x80–0xFF; 0x98 is unassigned. */
const KZ1048_HIGH =
  'ЂЃ‚ѓ„…†‡€‰Љ‹ЊҚҺЏђ‘’“”•–—\uFFFD™љ›њқһџ\u00A0ҰұӘ¤Ө¦§Ё©Ғ«¬\u00AD®Ү°±Ііөµ¶·ё№ғ»әҢңү' +
  'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя';

let kzTable: Uint16Array | null = null;
function decodeKz1048(bytes: Uint8Array): string {
  if (!kzTable) {
    kzTable = new Uint16Array(256);
    for (let b = 0; b < 256; b++) kzTable[b] = b < 0x80 ? b : KZ1048_HIGH.charCodeAt(b - 0x80);
  }
  // Byte → UTF-16 code unit through the table, then one decode of the code units.
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) units[i] = kzTable[bytes[i]];
  return new TextDecoder('utf-16le').decode(units);
}

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
  /** Bytes that were not valid in the chosen encoding, replaced by U+FFFD (UTF-8/UTF-16 only). */
  invalid: number;
}

export function decodeWith(bytes: Uint8Array, encoding: Encoding): string {
  if (encoding === 'kz-1048') return decodeKz1048(bytes);
  return new TextDecoder(encoding).decode(bytes);
}

/** Valid multi-byte UTF-8 sequences and invalid bytes in a sample. */
function utf8Evidence(bytes: Uint8Array, limit: number): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  const n = Math.min(bytes.length, limit);
  for (let i = 0; i < n; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

const KAZAKH = 'ӘәҒғҚқҢңӨөҰұҮүҺһІі';
// Letters of other Cyrillic alphabets that 1251 has where KZ-1048 has Kazakh ones; box drawing (CP866 read as
// 1251 or the reverse), C1 controls and U+FFFD count against a decoding.
const UNLIKELY = 'ЂЃѓЉЊЌЋЏђљњќћџЎўЈҐґЄєЇїЅѕ\uFFFD';
const WEIGHT = new Map<number, number>();
for (const ch of KAZAKH) WEIGHT.set(ch.charCodeAt(0), 2);
for (const ch of UNLIKELY) WEIGHT.set(ch.charCodeAt(0), -8);

/** How much a decoding reads like Kazakh or Russian: letters score, unlikely symbols cost. */
export function letterScore(text: string): number {
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if ((c >= 0x410 && c <= 0x44f) || c === 0x401 || c === 0x451) score += 1;
    else if ((c >= 0x2500 && c <= 0x259f) || (c >= 0x80 && c <= 0x9f)) score -= 8;
    else score += WEIGHT.get(c) ?? 0;
  }
  return score;
}

/** Which encoding a file's bytes are in, the length of its byte-order mark, and whether it is clean UTF-8 (one
 *  decision for decodeText and utf8Of). */
function detectEncoding(bytes: Uint8Array): { encoding: Encoding; bom: number; cleanUtf8: boolean } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3, cleanUtf8: false };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2, cleanUtf8: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2, cleanUtf8: false };
  // UTF-16 without a BOM: ASCII characters leave a NUL byte on one side.
  const sample = Math.min(bytes.length, 4096) & ~1;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  if (sample >= 4 && oddNul > sample / 6 && evenNul < sample / 50) return { encoding: 'utf-16le', bom: 0, cleanUtf8: false };
  if (sample >= 4 && evenNul > sample / 6 && oddNul < sample / 50) return { encoding: 'utf-16be', bom: 0, cleanUtf8: false };
  if (isValidUtf8(bytes)) return { encoding: 'utf-8', bom: 0, cleanUtf8: true };
  const { valid, invalid } = utf8Evidence(bytes, 1 << 22);
  if (valid > invalid) return { encoding: 'utf-8', bom: 0, cleanUtf8: false };
  // Single-byte code pages, scored on a sample of their high bytes' context.
  const probe = bytes.subarray(0, Math.min(bytes.length, 1 << 18));
  let best: Encoding = 'windows-1251';
  let bestScore = -Infinity;
  for (const enc of ['windows-1251', 'kz-1048', 'ibm866'] as const) {
    const s = letterScore(decodeWith(probe, enc));
    if (s > bestScore) {
      bestScore = s;
      best = enc;
    }
  }
  return { encoding: best, bom: 0, cleanUtf8: false };
}

export function decodeText(bytes: Uint8Array): Decoded {
  const { encoding, bom, cleanUtf8 } = detectEncoding(bytes);
  if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be') {
    const text = new TextDecoder(encoding).decode(bytes.subarray(bom));
    return { text, encoding, bom: bom > 0, invalid: cleanUtf8 ? 0 : countReplacements(text) };
  }
  return { text: decodeWith(bytes, encoding), encoding, bom: false, invalid: 0 };
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** Encodes text as KZ-1048 or Windows-1251 (for tests and round trips); unmappable characters become '?'. */
export function encodeSingleByte(text: string, encoding: 'windows-1251' | 'kz-1048' | 'ibm866'): Uint8Array {
  const map = new Map<string, number>();
  const probe = Uint8Array.from({ length: 128 }, (_, i) => i + 128);
  const high = decodeWith(probe, encoding);
  for (let i = 0; i < 128; i++) if (high[i] !== '\uFFFD' && !map.has(high[i])) map.set(high[i], i + 128);
  const out = new Uint8Array(text.length);
  let n = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    out[n++] = c < 0x80 ? c : (map.get(ch) ?? 0x3f);
  }
  return out.subarray(0, n);
}

export interface Utf8Text {
  /** The text as UTF-8 bytes, without a byte order mark: the input itself when it is UTF-8 (no copy). */
  bytes: Uint8Array;
  encoding: Encoding;
}

const CHUNK = 1 << 20;

/** True when every byte sequence is valid UTF-8. Checked in 1 MB pieces, so that no string of the whole file is
 *  built (a 50 MB file of Cyrillic text would be a 100 MB UTF-16 string). */
function isValidUtf8(bytes: Uint8Array): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    for (let i = 0; i < bytes.length; i += CHUNK) decoder.decode(bytes.subarray(i, i + CHUNK), { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** The same decision as decodeText, with the text kept as UTF-8 bytes (the CSV reader works on bytes and decodes a
 *  cell only when it is asked for): a UTF-8 file is returned as it is (invalid bytes become U+FFFD cell by cell, as
 *  the whole-text decoding gives them), other encodings are transcoded to UTF-8 a megabyte at a time. */
export function utf8Of(bytes: Uint8Array): Utf8Text {
  const { encoding, bom } = detectEncoding(bytes);
  if (encoding === 'utf-8') {
    // decodeText's decoder also drops a second BOM right after the first
    const second = bom > 0 && bytes[3] === 0xef && bytes[4] === 0xbb && bytes[5] === 0xbf;
    return { bytes: bytes.subarray(bom + (second ? 3 : 0)), encoding };
  }
  return { bytes: transcode(bytes.subarray(bom), encoding), encoding };
}

/** Bytes in `encoding` → UTF-8 bytes, a megabyte at a time (no string of the whole file). A UTF-16 BOM left at the
 *  start is dropped, as TextDecoder drops it. */
function transcode(bytes: Uint8Array, encoding: Exclude<Encoding, 'utf-8'>): Uint8Array {
  const encoder = new TextEncoder();
  const decoder = encoding === 'kz-1048' ? null : new TextDecoder(encoding);
  // single-byte code pages: at most 3 UTF-8 bytes per byte; UTF-16: at most 3 per 2 bytes
  let out = new Uint8Array(Math.max(16, Math.ceil(bytes.length * (encoding.startsWith('utf-16') ? 1.5 : 2)) + 16));
  let used = 0;
  const put = (s: string) => {
    if (used + s.length * 3 > out.length) {
      const bigger = new Uint8Array(Math.max(out.length * 2, used + s.length * 3));
      bigger.set(out.subarray(0, used));
      out = bigger;
    }
    used += encoder.encodeInto(s, out.subarray(used)).written;
  };
  // UTF-16 pieces split on an even offset; the streaming decoder carries a surrogate pair across pieces
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const piece = bytes.subarray(i, i + CHUNK);
    put(decoder ? decoder.decode(piece, { stream: true }) : decodeKz1048(piece));
  }
  if (decoder) put(decoder.decode());
  return out.subarray(0, used);
}
