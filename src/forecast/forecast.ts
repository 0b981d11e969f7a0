/**
 * Position forecasts of each issue by the models of the expected-utility literature, side by side:
 *
 * - `compromise`: the c s weighted mean of positions (compromise.ts);
 * - `median`: the c s weighted median (model/weighted-median.ts), Black's median voter — what the
 *   mediator of negsim's own simulation proposes, and BDM's starting forecast;
 * - `eum`: Bueno de Mesquita's expected-utility model as Scholz et al. (2011) specify it
 *   (expected-utility.ts): the median and mean after each round;
 * - `negsim`: the simulator's own forecast, the distribution of the deal on the issue over the
 *   Monte Carlo runs that end in agreement (the `deal` block of the run summary), attached by
 *   `negsimForecast` from a Summary.
 *
 * @example
 * forecastIssue(parseActorsCsv(readFileSync('scenarios/eu-car-emissions.csv', 'utf8'), 'eu')[0], ['compromise', 'median']);
 * // { id: 'issue', name: 'issue', actors: 10, compromise: 7.389955686853766, median: 7 }
 */
import { weightedMedian } from '../model/weighted-median.js';
import type { DealSummary, Summary } from '../stats/summary.js';
import type { ForecastIssue } from './actor-data.js';
import { compromisePosition } from './compromise.js';
import { expectedUtilityModel, type EumOptions } from './expected-utility.js';

export const FORECAST_MODELS = ['compromise', 'median', 'eum', 'negsim'] as const;
export type ForecastModel = (typeof FORECAST_MODELS)[number];

export interface NegsimForecast extends DealSummary {
  /** runs ending in agreement (the deal's sample) */
  agreements: number;
  runs: number;
  seed: number;
}

export interface IssueForecast {
  id: string;
  name: string;
  /** actors with a position on the issue */
  actors: number;
  compromise?: number;
  median?: number;
  eum?: { round: number; median: number; mean: number }[];
  /** null when no run ended in agreement */
  negsim?: NegsimForecast | null;
}

export function forecastIssue(issue: ForecastIssue, models: readonly ForecastModel[], eum: EumOptions = {}): IssueForecast {
  const a = issue.actors;
  const out: IssueForecast = { id: issue.id, name: issue.name, actors: a.length };
  if (models.includes('compromise')) out.compromise = compromisePosition(a);
  if (models.includes('median')) {
    out.median = weightedMedian(a.map((x) => x.position), a.map((x) => x.capability * x.salience), a.length, new Int32Array(a.length));
  }
  if (models.includes('eum')) {
    out.eum = expectedUtilityModel(a, eum).map(({ round, median, mean }) => ({ round, median, mean }));
  }
  return out;
}

/** negsim's forecast of an issue from a Monte Carlo summary: the deal given agreement. */
export function negsimForecast(summary: Summary, issueId: string): NegsimForecast | null {
  const deal = summary.deal[issueId];
  const agreements = summary.outcomes.agreement.count;
  if (!deal || agreements === 0) return null;
  return { ...deal, agreements, runs: summary.runs, seed: summary.seed };
}
