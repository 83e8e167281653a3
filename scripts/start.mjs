// `npm start`: builds the app if the build is missing or older than its sources, then serves it and prints the URL.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const sourcesTime = Math.max(newestMtime(path.join(root, 'src')), newestMtime(path.join(root, 'public')), fs.statSync(path.join(root, 'index.html')).mtimeMs);
if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < sourcesTime) {
  console.log('Building Auyl Atlas…');
  await build({ root, logLevel: 'warn' });
}
const port = Number(process.env.PORT ?? 4173);
const server = await preview({ root, preview: { port, strictPort: false, host: process.env.HOST ?? 'localhost' }, logLevel: 'warn' });
const url = server.resolvedUrls?.local[0] ?? `http://localhost:${port}/`;
console.log(`Auyl Atlas is running at ${url}  (Ctrl+C to stop)`);
