// The audit in the worker's model, on the hand-made register test/fixtures/audit-register.csv (see
// test/cli/audit.test.ts for why each settlement is what it is): colour codes, table columns, the panel's lines,
// the audit tab's counts and list, the scenario against the baseline, and the report export.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel, loaded } from '../../src/lib/worker/load.ts';
import { AtlasModel } from '../../src/lib/worker/model.ts';
import { classesFor } from '../../src/lib/map/classes.ts';
import { RegisterColumns } from '../../src/lib/engine/columns.ts';
import { readRegister } from '../../src/lib/io/formats.ts';
import { preset } from '../../src/lib/engine/config/presets.ts';
import { AUDIT_CLASSES } from '../../src/lib/engine/audit.ts';
import { NO_FILTER } from '../../src/lib/engine/explore/filter.ts';
import { buildExport } from '../../src/lib/worker/export.ts';
import { parseCsv } from '../../src/lib/io/csv.ts';
import type { ExportRequest, ViewSettings } from '../../src/lib/worker/protocol.ts';

let model: AtlasModel;
const view: ViewSettings = { mode: 'audit', classing: { method: 'quantile', count: 5, custom: [] } };

beforeAll(async () => {
  const embedded = await loadModel(new Uint8Array(fs.readFileSync('public/data/settlements.fgb')), new Uint8Array(fs.readFileSync('public/data/borders.fgb')), fs.readFileSync('data/example-register-illustrative.csv', 'utf8'));
  expect(embedded.hasOfficial()).toBe(false);
  const read = await readRegister(new Uint8Array(fs.readFileSync('test/fixtures/audit-register.csv')), 'audit-register.csv', preset('2019'));
  const reg = new RegisterColumns(read.settlements);
  // as an imported register: its rows are the map rows
  model = new AtlasModel(reg, reg, Int32Array.from({ length: reg.size }, (_, i) => i), loaded.inputs!, new Array(reg.size).fill(null), false, preset('2019'), loaded.names);
});

const rowOf = (id: string) => model.map.settlements.findIndex((s) => s.id === id);

describe('audit in the worker model', () => {
  it('colours each row by its audit class and fills the table columns', () => {
    expect(model.hasOfficial()).toBe(true);
    const r = model.compute(model.defaults(), view);
    const keys = classesFor('audit').map((c) => c.key);
    expect(keys.slice(0, AUDIT_CLASSES.length)).toEqual([...AUDIT_CLASSES]);
    expect(Object.fromEntries(keys.map((k, i) => [k, r.counts[i]]))).toEqual({ agreement: 1, upgrade: 3, downgrade: 1, changed: 1, no_status: 1, not_in_register: 0 });
    expect(keys[r.codes[rowOf('C1')]]).toBe('downgrade');
    expect(keys[r.codes[rowOf('G1')]]).toBe('changed');
    // a hidden class leaves the table
    const hidden = model.compute(model.defaults(), view, NO_FILTER, { key: 'audit', desc: false }, ['upgrade']);
    expect(hidden.explore.count).toBe(4);
    expect(hidden.filteredCounts).toEqual([1, 3, 1, 1, 1, 0]);
    // sorted by audit class: agreement first, no status last
    expect(model.map.settlements[hidden.explore.order[0]].id).toBe('S1');
    expect(model.map.settlements[hidden.explore.order[3]].id).toBe('E1');
    const table = r.table!;
    expect(table.official[rowOf('E1')]).toBe(255);
    expect(AUDIT_CLASSES[table.audit[rowOf('A1')]]).toBe('upgrade');
  });

  it('gives the panel the approved status and an approved satellite\'s checks', () => {
    model.compute(model.defaults(), view);
    const d1 = model.detail(rowOf('D1')).audit!;
    expect(d1).toMatchObject({ official: 'satellite', year: 2023, cls: 'upgrade', supportId: 'S1', flags: ['support_too_far'], radiusKm: 15 });
    expect(d1.km!).toBeCloseTo(40, 0);
    expect(d1.support).toMatchObject({ id: 'S1', row: rowOf('S1'), district: 'Целиноградский' });
    const b1 = model.detail(rowOf('B1')).audit!;
    expect(b1.flags).toEqual(['support_too_far', 'support_other_district']);
    // a register with approved statuses: a row without one says so
    expect(model.detail(rowOf('E1')).audit).toMatchObject({ official: null, cls: 'no_status', flags: [] });
    expect(model.detail(rowOf('S1')).audit).toMatchObject({ official: 'support', cls: 'agreement', flags: [] });
  });

  it('counts per district, lists the disagreements with their reasons, and compares a scenario with the baseline', () => {
    model.compute(model.defaults(), view);
    const a = model.audit();
    expect(a.total.byClass).toEqual([1, 3, 1, 1, 1]);
    expect(a.total.flagged).toBe(2);
    // Астраханский has only E1, without a status: not listed
    expect(a.units.map((u) => u.district)).toEqual(['Аршалынский', 'Ерейментауский', 'Целиноградский']);
    expect(a.units.find((u) => u.district === 'Целиноградский')).toMatchObject({ settlements: 3, byClass: [1, 2, 0, 0, 0], flagged: 1 });
    expect(a.list.map((x) => x.id)).toEqual(['A1', 'D1', 'B1', 'C1', 'G1']);
    const c1 = a.list.find((x) => x.id === 'C1')!;
    expect(c1).toMatchObject({ official: 'other', computed: 'support', audit: 'downgrade' });
    expect(c1.rule.code).toBe('support.rural_district_centre');
    expect(model.audit('KZ-AKM|Аршалынский').list.map((x) => x.id)).toEqual(['C1', 'G1']);
    expect(a.scenario).toBe(false);
    expect(a.changeCounts).toEqual({ resolved: 0, created: 0, shifted: 0 });
    // a 45 km satellite radius makes D1 (40 km from S1) a satellite: its approved status is then right
    model.compute({ ...model.defaults(), satelliteRadiusKm: 45 }, view);
    const s = model.audit();
    expect(s.scenario).toBe(true);
    expect(s.resolved.map((x) => [x.id, x.baseline, x.scenario])).toEqual([['D1', 'upgrade', 'agreement']]);
    expect(s.changeCounts.resolved).toBe(1);
  });

  it('exports the CLI\'s audit files with the scenario parameters', () => {
    const req: ExportRequest = {
      kind: 'audit-csv', settings: model.defaults(), view, filter: NO_FILTER, sort: { key: 'population', desc: true }, hidden: [],
      csv: { delimiter: ',', decimalComma: false }, context: { date: '2026-11-25T10:00:00.000Z', lang: 'en', dataSource: 'test' },
    };
    const files = buildExport(model, req);
    expect(files.map((f) => f.name)).toEqual(['auyl-2026-11-25-audit.csv', 'auyl-2026-11-25-audit.districts.csv', 'auyl-2026-11-25-audit.params.json', 'auyl-2026-11-25-parameters.json']);
    const rows = parseCsv(new TextDecoder().decode(files[0].bytes)).rows;
    expect(rows.filter((r) => r.cells.audit === 'upgrade').length).toBe(3);
    const all = parseCsv(new TextDecoder().decode(files[1].bytes)).rows.find((r) => r.cells.district === '(all)')!.cells;
    expect(all).toMatchObject({ settlements: '7', agreement: '1', upgrade: '3', downgrade: '1', changed: '1', no_status: '1', flagged_satellites: '2' });
    expect(JSON.parse(new TextDecoder().decode(files[3].bytes)).settings.satellite_radius_km).toBe(15);
  });
});
