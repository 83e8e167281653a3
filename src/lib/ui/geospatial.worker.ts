// Web Worker: the one place that computes. It keeps the indexes, the register and the three cached stages of
// the model (geography → assessment → view) between requests; the UI sends settings and gets back typed arrays.
import { loadModel } from './worker/load.ts';
import type { AtlasModel } from './worker/model.ts';
import type { WorkerReply, WorkerRequest } from './worker/protocol.ts';
// The illustrative register: real places, synthetic indicator values (the UI says so wherever it shows them).
import illustrativeCsv from '../../../data/example-register-illustrative.csv?raw';

let model: AtlasModel | null = null;
const scope = self as unknown as Worker;
const post = (m: WorkerReply, transfer: Transferable[] = []) => scope.postMessage(m, transfer);

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  try {
    if (msg.type === 'init') {
      model = await loadModel(new Uint8Array(msg.settlements), new Uint8Array(msg.borders), illustrativeCsv, msg.synthetic);
      const m = model;
      const synthetic = m.synthetic
        ? { ids: m.map.settlements.map((s) => s.id), lon: m.map.lon.slice(), lat: m.map.lat.slice(), population: m.map.population.slice() }
        : null;
      post({ type: 'ready', ids: m.map.settlements.map((s) => s.id), registerRows: m.register.size, hasDistricts: false, synthetic, defaults: m.defaults() },
        synthetic ? [synthetic.lon.buffer, synthetic.lat.buffer, synthetic.population.buffer] : []);
    } else if (!model) throw new Error('worker not initialised');
    else if (msg.type === 'compute') {
      const started = performance.now();
      const r = model.compute(msg.settings, msg.view);
      post({ type: 'result', seq: msg.seq, ms: performance.now() - started, ...r }, [r.codes.buffer, r.support.buffer]);
    } else if (msg.type === 'detail') {
      post({ type: 'detail', seq: msg.seq, record: model.detail(msg.row) });
    }
  } catch (e) {
    post({ type: 'error', message: (e as Error).message });
  }
};
