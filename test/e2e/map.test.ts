// End-to-end: the production build in headless Chromium, on the embedded data.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, openApp, countMapColours, SCREENSHOTS, type Harness } from './browser.ts';
import { PALETTE, CATEGORY_COLOURS } from '../../src/lib/map/palette.ts';
import { readFgb } from '../../src/lib/io/fgb.ts';

type MapHandle = { map: any; ready: boolean; geoReady: number | false; geoRecomputed: boolean | null };

let h: Harness;
let page: Page;
let requests: string[];
let errors: string[];

beforeAll(async () => {
  h = await startHarness();
  ({ page, requests, errors } = await openApp(h));
});
afterAll(async () => {
  await h?.close();
});

describe('the map on the embedded dataset', () => {
  it('becomes idle and renders settlements that queryRenderedFeatures returns', async () => {
    const found = await page.evaluate(() => {
      const { map } = (window as unknown as { __auyl: MapHandle }).__auyl;
      return map.queryRenderedFeatures({ layers: ['settlements'] }).map((f: { properties: { id: string } }) => f.properties.id);
    });
    const total = (await readFgb(new Uint8Array(fs.readFileSync('public/data/settlements.fgb')))).features.length;
    expect(new Set(found).size).toBeGreaterThan(total * 0.8);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-overview.png') });
  });

  it('draws the China and Russia borders in their own colours (pixel check), and the check fails without them', async () => {
    const [china, russia] = await countMapColours(page, [PALETTE.chinaBorder, PALETTE.russiaBorder]);
    expect(china).toBeGreaterThan(400);
    expect(russia).toBeGreaterThan(1500);
    await page.evaluate(() => {
      const { map } = (window as unknown as { __auyl: MapHandle }).__auyl;
      map.setLayoutProperty('border-china', 'visibility', 'none');
      map.setLayoutProperty('border-russia', 'visibility', 'none');
    });
    const [chinaHidden, russiaHidden] = await countMapColours(page, [PALETTE.chinaBorder, PALETTE.russiaBorder]);
    expect(chinaHidden).toBeLessThan(china / 10);
    expect(russiaHidden).toBeLessThan(russia / 10);
    await page.evaluate(() => {
      const { map } = (window as unknown as { __auyl: MapHandle }).__auyl;
      map.setLayoutProperty('border-china', 'visibility', 'visible');
      map.setLayoutProperty('border-russia', 'visibility', 'visible');
    });
  });

  it('opens a popup with the right name when a settlement is clicked', async () => {
    const places = (await readFgb(new Uint8Array(fs.readFileSync('public/data/settlements.fgb')))).features;
    const target = places.find((f) => f.properties.name === 'Ust-Kamenogorsk')!;
    expect(target).toBeTruthy();
    const [lon, lat] = (target.geometry as { coordinates: number[] }).coordinates;
    const box = (await page.locator('[data-testid=map]').boundingBox())!;
    const pt = await page.evaluate(([x, y]) => (window as unknown as { __auyl: MapHandle }).__auyl.map.project([x, y]), [lon, lat]);
    await page.mouse.click(box.x + pt.x, box.y + pt.y);
    const title = page.locator('.maplibregl-popup .place-popup h3');
    await title.waitFor({ timeout: 10_000 });
    // The interface opens in Kazakh: the Kazakh name where the source has one, else the Russian.
    expect(await title.textContent()).toBe(target.properties.name_kk ?? target.properties.name_ru);
    const body = await page.locator('.maplibregl-popup').textContent();
    expect(body).toContain('Шығыс Қазақстан облысы');
    expect(body).toContain('Облыс орталығы');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'popup.png') });
  });

  it('computes the geospatial block in a Web Worker and recolours when the border zone changes, without a reload', async () => {
    await page.waitForFunction(() => Boolean((window as unknown as { __auyl: MapHandle }).__auyl.geoReady), null, { timeout: 60_000 });
    await page.selectOption('[data-testid=colour-mode]', 'border_status');
    const count = async () => Number(await page.locator('.legend li[data-key=border_zone] .count').textContent());
    const at50 = await count();
    expect(at50).toBeGreaterThan(10);
    const navigations: string[] = [];
    page.on('framenavigated', (f) => navigations.push(f.url()));
    await page.locator('[data-testid=border-zone]').fill('150');
    await page.waitForFunction((before) => Number(document.querySelector('.legend li[data-key=border_zone] .count')?.textContent) > before, at50, { timeout: 30_000 });
    const at150 = await count();
    expect(at150).toBeGreaterThan(at50);
    await page.locator('[data-testid=border-zone]').fill('0');
    await page.waitForFunction(() => Number(document.querySelector('.legend li[data-key=border_zone] .count')?.textContent) === 0, null, { timeout: 30_000 });
    expect(navigations).toEqual([]);
    await page.locator('[data-testid=border-zone]').fill('50');
    await page.waitForFunction((n) => Number(document.querySelector('.legend li[data-key=border_zone] .count')?.textContent) === n, at50, { timeout: 30_000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'border-status.png') });
  });

  it('colours categories of the illustrative register (said to be synthetic) and, on a satellite-radius change, reclassifies without recomputing the geospatial block', async () => {
    await page.selectOption('[data-testid=colour-mode]', 'category');
    const note = await page.locator('[data-testid=synthetic-note]').textContent();
    expect(note).toMatch(/СИНТЕТИКАЛЫҚ/); // the page is in Kazakh by default
    const count = async (key: string) => Number(await page.locator(`.legend li[data-key=${key}] .count`).textContent());
    const [support, satellite, strategic, other, outside] = [await count('support'), await count('satellite'), await count('strategic'), await count('other'), await count('not_in_register')];
    const rows = Number(note!.match(/\((\d+)/)![1]);
    expect(rows).toBe(195);
    expect(support + satellite + strategic + other).toBe(rows);
    expect(outside).toBeGreaterThan(0);
    expect(support).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    const [supportPixels] = await countMapColours(page, [CATEGORY_COLOURS.support]);
    expect(supportPixels).toBeGreaterThan(20);
    const navigations: string[] = [];
    page.on('framenavigated', (f) => navigations.push(f.url()));
    const defaultRadius = await page.locator('[data-testid=satellite-radius]').inputValue();
    await page.locator('[data-testid=satellite-radius]').fill('150');
    await page.waitForFunction((before) => Number(document.querySelector('.legend li[data-key=satellite] .count')?.textContent) > before, satellite, { timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { __auyl: MapHandle }).__auyl.geoRecomputed)).toBe(false);
    expect(await count('support')).toBe(support); // supports do not depend on the radius
    await page.screenshot({ path: path.join(SCREENSHOTS, 'categories-150km.png') });
    await page.locator('[data-testid=satellite-radius]').fill(defaultRadius);
    await page.waitForFunction((n) => Number(document.querySelector('.legend li[data-key=satellite] .count')?.textContent) === n, satellite, { timeout: 30_000 });
    expect(navigations).toEqual([]);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'categories.png') });
  });

  it('sends no request to any other origin and logs no errors', async () => {
    expect(requests.length).toBeGreaterThan(5);
    const foreign = requests.filter((u) => !u.startsWith(h.origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(requests.some((u) => u.endsWith('.woff2'))).toBe(true); // label fonts came from our own origin
    expect(errors).toEqual([]);
  });
});
