/**
 * Position forecasts for the library, as `negsim forecast` makes them: where the talks settle on each
 * issue by the compromise model (capability x salience weighted mean), the weighted median, Bueno de
 * Mesquita's expected-utility model (Scholz et al. 2011; docs/MODEL.md §9) and, for a scenario, negsim's
 * own Monte Carlo (the deal when the talks agree). The input is a loaded scenario (its uncertain numbers
 * read at their central values) or issues read from a CSV `actor,capability,position,salience[,issue]`.
 *
 * @example
 * const issues = readActorsCsv(readFileSync('scenarios/eu-car-emissions.csv', 'utf8'), 'eu-car-emissions.csv');
 * const [car] = await forecast(issues, { models: ['compromise', 'median', 'eum'] });
 * car.compromise; // 7.389955686853766
 * car.eum!.at(-1); // { round: ..., median: ..., mean: ... }
 */
import type { ForecastIssue } from '../forecast/actor-data.js';
import { CsvInputError, parseActorsCsv } from '../forecast/actors-csv.js';
import type { EumOptions } from '../forecast/expected-utility.js';
import { FORECAST_MODELS, forecastIssue, negsimForecast, type ForecastModel, type IssueForecast } from '../forecast/forecast.js';
import { forecastIssuesOfScenario } from '../forecast/scenario-issues.js';
import type { Summary } from '../stats/summary.js';
import { InputError, OptionError } from './errors.js';
import type { RunOptions } from './options.js';
import type { LoadedScenario } from './scenario.js';

export { FORECAST_MODELS };
export type { EumOptions, ForecastIssue, ForecastModel, IssueForecast };

export interface ForecastOptions extends RunOptions {
  /** Default: every model that applies (negsim only to a scenario). */
  models?: readonly ForecastModel[];
  /** The expected-utility model's rounds, reading and stopping rule. */
  eum?: EumOptions;
}

/** A CSV of positions that cannot be read: where (file, line, column) and what. */
export class ActorsCsvError extends InputError {
  constructor(readonly file: string, readonly line: number, readonly column: number, readonly problem: string, text: string) {
    super([text]);
    this.name = 'ActorsCsvError';
  }
}

/**
 * The issues of a CSV with a header row naming the columns actor, capability, position, salience and
 * optionally issue (any order and letter case); `name` names it in problems. Throws ActorsCsvError.
 */
export function readActorsCsv(text: string, name = 'actors.csv'): ForecastIssue[] {
  try {
    return parseActorsCsv(text, name);
  } catch (e) {
    if (e instanceof CsvInputError) throw new ActorsCsvError(e.file, e.line, e.column, e.problem, e.message);
    throw e;
  }
}

/** A scenario's issues as the position models read them: each actor's central position, salience and capability. */
export function scenarioIssues(loaded: LoadedScenario): ForecastIssue[] {
  return forecastIssuesOfScenario(loaded.scenario);
}

function isLoaded(input: LoadedScenario | readonly ForecastIssue[]): input is LoadedScenario {
  return !Array.isArray(input);
}

/**
 * The forecasts of every issue. For a scenario with the negsim model, a Monte Carlo is played with
 * `runs`, `seed` and `workers` as `simulate` plays it (a summary may be given instead, to play none).
 * Throws OptionError when the negsim model is asked of issues without a scenario.
 */
export async function forecast(
  input: LoadedScenario | readonly ForecastIssue[], opts: ForecastOptions & { summary?: Summary } = {},
): Promise<IssueForecast[]> {
  const scenario = isLoaded(input);
  const models = opts.models ?? FORECAST_MODELS.filter((m) => scenario || m !== 'negsim');
  for (const m of models) {
    if (!(FORECAST_MODELS as readonly string[]).includes(m)) throw new OptionError('models', `models: unknown model '${m}'; the models are ${FORECAST_MODELS.join(', ')}`);
  }
  if (!scenario && models.includes('negsim')) {
    throw new OptionError('models', 'the negsim model needs a scenario: a table of positions has no game to simulate');
  }
  const issues = scenario ? scenarioIssues(input) : input;
  let summary = opts.summary;
  if (scenario && models.includes('negsim') && !summary) {
    // the Monte Carlo's modules only when it is played: a forecast of a table of positions starts fast
    const { simulate } = await import('./simulate.js');
    summary = (await simulate(input, { runs: opts.runs, seed: opts.seed, workers: opts.workers })).summary;
  }
  return issues.map((issue) => {
    const f = forecastIssue(issue, models, opts.eum);
    if (summary && models.includes('negsim')) f.negsim = negsimForecast(summary, issue.id);
    return f;
  });
}
