// The layer rule of the README's Architecture diagram, checked on every import statement of src/lib and src/cli:
//   ui → worker → present → map → io → i18n → engine   (a layer imports its own folder and the ones below it)
// plus src/cli → io / i18n / engine. A failure names the file, the line and the import.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve('src');

/** What each layer may import (besides packages). `data` is the repository's data/ folder (seeded generator,
 *  the illustrative register). */
export const ALLOWED: Record<string, readonly string[]> = {
  engine: ['engine'],
  i18n: ['i18n', 'engine'],
  io: ['io', 'i18n', 'engine'],
  map: ['map', 'io', 'i18n', 'engine'],
  present: ['present', 'map', 'i18n', 'engine'],
  worker: ['worker', 'present', 'map', 'io', 'i18n', 'engine', 'data'],
  ui: ['ui', 'worker', 'present', 'map', 'io', 'i18n', 'engine'],
  cli: ['cli', 'io', 'i18n', 'engine'],
};

/** The layer of an absolute path: src/lib/<layer>/…, src/cli/…, data/…; null for anything else (src/main.ts). */
function layerOf(file: string): string | null {
  const rel = path.relative(path.resolve('.'), file).split(path.sep);
  if (rel[0] === 'src' && rel[1] === 'lib') return rel[2] ?? null;
  if (rel[0] === 'src' && rel[1] === 'cli') return 'cli';
  if (rel[0] === 'data') return 'data';
  return null;
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/g;

/** Every relative import of a source text, with its line number. */
export function importsOf(text: string): { line: number; spec: string }[] {
  const out: { line: number; spec: string }[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (!spec.startsWith('.')) continue;
    out.push({ line: text.slice(0, m.index).split('\n').length + (m[0].startsWith('\n') ? 1 : 0), spec });
  }
  return out;
}

/** The imports of `file` that its layer may not make, as "file:line imports spec (layer a → b)". */
export function violations(file: string, text: string): string[] {
  const from = layerOf(file);
  if (!from || !ALLOWED[from]) return [];
  return importsOf(text).flatMap(({ line, spec }) => {
    const to = layerOf(path.resolve(path.dirname(file), spec.split('?')[0]));
    if (to === null || ALLOWED[from].includes(to)) return [];
    return [`${path.relative('.', file)}:${line} imports '${spec}' (${from} → ${to} is not allowed)`];
  });
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.(ts|svelte)$/.test(e.name) ? [p] : [];
  });
}

describe('imports point downward only', () => {
  it('finds an upward or sideways import and names the file and line', () => {
    const fake = path.join(SRC, 'lib', 'map', 'x.ts');
    expect(violations(fake, "import a from './y.ts';\nimport { b } from '../ui/state/atlas.svelte.ts';\n")).toEqual([
      "src/lib/map/x.ts:2 imports '../ui/state/atlas.svelte.ts' (map → ui is not allowed)",
    ]);
    expect(violations(path.join(SRC, 'lib', 'engine', 'x.ts'), "const m = await import('../worker/model.ts');")).toHaveLength(1);
    expect(violations(path.join(SRC, 'lib', 'io', 'x.ts'), "export { q } from '../map/classes.ts';")).toHaveLength(1);
    expect(violations(path.join(SRC, 'lib', 'worker', 'x.ts'), "import { e } from '../engine/types.ts';\nimport s from '../../../data/x.csv?raw';")).toEqual([]);
  });

  it('holds for every file of src/lib and src/cli', () => {
    const files = [...sources(path.join(SRC, 'lib')), ...sources(path.join(SRC, 'cli'))];
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((f) => violations(f, fs.readFileSync(f, 'utf8')));
    expect(found, found.join('\n')).toEqual([]);
  });
});
