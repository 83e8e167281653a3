// Web Worker: the one place that computes. It keeps the indexes, the register and the three cached stages of
// the model (geography → assessment → view) between requests; the UI sends settings and gets back typed arrays.
import { loadModel } from './worker/load.ts';
import type { AtlasModel } from './worker/model.ts';
import type { WorkerReply, WorkerRequest } from './worker/protocol.ts';
import { handleImport, setEmbedded, importState } from './worker/import-host.ts';
// The illustrative register: real places, synthetic indicator values (the UI says so wherever it shows them).
import illustrativeCsv from '../../../data/example-register-illustrative.csv?raw';

let model: AtlasModel | null = null;
const scope = self as unknown as Worker;
const post = (m: WorkerReply, transfer: Transferable[] = []) => scope.postMessage(m, transfer);

function ready(m: AtlasModel) {
  const rows = importState.imported;
  const drawn = m.synthetic || rows;
  const synthetic = drawn
    ? { ids: m.map.settlements.map((s) => s.id), lon: m.map.lon.slice(), lat: m.map.lat.slice(), population: m.map.population.slice() }
    : null;
  const { adm1, adm2 } = importState.boundaries;
  post({ type: 'ready', ids: m.map.settlements.map((s) => s.id), registerRows: m.register.size, hasDistricts: Boolean(adm1 || adm2), synthetic, defaults: m.defaults(),
    imported: rows ? { kind: rows.kind, fileName: rows.fileName } : null },
    synthetic ? [synthetic.lon.buffer, synthetic.lat.buffer, synthetic.population.buffer] : []);
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  try {
    if (msg.type === 'init') {
      model = await loadModel(new Uint8Array(msg.settlements), new Uint8Array(msg.borders), illustrativeCsv, msg.synthetic);
      setEmbedded(model);
      ready(model);
    } else if (!model) throw new Error('worker not initialised');
    else if (msg.type === 'import' || msg.type === 'import-reset') {
      const next = await handleImport(msg, post);
      if (next) ready((model = next));
    }
    else if (msg.type === 'compute') {
      const started = performance.now();
      const r = model.compute(msg.settings, msg.view);
      post({ type: 'result', seq: msg.seq, ms: performance.now() - started, ...r }, [r.codes.buffer, r.support.buffer]);
    } else if (msg.type === 'detail') {
      const record = model.detail(msg.row);
      // imported registers carry real values (the embedded register's are synthetic)
      if (importState.imported) record.synthetic = false;
      post({ type: 'detail', seq: msg.seq, record });
    }
  } catch (e) {
    post({ type: 'error', message: (e as Error).message });
  }
};
