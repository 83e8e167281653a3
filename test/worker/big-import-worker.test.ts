// The worker side of very large imports: the row limit is enforced on the rows read, before the checks, and the
// register stays in columns (records are built one at a time, never all, unless asked for).
import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { importFile } from '../../src/lib/worker/import.ts';
import { handleImport, importState, locatedOf, setEmbedded } from '../../src/lib/worker/import-host.ts';
import type { ImportReply } from '../../src/lib/worker/import-protocol.ts';
import { loadModel } from '../../src/lib/worker/load.ts';
import { RegisterColumns } from '../../src/lib/engine/columns.ts';
import { preset } from '../../src/lib/engine/config/presets.ts';

const base = { lang: 'en' as const, outline: null, list: null };
const csv = (n: number) => new TextEncoder().encode('id,name_en,lat,lon,population\n' + Array.from({ length: n }, (_, i) => `K${i},Place ${i},${48 + i / 100},${70 + i / 100},${100 + i}`).join('\n') + '\n');

describe('large imports (worker side)', () => {
  it('refuses a file with more rows than maxRows, and takes one with exactly maxRows', async () => {
    await expect(importFile(csv(4), 'r.csv', preset('2019'), { ...base, maxRows: 3 })).rejects.toMatchObject({ problem: { code: 'too_many_rows', params: { limit: 3 } } });
    const r = await importFile(csv(3), 'r.csv', preset('2019'), { ...base, maxRows: 3 });
    expect(r.kind !== 'boundaries' && r.counts.onMap).toBe(3);
  });

  it('keeps the register in columns: one row as a record without building them all', async () => {
    const r = await importFile(csv(5), 'r.csv', preset('2019'), base);
    if (r.kind === 'boundaries') throw new Error('kind');
    const c = r.columns;
    expect(c.size).toBe(5);
    expect(c.row(3)).toMatchObject({ id: 'K3', name_en: 'Place 3', lat: 48.03, lon: 70.03, population: 103 });
    expect((c as unknown as { records: unknown }).records).toBeNull();
    // asked for, the records are the same rows
    expect(r.settlements[3]).toMatchObject({ id: 'K3', population: 103 });
  });
});

describe('boundaries on a large import (worker side)', () => {
  // two districts side by side; a 200,000-row register with a few rows placed by hand in front, the others spread
  // over and around both (never on an edge)
  const square = (name: string, west: number) => ({
    type: 'Feature', properties: { ADM2_PCODE: name.toUpperCase(), ADM2_EN: name },
    geometry: { type: 'Polygon', coordinates: [[[west, 48], [west + 1, 48], [west + 1, 49], [west, 49], [west, 48]]] },
  });
  const layer = new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features: [square('West', 70), square('East', 71)] }));
  const N = 200_000;
  const placed = ['h0,West-less,,48.5,70.5,10', 'h1,East-less,,48.5,71.5,10', 'h2,Stated,Stated,48.5,71.5,10', 'h3,Outside,,45,60,10'];
  const register = new TextEncoder().encode(
    'id,name_en,district,lat,lon,population\n' + placed.join('\n') + '\n' +
    Array.from({ length: N - placed.length }, (_, i) => `K${i},Place ${i},,${47.90123 + (i % 997) / 800},${69.90123 + (i % 1009) / 400},${100 + i}`).join('\n') + '\n',
  );
  const send = async (bytes: Uint8Array, fileName: string, kind: 'register' | 'boundaries') => {
    const replies: ImportReply[] = [];
    const model = await handleImport({ type: 'import', job: 1, bytes: bytes.slice().buffer, fileName, options: { lang: 'en', kind } }, (m) => replies.push(m));
    if (!model) throw new Error(JSON.stringify(replies.at(-1)));
    return model;
  };

  it('locates every row and fills the missing districts from the columns, without building the records; a reset undoes it', async () => {
    setEmbedded(await loadModel(new Uint8Array(fs.readFileSync('public/data/settlements.fgb')), new Uint8Array(fs.readFileSync('public/data/borders.fgb')), fs.readFileSync('data/example-register-illustrative.csv', 'utf8')));
    const records = vi.spyOn(RegisterColumns.prototype, 'settlements', 'get');
    try {
      await send(register, 'big.csv', 'register');
      const m = await send(layer, 'districts.geojson', 'boundaries');
      expect(m.size).toBe(N);
      expect([0, 1, 2, 3].map((i) => m.rowNames(i).district)).toEqual(['West', 'East', 'Stated', null]);
      // the stated district stays; the point-in-polygon one is kept beside it (the panel's mismatch flag)
      expect([0, 1, 2, 3].map((i) => locatedOf(i).district)).toEqual(['West', 'East', 'East', null]);
      expect(m.map.row(1)).toMatchObject({ id: 'h1', district: 'East' });
      // every row inside a square got its district
      const { lon, lat } = m.map;
      for (let i = 4; i < N; i += 1013) {
        const inside = lat[i] > 48 && lat[i] < 49 && lon[i] > 70 && lon[i] < 72;
        expect(m.rowNames(i).district).toBe(inside ? (lon[i] < 71 ? 'West' : 'East') : null);
      }
      // the import as read is not changed: new boundaries start from it
      expect(importState.imported!.columns.texts.district[1]).toBeNull();
      const reset = await handleImport({ type: 'import-reset', what: 'boundaries' }, () => {});
      expect([0, 1, 2].map((i) => reset!.rowNames(i).district)).toEqual([null, null, 'Stated']);
      expect(records).not.toHaveBeenCalled();
    } finally {
      records.mockRestore();
    }
  });
});

describe('rows without coordinates (worker side)', () => {
  it('are taken out of the columns without building the records', async () => {
    const records = vi.spyOn(RegisterColumns.prototype, 'settlements', 'get');
    try {
      const rows = Array.from({ length: 5000 }, (_, i) => (i % 1000 === 7 ? `K${i},Place ${i},D,O,,,1` : `K${i},Place ${i},D,O,${48 + i / 10000},${70 + i / 10000},${100 + i}`));
      const r = await importFile(new TextEncoder().encode('id,name_en,district,oblast,lat,lon,population\n' + rows.join('\n') + '\n'), 'r.csv', preset('2019'), { ...base, kind: 'register' });
      if (r.kind === 'boundaries') throw new Error('kind');
      expect(r.unlocated.map((u) => u.id)).toEqual(['K7', 'K1007', 'K2007', 'K3007', 'K4007']);
      expect(r.unlocated[0]).toMatchObject({ name: 'Place 7', district: 'D', oblast: 'O' });
      expect(r.columns.size).toBe(4995);
      expect(r.columns.row(7)).toMatchObject({ id: 'K8', name_en: 'Place 8', district: 'D', lat: 48.0008, lon: 70.0008, population: 108 });
      expect(records).not.toHaveBeenCalled();
    } finally {
      records.mockRestore();
    }
  });
});
