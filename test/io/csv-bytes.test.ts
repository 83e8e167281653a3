// The CSV reader works on UTF-8 bytes (issue 22 item 6: no string of the whole file): line breaks found on bytes
// are exactly the text's (NEL is C2 85, never the 85 inside «х» D1 85), cells decode as the whole text decodes,
// and other encodings are transcoded to UTF-8 with the same result as decoding them whole.
import { describe, expect, it } from 'vitest';
import { readCsv, utf8Slice } from '../../src/lib/io/csv.ts';
import { decodeText, encodeSingleByte, utf8Of } from '../../src/lib/io/text.ts';
import { readTable } from '../../src/lib/io/formats.ts';

const cells = (t: ReturnType<typeof readCsv>) => t.lines.map((line, k) => [line, ...t.columns.map((c) => c!.get(k))]);

describe('CSV on bytes', () => {
  it('«х» (D1 85) is a letter, NEL (C2 85), LS and PS are line breaks; line numbers as the text counts them', () => {
    const text = 'id,name\u0085х1,Шымкент\u2028х2,"Ах\u0085ха"\u2029х3,Түлкібас\r\nх4,ххх\n';
    const t = readCsv(new TextEncoder().encode(text));
    expect(t.header).toEqual(['id', 'name']);
    expect(cells(t)).toEqual([[2, 'х1', 'Шымкент'], [3, 'х2', 'Ах\u0085ха'], [5, 'х3', 'Түлкібас'], [6, 'х4', 'ххх']]);
    expect(t.problems).toEqual([]);
    // the same as the text given as a string
    expect(cells(readCsv(text))).toEqual(cells(t));
  });

  it('a cell decodes as the whole text decodes it: invalid bytes become U+FFFD, long and 3-byte cells too', () => {
    const bytes = Uint8Array.from([0x61, 0xd0, 0x2c, 0xe2, 0x80, 0x62, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xff]);
    const whole = new TextDecoder().decode(bytes);
    for (const [from, to] of [[0, 2], [3, 16], [6, 8], [8, 11], [11, 15], [0, 16]]) expect(utf8Slice(bytes, from, to)).toBe(new TextDecoder().decode(bytes.subarray(from, to)));
    expect(utf8Slice(bytes, 0, 2) + ',' + utf8Slice(bytes, 3, 16)).toBe(whole);
    const long = 'Қ'.repeat(100) + 'a';
    const enc = new TextEncoder().encode(long);
    expect(utf8Slice(enc, 0, enc.length)).toBe(long);
  });

  it('Windows-1251, KZ-1048 and UTF-16 are transcoded to the UTF-8 of the text decodeText gives', () => {
    const text = 'id;Наименование;Широта\r\n1;Қарағанды;49,8\r\n2;Өскемен;49,9\r\n';
    const files = [encodeSingleByte(text, 'windows-1251'), encodeSingleByte(text, 'kz-1048'), Uint8Array.from([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer)])];
    for (const bytes of files) {
      const u = utf8Of(bytes);
      const d = decodeText(bytes);
      expect(u.encoding).toBe(d.encoding);
      expect(new TextDecoder().decode(u.bytes)).toBe(d.text);
    }
    // a UTF-8 file is returned as it is (no copy); its BOM skipped
    const utf8 = new TextEncoder().encode('\ufeffid,name\n1,A\n');
    expect(utf8Of(utf8).bytes.buffer).toBe(utf8.buffer);
    expect(new TextDecoder().decode(utf8Of(utf8).bytes)).toBe('id,name\n1,A\n');
  });

  it('a title above the header is skipped on bytes, line numbers stay those of the file', async () => {
    const bytes = encodeSingleByte('Тізім 2024\r\n\r\nid;name_kk;lat;lon\r\n1;Ақсу;49,1;72,1\r\n', 'kz-1048');
    const { table, notices } = await readTable(bytes, 't.csv');
    expect(table.header).toEqual(['id', 'name_kk', 'lat', 'lon']);
    expect(table.rows).toEqual([4]);
    expect(table.columns[1]!.get(0)).toBe('Ақсу');
    expect(notices.map((n) => [n.code, n.row])).toEqual([['header_row_found', 3]]);
  });
});
