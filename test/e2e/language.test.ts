// End-to-end: the interface's language reaches the files, and a phone keeps the selected place in view.
// A CSV exported from the Kazakh interface (the default) has Kazakh headers, region names and categories; the
// 2× PNG carries 144 DPI in its pHYs chunk (the A4 one, 300 DPI, is read in present.test.ts); at 390 × 844 the
// settlement panel is a bottom drawer and a place selected low on the map is panned above it.
// Screenshots: test/e2e/screenshots/language-phone-*.png.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { downloadBytes, mapIdle, openAppForFile, settled, SCREENSHOTS } from './browser.ts';
import { parseCsv } from '../../src/lib/io/csv.ts';
import { readPhys } from '../../src/lib/present/png-dpi.ts';

let page: Page;
openAppForFile(async (app) => {
  ({ page } = app);
});

async function download(p: Page, click: () => Promise<unknown>, suffix: string): Promise<Buffer> {
  const got = new Promise<Download>((resolve) => {
    const on = (d: Download) => {
      if (!d.suggestedFilename().endsWith(suffix)) return;
      p.off('download', on);
      resolve(d);
    };
    p.on('download', on);
  });
  await click();
  return downloadBytes(await got);
}

describe('exports in the interface language', () => {
  it('a CSV exported from the Kazakh interface has Kazakh headers, region names and categories', async () => {
    await page.locator('section.present').scrollIntoViewIfNeeded();
    expect(await page.getByTestId('export-codes').isChecked()).toBe(false);
    const bytes = await download(page, () => page.getByRole('button', { name: 'CSV', exact: true }).click(), '-settlements.csv');
    const { columns, rows } = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(columns.slice(0, 9)).toEqual(['Идентификатор (белгілі болса, КАТО)', 'Атауы (қазақша)', 'Атауы (орысша)', 'Атауы (ағылшынша)', 'Ендік', 'Бойлық', 'Облыс', 'Аудан', 'Халық саны']);
    expect(columns).toContain('Санат');
    expect(columns).not.toContain('category');
    const regions = new Set(rows.map((r) => r.cells['Облыс']));
    expect([...regions].filter((r) => /^KZ-/.test(r))).toEqual([]);
    expect(regions.has('Шығыс Қазақстан облысы')).toBe(true);
    const categories = new Set(rows.map((r) => r.cells['Санат']).filter(Boolean));
    expect(categories.has('Тірек')).toBe(true);
    expect([...categories].filter((c) => /^[a-z_]+$/.test(c))).toEqual([]);
    // one number of decimals per column, decimal comma
    const km = rows.map((r) => r.cells['Ең жақын қалаға дейін, км']).filter(Boolean);
    expect(km.length).toBeGreaterThan(10);
    expect(km.filter((x) => !/^\d+,\d$/.test(x))).toEqual([]);
  });

  it('the 2× PNG says 144 DPI in its pHYs chunk', async () => {
    await page.getByRole('combobox', { name: 'Өлшемі' }).selectOption('x2');
    const png = await download(page, () => page.getByRole('button', { name: 'PNG', exact: true }).click(), '.png');
    expect(readPhys(new Uint8Array(png))).toEqual({ x: 5669, y: 5669, dpi: 144 });
  });
});

describe('custom breaks in Kazakh', () => {
  it('reads "40,5; 60,5" as two breaks and refuses "40.5" with a Kazakh message', async () => {
    await settled(page, () => page.getByRole('combobox', { name: 'Түсі' }).selectOption('score_total'));
    await settled(page, () => page.getByRole('combobox', { name: 'Сынып шекаралары' }).selectOption('custom'));
    const box = page.getByTestId('custom-breaks');
    await settled(page, async () => {
      await box.fill('40,5; 60,5');
      await box.press('Enter');
    });
    expect(await page.locator('.legend li[data-key=c1] .label').textContent()).toContain('40,5 – 60,5');
    await box.fill('40.5; 70');
    await box.press('Enter');
    await expect.poll(() => page.getByTestId('custom-breaks-problem').textContent()).toContain('«40.5»');
    expect(await page.getByTestId('custom-breaks-problem').textContent()).toMatch(/^Сан ретінде оқылмады/);
    expect(await page.locator('.legend li[data-key=c1] .label').textContent()).toContain('40,5 – 60,5'); // unchanged
    await settled(page, () => page.getByRole('combobox', { name: 'Түсі' }).selectOption('category'));
  });
});

