// Colours of the base map. The China and Russia borders differ in hue and weight so a viewer (and a pixel
// test) tells them apart at a glance; neither is blue, which belongs to water.
export const PALETTE = {
  water: '#b9d3e6',
  waterLabel: '#2f5f86',
  river: '#7fb0d6',
  neighbour: '#e9e7e1',
  neighbourLine: '#b5b0a5',
  kazakhstan: '#fbf8ef',
  otherBorder: '#5b5b5b',
  chinaBorder: '#e0301e',
  russiaBorder: '#7a2fa8',
  settlementStroke: '#ffffff',
  label: '#1d2733',
  labelHalo: '#ffffff',
} as const;

/** Place-type colours (the data's `place_type`, from GeoNames feature codes; every place has one). */
export const FEATURE_COLOURS: Record<string, string> = {
  capital: '#1a1a1a',
  regional_seat: '#b2182b',
  district_seat: '#ef8a62',
  rural_district_seat: '#67a9cf',
  other: '#2166ac',
};

/** Border-status colours. */
export const BORDER_STATUS_COLOURS: Record<string, string> = {
  china_and_russia_district: '#3d1f5c',
  china_district: PALETTE.chinaBorder,
  russia_district: PALETTE.russiaBorder,
  border_zone: '#f0a030',
  interior: '#4d7f96',
};

/** Category colours (support and satellites in greens, strategic border settlements in orange, the rest grey);
 *  places that are not in the assessed register stay pale. */
export const CATEGORY_COLOURS: Record<string, string> = {
  support: '#1b7837',
  satellite: '#8fd18a',
  strategic: '#e08214',
  other: '#8c8c8c',
  not_in_register: '#e2e2e2',
};
