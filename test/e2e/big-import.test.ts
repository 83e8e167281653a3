// End-to-end: very large registers, drawn by the point layer (src/lib/map/point-layer.ts) instead of the GeoJSON
// source. The layer's behaviour (colours by class, a hidden legend class gone from the map, click → panel, the
// selection ring, the legend count, the labels of point-labels.ts) is checked on 4,000 rows with its threshold lowered by `?pointlayer=2000`;
// then a 400,000-row register (above the old 300,000-row refusal) lands on the map with its count.
// The million-row figures are in `npm run bench:import`, not here. Screenshots: test/e2e/screenshots/big-*.png.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openAppForFile, countMapColours, importFile, mapIdle, SCREENSHOTS } from './browser.ts';
import { POINT_LABEL_LAYERS } from '../../src/lib/map/point-labels.ts';
import { classesFor, type ColourMode } from '../../src/lib/map/classes.ts';
import { SELECTED_RING } from '../../src/lib/map/settlement-paint.ts';

let page: Page;
let errors: string[];

openAppForFile((app) => ({ page, errors } = app), '?pointlayer=2000');

/** A seeded synthetic register (the bench's shape): `n` rows inside Kazakhstan, population, two indicators. */
function register(n: number): Buffer {
  let seed = 7;
  // mulberry32: exact integer steps (no two rows at the same place)
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const lines = ['id,name_en,lat,lon,population,has_school,share_young_pct'];
  for (let i = 0; i < n; i++)
    lines.push(`S${i},Place ${i},${(46.5 + rnd() * 4.5).toFixed(5)},${(63 + rnd() * 14).toFixed(5)},${Math.floor(50 + rnd() * 5000)},${rnd() < 0.6 ? 1 : 0},${(rnd() * 40).toFixed(1)}`);
  return Buffer.from(lines.join('\n') + '\n');
}

/** Imports through the file picker and waits for the new data's colours and the map idle. */
const pick = (p: Page, name: string, buffer: Buffer) => importFile(p, { name, mimeType: 'text/csv', buffer }, { timeout: 120_000, polling: 200 });

/** The current mode's class colours and per-class counts. */
async function classes(p: Page) {
  const r = await p.evaluate(() => {
    const { atlas } = (window as any).__auyl;
    return { mode: atlas.results.mode as ColourMode, breaks: atlas.results.breaks as number[], counts: atlas.results.counts as number[], hasDistricts: atlas.dataset.hasDistricts as boolean };
  });
  return { ...r, defs: classesFor(r.mode, r.breaks, r.hasDistricts) };
}

const shot = (p: Page, name: string) => p.screenshot({ path: path.join(SCREENSHOTS, `big-${name}.png`) });
const shownCount = (p: Page) => p.getByTestId('shown-count').textContent();

