// End-to-end: approved lists against the methodology. The hand-made register test/fixtures/audit-register.csv
// (why each settlement is what it is: test/cli/audit.test.ts) is imported through the file picker; the colour
// mode «audit» from the combobox gives legend counts agreement 1, upgrade 3, downgrade 1, changed 1, no status 1
// and the audit colours on the map; a legend click hides the upgrades and the table follows (7 → 4 rows); the
// panel shows the approved status, the computed reasons and an approved satellite's checks; the Audit tab counts
// per district, selects a disagreement on the map, follows a scenario (a 45 km satellite radius resolves D1), and
// downloads the report (the CLI's files: same counts) and a district's PDF page.
// Screenshots: test/e2e/screenshots/audit-*.png.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { openAppForFile, countMapColours, downloadBytes, mapIdle, settled as settledOn, SCREENSHOTS } from './browser.ts';
import { classesFor } from '../../src/lib/map/classes.ts';
import { parseCsv } from '../../src/lib/io/csv.ts';

let page: Page;
let errors: string[];
const REGISTER = fs.readFileSync('test/fixtures/audit-register.csv');
const colour = Object.fromEntries(classesFor('audit').map((c) => [c.key, c.colour]));

openAppForFile((app) => ({ page, errors } = app));

const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `audit-${name}.png`) });
const idle = () => mapIdle(page);
/** Runs `change` and waits for the worker's answer to be applied, the app done and the map idle. */
const settled = (change: () => Promise<unknown>) => settledOn(page, change, { notBusy: true });

const legendCount = async (key: string) => Number((await page.locator(`.legend li[data-key=${key}] .count`).textContent())!.replace(/\D/g, ''));
const tableRows = async () => Number(await page.getByRole('grid').getAttribute('aria-rowcount')) - 1;

