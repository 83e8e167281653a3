// The two shipped methodologies. Block maxima and indicator names come from public sources (see
// ../shared/docs/methodology.md, reproduced in the README); per-indicator points, thresholds and potential
// cut-offs are not public: they are our assumptions, marked `assumed`, and every one is editable.
import type { MethodologyInput } from './schema.ts';
import { parseMethodology } from './validate.ts';
import { TOWN_POPULATION } from '../settlement-kind.ts';
import type { Methodology, ValueKind } from './schema.ts';

type L = { kk: string; ru: string; en: string };
type Ind = MethodologyInput['indicators'][number];
type Block = Ind['block'];

const ASSUMED_POINTS = 'Auyl Atlas default: the order annex with points and thresholds is not public';
const ORDER_81 = 'Order No. 81 of 13.09.2019 as summarised in the ministry letter to deputies (2023, ДС-275)';
const ORDER_50 = 'Order No. 50 of 10.06.2025 (27 indicators in four blocks)';

/** The value kind follows from the unit: shares in % are 0–100, changes in % or per 1,000 may be negative. */
function kindOf(unit: string): ValueKind {
  if (unit === '%') return 'percentage';
  if (unit.startsWith('%') || unit.startsWith('per ')) return 'rate';
  if (unit === 'people' || unit === 'count') return 'count';
  if (unit.startsWith('km')) return 'distance';
  if (unit === '0/1') return 'flag';
  return 'amount';
}

function linear(id: string, block: Block, label: L, column: string, zero: number, full: number, points: number, unit: string, source: string): Ind {
  return { id, block, label, column, unit, kind: kindOf(unit), direction: full > zero ? 'higher' : 'lower', rule: { type: 'linear', zero, full }, points, source: `${source}; ${ASSUMED_POINTS}`, status: 'assumed' };
}
/** A yes/no facility (1 = present): all points when present. */
function present(id: string, block: Block, label: L, column: string, points: number, source: string): Ind {
  return { id, block, label, column, unit: '0/1', kind: 'flag', direction: 'higher', rule: { type: 'steps', steps: [{ from: 1, points }] }, points, source: `${source}; ${ASSUMED_POINTS}`, status: 'assumed' };
}
function steps(id: string, block: Block, label: L, column: string, s: { from?: number; to?: number; points: number }[], points: number, unit: string, source: string): Ind {
  return { id, block, label, column, unit, kind: kindOf(unit), direction: 'higher', rule: { type: 'steps', steps: s }, points, source: `${source}; ${ASSUMED_POINTS}`, status: 'assumed' };
}

const LBL = {
  population: { kk: 'Тұрғындар саны', ru: 'Численность населения', en: 'Residents' },
  youth: { kk: 'Жастардың үлесі', ru: 'Доля молодёжи', en: 'Share of young people' },
  migration: { kk: 'Көші-қон сальдосы', ru: 'Сальдо миграции', en: 'Net migration' },
  growth: { kk: 'Халық санының өсуі', ru: 'Динамика численности населения', en: 'Population growth' },
  water: { kk: 'Орталықтандырылған сумен жабдықтау', ru: 'Централизованное водоснабжение', en: 'Centralised water supply' },
  road: { kk: 'Қатты жабынды жол', ru: 'Дорога с твёрдым покрытием', en: 'Paved road access' },
  school: { kk: 'Мектеп', ru: 'Школа', en: 'School' },
  kindergarten: { kk: 'Балабақша', ru: 'Детский сад', en: 'Kindergarten' },
  medical: { kk: 'Медициналық мекеме', ru: 'Медицинский объект', en: 'Medical facility' },
  internet: { kk: 'Интернет', ru: 'Интернет', en: 'Internet access' },
  mobile: { kk: 'Ұялы байланыс', ru: 'Мобильная связь', en: 'Mobile coverage' },
  employment: { kk: 'Жұмыспен қамту деңгейі', ru: 'Уровень занятости', en: 'Employment rate' },
  employmentGrowth: { kk: 'Жұмыспен қамтудың өсуі', ru: 'Рост занятости', en: 'Employment growth' },
  livestock: { kk: 'Мал шаруашылығы', ru: 'Животноводство', en: 'Livestock farming' },
  crops: { kk: 'Өсімдік шаруашылығы', ru: 'Растениеводство', en: 'Crop farming' },
  kmRegional: { kk: 'Облыс орталығына / ірі қалаға дейінгі қашықтық', ru: 'Расстояние до областного центра / крупного города', en: 'Distance to a regional seat or large city' },
  kmDistrict: { kk: 'Аудан орталығына дейінгі қашықтық', ru: 'Расстояние до районного центра', en: 'Distance to a district seat' },
  kmTown: { kk: 'Қалаға дейінгі қашықтық', ru: 'Расстояние до города', en: 'Distance to a town' },
  kmRailway: { kk: 'Темір жолға дейінгі қашықтық', ru: 'Расстояние до железной дороги', en: 'Distance to a railway' },
  kmHighway: { kk: 'Республикалық трассаға дейінгі қашықтық', ru: 'Расстояние до республиканской трассы', en: 'Distance to a national highway' },
  tourism: { kk: 'Туристік немесе экологиялық аймақ', ru: 'Туристская или экологическая зона', en: 'Tourist or ecological zone' },
} satisfies Record<string, L>;

