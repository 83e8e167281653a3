// The seeded corpus through the io layer, in a worker with a 20-second watchdog per case: never an uncaught
// exception, every problem with a row and a column, rows in = rows accepted + rows reported.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CaseResult } from './corpus-run.ts';

const WATCHDOG_MS = 20_000;

function runCorpus(seed: number, mutations: number): Promise<{ results: CaseResult[]; hung: string | null }> {
  return new Promise((resolve, reject) => {
    const worker = fork(fileURLToPath(new URL('./corpus-worker.ts', import.meta.url)), [String(seed), String(mutations)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const results: CaseResult[] = [];
    let current = '(loading)';
    let timer = setTimeout(() => hang(), WATCHDOG_MS * 3); // loading the corpus itself
    const hang = () => {
      worker.kill('SIGKILL');
      resolve({ results, hung: current });
    };
    worker.on('message', (msg) => {
      const m = msg as { type: string; name: string; result: CaseResult };
      if (m.type === 'start') {
        current = m.name;
        clearTimeout(timer);
        timer = setTimeout(hang, WATCHDOG_MS);
      } else if (m.type === 'result') results.push(m.result);
      else if (m.type === 'done') {
        clearTimeout(timer);
        worker.kill('SIGKILL');
        resolve({ results, hung: null });
      }
    });
    worker.on('exit', (code) => {
      clearTimeout(timer);
      if (code) reject(new Error(`corpus process exited with ${code} during "${current}"`));
    });
    worker.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

describe('io corpus', () => {
  it('every case: no hang, no uncaught exception, problems with row and column, rows in = accepted + reported', async () => {
    const { results, hung } = await runCorpus(12, 1000);
    expect(hung, `case "${hung}" ran over ${WATCHDOG_MS / 1000} s`).toBeNull();
    expect(results.length).toBeGreaterThan(5000);
    const failed = results.filter((r) => r.failures.length);
    expect(failed.slice(0, 5).map((r) => `${r.name}: ${r.failures.join('; ')}`)).toEqual([]);
    // The good files are read whole.
    for (const r of results.filter((x) => x.name.startsWith('good') && !x.name.includes('1251'))) expect([r.name, r.accepted]).toEqual([r.name, r.rowsIn]);
    // Mutations exercise both paths: some files refused whole, most read with problems.
    expect(results.filter((r) => r.outcome === 'refused').length).toBeGreaterThan(10);
    const slowest = results.reduce((a, b) => (b.ms > a.ms ? b : a));
    expect(slowest.ms, slowest.name).toBeLessThan(WATCHDOG_MS);
  }, 180_000);
});
