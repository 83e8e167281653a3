// Distances on a sphere of the mean Earth radius (IUGG R1 = 6371.0088 km), the model Turf uses, so indexed
// results equal Turf's to the millimetre. Against the WGS 84 geodesic the error stays under 0.35% at
// Kazakhstan's latitudes (40–56° N); test/engine/sphere.test.ts measures it with GeographicLib.
// All distances are straight lines over the ground, not travel distances.
export const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
}

/** Writes the unit vector of (lon, lat) into out[o..o+2]. */
export function unitVector(lon: number, lat: number, out: Float64Array, o: number): void {
  const cl = Math.cos(lat * RAD);
  out[o] = cl * Math.cos(lon * RAD);
  out[o + 1] = cl * Math.sin(lon * RAD);
  out[o + 2] = Math.sin(lat * RAD);
}

/** Great-circle distance (km) that corresponds to a squared chord length between unit vectors. */
export function chord2ToKm(chord2: number): number {
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(chord2) / 2));
}

/** Degrees of latitude and longitude that a circle of `km` around latitude `lat` can span (conservative). */
export function degreeRadius(lat: number, km: number): { dLat: number; dLon: number } {
  const ang = km / EARTH_RADIUS_KM;
  const dLat = ang / RAD;
  const maxLat = Math.min(89.999, Math.abs(lat) + dLat);
  const s = Math.sin(Math.min(ang, Math.PI / 2)) / Math.cos(maxLat * RAD);
  const dLon = s >= 1 ? 180 : Math.asin(s) / RAD;
  return { dLat, dLon };
}
