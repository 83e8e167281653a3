// Synthetic register files for benchmarks and tests: the illustrative register's rows repeated with new ids and
// coordinates moved by up to ±0.005° (so they stay inside Kazakhstan), as a user's CSV would look.
import fs from 'node:fs';
import { mulberry32 } from '../data/seeded-random.ts';

export function syntheticRegisterCsv(n: number, seed = 1, delimiter = ',', decimalComma = false): string {
  const lines = fs.readFileSync(new URL('../data/example-register-illustrative.csv', import.meta.url), 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  const latAt = header.indexOf('lat');
  const lonAt = header.indexOf('lon');
  const r = mulberry32(seed);
  const out: string[] = [header.join(delimiter)];
  const dec = (s: string) => (decimalComma ? s.replace('.', ',') : s);
  for (let i = 0; i < n; i++) {
    const cells = rows[i % rows.length].slice();
    cells[0] = `s${i}`;
    cells[latAt] = (Number(cells[latAt]) + (r() - 0.5) * 0.01).toFixed(5);
    cells[lonAt] = (Number(cells[lonAt]) + (r() - 0.5) * 0.01).toFixed(5);
    out.push(cells.map(dec).join(delimiter));
  }
  return out.join('\n') + '\n';
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const [n, file] = process.argv.slice(2);
  fs.writeFileSync(file, syntheticRegisterCsv(Number(n)));
}
