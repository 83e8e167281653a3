// The embedded dataset: generated (byte-identical on a rerun), plausible, current oblasts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { itWithShared, sharedFile } from '../support/shared-data.ts';
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon } from 'geojson';
import { readFgb } from '../../src/lib/io/fgb.ts';
import { REGIONS } from '../../src/lib/engine/regions.ts';

const read = async (name: string) => readFgb(new Uint8Array(fs.readFileSync(path.join('public/data', name))));

describe('embedded dataset', () => {
  it('is up to date: regenerating gives byte-identical files', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'auyl-data-'));
    execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'data/build-data.ts', '--out', out], { stdio: 'pipe' });
    const committed = fs.readdirSync('public/data').sort();
    expect(fs.readdirSync(out).sort()).toEqual(committed);
    for (const name of committed) expect(fs.readFileSync(path.join(out, name)).equals(fs.readFileSync(path.join('public/data', name))), name).toBe(true);
    fs.rmSync(out, { recursive: true });
  }, 120_000);

  it('has the China and Russia borders within 2% of the surveyed Natural Earth lengths', async () => {
    const borders = (await read('borders.fgb')).features;
    const km = (code: string) => turf.length(borders.find((f) => f.properties.neighbour === code)! as never, { units: 'kilometers' });
    expect(Math.abs(km('CN') - 1502) / 1502).toBeLessThan(0.02);
    expect(Math.abs(km('RU') - 6648) / 6648).toBeLessThan(0.02);
    expect(borders.map((f) => f.properties.neighbour).sort()).toEqual(['CN', 'KG', 'RU', 'TM', 'UZ']);
  });

  it('has every place inside Kazakhstan (shore points within 5 km of the simplified coast), with unique ids', async () => {
    const kz = (await read('kazakhstan.fgb')).features[0] as Feature<MultiPolygon>;
    const outline = turf.polygonToLine(kz as never) as never;
    const places = (await read('settlements.fgb')).features;
    expect(places.length).toBeGreaterThan(300);
    for (const p of places) {
      const pt = p.geometry as unknown as { coordinates: [number, number] };
      if (turf.booleanPointInPolygon(pt.coordinates, kz)) continue;
      const lines = 'features' in (outline as object) ? (outline as { features: never[] }).features : [outline];
      const off = Math.min(...lines.map((l) => turf.pointToLineDistance(pt.coordinates, l, { units: 'kilometers' })));
      expect(off, String(p.properties.name)).toBeLessThanOrEqual(5);
    }
    const ids = places.map((p) => p.properties.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses the 20 current first-level units (Abai, Zhetisu, Ulytau included)', async () => {
    const places = (await read('settlements.fgb')).features;
    const used = new Set(places.map((p) => p.properties.oblast));
    expect([...used].sort()).toEqual(REGIONS.map((r) => r.iso).sort());
  });

  itWithShared(['kz-adm1-2024.fgb'], 'puts places in the oblast the 2024 reference boundaries give (≥ 97% agree)', async () => {
    const adm1 = (await readFgb(new Uint8Array(fs.readFileSync(sharedFile('kz-adm1-2024.fgb'))))).features;
    const places = (await read('settlements.fgb')).features;
    let agree = 0;
    for (const p of places) {
      const region = adm1.find((r) => turf.booleanPointInPolygon((p.geometry as { coordinates: number[] }).coordinates, r as never));
      if (region?.properties.ISO_3166_2 === p.properties.oblast) agree++;
    }
    expect(agree / places.length).toBeGreaterThanOrEqual(0.97);
    // The split of 2022: Semey is in Abai, Taldykorgan in Zhetisu, Zhezqazghan in Ulytau.
    const oblastOf = (name: string) => places.find((p) => p.properties.name === name)?.properties.oblast;
    expect(oblastOf('Semey')).toBe('KZ-ABY');
    expect(oblastOf('Taldykorgan')).toBe('KZ-ZHT');
    expect(oblastOf('Zhezqazghan')).toBe('KZ-ULT');
  });
});
