// A scenario in the URL, when small enough: the leaves that differ from its preset (path → value), with its name,
// deflated and base64url-encoded. Read back onto the preset and validated like a file; refused when invalid.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { preset, type PresetId } from '../../engine/config/presets.ts';
import { checkMethodology } from '../../engine/config/validate.ts';
import type { Methodology } from '../../engine/config/schema.ts';

/** Longest value carried (the whole hash must stay under url-state's MAX_URL_LENGTH). */
export const MAX_SCENARIO_URL = 1200;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function leafDiff(a: unknown, b: unknown, path: string, out: Record<string, Json>) {
  if (Object.is(a, b)) return;
  const bothObjects = a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b);
  if (!bothObjects || (Array.isArray(a) && (a as unknown[]).length !== (b as unknown[]).length)) {
    out[path] = b === undefined ? null : (b as Json);
    return;
  }
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  for (const k of keys) leafDiff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k, out);
}

function setPath(target: Record<string, unknown>, path: string, value: Json) {
  const keys = path.split('.');
  let o = target;
  for (const k of keys.slice(0, -1)) {
    if (o[k] === null || typeof o[k] !== 'object') o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  const last = keys.at(-1)!;
  if (value === null) delete o[last];
  else o[last] = value;
}

const toB64url = (u: Uint8Array) => btoa(String.fromCharCode(...u)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromB64url = (s: string) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/** The URL value of a scenario, or null when it is too long to carry. */
export function encodeScenario(name: string, presetId: PresetId, config: Methodology): string | null {
  const d: Record<string, Json> = {};
  leafDiff(preset(presetId), config, '', d);
  const text = toB64url(deflateSync(strToU8(JSON.stringify({ p: presetId, n: name, d })), { level: 9 }));
  return text.length <= MAX_SCENARIO_URL ? text : null;
}

/** The scenario a URL value carries, or null when it cannot be read or is invalid. */
export function decodeScenario(value: string): { name: string; preset: PresetId; config: Methodology } | null {
  try {
    const { p, n, d } = JSON.parse(strFromU8(inflateSync(fromB64url(value)))) as { p: PresetId; n: string; d: Record<string, Json> };
    if (p !== '2019' && p !== '2025') return null;
    const config = structuredClone(preset(p)) as unknown as Record<string, unknown>;
    for (const [path, v] of Object.entries(d)) setPath(config, path, v);
    const checked = checkMethodology(config);
    return checked.config ? { name: typeof n === 'string' ? n : '', preset: p, config: checked.config } : null;
  } catch {
    return null;
  }
}
