/**
 * Model parameters given from outside a scenario — fitted ones (`--params F`, `negsim fit`) — applied as
 * the scenario's model defaults: each `model.KEY` the file does not give itself takes the value, as if
 * the file's `model:` block said `KEY: value`; a key the file gives keeps the file's value (the file
 * knows its case; fitted values are for what it leaves open). `--set` applies after them and so wins
 * over both.
 *
 * Applied with override.ts (the `--set` machinery): each value is checked against its key's range and
 * every number that reads the model's default follows it (an actor with no flexibility of its own
 * follows model.flexibility; an actor's role costs follow model.boycott_cost and the rest).
 *
 * @example
 * const r = withModelDefaults(scenario, { lambda: 12.5, miss: 0.1 });
 * r.applied   // { 'model.lambda': 12.5, 'model.miss': 0.1 } (neither given in the file)
 * r.kept      // []
 * r.scenario  // a copy; scenario itself is untouched
 */
import { applySets, type Overrides } from './override.js';
import type { Diagnostic, Scenario } from './types.js';

export interface ModelDefaultsResult {
  /** Set only when there is no diagnostic. */
  scenario?: Scenario;
  /** The values applied, path -> value (model.KEY). */
  applied: Overrides;
  /** Keys the file gives itself, left as the file has them. */
  kept: string[];
  diagnostics: Diagnostic[];
}

/** Whether the file of `scenario` gives `model.key` itself (rather than leaving it to the default). */
export function fileGivesModelKey(scenario: Scenario, key: string): boolean {
  const path = `model.${key}`;
  return scenario.params.some((p) => p.path === path && p.loc !== undefined);
}

/**
 * Values written the shortest way that reads back as the same double (YAML's core schema reads a
 * JavaScript number's String() exactly), so a value applied here is bit for bit the value given.
 */
const text = (v: number) => String(v);

export function withModelDefaults(scenario: Scenario, values: Readonly<Record<string, number>>): ModelDefaultsResult {
  const kept: string[] = [];
  const sets = [];
  for (const [key, value] of Object.entries(values)) {
    if (fileGivesModelKey(scenario, key)) kept.push(key);
    else sets.push({ path: `model.${key}`, text: text(value) });
  }
  const r = applySets(scenario, sets);
  const out: ModelDefaultsResult = { applied: r.overrides, kept, diagnostics: r.diagnostics };
  if (r.scenario) out.scenario = r.scenario;
  return out;
}
