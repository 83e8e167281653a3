// The embedded dataset (public/data/*.fgb, built by `npm run data`) turned into engine inputs.
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { Town } from '../engine/types.ts';
import { buildBorderSet, type BorderSet } from '../engine/geo/borders.ts';
import { DistrictLayer, districtsFromFeatures } from '../engine/geo/districts.ts';
import { readFgb } from './fgb.ts';

export const EMBEDDED_FILES = ['settlements.fgb', 'borders.fgb', 'kazakhstan.fgb', 'neighbours.fgb', 'lakes.fgb', 'rivers.fgb', 'water-labels.fgb'] as const;

export async function placesFromFgb(bytes: Uint8Array): Promise<(Town & { names: string[] })[]> {
  const fc = await readFgb(bytes);
  return fc.features.map((f) => {
    const p = f.properties;
    const [lon, lat] = (f.geometry as { coordinates: number[] }).coordinates;
    return {
      id: String(p.id),
      name: String(p.name),
      names: [p.name, p.name_en, p.name_kk, p.name_ru].filter((n): n is string => typeof n === 'string' && n.length > 0),
      lat,
      lon,
      population: typeof p.population === 'number' ? p.population : null,
      feature_code: typeof p.feature_code === 'string' ? p.feature_code : null,
    };
  });
}

export async function bordersFromFgb(bytes: Uint8Array): Promise<BorderSet> {
  const fc = await readFgb(bytes);
  return buildBorderSet(fc.features as Feature<LineString | MultiLineString>[]);
}

export async function districtLayerFromFeatures(features: Feature[], idField?: string, nameField?: string): Promise<DistrictLayer> {
  const polys = features.filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')) as Feature<Polygon | MultiPolygon>[];
  if (!polys.length) throw new Error('the district file has no polygons');
  const keys = Object.keys(polys[0].properties ?? {});
  const pick = (wanted: string | undefined, guesses: RegExp[]) => {
    if (wanted) {
      if (!keys.includes(wanted)) throw new Error(`field "${wanted}" not found in the district file (fields: ${keys.join(', ')})`);
      return wanted;
    }
    for (const g of guesses) {
      const k = keys.find((key) => g.test(key));
      if (k) return k;
    }
    return keys[0];
  };
  const id = pick(idField, [/^(kato|district_id|adm2_pcode|id|code)$/i]);
  const name = pick(nameField, [/^(name|adm2_en|name_en|district|name_ru|adm2_ru)$/i]);
  return new DistrictLayer(districtsFromFeatures(polys, id, name));
}
