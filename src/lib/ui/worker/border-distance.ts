// The one border distance: the border-zone status and the strategic rule read it through these two functions,
// so that the methodology's move to a single `categories.strategic.within_km` is a one-line change here.
import type { Methodology } from '../../engine/config/schema.ts';

export const borderDistance = (config: Methodology): number => config.geospatial.border_zone_km.value;

export function setBorderDistance(config: Methodology, km: number): void {
  config.geospatial.border_zone_km.value = km;
  config.categories.strategic.within_km = km;
}

export const borderDistanceProvenance = (config: Methodology) => config.geospatial.border_zone_km;
