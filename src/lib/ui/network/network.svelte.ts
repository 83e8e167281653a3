// The Network tab's shared state: the form, the running solve (progress, cancel) and its answer. App hands the
// worker's network replies to `onReply`; the client is the one the exports use (present.client).
import type { NetworkPhase, NetworkReply, NetworkResult } from '../../worker/network-protocol.ts';
import type { NetworkSupportLine } from '../../worker/network-source.ts';
import type { WorkerClient } from '../../worker/client.ts';
import type { NetworkErrorKey } from '../../i18n/network.ts';
import type { NetworkForm, FormProblem } from './network-form.ts';
import { solveRequestOf } from './network-form.ts';

type LinesReply = { type: 'network-lines'; id: number; lines: NetworkSupportLine[] } | { type: 'network-map'; id: number; codes: Uint8Array; counts: number[] };

class NetworkState {
  form = $state<NetworkForm>({ kind: 'mclp', supports: 20, targetPercent: 90, radiusKm: 15, candidates: 'eligible', requiredIds: [], excludedText: '' });
  keepCurrent = $state(false);
  running = $state(false);
  progress = $state<{ phase: NetworkPhase; fraction: number } | null>(null);
  result = $state.raw<NetworkResult | null>(null);
  lines = $state.raw<NetworkSupportLine[]>([]);
  error = $state<{ key: NetworkErrorKey; params: Record<string, string | number> } | null>(null);
  formProblem = $state<FormProblem | null>(null);
  cancelled = $state(false);
  /** The suggestion on the map: a NETWORK_CLASSES code per map row and the count per class (null: none yet). */
  onMap = $state.raw<{ codes: Uint8Array; counts: number[] } | null>(null);
  /** Whether the map shows the suggestion (instead of the colour mode) while there is one. */
  showOnMap = $state(true);

  run(client: WorkerClient | null, maxSupports: number) {
    if (!client) return;
    const form = $state.snapshot(this.form);
    const read = solveRequestOf(form, maxSupports);
    this.formProblem = 'problem' in read ? read.problem : null;
    if ('problem' in read) return;
    this.error = null;
    this.cancelled = false;
    this.running = true;
    this.progress = null;
    client.suggestNetwork({ ...read.request, keepCurrentSupports: this.keepCurrent });
  }

  /** The map shows the suggestion: there is one, of the map's rows, and the planner has not switched it off. */
  mapShown(rows: number): boolean {
    return this.showOnMap && this.onMap !== null && this.onMap.codes.length === rows;
  }

  cancel(client: WorkerClient | null) {
    client?.cancelNetwork();
  }

  onReply(r: NetworkReply | LinesReply) {
    if (r.type === 'network-progress') this.progress = { phase: r.phase, fraction: r.fraction };
    else if (r.type === 'network-lines') this.lines = r.lines;
    else if (r.type === 'network-map') this.onMap = { codes: r.codes, counts: r.counts };
    else {
      this.running = false;
      this.progress = null;
      if (r.type === 'network-result') this.result = r.result;
      else if (r.type === 'network-error') this.error = { key: r.key, params: r.params };
      else this.cancelled = true;
    }
  }
}

export const network = new NetworkState();
