/**
 * `negsim run [FILE]`: the Monte Carlo of one scenario. Prints the summary table (or JSON) on stdout and
 * writes the CSVs asked for, each atomically; output paths are checked before any run starts, so a bad path
 * costs nothing and leaves nothing behind.
 */
import { statfs } from 'node:fs/promises';
import { dirname, resolve as resolvePath } from 'node:path';
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
import type { Scenario } from '../scenario/types.js';
import { summarise, type Summary } from '../stats/summary.js';
import { intFlag, loadOrFail, UserError, VERSION, workersFlag } from './common.js';

export const MAX_RUNS = 100_000_000;
/** A runs CSV larger than this is refused before the run: 10 GB is beyond any spreadsheet and most disks' patience. */
export const MAX_RUNS_CSV_BYTES = 10e9;

/** How far the current run has got, for the SIGINT/SIGTERM message (main.ts). */
export const runProgress = { running: false, done: 0, total: 0 };
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
  if (args['runs-csv']) await checkRunsCsvSize(args['runs-csv'], scenario, runs);

  let runsFile: AtomicFile | null = null;
  Object.assign(runProgress, { running: true, done: 0, total: runs });
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
      onProgress: (done) => { runProgress.done = done; },
    });
    runProgress.running = false;
    const summary = summarise(scenario, tally, seed, VERSION, rngName);
    if (args.csv) await writeFileAtomic(args.csv, summaryCsv(summary));
    if (args['rounds-csv']) await writeFileAtomic(args['rounds-csv'], roundsCsv(summary));
    if (file) await file.commit();
    runsFile = null;
    io.out(args.json ? summaryJson(summary) : summaryTable(summary));
    return summary;
  } finally {
    runProgress.running = false;
    if (runsFile) await runsFile.abort();
  }
}

/**
 * Bytes a runs CSV of `runs` rows will take, from an upper estimate of its row: ten bytes a column
 * (sampled values are printed with six or seven significant digits, as in `0.0844647,`) plus the
 * actor ids the boycotted/withdrew columns may list. The Geneva II rows average 408 bytes; this says 586.
 */
export function runsCsvBytes(scenario: Scenario, runs: number): number {
  const header = runsCsvHeader(scenario);
  const ids = scenario.actors.reduce((n, a) => n + a.id.length + 1, 0);
  return header.join(',').length + 2 + runs * (10 * header.length + 2 * ids);
}

/** Refuses, before any run, a runs CSV beyond MAX_RUNS_CSV_BYTES or beyond the free space of its folder. */
async function checkRunsCsvSize(path: string, scenario: Scenario, runs: number): Promise<void> {
  const bytes = runsCsvBytes(scenario, runs);
  const size = (b: number) => (b >= 1e9 ? `${(b / 1e9).toFixed(1)} GB` : `${Math.ceil(b / 1e6)} MB`);
  if (bytes > MAX_RUNS_CSV_BYTES) {
    throw new UserError(`--runs-csv ${path} would take about ${size(bytes)} (${runs} rows); the limit is ${size(MAX_RUNS_CSV_BYTES)}.
` +
      `Write it for fewer runs (the summary and --rounds-csv need no runs CSV), or split the runs between several seeds.`);
  }
  let free: number | undefined;
  try {
    const st = await statfs(dirname(resolvePath(path)));
    free = Number(st.bavail) * Number(st.bsize);
  } catch {
    return; // a file system that cannot say: the write itself will tell
  }
  if (bytes > free) {
    throw new UserError(`--runs-csv ${path} would take about ${size(bytes)} (${runs} rows), and its folder has ${size(free)} free.
` +
      'Free some space, write it elsewhere, or write it for fewer runs.');
  }
}
