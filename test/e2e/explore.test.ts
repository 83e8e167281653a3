// End-to-end: the planner's map, part 2 — filters (count, legend counts, features drawn), search in three scripts,
// the table mirrored with the map both ways, district summaries (on a fixture register with districts), a support
// settlement's satellites, keyboard alone. Screenshots in test/e2e/screenshots/explore-*.png.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openAppForFile, mapIdle, settled, SCREENSHOTS } from './browser.ts';

type Hook = { map: any; ready: boolean; count: number; atlas: any; loadRegister(b: ArrayBuffer, n: string): void };
const W = () => (window as unknown as { __auyl: Hook }).__auyl;

let page: Page;
let errors: string[];

openAppForFile((app) => ({ page, errors } = app));

const countShown = async (p: Page) => {
  const el = p.getByTestId('filter-count');
  expect((await el.textContent())!.trim()).not.toBe('');
  return { shown: Number(await el.getAttribute('data-shown')), total: Number(await el.getAttribute('data-total')) };
};
const legendSum = (p: Page) => p.locator('.legend li[data-key] .count').evaluateAll((els) => els.reduce((a, e) => a + Number(e.textContent!.replace(/\D/g, '') || 0), 0));
/** Features drawn and not hidden (feature-state h) in the current view. */
const drawn = (p: Page) => p.evaluate(() => {
  const { map } = (window as any).__auyl;
  const ids = new Set(map.queryRenderedFeatures({ layers: ['settlements'] }).filter((f: any) => !map.getFeatureState({ source: 'settlements', id: f.id }).h).map((f: any) => f.id));
  return ids.size;
});
const shot = (p: Page, name: string) => p.screenshot({ path: path.join(SCREENSHOTS, `explore-${name}.png`) });

describe('filters', () => {
  it('an oblast filter changes the count, the legend counts and the features drawn; it enters the URL', async () => {
    const before = await countShown(page);
    const drawnBefore = await drawn(page);
    expect(before.shown).toBe(before.total);
    expect(await legendSum(page)).toBe(before.total);
    await settled(page, () => page.getByRole('combobox', { name: /Өңір|Region|Регион/ }).selectOption('KZ-VOS'));
    const after = await countShown(page);
    expect(after.shown).toBeGreaterThan(0);
    expect(after.shown).toBeLessThan(before.total);
    expect(await legendSum(page)).toBe(after.shown);
    const drawnAfter = await drawn(page);
    expect(drawnAfter).toBeLessThan(drawnBefore);
    expect(drawnAfter).toBeLessThanOrEqual(after.shown);
    expect(await page.getByRole('grid').getAttribute('aria-rowcount')).toBe(String(after.shown + 1));
    await page.waitForFunction(() => location.hash.includes('obl=KZ-VOS'));
    await shot(page, 'filter-oblast');
    await settled(page, () => page.getByRole('button', { name: /Сүзгілерді тазалау|Clear filters/ }).click());
    expect((await countShown(page)).shown).toBe(before.total);
  });

  it('a class hidden in the legend leaves the count and the table too (one state with the map)', async () => {
    const total = (await countShown(page)).total;
    const entry = page.locator('.legend li[data-key=not_in_register] button');
    const n = Number((await entry.locator('.count').textContent())!.replace(/\D/g, ''));
    await settled(page, () => entry.click());
    expect((await countShown(page)).shown).toBe(total - n);
    expect(await page.getByRole('grid').getAttribute('aria-rowcount')).toBe(String(total - n + 1));
    expect(Number((await entry.locator('.count').textContent())!.replace(/\D/g, ''))).toBe(n);
    await settled(page, () => entry.click());
    expect((await countShown(page)).shown).toBe(total);
  });
});

describe('search', () => {
  it('finds the same settlement in every script and opens its panel', async () => {
    const box = page.getByRole('searchbox');
    for (const q of ['Zaysan', 'Зайсан', 'Зайсаң', 'zaisan']) {
      await box.fill(q);
      const first = page.getByRole('listbox').getByRole('option').first();
      await expect.poll(() => first.textContent()).toMatch(/Зайсан|Zaysan/);
    }
    await box.press('ArrowDown');
    await box.press('Enter');
    await expect.poll(() => page.locator('#panel-title').textContent()).toBe('Зайсан');
    await page.waitForFunction(() => location.hash.includes('sel=gn1517060'));
    // the flight: over when the map rests on Zaysan and is idle
    await page.waitForFunction(() => {
      const { map } = (window as any).__auyl;
      const c = map.getCenter();
      return !map.isMoving() && Math.abs(c.lng - 84.87144) < 0.05 && Math.abs(c.lat - 47.46657) < 0.05;
    }, null, { timeout: 30_000 });
    await mapIdle(page);
    await shot(page, 'search-zaysan');
    const selected = await page.evaluate(() => (window as any).__auyl.map.getFeatureState({ source: 'settlements', id: (window as any).__auyl.atlas.rowOf.get('gn1517060') }).selected);
    expect(selected).toBe(true);
  });
});

