// The methodology as data: a runtime-validated schema. Every number a planner may want to change lives here,
// each with its source and status (confirmed by a public source / stated only in the ministry's 2023 letter /
// assumed by us), so the UI and exports can show how solid it is.
import * as v from 'valibot';
import { TOWN_POPULATION } from '../settlement-kind.ts';

const Status = v.picklist(['confirmed', 'letter', 'assumed']);
const Provenance = { source: v.pipe(v.string(), v.minLength(1)), status: Status };
const Labels = v.object({ kk: v.string(), ru: v.string(), en: v.string() });
const Id = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]*$/, 'must be lower-case letters, digits and _ (starting with a letter)'));
const NonNegative = v.pipe(v.number(), v.finite(), v.minValue(0));
const Finite = v.pipe(v.number(), v.finite());

export const BLOCK_IDS = ['demography', 'infrastructure', 'economy', 'geospatial'] as const;

/** A block earns points (`scored`), or is a provision applied as rules only: its indicators are still computed
 *  and shown, but add nothing to the total (the 2019 geospatial provision, «геокеңістіктік ереже»). */
const Block = v.object({
  id: v.picklist(BLOCK_IDS),
  label: Labels,
  max_points: NonNegative,
  scored: v.optional(v.boolean(), true),
  ...Provenance,
});

/** Linear between two values: `zero` earns 0 points, `full` earns all (either may be the larger: lower-is-better). */
const LinearRule = v.object({ type: v.literal('linear'), zero: Finite, full: Finite });
/** Steps: the first interval [from, to) that holds the value gives its points; no interval = 0 points. */
const StepsRule = v.object({
  type: v.literal('steps'),
  steps: v.pipe(
    v.array(v.object({ from: v.optional(Finite), to: v.optional(Finite), points: NonNegative })),
    v.minLength(1),
  ),
});
/** Ideal value: all points at `ideal`, falling linearly to 0 at `ideal ± tolerance`. */
const IdealRule = v.object({ type: v.literal('ideal'), ideal: Finite, tolerance: v.pipe(v.number(), v.finite(), v.gtValue(0)) });

/** What an indicator's register value is, for plausibility checks on import: count (integer ≥ 0), percentage
 *  (0–100), flag (0/1), distance (km ≥ 0), amount (≥ 0: hectares, head of livestock…), ratio (≥ 0), rate (any sign:
 *  growth, net migration), number (any finite value: the default, no check). */
export const VALUE_KINDS = ['count', 'percentage', 'flag', 'distance', 'amount', 'ratio', 'rate', 'number'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

const Indicator = v.object({
  id: Id,
  block: v.picklist(BLOCK_IDS),
  label: Labels,
  /** Register column (or computed geospatial field, e.g. km_to_town_regional) holding the value. */
  column: v.pipe(v.string(), v.minLength(1)),
  unit: v.optional(v.string()),
  kind: v.optional(v.picklist(VALUE_KINDS), 'number'),
  direction: v.picklist(['higher', 'lower', 'ideal']),
  rule: v.variant('type', [LinearRule, StepsRule, IdealRule]),
  points: NonNegative,
  enabled: v.optional(v.boolean(), true),
  ...Provenance,
});

const TownTier = v.object({
  id: Id,
  label: Labels,
  /** A town qualifies if its GeoNames feature code is listed, or its population is at least min_population,
   *  or (for register rows) the named boolean flag is true. */
  feature_codes: v.array(v.string()),
  min_population: v.nullable(NonNegative),
  register_flag: v.nullable(v.picklist(['is_district_centre', 'is_rural_district_centre'])),
  ...Provenance,
});

const Potential = v.object({
  /** 'available': percent of the points of indicators that had data; 'all': percent of all points. */
  basis: v.picklist(['available', 'all']),
  min_coverage: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  high: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
  medium: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
  ...Provenance,
});

const Categories = v.object({
  min_population: v.object({ value: NonNegative, ...Provenance }),
  /** The town rule's threshold for places without a KATO type (engine/settlement-kind.ts): from this many people a
   *  place is a town, outside the rural programme. Optional so that scenarios saved before it read back. */
  town: v.optional(
    v.object({ min_population: NonNegative, ...Provenance }),
    () => ({ min_population: TOWN_POPULATION.value, status: TOWN_POPULATION.status, source: TOWN_POPULATION.source }),
  ),
  support: v.object({
    min_potential: v.picklist(['high', 'medium', 'low']),
    /** Also needs one of: district centre, rural-district centre, or (when its route is enabled) a population of
     *  at least `population_route.at_least`. */
    district_centre: v.boolean(),
    rural_district_centre: v.boolean(),
    population_route: v.object({ enabled: v.boolean(), at_least: NonNegative, ...Provenance }),
    /** A chosen network (the Network tab's suggestion applied as a scenario): when set, exactly these ids are
     *  support settlements, whatever their eligibility, and no other row is. */
    forced_ids: v.optional(v.pipe(
      v.array(v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'))),
      v.check((ids) => new Set(ids).size === ids.length, 'lists an id twice'),
    )),
    ...Provenance,
  }),
  satellite: v.object({
    radius_km: v.pipe(v.number(), v.gtValue(0), v.maxValue(500)),
    /** Radius by region (ISO 3166-2 code, e.g. KZ-ZHT): denser regions may use a smaller cluster. */
    region_overrides: v.record(v.pipe(v.string(), v.regex(/^KZ-[A-Z]{3}$/, 'must be an ISO 3166-2 code such as KZ-ZHT')), v.pipe(v.number(), v.gtValue(0), v.maxValue(500))),
    ...Provenance,
  }),
  strategic: v.object({
    /** The borders that count: for the strategic rule, the border-zone class and border districts. */
    neighbours: v.object({ value: v.array(v.picklist(['CN', 'RU', 'KG', 'UZ', 'TM'])), ...Provenance }),
    /** The one border distance: the border-zone class and the strategic rule both read it. */
    within_km: v.object({ value: NonNegative, ...Provenance }),
    border_districts: v.boolean(),
    ...Provenance,
  }),
});

const Geospatial = v.object({
  town_tiers: v.pipe(v.array(TownTier), v.minLength(1)),
  district_tolerance_km: v.object({ value: NonNegative, ...Provenance }),
});

export const MethodologySchema = v.object({
  id: Id,
  title: Labels,
  legal_act: v.string(),
  ...Provenance,
  blocks: v.pipe(v.array(Block), v.minLength(1)),
  indicators: v.pipe(v.array(Indicator), v.minLength(1)),
  potential: Potential,
  geospatial: Geospatial,
  categories: Categories,
});

export type Methodology = v.InferOutput<typeof MethodologySchema>;
export type MethodologyInput = v.InferInput<typeof MethodologySchema>;
export type IndicatorConfig = Methodology['indicators'][number];
export type IndicatorRule = IndicatorConfig['rule'];
export type TownTierConfig = Methodology['geospatial']['town_tiers'][number];
export type Status = v.InferOutput<typeof Status>;
