/**
 * Position forecasts against where deals really settled (`observed.positions`): for each issue with an
 * observed position, the forecast of each model of `negsim forecast` — the compromise (weighted mean),
 * the weighted median, Bueno de Mesquita's expected-utility model (the median after its last round,
 * Scholz et al. 2011) and negsim's own mean deal given agreement (null when no run agreed) — and each
 * model's mean absolute error over the issues it forecast.
 *
 * @example
 * meanAbsoluteErrors([{ issue: 'x', observed: 40, compromise: 50, median: 45, eum: 42, negsim: null }])
 * // { compromise: { mae: 10, n: 1 }, median: { mae: 5, n: 1 }, eum: { mae: 2, n: 1 }, negsim: { mae: NaN, n: 0 } }
 */
import { forecastIssue, negsimForecast, type IssueForecast } from '../forecast/forecast.js';
import { forecastIssuesOfScenario } from '../forecast/scenario-issues.js';
import type { Scenario } from '../scenario/types.js';
import type { Summary } from '../stats/summary.js';

export const POSITION_MODELS = ['compromise', 'median', 'eum', 'negsim'] as const;
export type PositionModel = (typeof POSITION_MODELS)[number];

export interface PositionRow {
  issue: string;
  observed: number;
  compromise: number;
  median: number;
  eum: number;
  /** Mean deal over the runs ending in agreement; null when none did. */
  negsim: number | null;
}

export interface PositionError {
  /** Mean absolute error (NaN when n = 0). */
  mae: number;
  /** Issues forecast by the model. */
  n: number;
}

/** The forecasts of every observed position of `scenario` (none without `observed.positions`). */
export function positionRows(scenario: Scenario, summary: Summary): PositionRow[] {
  const positions = scenario.observed?.positions ?? [];
  if (positions.length === 0) return [];
  const issues = forecastIssuesOfScenario(scenario);
  return positions.map(({ issue, value }) => {
    // an issue no actor holds a position on has no position forecast
    const f: Partial<IssueForecast> = issues[issue].actors.length > 0 ? forecastIssue(issues[issue], ['compromise', 'median', 'eum']) : {};
    const id = scenario.issues[issue].id;
    // no negsim forecast without an agreement; a non-finite mean (no summarise() output has one) is none too
    const deal = negsimForecast(summary, id)?.mean;
    return {
      issue: id,
      observed: value,
      compromise: f.compromise ?? NaN,
      median: f.median ?? NaN,
      eum: f.eum && f.eum.length > 0 ? f.eum[f.eum.length - 1].median : NaN,
      negsim: deal !== undefined && Number.isFinite(deal) ? deal : null,
    };
  });
}

/** Each model's mean absolute error over the rows where it has a finite forecast. */
export function meanAbsoluteErrors(rows: readonly PositionRow[]): Record<PositionModel, PositionError> {
  const out = {} as Record<PositionModel, PositionError>;
  for (const m of POSITION_MODELS) {
    let sum = 0;
    let n = 0;
    for (const r of rows) {
      const x = r[m];
      if (x === null || !Number.isFinite(x)) continue;
      sum += Math.abs(x - r.observed);
      n++;
    }
    out[m] = { mae: n > 0 ? sum / n : NaN, n };
  }
  return out;
}
