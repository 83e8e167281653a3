// End-to-end: presenting and exports in headless Chromium. Exports respect the filters (support settlements only);
// the CSV opens with the right columns, separator and encoding; the .xlsx reads back with the same rows; the A4
// PNG is 3508 × 2480 with the legend drawn in; the PDF brief carries its Kazakh title; presentation mode shows
// the map alone with title, legend, north arrow and sources. Screenshots in test/e2e/screenshots/present-*.png.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { read, utils } from '@e965/xlsx';
import { extractText, getDocumentProxy } from 'unpdf';
import { openAppForFile, downloadBytes, screenshotPdf, SCREENSHOTS, type Harness } from './browser.ts';
import { readCsv } from '../../src/lib/io/csv.ts';
import { classesFor } from '../../src/lib/map/classes.ts';
import { readPhys } from '../../src/lib/present/png-dpi.ts';

let h: Harness;
let page: Page;
let errors: string[];
let requests: string[];
const timings: Record<string, number> = {};

openAppForFile(async (app) => {
  ({ h, page, errors, requests } = app);
  // exports follow the filters: support settlements only
  const before = await page.evaluate(() => (window as any).__auyl.count);
  await page.evaluate(() => (window as any).__auyl.atlas.setFilter({ categories: ['support'] }));
  await page.waitForFunction((n) => (window as any).__auyl.count > n, before);
});
afterAll(() => {
  if (Object.keys(timings).length) console.log(JSON.stringify({ bench: 'present_exports', ms: timings }));
});

/** Clicks a button and collects the downloads it starts (a data file and, for most, its parameters). */
async function downloads(p: Page, click: () => Promise<unknown>, n: number): Promise<{ name: string; bytes: Buffer }[]> {
  const got: Download[] = [];
  const done = new Promise<void>((resolve) => {
    const on = (d: Download) => {
      got.push(d);
      if (got.length === n) {
        p.off('download', on);
        resolve();
      }
    };
    p.on('download', on);
  });
  await click();
  await done;
  return Promise.all(got.map(async (d) => ({ name: d.suggestedFilename(), bytes: await downloadBytes(d) })));
}
const lastMs = (p: Page) => p.evaluate(() => (window as any).__auyl.exports.at(-1).ms as number);
const shownCount = async (p: Page) => Number(await p.getByTestId('filter-count').getAttribute('data-shown'));

describe('exports of the filtered settlements', () => {
  let csvIds: string[] = [];
  it('CSV: UTF-8 with BOM, ";" and decimal comma (Kazakh UI default), the filtered rows, a parameters file', async () => {
    await page.locator('section.present').scrollIntoViewIfNeeded();
    // "codes for machines": the CLI's columns (test/e2e/language.test.ts reads the default, Kazakh, export)
    await page.getByTestId('export-codes').check();
    const files = await downloads(page, () => page.getByRole('button', { name: 'CSV', exact: true }).click(), 2);
    await page.locator('section.present').screenshot({ path: path.join(SCREENSHOTS, 'present-panel.png') });
    timings.csv = await lastMs(page);
    const csv = files.find((f) => f.name.endsWith('.csv'))!;
    const params = files.find((f) => f.name.endsWith('-parameters.json'))!;
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.subarray(3).toString('utf8');
    const t = readCsv(text);
    expect(t.delimiter).toBe(';');
    expect(t.header.slice(0, 6)).toEqual(['id', 'name_kk', 'name_ru', 'name_en', 'lat', 'lon']);
    expect(t.header).toContain('category');
    expect(t.header).toContain('category_reason');
    const lines = text.trim().split(/\r?\n/).slice(1);
    expect(lines.length).toBe(await shownCount(page));
    const cat = t.header.indexOf('category');
    expect(lines.every((l) => l.split(';')[cat] === 'support')).toBe(true);
    expect(text).toMatch(/;\d+,\d+;/);
    csvIds = lines.map((l) => l.split(';')[0]);
    const p = JSON.parse(params.bytes.toString('utf8'));
    expect(p.filters.categories).toEqual(['support']);
    expect(p.methodology_valid).toBe(true);
    expect(p.settings.border_distance_km).toBe(50);
  });

  it('.xlsx reads back with the same rows, a summary sheet and the parameters', async () => {
    const [x] = await downloads(page, () => page.getByRole('button', { name: 'Excel (.xlsx)' }).click(), 1);
    timings.xlsx = await lastMs(page);
    const wb = read(x.bytes, { type: 'buffer' });
    expect(wb.SheetNames).toEqual(['settlements', 'oblast_summary', 'parameters']);
    const rows = utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.settlements);
    expect(rows.map((r) => String(r.id))).toEqual(csvIds);
    expect(rows.every((r) => r.category === 'support')).toBe(true);
  });

  it('GeoJSON and the summary CSV follow the filters too', async () => {
    const [gj] = await downloads(page, () => page.getByRole('button', { name: 'GeoJSON' }).click(), 2);
    timings.geojson = await lastMs(page);
    const fc = JSON.parse(gj.bytes.toString('utf8'));
    expect(fc.features.length).toBe(csvIds.length);
    expect(fc.auyl_parameters.filters.categories).toEqual(['support']);
    const [sum] = await downloads(page, () => page.getByRole('button', { name: /CSV/ }).nth(1).click(), 2);
    const t = readCsv(sum.bytes.subarray(3).toString('utf8'));
    const all = t.lines.length; // the country row first
    expect(all).toBeGreaterThan(1);
    expect(sum.bytes.subarray(3).toString('utf8').split(/\r?\n/)[1].split(';')[2]).toBe(String(csvIds.length));
  });
});

