// `auyl suggest`: which rural settlements should be supports — maximal covering (mclp), set covering (lscp) or
// p-median — on a register file, assessed as `auyl assess` does (the eligible candidates come from it). Writes one
// row per rural settlement (id, role, support_id, km, population); the last stdout line is one JSON object.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from './args.ts';
import type { AssessmentTable } from '../lib/engine/assess.ts';
import type { Methodology } from '../lib/engine/config/schema.ts';
import type { Lang } from '../lib/engine/types.ts';
import { CATEGORIES } from '../lib/engine/classify.ts';
import { writeCsv } from '../lib/io/csv.ts';
import {
  NetworkInputError, ROLES, networkInputFromAssessment, runSteps, solveNetworkSteps, type CandidateRule, type NetworkIdProblem, type NetworkProblem,
} from '../lib/engine/network/index.ts';

export const SUGGEST_HELP = `  auyl suggest --settlements FILE --problem mclp|lscp|pmedian (--supports N | --target 0.9) [--radius-km R]
              [--require FILE] [--exclude FILE] [--candidates eligible|all] [--preset 2019|2025 | --config FILE.json]
              [--passes N] [--budget-ms MS] --out FILE.csv
      Suggests support settlements among the rural settlements (the app's town rule: KATO type 2/3, else under 10,000 people), population as demand:
      mclp the N that cover the most people within the satellite radius, lscp the fewest that cover the target
      share, pmedian the N that minimise the people-weighted km to the nearest support. --radius-km: one radius
      for every region (default: the methodology's radius of each region). --require / --exclude: ids, one per
      line (or a CSV with an id column). --candidates: eligible (default: the methodology's support eligibility)
      or all rural settlements. FILE.csv: id, role (support/satellite/uncovered), support_id, km, population per
      rural settlement; the last stdout line is JSON: problem, supports, covered_population, rural_population,
      upper_bound_population (mclp), gap, seconds.
`;

interface Assessed {
  table: AssessmentTable;
  config: Methodology;
  info: string;
  problemLines: string[];
}

export interface SuggestHost {
  readAndAssess(values: Record<string, string>, flags: Set<string>, lang: Lang): Promise<Assessed>;
  /** An error for bad input: main prints its lines and exits with 2. */
  inputError(lines: string[]): Error;
}

/** Ids from a file: one per line, or a CSV whose header has an id (or kato) column. */
export function readIdList(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  if (!lines.length) return [];
  const split = (l: string) => l.split(/[,;\t]/).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  const header = split(lines[0]).map((c) => c.toLowerCase());
  const column = header.findIndex((c) => c === 'id' || c === 'kato');
  if (column >= 0) return lines.slice(1).map((l) => split(l)[column] ?? '').filter(Boolean);
  return lines.map((l) => split(l)[0]);
}

function idProblem(p: NetworkIdProblem, files: { required?: string; excluded?: string }): string {
  if (p.kind === 'required_and_excluded') return `${p.id}: both required and excluded`;
  const file = `--${p.list === 'required' ? 'require' : 'exclude'} ${files[p.list]}`;
  return p.kind === 'unknown_id' ? `${file}: id "${p.id}" is not in the register` : `${file}: id "${p.id}" is a town (10,000 people or more), not a rural settlement`;
}

