/**
 * `negsim compare`: one scenario under several seeds (`--seeds 1..20`), or several scenarios side by side
 * (`compare A.yaml B.yaml`, or `compare FILE --set path=value` against its baseline). Flags as `run`'s.
 */
import { basename } from 'node:path';
import type { Argv } from 'yargs';
import { compareScenarios, compareSeeds, MAX_SEEDS } from '../api/compare.js';
import type { LoadedScenario } from '../api/scenario.js';
import { OutputSet } from '../report/output-set.js';
import { compareCsv, compareJson, compareTable } from '../report/compare.js';
import { colorEnabled, painter } from '../report/color.js';
import { progressBar } from '../report/progress.js';
import type { Scenario } from '../scenario/types.js';
import { widestDifferenceHalf, widestHalf, type ScenarioComparison, type SeedComparison } from '../stats/comparison.js';
import { checkCsvAndReport, intFlag, UserError, workersOption } from './common.js';
import { namedOutputs, refuseOverwritingInputs, scenarioInputs } from './outputs.js';
import { checkTime, DEFAULT_RUNS, DEFAULT_SEED, loadWithSets, MAX_RUNS, precisionFlag, precisionRuns, type Io } from './run.js';
import { BLOCK_SIZE } from '../sim/block.js';
import { PARAMS_DESCRIPTION, readParamsFlag } from './params.js';

export { MAX_SEEDS };

export interface CompareArgs {
  files?: string[];
  seeds?: string;
  runs?: unknown;
  seed?: unknown;
  workers?: unknown;
  json?: boolean;
  csv?: string;
  quiet?: boolean;
  'max-minutes'?: unknown;
  set?: string[];
  params?: string;
  precision?: unknown;
  'max-runs'?: unknown;
  /** The HTML report to write (report/html/compare-report.ts). */
  report?: string;
  /** false after --no-color (a global flag, main.ts). */
  color?: boolean;
}

export function compareOptions(y: Argv): Argv<CompareArgs> {
  return y
    .positional('files', { type: 'string', array: true, describe: 'scenario files; one (or none: the bundled Geneva II) with --seeds or --set, two or more to compare' })
    .option('seeds', { type: 'string', describe: 'seeds to compare: a list 1,2,3 or a range 1..20 (or both: 1..5,9)' })
    .option('runs', { alias: 'n', type: 'string', default: String(DEFAULT_RUNS), describe: 'runs per seed or scenario' })
    .option('seed', { alias: 's', type: 'string', default: String(DEFAULT_SEED), describe: 'master seed (comparing scenarios)' })
    .option('workers', { alias: 'w', type: 'string', default: 'auto', describe: 'worker threads: a number or auto' })
    .option('json', { type: 'boolean', describe: 'print the comparison as JSON' })
    .option('csv', { type: 'string', describe: 'write the comparison in long layout (compared, metric, actor, estimate, lo, hi, n, seed)' })
    .option('set', { type: 'string', array: true, describe: 'override a scenario number (path=value); with one file: compare it against the file as it is' })
    .option('params', { type: 'string', describe: PARAMS_DESCRIPTION })
    .option('precision', { type: 'string', describe: 'play until every headline 95% interval (and difference) has half-width <= E, e.g. 0.01' })
    .option('max-runs', { type: 'string', describe: `with --precision: the most runs per seed or scenario (default ${MAX_RUNS})` })
    .option('max-minutes', { type: 'string', describe: 'refuse, before it starts, a job expected to take longer (estimated from a short calibration)' })
    .option('report', { type: 'string', describe: 'also write the comparison as a self-contained HTML report with charts to this file' })
    .option('quiet', { alias: 'q', type: 'boolean', describe: 'print nothing on stderr but errors' }) as unknown as Argv<CompareArgs>;
}

/** `1,2,3`, `1..20`, or a mix; at most MAX_SEEDS distinct seeds, in the order given. */
export function parseSeeds(v: string): number[] {
  const out: number[] = [];
  const bad = () => new UserError(`--seeds must be a list (1,2,3) or a range (1..20) of whole numbers; got '${v}'`);
  for (const part of v.split(',').map((x) => x.trim())) {
    const m = /^(-?\d+)(?:\.\.(-?\d+))?$/.exec(part);
    if (!m) throw bad();
    const a = Number(m[1]), b = m[2] === undefined ? a : Number(m[2]);
    if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || b < a) throw bad();
    if (b - a + 1 + out.length > MAX_SEEDS) throw new UserError(`--seeds names more than ${MAX_SEEDS} seeds`);
    for (let s = a; s <= b; s++) out.push(s);
  }
  if (new Set(out).size !== out.length) throw new UserError(`--seeds names a seed twice: '${v}'`);
  return out;
}

