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
import { outputFlag, UserError } from './common.js';
import { namedOutputs, refuseOverwritingInputs, scenarioInputs } from './outputs.js';
import { loadWithSets, runCommand, runOptions, warnPrinter, type Io, type RunArgs } from './run.js';

export interface ReportArgs extends RunArgs {
  /** The HTML file (not run's --out, which is a shard's part file). */
  out?: string;
}

export function reportOptions(y: Argv): Argv<ReportArgs> {
  return runOptions(y)
    .option('out', { alias: 'o', type: 'string', describe: 'the HTML file to write (default results/<scenario id>.html)' })
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
  const loaded = loadWithSets(args.file, args.set, warnPrinter(args, io));
  const { scenario } = loaded;
  const out = args.out ?? defaultReportPath(scenario);
  refuseOverwritingInputs(namedOutputs({ '--csv': args.csv, '--runs-csv': args['runs-csv'], '--rounds-csv': args['rounds-csv'], '--out': out }),
    scenarioInputs(scenario));
  // results/ is where outputs go by default (DESIGN.md); a folder the user named must exist already.
  if (args.out === undefined) await mkdir(dirname(out), { recursive: true });
  await outputFlag('--out', out, 'results/report.html');
  // run's CSVs and the report are one set of outputs: all written, or (after any failure) none.
  const set = new OutputSet();
  try {
    let printed = '';
    const summary = await runCommand({ ...args, out: undefined }, { ...io, out: (t) => { printed += t; } },
      { loaded, outputs: [{ role: '--out', path: out }], set });
    if (!summary) throw new Error('negsim report: run returned no summary');
    const { runReportHtml } = await import('../report/html/run-report.js');
    await set.add(out, await runReportHtml(scenario, summary));
    await set.commit();
    io.out(printed);
  } finally {
    await set.abort();
  }
  if (!args.quiet) io.err(`negsim: report written to ${out}\n`);
  return out;
}
