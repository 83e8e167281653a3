// The network suggestion as GeoJSON: one point per rural settlement of the solve (towns are never in the network)
// with its role, its support and the km to it; a support also carries the people it serves (itself and its
// satellites). The solve's parameters sit in a top-level `parameters` member (a foreign member, RFC 7946 §6.1),
// so the file read alone still says how it was made.
import type { Lang } from '../engine/types.ts';
import { ROLES } from '../engine/network/index.ts';
import { NOT_IN_NETWORK, type NetworkResult } from './network-protocol.ts';

export interface NetworkGeoJsonRegister {
  size: number;
  ids: readonly string[];
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
  population: ArrayLike<number>;
  texts: { name_kk: readonly (string | null)[]; name_ru: readonly (string | null)[]; name_en: readonly (string | null)[] };
}

/** How the suggestion was made, as the CSV states it (written as given). */
export type NetworkParameters = Record<string, string | number | boolean | null>;

const NAME_ORDER: Record<Lang, ('name_kk' | 'name_ru' | 'name_en')[]> = {
  kk: ['name_kk', 'name_ru', 'name_en'], ru: ['name_ru', 'name_kk', 'name_en'], en: ['name_en', 'name_ru', 'name_kk'],
};

const round = (x: number, digits: number) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null);

export function networkGeoJson(result: Pick<NetworkResult, 'role' | 'supportRow' | 'km'>, register: NetworkGeoJsonRegister, parameters: NetworkParameters, lang: Lang): string {
  if (result.role.length !== register.size) throw new Error(`the suggestion has ${result.role.length} rows, the register ${register.size}: solve again`);
  const served = new Float64Array(register.size);
  for (let r = 0; r < register.size; r++) {
    const role = result.role[r];
    if ((role === 0 || role === 1) && result.supportRow[r] >= 0) served[result.supportRow[r]] += register.population[r] > 0 ? register.population[r] : 0;
  }
  const nameOf = (r: number) => {
    for (const f of NAME_ORDER[lang]) if (register.texts[f][r]) return register.texts[f][r];
    return null;
  };
  const features: string[] = [];
  for (let r = 0; r < register.size; r++) {
    const role = result.role[r];
    if (role === NOT_IN_NETWORK) continue;
    const s = result.supportRow[r];
    const population = register.population[r];
    features.push(JSON.stringify({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [round(register.lon[r], 6), round(register.lat[r], 6)] },
      properties: {
        id: register.ids[r], name: nameOf(r), role: ROLES[role], support_id: s >= 0 ? register.ids[s] : null, km: round(result.km[r], 2),
        population: Number.isFinite(population) ? population : null, people_served: role === 0 ? served[r] : null,
      },
    }));
  }
  return `{"type":"FeatureCollection","parameters":${JSON.stringify(parameters)},"features":[\n${features.join(',\n')}\n]}\n`;
}
