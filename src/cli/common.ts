/**
 * What every command shares: the bundled scenario, loading a scenario with its diagnostics shown, flag
 * checks, and the one way a user-caused error leaves the program (a message, exit 1, no stack trace).
 */
import { relative } from 'node:path';
import { ScenarioError } from '../api/errors.js';
import { loadScenario, type LoadedScenario } from '../api/scenario.js';
import { BUNDLED_SCENARIO } from '../api/version.js';
import { checkWritable } from '../report/atomic-file.js';
import type { Scenario } from '../scenario/types.js';
import { UserError } from './user-error.js';

export { intFlag, workersFlag, workersOption } from './flags.js';
export { UserError } from './user-error.js';
export { BUNDLED_SCENARIO, PACKAGE_ROOT, VERSION } from '../api/version.js';

/** A path as the user would like to read it: relative to the working directory when shorter. */
export function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && rel.length < p.length ? rel : p;
}

/**
 * Load a scenario with the library (the bundled one if none is named), printing its warnings; a
 * scenario that does not load becomes a UserError listing its errors.
 */
export function loadScenarioOrFail(file: string | undefined, warn: (line: string) => void): LoadedScenario {
  const path = file ?? displayPath(BUNDLED_SCENARIO);
  let loaded: LoadedScenario;
  try {
    loaded = loadScenario(path);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    for (const p of e.problems) if (p.severity === 'warning') warn(p.text);
    const n = e.errors.length;
    throw new UserError(`${e.errors.map((p) => p.text).join('\n')}\n${n} problem${n === 1 ? '' : 's'} in ${path}; fix ${n === 1 ? 'it' : 'them'} and run again (negsim validate ${path} lists them).`);
  }
  for (const p of loaded.warnings) warn(p.text);
  return loaded;
}

/** loadScenarioOrFail's scenario. */
export function loadOrFail(file: string | undefined, warn: (line: string) => void): Scenario {
  return loadScenarioOrFail(file, warn).scenario;
}

/** An output path given to a flag (--out, --csv, --report): not empty, and writable (checked before any run). */
export async function outputFlag(flag: string, path: string, example: string): Promise<void> {
  if (path === '') throw new UserError(`${flag} needs a file name, e.g. ${flag} ${example}`);
  const problem = await checkWritable(path);
  if (problem) throw new UserError(`cannot write ${flag} ${path}: ${problem}`);
}

/**
 * compare's and sweep's outputs, `--csv` and `--report`, checked before any run: named and writable (that
 * they are distinct files, and none an input, refuseOverwritingInputs checks once the scenario is loaded).
 */
export async function checkCsvAndReport(csv: string | undefined, report: string | undefined, command: string): Promise<void> {
  if (csv !== undefined) await outputFlag('--csv', csv, `results/${command}.csv`);
  if (report !== undefined) await outputFlag('--report', report, `results/${command}.html`);
}