const BLOCK_LABELS: Record<Block, L> = {
  demography: { kk: 'Демография', ru: 'Демография', en: 'Demography' },
  infrastructure: { kk: 'Инфрақұрылым', ru: 'Инфраструктура', en: 'Infrastructure' },
  economy: { kk: 'Экономика', ru: 'Экономика', en: 'Economy' },
  geospatial: { kk: 'Геокеңістіктік', ru: 'Геопространственный', en: 'Geospatial' },
};

const TOWN_TIERS: MethodologyInput['geospatial']['town_tiers'] = [
  { id: 'regional', label: { kk: 'Облыс орталығы немесе 50 мыңнан асатын қала', ru: 'Областной центр или город от 50 тыс.', en: 'Regional seat or city of 50,000+' }, feature_codes: ['PPLC', 'PPLA'], min_population: 50000, register_flag: null, source: 'Proximity to large settlements (2023 letter); tier thresholds are Auyl Atlas defaults', status: 'assumed' },
  { id: 'district', label: { kk: 'Аудан орталығы', ru: 'Районный центр', en: 'District seat' }, feature_codes: ['PPLC', 'PPLA', 'PPLA2'], min_population: null, register_flag: 'is_district_centre', source: 'District centres as service centres (2013 four-tier settlement system)', status: 'confirmed' },
  { id: 'town10k', label: { kk: '10 мыңнан асатын елді мекен', ru: 'Населённый пункт от 10 тыс.', en: 'Town of 10,000+' }, feature_codes: [], min_population: 10000, register_flag: null, source: 'Auyl Atlas default', status: 'assumed' },
];

function common(minPotential: 'medium'): Pick<MethodologyInput, 'potential' | 'geospatial' | 'categories'> {
  return {
    potential: { basis: 'available', min_coverage: 0.6, high: 60, medium: 35, source: 'High/medium/low classes as in the 2013 and 2016 rules; cut-offs and coverage threshold are Auyl Atlas defaults', status: 'assumed' },
    geospatial: {
      town_tiers: TOWN_TIERS,
      district_tolerance_km: { value: 2, source: 'Auyl Atlas default: absorbs the differing resolutions of boundary sources', status: 'assumed' },
    },
    categories: {
      min_population: { value: 50, source: 'Settlements with fewer than 50 permanent residents are not kept as separate settlements (earlier law)', status: 'confirmed' },
      town: { min_population: TOWN_POPULATION.value, source: TOWN_POPULATION.source, status: TOWN_POPULATION.status },
      support: {
        min_potential: minPotential, district_centre: true, rural_district_centre: true,
        population_route: { enabled: false, at_least: 1000, source: 'Auyl Atlas option, off by default: the programme names district and rural-district centres, not a population size', status: 'assumed' },
        source: 'District and rural-district centres are the natural support settlements (2013 four-tier system); the potential threshold is an Auyl Atlas default',
        status: 'assumed',
      },
      satellite: { radius_km: 15, region_overrides: {}, source: 'Satellites within 10–15 km of a support settlement (minister, 2021); Karaganda region uses 15 km', status: 'confirmed' },
      strategic: {
        neighbours: { value: ['CN', 'RU'], source: 'The 2023 letter\'s concern is the China and Russia borders; official counts (65 border districts, ~1,300 villages within 50 km) include every neighbour', status: 'assumed' },
        within_km: { value: 50, source: 'About 1,300 villages lie within 50 km of the state border (2023)', status: 'confirmed' },
        border_districts: true,
        source: 'Strategic border settlements (West Kazakhstan: 35 of 416); China and Russia border programmes (2023 letter)',
        status: 'letter',
      },
    },
  };
}

