// The audit's words and the printable page of a district: the data of the page (pure), then the PDF built from it
// with the brief's jsPDF layout (Noto Sans: Kazakh and Russian letters) carrying the district's counts.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsPDF } from 'jspdf';
import { extractText, getDocumentProxy } from 'unpdf';
import { auditPage, flagText, flagsShort, listReason, panelReasons, unitLabel } from '../../src/lib/ui/audit/audit-text.ts';
import { buildBrief } from '../../src/lib/present/brief.ts';
import type { AuditListRow, AuditUnitLine, Settings } from '../../src/lib/worker/protocol.ts';

const font = (w: string) => new Uint8Array(fs.readFileSync(`node_modules/@expo-google-fonts/noto-sans/${w}/NotoSans_${w}.ttf`));
const unit: AuditUnitLine = { key: 'KZ-AKM|Целиноградский', oblast: 'KZ-AKM', district: 'Целиноградский', settlements: 3, byClass: [1, 2, 0, 0, 0], flagged: 1 };
const row = (id: string, over: Partial<AuditListRow>): AuditListRow => ({
  row: 0, id, names: { kk: null, ru: id, en: null }, oblast: 'KZ-AKM', district: 'Целиноградский', official: 'support', computed: 'satellite', audit: 'upgrade',
  potential: 'low', scorePercent: 5, rule: { code: 'satellite', params: { support: { ru: 'Тірек-1' }, km: 3.5 }, reason: 'satellite of S1' }, flags: [], km: null, ...over,
});
const list = [
  row('Ауыл-А', {}),
  row('Ауыл-D', { official: 'satellite', computed: 'other', rule: { code: 'other', params: {}, reason: 'other' }, flags: ['support_too_far'], km: 40 }),
];
const settings: Settings = { borderKm: 50, regionalMinPopulation: 50000, satelliteRadiusKm: 15, blockPoints: { demography: 35, infrastructure: 35, economy: 30 } };

describe('audit words', () => {
  it('words flags, reasons and units in the UI language', () => {
    expect(flagText('en', 'support_too_far', { km: 40, radiusKm: 15, supportId: 'S1' })).toBe('too far: 40 km, beyond the satellite radius of 15 km');
    expect(flagText('ru', 'support_other_district', { km: 1, radiusKm: 15, supportId: 'S1', supportDistrict: 'Аршалынский' })).toBe('в другом районе (Аршалынский)');
    expect(flagText('kk', 'support_not_found', { km: null, radiusKm: 15, supportId: 'X9' })).toContain('X9');
    expect(flagsShort('ru', ['support_too_far', 'support_not_approved'], 40)).toBe('далеко (40 км), опорный не утверждён');
    expect(listReason('en', list[1])).toBe('Other: not a support settlement, no support within reach, not on the border; too far (40 km)');
    expect(unitLabel('en', { oblast: 'KZ-AKM', district: null })).toMatch(/Akmola.* · district not given/);
    const reasons = panelReasons('en', {
      rule: { code: 'support.rural_district_centre', params: { potential: 'high' }, reason: '' }, potential: 'high', scorePercent: 92.5,
      blocks: [{ id: 'demography', label: { kk: 'Демография', ru: 'Демография', en: 'Demography' }, points: 30, max: 35, status: 'confirmed', scored: true, indicators: [] }],
      towns: [{ tier: 'district', label: { kk: '', ru: '', en: '' }, name: 'Town', names: {}, km: 12.34 }], kmChina: null, kmRussia: 300,
    } as never);
    expect(reasons).toEqual([
      'Support: rural-district centre with high potential', 'Score 92.5 %, high potential', 'Block points: Demography 30 / 35',
      'Nearest town: Town, 12.3 km', 'To the border: China —, Russia 300 km',
    ]);
  });
});

describe('printable audit page of a district', () => {
  it('carries the district\'s counts, its disagreements with reasons and the parameters', async () => {
    const page = auditPage('ru', unit, { list, listCount: 2 }, { date: '2026-11-25', settings, scenarioName: null, footer: 'Источники' });
    expect(page.title).toBe('Аудит утверждённых категорий: Акмолинская область · Целиноградский');
    expect(page.tables[0].rows.map((r) => r.values[0])).toEqual(['1', '2', '0', '0', '0', '1', '3']);
    expect(page.lists![0].heading).toBe('Расхождения с основаниями (2)');
    expect(page.lists![0].items[1]).toBe('Ауыл-D — утверждён: Спутниковый, расчёт: Прочие (Завышен): Прочие: не опорный, опорного поблизости нет, не у границы; далеко (40 км)');
    expect(page.parameters.find((p) => p.label.includes('спутник'))?.value).toBe('15');
    const pdf = buildBrief(jsPDF, { regular: font('400Regular'), bold: font('700Bold') }, page);
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    expect(text).toContain('Целиноградский');
    expect(text).toMatch(/Совпадает: утверждено = расчёт\s*1/);
    expect(text).toMatch(/Завышен: утверждён выше расчёта\s*2/);
    expect(text).toContain('Ауыл-D');
  });

  it('goes on to a second page when the list is long', async () => {
    const long = Array.from({ length: 80 }, (_, i) => row(`Ауыл-${i}`, {}));
    const pdf = buildBrief(jsPDF, { regular: font('400Regular'), bold: font('700Bold') }, auditPage('kk', { ...unit, byClass: [0, 80, 0, 0, 0], settlements: 80 }, { list: long, listCount: 80 }, { date: '2026-11-25', settings, scenarioName: 'Сценарий А', footer: 'Дереккөздер' }));
    const doc = await getDocumentProxy(pdf);
    expect(doc.numPages).toBeGreaterThan(1);
    const { text } = await extractText(doc, { mergePages: true });
    expect(text).toContain('Ауыл-79');
    expect(text).toContain('Сценарий А');
  });
});
