import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/worker/import.ts';
import { preset } from '../../src/lib/engine/config/presets.ts';
import { encodeSingleByte } from '../../src/lib/io/text.ts';
import { itWithShared, sharedFile } from '../support/shared-data.ts';
import { loadModel } from '../../src/lib/worker/load.ts';
import { handleImport, setEmbedded } from '../../src/lib/worker/import-host.ts';
import type { ImportReply } from '../../src/lib/worker/import-protocol.ts';
import type { GeoTable } from '../../src/lib/engine/geo/geospatial.ts';
import { CATEGORIES } from '../../src/lib/engine/classify.ts';

const base = { lang: 'en' as const, outline: null, list: null };

describe('in-app import (worker side)', () => {
  it('reads a Windows-1251 ; CSV with decimal commas and Russian headers', async () => {
    const csv = 'Код КАТО;Наименование;Широта;Долгота;Численность населения\r\n111;Село Бірлік;51,15;71,43;1 234\r\n112;Жаңа;50,5;70,25;800\r\n';
    const r = await importFile(encodeSingleByte(csv, 'windows-1251'), 'r.csv', preset('2019'), base);
    if (r.kind === 'boundaries') throw new Error('kind');
    expect(r.encoding).toBe('windows-1251');
    expect(r.mapping).toMatchObject({ 'Код КАТО': 'id', Наименование: 'name_ru', Широта: 'lat', Долгота: 'lon', 'Численность населения': 'population' });
    expect(r.settlements.map((s) => [s.id, s.lat, s.lon, s.population])).toEqual([['111', 51.15, 71.43, 1234], ['112', 50.5, 70.25, 800]]);
  });
  it('stops before importing when asked to and the kind is unsure; a sure file imports straight away', async () => {
    const unsure = await importFile(new TextEncoder().encode('kato,name_ru,lat,lon\n1,А,51,71\n'), 'u.csv', preset('2019'), { ...base, ask: true });
    expect(unsure.kind).toBe('ask');
    if (unsure.kind !== 'ask') throw new Error('kind');
    expect(unsure.guess).toMatchObject({ kind: 'list', sure: false, evidence: { has: ['id', 'name', 'coordinates'] } });
    const answered = await importFile(new TextEncoder().encode('kato,name_ru,lat,lon\n1,А,51,71\n'), 'u.csv', preset('2019'), { ...base, ask: true, kind: 'register' });
    expect(answered.kind).toBe('register');
    const sure = await importFile(new TextEncoder().encode('id,name_en,lat,lon,population\n1,A,51,71,100\n'), 's.csv', preset('2019'), { ...base, ask: true });
    expect(sure.kind).toBe('register');
  });
  it('reads a .tsv', async () => {
    const r = await importFile(new TextEncoder().encode('id\tname_en\tlat\tlon\n1\tA\t51\t71\n'), 'r.tsv', preset('2019'), base);
    expect(r.kind !== 'boundaries' && r.settlements.length).toBe(1);
  });
  it('keeps rows without coordinates aside, and locates a register by KATO from a list', async () => {
    const list = 'kato,name_ru,district_ru,oblast_ru,lat,lon\n1,А,Р,О,51,71\n2,Б,Р,О,,\n';
    const r = await importFile(new TextEncoder().encode(list), 'list.csv', preset('2019'), base);
    if (r.kind === 'boundaries') throw new Error('kind');
    expect(r.kind).toBe('list');
    expect(r.counts).toMatchObject({ read: 2, onMap: 1, unlocated: 1, rejected: 0 });
    const reg = 'id,name_ru,population\n2,Б,100\n3,В,50\n';
    const r2 = await importFile(new TextEncoder().encode(reg), 'reg.csv', preset('2019'), { ...base, list: new Map([['2', [50, 70]]]) });
    if (r2.kind === 'boundaries') throw new Error('kind');
    expect(r2.counts).toMatchObject({ read: 2, onMap: 1, unlocated: 1, matchedByKato: 1 });
  });
  itWithShared(['kz-settlements-kato-2025.csv'], 'the national KATO list: 6,301 read, 5,705 on the map, 596 without location', async () => {
    const r = await importFile(new Uint8Array(fs.readFileSync(sharedFile('kz-settlements-kato-2025.csv'))), 'kz-settlements-kato-2025.csv', preset('2019'), base);
    if (r.kind === 'boundaries') throw new Error('kind');
    expect(r.kind).toBe('list');
    expect(r.counts.read).toBe(6301);
    expect(r.counts.unlocated).toBe(596);
    expect(r.counts.onMap + r.counts.unlocated + r.counts.rejected).toBe(6301);
  });
  itWithShared(['kz-settlements-kato-2025.csv'], "the list's towns (KATO type 1) serve the town tiers in the worker's model, not doubled with the embedded towns", async () => {
    setEmbedded(await loadModel(new Uint8Array(fs.readFileSync('public/data/settlements.fgb')), new Uint8Array(fs.readFileSync('public/data/borders.fgb')), fs.readFileSync('data/example-register-illustrative.csv', 'utf8')));
    const replies: ImportReply[] = [];
    const model = await handleImport({ type: 'import', job: 1, bytes: new Uint8Array(fs.readFileSync(sharedFile('kz-settlements-kato-2025.csv'))).buffer, fileName: 'kz-settlements-kato-2025.csv', options: { lang: 'en' } }, (m) => replies.push(m));
    const done = replies.find((m) => m.type === 'import-done');
    if (!model || done?.type !== 'import-done') throw new Error(JSON.stringify(replies.at(-1)));
    const towns = done.summary.towns!;
    expect(towns.count).toBe(towns.regional + towns.town);
    expect(towns.regional).toBe(16); // 17 oblast centres, Kyzylorda without location
    expect(towns.same).toBeGreaterThan(towns.count / 2);
    model.compute(model.defaults(), { mode: 'category', classing: { method: 'quantile', count: 5, custom: [20, 40] } });
    const geo = (model as unknown as { mapGeo: GeoTable }).mapGeo;
    const district = geo.tiers.find((t) => t.id === 'district')!;
    const regional = geo.tiers.find((t) => t.id === 'regional')!;
    // the list's towns that are not embedded places join the tiers once each
    const listIds = district.towns.filter((t) => /^\d{9}$/.test(t.id)).map((t) => t.id);
    expect(listIds.length).toBe(towns.count - towns.same);
    expect(new Set(district.towns.map((t) => `${t.lat.toFixed(3)},${t.lon.toFixed(3)}`)).size).toBe(district.towns.length);
    expect(regional.towns.length).toBeGreaterThanOrEqual(17);
    // settlements now served by a list town, and a town never its own nearest
    const ids = (model as unknown as { map: { ids: string[] } }).map.ids;
    let served = 0;
    for (let row = 0; row < geo.size; row++) {
      const town = district.towns[district.town[row]];
      if (town && listIds.includes(town.id)) served++;
      expect(town?.id).not.toBe(ids[row]);
    }
    expect(served).toBeGreaterThan(0);
    // the panel names a list town
    const row = Array.from({ length: geo.size }, (_, r) => r).find((r) => listIds.includes(district.towns[district.town[r]]?.id))!;
    expect(model.detail(row).towns.find((t) => t.tier === 'district')?.names.kk).toBeTruthy();
    // the list's own word decides town or rural (engine/settlement-kind.ts): Семей (KATO type 1, on the China
    // border band) is a town, never a strategic border settlement; every type 2 row is rural
    const cols = model.exploreData!.cols;
    const semey = ids.indexOf('101010000');
    expect(model.katoTypes![semey]).toBe('1');
    expect(cols.isTown[semey]).toBe(1);
    expect(CATEGORIES[cols.category[semey]]).toBe('town');
    for (let i = 0; i < cols.size; i++) if (model.katoTypes![i] === '2') expect(cols.isTown[i]).toBe(0);
    await handleImport({ type: 'import-reset', what: 'all' }, () => {});
  }, 60_000);
  itWithShared(['kz-adm2-2024.fgb'], 'the 2024 district layer is boundaries with KATO ids and names in the UI language', async () => {
    const r = await importFile(new Uint8Array(fs.readFileSync(sharedFile('kz-adm2-2024.fgb'))), 'kz-adm2-2024.fgb', preset('2019'), { ...base, lang: 'kk' });
    if (r.kind !== 'boundaries') throw new Error('kind');
    expect(r).toMatchObject({ level: 2, idField: 'KATO', nameField: 'ADM2_KK', count: 224 });
    expect(r.layer.locate(85.6, 49.2)?.id).toBe('635400000'); // Katonkaragay
  });
  itWithShared(['kz-adm1-2024.fgb'], 'the 2024 region layer is level-1 boundaries named in the UI language', async () => {
    const r = await importFile(new Uint8Array(fs.readFileSync(sharedFile('kz-adm1-2024.fgb'))), 'kz-adm1-2024.fgb', preset('2019'), { ...base, lang: 'ru' });
    if (r.kind !== 'boundaries') throw new Error('kind');
    expect(r).toMatchObject({ level: 1, idField: 'KATO', nameField: 'ADM1_RU', count: 20 });
    expect(r.layer.locate(71.45, 51.15)?.id).toBe('710000000'); // Astana
    expect(r.drawn.features.every((f) => f.properties.name_kk && f.properties.name_en)).toBe(true);
  });
});
