// End-to-end: the first view as a planner or a deputy sees it — Kazakh names in Kazakh, Russian in Russian, Aktau
// as Aktau, big towns labelled before villages, Lake Balkhash drawn and named.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mapIdle, openAppForFile, SCREENSHOTS } from './browser.ts';
import { PALETTE } from '../../src/lib/map/palette.ts';

let page: Page;

openAppForFile((app) => ({ page } = app));

/** The label texts rendered now in the given symbol layers, after the map is idle. */
async function renderedLabels(layers: string[]): Promise<string[]> {
  return page.evaluate(async (layers) => {
    const { map } = (window as unknown as { __auyl: { map: any } }).__auyl;
    if (!map.loaded() || !map.areTilesLoaded()) await new Promise((r) => map.once('idle', r));
    return map.queryRenderedFeatures({ layers }).map((f: { layer: { layout: Record<string, unknown> }; properties: Record<string, unknown> }) => f.properties);
  }, layers).then((props) => props as unknown as string[]);
}

async function labelTexts(layers: string[], lang: 'kk' | 'ru' | 'en'): Promise<string[]> {
  const props = (await renderedLabels(layers)) as unknown as Record<string, string | null>[];
  const order = lang === 'kk' ? ['name_kk', 'name_ru', 'name'] : lang === 'ru' ? ['name_ru', 'name_kk', 'name'] : ['name_en', 'name'];
  return props.map((p) => order.map((k) => p[k]).find((v) => v) ?? '');
}

async function jump(center: [number, number], zoom: number) {
  await page.evaluate(async ([lon, lat, zoom]) => {
    const { map } = (window as unknown as { __auyl: { map: any } }).__auyl;
    map.jumpTo({ center: [lon, lat], zoom });
    await new Promise((r) => map.once('idle', r));
  }, [center[0], center[1], zoom] as const);
}

/** Share of pixels of water colour in a small box around a point. */
async function waterShareAt(lon: number, lat: number): Promise<number> {
  return page.evaluate(async ({ lon, lat, water }) => {
    const { map } = (window as unknown as { __auyl: { map: any } }).__auyl;
    await new Promise<void>((r) => { map.once('render', () => r()); map.triggerRepaint(); });
    const p = map.project([lon, lat]);
    const src = map.getCanvas() as HTMLCanvasElement;
    const ratio = src.width / src.clientWidth;
    const c = document.createElement('canvas');
    c.width = src.width; c.height = src.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(src, 0, 0);
    const size = 4;
    const data = ctx.getImageData(Math.round(p.x * ratio) - size, Math.round(p.y * ratio) - size, 2 * size, 2 * size).data;
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(water.slice(i, i + 2), 16));
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - r) < 12 && Math.abs(data[i + 1] - g) < 12 && Math.abs(data[i + 2] - b) < 12) n++;
    return n / (data.length / 4);
  }, { lon, lat, water: PALETTE.water });
}

describe('the first view', () => {
  it('shows the national view in Kazakh: Kazakh names, Aktau as Ақтау, Lake Balkhash drawn and named', async () => {
    const labels = await labelTexts(['labels-major'], 'kk');
    expect(labels).toEqual(expect.arrayContaining(['Ақтау', 'Өскемен', 'Қарағанды', 'Ақтөбе']));
    expect(labels.join(' ')).not.toMatch(/Шевченко|Shevchenko/);
    expect(labels.filter((l) => /[A-Za-z]/.test(l))).toEqual([]); // no Latin names in Kazakh mode
    expect(await labelTexts(['water-labels'], 'kk')).toEqual(expect.arrayContaining(['Балқаш көлі']));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'first-view-kk.png') });
    const national = await page.evaluate(() => {
      const { map } = (window as unknown as { __auyl: { map: any } }).__auyl;
      return { center: map.getCenter().toArray() as [number, number], zoom: map.getZoom() as number };
    });
    await jump([74.0, 45.6], 7);
    expect(await waterShareAt(74.0, 45.6)).toBeGreaterThan(0.9); // the open water of Lake Balkhash
    expect(await waterShareAt(74.0, 47.0)).toBeLessThan(0.1); // the steppe north of it is not (the check can fail)
    await jump(national.center, national.zoom);
  });

  it('switches labels to Russian at once', async () => {
    await page.getByRole('button', { name: 'RU', exact: true }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'ru');
    await mapIdle(page); // the labels laid out again in Russian
    const labels = await labelTexts(['labels-major'], 'ru');
    expect(labels).toEqual(expect.arrayContaining(['Актау', 'Усть-Каменогорск', 'Караганда', 'Уральск']));
    expect(await labelTexts(['water-labels'], 'ru')).toEqual(expect.arrayContaining(['озеро Балхаш']));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'first-view-ru.png') });
    await page.getByRole('button', { name: 'KK', exact: true }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'kk');
  });

  it('labels the big town before the villages around it (Ust-Kamenogorsk at zoom 6.6)', async () => {
    await jump([82.6, 49.95], 6.6);
    const labels = await labelTexts(['labels-major', 'labels-all'], 'kk');
    expect(labels).toContain('Өскемен');
    expect(labels.length).toBeGreaterThan(3); // villages are labelled too where there is room
  });

  it('shows Zaysan district at zoom 8 with Kazakh names and Lake Zaysan', async () => {
    await jump([84.4, 47.9], 8);
    const labels = await labelTexts(['labels-major', 'labels-all', 'water-labels'], 'kk');
    expect(labels).toEqual(expect.arrayContaining(['Зайсан', 'Зайсан көлі']));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'zaysan-zoom8-kk.png') });
  });
});
