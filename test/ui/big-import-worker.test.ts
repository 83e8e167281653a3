// The worker side of very large imports: the row limit is enforced on the rows read, before the checks, and the
// register stays in columns (records are built one at a time, never all, unless asked for).
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/ui/worker/import.ts';
import { preset } from '../../src/lib/engine/config/presets.ts';

const base = { lang: 'en' as const, outline: null, list: null };
const csv = (n: number) => new TextEncoder().encode('id,name_en,lat,lon,population\n' + Array.from({ length: n }, (_, i) => `K${i},Place ${i},${48 + i / 100},${70 + i / 100},${100 + i}`).join('\n') + '\n');

describe('large imports (worker side)', () => {
  it('refuses a file with more rows than maxRows, and takes one with exactly maxRows', async () => {
    await expect(importFile(csv(4), 'r.csv', preset('2019'), { ...base, maxRows: 3 })).rejects.toThrow('too_many_rows');
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
