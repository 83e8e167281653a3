// Runs corpus cases through the io layer and checks the invariants; shared by the corpus test's worker and the bench.
import fs from 'node:fs';
import { readRegister } from '../../src/lib/io/formats.ts';
import { readFgbFeatures } from '../../src/lib/io/fgb.ts';
import { Outline } from '../../src/lib/io/outline.ts';
import { RegisterFileError, formatProblem, LANGS } from '../../src/lib/io/problems.ts';
import { preset } from '../../src/lib/engine/config/presets.ts';
import type { CorpusCase } from './corpus.ts';

const config = preset('2019');
let outline: Outline | null = null;
const getOutline = () => (outline ??= new Outline(readFgbFeatures(new Uint8Array(fs.readFileSync(new URL('../../public/data/kazakhstan.fgb', import.meta.url)))).features.filter((f) => f !== null)));

export interface CaseResult {
  name: string;
  ms: number;
  failures: string[];
  outcome: 'read' | 'refused';
  rowsIn: number;
  accepted: number;
}

export async function runCase(c: CorpusCase): Promise<CaseResult> {
  const failures: string[] = [];
  const t0 = performance.now();
  let outcome: CaseResult['outcome'] = 'read';
  let rowsIn = 0;
  let accepted = 0;
  try {
    const r = await readRegister(c.bytes, c.filename, config, { outline: getOutline(), fixSwapped: c.fixSwapped });
    rowsIn = r.rowsIn;
    accepted = r.settlements.length;
    const rejected = new Set(r.rejectedRows);
    if (rejected.size !== r.rejectedRows.length) failures.push(`a row is rejected twice: ${r.rejectedRows.join(',')}`);
    if (r.rowsIn !== r.settlements.length + rejected.size) failures.push(`rows in ${r.rowsIn} ≠ accepted ${r.settlements.length} + reported ${rejected.size}`);
    const errorRows = new Set(r.problems.filter((p) => p.severity === 'error').map((p) => p.row));
    for (const row of rejected) if (!errorRows.has(row)) failures.push(`row ${row} rejected without an error naming it`);
    for (const p of r.problems) {
      if (!Number.isInteger(p.row) || p.row < 0) failures.push(`problem without a row: ${JSON.stringify(p)}`);
      if (typeof p.column !== 'string' || p.column === '') failures.push(`problem without a column: ${JSON.stringify(p)}`);
      if (p.severity === 'error' && p.row > 0 && !rejected.has(p.row) && p.row !== (r.unit === 'feature' ? 0 : 1)) failures.push(`error on row ${p.row} but the row was kept: ${p.code}`);
      for (const lang of LANGS) if (!formatProblem(p, r.unit, lang)) failures.push(`empty message for ${p.code} in ${lang}`);
    }
    if (c.verdict === 'refused') failures.push(`read (${r.settlements.length} rows) where it must be refused`);
    const said = new Set(r.problems.map((p) => p.code as string));
    for (const code of c.mustSay ?? []) if (!said.has(code)) failures.push(`silent: no ${code} problem (got ${[...said].join(', ') || 'none'})`);
    for (const s of r.settlements) if (!Number.isFinite(s.lat) || !Number.isFinite(s.lon) || !s.id) failures.push(`accepted settlement without id or coordinates: ${JSON.stringify(s)}`);
  } catch (e) {
    if (e instanceof RegisterFileError) {
      outcome = 'refused';
      const p = e.problem;
      if (!p.code || !Number.isInteger(p.row)) failures.push(`file problem without code or row: ${JSON.stringify(p)}`);
      if (c.verdict === 'read') failures.push(`refused (${p.code}) where it must be read`);
      for (const code of c.mustSay ?? []) if (p.code !== code) failures.push(`refused with ${p.code}, not ${code}`);
      for (const lang of LANGS) if (!formatProblem(p, 'line', lang)) failures.push(`empty message for ${p.code} in ${lang}`);
    } else failures.push(`uncaught ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}\n${(e as Error)?.stack?.split('\n').slice(0, 4).join('\n')}`);
  }
  return { name: c.name, ms: performance.now() - t0, failures, outcome, rowsIn, accepted };
}
