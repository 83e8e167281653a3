// The network's PDF page: built in Node with the brief's layout; its text carries the title, the sentences, the
// curve's caption, the top supports by name and the count left for the files.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsPDF } from 'jspdf';
import { extractText, getDocumentProxy } from 'unpdf';
import { buildBrief } from '../../src/lib/present/brief.ts';
import { networkPage } from '../../src/lib/ui/network/network-pdf.ts';
import type { NetworkResult } from '../../src/lib/worker/network-protocol.ts';

const font = (w: string) => new Uint8Array(fs.readFileSync(`node_modules/@expo-google-fonts/noto-sans/${w}/NotoSans_${w}.ttf`));

describe('network PDF page', () => {
  it('lays out the suggestion on one page in kk', async () => {
    // 34 supports: the page lists the 32 serving most, the last two are left to the files
    const lines = Array.from({ length: 34 }, (_, k) => ({ id: `s${k}`, mapRow: k, served: 1000 - k, names: { kk: k === 0 ? 'Ақсу' : null, ru: `Пункт ${k}`, en: null } }));
    const r = {
      problem: 'mclp', supports: Int32Array.from(lines.keys()), coveredPopulation: 840, ruralPopulation: 1000, upperBoundPopulation: 850, gap: 10 / 850,
      curve: Float64Array.from({ length: 40 }, (_, k) => Math.min(900, 100 + 20 * k)), comparison: { current: 34, currentPopulation: 710, bestPopulation: 840, suffice: 31 }, target: null,
    } as unknown as NetworkResult;
    const input = networkPage('kk', r, lines, { form: { kind: 'mclp', supports: 34, targetPercent: 90, radiusKm: 15, candidates: 'all', requiredIds: [], excludedText: '' }, keepCurrent: false, excluded: 0, date: '2026-12-05', footer: 'Дереккөздер: GeoNames' });
    expect(input.tables[0].rows[0].label).toBe('Ақсу');
    expect(input.tables[0].rows[0].values[0]).toBe('s0');
    expect(input.tables[0].rows[1].label).toBe('Пункт 1');
    expect(input.tables.flatMap((t) => t.rows).length).toBe(32);
    const pdf = buildBrief(jsPDF, { regular: font('400Regular'), bold: font('700Bold') }, input);
    const doc = await getDocumentProxy(pdf);
    const { text } = await extractText(doc, { mergePages: true });
    for (const s of ['Ұсынылған тірек елді мекендер желісі', 'Қазіргі 34 тірек 71% қамтиды', '31 тірек жеткілікті', 'Белгіленген нүкте: N = 34', 'Ақсу', 'Пункт 31', 'тағы 2 тірек', 'Есептеу параметрлері', 'Дереккөздер: GeoNames']) expect(text).toContain(s);
    expect(text).not.toContain('Пункт 32');
  });
});
