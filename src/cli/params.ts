/**
 * `--params F` (run, report, compare, sweep, backtest): model parameters fitted by `negsim fit --out F`,
 * applied to every scenario as its model defaults — each `model.KEY` the scenario's file does not give
 * itself (src/scenario/model-defaults.ts). A scenario's own `model:` keys win over them, and `--set` wins
 * over both. The values applied show where overrides show (the summary's `overrides`, the CSV column).
 */
import { readFileSync } from 'node:fs';
import { readParams } from '../fit/params-file.js';
import { formatDiagnostic } from '../scenario/diagnostic.js';
import { withModelDefaults } from '../scenario/model-defaults.js';
import type { Overrides } from '../scenario/override.js';
import type { Scenario } from '../scenario/types.js';
import { UserError } from './user-error.js';

export interface ParamsArg {
  path: string;
  values: Record<string, number>;
}

export const PARAMS_DESCRIPTION = "fitted model parameters (a file written by negsim fit --out) as every scenario's model defaults; a scenario's own model: keys and --set win over them";

/** The file given to --params, read and checked (a UserError naming the file); undefined without the flag. */
export function readParamsFlag(path: unknown): ParamsArg | undefined {
  if (path === undefined) return undefined;
  const p = String(path);
  if (p === '') throw new UserError('--params needs a file, e.g. --params params.json (written by negsim fit --out params.json)');
  let text: string;
  try {
    text = readFileSync(p, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`--params ${p}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : (e as Error).message}; give the file negsim fit --out wrote`);
  }
  const r = readParams(text, p);
  if ('problem' in r) throw new UserError(`--params ${r.problem}`);
  return { path: p, values: r.values };
}

/** `scenario` with the params as its model defaults, and the values applied (path -> value). */
export function applyParams(scenario: Scenario, params: ParamsArg | undefined): { scenario: Scenario; overrides: Overrides } {
  if (params === undefined) return { scenario, overrides: {} };
  const r = withModelDefaults(scenario, params.values);
  if (!r.scenario) {
    throw new UserError(`--params ${params.path} cannot be applied to ${scenario.file}:\n${r.diagnostics.map(formatDiagnostic).join('\n')}`);
  }
  return { scenario: r.scenario, overrides: r.applied };
}
