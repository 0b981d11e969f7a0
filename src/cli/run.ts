/**
 * `negsim run [FILE]`: the Monte Carlo of one scenario. Prints the summary table (or JSON) on stdout and
 * writes the CSVs asked for, each atomically; output paths are checked before any run starts, so a bad path
 * costs nothing and leaves nothing behind.
 */
import type { Argv } from 'yargs';
import { checkWritable, openAtomic, writeFileAtomic, type AtomicFile } from '../report/atomic-file.js';
import { csvRows } from '../report/csv.js';
import { summaryJson } from '../report/json.js';
import { roundsCsv } from '../report/rounds-csv.js';
import { runsCsvHeader, runsCsvRows } from '../report/runs-csv.js';
import { summaryCsv } from '../report/summary-csv.js';
import { summaryTable } from '../report/table.js';
import { monteCarlo, resolveWorkers } from '../sim/monte-carlo.js';
import { rngName } from '../sim/rng.js';
import { summarise, type Summary } from '../stats/summary.js';
import { intFlag, loadOrFail, UserError, VERSION, workersFlag } from './common.js';

export const MAX_RUNS = 100_000_000;
export const DEFAULT_RUNS = 10_000;
export const DEFAULT_SEED = 1;

export interface RunArgs {
  file?: string;
  runs?: unknown;
  seed?: unknown;
  workers?: unknown;
  json?: boolean;
  csv?: string;
  'runs-csv'?: string;
  'rounds-csv'?: string;
  quiet?: boolean;
}

export function runOptions(y: Argv): Argv<RunArgs> {
  return y
    .positional('file', { type: 'string', describe: 'scenario file (YAML or JSON); default: the bundled Geneva II scenario' })
    .option('runs', { alias: 'n', type: 'string', describe: `number of runs (1..${MAX_RUNS})`, default: String(DEFAULT_RUNS) })
    .option('seed', { alias: 's', type: 'string', describe: 'master seed (a whole number); run r uses the generator seeded from (seed, r)', default: String(DEFAULT_SEED) })
    .option('workers', { alias: 'w', type: 'string', describe: 'worker threads: a number or auto (one per core); the output is the same for any count', default: 'auto' })
    .option('json', { type: 'boolean', describe: 'print the summary as JSON instead of the table' })
    .option('csv', { type: 'string', describe: 'write the summary CSV (one row a metric) to this file' })
    .option('runs-csv', { type: 'string', describe: 'write one row a run (outcome, who withdrew, ceasefire fate, sampled values) to this file' })
    .option('rounds-csv', { type: 'string', describe: 'write one row a round (still talking, withdrawals, agreements, ceasefire kept) to this file' })
    .option('quiet', { alias: 'q', type: 'boolean', describe: 'print nothing on stderr but errors' }) as unknown as Argv<RunArgs>;
}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export async function runCommand(args: RunArgs, io: Io): Promise<Summary> {
  const runs = intFlag('runs', args.runs ?? DEFAULT_RUNS, 1, MAX_RUNS);
  const seed = intFlag('seed', args.seed ?? DEFAULT_SEED, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const workers = resolveWorkers(workersFlag(args.workers));
  const outputs = [
    ['--csv', args.csv],
    ['--runs-csv', args['runs-csv']],
    ['--rounds-csv', args['rounds-csv']],
  ] as const;
  const seen = new Set<string>();
  for (const [flag, path] of outputs) {
    if (path === undefined) continue;
    if (path === '') throw new UserError(`${flag} needs a file name, e.g. ${flag} results/out.csv`);
    if (seen.has(path)) throw new UserError(`${path} is named by two output flags; give each output its own file.`);
    seen.add(path);
    const problem = await checkWritable(path);
    if (problem) throw new UserError(`cannot write ${flag} ${path}: ${problem}`);
  }
  const scenario = loadOrFail(args.file, (w) => { if (!args.quiet) io.err(w + '\n'); });

  let runsFile: AtomicFile | null = null;
  try {
    if (args['runs-csv']) {
      runsFile = await openAtomic(args['runs-csv']);
      await runsFile.write(csvRows(runsCsvHeader(scenario), []));
    }
    const file = runsFile;
    const tally = await monteCarlo(scenario, {
      runs,
      seed,
      workers,
      keepRuns: file !== null,
      onBlock: file ? async (res) => { await file.write(runsCsvRows(scenario, res.columns!, seed)); } : undefined,
    });
    const summary = summarise(scenario, tally, seed, VERSION, rngName);
    if (args.csv) await writeFileAtomic(args.csv, summaryCsv(summary));
    if (args['rounds-csv']) await writeFileAtomic(args['rounds-csv'], roundsCsv(summary));
    if (file) await file.commit();
    runsFile = null;
    io.out(args.json ? summaryJson(summary) : summaryTable(summary));
    return summary;
  } finally {
    if (runsFile) await runsFile.abort();
  }
}
