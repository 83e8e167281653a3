// Engine types the worker protocol repeats (kept here so the protocol imports no engine module at run time).
export type { Labels } from '../engine/types.ts';
export type { Status } from '../engine/config/schema.ts';
