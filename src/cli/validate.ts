/**
 * `negsim validate FILE..`: every problem of every file (a folder: the scenario files in it), each with
 * file:line:column and a hint; exit 1 if any file has an error (warnings alone pass).
 */
import { formatDiagnostic, loadScenario } from '../scenario/load.js';
import { expandScenarioPaths } from '../scenario/scenario-files.js';
import type { Io } from './run.js';

export function validateCommand(files: string[], io: Io): number {
  let bad = 0;
  for (const file of expandScenarioPaths(files)) {
    const { diagnostics } = loadScenario(file);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    for (const d of diagnostics) io.err(formatDiagnostic(d) + '\n');
    if (errors > 0) {
      bad++;
      io.err(`${file}: ${errors} error${errors === 1 ? '' : 's'}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}\n`);
    } else {
      io.out(`${file}: ok${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}\n`);
    }
  }
  return bad > 0 ? 1 : 0;
}
