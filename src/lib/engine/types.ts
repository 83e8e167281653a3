// Records that flow through the engine. Missing values are null ("no data"), never 0.

export type Lang = 'kk' | 'ru' | 'en';
export type Labels = Record<Lang, string>;

/** One row of a register: a rural settlement with its indicator values. */
export interface Settlement {
  id: string;
  name_kk: string | null;
  name_ru: string | null;
  name_en: string | null;
  lat: number;
  lon: number;
  oblast: string | null;
  district: string | null;
  rural_district: string | null;
  is_district_centre: boolean | null;
  is_rural_district_centre: boolean | null;
  population: number | null;
  /** Indicator columns as named by the methodology config; null = no data. */
  indicators: Record<string, number | null>;
  /** The status a local executive body approved, where the register carries it (the audit compares it). */
  official?: { category: Category | null; support_id: string | null; year: number | null };
}

/** A town used as a destination for distance-to-town tiers (embedded GeoNames places or register rows). */
export interface Town {
  id: string;
  name: string;
  lat: number;
  lon: number;
  population: number | null;
  feature_code: string | null;
  is_district_centre?: boolean | null;
}

export type Potential = 'high' | 'medium' | 'low' | 'insufficient_data';
/** 'town': outside the rural programme (engine/settlement-kind.ts); never a rural category. */
export type Category = 'support' | 'satellite' | 'strategic' | 'other' | 'town';
export type BorderStatus = 'china_district' | 'russia_district' | 'china_and_russia_district' | 'border_zone' | 'interior';

export interface IndicatorResult {
  id: string;
  block: string;
  value: number | null;
  points: number | null; // null when there was no data
  max: number;
}

export interface Geospatial {
  /** Per tier: distance to the nearest town of that tier (km), its name and id; null where the tier has no town. */
  towns: Record<string, { km: number; name: string; id: string } | null>;
  km_to_town: number | null;
  nearest_town: string | null;
  nearest_town_tier: string | null;
  km_to_border: number | null;
  nearest_border: string | null;
  km_to_china: number | null;
  km_to_russia: number | null;
  district_id: string | null;
  district_name: string | null;
  border_status: BorderStatus;
}

/** A settlement's points: per indicator, per block, in total, and its potential class. */
export interface Score {
  indicators: IndicatorResult[];
  blocks: Record<string, number>;
  score_total: number;
  /** Score as a percentage of the points that could be earned (see potential.basis in the config). */
  score_percent: number | null;
  coverage: number;
  potential: Potential;
}

export interface Assessment extends Score {
  settlement: Settlement;
  geo: Geospatial;
  category: Category;
  support_id: string | null;
  km_to_support: number | null;
  /** Machine-readable code of the rule that gave the category, and an English explanation. */
  category_rule: string;
  category_reason: string;
}
