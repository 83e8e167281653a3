// A scenario as a file: a name and a full methodology config. Read back through the config schema and its
// consistency rules (valibot + validate.ts): an invalid file is refused with every problem and its path.
import * as v from 'valibot';
import { checkMethodology, type ConfigProblem } from '../../engine/config/validate.ts';
import type { Methodology } from '../../engine/config/schema.ts';

export const SCENARIO_FORMAT = 'auyl-atlas-scenario';

export interface ScenarioFile {
  format: typeof SCENARIO_FORMAT;
  version: 1;
  name: string;
  /** The preset the scenario started from. */
  preset: '2019' | '2025';
  saved: string;
  config: Methodology;
}

const Envelope = v.object({
  format: v.literal(SCENARIO_FORMAT),
  version: v.literal(1),
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(120)),
  preset: v.picklist(['2019', '2025']),
  saved: v.optional(v.string(), ''),
  config: v.unknown(),
});

export function scenarioFile(name: string, preset: '2019' | '2025', config: Methodology): ScenarioFile {
  return { format: SCENARIO_FORMAT, version: 1, name, preset, saved: new Date().toISOString(), config };
}

/** Parses a scenario file's text: the scenario, or the problems (path + message) that refuse it. */
export function readScenario(text: string): { scenario: ScenarioFile | null; problems: ConfigProblem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { scenario: null, problems: [{ path: '(file)', message: `not JSON: ${(e as Error).message}` }] };
  }
  const env = v.safeParse(Envelope, json);
  if (!env.success) return { scenario: null, problems: env.issues.map((i) => ({ path: v.getDotPath(i) ?? '(root)', message: i.message })) };
  const { config, problems } = checkMethodology(env.output.config);
  if (!config) return { scenario: null, problems: problems.map((p) => ({ ...p, path: `config.${p.path}` })) };
  return { scenario: { ...env.output, format: SCENARIO_FORMAT, version: 1, config }, problems: [] };
}

export const writeScenario = (s: ScenarioFile) => JSON.stringify(s, null, 2);
