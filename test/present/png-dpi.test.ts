// The PNG resolution chunk: written after IHDR with a correct CRC, read back as 300 / 144 DPI.
import { describe, expect, it } from 'vitest';
import { zlibSync } from 'fflate';
import { crc32, pixelsPerMetre, readPhys, withDpi, PNG_DPI } from '../../src/lib/present/png-dpi.ts';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** A 1×1 grey PNG, chunk by chunk (length, type, data, CRC of type + data). */
function tinyPng(): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const v = new DataView(out.buffer);
    v.setUint32(0, data.length);
    out.set(ascii(type), 4);
    out.set(data, 8);
    v.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]); // 1×1, 8-bit greyscale
  const parts = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlibSync(new Uint8Array([0, 128]))), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) (out.set(p, o), (o += p.length));
  return out;
}

const chunkTypes = (png: Uint8Array) => {
  const v = new DataView(png.buffer, png.byteOffset);
  const out: string[] = [];
  for (let p = 8; p < png.length; p += 12 + v.getUint32(p)) out.push(String.fromCharCode(...png.subarray(p + 4, p + 8)));
  return out;
};

describe('PNG resolution (pHYs)', () => {
  it('CRC-32 gives the published check values', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32(ascii('IEND'))).toBe(0xae426082); // the CRC every PNG ends with
  });

  it('300 DPI is 11811 pixels per metre, 144 DPI 5669', () => {
    expect(pixelsPerMetre(300)).toBe(11811); // 300 / 0.0254 = 11811.02
    expect(pixelsPerMetre(144)).toBe(5669); // 144 / 0.0254 = 5669.29
    expect(PNG_DPI).toEqual({ a4: 300, x2: 144 });
  });

  it('inserts pHYs right after IHDR with its CRC, and reads it back', () => {
    const png = tinyPng();
    expect(readPhys(png)).toBeNull();
    const out = withDpi(png, 300);
    expect(out.length).toBe(png.length + 21);
    expect(chunkTypes(out)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    expect(readPhys(out)).toEqual({ x: 11811, y: 11811, dpi: 300 });
    // the chunk's bytes: length 9, "pHYs", 11811 = 0x2E23 twice, unit 1 (metre), then the CRC of type + data
    const at = 8 + 25;
    expect([...out.subarray(at, at + 17)]).toEqual([0, 0, 0, 9, 0x70, 0x48, 0x59, 0x73, 0, 0, 0x2e, 0x23, 0, 0, 0x2e, 0x23, 1]);
    expect(new DataView(out.buffer).getUint32(at + 17)).toBe(crc32(out.subarray(at + 4, at + 17)));
    // the rest of the file is untouched
    expect([...out.subarray(at + 21)]).toEqual([...png.subarray(33)]);
  });

  it('replaces an earlier pHYs instead of adding a second', () => {
    const twice = withDpi(withDpi(tinyPng(), 300), 144);
    expect(chunkTypes(twice)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    expect(readPhys(twice)).toEqual({ x: 5669, y: 5669, dpi: 144 });
  });

  it('refuses bytes that are not a PNG', () => {
    expect(() => withDpi(ascii('GIF89a........'), 300)).toThrow(/not a PNG/);
  });
});
