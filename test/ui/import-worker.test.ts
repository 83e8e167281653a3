import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/ui/worker/import.ts';
import { preset } from '../../src/lib/engine/config/presets.ts';
import { encodeSingleByte } from '../../src/lib/io/text.ts';
import { itWithShared, sharedFile } from '../support/shared-data.ts';

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
