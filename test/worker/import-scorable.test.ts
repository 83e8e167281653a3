// The import summary carries the share of points the file can score (issue 22 item 4): RegisterImport.scorable
// reaches ImportSummary through the worker's import host, and the panel says it in kk/ru/en.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/lib/worker/load.ts';
import { handleImport, setEmbedded } from '../../src/lib/worker/import-host.ts';
import type { ImportReply, ImportSummary } from '../../src/lib/worker/import-protocol.ts';
import { scorableSentence } from '../../src/lib/ui/import/scorable.ts';

// Every scored indicator of the 2019 preset but has_internet (infrastructure, 4 of the 100 points); no
// km_to_railway (geospatial: rules only, 0 points)
const HEADER = 'id,name_en,lat,lon,population,share_young_pct,net_migration_per_1000,population_growth_pct,has_central_water,has_paved_road,has_school,has_kindergarten,has_medical_facility,employment_rate_pct,employment_growth_pct,livestock_units_per_household,arable_ha_per_capita';
const ROW = (i: number) => `K${i},Place ${i},${49 + i / 10},${72 + i / 10},${500 + i},20,1,0.5,1,1,1,0,1,60,1,3,2`;

async function importCsv(text: string, fileName: string): Promise<ImportSummary> {
  const replies: ImportReply[] = [];
  await handleImport({ type: 'import', job: 7, bytes: new TextEncoder().encode(text).buffer as ArrayBuffer, fileName, options: { lang: 'kk' } }, (m) => replies.push(m));
  const done = replies.find((m) => m.type === 'import-done');
  if (done?.type !== 'import-done') throw new Error(JSON.stringify(replies.at(-1)));
  return done.summary;
}

describe('import summary: the points the file can score', () => {
  it('a register without has_internet: 96 of 100 points, has_internet absent (infrastructure, 4); said in kk/ru/en', async () => {
    setEmbedded(await loadModel(new Uint8Array(fs.readFileSync('public/data/settlements.fgb')), new Uint8Array(fs.readFileSync('public/data/borders.fgb')), fs.readFileSync('data/example-register-illustrative.csv', 'utf8')));
    const summary = await importCsv([HEADER, ROW(1), ROW(2), ROW(3)].join('\n') + '\n', 'no-internet.csv');
    expect(summary.counts?.onMap).toBe(3);
    expect(summary.scorable).not.toBeNull();
    expect(summary.scorable!.available).toBe(96);
    expect(summary.scorable!.total).toBe(100);
    expect(summary.scorable!.share).toBe(0.96);
    expect(summary.scorable!.absent).toContainEqual({ column: 'has_internet', block: 'infrastructure', points: 4 });
    expect(summary.scorable!.absent.filter((a) => a.points > 0)).toEqual([{ column: 'has_internet', block: 'infrastructure', points: 4 }]);
    expect(scorableSentence('kk', summary.scorable!)).toBe('Файл 100 ұпайдың 96 ұпайын бағалай алады; жоқ: has_internet (инфрақұрылым, 4 ұпай)');
    expect(scorableSentence('ru', summary.scorable!)).toBe('Файл может оценить 96 из 100 баллов; нет: has_internet (инфраструктура, баллы: 4)');
    expect(scorableSentence('en', summary.scorable!)).toBe('The file can score 96 of 100 points; absent: has_internet (infrastructure, 4 points)');
  }, 60_000);

  it('a register with only id, name and location: 0 of 100 points, every scored column named once', async () => {
    const summary = await importCsv('id,name_en,lat,lon\nK1,A,49.1,72.1\n', 'bare.csv');
    expect(summary.scorable).toMatchObject({ available: 0, total: 100, share: 0 });
    const scored = summary.scorable!.absent.filter((a) => a.points > 0);
    // population 20 + the three demography indicators 30, infrastructure 30, economy 20
    expect(scored.map((a) => a.column)).toEqual(['population', 'share_young_pct', 'net_migration_per_1000', 'population_growth_pct', 'has_central_water', 'has_paved_road', 'has_school', 'has_kindergarten', 'has_medical_facility', 'has_internet', 'employment_rate_pct', 'employment_growth_pct', 'livestock_units_per_household', 'arable_ha_per_capita']);
    expect(scored.reduce((a, b) => a + b.points, 0)).toBe(100);
    expect(scorableSentence('en', summary.scorable!)).toMatch(/^The file can score 0 of 100 points; absent: population \(demography, 20 points\), share_young_pct \(demography, 10 points\), /);
    await handleImport({ type: 'import-reset', what: 'all' }, () => {});
  }, 60_000);
});
