// Builds the ILLUSTRATIVE example register (data/example-register-illustrative.csv) and the empty template
// (data/register-template.csv): `npm run data:example`. Places, coordinates, populations and oblasts are real
// (embedded GeoNames data); every indicator value is SYNTHETIC, drawn from a seeded generator, with some cells
// left empty to show "no data". Never use it as evidence about a real settlement.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFgb } from '../src/lib/io/fgb.ts';
import { writeCsv } from '../src/lib/io/csv.ts';
import { REGISTER_COLUMNS } from '../src/lib/io/register.ts';
import { PRESETS } from '../src/lib/engine/config/presets.ts';
import { mulberry32 } from './seeded-random.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rnd = mulberry32(20251124);
const maybe = <T>(v: T, missing = 0.08): T | null => (rnd() < missing ? null : v);
const yesNo = (p: number) => maybe(rnd() < p ? 1 : 0);

// Each place gets a latent "condition" (0 poor … 1 good) that pulls all its indicators the same way, so that the
// example spreads over high, medium and low potential as real registers do, instead of averaging out.
const direction = new Map(Object.values(PRESETS).flatMap((p) => p.indicators.map((i) => [i.column, i.direction] as const)));
let condition = 0.5;
const clamp01 = (x: number) => Math.max(0, Math.min(1, x));
/** A value in [lo, hi] that follows the place's condition in the indicator's better direction. */
function graded(column: string, lo: number, hi: number, digits = 1): number | null {
  const good = direction.get(column) === 'lower' ? 1 - condition : condition;
  const t = clamp01(0.9 * good + 0.1 * rnd());
  return maybe(Math.round((lo + t * (hi - lo)) * 10 ** digits) / 10 ** digits);
}
const present = (p: number) => yesNo(clamp01(p * 1.6 * condition));

const indicatorColumns = [...new Set(Object.values(PRESETS).flatMap((p) => p.indicators.map((i) => i.column)))].filter(
  (c) => !(REGISTER_COLUMNS as readonly string[]).includes(c) && !['km_to_regional', 'km_to_district', 'km_to_town'].includes(c),
);
const columns = [...REGISTER_COLUMNS, ...indicatorColumns];

// The example keeps its rows: a rebuild after the embedded data changed (names, regions, seats) updates those columns
// but draws the same synthetic values for the same places, instead of reshuffling every value by adding places.
const examplePath = path.join(root, 'data', 'example-register-illustrative.csv');
const pinnedIds = fs.existsSync(examplePath)
  ? new Set(fs.readFileSync(examplePath, 'utf8').split('\n').slice(1).map((l) => l.split(',')[0]).filter(Boolean))
  : null;
const places = (await readFgb(new Uint8Array(fs.readFileSync(path.join(root, 'public', 'data', 'settlements.fgb'))))).features
  .map((f) => f.properties as Record<string, string | number | null>)
  .filter((p) => typeof p.population === 'number' && (p.population as number) < 30000 && p.name_ru)
  .filter((p) => !pinnedIds || pinnedIds.has(String(p.id)))
  .sort((a, b) => String(a.id).localeCompare(String(b.id)));

const rows = places.map((p) => {
  const pop = p.population as number;
  const size = Math.min(1, Math.log10(pop) / 4.3);
  condition = rnd();
  const values: Record<string, number | null> = {
    share_young_pct: graded('share_young_pct', 12, 38),
    net_migration_per_1000: graded('net_migration_per_1000', -25, 8),
    population_growth_pct: graded('population_growth_pct', -12, 7),
    has_central_water: present(0.35 + 0.5 * size),
    has_paved_road: present(0.4 + 0.5 * size),
    has_school: present(0.5 + 0.5 * size),
    has_kindergarten: present(0.3 + 0.6 * size),
    has_medical_facility: present(0.5 + 0.5 * size),
    has_internet: present(0.5 + 0.45 * size),
    has_mobile: present(0.7 + 0.3 * size),
    employment_rate_pct: graded('employment_rate_pct', 45, 92),
    employment_growth_pct: graded('employment_growth_pct', -6, 6),
    livestock_units_per_household: graded('livestock_units_per_household', 0, 12),
    arable_ha_per_capita: graded('arable_ha_per_capita', 0, 6),
    km_to_railway: graded('km_to_railway', 0, 150),
    arable_land_ha: graded('arable_land_ha', 0, 8000, 0),
    pasture_ha: graded('pasture_ha', 0, 30000, 0),
    hayfield_ha: graded('hayfield_ha', 0, 3000, 0),
    agri_sme_active: graded('agri_sme_active', 0, 40, 0),
    non_agri_business: graded('non_agri_business', 0, 25, 0),
    has_anchor_enterprise: present(0.15 + 0.3 * size),
    hired_workers: graded('hired_workers', 0, 400, 0),
    km_to_market: graded('km_to_market', 2, 200),
    has_farm_processing: present(0.2 + 0.3 * size),
    household_output_sold_pct: graded('household_output_sold_pct', 0, 60),
    km_to_highway: graded('km_to_highway', 0, 80),
    in_tourist_zone: yesNo(0.15),
  };
  return {
    id: String(p.id),
    name_kk: p.name_kk,
    name_ru: p.name_ru,
    name_en: p.name_en,
    lat: p.lat,
    lon: p.lon,
    oblast: p.oblast,
    district: null,
    rural_district: null,
    is_district_centre: p.feature_code === 'PPLA2' ? 'yes' : 'no',
    is_rural_district_centre: p.feature_code === 'PPLA3' ? 'yes' : 'no',
    population: pop,
    ...values,
  };
});

fs.writeFileSync(path.join(root, 'data', 'example-register-illustrative.csv'), writeCsv(columns, rows));
fs.writeFileSync(path.join(root, 'data', 'register-template.csv'), writeCsv(columns, []));
console.log(`example register: ${rows.length} rows, ${columns.length} columns (indicator values are synthetic)`);
