/**
 * npm run results: the reference outputs of every shipped scenario (scenarios/*.yaml, *.json) at seed 1
 * and 10,000 runs — its summary CSV, JSON and HTML report under results/ — so that any change of the model
 * shows as a diff. test/results.test.ts regenerates them and compares bytes. (The report's screenshot,
 * results/<id>.report.png, is taken by test/report/html/browser.test.ts.)
 */
import { readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT, VERSION } from '../src/cli/common.js';
import { writeFileAtomic } from '../src/report/atomic-file.js';
import { runReportHtml } from '../src/report/html/run-report.js';
import { summaryJson } from '../src/report/json.js';
import { summaryCsv } from '../src/report/summary-csv.js';
import { formatDiagnostic, loadScenario } from '../src/scenario/load.js';
import { monteCarlo, resolveWorkers } from '../src/sim/monte-carlo.js';
import { rngName } from '../src/sim/rng.js';
import { summarise } from '../src/stats/summary.js';

export const REFERENCE_SEED = 1;
export const REFERENCE_RUNS = 10_000;
export const SCENARIOS_DIR = join(PACKAGE_ROOT, 'scenarios');
export const RESULTS_DIR = join(PACKAGE_ROOT, 'results');

export function shippedScenarios(): string[] {
  return readdirSync(SCENARIOS_DIR)
    .filter((f) => ['.yaml', '.yml', '.json'].includes(extname(f)))
    .sort()
    .map((f) => join('scenarios', f));
}

/** The reference files of one scenario: [path under the package root, content]. */
export async function referenceOutputs(file: string, workers: number | 'auto' = 'auto'): Promise<[string, string][]> {
  const { scenario, diagnostics } = loadScenario(file);
  if (!scenario) throw new Error(`${file} does not load:\n${diagnostics.map(formatDiagnostic).join('\n')}`);
  const tally = await monteCarlo(scenario, { runs: REFERENCE_RUNS, seed: REFERENCE_SEED, workers: resolveWorkers(workers) });
  const summary = summarise(scenario, tally, REFERENCE_SEED, VERSION, rngName);
  const name = basename(file, extname(file));
  return [
    [join('results', `${name}.summary.csv`), summaryCsv(summary)],
    [join('results', `${name}.json`), summaryJson(summary)],
    [join('results', `${name}.html`), await runReportHtml(scenario, summary)],
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.chdir(PACKAGE_ROOT);
  for (const file of shippedScenarios()) {
    for (const [path, content] of await referenceOutputs(file)) {
      await writeFileAtomic(path, content);
      process.stdout.write(`wrote ${path}\n`);
    }
  }
}