export async function cmdSuggest(argv: string[], host: SuggestHost): Promise<number> {
  const { values, flags, errors } = parseArgs(argv, {
    values: ['settlements', 'problem', 'supports', 'target', 'radius-km', 'require', 'exclude', 'candidates', 'config', 'preset', 'districts', 'passes', 'budget-ms', 'out', 'lang'],
    flags: ['skip-invalid', 'fix-swapped'],
  });
  if (!values.settlements) errors.push('--settlements FILE is required');
  if (!values.out || !values.out.toLowerCase().endsWith('.csv')) errors.push('--out FILE.csv is required');
  const kind = values.problem ?? 'mclp';
  if (!['mclp', 'lscp', 'pmedian'].includes(kind)) errors.push(`--problem must be mclp, lscp or pmedian (got "${kind}")`);
  let problem: NetworkProblem | null = null;
  if (kind === 'lscp') {
    const target = Number(values.target ?? '1');
    if (values.supports !== undefined) errors.push('--supports is for mclp and pmedian; lscp takes --target');
    if (!(target > 0 && target <= 1)) errors.push(`--target must be a share in (0, 1], e.g. 0.9 (got "${values.target}")`);
    else problem = { kind: 'lscp', target };
  } else if (kind === 'mclp' || kind === 'pmedian') {
    const supports = Number(values.supports);
    if (values.target !== undefined) errors.push('--target is for lscp; mclp and pmedian take --supports');
    if (!(Number.isInteger(supports) && supports >= 1)) errors.push(`--supports must be a whole number ≥ 1 (got "${values.supports ?? ''}")`);
    else problem = { kind, supports };
  }
  const radiusKm = values['radius-km'] === undefined ? null : Number(values['radius-km']);
  if (radiusKm !== null && !(radiusKm > 0 && radiusKm <= 500)) errors.push(`--radius-km must be a number in (0, 500] (got "${values['radius-km']}")`);
  const candidates = (values.candidates ?? 'eligible') as CandidateRule;
  if (candidates !== 'eligible' && candidates !== 'all') errors.push(`--candidates must be eligible or all (got "${values.candidates}")`);
  const passes = values.passes === undefined ? 30 : Number(values.passes);
  if (!(Number.isInteger(passes) && passes >= 0)) errors.push(`--passes must be a whole number ≥ 0 (got "${values.passes}")`);
  const budgetMs = values['budget-ms'] === undefined ? 4000 : Number(values['budget-ms']);
  if (!(budgetMs > 0)) errors.push(`--budget-ms must be a number > 0 (got "${values['budget-ms']}")`);
  const ids = (option: 'require' | 'exclude'): string[] => {
    const file = values[option];
    if (!file) return [];
    try {
      return readIdList(fs.readFileSync(file, 'utf8'));
    } catch {
      errors.push(`--${option}: cannot read ${file}`);
      return [];
    }
  };
  const requiredIds = ids('require');
  const excludedIds = ids('exclude');
  const lang = (values.lang ?? 'en') as Lang;
  if (errors.length || !problem) throw host.inputError(errors);

  const { table, config, info, problemLines } = await host.readAndAssess(values, flags, lang);
  const register = table.register;
  // rural by the app's one town rule, which readAndAssess already applied (a town is classed 'town')
  const TOWN = CATEGORIES.indexOf('town');
  const rural = Uint8Array.from(table.classes.category, (c) => (c === TOWN ? 0 : 1));
  const prepared = networkInputFromAssessment(table, { rural, candidates, requiredIds, excludedIds, radiusKm });
  if (prepared.problems.length) throw host.inputError(prepared.problems.map((p) => idProblem(p, { required: values.require, excluded: values.exclude })));
  const candidateCount = prepared.input.candidate.reduce((a, b) => a + b, 0);
  if (candidateCount + prepared.input.required.length === 0) {
    throw host.inputError([`${values.settlements}: no candidate settlements (${candidates === 'eligible' ? `none is eligible as a support under "${config.id}"; try --candidates all` : 'no rural settlements'})`]);
  }

  let solution;
  try {
    solution = runSteps(solveNetworkSteps(prepared.input, problem, { maxPasses: passes, budgetMs }));
  } catch (e) {
    if (e instanceof NetworkInputError) throw host.inputError([(e as Error).message]);
    throw e;
  }
  const rows = Array.from(prepared.rowOfSite, (row, site) => ({
    id: register.ids[row],
    role: ROLES[solution.role[site]],
    support_id: solution.supportOf[site] >= 0 ? register.ids[prepared.rowOfSite[solution.supportOf[site]]] : null,
    km: Number.isNaN(solution.km[site]) ? null : solution.km[site].toFixed(3),
    population: register.population[row] > 0 ? register.population[row] : null,
  }));
  fs.mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
  fs.writeFileSync(values.out, writeCsv(['id', 'role', 'support_id', 'km', 'population'], rows));
  console.error(info);
  for (const line of problemLines) console.error(line);
  const share = (x: number) => (solution.totalWeight > 0 ? ((100 * x) / solution.totalWeight).toFixed(1) : '0');
  console.error(`${solution.supports.length} support(s) among ${candidateCount} candidate(s) (${candidates}), radius ${radiusKm ?? `by region (default ${config.categories.satellite.radius_km}`}${radiusKm === null ? ')' : ''} km: ${share(solution.coveredWeight)}% of ${solution.totalWeight} rural people covered${solution.upperBound !== null ? `, at most ${share(solution.upperBound)}% possible (gap ${(100 * solution.gap!).toFixed(2)}%)` : ''} → ${values.out}`);
  const line: Record<string, unknown> = {
    problem: problem.kind,
    supports: solution.supports.length,
    covered_population: solution.coveredWeight,
    rural_population: solution.totalWeight,
  };
  if (problem.kind === 'mclp') {
    line.upper_bound_population = solution.upperBound === null ? null : Math.floor(solution.upperBound + 1e-6);
    line.gap = solution.gap === null ? null : Number(solution.gap.toFixed(5));
  }
  if (problem.kind === 'lscp') Object.assign(line, { target: problem.target, target_reached: solution.target!.reached, proved_minimal: solution.target!.provedMinimal });
  if (problem.kind === 'pmedian') line.weighted_km = Number(solution.weightedKm!.toFixed(1));
  line.candidates = candidateCount;
  line.stopped_by = solution.stoppedBy;
  line.seconds = Number((solution.totalMs / 1000).toFixed(3));
  process.stdout.write(JSON.stringify(line) + '\n');
  return 0;
}
