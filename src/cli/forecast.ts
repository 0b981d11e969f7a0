/**
 * `negsim forecast FILE [--model compromise|median|eum|negsim|all]`: where the talks settle on each
 * issue, by the compromise model, the weighted median, Bueno de Mesquita's expected-utility model
 * and negsim's own Monte Carlo. FILE is a scenario (YAML/JSON) or a CSV with the columns
 * actor,capability,position,salience[,issue]; a CSV has no game, so `negsim` needs a scenario.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Argv } from 'yargs';
import { ActorsCsvError, forecast, readActorsCsv, type ForecastIssue } from '../api/forecast.js';
import type { LoadedScenario } from '../api/scenario.js';
import { DEFAULT_EUM_ROUNDS, EUM_READINGS, EUM_STOPS, type EumReadingName, type EumStop } from '../forecast/expected-utility.js';
import { FORECAST_MODELS, type ForecastModel } from '../forecast/forecast.js';
import { forecastText } from '../report/forecast-text.js';
import { MAX_FILE_BYTES } from '../scenario/limits.js';
import { DEFAULT_RUNS, DEFAULT_SEED, intFlag, MAX_RUNS, workersOption } from './flags.js';
import type { Io } from './run.js';
import { UserError } from './user-error.js';
import { VERSION } from './version.js';
import { examples } from './help.js';

export interface ForecastArgs {
  file?: string;
  model?: string;
  rounds?: unknown;
  reading?: string;
  until?: string;
  runs?: unknown;
  seed?: unknown;
  workers?: unknown;
  json?: boolean;
  quiet?: boolean;
}

export function forecastOptions(y: Argv): Argv<ForecastArgs> {
  return y
    .positional('file', { type: 'string', describe: 'a scenario file (YAML/JSON) or a CSV with columns actor,capability,position,salience[,issue]' })
    .option('model', { alias: 'm', type: 'string', choices: [...FORECAST_MODELS, 'all'], default: 'all', describe: 'which forecast: compromise (weighted mean), median (weighted median), eum (expected-utility model), negsim (the simulator: deal when agreed), all' })
    .option('rounds', { type: 'string', default: String(DEFAULT_EUM_ROUNDS), describe: 'most rounds of the expected-utility model' })
    .option('until', { type: 'string', choices: [...EUM_STOPS], default: 'stable-median', describe: 'expected-utility model: stop at the first round whose weighted median repeats the last (stable-median), or play --rounds rounds (rounds); both stop when no actor moves' })
    .option('reading', { type: 'string', choices: [...EUM_READINGS], default: 'published', describe: "expected-utility model: the reading that reproduces Scholz et al.'s published rounds (published), or their equations as printed (printed); docs/MODEL.md section 9" })
    .option('runs', { alias: 'n', type: 'string', default: String(DEFAULT_RUNS), describe: 'Monte Carlo runs of the negsim model' })
    .option('seed', { alias: 's', type: 'string', default: String(DEFAULT_SEED), describe: 'master seed of the negsim model' })
    .option('workers', { alias: 'w', type: 'string', default: 'auto', describe: 'worker threads of the negsim model: a number or auto' })
    .option('json', { type: 'boolean', describe: 'print the forecasts as JSON' })
    .option('quiet', { alias: 'q', type: 'boolean', describe: 'print nothing on stderr but errors' })
    .epilogue(examples([
      ['negsim forecast scenarios/eu-car-emissions.csv', 'compromise, median and expected-utility model of the 1994 EU car-emissions example'],
      ['negsim forecast scenarios/eu-car-emissions.csv -m eum --until rounds --rounds 8', "the model's first 8 rounds, as in Scholz et al.'s table 2"],
      ['negsim forecast scenarios/geneva-2014.yaml --model negsim', "negsim's own forecast: the deal on each issue when the talks agree"],
    ])) as unknown as Argv<ForecastArgs>;
}

export async function forecastCommand(args: ForecastArgs, io: Io): Promise<void> {
  const file = args.file;
  if (!file) throw new UserError('name a scenario or CSV file, e.g. negsim forecast scenarios/eu-car-emissions.csv');
  const model = args.model ?? 'all';
  const rounds = intFlag('rounds', args.rounds ?? DEFAULT_EUM_ROUNDS, 0, 10_000);
  const eum = { rounds, reading: (args.reading ?? 'published') as EumReadingName, stop: (args.until ?? 'stable-median') as EumStop };
  const isCsv = extname(file).toLowerCase() === '.csv';
  let models: ForecastModel[] = model === 'all' ? [...FORECAST_MODELS] : [model as ForecastModel];
  if (isCsv && models.includes('negsim')) {
    if (model === 'negsim') {
      throw new UserError(`${file}: the negsim model needs a scenario file (YAML or JSON): a CSV of positions has no game to simulate. Use --model compromise, median or eum, or give a scenario.`);
    }
    models = models.filter((m) => m !== 'negsim');
    if (!args.quiet) io.err(`negsim: ${file} is a CSV of positions, with no game to simulate; the negsim model is left out.\n`);
  }
  let input: ForecastIssue[] | LoadedScenario;
  if (isCsv) {
    input = readCsv(file);
  } else {
    // the scenario loader, and the Monte Carlo (api/forecast.ts), only when used: a CSV needs neither (start-up)
    const { loadScenarioOrFail } = await import('./common.js');
    input = loadScenarioOrFail(file, (w) => { if (!args.quiet) io.err(w + '\n'); });
  }
  const negsim = !isCsv && models.includes('negsim');
  const forecasts = await forecast(input, {
    models,
    eum,
    ...(negsim ? {
      runs: intFlag('runs', args.runs ?? DEFAULT_RUNS, 1, MAX_RUNS),
      seed: intFlag('seed', args.seed ?? DEFAULT_SEED, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
      workers: workersOption(args.workers, io, args.quiet),
    } : {}),
  });
  io.out(args.json ? JSON.stringify({ negsim: VERSION, file, models, issues: forecasts }, null, 2) + '\n' : forecastText(file, forecasts));
}

function readCsv(file: string): ForecastIssue[] {
  let text: string;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new UserError(`'${file}' is a directory, not a CSV file`);
    if (st.size > MAX_FILE_BYTES) throw new UserError(`'${file}' is too large (${st.size} bytes; the limit is 5 MB)`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof UserError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError(`file '${file}' not found; check the path (it is relative to the current directory)`);
    throw new UserError(`cannot read '${file}': ${(e as Error).message}`);
  }
  try {
    return readActorsCsv(text, file);
  } catch (e) {
    if (e instanceof ActorsCsvError) throw new UserError(`${e.message}\nThe file needs a header row actor,capability,position,salience (and optionally issue), then one row an actor.`);
    throw e;
  }
}
