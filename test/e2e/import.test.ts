// End-to-end: bring your own data. A Windows-1251 ";" CSV with decimal commas, a KZ-1048 file, an .xlsx register,
// a script payload shown as text, the national KATO list (596 without location), the 2024 districts with the
// China / Russia border districts lit, reload keeps imports, cancel and a broken file keep the previous data, the
// CSP refuses an inline script, no request leaves the origin. Screenshots: test/e2e/screenshots/import-*.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openAppForFile, downloadBytes, importFile, SCREENSHOTS, type Harness } from './browser.ts';
import { encodeSingleByte } from '../../src/lib/io/text.ts';
import { itWithShared, sharedFile } from '../support/shared-data.ts';

let h: Harness;
let page: Page;
let requests: string[];
let errors: string[];

openAppForFile((app) => ({ h, page, requests, errors } = app));

const shot = (p: Page, name: string) => p.screenshot({ path: path.join(SCREENSHOTS, `import-${name}.png`) });

/** Imports through the file picker (found by its accessible name) and waits for the new data's colours. */
const pick = (p: Page, name: string, buffer: Buffer | Uint8Array, expectNew = true) =>
  importFile(p, { name, mimeType: 'application/octet-stream', buffer: Buffer.from(buffer) }, { timeout: 60_000, expectNew });

/** The panel record of a settlement (selected as a click would). */
async function detail(p: Page, id: string) {
  await p.evaluate((id) => ((window as any).__auyl.atlas.selected = id), id);
  await p.waitForFunction((id) => (window as any).__auyl.atlas.detail?.id === id, id, { timeout: 30_000 });
  return p.evaluate(() => JSON.parse(JSON.stringify((window as any).__auyl.atlas.detail)));
}

const ids = (p: Page) => p.evaluate(() => (window as any).__auyl.atlas.dataset.ids as string[]);

