// The reference data in ../shared/data (boundaries, national settlement list) may never be committed or shipped,
// so a fresh clone has none. A test that needs a file runs when it is there, is skipped with a message naming the
// missing file when it is not, and fails when CI=true (CI always has ../shared beside the checkout).
import fs from 'node:fs';
import path from 'node:path';
import { it, type TestFunction } from 'vitest';

export const SHARED_DATA = path.resolve('..', 'shared', 'data');

/** Absolute path of a reference file, e.g. sharedFile('kz-adm2-2024.fgb'). */
export const sharedFile = (name: string) => path.join(SHARED_DATA, name);

const reported = new Set<string>();

/** `it` for a test that reads the named reference files. */
export function itWithShared(files: string[], title: string, fn: TestFunction, timeout?: number): void {
  const missing = files.filter((f) => !fs.existsSync(sharedFile(f)));
  if (missing.length === 0) return void it(title, fn, timeout);
  const names = missing.map((f) => `../shared/data/${f}`).join(', ');
  if (process.env.CI === 'true') {
    it(title, () => {
      throw new Error(`missing reference file ${names}: CI must have ../shared beside the checkout`);
    });
    return;
  }
  if (!reported.has(names)) console.warn(`skipping tests that need ${names}: not found (a fresh clone has no ../shared)`);
  reported.add(names);
  it.skip(`${title} [skipped: ${names} not found]`, fn);
}
