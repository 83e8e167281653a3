// A boundary layer's credit read from its fields (io/mapping.ts boundaryCredit): the credit fields first, then the
// licence, distinct values once, geoBoundaries by its metadata, plain text only; none when the file names no source.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boundaryCredit, MAX_CREDIT } from '../../src/lib/io/mapping.ts';
import { readInput, type BoundaryImport } from '../../src/lib/io/read.ts';
import { preset } from '../../src/lib/engine/config/presets.ts';
import { itWithShared, sharedFile } from '../support/shared-data.ts';

const rows = (fields: string[], values: unknown[][]) => ({ fields, props: values.map((v) => Object.fromEntries(fields.map((f, i) => [f, v[i]]))) });

describe('boundary layer credit from the file', () => {
  it('reads source then licence (any case), each distinct value once', () => {
    const { fields, props } = rows(['ADM2_EN', 'License', 'Source'], [['Zaysan', 'CC BY 4.0', 'geokz, A. Rodionov'], ['Tarbagatay', 'CC BY 4.0', 'geokz, A. Rodionov']]);
    expect(boundaryCredit(fields, props)).toEqual({ text: 'geokz, A. Rodionov, CC BY 4.0', fields: ['Source', 'License'] });
  });

  it('quotes several sources of a layer assembled from them (at most three per field), skipping empty cells', () => {
    const { fields, props } = rows(['name', 'attribution'], [['a', 'OCHA COD-AB'], ['b', ''], ['c', null], ['d', 'OSM contributors'], ['e', 'OCHA COD-AB'], ['f', 'x'], ['g', 'y']]);
    expect(boundaryCredit(fields, props)!.text).toBe('OCHA COD-AB, OSM contributors, x');
  });

  it('names geoBoundaries by its metadata when no credit field is there', () => {
    const { fields, props } = rows(['shapeName', 'shapeISO', 'shapeID', 'shapeGroup', 'shapeType'], [['Abay', '', 'KAZ-ADM2-1', 'KAZ', 'ADM2']]);
    expect(boundaryCredit(fields, props)).toEqual({ text: 'geoBoundaries (KAZ ADM2)', fields: ['shapeGroup', 'shapeType'] });
  });

  it('keeps text only: control characters and runs of spaces collapse; a long credit is cut with an ellipsis', () => {
    const { fields, props } = rows(['credit'], [['<b>Atlas</b>\u0000\n  team']]);
    // markup stays as characters (the UI renders text, never HTML); the NUL and the line break become one space
    expect(boundaryCredit(fields, props)!.text).toBe('<b>Atlas</b> team');
    const long = boundaryCredit(['source'], [{ source: 'x'.repeat(500) }])!.text;
    expect(long.length).toBe(MAX_CREDIT);
    expect(long.endsWith('…')).toBe(true);
  });

  it('is null when the file names no source (the 2024 reference layers carry none: the user types it)', () => {
    const { fields, props } = rows(['KATO', 'ADM2_EN', 'ADM2_KK', 'ISO_3166_2', 'Year'], [['635400000', 'Katonkaragay', 'Катонқарағай', 'KZ-VOS', 2024]]);
    expect(boundaryCredit(fields, props)).toBeNull();
  });

  it('comes with a boundary layer read through the one reading entry', async () => {
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { ADM2_PCODE: 'KZ1', ADM2_EN: 'A', source: 'Test survey 2024' }, geometry: { type: 'Polygon', coordinates: [[[70, 50], [71, 50], [71, 51], [70, 50]]] } }],
    });
    const r = (await readInput(new TextEncoder().encode(geojson), 'districts.geojson', preset('2019'), { lang: 'en', outline: null })) as BoundaryImport;
    expect(r.kind).toBe('boundaries');
    expect(r.credit).toEqual({ text: 'Test survey 2024', fields: ['source'] });
  });

  itWithShared(['kz-adm2-2024.fgb'], 'the 2024 district layer (geokz) names no source in its fields', async () => {
    const r = (await readInput(new Uint8Array(fs.readFileSync(sharedFile('kz-adm2-2024.fgb'))), 'kz-adm2-2024.fgb', preset('2019'), { lang: 'en', outline: null })) as BoundaryImport;
    expect(r.kind).toBe('boundaries');
    expect(r.credit).toBeNull();
  });
});
