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

export function networkCsv(lines: NetworkSupportLine[], r: NetworkResult, form: NetworkForm, keepCurrent: boolean, excluded: number, date: string): string {
  const w = new CsvWriter(NETWORK_CSV_COLUMNS);
  const params = [
    r.problem, r.supports.length, r.target?.share ?? '', form.radiusKm ?? 'scenario', form.candidates, keepCurrent ? 'yes' : 'no', excluded,
    r.coveredPopulation, r.ruralPopulation, r.upperBoundPopulation ?? '', r.gap ?? '', date, 'Auyl Atlas network suggestion (straight-line distance)',
  ];
  return w.header() + lines.map((l) => w.row([l.id, l.served, ...params])).join('');
}
