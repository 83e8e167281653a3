// Distances: sphere vs geodesic, the nearest-feature index vs Turf, known offsets, district border checks.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { itWithShared, sharedFile } from '../support/shared-data.ts';
import * as turf from '@turf/turf';
import geographiclib from 'geographiclib-geodesic';
import { haversineKm, EARTH_RADIUS_KM } from '../../src/lib/engine/geo/sphere.ts';
import { NearestIndex } from '../../src/lib/engine/geo/nearest.ts';
import { bordersFromFgb, districtLayerFromFeatures } from '../../src/lib/io/embedded.ts';
import { readFgb } from '../../src/lib/io/fgb.ts';

const WGS84 = geographiclib.Geodesic.WGS84;
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('sphere', () => {
  it('stays within 0.5% of the WGS 84 geodesic across Kazakhstan (GeographicLib reference)', () => {
    const r = rng(7);
    let worst = 0;
    for (let i = 0; i < 2000; i++) {
      const [lon1, lat1, lon2, lat2] = [46 + r() * 42, 40 + r() * 16, 46 + r() * 42, 40 + r() * 16];
      const ref = WGS84.Inverse(lat1, lon1, lat2, lon2).s12! / 1000;
      if (ref < 1) continue;
      worst = Math.max(worst, Math.abs(haversineKm(lon1, lat1, lon2, lat2) - ref) / ref);
    }
    expect(worst).toBeLessThan(0.005);
  });

  it('equals Turf distance', () => {
    expect(haversineKm(71.43, 51.13, 76.95, 43.24)).toBeCloseTo(turf.distance([71.43, 51.13], [76.95, 43.24]), 9);
  });
});

describe('NearestIndex', () => {
  it('gives 0 km for a point on the line and the hand-computed cross-track distance off a meridian', () => {
    const idx = new NearestIndex([[[[70, 40], [70, 50]]]]);
    expect(idx.nearest(70, 45).km).toBeLessThan(1e-6);
    // Off the meridian 70°E by 0.5° of longitude at 45°N: sin(d/R) = cos 45° · sin 0.5°.
    const expected = EARTH_RADIUS_KM * Math.asin(Math.cos((45 * Math.PI) / 180) * Math.sin((0.5 * Math.PI) / 180));
    expect(idx.nearest(70.5, 45).km).toBeCloseTo(expected, 6);
    // Beyond the segment's end the nearest point is the end vertex.
    expect(idx.nearest(70, 51).km).toBeCloseTo(haversineKm(70, 51, 70, 50), 6);
  });

  it('equals the naive Turf loop within 1 m on the real borders, random points', async () => {
    const borders = await bordersFromFgb(new Uint8Array(fs.readFileSync('public/data/borders.fgb')));
    const fc = await readFgb(new Uint8Array(fs.readFileSync('public/data/borders.fgb')));
    const r = rng(11);
    for (const code of ['CN', 'RU'] as const) {
      const f = fc.features.find((x) => x.properties.neighbour === code)!;
      const lines = (f.geometry as { coordinates: number[][][] }).coordinates.map((c) => turf.lineString(c));
      for (let i = 0; i < 150; i++) {
        const [lon, lat] = [46 + r() * 42, 40 + r() * 16];
        const naive = Math.min(...lines.map((l) => turf.pointToLineDistance([lon, lat], l, { units: 'kilometers' })));
        const line = borders.lines.get(code)!;
        expect(Math.abs(line.index.nearest(lon, lat).km - naive) * 1000).toBeLessThan(1);
        expect(Math.abs(line.index.nearestExact(lon, lat).km - naive) * 1000).toBeLessThan(1);
      }
    }
  });

  it('finds the nearest town like Turf nearestPoint, and never the settlement itself', () => {
    const r = rng(3);
    const towns = Array.from({ length: 300 }, () => [46 + r() * 42, 40 + r() * 16]);
    const idx = new NearestIndex(towns.map((t) => [[t]]));
    const fc = turf.featureCollection(towns.map((t, i) => turf.point(t, { i })));
    for (let k = 0; k < 200; k++) {
      const p = [46 + r() * 42, 40 + r() * 16];
      const ref = turf.nearestPoint(p, fc);
      const got = idx.nearest(p[0], p[1]);
      expect(Math.abs(got.km - ref.properties.distanceToPoint) * 1000).toBeLessThan(1);
    }
    for (let k = 0; k < 300; k++) {
      const self = idx.nearest(towns[k][0], towns[k][1], k);
      expect(self.item).not.toBe(k);
      const others = turf.featureCollection(towns.filter((_, i) => i !== k).map((t) => turf.point(t)));
      expect(Math.abs(self.km - turf.nearestPoint(towns[k], others).properties.distanceToPoint) * 1000).toBeLessThan(1);
    }
  });
});

