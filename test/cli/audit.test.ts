// `auyl audit` on a hand-made register with known approved statuses (test/fixtures/audit-register.csv):
// S1 district centre, strong → support, approved тірек → agreement; A1 3.5 km from S1, weak → satellite, approved
// опорный → upgrade; D1 40 km east of S1, weak → other, approved серіктес of S1 → upgrade, flagged 40 km; B1 far
// away in another district → other, approved спутниковый of S1 → upgrade, flagged too far and other district;
// C1 rural-district centre, strong → support, approved прочие → downgrade; G1 5.7 km from C1 → satellite, approved
// приграничный стратегический → changed; E1 no approved status.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/io/csv.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'auyl-audit-'));
const REGISTER = 'test/fixtures/audit-register.csv';
const auyl = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/auyl.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('auyl audit', () => {
  it('counts agreement, upgrades, downgrades and changes, and flags approved satellites with the distance', () => {
    const out = path.join(tmp, 'audit.csv');
    const r = auyl('audit', '--settlements', REGISTER, '--preset', '2019', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('agreement 1, upgrade 3, downgrade 1, changed 1, no approved status 1; 2 approved satellite(s) flagged');
    const rows = Object.fromEntries(parseCsv(fs.readFileSync(out, 'utf8')).rows.map((x) => [x.cells.id, x.cells]));
    expect(Object.fromEntries(Object.entries(rows).map(([id, c]) => [id, [c.official_category, c.computed_category, c.audit]]))).toEqual({
      S1: ['support', 'support', 'agreement'],
      A1: ['support', 'satellite', 'upgrade'],
      D1: ['satellite', 'other', 'upgrade'],
      B1: ['satellite', 'other', 'upgrade'],
      C1: ['other', 'support', 'downgrade'],
      G1: ['strategic', 'satellite', 'changed'],
      E1: ['', 'other', 'no_status'],
    });
    expect(rows.D1).toMatchObject({ km_to_official_support: '40', satellite_flags: 'support_too_far' });
    expect(rows.B1.satellite_flags).toBe('support_too_far|support_other_district');
    expect(rows.C1.category_reason).toContain('rural-district centre');
    const districts = Object.fromEntries(parseCsv(fs.readFileSync(path.join(tmp, 'audit.districts.csv'), 'utf8')).rows.map((x) => [x.cells.district, x.cells]));
    expect(districts['Целиноградский']).toMatchObject({ settlements: '3', agreement: '1', upgrade: '2', flagged_satellites: '1' });
    expect(districts['(all)']).toMatchObject({ settlements: '7', downgrade: '1', changed: '1', no_status: '1' });
    const params = JSON.parse(fs.readFileSync(path.join(tmp, 'audit.params.json'), 'utf8'));
    expect(params.methodology.id).toBe('order81_2019');
  });

  it('refuses an unknown approved category word with a row-level error (exit 2)', () => {
    const bad = path.join(tmp, 'bad.csv');
    const lines = fs.readFileSync(REGISTER, 'utf8').split('\n');
    lines[2] = lines[2].replace('опорный', 'перспективный');
    fs.writeFileSync(bad, lines.join('\n'));
    const r = auyl('audit', '--settlements', bad, '--lang', 'ru', '--out', path.join(tmp, 'bad-out.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('строка 3, столбец "official_category", значение "перспективный": неизвестная утверждённая категория');
  });
});
