// The network suggestion on the map: one class per map row, comparing the suggestion with the supports of the
// assessment in force (rural only). Okabe–Ito colours; suggested supports also carry the support ring.
import type { ClassDef } from './classes.ts';
import { NO_DATA } from './classes.ts';

export const NETWORK_CLASSES = [
  /** an approved (current) support the suggestion keeps */
  { key: 'net_kept', colour: '#009E73' },
  /** a suggested support that is not approved today */
  { key: 'net_new', colour: '#0072B2' },
  /** an approved support the suggestion leaves out */
  { key: 'net_dropped', colour: '#D55E00' },
  /** within the radius of a suggested support */
  { key: 'net_covered', colour: '#56B4E9' },
  /** no suggested support reaches it */
  { key: 'net_uncovered', colour: '#CC79A7' },
  /** a town (never in the network) or a map row outside the register */
  { key: 'net_outside', colour: NO_DATA },
] as const satisfies readonly ClassDef[];

export type NetworkClassKey = (typeof NETWORK_CLASSES)[number]['key'];
export const NET_KEPT = 0, NET_NEW = 1, NET_DROPPED = 2, NET_COVERED = 3, NET_UNCOVERED = 4, NET_OUTSIDE = 5;
