// The suggestion as CSV: one row per suggested support with the people it serves, and the parameters of the
// solve repeated on every row (so a row read alone still says how it was chosen).
import { CsvWriter } from '../../io/csv.ts';
import type { NetworkResult } from '../../worker/network-protocol.ts';
import type { NetworkSupportLine } from '../../worker/network-source.ts';
import type { NetworkForm } from './network-form.ts';

export const NETWORK_CSV_COLUMNS = [
  'id', 'people_served', 'problem', 'supports', 'target_share', 'radius_km', 'candidates', 'required_current', 'excluded',
  'covered_population', 'rural_population', 'upper_bound_population', 'gap', 'date', 'source',
];

/** How the suggestion was made: the CSV's parameter columns, and the GeoJSON's `parameters` member. */
export function networkParameters(r: NetworkResult, form: NetworkForm, keepCurrent: boolean, excluded: number, date: string): Record<string, string | number> {
  return {
    problem: r.problem, supports: r.supports.length, target_share: r.target?.share ?? '', radius_km: form.radiusKm ?? 'scenario', candidates: form.candidates,
    required_current: keepCurrent ? 'yes' : 'no', excluded, covered_population: r.coveredPopulation, rural_population: r.ruralPopulation,
    upper_bound_population: r.upperBoundPopulation ?? '', gap: r.gap ?? '', date, source: 'Auyl Atlas network suggestion (straight-line distance)',
  };
}

export function networkCsv(lines: NetworkSupportLine[], r: NetworkResult, form: NetworkForm, keepCurrent: boolean, excluded: number, date: string): string {
  const w = new CsvWriter(NETWORK_CSV_COLUMNS);
  const params = Object.values(networkParameters(r, form, keepCurrent, excluded, date));
  return w.header() + lines.map((l) => w.row([l.id, l.served, ...params])).join('');
}
