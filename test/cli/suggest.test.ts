// `auyl suggest` end to end on the example register: the JSON line, and the CSV recomputes to it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/io/csv.ts';
import { haversineKm } from '../../src/lib/engine/geo/sphere.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'auyl-suggest-'));
const EXAMPLE = 'data/example-register-illustrative.csv';
const auyl = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/auyl.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const lastJson = (out: string) => JSON.parse(out.trim().split('\n').at(-1)!);
const register = parseCsv(fs.readFileSync(EXAMPLE, 'utf8'));
const byId = new Map(register.rows.map((r) => [r.cells.id, r.cells]));

describe('auyl suggest', () => {
  it('maximal covering: the JSON line, and the CSV recomputes to the same covered population', () => {
    const out = path.join(tmp, 'mclp.csv');
    const r = auyl('suggest', '--settlements', EXAMPLE, '--problem', 'mclp', '--supports', '12', '--radius-km', '30', '--candidates', 'all', '--out', out);
    expect(r.code, r.err).toBe(0);
    const line = lastJson(r.out);
    expect(Object.keys(line)).toEqual(expect.arrayContaining(['problem', 'supports', 'covered_population', 'rural_population', 'upper_bound_population', 'seconds']));
    expect(line.problem).toBe('mclp');
    expect(line.supports).toBe(12);
    expect(line.upper_bound_population).toBeGreaterThanOrEqual(line.covered_population);
    const rows = parseCsv(fs.readFileSync(out, 'utf8')).rows.map((x) => x.cells);
    // rural = under 10,000 people: every such row, once
    const rural = register.rows.filter((x) => Number(x.cells.population) < 10_000);
    expect(rows.length).toBe(rural.length);
    const pop = (id: string) => Number(byId.get(id)!.population);
    let covered = 0, total = 0;
    for (const row of rows) {
      total += pop(row.id);
      if (row.role !== 'uncovered') covered += pop(row.id);
      if (row.role === 'support') expect(row.support_id).toBe(row.id);
      if (row.role === 'satellite') {
        // the km written is the straight line to the support named, within the radius
        const s = byId.get(row.support_id)!, me = byId.get(row.id)!;
        expect(Number(row.km)).toBeCloseTo(haversineKm(Number(me.lon), Number(me.lat), Number(s.lon), Number(s.lat)), 2);
        expect(Number(row.km)).toBeLessThanOrEqual(30);
        expect(rows.find((x) => x.id === row.support_id)!.role).toBe('support');
      }
    }
    expect(rows.filter((x) => x.role === 'support').length).toBe(12);
    expect(covered).toBe(line.covered_population);
    expect(total).toBe(line.rural_population);
  });

  it('requires and excludes ids from files; the answer is the same twice', () => {
    const first = parseCsv(fs.readFileSync(path.join(tmp, 'mclp.csv'), 'utf8')).rows.map((x) => x.cells);
    const chosen = first.filter((x) => x.role === 'support').map((x) => x.id);
    const notChosen = first.filter((x) => x.role !== 'support').map((x) => x.id);
    fs.writeFileSync(path.join(tmp, 'req.txt'), `${notChosen[0]}\n`);
    fs.writeFileSync(path.join(tmp, 'exc.csv'), `id,name\n${chosen[0]},x\n`);
    const args = ['suggest', '--settlements', EXAMPLE, '--problem', 'mclp', '--supports', '12', '--radius-km', '30', '--candidates', 'all', '--require', path.join(tmp, 'req.txt'), '--exclude', path.join(tmp, 'exc.csv')];
    const a = auyl(...args, '--out', path.join(tmp, 'a.csv'));
    const b = auyl(...args, '--out', path.join(tmp, 'b.csv'));
    expect(a.code, a.err).toBe(0);
    const rows = parseCsv(fs.readFileSync(path.join(tmp, 'a.csv'), 'utf8')).rows.map((x) => x.cells);
    expect(rows.find((x) => x.id === notChosen[0])!.role).toBe('support');
    expect(rows.find((x) => x.id === chosen[0])!.role).not.toBe('support');
    expect(fs.readFileSync(path.join(tmp, 'b.csv'), 'utf8')).toBe(fs.readFileSync(path.join(tmp, 'a.csv'), 'utf8'));
    expect(lastJson(a.out).covered_population).toBe(lastJson(b.out).covered_population);
  });

  it('set covering reaches its target; p-median reports the weighted km', () => {
    const l = auyl('suggest', '--settlements', EXAMPLE, '--problem', 'lscp', '--target', '0.9', '--radius-km', '30', '--candidates', 'all', '--out', path.join(tmp, 'l.csv'));
    expect(l.code, l.err).toBe(0);
    const line = lastJson(l.out);
    expect(line.covered_population).toBeGreaterThanOrEqual(0.9 * line.rural_population);
    const p = auyl('suggest', '--settlements', EXAMPLE, '--problem', 'pmedian', '--supports', '10', '--candidates', 'all', '--out', path.join(tmp, 'p.csv'));
    expect(p.code, p.err).toBe(0);
    const rows = parseCsv(fs.readFileSync(path.join(tmp, 'p.csv'), 'utf8')).rows.map((x) => x.cells);
    const weighted = rows.reduce((sum, x) => sum + Number(byId.get(x.id)!.population) * Number(x.km), 0);
    expect(weighted / lastJson(p.out).weighted_km).toBeCloseTo(1, 4);
  });

  it('bad input: names the option and the value', () => {
    fs.writeFileSync(path.join(tmp, 'bad.txt'), 'no-such-id\n');
    const r = auyl('suggest', '--settlements', EXAMPLE, '--problem', 'mclp', '--supports', '3', '--require', path.join(tmp, 'bad.txt'), '--out', path.join(tmp, 'x.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('id "no-such-id" is not in the register');
    const s = auyl('suggest', '--settlements', EXAMPLE, '--problem', 'mclp', '--supports', 'many', '--out', path.join(tmp, 'x.csv'));
    expect(s.code).toBe(2);
    expect(s.err).toContain('--supports must be a whole number ≥ 1 (got "many")');
  });
});
