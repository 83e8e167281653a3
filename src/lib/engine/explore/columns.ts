// What the planner's map explores, one typed column per field: the same shape for the embedded places, a
// register and the national list, so filters, summaries and search work on any of them. Codes index the
// engine's lists (CATEGORIES, POTENTIALS, BORDER_STATUSES); NO_CODE where a row has none (a place that is not in
// the assessed register has no category).
export const NO_CODE = 255;

export interface ExploreColumns {
  size: number;
  /** Index into CATEGORIES, NO_CODE when not assessed. */
  category: Uint8Array;
  /** Index into POTENTIALS, NO_CODE when not assessed. */
  potential: Uint8Array;
  /** Index into BORDER_STATUSES. */
  borderStatus: Uint8Array;
  /** Score as a percent of the points that could be earned; NaN when none. */
  scorePercent: Float64Array;
  /** NaN when unknown. */
  population: Float64Array;
  /** 1 town, 0 rural settlement. */
  isTown: Uint8Array;
  /** Index into `oblasts` / `districts`, -1 when unknown. */
  oblast: Int32Array;
  oblasts: string[];
  district: Int32Array;
  districts: string[];
}