export async function compareCommand(args: CompareArgs, io: Io): Promise<SeedComparison | ScenarioComparison> {
  const files = args.files ?? [];
  const sets = args.set ?? [];
  const seed = intFlag('seed', args.seed ?? DEFAULT_SEED, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const workers = workersOption(args.workers, io, args.quiet);
  const precision = args.precision === undefined ? undefined : precisionFlag(args.precision);
  const runs = precision === undefined
    ? intFlag('runs', args.runs ?? DEFAULT_RUNS, 1, MAX_RUNS)
    : intFlag('max-runs', args['max-runs'] ?? MAX_RUNS, 1, MAX_RUNS);
  // With --precision, compare plays 1000 runs, then doubles: at most the first count at which an interval
  // of a difference (about sqrt 2 times an outcome's) can be narrow enough whatever the probabilities.
  let planned = runs;
  if (precision !== undefined) {
    planned = BLOCK_SIZE;
    while (planned < 2 * precisionRuns(precision) && planned < runs) planned *= 2;
    planned = Math.min(planned, runs);
  }
  await checkCsvAndReport(args.csv, args.report, 'compare');
  const outputs = namedOutputs({ '--csv': args.csv, '--report': args.report });
  const warn = (w: string) => { if (!args.quiet) io.err(w + '\n'); };
  const params = readParamsFlag(args.params);
  const bar = progressBar({ write: io.err, isTTY: io.tty?.err ?? false, quiet: args.quiet ?? false });
  let result: SeedComparison | ScenarioComparison;
  let compared: Scenario[];
  if (args.seeds !== undefined) {
    if (files.length > 1) throw new UserError('--seeds compares one scenario under several seeds; name one file (or none for the bundled one)');
    const seeds = parseSeeds(args.seeds);
    const loaded = loadWithSets(files[0], sets, warn, params);
    const { scenario } = loaded;
    compared = [scenario];
    refuseOverwritingInputs(outputs, scenarioInputs(scenario));
    checkTime(seeds.map(() => ({ scenario, runs: planned })), workers, args, io, precision);
    result = await compareSeeds(loaded, { seeds, runs, workers, precision, onProgress: (done, total) => bar.update(done, total) });
  } else {
    let specs: { loaded: LoadedScenario; label: string }[];
    if (files.length >= 2) {
      if (sets.length > 0) throw new UserError('--set with two or more files is ambiguous; compare FILE --set path=value compares one file against itself changed');
      const names = files.map((f) => basename(f));
      const unique = new Set(names).size === names.length;
      specs = files.map((f, i) => ({ loaded: loadWithSets(f, [], warn, params), label: unique ? names[i] : f }));
    } else if (sets.length > 0) {
      specs = [
        { loaded: loadWithSets(files[0], [], warn, params), label: 'baseline' },
        { loaded: loadWithSets(files[0], sets, warn, params), label: 'with --set' },
      ];
    } else {
      throw new UserError('compare what? Give --seeds 1..10 (one scenario, several seeds), two or more scenario files, or --set path=value (one file against itself changed)');
    }
    compared = specs.map((s) => s.loaded.scenario);
    refuseOverwritingInputs(outputs, compared.flatMap(scenarioInputs));
    checkTime(compared.map((scenario) => ({ scenario, runs: planned })), workers, args, io, precision);
    result = await compareScenarios(specs, { seed, runs, workers, precision, onProgress: (done, total) => bar.update(done, total) });
  }
  bar.end();
  if (precision !== undefined && !args.quiet) {
    const reached = result.kind === 'seeds'
      ? result.seeds.every((s) => widestHalf(s.outcomes) <= precision)
      : result.scenarios.every((s) => widestHalf(s.outcomes) <= precision) && widestDifferenceHalf(result) <= precision;
    io.err(`negsim: ${reached ? `precision ${precision} reached` : `precision ${precision} NOT reached (--max-runs ${runs})`} after ${result.runs} runs each\n`);
  }
  const written = new OutputSet();
  try {
    if (args.csv) await written.add(args.csv, compareCsv(result));
    if (args.report) {
      const { compareReportHtml } = await import('../report/html/compare-report.js');
      await written.add(args.report, await compareReportHtml(result, compared));
    }
    await written.commit();
  } finally {
    await written.abort();
  }
  const color = colorEnabled({ flag: args.color, env: process.env, isTTY: io.tty?.out ?? false });
  io.out(args.json ? compareJson(result) : compareTable(result, painter(color)));
  if (args.report && !args.quiet) io.err(`negsim: report written to ${args.report}\n`);
  return result;
}
