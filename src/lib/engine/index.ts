// Public surface of the engine (pure TypeScript: no DOM, no Svelte, no MapLibre).
export * from './types.ts';
export * from './config/schema.ts';
export * from './config/validate.ts';
export * from './config/presets.ts';
export * from './regions.ts';
export * from './neighbours.ts';
export * from './score.ts';
export * from './classify.ts';
export * from './assess.ts';
export * from './geo/sphere.ts';
export * from './geo/nearest.ts';
export * from './geo/borders.ts';
export * from './geo/districts.ts';
export * from './geo/towns.ts';
export * from './geo/geospatial.ts';
export * from './columns.ts';
export * from './shares.ts';
