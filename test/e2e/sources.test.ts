// End-to-end: the sources line tells the truth. After importing a register, the PDF brief and the export
// parameters name the imported file and never say "synthetic" (in any of the three languages); the embedded data
// says so before; the map's corner credit is the same line; a boundary layer's credit typed at import enters it (as
// text, never HTML). Screenshots: test/e2e/screenshots/sources-brief.png (the brief of an imported register),
// sources-map-credit.png (the map's corner with an imported register and a typed boundary credit).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { downloadBytes, importFile, openAppForFile, screenshotPdf, SCREENSHOTS, type Harness } from './browser.ts';

let h: Harness;
let page: Page;
openAppForFile(async (app) => {
  ({ h, page } = app);
});

const SYNTHETIC = /synthetic|синтетикалық|синтетическ/i;

async function downloads(p: Page, click: () => Promise<unknown>, n: number): Promise<{ name: string; bytes: Buffer }[]> {
  const got: Download[] = [];
  const done = new Promise<void>((resolve) => {
    const on = (d: Download) => {
      got.push(d);
      if (got.length === n) (p.off('download', on), resolve());
    };
    p.on('download', on);
  });
  await click();
  await done;
  return Promise.all(got.map(async (d) => ({ name: d.suggestedFilename(), bytes: await downloadBytes(d) })));
}

/** Picks the first region of the brief's unit list (the PDF button needs one). */
async function pickUnit(p: Page) {
  const select = p.getByRole('combobox', { name: 'Облыс немесе аудан' });
  const value = await select.locator('option').nth(1).getAttribute('value');
  await select.selectOption(value!);
}

/** The map's corner credit (MapLibre's attribution control). */
const mapCredit = (p: Page) => p.locator('.maplibregl-ctrl-attrib-inner').textContent();

const pdfText = async (bytes: Buffer) => (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text;

describe('sources line', () => {
  it('the embedded data: the brief says its indicator values are synthetic', async () => {
    await page.locator('section.present').scrollIntoViewIfNeeded();
    await pickUnit(page);
    const [pdf] = await downloads(page, () => page.getByRole('button', { name: 'PDF', exact: true }).click(), 1);
    expect((await pdfText(pdf.bytes)).replace(/\s+/g, ' ')).toMatch(/СИНТЕТИКАЛЫҚ/);
    // the map says the same
    expect(await mapCredit(page)).toMatch(/СИНТЕТИКАЛЫҚ/);
  });

  it('an imported register: the PDF brief and the export parameters name the file and never say synthetic', async () => {
    await importFile(page, { name: 'audit-register.csv', mimeType: 'text/csv', buffer: fs.readFileSync('test/fixtures/audit-register.csv') }, { timeout: 60_000 });
    await page.locator('section.present').scrollIntoViewIfNeeded();
    await pickUnit(page);
    const [pdf] = await downloads(page, () => page.getByRole('button', { name: 'PDF', exact: true }).click(), 1);
    const text = (await pdfText(pdf.bytes)).replace(/\s+/g, ' ');
    expect(text).toContain('audit-register.csv');
    expect(text).not.toMatch(SYNTHETIC);
    // the map's credit names the file, never "synthetic"
    await expect.poll(() => mapCredit(page)).toContain('audit-register.csv');
    expect(await mapCredit(page)).not.toMatch(SYNTHETIC);
    const files = await downloads(page, () => page.getByRole('button', { name: 'CSV', exact: true }).click(), 2);
    const params = JSON.parse(files.find((f) => f.name.endsWith('-parameters.json'))!.bytes.toString('utf8'));
    expect(params.sources).toContain('audit-register.csv');
    expect(JSON.stringify(params)).not.toMatch(SYNTHETIC);
    await screenshotPdf(page, h.origin, pdf.bytes, 'sources-brief.png', 1.6);
  }, 180_000);

  it('a boundary layer without a credit field: the credit typed at import enters the map credit and the export parameters, as text', async () => {
    // a district layer with no source field (as the 2024 reference layers): the panel says so and asks for one
    const layer = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { ADM2_PCODE: 'KZ119999', ADM2_EN: 'Test district' }, geometry: { type: 'Polygon', coordinates: [[[69.0, 51.0], [72.0, 51.0], [72.0, 53.0], [69.0, 53.0], [69.0, 51.0]]] } }],
    };
    await importFile(page, { name: 'test-districts.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(layer)) }, { timeout: 60_000, expectNew: false });
    const input = page.getByTestId('import-credit-2');
    await expect.poll(() => input.count(), { timeout: 30_000 }).toBe(1);
    expect(await input.inputValue()).toBe('');
    expect(await page.locator('#import-credit-note-2').textContent()).toMatch(/дереккөз аталмаған/);
    // before a credit is typed the line names the file
    await expect.poll(() => mapCredit(page)).toContain('test-districts.geojson');
    const typed = 'geokz, A. Rodionov <b>CC BY 4.0</b>';
    await input.fill(typed);
    await input.press('Tab');
    await expect.poll(() => mapCredit(page)).toContain(`Шекаралар: ${typed}.`);
    // rendered as text: the angle brackets are characters, no element was made from them
    expect(await page.locator('.maplibregl-ctrl-attrib-inner b').count()).toBe(0);
    expect(await mapCredit(page)).toContain('audit-register.csv');
    await page.locator('.maplibregl-ctrl-attrib').screenshot({ path: path.join(SCREENSHOTS, 'sources-map-credit.png') });
    const files = await downloads(page, () => page.getByRole('button', { name: 'CSV', exact: true }).click(), 2);
    const params = JSON.parse(files.find((f) => f.name.endsWith('-parameters.json'))!.bytes.toString('utf8'));
    expect(params.sources).toContain(typed);
  }, 120_000);
});
