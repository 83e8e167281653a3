// Synthetic register files for benchmarks: the illustrative register's attribute rows with new ids, placed like the
// engine benchmark's settlements (around the real places, up to ±1.2° lat and ±1.8° lon, clustered as people
// are) and kept inside Kazakhstan's outline, written as a user's CSV would look (UTF-8 or Windows-1251).
import fs from 'node:fs';
import { mulberry32 } from '../data/seeded-random.ts';
import { readFgbFeatures } from '../src/lib/io/fgb.ts';
import { Outline } from '../src/lib/io/outline.ts';

const file = (p: string) => new Uint8Array(fs.readFileSync(new URL(p, import.meta.url)));

export function syntheticRegisterCsv(n: number, seed = 1): string {
  const lines = new TextDecoder().decode(file('../data/example-register-illustrative.csv')).trim().split('\n');
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  const latAt = header.indexOf('lat');
  const lonAt = header.indexOf('lon');
  const places = readFgbFeatures(file('../public/data/settlements.fgb')).features.map((f) => (f!.geometry as { coordinates: number[] }).coordinates);
  const outline = new Outline(readFgbFeatures(file('../public/data/kazakhstan.fgb')).features.filter((f) => f !== null));
  const r = mulberry32(seed);
  const out: string[] = [header.join(',')];
  for (let i = 0; i < n; i++) {
    const cells = rows[i % rows.length].slice();
    cells[0] = `s${i}`;
    let lat: number;
    let lon: number;
    do {
      const [plon, plat] = places[Math.floor(r() * places.length)];
      lat = plat + (r() - 0.5) * 2.4;
      lon = plon + (r() - 0.5) * 3.6;
    } while (outline.kmOutside(lon, lat) > 0);
    cells[latAt] = lat.toFixed(5);
    cells[lonAt] = lon.toFixed(5);
    out.push(cells.join(','));
  }
  return out.join('\n') + '\n';
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const [n, out] = process.argv.slice(2);
  fs.writeFileSync(out, syntheticRegisterCsv(Number(n)));
}
