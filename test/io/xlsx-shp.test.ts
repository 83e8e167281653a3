// .xlsx and zipped Shapefile registers: values, sheet rows, code pages, projections, and refusals (zip bombs,
// unknown projections, missing parts).
import { describe, expect, it } from 'vitest';
import { utils, write } from '@e965/xlsx';
import { zipSync } from 'fflate';
import { readRegister } from '../../src/lib/io/formats.ts';
import { encodeSingleByte } from '../../src/lib/io/text.ts';
import { preset } from '../../src/lib/engine/config/presets.ts';
import { pointShapefileZip } from './shapefile-writer.ts';

const cfg = preset('2019');
const WGS84 = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const UTM43 = 'PROJCS["WGS_1984_UTM_Zone_43N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",75.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

describe('xlsx', () => {
  it('reads the first sheet: numbers, text, booleans, errors as no data, sheet row numbers in problems', async () => {
    const ws = utils.aoa_to_sheet([
      [],
      ['id', 'name_kk', 'lat', 'lon', 'population', 'has_school', 'share_young_pct'],
      ['a', 'Ақсу', 52.04, 76.92, 1200, true, '12,5'],
      [],
      ['b', 'Қосшы', 51.1, 71.4, -3, 'иә', 20],
    ]);
    ws.G5 = { t: 'e', v: 42 }; // #N/A
    const wb = utils.book_new();
    utils.book_append_sheet(wb, ws, 'register');
    const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', compression: true }));
    const r = await readRegister(bytes, 'r.xlsx', cfg, { invalidCells: 'refuse-row' });
    expect(r.unit).toBe('row');
    expect(r.settlements.map((s) => [s.id, s.name_kk, s.lat, s.population, s.indicators.has_school, s.indicators.share_young_pct])).toEqual([['a', 'Ақсу', 52.04, 1200, 1, 12.5]]);
    // the indicator columns the sheet lacks, each said once on the header row (sheet row 2), then the refused row
    const absent = ['net_migration_per_1000', 'population_growth_pct', 'has_central_water', 'has_paved_road', 'has_kindergarten', 'has_medical_facility', 'has_internet', 'employment_rate_pct', 'employment_growth_pct', 'livestock_units_per_household', 'arable_ha_per_capita', 'km_to_railway'];
    expect(r.problems.map((p) => [p.row, p.column, p.code])).toEqual([...absent.map((c) => [2, c, 'column_absent']), [5, 'population', 'negative']]);
    expect(r.rowsIn).toBe(2);
  });

  it('refuses a damaged workbook and a zip bomb before expanding', async () => {
    await expect(readRegister(new TextEncoder().encode('not a zip'), 'r.xlsx', cfg)).rejects.toMatchObject({ problem: { code: 'zip_invalid' } });
    const bomb = zipSync({ 'xl/a.xml': new Uint8Array(50 * 2 ** 20) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    await expect(readRegister(bomb, 'r.xlsx', cfg)).rejects.toMatchObject({ problem: { code: 'zip_bomb' } });
  });
});

describe('zipped Shapefile', () => {
  const points = [
    { x: 76.92, y: 52.04, props: { id: 'a', name_kk: 'Ақсу', name_ru: 'Аксу' } },
    { x: 71.4, y: 51.1, props: { id: 'b', name_kk: 'Қосшы', name_ru: 'Косшы' } },
  ];
  it('WGS 84 with a UTF-8 .cpg', async () => {
    const r = await readRegister(pointShapefileZip(points, { encode: (s) => new TextEncoder().encode(s), cpg: 'UTF-8', prj: WGS84 }), 'r.zip', cfg);
    expect(r.settlements.map((s) => [s.id, s.name_kk, s.lat, s.lon])).toEqual([['a', 'Ақсу', 52.04, 76.92], ['b', 'Қосшы', 51.1, 71.4]]);
    expect(r.encoding).toBe('utf-8');
  });
  it('CP1251 from the .cpg, CP866 from the DBF language driver byte', async () => {
    const ru = points.map((p) => ({ ...p, props: { id: p.props.id, name_ru: p.props.name_ru } }));
    const a = await readRegister(pointShapefileZip(ru, { encode: (s) => encodeSingleByte(s, 'windows-1251'), cpg: '1251' }), 'r.zip', cfg);
    expect(a.settlements.map((s) => s.name_ru)).toEqual(['Аксу', 'Косшы']);
    expect(a.encoding).toBe('windows-1251');
    const b = await readRegister(pointShapefileZip(ru, { encode: (s) => encodeSingleByte(s, 'ibm866'), ldid: 0x65 }), 'r.zip', cfg);
    expect(b.settlements.map((s) => s.name_ru)).toEqual(['Аксу', 'Косшы']);
    expect(b.encoding).toBe('ibm866');
  });
  it('reprojects UTM 43N to WGS 84; refuses a projection it cannot read; needs .shp and .dbf', async () => {
    // Astana (71.4306 E, 51.1282 N) in UTM zone 43N: worked out with proj4 itself, then read back.
    const proj = (await import('proj4')).default(UTM43);
    const [x, y] = proj.forward([71.4306, 51.1282]);
    const r = await readRegister(pointShapefileZip([{ x, y, props: { id: 'astana', name_ru: 'Астана' } }], { encode: (s) => new TextEncoder().encode(s), cpg: 'UTF-8', prj: UTM43 }), 'r.zip', cfg);
    expect(r.settlements[0].lon).toBeCloseTo(71.4306, 6);
    expect(r.settlements[0].lat).toBeCloseTo(51.1282, 6);
    await expect(readRegister(pointShapefileZip(points, { encode: (s) => new TextEncoder().encode(s), prj: 'PROJCS["Unknown",NONSENSE]' }), 'r.zip', cfg)).rejects.toMatchObject({ problem: { code: 'crs_unsupported' } });
    await expect(readRegister(zipSync({ 'a.txt': new Uint8Array(3) }), 'r.zip', cfg)).rejects.toMatchObject({ problem: { code: 'shp_missing' } });
  });
});
