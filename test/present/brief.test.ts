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
});
