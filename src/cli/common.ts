/**
 * What every command shares: the bundled scenario, loading a scenario with its diagnostics shown, flag
 * checks, and the one way a user-caused error leaves the program (a message, exit 1, no stack trace).
 */
import { join, relative } from 'node:path';
import { checkWritable } from '../report/atomic-file.js';
import { formatDiagnostic, loadScenario } from '../scenario/load.js';
import type { Scenario } from '../scenario/types.js';
import { UserError } from './user-error.js';
import { PACKAGE_ROOT } from './version.js';

export { intFlag, workersFlag, workersOption } from './flags.js';
export { UserError } from './user-error.js';
export { PACKAGE_ROOT, VERSION } from './version.js';
export const BUNDLED_SCENARIO = join(PACKAGE_ROOT, 'scenarios', 'geneva-2014.yaml');

/** A path as the user would like to read it: relative to the working directory when shorter. */
export function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && rel.length < p.length ? rel : p;
}

/** Load a scenario (the bundled one if none is named), printing warnings; errors become a UserError. */
export function loadOrFail(file: string | undefined, warn: (line: string) => void): Scenario {
  const path = file ?? displayPath(BUNDLED_SCENARIO);
  const { scenario, diagnostics } = loadScenario(path);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  for (const d of diagnostics) if (d.severity === 'warning') warn(formatDiagnostic(d));
  if (errors.length > 0 || !scenario) {
    const text = errors.map(formatDiagnostic).join('\n');
    throw new UserError(`${text}\n${errors.length} problem${errors.length === 1 ? '' : 's'} in ${path}; fix ${errors.length === 1 ? 'it' : 'them'} and run again (negsim validate ${path} lists them).`);
  }
  return scenario;
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
