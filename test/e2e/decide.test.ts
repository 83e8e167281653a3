// End-to-end: deciding — a weight change moves a known settlement across a category boundary and the diff lists
// it; the changed-only map; a saved scenario survives a reload and round-trips through JSON; an invalid scenario
// file is refused with a message; the border review lists the China-border districts of the 2024 layer; the
// resettlement calculator's totals match hand arithmetic. Screenshots in test/e2e/screenshots/decide-*.png.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openAppForFile, downloadBytes, settled as settledOn, SCREENSHOTS, type Harness } from './browser.ts';
import { itWithShared, sharedFile } from '../support/shared-data.ts';
import { readScenario, scenarioFile } from '../../src/lib/ui/decide/scenario-file.ts';
import { preset } from '../../src/lib/engine/config/presets.ts';

let h: Harness;
let page: Page;
let errors: string[];

openAppForFile(async (app) => {
  ({ h, page, errors } = app);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
});

const shot = (p: Page, name: string) => p.screenshot({ path: path.join(SCREENSHOTS, `decide-${name}.png`) });
/** Waits for the next results applied on the map after `change`. */
const settled = (p: Page, change: () => Promise<unknown>) => settledOn(p, change, { timeout: 60_000, idle: false });
const openEditor = async (p: Page) => {
  const editor = p.getByTestId('scenario-editor');
  if (!(await editor.evaluate((e) => (e as HTMLDetailsElement).open))) await editor.locator('summary').first().click();
};
// Shortandy (GeoNames 1519050, a district seat of 6,980 people: rural by the town rule), «other» in the 2019
// baseline, becomes a support settlement when demography weighs 80. (Kalbatau, 22,047 people, is a town now.)
const SHORTANDY = 'gn1519050';

describe('town threshold', () => {
  it('typed in the parameters re-runs the town rule: fewer towns, more rural people, the rule line says the value; a bad value is refused, named', async () => {
    const national = () => page.evaluate(() => (window as any).__auyl.atlas.results.explore.oblasts[0] as { towns: number; rural: number; ruralPopulation: number; coverage: number });
    const before = await national();
    expect(before.towns).toBeGreaterThan(0);
    await page.locator('details.params > summary').click();
    const input = page.getByTestId('town-population');
    expect(await input.inputValue()).toBe('10000');
    // status and source on hover, like the scenario's defaults
    expect(await page.getByTestId('town-population-status').textContent()).toBe('assumed');
    expect(await page.getByTestId('town-population-status').getAttribute('title')).toMatch(/^Status: assumed\. Source: Auyl Atlas rule for places without a KATO type/);
    await settled(page, () => input.fill('200000'));
    const after = await national();
    // only the capital, the regional seats and places of 200,000+ stay towns: the others join the rural people
    expect(after.towns).toBeLessThan(before.towns);
    expect(after.rural).toBe(before.rural + before.towns - after.towns);
    expect(after.ruralPopulation).toBeGreaterThan(before.ruralPopulation);
    await page.getByRole('tab', { name: 'Summaries' }).click();
    await expect.poll(() => page.getByTestId('summary-town-rule').textContent()).toContain('200,000 people and more');
    await shot(page, 'town-threshold');
    // a negative number is refused with a message naming it; the value in force stays
    const count = await page.evaluate(() => (window as any).__auyl.count);
    await input.fill('-5');
    await expect.poll(() => page.getByTestId('town-population-problem').textContent()).toContain('"-5"');
    await page.waitForTimeout(400);
    expect(await page.evaluate(() => (window as any).__auyl.count)).toBe(count);
    await settled(page, () => input.fill('10000'));
    expect(await national()).toMatchObject({ towns: before.towns, ruralPopulation: before.ruralPopulation });
    expect(await page.getByTestId('town-population-problem').count()).toBe(0);
    await page.locator('details.params > summary').click();
    await page.getByRole('tab', { name: 'Table' }).click();
  });
});

