/**
 * `negsim report [FILE] [--out results/NAME.html]`: `negsim run` with every one of its flags, plus the
 * HTML report of the same summary (report/html/run-report.ts), written atomically to --out (default
 * results/<scenario id>.html). stdout carries what `run` prints (the table, or the JSON with --json), so
 * the report's numbers can be checked against it; the note saying where the report went is on stderr.
 * Nothing is printed and nothing written unless every step succeeded. `--report FILE` on compare and sweep
 * writes their reports (checkCsvAndReport in common.ts checks their output paths).
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Argv } from 'yargs';
import { OutputSet } from '../report/output-set.js';
import type { Scenario } from '../scenario/types.js';
import type { Explanation } from '../stats/explanation.js';
import { intFlag, outputFlag, UserError, workersOption } from './common.js';
import { checkExplainTime, DEFAULT_EXPLAIN_ROWS, DEFAULT_INNER, explainSize, playExplanation } from './explain.js';
import { namedOutputs, refuseOverwritingInputs, scenarioInputs } from './outputs.js';
import { DEFAULT_RUNS, loadWithSets, MAX_RUNS, runCommand, runOptions, warnPrinter, type Io, type RunArgs } from './run.js';
import { readParamsFlag } from './params.js';

export interface ReportArgs extends RunArgs {
  /** The HTML file (not run's --out, which is a shard's part file). */
  out?: string;
  /** Add "What drives the forecast" (negsim explain; its counterfactuals play the report's runs and seed). */
  explain?: boolean;
  'explain-runs'?: unknown;
  'explain-inner'?: unknown;
  'explain-group'?: string;
}

export function reportOptions(y: Argv): Argv<ReportArgs> {
  return runOptions(y)
    .option('out', { alias: 'o', type: 'string', describe: 'the HTML file to write (default results/<scenario id>.html)' })
    .option('explain', { type: 'boolean', describe: 'add what drives the forecast, as negsim explain computes it (its counterfactuals play --runs runs of --seed)' })
    .option('explain-runs', { type: 'string', describe: `with --explain: rows of the sensitivity design (negsim explain --runs; default ${DEFAULT_EXPLAIN_ROWS})` })
    .option('explain-inner', { type: 'string', describe: `with --explain: runs an evaluation of the design (negsim explain --inner; default ${DEFAULT_INNER})` })
    .option('explain-group', { type: 'string', describe: 'with --explain: preference or number (negsim explain --group)' })
    .hide('shard') as unknown as Argv<ReportArgs>;
}

/** Default --out: results/<scenario id>.html, relative to the working directory. */
export function defaultReportPath(scenario: Scenario): string {
  return join('results', `${scenario.id}.html`);
}

export async function reportCommand(args: ReportArgs, io: Io): Promise<string> {
  if (args.shard !== undefined) {
    throw new UserError('--shard does not go with report: a report needs the whole run. Run the shards with negsim run --shard k/N --out part-k.json, then negsim merge them, or run negsim report without --shard');
  }
  // Loaded once, here, with its warnings printed: the run plays this very scenario (no second read of the
  // file), so the report's description and its numbers come from the same bytes.
  const loaded = loadWithSets(args.file, args.set, warnPrinter(args, io), readParamsFlag(args.params));
  const { scenario } = loaded;
  const out = args.out ?? defaultReportPath(scenario);
  refuseOverwritingInputs(namedOutputs({ '--csv': args.csv, '--runs-csv': args['runs-csv'], '--rounds-csv': args['rounds-csv'], '--out': out }),
    scenarioInputs(scenario));
  // results/ is where outputs go by default (DESIGN.md); a folder the user named must exist already.
  if (args.out === undefined) await mkdir(dirname(out), { recursive: true });
  await outputFlag('--out', out, 'results/report.html');
  const explainFlags = [args['explain-runs'], args['explain-inner'], args['explain-group']].some((v) => v !== undefined);
  if (explainFlags && !args.explain) throw new UserError('--explain-runs, --explain-inner and --explain-group size what --explain adds; give --explain too');
  if (args.explain && args.precision !== undefined) {
    throw new UserError('--precision decides the run count as it goes, and --explain pairs its counterfactuals with the report\'s runs: run once with --precision, then use --runs with the count it reports');
  }
  // the counterfactuals pair with the runs the report shows: its seed, its run count
  const size = args.explain
    ? explainSize({ runs: args['explain-runs'], inner: args['explain-inner'], group: args['explain-group'], 'cf-runs': intFlag('runs', args.runs ?? DEFAULT_RUNS, 1, MAX_RUNS) })
    : undefined;
  const workers = workersOption(args.workers, io, true);
  if (size) checkExplainTime(scenario, size, workers, args, io);
  // run's CSVs and the report are one set of outputs: all written, or (after any failure) none.
  const set = new OutputSet();
  try {
    let printed = '';
    const summary = await runCommand({ ...args, out: undefined }, { ...io, out: (t) => { printed += t; } },
      { loaded, outputs: [{ role: '--out', path: out }], set });
    if (!summary) throw new Error('negsim report: run returned no summary');
    let explanation: Explanation | undefined;
    if (size) explanation = await playExplanation(scenario, summary.scenario, size, summary.seed, workers, io, args.quiet ?? false);
    const { runReportHtml } = await import('../report/html/run-report.js');
    await set.add(out, await runReportHtml(scenario, summary, explanation));
    await set.commit();
    io.out(printed);
  } finally {
    await set.abort();
  }
  if (!args.quiet) io.err(`negsim: report written to ${out}\n`);
  return out;
}
