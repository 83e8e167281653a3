// The map state in the URL hash, as pure serialise / parse (no DOM), in the manner of maplibre-gl-js's
// src/ui/hash.ts: `#map=zoom/lat/lon&mode=…&breaks=method-count&custom=…&hide=…&lang=…&sel=…`. Parsing checks
// every value (bounds, known names, sizes) and reports the names it ignored, so a hand-edited or stale link
// restores what it can and the UI says what it dropped. The caller throttles writes (see App.svelte).
import { allClassKeys, BREAK_METHODS, COLOUR_MODES, MAX_CLASSES, MIN_CLASSES, type BreakMethod, type ColourMode } from '../map/classes.ts';
import type { Lang } from '../engine/types.ts';
import { NO_FILTER, type FilterSpec, type Range } from '../engine/explore/filter.ts';
import { CATEGORIES } from '../engine/classify.ts';
import { POTENTIALS } from '../engine/score.ts';
import { BORDER_STATUSES } from '../engine/geo/geospatial.ts';
import { findRegion } from '../engine/regions.ts';

export interface View {
  zoom: number;
  lat: number;
  lon: number;
}

export interface UrlState {
  view?: View;
  mode?: ColourMode;
  method?: BreakMethod;
  count?: number;
  custom?: number[];
  hidden?: string[];
  lang?: Lang;
  selected?: string;
  /** Filter fields present in the URL (the rest: no restriction). */
  filter?: Partial<FilterSpec>;
  /** A scenario (decide/scenario-url.ts): opaque base64url here, decoded and validated by the caller. */
  scenario?: string;
}