describe('scenario and diff', () => {
  it('a weight change moves a known settlement across a category boundary, and the diff lists it', async () => {
    await openEditor(page);
    await settled(page, async () => {
      await page.getByTestId('scenario-block-demography').fill('80');
      await page.getByTestId('scenario-block-demography').dispatchEvent('change');
    });
    await expect.poll(() => page.getByTestId('scenario-weights-sum').textContent()).toBe('80 + 12 + 8 = 100');
    await page.getByRole('tab', { name: 'Scenario diff' }).click();
    const row = await page.evaluate((id) => (window as any).__auyl.atlas.rowOf.get(id), SHORTANDY);
    const line = page.locator(`[data-testid=diff-list] tr[data-row="${row}"]`);
    await expect.poll(() => line.count()).toBe(1);
    expect(await line.textContent()).toContain('Other → Support');
    const m = await page.getByTestId('diff-matrix-category').locator('td.moved').count();
    expect(m).toBeGreaterThan(0);
    // the map shows only the changed ones, the legend says so
    const changed = await page.evaluate(() => (window as any).__auyl.atlas.diff.rows.length);
    await settled(page, () => page.getByTestId('diff-changed-only').check());
    expect(await page.evaluate(() => (window as any).__auyl.atlas.results.explore.count)).toBe(changed);
    await expect.poll(() => page.getByTestId('legend-changed').isVisible()).toBe(true);
    await shot(page, 'diff');
    await settled(page, () => page.getByTestId('diff-changed-only').uncheck());
    // coverage before → after: the diff's national figures, and the summaries show the baseline beside theirs
    const before = await page.getByTestId('coverage-before').textContent();
    expect(before).toMatch(/%/);
    await page.getByRole('tab', { name: 'Summaries' }).click();
    await expect.poll(() => page.getByTestId('summary-coverage-base').textContent()).toContain(before!);
    await page.getByRole('tab', { name: 'Scenario diff' }).click();
  });

  it('explains an inverted threshold and does not apply it', async () => {
    const config = await page.evaluate(() => JSON.stringify((window as any).__auyl.atlas.settings.config));
    await page.getByTestId('scenario-editor').locator('details.indicators > summary').click();
    // the first indicator with a linear rule
    const i = Number((await page.locator('[data-testid^=scenario-zero-]').first().getAttribute('data-testid'))!.split('-').pop());
    const zero = page.getByTestId(`scenario-zero-${i}`);
    const full = await page.getByTestId(`scenario-full-${i}`).inputValue();
    await zero.fill(String(Number(full) + 1000));
    await zero.dispatchEvent('input');
    await expect.poll(() => page.getByTestId('scenario-problems').textContent()).toMatch(/inverted/);
    await shot(page, 'invalid');
    expect(await page.evaluate(() => JSON.stringify((window as any).__auyl.atlas.settings.config))).toBe(config);
    // put it back
    await zero.fill(String(JSON.parse(config).indicators[i].rule.zero));
    await zero.dispatchEvent('input');
    await expect.poll(() => page.getByTestId('scenario-problems').count()).toBe(0);
    await page.getByTestId('scenario-editor').locator('details.indicators > summary').click();
  });

  it('a saved scenario survives a reload and round-trips through JSON', async () => {
    await page.getByTestId('scenario-name').fill('Demography 80');
    await page.getByTestId('scenario-save').click();
    await expect.poll(() => page.getByTestId('scenario-list').textContent()).toContain('Demography 80');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('scenario-export').click()]);
    const text = (await downloadBytes(download)).toString('utf8');
    const { scenario, problems } = readScenario(text);
    expect(problems).toEqual([]);
    expect(scenario!.name).toBe('Demography 80');
    expect(scenario!.config.blocks.find((b) => b.id === 'demography')!.max_points).toBe(80);

    await page.reload();
    await page.waitForFunction(() => (window as any).__auyl?.ready === true, null, { timeout: 60_000 });
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await openEditor(page);
    await expect.poll(() => page.getByTestId('scenario-list').textContent()).toContain('Demography 80');
    await settled(page, () => page.getByTestId('scenario-list').getByRole('button', { name: 'Demography 80', exact: true }).click());
    expect(await page.getByTestId('scenario-active').textContent()).toBe('Demography 80');
    expect(await page.evaluate((id) => {
      const a = (window as any).__auyl.atlas;
      return Array.from(a.diff.rows as Int32Array).includes(a.rowOf.get(id));
    }, SHORTANDY)).toBe(true);

    // the scenario is small enough to travel in the URL: a new tab opened on the link has it
    await page.waitForFunction(() => {
      const u = (window as any).__auyl.atlas.scenarioUrl;
      return u && location.hash.includes(`scn=${u}`);
    }, null, { timeout: 5_000 });
    const url = await page.evaluate(() => location.href);
    const other = await h.context.newPage();
    await other.goto(url);
    await other.waitForFunction(() => (window as any).__auyl?.ready === true, null, { timeout: 60_000 });
    await other.waitForFunction((id) => {
      const a = (window as any).__auyl.atlas;
      return a.diff && Array.from(a.diff.rows as Int32Array).includes(a.rowOf.get(id));
    }, SHORTANDY, { timeout: 30_000 });
    expect(await other.evaluate(() => (window as any).__auyl.atlas.scenarioName)).toBe('Demography 80');
    await other.close();

    // back to the baseline, then the exported file imported again gives the same scenario
    await settled(page, () => page.getByTestId('scenario-reset').click());
    expect(await page.evaluate(() => (window as any).__auyl.atlas.diff.rows.length)).toBe(0);
    await settled(page, () => page.getByTestId('scenario-import').setInputFiles({ name: 'demography-80.json', mimeType: 'application/json', buffer: Buffer.from(text) }));
    expect(await page.getByTestId('scenario-active').textContent()).toBe('Demography 80');
    expect(await page.evaluate(() => (window as any).__auyl.atlas.settings.config.blocks.find((b: any) => b.id === 'demography').max_points)).toBe(80);
  });

  it('refuses an invalid scenario file with a message', async () => {
    const bad = scenarioFile('bad', '2019', structuredClone(preset('2019')));
    bad.config.potential.medium = 90;
    bad.config.potential.high = 40;
    const before = await page.evaluate(() => JSON.stringify((window as any).__auyl.atlas.settings.config));
    await page.getByTestId('scenario-import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    const msg = page.getByTestId('scenario-import-problems');
    await expect.poll(() => msg.textContent()).toMatch(/refused.*medium cut-off is above the high one.*config\.potential\.medium/s);
    await page.getByTestId('scenario-import').setInputFiles({ name: 'notjson.json', mimeType: 'application/json', buffer: Buffer.from('{oops') });
    await expect.poll(() => msg.textContent()).toMatch(/not JSON/);
    expect(await page.evaluate(() => JSON.stringify((window as any).__auyl.atlas.settings.config))).toBe(before);
    await shot(page, 'import-refused');
  });
});

