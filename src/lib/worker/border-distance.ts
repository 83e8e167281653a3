// The one border distance (`categories.strategic.within_km`): the border-zone status and the strategic rule both
// read it, and the border-distance slider sets it.
import type { Methodology } from '../engine/config/schema.ts';

export const borderDistance = (config: Methodology): number => config.categories.strategic.within_km.value;

export function setBorderDistance(config: Methodology, km: number): void {
  config.categories.strategic.within_km.value = km;
}

export const borderDistanceProvenance = (config: Methodology) => config.categories.strategic.within_km;
