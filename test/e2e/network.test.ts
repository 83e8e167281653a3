// End-to-end: the Network tab on the embedded data. Maximal covering with N = 5, radius 15 km, all rural
// candidates: the table lists 5 suggested supports, the sentence states their share and the bound's gap, the
// curve marks N = 5; "apply as a scenario" makes exactly those 5 the supports (legend count 5) and the diff
// lists the settlements whose category moved. Screenshots: test/e2e/screenshots/network-*.png.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { countMapColours, downloadBytes, openAppForFile, screenshotPdf, settled as settledOn, SCREENSHOTS } from './browser.ts';

let page: Page;
let errors: string[];
let origin: string;
openAppForFile((app) => ({ page, errors, h: { origin } } = app));

const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `network-${name}.png`) });
const settled = (change: () => Promise<unknown>) => settledOn(page, change, { notBusy: true });
const NET = { kept: '#009E73', dropped: '#D55E00', uncovered: '#CC79A7', new: '#0072B2', covered: '#56B4E9' };
const legendCount = async (key: string) => Number((await page.locator(`.legend li[data-key=${key}] .count`).first().textContent())!.replace(/\D/g, ''));

describe('network tab', () => {
  it('suggests N supports with the curve and the table', async () => {
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('tab', { name: 'Network' }).click();
    // before: the category colours, none of the suggestion's green or vermillion
    const [keptBefore, droppedBefore] = await countMapColours(page, [NET.kept, NET.dropped], 25);
    await page.getByTestId('net-n').fill('5');
    await page.getByTestId('net-radius').fill('15');
    await page.getByLabel('Candidates').selectOption('all');
    await page.getByTestId('net-run').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=net-table] tbody tr').length === 5, null, { timeout: 60_000 });
    // the map shows the suggestion: its legend counts the classes, and the classes with rows are on the canvas
    await page.waitForSelector('[data-testid=net-legend]');
    const count = async (key: string) => Number((await page.locator(`[data-testid=net-legend] li[data-key=${key}] .count`).textContent())!.replace(/\D/g, ''));
    expect((await count('net_kept')) + (await count('net_new'))).toBe(5);
    const dropped = await count('net_dropped'), kept = await count('net_kept'), uncovered = await count('net_uncovered');
    expect(dropped).toBeGreaterThan(0);
    await page.evaluate(() => new Promise<void>((resolve) => { const { map } = (window as any).__auyl; map.once('idle', () => resolve()); map.triggerRepaint(); }));
    const [keptPx, droppedPx, uncoveredPx, newPx, coveredPx] = await countMapColours(page, [NET.kept, NET.dropped, NET.uncovered, NET.new, NET.covered], 25);
    expect(keptBefore + droppedBefore).toBeLessThan(50);
    expect(droppedPx).toBeGreaterThan(50);
    if (kept > 0) expect(keptPx).toBeGreaterThan(10);
    if (uncovered > 0) expect(uncoveredPx).toBeGreaterThan(50);
    // the category colours for support and satellite are these blues too, but the suggestion replaces them
    if (await count('net_new')) expect(newPx).toBeGreaterThan(10);
    if (await count('net_covered')) expect(coveredPx).toBeGreaterThan(10);
    await shot('on-map');
    // switched off, the map is back to the categories: no vermillion; on again, it returns
    await page.getByLabel('Show the suggestion on the map').uncheck();
    await page.evaluate(() => new Promise<void>((resolve) => { const { map } = (window as any).__auyl; map.once('idle', () => resolve()); map.triggerRepaint(); }));
    expect((await countMapColours(page, [NET.dropped], 25))[0]).toBeLessThan(50);
    await page.getByLabel('Show the suggestion on the map').check();
    await page.evaluate(() => new Promise<void>((resolve) => { const { map } = (window as any).__auyl; map.once('idle', () => resolve()); map.triggerRepaint(); }));
    expect((await countMapColours(page, [NET.dropped], 25))[0]).toBeGreaterThan(50);
    // the comparison with the rural supports of the assessment in force
    expect((await page.getByTestId('net-compare').textContent())!).toMatch(/^The current [\d,]+ supports cover [\d.]+%; the best [\d,]+ cover [\d.]+%(; [\d,]+ suffice for [\d.]+%)? \(share of rural people, same radius\)\.$/);
    // names in the table, not only ids
    const names = await page.locator('[data-testid=net-table] tbody td:first-child').allTextContents();
    const tableIds = await page.locator('[data-testid=net-table] tbody td:nth-child(2)').allTextContents();
    expect(names.some((n, i) => n !== tableIds[i])).toBe(true);
    // a row selects its settlement (the map's selection, the panel follows)
    await page.locator('[data-testid=net-table] tbody tr').nth(1).click();
    await page.waitForFunction((id) => (window as any).__auyl.atlas.selected === id, tableIds[1]);
    await expect(page.locator('[data-testid=net-table] tbody tr').nth(1).getAttribute('class')).resolves.toContain('sel');
    const sentence = (await page.getByTestId('net-sentence').textContent())!;
    expect(sentence).toMatch(/The best 5 supports cover [\d.]+% of rural people/);
    expect(sentence).toMatch(/Within [\d.]+% of the best possible/);
    // the curve: one point per N up to the curve's end, the chosen N marked
    const points = (await page.locator('[data-testid=net-curve] polyline').getAttribute('points'))!.split(' ');
    expect(points.length).toBeGreaterThanOrEqual(5);
    await expect(page.getByTestId('net-curve-point').count()).resolves.toBe(1);
    // people served fall from the top row down (sorted descending)
    const served = await page.locator('[data-testid=net-table] tbody td.num').allTextContents();
    const numbers = served.map((s) => Number(s.replace(/\D/g, '')));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(numbers[0]).toBeGreaterThan(0);
    await shot('tab');
    // the CSV: the 5 suggested supports with the people each serves and the parameters
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('net-csv').click()]);
    const csv = (await downloadBytes(download)).toString('utf8').trim().split('\n');
    expect(csv.length).toBe(6);
    expect(csv[0]).toMatch(/^id,people_served,problem,supports,/);
    // rows in the suggestion's id order; the same people served as the table's
    expect(csv.slice(1).map((l) => Number(l.split(',')[1])).sort((a, b) => b - a)).toEqual(numbers);
    expect(csv[1].split(',').slice(2, 4)).toEqual(['mclp', '5']);
    // the GeoJSON: a point per rural settlement, the 5 supports with the table's people served; the parameters
    const [gj] = await Promise.all([page.waitForEvent('download'), page.getByTestId('net-geojson').click()]);
    expect(gj.suggestedFilename()).toMatch(/^auyl-network-mclp-5\.geojson$/);
    const fc = JSON.parse((await downloadBytes(gj)).toString('utf8'));
    expect(fc.parameters).toMatchObject({ problem: 'mclp', supports: 5, radius_km: 15, candidates: 'all' });
    const supportsIn = fc.features.filter((f: any) => f.properties.role === 'support');
    expect(supportsIn.map((f: any) => f.properties.people_served).sort((a: number, b: number) => b - a)).toEqual(numbers);
    expect(supportsIn.every((f: any) => f.properties.support_id === f.properties.id && f.properties.km === 0)).toBe(true);
    expect(new Set(fc.features.map((f: any) => f.properties.role))).toEqual(new Set(['support', 'satellite', 'uncovered']));
    // the PDF page: the title, the comparison, the curve's mark and the top support's name
    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('net-pdf').click()]);
    const { extractText, getDocumentProxy } = await import('unpdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await downloadBytes(pdfDownload))), { mergePages: true });
    expect(text).toContain('Suggested network of support settlements');
    expect(text).toMatch(/The current [\d,]+ supports cover/);
    expect(text).toContain('Marked: N = 5');
    const topName = (await page.locator('[data-testid=net-table] tbody td:first-child').first().textContent())!;
    expect(text).toContain(topName);
    // render the page with pdf.js (unpdf's build, served for this test only) to look at it
    const pdfBytes = await downloadBytes(pdfDownload);
    await screenshotPdf(page, origin, pdfBytes, 'network-brief.png', 1.4);
    expect(errors).toEqual([]);
  });

  it('applies the suggestion as a scenario: exactly 5 supports, and the diff lists the moved rows', async () => {
    const before = await legendCount('support');
    const ids = await page.locator('[data-testid=net-table] tbody td:nth-child(2)').allTextContents();
    await settled(() => page.getByTestId('net-apply').click());
    await page.waitForFunction(() => (window as any).__auyl.atlas.settings?.forcedSupportIds?.length === 5);
    await page.waitForFunction(() => !(window as any).__auyl.atlas.busy);
    await page.waitForFunction(() => Number(document.querySelector('.legend li[data-key=support] .count')?.textContent?.replace(/\D/g, '')) === 5, null, { timeout: 30_000 });
    expect(await legendCount('support')).toBe(5);
    expect(before).not.toBe(5);
    // the map's supports are the suggested ids
    const supports = await page.evaluate(() => {
      const { atlas } = (window as any).__auyl;
      return (atlas.dataset.ids as string[]).filter((_, i) => atlas.results.support[i] === 1).sort();
    });
    expect(supports).toEqual([...ids].sort());
    await shot('map');
    await page.getByRole('tab', { name: 'Scenario diff' }).click();
    const diffRows = await page.evaluate(() => (window as any).__auyl.atlas.diff.rows.length);
    expect(diffRows).toBeGreaterThan(0);
    await shot('diff');
    expect(errors).toEqual([]);
  });
});
