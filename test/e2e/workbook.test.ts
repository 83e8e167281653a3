// End-to-end (issue 22 "done when"): the titled workbook — a title row above the header, «Облыс» merged over the
// rows of each region, a formula column with and without cached values, an empty first sheet — imported in the
// Kazakh UI: the header row is named (row 2 of «Тізім», found automatically), the merged cells are filled down on
// request (and only the text column), the formula cells are listed with row and column in Kazakh, and another
// header row chosen re-reads the file. Screenshots: test/e2e/screenshots/workbook-*.png.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openAppForFile, importFile, settled, SCREENSHOTS } from './browser.ts';
import { PLACES, SHEET, titledWorkbook } from '../support/titled-workbook.ts';

let page: Page;
let errors: string[];
openAppForFile((app) => ({ page, errors } = app), '#lang=kk');

const shot = (p: Page, name: string) => p.screenshot({ path: path.join(SCREENSHOTS, `workbook-${name}.png`) });
const panel = (p: Page) => p.locator('section.import');
const summary = (p: Page) => p.evaluate(() => JSON.parse(JSON.stringify((window as any).__auyl.atlas.dataset.ids)) as string[]);

describe('a titled workbook in the Kazakh UI', () => {
  it('imports with the header row named and the formula cells listed', async () => {
    await importFile(page, { name: 'tizim.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(titledWorkbook()) }, { timeout: 60_000, expectNew: false });
    // few indicator columns: the app may ask what the file is; answer "register"
    if (await page.getByTestId('import-ask').count()) await settled(page, () => page.getByRole('button', { name: /Тізілім ретінде жүктеу/ }).click(), { timeout: 60_000, notBusy: true });
    await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
    expect(await summary(page)).toEqual(expect.arrayContaining(PLACES.map((p) => p.id)));
    await expect(page.getByTestId('import-header').innerText()).resolves.toContain(`Тақырып: «${SHEET}» парағының 2-жолы (автоматты түрде табылды)`);
    await expect(page.getByTestId('import-header-row').inputValue()).resolves.toBe('2');
    // both sheets offered, «Тізім» taken (the first is empty)
    await expect(page.getByTestId('import-sheet').locator('option').allInnerTexts()).resolves.toEqual(['Бос', SHEET]);
    await expect(page.getByTestId('import-sheet').inputValue()).resolves.toBe(SHEET);
    // the problems table: the formula cells with row and column, in Kazakh; the merged range offered for filling
    const rows = await page.locator('[data-testid=import-problems] tbody tr').allInnerTexts();
    const formulas = rows.filter((r) => r.includes('сақталған мәні жоқ формула'));
    expect(formulas.map((r) => r.split('\t').slice(0, 2))).toEqual([['5', 'employment_rate_pct'], ['9', 'employment_rate_pct']]);
    expect(rows.some((r) => r.startsWith('3\tОблыс') && r.includes('біріктірілген ұяшық ауқымы'))).toBe(true);
    await expect(panel(page).innerText()).resolves.toContain('Біріктірілген ауқымдар: 2. Тек мәтін ұяшықтары толтырылады; сандар ешқашан толтырылмайды.');
    await page.getByTestId('import-header').scrollIntoViewIfNeeded();
    await shot(page, 'kk-imported');
  }, 120_000);

  it('fills the merged «Облыс» cells down on request', async () => {
    await page.getByTestId('import-fill-down').check();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=import-problems] tbody tr')].some((r) => r.textContent!.includes('бірінші ұяшықтың мәнімен төмен толтырылды')), null, { timeout: 60_000 });
    await expect(page.getByTestId('import-fill-down').isChecked()).resolves.toBe(true);
    // the choice is kept: the header row is still the one found
    await expect(page.getByTestId('import-header').innerText()).resolves.toContain('2-жолы');
    await shot(page, 'kk-filled');
  }, 120_000);

  it('a header row typed in re-reads the file with it, fill-down kept', async () => {
    // row 2 given by the user: the file is read again with it (the worker says "given", no longer "detected")
    await page.getByTestId('import-header-row').fill('2');
    await page.getByTestId('import-header-apply').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=import-header]')?.textContent?.includes('сіз таңдадыңыз'), null, { timeout: 60_000 });
    await expect(page.getByTestId('import-header').innerText()).resolves.toContain(`Тақырып: «${SHEET}» парағының 2-жолы (сіз таңдадыңыз)`);
    // fill-down kept across the re-read
    await expect(page.getByTestId('import-fill-down').isChecked()).resolves.toBe(true);
    expect(await summary(page)).toEqual(expect.arrayContaining(PLACES.map((p) => p.id)));
    expect(errors).toEqual([]);
  }, 120_000);

  it('a CSV with a title line: the header line named, no sheet to choose', async () => {
    const csv = ['Ауылдық елді мекендер тізімі 2025', 'Код КАТО,Атауы,Ендік,Бойлық,Халық саны', ...PLACES.map((p) => [p.id, p.name, p.lat, p.lon, p.population].join(','))].join('\n') + '\n';
    await importFile(page, { name: 'tizim.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }, { timeout: 60_000, expectNew: false });
    if (await page.getByTestId('import-ask').count()) await settled(page, () => page.getByRole('button', { name: /Тізілім ретінде жүктеу/ }).click(), { timeout: 60_000, notBusy: true });
    await page.waitForFunction(() => document.querySelector('[data-testid=import-header]')?.textContent?.includes('Тақырып: 2-жол'), null, { timeout: 60_000 });
    await expect(page.getByTestId('import-header').innerText()).resolves.toContain('Тақырып: 2-жол (автоматты түрде табылды)');
    await expect(page.getByTestId('import-sheet').count()).resolves.toBe(0);
    await expect(page.getByTestId('import-fill-down').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  }, 120_000);
});
