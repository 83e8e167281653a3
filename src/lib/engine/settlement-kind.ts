// Town or rural settlement: one rule for the explorer's columns, the summaries, the coverage and the exports.
// A place is a town when its source says so:
//   - a national settlement list or register with a KATO type column: type 1 is a town, 2 and 3 are rural
//     (the statistics office's own split);
//   - otherwise (the embedded GeoNames places): the capital and the regional seats (PPLC, PPLA) are towns, and so
//     is any place with at least TOWN_POPULATION people. A district seat (PPLA2) that is a village stays rural —
//     it is the rural programme's own support settlement (Астраханка, 7,000 people, is rural).
// The threshold is an Auyl Atlas assumption, shown with its status wherever coverage is shown, and editable: the
// methodology's `categories.town.min_population` (the scenario editor, the map's parameters) overrides this default.

export const TOWN_POPULATION = {
  value: 10_000,
  status: 'assumed' as const,
  source: 'Auyl Atlas rule for places without a KATO type: from this many people a place is a town',
};

/** The threshold a methodology puts in force (its `categories.town`, else the default). */
export function townPopulationOf(config: { categories: { town?: { min_population: number } } }): number {
  return config.categories.town?.min_population ?? TOWN_POPULATION.value;
}

export interface SettlementKindInput {
  /** GeoNames feature code (PPLC, PPLA, PPLA2, …), null when the source has none. */
  featureCode: string | null;
  /** People; null or NaN when unknown. */
  population: number | null;
  /** KATO type from a list's type column ('1' town, '2' rural, '3' other); null when the source has none. */
  katoType?: string | null;
}

/** Whether the place is a town (outside the rural programme). `townPopulation`: the threshold (TOWN_POPULATION). */
export function isTown(p: SettlementKindInput, townPopulation: number = TOWN_POPULATION.value): boolean {
  const type = p.katoType?.trim();
  if (type === '1') return true;
  if (type === '2' || type === '3') return false;
  if (p.featureCode === 'PPLC' || p.featureCode === 'PPLA') return true;
  return p.population !== null && Number.isFinite(p.population) && p.population >= townPopulation;
}