describe('map image and brief', () => {
  it('PNG at A4 300 DPI is 3508 × 2480 with the legend drawn in', async () => {
    await page.getByRole('combobox', { name: 'Өлшемі' }).selectOption('a4');
    const [png] = await downloads(page, () => page.getByRole('button', { name: 'PNG', exact: true }).click(), 1);
    timings.png_a4 = await lastMs(page);
    fs.writeFileSync(path.join(SCREENSHOTS, 'present-a4.png'), png.bytes);
    expect(png.bytes.readUInt32BE(16)).toBe(3508);
    expect(png.bytes.readUInt32BE(20)).toBe(2480);
    expect(readPhys(new Uint8Array(png.bytes))).toEqual({ x: 11811, y: 11811, dpi: 300 }); // A4 at 300 DPI
    const support = classesFor('category').find((c) => c.key === 'support')!.colour;
    // the legend box (top right): its white background and the support class's dot
    const found = await page.evaluate(async ({ b64, colour }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      const x0 = Math.round(bmp.width * 0.6), y0 = 0, w = bmp.width - x0, hh = Math.round(bmp.height * 0.5);
      const d = ctx.getImageData(x0, y0, w, hh).data;
      const want = [1, 3, 5].map((k) => parseInt(colour.slice(k, k + 2), 16));
      let dot = 0, white = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (Math.abs(d[i] - want[0]) < 6 && Math.abs(d[i + 1] - want[1]) < 6 && Math.abs(d[i + 2] - want[2]) < 6) dot++;
        if (d[i] > 245 && d[i + 1] > 245 && d[i + 2] > 245) white++;
      }
      return { dot, white };
    }, { b64: png.bytes.toString('base64'), colour: support });
    expect(found.dot).toBeGreaterThan(200); // a legend dot of ~40 px across at this size, plus the map's own dots
    expect(found.white).toBeGreaterThan(100_000);
  });

  it('PNG at 2× is twice the map size', async () => {
    await page.getByRole('combobox', { name: 'Өлшемі' }).selectOption('x2');
    const [png] = await downloads(page, () => page.getByRole('button', { name: 'PNG', exact: true }).click(), 1);
    timings.png_2x = await lastMs(page);
    const css = await page.evaluate(() => {
      const c = (window as any).__auyl.map.getContainer();
      return [c.clientWidth, c.clientHeight];
    });
    expect(png.bytes.readUInt32BE(16)).toBe(css[0] * 2);
    expect(png.bytes.readUInt32BE(20)).toBe(css[1] * 2);
    expect(readPhys(new Uint8Array(png.bytes))?.dpi).toBe(144); // 5669 px/m: placed at the CSS size
  });

  it('the PDF brief of a region carries its Kazakh title', async () => {
    const select = page.getByRole('combobox', { name: 'Облыс немесе аудан' });
    const value = await select.locator('option', { hasText: 'Шығыс Қазақстан' }).first().getAttribute('value');
    await select.selectOption(value!);
    const label = (await select.locator('option:checked').textContent())!.trim();
    const [pdf] = await downloads(page, () => page.getByRole('button', { name: 'PDF', exact: true }).click(), 1);
    timings.pdf = await lastMs(page);
    fs.writeFileSync(path.join(SCREENSHOTS, 'present-brief.pdf'), pdf.bytes);
    const doc = await getDocumentProxy(new Uint8Array(pdf.bytes));
    expect(doc.numPages).toBe(1);
    const { text } = await extractText(doc, { mergePages: true });
    expect(text).toContain(`Анықтама: ${label}`);
    expect(text).toContain('Сценарий параметрлері');
    expect(text).toContain('Халықты қамту');
    expect(text).toContain('Әдепкі мәндердің негізі');
    await screenshotPdf(page, h.origin, pdf.bytes, 'present-brief.png', 1.6);
    // the filters are back as they were
    expect(await page.evaluate(() => (window as any).__auyl.atlas.filter.oblasts)).toEqual([]);
    expect(await page.evaluate(() => (window as any).__auyl.atlas.filter.categories)).toEqual(['support']);
  });
});

describe('presentation mode', () => {
  it('shows the map alone with title, legend, north arrow and sources; keys step through slides; Escape leaves', async () => {
    await page.getByRole('button', { name: 'Осы көріністі слайд ретінде сақтау' }).click();
    await page.evaluate(() => (window as any).__auyl.map.jumpTo({ center: [82.6, 49.9], zoom: 6 }));
    await page.getByRole('button', { name: 'Осы көріністі слайд ретінде сақтау' }).click();
    await page.getByRole('button', { name: 'Таныстырылым режимі' }).click();
    await expect.poll(() => page.locator('.sidebar').isVisible()).toBe(false);
    await expect.poll(() => page.getByTestId('slide-counter').textContent()).toBe('Слайд 1 / 2');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('slide-counter').textContent()).toBe('Слайд 2 / 2');
    await page.evaluate(() => new Promise<void>((r) => { const m = (window as any).__auyl.map; m.once('idle', () => r()); m.triggerRepaint(); }));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'present-mode.png') });
    expect(await page.getByTestId('presentation').locator('h2').textContent()).toContain('Auyl Atlas');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.sidebar').isVisible()).toBe(true);
    // the print stylesheet: the map with the overlay, no sidebar
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.getByTestId('presentation').locator('.legend').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
    // offline: every request stayed on the page's origin (fonts, jsPDF, SheetJS included)
    expect(requests.filter((u) => !u.startsWith(h.origin) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
  });
});
