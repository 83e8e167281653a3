// The `auyl` CLI end to end: as a user runs it (node bin/auyl.mjs), on the example register.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { itWithShared, sharedFile } from '../support/shared-data.ts';
import { parseCsv } from '../../src/lib/io/csv.ts';
import { readFgb } from '../../src/lib/io/fgb.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'auyl-cli-'));
const EXAMPLE = 'data/example-register-illustrative.csv';
const auyl = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/auyl.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const REQUIRED = ['id', 'name_kk', 'name_ru', 'lat', 'lon', 'score_demography', 'score_infrastructure', 'score_economy', 'score_total', 'coverage', 'potential', 'category', 'support_id', 'km_to_town', 'nearest_town', 'km_to_china', 'km_to_russia', 'border_status'];

describe('auyl CLI', () => {
  it('prints help', () => {
    const r = auyl('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('auyl assess --settlements FILE');
  });

  it('assesses the example register with every column for every row', () => {
    const out = path.join(tmp, 'r.csv');
    const r = auyl('assess', '--settlements', EXAMPLE, '--preset', '2019', '--out', out);
    expect(r.code, r.err).toBe(0);
    const table = parseCsv(fs.readFileSync(out, 'utf8'));
    const input = parseCsv(fs.readFileSync(EXAMPLE, 'utf8'));
    expect(table.rows.length).toBe(input.rows.length);
    for (const c of REQUIRED) expect(table.columns).toContain(c);
    for (const row of table.rows) {
      expect(['support', 'satellite', 'strategic', 'other', 'town']).toContain(row.cells.category);
      expect(['high', 'medium', 'low', 'insufficient_data']).toContain(row.cells.potential);
      expect(Number(row.cells.km_to_china)).toBeGreaterThanOrEqual(0);
      expect(row.cells.nearest_town).not.toBe('');
    }
  });

  it('round-trips through GeoJSON and FlatGeobuf with the same results as CSV', async () => {
    const csv = parseCsv(fs.readFileSync(path.join(tmp, 'r.csv'), 'utf8'));
    expect(auyl('assess', '--settlements', EXAMPLE, '--out', path.join(tmp, 'r.geojson')).code).toBe(0);
    const gj = JSON.parse(fs.readFileSync(path.join(tmp, 'r.geojson'), 'utf8'));
    expect(auyl('assess', '--settlements', EXAMPLE, '--out', path.join(tmp, 'r.fgb')).code).toBe(0);
    const fgb = await readFgb(new Uint8Array(fs.readFileSync(path.join(tmp, 'r.fgb'))));
    for (const [i, row] of csv.rows.entries()) {
      for (const props of [gj.features[i].properties, fgb.features[i].properties]) {
        expect(props.id).toBe(row.cells.id);
        expect(props.category).toBe(row.cells.category);
        expect(props.score_total).toBeCloseTo(Number(row.cells.score_total), 6);
      }
    }
    // An exported GeoJSON read back as a register works too.
    expect(auyl('assess', '--settlements', path.join(tmp, 'r.geojson'), '--out', path.join(tmp, 'r2.csv')).code).toBe(0);
  });

  it('writes a preset that, with one weight changed, changes scores as the arithmetic says', () => {
    const cfgPath = path.join(tmp, 'c.json');
    expect(auyl('config', '--preset', '2019', '--out', cfgPath).code).toBe(0);
    const cfg = JSON.parse(fs.readFileSync(cfgPath, 'utf8'));
    const school = cfg.indicators.find((i: { id: string }) => i.id === 'school');
    school.points = 10; // 5 → 10, and the block maximum 30 → 35 with it
    school.rule.steps[0].points = 10;
    cfg.blocks.find((b: { id: string }) => b.id === 'infrastructure').max_points = 35;
    fs.writeFileSync(cfgPath, JSON.stringify(cfg));
    expect(auyl('assess', '--settlements', EXAMPLE, '--config', cfgPath, '--out', path.join(tmp, 'w.csv')).code).toBe(0);
    const before = parseCsv(fs.readFileSync(path.join(tmp, 'r.csv'), 'utf8')).rows;
    const after = parseCsv(fs.readFileSync(path.join(tmp, 'w.csv'), 'utf8')).rows;
    let changed = 0;
    for (const [i, row] of before.entries()) {
      const hasSchool = row.cells.points_school === '5';
      if (hasSchool) changed++;
      expect(Number(after[i].cells.score_infrastructure) - Number(row.cells.score_infrastructure)).toBeCloseTo(hasSchool ? 5 : 0, 6);
    }
    expect(changed).toBeGreaterThan(10);
  });

  it('rejects bad input with exit code 2, one line per problem and no stack trace; --skip-invalid goes on', () => {
    const bad = path.join(tmp, 'bad.csv');
    fs.writeFileSync(bad, 'id,name_ru,lat,lon,population\nx1,A,50,70,100\nx2,B,abc,70,100\nx3,C,50,70,-5\n');
    const r = auyl('assess', '--settlements', bad, '--out', path.join(tmp, 'bad-out.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('line 3, column "lat", value "abc": not a number');
    expect(r.err).toContain('line 4, column "population", value "-5"');
    expect(r.err).not.toMatch(/\bat .*\.ts:\d+/);
    expect(fs.existsSync(path.join(tmp, 'bad-out.csv'))).toBe(false);
    const skip = auyl('assess', '--settlements', bad, '--skip-invalid', '--out', path.join(tmp, 'skip.csv'));
    expect(skip.code).toBe(0);
    expect(skip.err).toContain('line 3, column "lat"');
    // --skip-invalid: the impossible population of x3 is read as no data (listed), x2 without a location skipped
    expect(skip.err).toContain('warning: line 4, column "population", value "-5": cannot be negative; read as no data');
    expect(parseCsv(fs.readFileSync(path.join(tmp, 'skip.csv'), 'utf8')).rows.map((x) => [x.cells.id, x.cells.population])).toEqual([['x1', '100'], ['x3', '']]);
    // --strict-cells: such a row is skipped instead
    const strict = auyl('assess', '--settlements', bad, '--skip-invalid', '--strict-cells', '--out', path.join(tmp, 'strict.csv'));
    expect(strict.code).toBe(0);
    expect(parseCsv(fs.readFileSync(path.join(tmp, 'strict.csv'), 'utf8')).rows.map((x) => x.cells.id)).toEqual(['x1']);
    expect(auyl('assess', '--help').out).toContain('Default (strict)');
    const badCfg = path.join(tmp, 'bad.json');
    fs.writeFileSync(badCfg, JSON.stringify({ id: 'x' }));
    const c = auyl('assess', '--settlements', EXAMPLE, '--config', badCfg, '--out', path.join(tmp, 'z.csv'));
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/bad\.json: title: /);
  });

  it('--lang gives the problems in Russian or Kazakh; --fix-swapped swaps back; --excel writes BOM, semicolons, decimal comma', () => {
    const bad = path.join(tmp, 'swapped.csv');
    fs.writeFileSync(bad, 'id,name_ru,lat,lon,population\nx1,Астана,51.17,71.43,100\nx2,Перепутано,71.43,51.17,100\nx3,Плохо,abc,70,100\n');
    const ru = auyl('assess', '--settlements', bad, '--lang', 'ru', '--out', path.join(tmp, 'ru.csv'));
    expect(ru.code).toBe(2);
    expect(ru.err).toContain('строка 3, столбец "lat", значение "71.43 / 51.17": lat и lon, похоже, перепутаны');
    expect(ru.err).toContain('строка 4, столбец "lat", значение "abc": не число');
    const kk = auyl('assess', '--settlements', bad, '--lang', 'kk', '--out', path.join(tmp, 'kk.csv'));
    expect(kk.err).toContain('жол 4, баған "lat", мән "abc": сан емес');
    const fixed = auyl('assess', '--settlements', bad, '--fix-swapped', '--skip-invalid', '--excel', '--out', path.join(tmp, 'fixed.csv'));
    expect(fixed.code, fixed.err).toBe(0);
    expect(fixed.err).toContain('warning: line 3, column "lat", value "71.43 / 51.17": lat and lon were swapped; swapped back');
    const bytes = fs.readFileSync(path.join(tmp, 'fixed.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0].startsWith('\uFEFFid;name_kk;name_ru;name_en;lat;lon')).toBe(true);
    expect(text).toContain('x2;;Перепутано;;51,17;71,43;');
    expect(parseCsv(text).rows.map((r) => r.cells.id)).toEqual(['x1', 'x2']);
    expect(auyl('assess', '--settlements', bad, '--lang', 'de', '--out', path.join(tmp, 'de.csv')).err).toContain('--lang must be one of en, ru, kk');
  });

  it('a damaged FlatGeobuf or an unsupported file is refused with one clear line, no stack trace', () => {
    const cut = path.join(tmp, 'cut.fgb');
    fs.writeFileSync(cut, fs.readFileSync(path.join(tmp, 'r.fgb')).subarray(0, 30));
    const r = auyl('assess', '--settlements', cut, '--out', path.join(tmp, 'cut.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cut\.fgb: damaged FlatGeobuf file|cut\.fgb: .*ends early/);
    expect(r.err).not.toMatch(/\bat .*\.(ts|js):\d+/);
    const doc = path.join(tmp, 'x.docx');
    fs.writeFileSync(doc, 'x');
    const u = auyl('assess', '--settlements', doc, '--out', path.join(tmp, 'x.csv'));
    expect(u.code).toBe(2);
    expect(u.err).toContain('unsupported file type ".docx"');
  });

  itWithShared(['kz-adm2-2024.fgb'], 'lists the districts on the China and Russia borders (reference ADM2 boundaries)', () => {
    const out = path.join(tmp, 'd.csv');
    const r = auyl('districts', '--districts', sharedFile('kz-adm2-2024.fgb'), '--id-field', 'KATO', '--name-field', 'ADM2_EN', '--out', out);
    expect(r.code, r.err).toBe(0);
    const t = parseCsv(fs.readFileSync(out, 'utf8'));
    expect(t.columns).toEqual(['district_id', 'name', 'borders_china', 'borders_russia', 'km_to_china', 'km_to_russia']);
    const china = t.rows.filter((x) => x.cells.borders_china === 'yes').map((x) => x.cells.name);
    expect(china).toEqual(expect.arrayContaining(['Katonkaragay', 'Kurshum', 'Zaysan', 'Tarbagatay', 'Maqanshy', 'Alakol', 'Panfilov']));
    expect(t.rows.find((x) => x.cells.name === 'Katonkaragay')!.cells.borders_russia).toBe('yes');
    expect(t.rows.every((x) => /^\d+\.\d$/.test(x.cells.km_to_china))).toBe(true);
  });

  itWithShared(['kz-adm2-2024.fgb'], 'assesses with a district layer: border-district status per settlement', () => {
    const out = path.join(tmp, 'dist.csv');
    const r = auyl('assess', '--settlements', EXAMPLE, '--districts', sharedFile('kz-adm2-2024.fgb'), '--id-field', 'KATO', '--name-field', 'ADM2_EN', '--out', out);
    expect(r.code, r.err).toBe(0);
    const rows = parseCsv(fs.readFileSync(out, 'utf8')).rows;
    expect(rows.filter((x) => x.cells.district_name !== '').length).toBeGreaterThan(rows.length * 0.95);
    const statuses = new Set(rows.map((x) => x.cells.border_status));
    expect(statuses.has('russia_district')).toBe(true);
    expect(statuses.has('china_district')).toBe(true);
    expect(statuses.has('border_zone')).toBe(false);
  });
});