describe('very large imports (point layer)', () => {
  it('4,000 rows over the lowered threshold: drawn by the point layer in the class colours, counted in the legend', async () => {
    await pick(page, 'big-4000.csv', register(4000));
    const state = await page.evaluate(() => {
      const { map, points, atlas } = (window as any).__auyl;
      return { size: points.size, rows: atlas.dataset.ids.length, layer: Boolean(map.getLayer(points.id)), geojson: map.querySourceFeatures('settlements').length };
    });
    expect(state).toEqual({ size: 4000, rows: 4000, layer: true, geojson: 0 });
    expect(await shownCount(page)).toMatch(/4.000 \/ 4.000/);
    // the total score in quantile classes: several colours at once
    await page.getByTestId('colour-mode').selectOption('score_total');
    await page.waitForFunction(() => (window as any).__auyl.atlas.results?.mode === 'score_total' && !(window as any).__auyl.atlas.busy);
    const c = await classes(page);
    expect(c.counts.filter((n) => n > 40).length).toBeGreaterThanOrEqual(3);
    const pixels = await countMapColours(page, c.defs.map((d) => d.colour), 24);
    // every class with rows has pixels of its colour on the map
    c.counts.forEach((n, k) => (n > 40 ? expect(pixels[k], c.defs[k].key).toBeGreaterThan(20) : null));
    await shot(page, '4000');
  });

  it('a legend click hides its class from the map and the count; a click on a point opens its panel, with the ring', async () => {
    const c = await classes(page);
    const top = c.counts.indexOf(Math.max(...c.counts));
    const before = (await countMapColours(page, [c.defs[top].colour], 24))[0];
    await page.locator('button.entry').nth(top).click();
    await page.waitForFunction((k) => (window as any).__auyl.atlas.hidden.includes(k), c.defs[top].key);
    await page.waitForFunction(() => !/4.000 \/ 4.000/.test(document.querySelector('[data-testid=shown-count]')?.textContent ?? ''));
    const after = (await countMapColours(page, [c.defs[top].colour], 24))[0];
    expect(before).toBeGreaterThan(100);
    expect(after).toBeLessThan(before / 20);
    expect(await shownCount(page)).toMatch(new RegExp(`${String(4000 - c.counts[top]).replace(/\B(?=(\d{3})+$)/, '.')} / 4.000`));
    await shot(page, 'hidden');
    await page.locator('button.entry').nth(top).click();
    await page.waitForFunction((k) => !(window as any).__auyl.atlas.hidden.includes(k), c.defs[top].key);

    // the least populous row (the last of them) is drawn on top of the others, as in the GeoJSON layer: a click on
    // its centre picks it
    const target = await page.evaluate(() => {
      const { atlas } = (window as any).__auyl;
      const pop: Float64Array = atlas.table.population;
      let row = 0;
      for (let i = 1; i < pop.length; i++) if (pop[i] <= pop[row]) row = i;
      return { row, id: atlas.dataset.ids[row] as string };
    });
    const at = await page.evaluate((row) => new Promise<{ x: number; y: number }>((resolve) => {
      const { map, points } = (window as any).__auyl;
      const [lon, lat] = [points.rows.lon[row], points.rows.lat[row]];
      map.once('idle', () => {
        const r = map.getCanvas().getBoundingClientRect();
        const p = map.project([lon, lat]);
        resolve({ x: r.left + p.x, y: r.top + p.y });
      });
      map.jumpTo({ center: [lon, lat], zoom: 7 });
    }), target.row);
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction((id) => (window as any).__auyl.atlas.detail?.id === id, target.id, { timeout: 30_000 });
    const ring = await countMapColours(page, [SELECTED_RING], 12);
    expect(ring[0]).toBeGreaterThan(10);
    await shot(page, 'selected');
  });

  it('zoomed in, the points are labelled in the UI language (hidden classes not); at country zoom none', async () => {
    // the most populous row: its label wins every collision in its view
    const target = await page.evaluate(() => {
      const { atlas, points } = (window as any).__auyl;
      const pop: Float64Array = atlas.table.population;
      let row = 0;
      for (let i = 1; i < pop.length; i++) if (pop[i] > pop[row]) row = i;
      return { row, name: atlas.dataset.names.en[row] as string, code: atlas.results.codes[row] as number, lon: points.rows.lon[row] as number, lat: points.rows.lat[row] as number };
    });
    expect(target.name).toBe(`Place ${target.row}`);
    const jump = (zoom: number) => page.evaluate(({ lon, lat, zoom }) => new Promise<void>((resolve) => {
      const { map } = (window as any).__auyl;
      map.once('idle', () => resolve());
      map.jumpTo({ center: [lon, lat], zoom });
    }), { ...target, zoom });
    const labels = () => page.evaluate((layers) => {
      const { map } = (window as any).__auyl;
      return (map.queryRenderedFeatures({ layers: layers.filter((id: string) => map.getLayer(id)) }) as { properties: { name: string } }[]).map((f) => f.properties.name);
    }, POINT_LABEL_LAYERS);
    await page.evaluate(() => ((window as any).__auyl.atlas.selected = null));
    await jump(10);
    const near = await labels();
    expect(near).toContain(target.name);
    expect(await page.evaluate(() => (window as any).__auyl.labels.rows)).toBeGreaterThanOrEqual(near.length);
    await shot(page, 'labels');
    // its class hidden in the legend: its label goes with its point
    const key = (await classes(page)).defs[target.code].key;
    await page.locator('button.entry').nth(target.code).click();
    await page.waitForFunction((k) => (window as any).__auyl.atlas.hidden.includes(k), key);
    await mapIdle(page);
    expect(await labels()).not.toContain(target.name);
    await page.locator('button.entry').nth(target.code).click();
    await page.waitForFunction((k) => !(window as any).__auyl.atlas.hidden.includes(k), key);
    await mapIdle(page);
    expect(await labels()).toContain(target.name);
    // the whole region (4,000 points in view, over the 3,000 labelled below zoom 8): none
    await jump(4);
    expect(await labels()).toEqual([]);
    expect(await page.evaluate(() => (window as any).__auyl.labels.rows)).toBe(0);
  });

  it('400,000 rows (above the old 300,000-row refusal) land on the map with their count', async () => {
    await pick(page, 'big-400000.csv', register(400_000));
    const state = await page.evaluate(() => {
      const { points, atlas } = (window as any).__auyl;
      return { size: points.size, rows: atlas.dataset.ids.length, counted: (atlas.results.counts as number[]).reduce((a, b) => a + b, 0) };
    });
    expect(state).toEqual({ size: 400_000, rows: 400_000, counted: 400_000 });
    expect(await page.getByTestId('import-notice').count()).toBe(0);
    expect(await shownCount(page)).toMatch(/400.000 \/ 400.000/);
    await shot(page, '400000');
    expect(errors).toEqual([]);
  });
});