export const PRESET_2019_INPUT: MethodologyInput = {
  id: 'order81_2019',
  title: { kk: '2019 — №81 бұйрық (2023 хат бойынша)', ru: '2019 — Приказ №81 (по письму 2023 г.)', en: '2019 — Order No. 81, as summarised in the 2023 letter' },
  legal_act: 'Order of the Minister of National Economy No. 81 of 13.09.2019 (repealed by Order No. 72 of 30.07.2025)',
  source: ORDER_81,
  status: 'letter',
  blocks: [
    { id: 'demography', label: BLOCK_LABELS.demography, max_points: 50, source: ORDER_81, status: 'letter' },
    { id: 'infrastructure', label: BLOCK_LABELS.infrastructure, max_points: 30, source: ORDER_81, status: 'letter' },
    { id: 'economy', label: BLOCK_LABELS.economy, max_points: 20, source: ORDER_81, status: 'letter' },
    // A provision, not points: support eligibility, satellites within the radius and strategic border status. Its
    // indicators are still computed and shown; `scored: true` gives them 10 points (an assumption, off by default).
    { id: 'geospatial', label: BLOCK_LABELS.geospatial, max_points: 10, scored: false, source: 'The letter lists a geospatial provision («геокеңістіктік ереже»), a rule without points; the 10 points when scored are an Auyl Atlas option', status: 'letter' },
  ],
  indicators: [
    steps('population', 'demography', LBL.population, 'population', [{ from: 50, to: 200, points: 4 }, { from: 200, to: 500, points: 8 }, { from: 500, to: 1000, points: 12 }, { from: 1000, to: 3000, points: 16 }, { from: 3000, points: 20 }], 20, 'people', 'Number of residents [confirmed]'),
    linear('share_young', 'demography', LBL.youth, 'share_young_pct', 10, 30, 10, '%', 'Share of young people, 30% reference level quoted [confirmed]'),
    linear('net_migration', 'demography', LBL.migration, 'net_migration_per_1000', -20, 5, 10, 'per 1,000 residents a year', 'Migration in and out [confirmed]'),
    linear('population_growth', 'demography', LBL.growth, 'population_growth_pct', -10, 5, 10, '% over 5 years', 'Population growth dynamics [letter]'),
    present('water_supply', 'infrastructure', LBL.water, 'has_central_water', 6, 'Centralised water supply [confirmed]'),
    present('paved_road', 'infrastructure', LBL.road, 'has_paved_road', 6, 'Roads (local, regional, national) [confirmed]'),
    present('school', 'infrastructure', LBL.school, 'has_school', 5, 'Kindergartens and schools [confirmed]'),
    present('kindergarten', 'infrastructure', LBL.kindergarten, 'has_kindergarten', 4, 'Kindergartens and schools [confirmed]'),
    present('medical', 'infrastructure', LBL.medical, 'has_medical_facility', 5, 'Medical facilities [confirmed]'),
    present('internet', 'infrastructure', LBL.internet, 'has_internet', 4, 'Internet and mobile coverage [confirmed]'),
    linear('employment_rate', 'economy', LBL.employment, 'employment_rate_pct', 50, 90, 8, '%', 'Employment level [confirmed]'),
    linear('employment_growth', 'economy', LBL.employmentGrowth, 'employment_growth_pct', -5, 5, 4, '% a year', 'Employment growth [letter]'),
    linear('livestock', 'economy', LBL.livestock, 'livestock_units_per_household', 0, 10, 4, 'livestock units per household', 'Livestock farming [letter]'),
    linear('crops', 'economy', LBL.crops, 'arable_ha_per_capita', 0, 5, 4, 'ha per resident', 'Crop farming [letter]'),
    linear('km_to_regional', 'geospatial', LBL.kmRegional, 'km_to_regional', 300, 30, 4, 'km (straight line)', 'Proximity to large settlements [letter]'),
    linear('km_to_district', 'geospatial', LBL.kmDistrict, 'km_to_district', 100, 5, 4, 'km (straight line)', 'Proximity to large settlements [letter]'),
    linear('km_to_railway', 'geospatial', LBL.kmRailway, 'km_to_railway', 100, 5, 2, 'km', 'Distance to railways (2021 government report) [confirmed]'),
  ],
  ...common('medium'),
};

