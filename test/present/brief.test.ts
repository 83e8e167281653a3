// The one-page brief in Node: jsPDF with Noto Sans; the Kazakh title comes back out of the PDF as text.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsPDF } from 'jspdf';
import { extractText, getDocumentProxy } from 'unpdf';
import { buildBrief } from '../../src/lib/present/brief.ts';

const font = (w: string) => new Uint8Array(fs.readFileSync(`node_modules/@expo-google-fonts/noto-sans/${w}/NotoSans_${w}.ttf`));

describe('brief', () => {
  it('is one A4 page whose text carries Kazakh letters', async () => {
    const title = 'Анықтама: Шығыс Қазақстан облысы — әғқңөұүһі';
    const pdf = buildBrief(jsPDF, { regular: font('400Regular'), bold: font('700Bold') }, {
      title, subtitle: 'Күні: 2026-11-25', map: null, headline: { label: 'Халықты қамту', value: '42,0%' },
      tables: [{ heading: 'Елді мекендер санаттар бойынша', columns: ['саны', 'халық'], rows: [{ label: 'Тірек', values: ['12', '34 000'], colour: '#e69f00' }] }],
      parameters: [{ label: 'Шекара қашықтығы, км', value: '50' }], parametersHeading: 'Сценарий параметрлері', footer: 'Дереккөздер: Natural Earth; GeoNames',
    });
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    const doc = await getDocumentProxy(pdf);
    expect(doc.numPages).toBe(1);
    const { text } = await extractText(doc, { mergePages: true });
    expect(text).toContain(title);
    expect(text).toContain('Сценарий параметрлері');
  });

  it('draws paragraphs and a curve on the page, their text extractable', async () => {
    const pdf = buildBrief(jsPDF, { regular: font('400Regular'), bold: font('700Bold') }, {
      title: 'Ұсынылған тірек желісі', subtitle: '2026-12-05', map: null, headline: null,
      paragraphs: ['Қазіргі 51 тірек 45,1% қамтиды; ең жақсы 51 тірек 59,9% қамтиды'],
      curve: { heading: 'Қамту қисығы', shares: Array.from({ length: 2000 }, (_, k) => 1 - Math.exp(-k / 300)), marked: 5, caption: 'N = 5' },
      tables: [], parameters: [], parametersHeading: 'Параметрлер', footer: 'Дереккөздер',
    });
    const doc = await getDocumentProxy(pdf);
    expect(doc.numPages).toBe(1);
    const { text } = await extractText(doc, { mergePages: true });
    for (const s of ['Қазіргі 51 тірек 45,1% қамтиды', 'Қамту қисығы', 'N = 5', '100%', '2000']) expect(text).toContain(s);
  });
});