describe('table ↔ map', () => {
  it('a row click selects on the map; a map click selects the row', async () => {
    await page.keyboard.press('Escape');
    const row = page.locator('[role=grid] [role=row][data-row]').nth(2);
    const mapRow = Number(await row.getAttribute('data-row'));
    await row.click();
    const picked = page.locator(`[role=grid] [role=row][data-row="${mapRow}"]`);
    const id = await page.evaluate((r) => (window as any).__auyl.atlas.dataset.ids[r], mapRow);
    await page.waitForFunction((id) => (window as any).__auyl.atlas.selected === id, id);
    expect(await page.evaluate((r) => (window as any).__auyl.map.getFeatureState({ source: 'settlements', id: r }).selected, mapRow)).toBe(true);
    await expect.poll(() => picked.getAttribute('aria-selected')).toBe('true');
    // map click on another place (Zaysan)
    const zaysan = await page.evaluate(() => (window as any).__auyl.atlas.rowOf.get('gn1517060'));
    await page.evaluate(() => new Promise<void>((resolve) => {
      const { map } = (window as any).__auyl;
      map.once('idle', () => resolve());
      map.jumpTo({ center: [84.87144, 47.46657], zoom: 9 });
    }));
    const box = (await page.locator('[data-testid=map]').boundingBox())!;
    const pt = await page.evaluate(() => (window as any).__auyl.map.project([84.87144, 47.46657]));
    await page.mouse.click(box.x + pt.x, box.y + pt.y);
    await page.waitForFunction(() => (window as any).__auyl.atlas.selected === 'gn1517060');
    await expect.poll(() => page.locator(`[role=grid] [role=row][data-row="${zaysan}"]`).getAttribute('aria-selected')).toBe('true');
    await shot(page, 'table-map');
  });
});

describe('support clusters', () => {
  it("a support settlement's panel lists its satellites and the cluster population", async () => {
    // the illustrative register's real places lie far apart: at the default 15 km none is a satellite, at 40 km some are
    await settled(page, () => page.evaluate(() => { const { atlas } = (window as any).__auyl; atlas.settings = { ...atlas.settings, satelliteRadiusKm: 40 }; }));
    const id = await page.evaluate(() => {
      const { atlas } = (window as any).__auyl;
      // a satellite's support: the row with the support flag nearest a satellite is found by the worker; here we
      // take every support row and let the panel tell
      const rows: string[] = [];
      (atlas.results.support as Uint8Array).forEach((s: number, i: number) => s && rows.push(atlas.dataset.ids[i]));
      return rows;
    });
    let found = false;
    for (const sup of id) {
      await page.evaluate((s) => ((window as any).__auyl.atlas.selected = s), sup);
      await page.getByTestId('panel-cluster').waitFor();
      if (await page.getByTestId('panel-cluster').locator('tbody tr').count()) {
        found = true;
        break;
      }
    }
    expect(found).toBe(true);
    const cluster = page.getByTestId('panel-cluster');
    expect(await cluster.textContent()).toMatch(/\d/);
    await page.getByRole('checkbox', { name: /сызықтар|Lines from satellites/ }).check();
    await page.waitForFunction(() => (window as any).__auyl.map.getSource('cluster-links')?._data?.features?.length > 0 || !!(window as any).__auyl.map.getLayer('cluster-links'));
    await page.evaluate(async () => {
      const { map, atlas } = (window as any).__auyl;
      const data = await map.getSource('settlements').getData();
      const f = data.features.find((x: any) => x.properties.id === atlas.selected);
      await new Promise<void>((resolve) => {
        map.once('idle', () => resolve());
        map.jumpTo({ center: f.geometry.coordinates, zoom: 9 });
      });
    });
    const lines = await page.evaluate(() => (window as any).__auyl.map.queryRenderedFeatures({ layers: ['cluster-links'] }).length);
    expect(lines).toBeGreaterThan(0);
    await shot(page, 'cluster');
    await page.getByRole('checkbox', { name: /сызықтар|Lines from satellites/ }).uncheck();
    await settled(page, () => page.evaluate(() => { const { atlas } = (window as any).__auyl; atlas.settings = { ...atlas.settings, satelliteRadiusKm: 15 }; }));
  });
});