export const PRESET_2025_INPUT: MethodologyInput = {
  id: 'order50_2025',
  title: { kk: '2025 — №50 бұйрық', ru: '2025 — Приказ №50', en: '2025 — Order No. 50' },
  legal_act: 'Order No. 50 of 10.06.2025 "criteria for determining the potential of rural settlements", in force from 23.06.2025',
  source: ORDER_50,
  status: 'confirmed',
  blocks: [
    { id: 'economy', label: BLOCK_LABELS.economy, max_points: 30, source: `${ORDER_50}; block points are an Auyl Atlas default`, status: 'assumed' },
    { id: 'infrastructure', label: BLOCK_LABELS.infrastructure, max_points: 30, source: `${ORDER_50}; block points are an Auyl Atlas default`, status: 'assumed' },
    { id: 'demography', label: BLOCK_LABELS.demography, max_points: 25, source: `${ORDER_50}; block points are an Auyl Atlas default`, status: 'assumed' },
    { id: 'geospatial', label: BLOCK_LABELS.geospatial, max_points: 15, source: `${ORDER_50}; block points are an Auyl Atlas default`, status: 'assumed' },
  ],
  indicators: [
    linear('arable_land', 'economy', { kk: 'Егістік жер', ru: 'Пашня', en: 'Arable land' }, 'arable_land_ha', 0, 5000, 3, 'ha', 'Arable land [confirmed, 2025]'),
    linear('pasture', 'economy', { kk: 'Жайылым', ru: 'Пастбища', en: 'Pasture' }, 'pasture_ha', 0, 20000, 3, 'ha', 'Pasture [confirmed, 2025]'),
    linear('hayfields', 'economy', { kk: 'Шабындық', ru: 'Сенокосы', en: 'Hayfields' }, 'hayfield_ha', 0, 2000, 3, 'ha', 'Hayfields [confirmed, 2025]'),
    linear('agri_sme', 'economy', { kk: 'Белсенді ауыл шаруашылығы ШОБ', ru: 'Действующие сельхоз МСБ', en: 'Active agricultural SMEs' }, 'agri_sme_active', 0, 30, 3, 'count', 'Active agricultural SMEs [confirmed, 2025]'),
    linear('non_agri_business', 'economy', { kk: 'Ауыл шаруашылығынан тыс бизнес', ru: 'Несельскохозяйственный бизнес', en: 'Non-agricultural businesses' }, 'non_agri_business', 0, 20, 3, 'count', 'Non-agricultural businesses [confirmed, 2025]'),
    present('anchor_enterprise', 'economy', { kk: 'Өнеркәсіп немесе ірі кәсіпорын', ru: 'Промышленность или крупное предприятие', en: 'Industry or a large anchor enterprise' }, 'has_anchor_enterprise', 3, 'Industrial production or a large anchor enterprise [confirmed, 2025]'),
    linear('hired_workers', 'economy', { kk: 'Жалдамалы қызметкерлер', ru: 'Наёмные работники', en: 'Hired workers' }, 'hired_workers', 0, 300, 3, 'people', 'Hired workers [confirmed, 2025]'),
    linear('km_to_market', 'economy', { kk: 'Өткізу нарығына дейінгі қашықтық', ru: 'Расстояние до рынков сбыта', en: 'Distance to sales markets' }, 'km_to_market', 150, 10, 3, 'km', 'Distance to sales markets [confirmed, 2025]'),
    present('farm_processing', 'economy', { kk: 'Ауыл шаруашылығы өнімін қайта өңдеу', ru: 'Переработка сельхозпродукции', en: 'Processing of farm produce' }, 'has_farm_processing', 3, 'Processing of farm produce [confirmed, 2025]'),
    linear('household_output_sold', 'economy', { kk: 'Сатылатын ЖҚШ өнімі', ru: 'Продукция ЛПХ на продажу', en: 'Household farm output offered for sale' }, 'household_output_sold_pct', 0, 50, 3, '%', 'Household farm output offered for sale [confirmed, 2025]'),
    present('water_supply', 'infrastructure', LBL.water, 'has_central_water', 5, 'Centralised water supply'),
    present('paved_road', 'infrastructure', LBL.road, 'has_paved_road', 5, 'Roads'),
    present('school', 'infrastructure', LBL.school, 'has_school', 4, 'Schools'),
    present('kindergarten', 'infrastructure', LBL.kindergarten, 'has_kindergarten', 4, 'Kindergartens'),
    present('medical', 'infrastructure', LBL.medical, 'has_medical_facility', 4, 'Medical facilities'),
    present('internet', 'infrastructure', LBL.internet, 'has_internet', 4, 'Internet coverage'),
    present('mobile', 'infrastructure', LBL.mobile, 'has_mobile', 4, 'Mobile coverage'),
    steps('population', 'demography', LBL.population, 'population', [{ from: 50, to: 200, points: 2 }, { from: 200, to: 500, points: 4 }, { from: 500, to: 1000, points: 6 }, { from: 1000, to: 3000, points: 8 }, { from: 3000, points: 10 }], 10, 'people', 'Number of residents'),
    linear('share_young', 'demography', LBL.youth, 'share_young_pct', 10, 30, 5, '%', 'Share of young people'),
    linear('net_migration', 'demography', LBL.migration, 'net_migration_per_1000', -20, 5, 5, 'per 1,000 residents a year', 'Migration'),
    linear('population_growth', 'demography', LBL.growth, 'population_growth_pct', -10, 5, 5, '% over 5 years', 'Population dynamics'),
    linear('km_to_regional', 'geospatial', LBL.kmRegional, 'km_to_regional', 300, 30, 3, 'km (straight line)', 'Distance to large cities (2021 government report)'),
    linear('km_to_district', 'geospatial', LBL.kmDistrict, 'km_to_district', 100, 5, 3, 'km (straight line)', 'Proximity to large settlements'),
    linear('km_to_town', 'geospatial', LBL.kmTown, 'km_to_town', 150, 10, 2, 'km (straight line)', 'Proximity to large settlements'),
    linear('km_to_railway', 'geospatial', LBL.kmRailway, 'km_to_railway', 100, 5, 3, 'km', 'Distance to railways'),
    linear('km_to_highway', 'geospatial', LBL.kmHighway, 'km_to_highway', 50, 2, 2, 'km', 'Distance to highways'),
    present('tourist_zone', 'geospatial', LBL.tourism, 'in_tourist_zone', 2, 'Tourist and ecological zones'),
  ],
  ...common('medium'),
};

export const PRESETS = {
  '2019': PRESET_2019_INPUT,
  '2025': PRESET_2025_INPUT,
} as const;
export type PresetId = keyof typeof PRESETS;

/** A validated deep copy of a preset, safe to edit. */
export function preset(id: PresetId): Methodology {
  return parseMethodology(structuredClone(PRESETS[id]));
}