describe('import', () => {
  it('has a file picker with an accessible name, and the CSP refuses an inline script', async () => {
    await expect(page.getByLabel(/Файлды жүктеу/).count()).resolves.toBe(1);
    const refused = await page.evaluate(() => new Promise<boolean>((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective.startsWith('script-src')), { once: true });
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
      setTimeout(() => resolve(false), 2000); // only when the CSP lets it run (the test then fails)
    }));
    expect(refused).toBe(true);
    expect(await page.evaluate(() => (window as any).__inline)).toBeUndefined();
  });

  it('a Windows-1251 ";" CSV with decimal commas imports with the right numbers; a script payload is text', async () => {
    const csv = 'Код КАТО;Наименование;Широта;Долгота;Численность населения\r\n' +
      '111;Село Бірлік;51,15;71,43;1 234\r\n' +
      '112;<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>;50,5;70,25;800,0\r\n' +
      '113;Плохая;abc;70,25;10\r\n';
    await pick(page, 'register-1251.csv', encodeSingleByte(csv, 'windows-1251'));
    expect(await ids(page)).toEqual(['111', '112']);
    // a register (population, no list shape) is sure: imported straight away, nothing asked
    expect(await page.getByTestId('import-ask').count()).toBe(0);
    const summary = await page.getByTestId('import-summary').textContent();
    expect(summary).toMatch(/3.*2.*0.*1/);
    // the share of points the file can score (issue 22 item 4): population only, 20 of the 2019 preset's 100
    const scorable = await page.getByTestId('import-scorable').textContent();
    expect(scorable).toMatch(/^Файл 100 ұпайдың 20 ұпайын бағалай алады; жоқ: share_young_pct \(демография, 10 ұпай\), /);
    expect(scorable).toContain('has_internet (инфрақұрылым, 4 ұпай)');
    await page.getByTestId('import-scorable').scrollIntoViewIfNeeded();
    await page.getByTestId('import-summary').locator('..').screenshot({ path: path.join(SCREENSHOTS, 'import-scorable.png') });
    const d = await detail(page, '111');
    expect(d.population).toBe(1234);
    expect(d.names.ru).toBe('Село Бірлік');
    const x = await detail(page, '112');
    expect(x.names.ru).toContain('<script>');
    // the panel shows the name as text (waited for: it renders after the detail arrives)
    await page.getByTestId('settlement-panel').getByText('<img src=x onerror=', { exact: false }).first().waitFor({ timeout: 10_000 });
    const panelText = await page.locator('body').textContent();
    expect(panelText).toContain('<img src=x onerror=');
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(await page.locator('img[src=x]').count()).toBe(0);
    // the problem row (not a number) is listed with its row, column and value
    await expect(page.getByTestId('import-problems').textContent()).resolves.toMatch(/4.*Широта|lat.*abc/s);
    await shot(page, 'register');
    await page.getByRole('button', { name: 'EN' }).click();
    await page.evaluate(() => ((window as any).__auyl.atlas.selected = null));
    await page.getByTestId('import-mapping').locator('summary').click();
    await page.getByTestId('import-mapping').scrollIntoViewIfNeeded();
    await shot(page, 'mapping-en');
    // the mapping this import used, saved for the command line: `auyl assess --mapping` reads the same rows
    const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save the column mapping (JSON)' }).click()]);
    expect(saved.suggestedFilename()).toBe('register-1251.mapping.json');
    const savedJson = (await downloadBytes(saved)).toString('utf8');
    expect(JSON.parse(savedJson)).toMatchObject({ 'Код КАТО': 'id', Наименование: 'name_ru', Широта: 'lat', Долгота: 'lon', 'Численность населения': 'population' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auyl-mapping-'));
    const mappingFile = path.join(dir, 'register-1251.mapping.json');
    fs.writeFileSync(mappingFile, savedJson);
    fs.writeFileSync(path.join(dir, 'register-1251.csv'), encodeSingleByte(csv, 'windows-1251'));
    const cli = spawnSync(process.execPath, ['bin/auyl.mjs', 'assess', '--settlements', path.join(dir, 'register-1251.csv'), '--mapping', mappingFile, '--skip-invalid', '--out', path.join(dir, 'out.geojson')], { encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'out.geojson'), 'utf8')).features.map((f: { properties: { id: string } }) => f.properties.id)).toEqual(['111', '112']);
    await page.getByRole('button', { name: 'KK' }).click();
  });

  it('a KZ-1048 file keeps its Kazakh letters', async () => {
    const csv = 'id;name_kk;lat;lon;population\r\n201;Қызылжар Әулиеағаш ұңғыма;52,1;69,9;300\r\n';
    await pick(page, 'kz1048.csv', encodeSingleByte(csv, 'kz-1048'));
    expect((await detail(page, '201')).names.kk).toBe('Қызылжар Әулиеағаш ұңғыма');
  });

  it('one click fixes swapped coordinates; the problems download as CSV', async () => {
    await pick(page, 'swapped.csv', Buffer.from('id,name_en,lat,lon,population\n501,A,51.15,71.43,100\n502,B,71.43,51.15,200\n'));
    expect(await ids(page)).toEqual(['501']);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Ақаулар тізімін жүктеп алу/ }).click()]);
    const text = (await downloadBytes(download)).toString('utf8');
    expect(text).toMatch(/swapped_lat_lon/);
    const before = await page.evaluate(() => (window as any).__auyl.count);
    await page.getByRole('button', { name: /Ауысқан координаттарды түзету/ }).click();
    await page.waitForFunction((n) => (window as any).__auyl.count > n && (window as any).__auyl.atlas.dataset.ids.length === 2, before, { timeout: 30_000 });
    expect((await detail(page, '502')).names.en).toBe('B');
  });

  it('a file dropped anywhere on the page imports', async () => {
    const before = await page.evaluate(() => (window as any).__auyl.count);
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['id,name_en,lat,lon,population\n401,Dropped,49.9,73.1,500\n'], 'dropped.csv', { type: 'text/csv' }));
      const target = document.querySelector('[data-testid=map]')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.waitForFunction((n) => (window as any).__auyl.count > n && !(window as any).__auyl.atlas.busy, before, { timeout: 30_000 });
    expect(await ids(page)).toEqual(['401']);
  });

  it('a file whose kind is unsure asks first (with the evidence) and imports only after the answer', async () => {
    const before = await ids(page);
    const count = await page.evaluate(() => (window as any).__auyl.count);
    await page.getByLabel(/Файлды жүктеу|Import a file/).setInputFiles({ name: 'unsure.csv', mimeType: 'text/csv', buffer: Buffer.from('kato,name_ru,lat,lon\n901,Белгісіз,50.1,70.1\n902,Екінші,50.3,70.4\n') });
    const question = page.getByRole('group', { name: /unsure\.csv/ });
    await question.waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('import-ask-evidence').textContent()).resolves.toMatch(/Көрсеткіш бағандары табылмады; бары: КАТО \/ код, атауы, координаттар/);
    // nothing imported while the question is open: the reading job is over (nothing busy, no progress) and the
    // data and the results are still the previous ones
    await page.waitForFunction(() => !document.querySelector('[data-testid=import-progress]') && !(window as any).__auyl.atlas.busy, null, { timeout: 30_000 });
    expect(await ids(page)).toEqual(before);
    expect(await page.evaluate(() => (window as any).__auyl.count)).toBe(count);
    await question.scrollIntoViewIfNeeded();
    await shot(page, 'ask');
    // the answer in English: the question follows the UI language
    await page.getByRole('button', { name: 'EN' }).click();
    await expect(question.textContent()).resolves.toMatch(/No indicator columns found; has: KATO \/ id, name, coordinates/);
    await question.getByRole('button', { name: /Import as a register/ }).click();
    await page.waitForFunction((n) => (window as any).__auyl.count > n && !(window as any).__auyl.atlas.busy, count, { timeout: 30_000 });
    expect(await ids(page)).toEqual(['901', '902']);
    expect(await page.getByTestId('import-ask').count()).toBe(0);
    expect(await page.evaluate(() => (window as any).__auyl.imports.source.kind)).toBe('register');
    // the answer can be changed afterwards
    await expect(page.getByTestId('import-kind').inputValue()).resolves.toBe('register');
    await page.getByRole('button', { name: 'KK' }).click();
  });

  it('an .xlsx register imports', async () => {
    const XLSX = await import('@e965/xlsx');
    const ws = XLSX.utils.aoa_to_sheet([['КАТО', 'Атауы', 'Ендік', 'Бойлық', 'Халық саны'], ['301', 'Ақсу', 52.04, 76.92, 4100], ['302', 'Шидерті', 51.1, 74.2, 900]]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
    const buf = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    await pick(page, 'register.xlsx', buf);
    expect(await ids(page)).toEqual(['301', '302']);
    const d = await detail(page, '301');
    expect(d.population).toBe(4100);
    expect(d.names.kk).toBe('Ақсу');
  });

  it('a cancelled import and a broken file keep the previous data', async () => {
    const before = await ids(page);
    await page.getByLabel(/Файлды жүктеу|Import a file/).setInputFiles({ name: 'broken.fgb', mimeType: 'application/octet-stream', buffer: Buffer.from('not a flatgeobuf at all') });
    await page.getByTestId('import-notice').waitFor({ timeout: 30_000 });
    expect(await ids(page)).toEqual(before);
    // a big file, cancelled while it reads
    const rows = ['id,name_en,lat,lon,population'];
    for (let i = 0; i < 400_000; i++) rows.push(`${i},P${i},${(45 + (i % 700) / 100).toFixed(2)},${(60 + (i % 2000) / 100).toFixed(2)},${i % 5000}`);
    await page.getByLabel(/Файлды жүктеу|Import a file/).setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
    await page.getByRole('button', { name: /Жүктеуді тоқтату|Cancel import/ }).click({ timeout: 30_000 });
    await page.waitForFunction(() => (window as any).__auyl.atlas.dataset?.ids?.length === 2, null, { timeout: 60_000 });
    expect(await ids(page)).toEqual(before);
  });

  itWithShared(['kz-adm2-2024.fgb'], 'the 2024 district layer loads and the China and Russia border districts are coloured; a reload keeps it and the register', async () => {
    await pick(page, 'kz-adm2-2024.fgb', fs.readFileSync(sharedFile('kz-adm2-2024.fgb')));
    const lit = await page.evaluate(() => {
      const { map } = (window as any).__auyl;
      const fs = map.querySourceFeatures('import-adm2');
      const by = (b: string) => new Set(fs.filter((f: any) => f.properties.border === b).map((f: any) => f.properties.id)).size;
      return { all: new Set(fs.map((f: any) => f.properties.id)).size, china: by('china'), russia: by('russia') };
    });
    expect(lit.all).toBe(224);
    expect(lit.china).toBeGreaterThan(3);
    expect(lit.russia).toBeGreaterThan(10);
    expect(await page.evaluate(() => (window as any).__auyl.atlas.dataset.hasDistricts)).toBe(true);
    await shot(page, 'districts');
    await page.reload();
    await page.waitForFunction(() => (window as any).__auyl?.ready === true, null, { timeout: 60_000 });
    expect(await ids(page)).toEqual(['301', '302']);
    const n = await page.evaluate(() => new Set((window as any).__auyl.map.querySourceFeatures('import-adm2').map((f: any) => f.properties.id)).size);
    expect(n).toBe(224);
  });

  itWithShared(['kz-settlements-kato-2025.csv'], 'the national KATO list imports with its 596 unlocated rows counted', async () => {
    await pick(page, 'kz-settlements-kato-2025.csv', fs.readFileSync(sharedFile('kz-settlements-kato-2025.csv')));
    const text = (await page.getByTestId('import-summary').textContent())!.replace(/\s/g, ' ');
    expect(text).toMatch(/6.301/);
    expect(text).toMatch(/596/);
    expect((await ids(page)).length).toBeGreaterThan(5600);
    // counted beside the table and summaries too
    expect(await page.getByTestId('pane-unlocated').textContent()).toMatch(/596/);
    // a sure list: nothing asked; its towns (KATO type 1) serve the town tiers, and the panel says which
    expect(await page.getByTestId('import-ask').count()).toBe(0);
    const towns = await page.evaluate(() => (window as any).__auyl.imports.rows.towns);
    expect(towns.regional).toBeGreaterThanOrEqual(16);
    expect(towns.count).toBeGreaterThan(towns.same);
    const townsText = (await page.getByTestId('import-towns').textContent())!.replace(/\s/g, ' ');
    for (const n of [towns.count, towns.regional, towns.town, towns.same]) expect(townsText).toContain(String(n));
    await page.getByTestId('import-towns').scrollIntoViewIfNeeded();
    await shot(page, 'kato-list');
  });

  it('returns to the embedded data in one click; no request left the origin; no console errors', async () => {
    await page.getByTestId('import-reset').click();
    await page.waitForFunction(() => (window as any).__auyl.atlas.dataset.ids.length > 300, null, { timeout: 30_000 });
    const origin = new URL(page.url()).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(errors.filter((e) => !/Content Security Policy|Refused to execute inline script/.test(e))).toEqual([]);
  });

  it('a full storage (QuotaExceededError) is reported in the UI language; the import stays usable in the session', async () => {
    const p = await h.context.newPage();
    const pageErrors: string[] = [];
    p.on('pageerror', (e) => pageErrors.push(String(e)));
    // every write of an imported file fails as a full disk does
    await p.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === 'files') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    await p.goto(`${h.origin}/`);
    await p.waitForFunction(() => (window as any).__auyl?.ready === true, null, { timeout: 60_000 });
    await pick(p, 'quota.csv', Buffer.from('id,name_en,lat,lon,population\n701,Full,49.9,73.1,500\n702,Disk,50.2,72.1,900\n'));
    const notice = p.getByTestId('import-notice');
    await notice.waitFor({ timeout: 30_000 });
    await expect(notice.textContent()).resolves.toContain('браузерде сақтау мүмкін болмады (орын жоқ)');
    await p.getByRole('button', { name: 'RU' }).click();
    await expect(notice.textContent()).resolves.toMatch(/в браузере \(нет места\)/);
    await p.getByRole('button', { name: 'EN' }).click();
    await expect(notice.textContent()).resolves.toMatch(/storage full/);
    // the data is on the map and usable
    expect(await ids(p)).toEqual(['701', '702']);
    expect((await detail(p, '702')).population).toBe(900);
    await p.evaluate(() => ((window as any).__auyl.atlas.selected = null));
    await notice.scrollIntoViewIfNeeded();
    await shot(p, 'quota');
    expect(pageErrors).toEqual([]);
    await p.close();
  });
});