describe('border districts (reference ADM2 2024 boundaries, ../shared/data)', () => {
  itWithShared(['kz-adm2-2024.fgb'], 'finds the China-border districts and none among the urban districts of Astana and Almaty', async () => {
    const adm2 = await readFgb(new Uint8Array(fs.readFileSync(sharedFile('kz-adm2-2024.fgb'))));
    const layer = await districtLayerFromFeatures(adm2.features, 'KATO', 'ADM2_EN');
    const borders = await bordersFromFgb(new Uint8Array(fs.readFileSync('public/data/borders.fgb')));
    const info = layer.borderDistances(borders, ['CN', 'RU']);
    const china = info.filter((d) => d.km.CN! <= 2).map((d) => d.district.name);
    for (const name of ['Katonkaragay', 'Kurshum', 'Zaysan', 'Tarbagatay', 'Maqanshy', 'Alakol', 'Panfilov']) expect(china).toContain(name);
    const russia = info.filter((d) => d.km.RU! <= 2).map((d) => d.district.name);
    expect(russia).toContain('Katonkaragay');
    expect(russia.length).toBeGreaterThan(30);
    const urban = adm2.features.filter((f) => ['KZ-AST', 'KZ-ALA'].includes(String(f.properties.ISO_3166_2))).map((f) => String(f.properties.KATO));
    expect(urban.length).toBeGreaterThan(5);
    for (const d of info.filter((x) => urban.includes(x.district.id))) {
      expect(d.km.CN!).toBeGreaterThan(2);
      expect(d.km.RU!).toBeGreaterThan(2);
    }
    expect(layer.locate(85.6, 49.2)?.name).toBe('Katonkaragay');
  });
});

describe('town tiers', () => {
  it('never gives a settlement itself as its nearest town, even when only the embedded copy qualifies', async () => {
    const { buildTierIndex, matchRegisterToPlaces } = await import('../../src/lib/engine/geo/towns.ts');
    const { RegisterColumns } = await import('../../src/lib/engine/columns.ts');
    const { preset } = await import('../../src/lib/engine/config/presets.ts');
    const tier = preset('2019').geospatial.town_tiers.find((t) => t.id === 'regional')!;
    const places = [
      { id: 'p1', name: 'Aqtobe', names: ['Aqtobe', 'Актобе'], lat: 50.28, lon: 57.21, population: 500000, feature_code: 'PPLA' },
      { id: 'p2', name: 'Oral', names: ['Oral'], lat: 51.23, lon: 51.37, population: 300000, feature_code: 'PPLA' },
    ];
    const row = { id: 'r1', name_kk: null, name_ru: 'Актобе', name_en: null, lat: 50.29, lon: 57.2, oblast: null, district: null, rural_district: null, is_district_centre: false, is_rural_district_centre: false, population: 40000, indicators: {} };
    const register = new RegisterColumns([row]);
    const t = buildTierIndex(tier, places, register, matchRegisterToPlaces(places, register));
    const r = t.index.nearest(row.lon, row.lat, t.selfItem![0]);
    expect(t.towns[r.item].id).toBe('p2'); // Oral, ~420 km, not Aktobe itself at ~1 km
    expect(r.km).toBeGreaterThan(400);
  });
});