describe('audit', () => {
  it('imports a register with approved statuses and offers the audit colour mode', async () => {
    const combobox = page.getByRole('combobox', { name: 'Түсі' });
    const offered = () => combobox.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(await offered()).not.toContain('audit');
    // the embedded register has no approved statuses: the tab says what to import
    await page.getByRole('tab', { name: 'Аудит' }).click();
    expect(await page.getByTestId('audit-none').textContent()).toContain('official_category');
    await page.getByRole('tab', { name: 'Кесте' }).click();
    await settled(() => page.getByLabel(/Файлды жүктеу/).setInputFiles({ name: 'audit-register.csv', mimeType: 'text/csv', buffer: REGISTER }));
    await page.waitForFunction(() => (window as any).__auyl.atlas.dataset?.ids.length === 7 && (window as any).__auyl.atlas.dataset.hasOfficial, null, { timeout: 60_000 });
    expect(await offered()).toContain('audit');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await settled(() => page.getByRole('combobox', { name: 'Colour by' }).selectOption('audit'));
    await page.waitForFunction(() => location.hash.includes('mode=audit'));
  });

  it('legend counts are the hand-computed ones and the map carries the audit colours', async () => {
    const counts = Object.fromEntries(await Promise.all(['agreement', 'upgrade', 'downgrade', 'changed', 'no_status', 'not_in_register'].map(async (k) => [k, await legendCount(k)])));
    expect(counts).toEqual({ agreement: 1, upgrade: 3, downgrade: 1, changed: 1, no_status: 1, not_in_register: 0 });
    // every settlement's feature-state colour is its audit class's colour
    const states = await page.evaluate(() => {
      const { map, atlas } = (window as any).__auyl;
      return (atlas.dataset.ids as string[]).map((id, i) => [id, map.getFeatureState({ source: 'settlements', id: i }).c]);
    });
    expect(Object.fromEntries(states)).toEqual({
      S1: colour.agreement, A1: colour.upgrade, D1: colour.upgrade, B1: colour.upgrade, C1: colour.downgrade, G1: colour.changed, E1: colour.no_status,
    });
    // and they are drawn: zoom to the Akmola cluster (S1, A1, D1, C1, G1) and count pixels of each colour
    await page.evaluate(() => new Promise<void>((resolve) => {
      const { map } = (window as any).__auyl;
      map.once('idle', () => resolve());
      map.fitBounds([[70.9, 49.9], [71.7, 51.1]], { padding: 80, duration: 0 });
    }));
    const rendered = await page.evaluate(() => (window as any).__auyl.map.queryRenderedFeatures({ layers: ['settlements'] }).length);
    expect(rendered).toBeGreaterThanOrEqual(5);
    await shot('map');
    const [agree, up, down, changed] = await countMapColours(page, [colour.agreement, colour.upgrade, colour.downgrade, colour.changed], 25);
    expect(agree).toBeGreaterThan(15);
    expect(up).toBeGreaterThan(30);
    expect(down).toBeGreaterThan(15);
    expect(changed).toBeGreaterThan(15);
  });

  it('a legend click hides a class and the table\'s row count follows', async () => {
    await page.getByRole('tab', { name: 'Table' }).click();
    expect(await tableRows()).toBe(7);
    await settled(() => page.locator('.legend li[data-key=upgrade] button').click());
    expect(await tableRows()).toBe(4);
    expect(await page.locator('.legend li[data-key=upgrade] button').getAttribute('aria-pressed')).toBe('false');
    // the approved status and audit class are table columns, sortable like the others
    await settled(() => page.getByRole('button', { name: /Sort by Audit|Audit/ }).first().click());
    const firstCells = await page.locator('[role=row][aria-rowindex="2"] [role=gridcell]').allTextContents();
    expect(firstCells).toContain('Agreement');
    expect(firstCells).toContain('Support');
    await settled(() => page.locator('.legend li[data-key=upgrade] button').click());
    expect(await tableRows()).toBe(7);
  });

  it('the panel shows the approved status and the computed reasons of a disagreement', async () => {
    await page.evaluate(() => ((window as any).__auyl.atlas.selected = 'C1'));
    await page.getByTestId('panel-audit').waitFor();
    expect(await page.getByTestId('panel-approved').textContent()).toBe('Other (2023)');
    expect(await page.getByTestId('panel-audit-class').textContent()).toContain('Downgrade');
    const reasons = await page.getByTestId('panel-audit-reasons').textContent();
    expect(reasons).toContain('Support: rural-district centre with high potential');
    expect(reasons).toMatch(/Block points: .*\d+ \/ \d+/);
    expect(reasons).toContain('To the border');
    await shot('panel-downgrade');
    // an approved satellite 40 km from its approved support: too far for the 15 km radius
    await page.evaluate(() => ((window as any).__auyl.atlas.selected = 'D1'));
    await page.waitForFunction(() => (window as any).__auyl.atlas.detail?.id === 'D1');
    const support = await page.getByTestId('panel-audit-support').textContent();
    expect(support).toContain('Тірек-1');
    expect(support).toMatch(/too far: 40(\.0)? km, beyond the satellite radius of 15 km/);
    await page.evaluate(() => ((window as any).__auyl.atlas.selected = 'B1'));
    await page.waitForFunction(() => (window as any).__auyl.atlas.detail?.id === 'B1');
    expect(await page.getByTestId('panel-audit-flags').textContent()).toContain('in another district (Целиноградский)');
    await page.getByRole('button', { name: 'RU', exact: true }).click();
    expect(await page.getByTestId('panel-audit-flags').textContent()).toContain('в другом районе (Целиноградский)');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.evaluate(() => ((window as any).__auyl.atlas.selected = null));
  });

  it('the Audit tab counts per district, and a disagreement selects it on the map', async () => {
    await page.getByRole('tab', { name: 'Audit' }).click();
    await page.getByTestId('audit-units').waitFor();
    const cells = async (unit: string) => page.locator(`[data-testid=audit-units] tr[data-unit="${unit}"] td`).allTextContents();
    // agreement, upgrade, downgrade, changed, no status, flagged satellites
    expect(await cells('KZ-AKM|Целиноградский')).toEqual(['1', '2', '0', '0', '0', '1']);
    expect(await cells('KZ-AKM|Аршалынский')).toEqual(['0', '0', '1', '1', '0', '0']);
    expect(await cells('total')).toEqual(['1', '3', '1', '1', '1', '2']);
    expect(await page.locator('[data-testid=audit-list] tbody tr').evaluateAll((rs) => rs.map((r) => (r as HTMLElement).dataset.id))).toEqual(['A1', 'D1', 'B1', 'C1', 'G1']);
    await page.getByRole('button', { name: 'Show Тірек-2 on the map' }).click();
    await page.waitForFunction(() => (window as any).__auyl.atlas.detail?.id === 'C1');
    expect(await page.getByTestId('settlement-panel').isVisible()).toBe(true);
    await idle();
    await shot('tab');
    await page.evaluate(() => ((window as any).__auyl.atlas.selected = null));
  });

  it('follows a scenario: a 45 km satellite radius resolves D1\'s approved status', async () => {
    expect(await page.getByTestId('audit-sensitivity').textContent()).toContain('The baseline is in force');
    await settled(() => page.evaluate(() => {
      const { atlas } = (window as any).__auyl;
      atlas.settings = { ...atlas.settings, satelliteRadiusKm: 45 };
    }));
    await page.getByTestId('audit-resolved').waitFor();
    expect(await page.getByTestId('audit-resolved').textContent()).toBe('Resolved by the scenario: 1');
    expect(await page.getByTestId('audit-created').textContent()).toBe('Created by the scenario: 0');
    expect(await page.getByTestId('audit-sensitivity').textContent()).toContain('Ауыл-D: Upgrade → Agreement');
    expect(await legendCount('agreement')).toBe(2);
    await shot('tab-scenario');
    await settled(() => page.evaluate(() => {
      const { atlas } = (window as any).__auyl;
      atlas.settings = { ...atlas.settings, satelliteRadiusKm: 15 };
    }));
    expect(await legendCount('agreement')).toBe(1);
  });

  it('downloads the audit report (the CLI\'s counts) and a district\'s PDF page', async () => {
    const downloads: Download[] = [];
    const onDownload = (d: Download) => downloads.push(d);
    page.on('download', onDownload);
    await page.getByRole('button', { name: 'Audit report (CSV)' }).click();
    await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(4);
    const byName = Object.fromEntries(await Promise.all(downloads.map(async (d) => [d.suggestedFilename().replace(/^auyl-\d{4}-\d\d-\d\d-/, ''), (await downloadBytes(d)).toString('utf8')])));
    expect(Object.keys(byName).sort()).toEqual(['audit.csv', 'audit.districts.csv', 'audit.params.json', 'parameters.json']);
    const all = parseCsv(byName['audit.districts.csv']).rows.find((r) => r.cells.district === '(all)')!.cells;
    expect(all).toMatchObject({ settlements: '7', agreement: '1', upgrade: '3', downgrade: '1', changed: '1', no_status: '1', flagged_satellites: '2' });
    const rows = Object.fromEntries(parseCsv(byName['audit.csv']).rows.map((r) => [r.cells.id, r.cells]));
    expect(rows.D1).toMatchObject({ audit: 'upgrade', satellite_flags: 'support_too_far' });
    expect(JSON.parse(byName['parameters.json'])).toMatchObject({ data_source: 'audit-register.csv (register)', settings: { satellite_radius_km: 15 } });
    downloads.length = 0;
    await page.getByRole('combobox', { name: 'District for the printable page' }).selectOption('KZ-AKM|Целиноградский');
    await page.getByTestId('audit-view').getByRole('button', { name: 'PDF', exact: true }).click();
    await expect.poll(() => downloads.length, { timeout: 60_000 }).toBe(1);
    const pdf = await downloadBytes(downloads[0]);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(downloads[0].suggestedFilename()).toMatch(/^auyl-audit-.*Целиноградский\.pdf$/);
    const { extractText, getDocumentProxy } = await import('unpdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(text).toContain('Audit of approved categories');
    expect(text).toMatch(/Upgrade: approved higher than computed\s*2/);
    expect(text).toContain('Ауыл-D');
    page.off('download', onDownload);
    await page.getByRole('button', { name: 'KK', exact: true }).click();
    await page.getByTestId('audit-units').waitFor();
    expect(await page.locator('[data-testid=audit-units] thead').textContent()).toContain('Сәйкес');
    await shot('tab-kk');
    expect(errors).toEqual([]);
  });
});