describe('the table in Kazakh', () => {
  it('cuts neither its headers nor the category names, and writes each number column with one decimal', async () => {
    await page.getByRole('tab', { name: 'Кесте' }).click();
    const grid = page.locator('[role=grid]');
    await grid.locator('[role=row][data-row]').first().waitFor();
    // text wider than its box is cut (ellipsis): none in the header buttons nor the category cells in view
    const cut = await grid.evaluate((g) => {
      const cutOff = (el: Element) => el.scrollWidth > el.clientWidth + 1;
      const headers = [...g.querySelectorAll('[role=columnheader] button')].filter(cutOff).map((b) => b.textContent);
      const col = [...g.querySelectorAll('[role=columnheader]')].findIndex((h) => h.textContent!.startsWith('Санат'));
      const cells = [...g.querySelectorAll('[role=row][data-row]')].map((r) => r.children[col]).filter(cutOff).map((c) => c.textContent);
      return { headers, cells, col };
    });
    expect(cut.col).toBeGreaterThan(0);
    expect(cut).toEqual({ headers: [], cells: [], col: cut.col });
    const km = await grid.evaluate((g) => {
      const col = [...g.querySelectorAll('[role=columnheader]')].findIndex((h) => h.textContent!.startsWith('Қалаға дейін'));
      return [...g.querySelectorAll('[role=row][data-row]')].map((r) => r.children[col].textContent!.trim());
    });
    expect(km.length).toBeGreaterThan(5);
    expect(km.filter((x) => x !== '—' && !/^[\d\s\u00a0]+,\d$/.test(x))).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'language-table-kk.png') });
  });
});

describe('phone', () => {
  it('at 390 × 844 the drawer leaves the selected place visible above it', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await mapIdle(page);
    // a place low on the map, where the drawer will open
    const place = await page.evaluate(() => new Promise<{ lon: number; lat: number }>((resolve) => {
      const { map } = (window as any).__auyl;
      const f = map.queryRenderedFeatures({ layers: ['settlements'] })[0];
      const [lon, lat] = f.geometry.coordinates;
      map.jumpTo({ center: [lon, lat], zoom: 9 });
      map.panBy([0, -0.36 * map.getContainer().clientHeight], { duration: 0 });
      map.once('idle', () => resolve({ lon, lat }));
      map.triggerRepaint();
    }));
    const mapBox = (await page.locator('[data-testid=map]').boundingBox())!;
    const before = await page.evaluate(({ lon, lat }) => (window as any).__auyl.map.project([lon, lat]), place);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'language-phone-before.png') });
    await page.mouse.click(mapBox.x + before.x, mapBox.y + before.y);
    const drawer = page.locator('[data-testid=settlement-panel]');
    await drawer.waitFor({ timeout: 10_000 });
    const drawerTop = await drawer.evaluate((el) => el.getBoundingClientRect().top);
    expect(mapBox.y + before.y).toBeGreaterThan(drawerTop); // the drawer covered the place: the test means something
    await page.waitForFunction(({ lon, lat, top }) => {
      const { map } = (window as any).__auyl;
      const y = map.getContainer().getBoundingClientRect().top + map.project([lon, lat]).y;
      return !map.isMoving() && y < top;
    }, { ...place, top: drawerTop }, { timeout: 10_000 });
    await mapIdle(page);
    const after = await page.evaluate(({ lon, lat }) => (window as any).__auyl.map.project([lon, lat]), place);
    expect(mapBox.y + after.y).toBeLessThan(drawerTop);
    expect(mapBox.y + after.y).toBeGreaterThan(mapBox.y);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'language-phone-drawer.png') });
    // the place is drawn there: read from the map's drawing buffer right after a render (under SwiftShader the
    // page screenshot shows the map strip blank while the fixed drawer is open; the buffer and a screenshot after
    // closing show the map)
    const pixels = await page.evaluate(({ x, y }) => new Promise<{ place: number[]; land: number[] }>((resolve) => {
      const m = (window as any).__auyl.map;
      m.once('render', () => {
        const gl = m.painter.context.gl as WebGLRenderingContext;
        const px = new Uint8Array(4), r = window.devicePixelRatio;
        const at = (xx: number, yy: number) => (gl.readPixels(Math.round(xx * r), Math.round(gl.drawingBufferHeight - yy * r), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px), [...px]);
        resolve({ place: at(x, y), land: at(20, 140) });
      });
      m.triggerRepaint();
    }), after);
    expect(Math.max(...pixels.place.map((v, k) => Math.abs(v - pixels.land[k])))).toBeGreaterThan(20); // circle, not land
    await page.keyboard.press('Escape');
    await mapIdle(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'language-phone-closed.png') });
  });
});
