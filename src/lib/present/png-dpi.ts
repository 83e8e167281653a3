// The PNG's resolution (a pHYs chunk), so a word processor places the A4 poster at A4 size and the 2× image at
// half its pixel size. Canvas PNGs carry none; the chunk is inserted right after IHDR (where the PNG
// specification wants it: before IDAT), replacing any pHYs already there.

/** Pixels per metre for a resolution in dots per inch (300 DPI → 11811). */
export const pixelsPerMetre = (dpi: number) => Math.round(dpi / 0.0254);

let crcTable: Uint32Array | null = null;
/** CRC-32 (ISO-HDLC, the polynomial of PNG and zip) of bytes. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

function chunks(png: Uint8Array): { type: string; start: number; end: number }[] {
  if (png.length < 8 || SIGNATURE.some((b, i) => png[i] !== b)) throw new Error('not a PNG file');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: { type: string; start: number; end: number }[] = [];
  for (let p = 8; p + 12 <= png.length; ) {
    const length = view.getUint32(p);
    const type = String.fromCharCode(png[p + 4], png[p + 5], png[p + 6], png[p + 7]);
    const end = p + 12 + length;
    if (end > png.length) throw new Error(`PNG chunk ${type} runs past the end of the file`);
    out.push({ type, start: p, end });
    p = end;
    if (type === 'IEND') break;
  }
  return out;
}

/** The PNG with a pHYs chunk saying `dpi` (both axes, unit: metre). */
export function withDpi(png: Uint8Array, dpi: number): Uint8Array {
  const list = chunks(png);
  const ihdr = list[0];
  if (ihdr?.type !== 'IHDR') throw new Error('PNG does not start with IHDR');
  const ppm = pixelsPerMetre(dpi);
  const chunk = new Uint8Array(21);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 9); // data length
  chunk.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
  view.setUint32(8, ppm);
  view.setUint32(12, ppm);
  chunk[16] = 1; // unit: metre
  view.setUint32(17, crc32(chunk.subarray(4, 17)));
  const kept = list.filter((c) => c.type !== 'pHYs');
  const size = 8 + chunk.length + kept.reduce((n, c) => n + c.end - c.start, 0);
  const out = new Uint8Array(size);
  out.set(png.subarray(0, 8));
  let o = 8;
  for (const c of kept) {
    out.set(png.subarray(c.start, c.end), o);
    o += c.end - c.start;
    if (c === ihdr) (out.set(chunk, o), (o += chunk.length));
  }
  return out;
}

/** The resolution a PNG's pHYs chunk gives, in pixels per metre (x, y), or null without one (or with unit 0). */
export function readPhys(png: Uint8Array): { x: number; y: number; dpi: number } | null {
  const c = chunks(png).find((k) => k.type === 'pHYs');
  if (!c) return null;
  const view = new DataView(png.buffer, png.byteOffset + c.start, c.end - c.start);
  if (view.getUint32(0) !== 9 || png[c.start + 16] !== 1) return null;
  const x = view.getUint32(8), y = view.getUint32(12);
  return { x, y, dpi: Math.round(x * 0.0254) };
}

/** The DPI each PNG size carries: the A4 poster is 300 DPI, the 2× image twice the CSS 72 (144). */
export const PNG_DPI = { a4: 300, x2: 144 } as const;
