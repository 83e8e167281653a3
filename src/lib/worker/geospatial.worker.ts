// Web Worker: the one place that computes. It keeps the indexes, the register and the three cached stages of
// the model (geography → assessment → view) between requests; the UI sends settings, filters and the table's
// sort and gets back typed arrays (class codes, filter mask, row order) and small summaries.
import { loadModel } from './load.ts';
import type { AtlasModel } from './model.ts';
import type { RowNames, WorkerReply, WorkerRequest } from './protocol.ts';
import { buildExport, buildXlsx } from './export.ts';
import { readRegister } from '../io/formats.ts';
import { RegisterColumns } from '../engine/columns.ts';
import { preset } from '../engine/config/presets.ts';
import { readFgb } from '../io/fgb.ts';
import { districtLayerFromFeatures } from '../io/embedded.ts';
import { handleImport, setEmbedded, importState, locatedOf } from './import-host.ts';
// The illustrative register: real places, synthetic indicator values (the UI says so wherever it shows them).
import { NetworkJobs } from './network.ts';
import { networkGeoJson } from './network-geojson.ts';
import { currentRuralSupportIds, currentRuralSupportRows, networkMapClasses, networkSourceOf, supportLines } from './network-source.ts';
import type { NetworkReply } from './network-protocol.ts';
import illustrativeCsv from '../../../data/example-register-illustrative.csv?raw';

let model: AtlasModel | null = null;
const scope = self as unknown as Worker;
const post = (m: WorkerReply, transfer: Transferable[] = []) => scope.postMessage(m, transfer);

function ready(m: AtlasModel) {
  const rows = importState.imported;
  // imported rows are drawn from these columns like a synthetic register's (but they are real data)
  const synthetic = m.synthetic || rows
    ? { lon: m.map.lon.slice(), lat: m.map.lat.slice(), population: m.map.population.slice() }
    : null;
  const names: RowNames = { kk: [], ru: [], en: [] };
  for (let i = 0; i < m.size; i++) {
    const r = m.rowNames(i);
    names.kk.push(r.kk);
    names.ru.push(r.ru);
    names.en.push(r.en);
  }
  post({ type: 'ready', ids: m.map.ids as string[], names, registerRows: m.register.size, hasDistricts: m.hasDistricts() || Boolean(importState.boundaries.adm2), hasOfficial: m.hasOfficial(), synthetic, defaults: m.defaults(),
    imported: rows ? { kind: rows.kind, fileName: rows.fileName } : null },
    synthetic ? [synthetic.lon.buffer, synthetic.lat.buffer, synthetic.population.buffer] : []);
}

// One message at a time: an import (or the init) awaits, and what comes next waits for it, in order.
let queue: Promise<void> = Promise.resolve();
const network = new NetworkJobs();
self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  // a cancel must not wait behind the solve it stops
  if (msg.type === 'network-cancel') void network.handle(msg, () => null, post);
  else queue = queue.then(() => handle(event));
};

async function handle(event: MessageEvent<WorkerRequest>) {
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
    else if (msg.type === 'network-solve') {
      // not awaited: the solve yields between slices, so computes, searches and a cancel keep being answered;
      // it reads the assessment in force now (a later compute replaces `assessed`, it does not mutate it)
      const m = model, source = networkSourceOf(m);
      const postNetwork = (reply: NetworkReply, transfer: Transferable[]) => {
        if (reply.type === 'network-result') {
          post({ type: 'network-lines', id: reply.id, lines: supportLines(reply.result, m.register.ids as string[], m.register.population, m.regIndex, m.register.texts) });
          const onMap = networkMapClasses(reply.result, currentRuralSupportRows(source!), m.regIndex);
          post({ type: 'network-map', id: reply.id, ...onMap }, [onMap.codes.buffer]);
        }
        post(reply, transfer);
      };
      const req = msg.keepCurrentSupports && source ? { ...msg, requiredIds: [...new Set([...currentRuralSupportIds(source), ...msg.requiredIds])] } : msg;
      void network.handle(req, () => source, postNetwork).catch((e: Error) => post({ type: 'error', message: e.message }));
    }
    else if (msg.type === 'compute') {
      const started = performance.now();
      const r = model.compute(msg.settings, msg.view, msg.filter, msg.sort, msg.hidden, msg.changedOnly);
      const { explore, filteredCounts, table, links, diff, ...rest } = r;
      const transfer: Transferable[] = [r.codes.buffer, r.support.buffer, explore.mask.buffer, explore.order.buffer];
      if (table) transfer.push(table.population.buffer, table.score.buffer, table.kmTown.buffer, table.kmChina.buffer, table.kmRussia.buffer, table.category.buffer, table.potential.buffer, table.official.buffer, table.audit.buffer, table.oblast.buffer, table.district.buffer);
      if (links) transfer.push(links.buffer);
      if (diff) transfer.push(diff.rows.buffer, diff.from.buffer, diff.to.buffer);
      post({ type: 'result', seq: msg.seq, ms: performance.now() - started, ...rest, explore: { ...explore, filteredCounts }, table, links, diff }, transfer);
    } else if (msg.type === 'border-review') {
      post({ type: 'border-review', seq: msg.seq, review: model.borderReview(msg.border) });
    } else if (msg.type === 'audit') {
      post({ type: 'audit', seq: msg.seq, audit: model.audit(msg.unit ?? null, msg.limit) });
    } else if (msg.type === 'load-districts') {
      const bytes = new Uint8Array(msg.bytes);
      const features = /\.fgb$/i.test(msg.fileName) ? (await readFgb(bytes)).features : JSON.parse(new TextDecoder().decode(bytes)).features;
      model = model.withDistricts(await districtLayerFromFeatures(features, msg.idField, msg.nameField));
      ready(model);
    } else if (msg.type === 'detail') {
      const record = model.detail(msg.row);
      // imported registers carry real values (the embedded register's are synthetic)
      if (importState.imported) record.synthetic = false;
      const where = locatedOf(msg.row);
      if (where.district || where.oblast) record.located = where;
      post({ type: 'detail', seq: msg.seq, record });
    } else if (msg.type === 'search') {
      post({ type: 'search', seq: msg.seq, query: msg.query, hits: model.search(msg.query, msg.limit, msg.lang) });
    } else if (msg.type === 'export') {
      const started = performance.now();
      const files = msg.request.kind === 'xlsx' ? await buildXlsx(model, msg.request) : buildExport(model, msg.request);
      post({ type: 'export', seq: msg.seq, ms: performance.now() - started, files }, files.map((f) => f.bytes.buffer));
    } else if (msg.type === 'network-geojson') {
      const started = performance.now();
      const text = networkGeoJson(msg.result, model.register, msg.parameters, msg.lang);
      const file = { name: `auyl-network-${msg.result.problem}-${msg.result.supports.length}.geojson`, mime: 'application/geo+json', bytes: new TextEncoder().encode(text) };
      post({ type: 'export', seq: msg.seq, ms: performance.now() - started, files: [file] }, [file.bytes.buffer]);
    } else if (msg.type === 'load-register') {
      const read = await readRegister(new Uint8Array(msg.bytes), msg.fileName, preset('2019'));
      model = model.withRegister(new RegisterColumns(read.settlements));
      ready(model);
    }
  } catch (e) {
    post({ type: 'error', message: (e as Error).message, seq: msg.type === 'export' || msg.type === 'network-geojson' ? msg.seq : undefined });
  }
}
