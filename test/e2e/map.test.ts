// End-to-end: the production build in headless Chromium, on the embedded data — base map, worker, parameters.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openAppForFile, countMapColours, SCREENSHOTS, type Harness } from './browser.ts';
import { PALETTE } from '../../src/lib/map/palette.ts';
import { classesFor } from '../../src/lib/map/classes.ts';
import { readFgb } from '../../src/lib/io/fgb.ts';

type Hook = { map: any; ready: boolean; last: { seq: number; stage: string } | null };

let h: Harness;
let page: Page;
let requests: string[];
let errors: string[];

const count = async (key: string) => Number((await page.locator(`.legend li[data-key=${key}] .count`).textContent())!.replace(/\D/g, ''));
const lastSeq = () => page.evaluate(() => (window as unknown as { __auyl: Hook }).__auyl.last?.seq ?? 0);

openAppForFile((app) => ({ h, page, requests, errors } = app));

describe('the map on the embedded dataset', () => {
  it('becomes idle and renders settlements that queryRenderedFeatures returns', async () => {
    const found = await page.evaluate(() => {
      const { map } = (window as unknown as { __auyl: Hook }).__auyl;
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
    const setVisibility = (v: string) =>
      page.evaluate((v) => {
        const { map } = (window as unknown as { __auyl: Hook }).__auyl;
        map.setLayoutProperty('border-china', 'visibility', v);
        map.setLayoutProperty('border-russia', 'visibility', v);
      }, v);
    await setVisibility('none');
    const [chinaHidden, russiaHidden] = await countMapColours(page, [PALETTE.chinaBorder, PALETTE.russiaBorder]);
    expect(chinaHidden).toBeLessThan(china / 10);
    expect(russiaHidden).toBeLessThan(russia / 10);
    await setVisibility('visible');
  });

  it('computes in a Web Worker and recolours when the border distance changes, without a reload', async () => {
    await page.getByRole('combobox', { name: /Түсі/ }).selectOption('border_status');
    await page.waitForFunction(() => document.querySelector('.legend h2')?.textContent?.includes('Шекаралық'));
    const at50 = await count('border_zone');
    expect(at50).toBeGreaterThan(10);
    const navigations: string[] = [];
    page.on('framenavigated', (f) => navigations.push(f.url()));
    await page.locator('details.params summary').click();
    await page.locator('[data-testid=border-zone]').fill('150');
    await page.waitForFunction((before) => Number(document.querySelector('.legend li[data-key=border_zone] .count')?.textContent?.replace(/\D/g, '')) > before, at50, { timeout: 30_000 });
    expect(await count('border_zone')).toBeGreaterThan(at50);
    await page.locator('[data-testid=border-zone]').fill('0');
    await page.waitForFunction(() => Number(document.querySelector('.legend li[data-key=border_zone] .count')?.textContent?.replace(/\D/g, '')) === 0, null, { timeout: 30_000 });
    await page.locator('[data-testid=border-zone]').fill('50');
    await page.waitForFunction((n) => Number(document.querySelector('.legend li[data-key=border_zone] .count')?.textContent?.replace(/\D/g, '')) === n, at50, { timeout: 30_000 });
    expect(navigations.filter((u) => !u.includes('#'))).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'border-status.png') });
  });

  it('colours categories of the illustrative register (said to be synthetic); a satellite-radius change reclassifies without recomputing the geography', async () => {
    await page.getByRole('combobox', { name: /Түсі/ }).selectOption('category');
    await page.waitForFunction(() => document.querySelector('.legend li[data-key=support]'));
    const note = await page.locator('[data-testid=synthetic-note]').textContent();
    expect(note).toMatch(/СИНТЕТИКАЛЫҚ/);
    expect(note).toMatch(/195/);
    const [support, satellite, strategic, other, insufficient, outside] = [await count('support'), await count('satellite'), await count('strategic'), await count('other'), await count('other_insufficient'), await count('not_in_register')];
    // the register's rural places in the rural categories; its towns (and the embedded towns) in the town class
    const towns = await count('town');
    expect(towns).toBeGreaterThan(0);
    expect(support + satellite + strategic + other + insufficient + towns + outside).toBe(await page.evaluate(() => (window as any).__auyl.atlas.dataset.ids.length));
    expect(support + satellite + strategic + other + insufficient).toBeLessThan(195);
    expect(outside).toBeGreaterThan(0);
    expect(support).toBeGreaterThan(0);
    const supportColour = classesFor('category').find((c) => c.key === 'support')!.colour;
    const [supportPixels] = await countMapColours(page, [supportColour]);
    expect(supportPixels).toBeGreaterThan(20);
    const before = await lastSeq();
    await page.locator('[data-testid=satellite-radius]').fill('150');
    await page.waitForFunction((n) => Number(document.querySelector('.legend li[data-key=satellite] .count')?.textContent?.replace(/\D/g, '')) > n, satellite, { timeout: 30_000 });
    expect(await lastSeq()).toBeGreaterThan(before);
    expect(await page.evaluate(() => (window as unknown as { __auyl: Hook }).__auyl.last?.stage)).toBe('assess');
    expect(await count('support')).toBe(support);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'categories-150km.png') });
    await page.locator('[data-testid=satellite-radius]').fill('15');
    await page.waitForFunction((n) => Number(document.querySelector('.legend li[data-key=satellite] .count')?.textContent?.replace(/\D/g, '')) === n, satellite, { timeout: 30_000 });
  });

  it('a change of block points rescores without recomputing the geography, and the score legend follows', async () => {
    await page.getByRole('combobox', { name: /Түсі/ }).selectOption('score_total');
    await page.waitForFunction(() => document.querySelector('.legend li[data-key=c0]'));
    const breaks = async () => JSON.stringify(await page.evaluate(() => (window as unknown as { __auyl: { atlas: { results: { breaks: number[] } } } }).__auyl.atlas.results.breaks));
    const before = [await breaks(), await lastSeq()] as const;
    await page.locator('[data-testid=points-demography]').fill('5');
    await page.waitForFunction((seq) => ((window as unknown as { __auyl: Hook }).__auyl.last?.seq ?? 0) > seq, before[1], { timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { __auyl: Hook }).__auyl.last?.stage)).toBe('assess');
    expect(await breaks()).not.toBe(before[0]);
    await page.locator('[data-testid=points-demography]').fill('50');
    await page.waitForFunction((b) => JSON.stringify((window as unknown as { __auyl: { atlas: { results: { breaks: number[] } } } }).__auyl.atlas.results.breaks) === b, before[0], { timeout: 30_000 });
  });

  it('sends no request to any other origin and logs no errors', async () => {
    expect(requests.length).toBeGreaterThan(5);
    const foreign = requests.filter((u) => !u.startsWith(h.origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(requests.some((u) => u.endsWith('.woff2'))).toBe(true); // label fonts came from our own origin
    expect(errors).toEqual([]);
  });

  it('ships no tile server or CDN address in the build (dist/)', () => {
    const files = fs.readdirSync('dist', { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.(js|html|css|json)$/.test(e.name));
    expect(files.length).toBeGreaterThan(3);
    const found = files.flatMap((e) => {
      const text = fs.readFileSync(path.join(e.parentPath, e.name), 'utf8');
      // the host of every absolute URL in the file, checked against tile servers and CDNs
      return [...text.matchAll(/https?:\/\/([^/\s"'`)]+)/gi)]
        .filter((m) => /cdnjs|unpkg|jsdelivr|(^|\.)cdn\.|tile|mapbox|maptiler|googleapis|arcgisonline/i.test(m[1]))
        .map((m) => `${e.name}: ${m[0]}`);
    });
    expect(found).toEqual([]);
  });
});
