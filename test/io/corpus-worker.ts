// Child process: runs the corpus case by case, sending each result, so the parent's watchdog can stop a case that
// hangs (a synchronous loop cannot be interrupted from inside its own thread).
import { corpus } from './corpus.ts';
import { runCase } from './corpus-run.ts';

const [seed, mutations] = process.argv.slice(2).map(Number);
const post = (m: unknown) => new Promise<void>((ok) => process.send!(m, () => ok()));
const cases = corpus(seed, mutations);
await post({ type: 'count', count: cases.length });
for (let i = 0; i < cases.length; i++) {
  await post({ type: 'start', i, name: cases[i].name });
  await post({ type: 'result', i, result: await runCase(cases[i]) });
}
await post({ type: 'done' });
process.disconnect();