const UNIT = /^[\p{L}\p{N} _.()'-]{1,80}$/u;
const MAX_UNITS = 40;
const fmtRange = ([lo, hi]: Range) => `${lo ?? ''}..${hi ?? ''}`;
function parseRange(value: string): Range | null {
  const m = /^(-?\d+(?:\.\d+)?)?\.\.(-?\d+(?:\.\d+)?)?$/.exec(value);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const lo = m[1] === undefined ? null : Number(m[1]), hi = m[2] === undefined ? null : Number(m[2]);
  return lo !== null && hi !== null && lo > hi ? null : [lo, hi];
}
function parseList(value: string, known: readonly string[] | null): string[] | null {
  const xs = [...new Set(value.split(',').filter(Boolean))];
  if (!xs.length || xs.length > MAX_UNITS) return null;
  return xs.every((x) => (known ? known.includes(x) : UNIT.test(x))) ? xs : null;
}
const LISTS = { obl: ['oblasts', null], dis: ['districts', null], cat: ['categories', CATEGORIES], pot: ['potentials', POTENTIALS], bs: ['borderStatuses', BORDER_STATUSES] } as const;

/** URL fields of a filter, only those that restrict. */
export function filterFields(f: FilterSpec): string[] {
  const out: string[] = [];
  for (const [name, [field]] of Object.entries(LISTS)) if (f[field].length) out.push(`${name}=${f[field].map(enc).join(',')}`);
  if (f.kind !== NO_FILTER.kind) out.push(`kind=${f.kind}`);
  if (f.score.some((x) => x !== null)) out.push(`score=${fmtRange(f.score)}`);
  if (f.population.some((x) => x !== null)) out.push(`pop=${fmtRange(f.population)}`);
  return out;
}

export const MAX_URL_LENGTH = 2000;
const MAX_HIDDEN = 24;
const KEY = /^[A-Za-z0-9_]{1,40}$/;
const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const LANGS: readonly string[] = ['kk', 'ru', 'en'];

const enc = (s: string) => encodeURIComponent(s).replace(/%2C/g, ',').replace(/%2F/g, '/');
const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** The hash (with its '#'), fields in a fixed order; empty fields are left out. */
export function serialise(s: UrlState): string {
  const parts: string[] = [];
  if (s.view) {
    const z = round(s.view.zoom, 2);
    const digits = Math.max(0, Math.ceil((z * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10)); // ~half a pixel
    parts.push(`map=${z}/${round(s.view.lat, digits)}/${round(s.view.lon, digits)}`);
  }
  if (s.mode) parts.push(`mode=${s.mode}`);
  if (s.method) parts.push(`breaks=${s.method}${s.count ? `-${s.count}` : ''}`);
  if (s.method === 'custom' && s.custom?.length) parts.push(`custom=${s.custom.map((x) => round(x, 6)).join(',')}`);
  if (s.hidden?.length) parts.push(`hide=${s.hidden.map(enc).join(',')}`);
  if (s.lang) parts.push(`lang=${s.lang}`);
  if (s.selected) parts.push(`sel=${enc(s.selected)}`);
  if (s.filter) parts.push(...filterFields({ ...NO_FILTER, ...s.filter }));
  if (s.scenario) parts.push(`scn=${s.scenario}`);
  return parts.length ? `#${parts.join('&')}` : '';
}

export interface Parsed {
  state: UrlState;
  /** What was ignored, each as `field=value` (the value shortened), so the notice names it; `#`: the whole hash. */
  invalid: string[];
}

/** How the notice names an ignored field and its value. */
export const ignoredItem = (name: string, value: string) => (value === '' ? name : `${name}=${value.length > 32 ? `${value.slice(0, 31)}…` : value}`);

/** A region code (ISO 3166-2 shape) no region has: a stale or mistyped link. Region names pass (an imported
 *  register may name its regions in its own way); codes are checked here, since no data has unknown codes. */
const unknownRegionCode = (x: string) => /^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(x) && !findRegion(x);

export function parse(hash: string): Parsed {
  const state: UrlState = {};
  const invalid: string[] = [];
  const text = hash.replace(/^#/, '');
  if (!text) return { state, invalid };
  if (text.length > MAX_URL_LENGTH) return { state, invalid: ['#'] };
  for (const part of text.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    let value: string;
    try {
      value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1));
    } catch {
      invalid.push(ignoredItem(name, part.slice(eq + 1)));
      continue;
    }
    if (name === 'obl') {
      // unknown region codes leave one by one (the others still filter), so the map keeps its data
      const unknown = value.split(',').filter(unknownRegionCode);
      for (const code of unknown) invalid.push(ignoredItem(name, code));
      value = value.split(',').filter((x) => !unknownRegionCode(x)).join(',');
      if (!value) continue;
    }
    if (!applyField(state, name, value)) invalid.push(ignoredItem(name, value));
  }
  return { state, invalid };
}

function applyField(state: UrlState, name: string, value: string): boolean {
  switch (name) {
    case 'map': {
      const xs = value.split('/');
      if (xs.length !== 3 || xs.some((x) => x.trim() === '')) return false;
      const [zoom, lat, lon] = xs.map(Number);
      if (!(zoom >= 0 && zoom <= 22 && lat >= -85 && lat <= 85 && lon >= -180 && lon <= 180)) return false;
      state.view = { zoom, lat, lon };
      return true;
    }
    case 'mode':
      if (!(COLOUR_MODES as readonly string[]).includes(value)) return false;
      state.mode = value as ColourMode;
      return true;
    case 'breaks': {
      const m = /^([a-z]+)(?:-(\d+))?$/.exec(value);
      if (!m || !(BREAK_METHODS as readonly string[]).includes(m[1])) return false;
      const count = m[2] === undefined ? undefined : Number(m[2]);
      if (count !== undefined && (count < MIN_CLASSES || count > MAX_CLASSES)) return false;
      state.method = m[1] as BreakMethod;
      if (count !== undefined) state.count = count;
      return true;
    }
    case 'custom': {
      const xs = value.split(',').map((x) => (x.trim() === '' ? NaN : Number(x)));
      if (!xs.length || xs.length > MAX_CLASSES - 1 || !xs.every(Number.isFinite)) return false;
      const sorted = [...new Set(xs)].sort((a, b) => a - b);
      state.custom = sorted;
      return true;
    }
    case 'hide': {
      const keys = value.split(',').filter(Boolean);
      const known = allClassKeys();
      if (keys.length > MAX_HIDDEN || !keys.every((k) => KEY.test(k) && known.has(k))) return false;
      state.hidden = [...new Set(keys)];
      return true;
    }
    case 'lang':
      if (!LANGS.includes(value)) return false;
      state.lang = value as Lang;
      return true;
    case 'sel':
      if (!ID.test(value)) return false;
      state.selected = value;
      return true;
    case 'scn':
      if (!/^[A-Za-z0-9_-]{1,1200}$/.test(value)) return false;
      state.scenario = value;
      return true;
    case 'kind':
      if (value !== 'town' && value !== 'rural') return false;
      (state.filter ??= {}).kind = value;
      return true;
    case 'score':
    case 'pop': {
      const r = parseRange(value);
      if (!r) return false;
      (state.filter ??= {})[name === 'pop' ? 'population' : 'score'] = r;
      return true;
    }
    case 'obl':
    case 'dis':
    case 'cat':
    case 'pot':
    case 'bs': {
      const [field, known] = LISTS[name];
      const xs = parseList(value, known);
      if (!xs) return false;
      (state.filter ??= {})[field] = xs;
      return true;
    }
    default:
      return false;
  }
}
