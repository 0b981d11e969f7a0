/**
 * Scenario paths as a user names them: files, and folders standing for the scenario files in them
 * (`negsim backtest record/`). A folder gives its .yaml, .yml and .json files, sorted, except structured
 * sources files (`*.sources.yaml`, docs/SCENARIO.md), which belong to the scenarios beside them. Not
 * recursive: a folder of cases is one level deep.
 */
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

const SCENARIO_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** Whether a file name is a structured sources file rather than a scenario. */
export function isSourcesFile(name: string): boolean {
  return /\.sources\.(ya?ml|json)$/i.test(name);
}

/**
 * @example expandScenarioPaths(['record']) // ['record/annan-2012.yaml', 'record/dayton-1995.yaml', ...]
 */
export function expandScenarioPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let dir = false;
    try {
      dir = statSync(p).isDirectory();
    } catch {
      // not there: left for the loader to report, with its own message
    }
    if (!dir) {
      out.push(p);
      continue;
    }
    const names = readdirSync(p)
      .filter((f) => SCENARIO_EXTENSIONS.includes(extname(f).toLowerCase()) && !isSourcesFile(f))
      .sort();
    for (const f of names) out.push(join(p, f));
  }
  return out;
}
