// `auyl assess` peak memory on the largest inputs of the io corpus families (issue 22: at most 4 × the file size
// + 300 MB on any input). One JSON line per case: file size, peak RSS of the child process (/usr/bin/time -v when
// present, else the child's own process.resourceUsage().maxRSS at exit), the limit and whether it held, exit code and wall
// time. Generated, seeded files in a temporary directory. BENCH_CLI_MEMORY=0 skips it; BENCH_CLI_MEMORY_MB sets
// the size of the large files (default 50).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { mulberry32 } from '../data/seeded-random.ts';

const MB = 2 ** 20;
const target = Number(process.env.BENCH_CLI_MEMORY_MB ?? 50) * MB;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'auyl-cli-memory-'));
const line = (o: Record<string, unknown>) => console.log(JSON.stringify(o));
const hasTime = fs.existsSync('/usr/bin/time');
const r = mulberry32(22);

const HEADER = ['id', 'name_kk', 'name_ru', 'lat', 'lon', 'population', 'share_young_pct', 'has_school', 'km_to_railway'];
const row = (i: number) => [`kz${i}`, 'Ақсу', 'Аксу', (43 + r() * 9).toFixed(5), (52 + r() * 30).toFixed(5), Math.floor(r() * 5000), (r() * 60).toFixed(1), r() < 0.5 ? 1 : 0, (r() * 200).toFixed(2)];

/** Writes a file of about `target` bytes from `part(i)` pieces between `head` and `tail`. */
function writeSized(name: string, head: string, part: (i: number) => string, tail: string, sep = ''): string {
  const file = path.join(tmp, name);
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, head);
  let size = head.length;
  let chunk = '';
  for (let i = 0; size < target; i++) {
    const p = (i ? sep : '') + part(i);
    chunk += p;
    size += Buffer.byteLength(p);
    if (chunk.length > MB) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk + tail);
  fs.closeSync(fd);
  return file;
}

const feature = (i: number) => {
  const v = row(i);
  return JSON.stringify({ type: 'Feature', geometry: { type: 'Point', coordinates: [Number(v[4]), Number(v[3])] }, properties: Object.fromEntries(HEADER.map((h, c) => [h, v[c]]).filter(([h]) => h !== 'lat' && h !== 'lon')) });
};
const extra = Array.from({ length: 2000 }, (_, i) => `unknown_${i}`);
const cases: [string, () => string][] = [
  ['geojson one line', () => writeSized('one-line.geojson', '{"type":"FeatureCollection","features":[', feature, ']}', ',')],
  ['geojson pretty', () => writeSized('pretty.geojson', '{\n  "type": "FeatureCollection",\n  "features": [\n', (i) => '    ' + feature(i), '\n  ]\n}\n', ',\n')],
  ['csv register', () => writeSized('register.csv', HEADER.join(',') + '\n', (i) => row(i).join(',') + '\n', '')],
  ['csv 2,000 unknown columns', () => writeSized('unknown.csv', [...HEADER, ...extra].join(',') + '\n', (i) => row(i).join(',') + ','.repeat(extra.length) + '\n', '')],
  ['csv U+2028 lines, bad cells', () => writeSized('ls.csv', HEADER.join(',') + '\u2028', (i) => row(i).map((x, c) => (c === 6 && i % 7 === 0 ? 'abc' : x)).join(',') + '\u2028', '')],
];

if (process.env.BENCH_CLI_MEMORY !== '0') {
  for (const [name, make] of cases) {
    const file = make();
    const size = fs.statSync(file).size;
    const out = path.join(tmp, 'out.csv');
    const args = ['bin/auyl.mjs', 'assess', '--settlements', file, '--skip-invalid', '--out', out];
    const t0 = performance.now();
    // without /usr/bin/time, the child reports its own peak (process.resourceUsage().maxRSS, in kB) as it exits
    const run = hasTime
      ? spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 64 * MB })
      : spawnSync(process.execPath, ['--import', 'data:text/javascript,process.on("exit",()=>console.error("Maximum resident set size (kbytes): "+process.resourceUsage().maxRSS))', ...args], { encoding: 'utf8', maxBuffer: 64 * MB });
    const ms = Math.round(performance.now() - t0);
    const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr ?? '')?.[1] ?? NaN);
    const peakMb = Math.round(kb / 1024);
    const limitMb = Math.round((4 * size) / MB + 300);
    line({ bench: 'cli_memory', case: name, file_mb: Math.round((size / MB) * 10) / 10, peak_rss_mb: peakMb, limit_mb: limitMb, within: peakMb <= limitMb, exit: run.status, ms });
    fs.rmSync(file);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}