describe('districts (fixture register)', () => {
  it('a district summary click filters the table', async () => {
    const bytes = fs.readFileSync('test/fixtures/register-districts.csv');
    await settled(page, () => page.evaluate((text) => (window as any).__auyl.loadRegister(new TextEncoder().encode(text).buffer, 'register-districts.csv'), bytes.toString('utf8')));
    await page.getByRole('tab', { name: /Жиынтықтар|Summaries/ }).click();
    await page.getByRole('radio', { name: /Аудан|District/ }).check();
    const unit = page.getByRole('button', { name: /Fixture KZ-VOS 1/ });
    const settlements = Number((await unit.locator('xpath=ancestor::tr').locator('td').first().textContent())!.replace(/\D/g, ''));
    await shot(page, 'summary-districts');
    await settled(page, () => unit.click());
    expect((await countShown(page)).shown).toBe(settlements);
    expect(await page.getByRole('grid').getAttribute('aria-rowcount')).toBe(String(settlements + 1));
    const districts = await page.locator('[role=grid] [role=row][data-row] [role=gridcell]:nth-child(2)').allTextContents();
    expect(new Set(districts)).toEqual(new Set(['Fixture KZ-VOS 1']));
    await page.waitForFunction(() => location.hash.includes('dis=Fixture'));
    await shot(page, 'district-filter');
    await settled(page, () => page.getByRole('button', { name: /Сүзгілерді тазалау|Clear filters/ }).click());
  });
});

describe('keyboard alone', () => {
  it('searches, opens and closes a panel, moves through the table, changes the colour mode', async () => {
    await page.keyboard.press('Escape');
    await page.locator('h1').click(); // start from the top of the page
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.keyboard.press('ControlOrMeta+a'); // the box still holds the last search
    await page.keyboard.type('Қарабұлақ');
    await page.getByRole('option', { name: /Қарабұлақ/ }).first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window as any).__auyl.atlas.selected === 'cj44.90881_78.49044');
    await page.getByTestId('settlement-panel').waitFor({ timeout: 10_000 }).catch(async () => {
      console.log('panel missing', await page.evaluate(() => { const a = (window as any).__auyl.atlas; return [a.selected, a.detail?.id, a.busy, a.error]; }));
    });
    await expect.poll(() => page.locator('#panel-title').textContent()).toBe('Қарабұлақ');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('settlement-panel').count()).toBe(0);
    // the colour mode: Tab to its select, change it by arrow key
    const mode = page.getByRole('combobox').first();
    await mode.focus();
    const modeBefore = await page.evaluate(() => (window as any).__auyl.atlas.mode);
    await settled(page, () => page.keyboard.press('ArrowDown'));
    expect(await page.evaluate(() => (window as any).__auyl.atlas.mode)).not.toBe(modeBefore);
    // the table: focus the grid, move two rows down, Enter selects and opens the panel
    await page.getByRole('tab', { name: /Кесте|Table/ }).focus();
    await page.keyboard.press('Enter');
    const grid = page.getByRole('grid');
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const activeRow = page.locator('[role=grid] [role=row].active');
    const want = Number(await activeRow.getAttribute('data-row'));
    // the active row is in view, below the sticky header
    const [rowBox, gridBox] = [(await activeRow.boundingBox())!, (await grid.boundingBox())!];
    expect(rowBox.y).toBeGreaterThanOrEqual(gridBox.y + 27);
    expect(rowBox.y + rowBox.height).toBeLessThanOrEqual(gridBox.y + gridBox.height + 1);
    await page.waitForFunction((r) => (window as any).__auyl.atlas.rowOf.get((window as any).__auyl.atlas.selected) === r, want);
    await page.getByTestId('settlement-panel').waitFor();
    await shot(page, 'keyboard');
    expect(errors).toEqual([]);
  });

  it('lays out at 600 px', async () => {
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 600, height: 900 });
    // the map has followed the new size (its canvas no wider than the window)
    await page.waitForFunction(() => (window as any).__auyl.map.getCanvas().clientWidth <= 600, null, { timeout: 10_000 });
    await page.getByRole('tab', { name: /Кесте|Table/ }).click();
    await page.getByRole('grid').waitFor();
    await mapIdle(page);
    // the table stays in the pane: the page does not grow, the map keeps a screen-sized canvas
    await expect.poll(() => page.evaluate(() => document.body.scrollHeight)).toBeLessThanOrEqual(900);
    const pane = (await page.getByRole('grid').boundingBox())!;
    expect(pane.y + pane.height).toBeLessThanOrEqual(901);
    await expect.poll(async () => (await page.locator('[data-testid=map] canvas').boundingBox())!.height).toBeLessThan(600);
    await shot(page, 'narrow');
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
