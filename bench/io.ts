// io figures for `npm run bench`, one JSON line each: the corpus (slowest case and median), and `auyl assess` end
// to end as a user runs it (a child process: read, check, assess, write) on synthetic registers of N rows in UTF-8
// and Windows-1251 CSV and in .xlsx, with wall time and peak memory (max RSS) beside the engine alone on the same
// rows. Sizes by env: BENCH_IO_SIZES (default 100000,1000000), BENCH_IO_XLSX (default 100000; 0 = none),
// BENCH_CORPUS_MUTATIONS (default 1000), BENCH_IO_HEAP_MB (default 2048). BENCH_IO=0 skips all of it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { utils, write } from '@e965/xlsx';
import { syntheticRegisterCsv } from './register-file.ts';
import { corpus } from '../test/io/corpus.ts';
import { runCase } from '../test/io/corpus-run.ts';
import { encodeSingleByte } from '../src/lib/io/text.ts';
import { readRegister } from '../src/lib/io/formats.ts';
import { preset } from '../src/lib/engine/config/presets.ts';
import { assessTable } from '../src/lib/engine/assess.ts';
import { bordersFromFgb, placesFromFgb } from '../src/lib/io/embedded.ts';

const line = (o: Record<string, unknown>) => console.log(JSON.stringify(o));
const log = (...a: unknown[]) => console.error(...a);
const round = (x: number) => Math.round(x * 10) / 10;
const sizes = (process.env.BENCH_IO_SIZES ?? '100000,1000000').split(',').filter(Boolean).map(Number);
const xlsxN = Number(process.env.BENCH_IO_XLSX ?? 100000);
const mutations = Number(process.env.BENCH_CORPUS_MUTATIONS ?? 1000);
const heapMb = Number(process.env.BENCH_IO_HEAP_MB ?? 2048);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'auyl-bench-io-'));
const hasTime = fs.existsSync('/usr/bin/time');

if (process.env.BENCH_IO !== '0') {
  // Corpus: every case through readRegister, timed one by one.
  log(`io corpus (${mutations} mutations per format)…`);
  const cases = corpus(12, mutations);
  const ms: { name: string; ms: number }[] = [];
  for (const c of cases) ms.push({ name: c.name, ms: (await runCase(c)).ms });
  ms.sort((a, b) => a.ms - b.ms);
  line({ bench: 'io_corpus', cases: cases.length, median_ms: round(ms[Math.floor(ms.length / 2)].ms), slowest_ms: round(ms[ms.length - 1].ms), slowest_case: ms[ms.length - 1].name });

  const config = preset('2019');
  const inputs = {
    places: await placesFromFgb(new Uint8Array(fs.readFileSync('public/data/settlements.fgb'))),
    borders: await bordersFromFgb(new Uint8Array(fs.readFileSync('public/data/borders.fgb'))),
  };

  /** `auyl assess` in a child process with a heap limit: wall ms and max RSS (MB). */
  const cli = (file: string) => {
    const out = path.join(tmp, 'out.csv');
    const args = [`--max-old-space-size=${heapMb}`, 'bin/auyl.mjs', 'assess', '--settlements', file, '--out', out];
    const t0 = performance.now();
    const r = hasTime ? spawnSync('/usr/bin/time', ['-f', 'MAXRSS %M', process.execPath, ...args], { encoding: 'utf8' }) : spawnSync(process.execPath, args, { encoding: 'utf8' });
    const wall = performance.now() - t0;
    const rss = /MAXRSS (\d+)/.exec(r.stderr ?? '')?.[1];
    if (r.status !== 0) log(r.stderr.split('\n').slice(-5).join('\n'));
    return { ok: r.status === 0, ms: round(wall), max_rss_mb: rss ? Math.round(Number(rss) / 1024) : null };
  };

  /** The engine alone on the same rows (assessTable on the register columns as read), in this process. */
  const engineMs = async (bytes: Uint8Array, name: string) => {
    const read = await readRegister(bytes, name, config);
    const t0 = performance.now();
    assessTable(read.columns, config, inputs);
    return round(performance.now() - t0);
  };

  // The first run bundles the CLI (bin/auyl.mjs): done here, outside the timings.
  spawnSync(process.execPath, ['bin/auyl.mjs', '--help'], { encoding: 'utf8' });
  for (const n of sizes) {
    log(`io: auyl assess on ${n} rows…`);
    const text = syntheticRegisterCsv(n, n);
    const utf8 = path.join(tmp, `r${n}.csv`);
    fs.writeFileSync(utf8, text);
    const engine = await engineMs(new Uint8Array(fs.readFileSync(utf8)), utf8);
    line({ bench: 'io_assess_cli', format: 'csv', encoding: 'utf-8', n, ...cli(utf8), engine_ms: engine, heap_limit_mb: heapMb });
    fs.rmSync(utf8);
    const cp = path.join(tmp, `r${n}-1251.csv`);
    fs.writeFileSync(cp, encodeSingleByte(text.replace(/[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/g, (c) => 'АаГгКкНнОоУуУуХхИи'['ӘәҒғҚқҢңӨөҰұҮүҺһІі'.indexOf(c)]), 'windows-1251'));
    line({ bench: 'io_assess_cli', format: 'csv', encoding: 'windows-1251', n, ...cli(cp), engine_ms: engine, heap_limit_mb: heapMb });
    fs.rmSync(cp);
  }
  if (xlsxN > 0) {
    log(`io: auyl assess on a ${xlsxN}-row .xlsx…`);
    const rows = syntheticRegisterCsv(xlsxN, 7).trim().split('\n').map((l, i) => (i === 0 ? l.split(',') : l.split(',').map((c) => (c !== '' && !Number.isNaN(Number(c)) ? Number(c) : c))));
    const wb = utils.book_new();
    utils.book_append_sheet(wb, utils.aoa_to_sheet(rows), 'register');
    const file = path.join(tmp, `r${xlsxN}.xlsx`);
    fs.writeFileSync(file, new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', compression: true })));
    const engine = await engineMs(new Uint8Array(fs.readFileSync(file)), file);
    line({ bench: 'io_assess_cli', format: 'xlsx', n: xlsxN, bytes: fs.statSync(file).size, ...cli(file), engine_ms: engine, heap_limit_mb: heapMb });
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}