describe('resettlement', () => {
  it("the calculator's totals match hand arithmetic", async () => {
    await page.getByRole('tab', { name: 'Resettlement' }).click();
    await page.getByTestId('res-year').selectOption('2026');
    for (const [id, v] of [['res-members', '4'], ['res-rent-months', '12'], ['res-rent-mci', '20'], ['res-hires', '1'], ['res-home', '10000000']]) await page.getByTestId(id).fill(v);
    // 70 × 4 × 4,325 + 20 × 12 × 4,325 + 400 × 1 × 4,325 + min(50 % × 10,000,000; 4,000,000)
    const hand = 70 * 4 * 4325 + 20 * 12 * 4325 + 400 * 4325 + 4_000_000;
    expect(hand).toBe(7_979_000);
    await expect.poll(() => page.getByTestId('res-total').getAttribute('data-tenge')).toBe(String(hand));
    expect(await page.locator('[data-line=moving] .arith').textContent()).toBe('70 MCI × 4 × 4,325 ₸ = 1,211,000 ₸');
    await page.getByTestId('res-mci').fill('4000');
    await expect.poll(() => page.getByTestId('res-total').getAttribute('data-tenge')).toBe(String((70 * 4 + 20 * 12 + 400) * 4000 + 4_000_000));
    expect(Number((await page.getByTestId('res-count').textContent())!.replace(/\D/g, ''))).toBeGreaterThan(0);
    await settled(page, () => page.getByTestId('res-map').click());
    await shot(page, 'resettlement');
  });
});

describe('border review', () => {
  it('without a district layer reviews the regions within the border band, and says so', async () => {
    await page.getByRole('tab', { name: 'Border review' }).click();
    await expect.poll(() => page.getByTestId('review-basis').textContent()).toMatch(/No district layer/);
    expect(await page.locator('[data-testid=border-review] tbody tr').count()).toBeGreaterThan(0);
  });

  itWithShared(['kz-adm2-2024.fgb'], 'lists the China-border districts when the 2024 district layer is loaded', async () => {
    const b64 = fs.readFileSync(sharedFile('kz-adm2-2024.fgb')).toString('base64');
    await page.evaluate((s) => {
      const bin = atob(s);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      (window as any).__auyl.loadDistricts(bytes.buffer, 'kz-adm2-2024.fgb', 'ADM2_PCODE', 'ADM2_EN');
    }, b64);
    await page.getByTestId('review-CN').check();
    await expect.poll(() => page.getByTestId('review-basis').textContent(), { timeout: 60_000 }).toMatch(/Districts on the China border/);
    const names = await page.locator('[data-testid=border-review] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit')));
    for (const d of ['Zaysan', 'Panfilov', 'Alakol', 'Uygur', 'Raiymbek', 'Katonkaragay']) expect(names).toContain(d);
    expect(names).not.toContain('Ridder');
    await shot(page, 'border-review');
    await page.getByTestId('review-RU').check();
    await expect.poll(() => page.locator('[data-testid=border-review] tbody tr[data-unit="Ridder"]').count()).toBe(1);
  }, 180_000);

  it('no console errors', () => {
    expect(errors).toEqual([]);
  });
});
