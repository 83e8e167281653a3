// Issue 22 "done when": the titled workbook (title row, merged «Облыс», formula column) read by the app's worker
// (handleImport, the Kazakh UI) and by `auyl assess` (main() in-process) gives the same rows and the same problems,
// with and without fill-down; the header row is named (row 2 of «Тізім», found automatically).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { formatProblem, problemMessage, type Problem } from '../../src/lib/io/problems.ts';
import { loadModel } from '../../src/lib/worker/load.ts';
import { handleImport, setEmbedded } from '../../src/lib/worker/import-host.ts';
import type { ImportOptions, ImportReply, ImportSummary } from '../../src/lib/worker/import-protocol.ts';
import { FORMULA_NO_VALUE_ROWS, PLACES, SHEET, titledWorkbook } from '../support/titled-workbook.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'auyl-workbook-'));

beforeAll(async () => {
  vi.stubGlobal('self', { location: { origin: 'http://localhost' } });
  vi.stubGlobal('fetch', async (url: URL) => new Response(new Uint8Array(fs.readFileSync(path.join('public', String(url.pathname))))));
  const model = await loadModel(new Uint8Array(fs.readFileSync('public/data/settlements.fgb')), new Uint8Array(fs.readFileSync('public/data/borders.fgb')), fs.readFileSync('data/example-register-illustrative.csv', 'utf8'));
  setEmbedded(model);
});
afterAll(() => vi.unstubAllGlobals());

/** The app: the worker's import as the import panel sends it (kind register, Kazakh UI). */
async function appRead(bytes: Uint8Array, options: Partial<ImportOptions>) {
  const replies: ImportReply[] = [];
  const m = await handleImport({ type: 'import', job: 1, bytes: bytes.slice().buffer, fileName: 'tizim.xlsx', options: { lang: 'kk', kind: 'register', ...options } }, (r) => replies.push(r));
  const done = replies.find((r) => r.type === 'import-done');
  if (!m || done?.type !== 'import-done') throw new Error(JSON.stringify(replies.at(-1)));
  return { summary: done.summary as ImportSummary, ids: m.register.ids.slice(0, m.register.size) };
}

async function cliRead(bytes: Uint8Array, extra: string[] = []) {
  const input = path.join(tmp, 'tizim.xlsx');
  fs.writeFileSync(input, bytes);
  const out = path.join(tmp, `out-${extra.join('')}.geojson`);
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  let code: number;
  try {
    code = await main(['assess', '--settlements', input, '--out', out, ...extra]);
  } finally {
    spy.mockRestore();
  }
  const fc = (code === 0 ? JSON.parse(fs.readFileSync(out, 'utf8')) : { features: [] }) as { features: { properties: Record<string, unknown> }[] };
  return { code, lines, input, features: fc.features.map((f) => f.properties) };
}

const rcc = (p: Problem) => [p.row, p.column, p.code];

describe('a titled workbook with merged region cells and formulas: app and CLI alike', () => {
  const bytes = titledWorkbook();

  const ids = PLACES.map((p) => p.id);
  // the 2019 preset's indicator columns the sheet lacks (it has population and employment_rate_pct), each said once
  // on the header row (sheet row 2), after the reader's notices
  const ABSENT = ['share_young_pct', 'net_migration_per_1000', 'population_growth_pct', 'has_central_water', 'has_paved_road', 'has_school', 'has_kindergarten', 'has_medical_facility', 'has_internet', 'employment_growth_pct', 'livestock_units_per_household', 'arable_ha_per_capita', 'km_to_railway'].map((c) => [2, c, 'column_absent']);
  /** What both print, from the app's problems: "warning: row N, column …" as the CLI writes them. */
  const printed = (cli: { lines: string[]; input: string }) => cli.lines.filter((l) => l.startsWith(`${cli.input}: warning: `) || / (row|line) \d+/.test(l)).map((l) => l.slice(cli.input.length + 2)).filter((l) => l.startsWith('warning: ') || l.startsWith('row '));
  const asPrinted = (s: ImportSummary) => s.problems.map((p) => `${p.severity === 'warning' ? 'warning: ' : ''}${formatProblem(p, s.unit, 'en')}`);

  for (const fillDown of [false, true]) {
    it(`${fillDown ? 'with' : 'without'} fill-down: the same rows, the same problems; the header row named`, async () => {
      const app = await appRead(bytes, fillDown ? { fillDown: true } : {});
      const cli = await cliRead(bytes, fillDown ? ['--fill-down'] : []);
      expect(cli.code, cli.lines.join('\n')).toBe(0);
      // all eight settlements, none rejected: the title row skipped, the empty first sheet passed over
      expect(app.ids).toEqual(ids);
      expect(cli.features.map((f) => f.id)).toEqual(ids);
      expect(app.summary.counts).toMatchObject({ read: 8, onMap: 8, rejected: 0 });
      expect(app.summary.workbook).toEqual({ sheets: ['Бос', SHEET], sheet: SHEET, headerRow: 2, headerFound: 'detected', merged: 2, hiddenRows: 0 });
      // the problems, in order: sheet chosen, header found on row 2, the merged «Облыс» (filled or not), the two
      // formulas without a cached value (sheet rows 5 and 9)
      expect(app.summary.problems.map(rcc)).toEqual([
        [0, '', 'sheet_chosen'], [2, '', 'header_row_found'], [3, 'Облыс', fillDown ? 'merged_filled' : 'merged_cells'],
        ...FORMULA_NO_VALUE_ROWS.map((r) => [r, 'employment_rate_pct', 'formula_no_value']),
        ...ABSENT,
      ]);
      expect(printed(cli)).toEqual(asPrinted(app.summary));
      // the Kazakh UI lists each formula with its row and column, in Kazakh
      const formula = app.summary.problems.find((p) => p.code === 'formula_no_value')!;
      expect(problemMessage(formula, 'kk')).toBe('сақталған мәні жоқ формула (=F5/100): «дерек жоқ» деп оқылды (файлды Excel-де ашып сақтаңыз немесе мәнді енгізіңіз)');
      // «Облыс»: only the first row of each merged range has it, unless filled down
      const regions = cli.features.map((f) => f.oblast ?? null);
      const K = 'Қарағанды облысы', U = 'Ұлытау облысы';
      expect(regions).toEqual(fillDown ? [K, K, K, K, K, U, U, U] : [K, null, null, null, null, U, null, null]);
      // a formula with a cached value scores its points; without one the cell is no data (no points, not zero)
      expect(cli.features.map((f) => f.points_employment_rate !== null)).toEqual([true, true, false, true, true, true, false, true]);
    }, 60_000);
  }

  it('a header row and sheet given (as the panel sends them): no detection notice, the same as --header-row / --sheet', async () => {
    const app = await appRead(bytes, { sheet: SHEET, headerRow: 2 });
    const cli = await cliRead(bytes, ['--sheet', SHEET, '--header-row', '2']);
    expect(cli.code, cli.lines.join('\n')).toBe(0);
    expect(app.summary.workbook).toMatchObject({ sheet: SHEET, headerRow: 2, headerFound: 'given' });
    expect(app.ids).toEqual(ids);
    expect(app.summary.problems.map(rcc)).toEqual([[3, 'Облыс', 'merged_cells'], [5, 'employment_rate_pct', 'formula_no_value'], [9, 'employment_rate_pct', 'formula_no_value'], ...ABSENT]);
    expect(printed(cli)).toEqual(asPrinted(app.summary));
  }, 60_000);
});
