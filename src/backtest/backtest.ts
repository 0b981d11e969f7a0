/**
 * A backtest: the Monte Carlo forecasts of scenarios that carry `observed:` scored against what really
 * happened. For each question, the forecast probability with its 95% interval (questions.ts), the answer,
 * its Brier score and log loss (score.ts); per scenario and over all questions pooled (each question
 * weighs the same, so scenarios with more questions weigh more), the mean scores of negsim and of the two
 * baselines (baselines.ts: always 0.5, and the in-sample base rate of each ask); and the mean absolute
 * error of position forecasts (positions.ts).
 *
 * Pure: the caller plays the Monte Carlos and hands in each scenario's summary and tally (which counts
 * the runs in which each question's event happened).
 *
 * @example
 * const r = backtest([{ scenario, summary, tally }]);
 * r.overall.negsim // { n: 10, brier: ..., logLoss: ... }
 */
import { basename } from 'node:path';
import type { ObservedAsk, Scenario } from '../scenario/types.js';
import type { Summary } from '../stats/summary.js';
import { baseRates, HALF, type BaseRate } from './baselines.js';
import type { Tally } from '../stats/tally.js';
import { meanAbsoluteErrors, positionRows, type PositionError, type PositionModel, type PositionRow } from './positions.js';
import { forecastQuestion, type QuestionForecast } from './questions.js';
import { brierScore, CLIP, logLoss, meanScores, type Scores } from './score.js';

export interface QuestionResult {
  scenario: string;
  question: string;
  ask: ObservedAsk;
  /** The party asked about ('' if none). */
  actor: string;
  /** The measure asked about ('' if none). */
  measure: string;
  /** held: rounds asked for (0: to the end). */
  rounds: number;
  observed: boolean;
  note?: string;
  forecast: QuestionForecast;
  brier: number;
  logLoss: number;
  /** The base-rate baseline's forecast for this question. */
  baseRate: number;
}

export interface ScoreSet {
  negsim: Scores;
  /** Always 0.5. */
  half: Scores;
  /** The share of yes answers of the question's ask across all scenarios of the backtest (in-sample). */
  baseRate: Scores;
}

export interface ScenarioBacktest {
  id: string;
  title: string;
  file: string;
  hash: string;
  asOf?: string;
  observedAsOf: string;
  seed: number;
  runs: number;
  questions: QuestionResult[];
  scores: ScoreSet;
  positions: PositionRow[];
  positionErrors: Record<PositionModel, PositionError>;
}

export interface BacktestResult {
  /** Forecasts are clipped to [clip, 1 - clip] for the log loss. */
  clip: number;
  scenarios: ScenarioBacktest[];
  /** Over every question of every scenario. */
  overall: ScoreSet;
  /** Per ask, in order of first appearance: the base rates the baseline used. */
  baseRates: Record<string, BaseRate>;
  /** Over every observed position of every scenario. */
  positionErrors: Record<PositionModel, PositionError>;
}

export interface BacktestInput {
  /** A scenario with `observed`. */
  scenario: Scenario;
  summary: Summary;
  /** The tally the summary was made from (its per-question counts). */
  tally: Tally;
}

function scoreSet(qs: readonly QuestionResult[]): ScoreSet {
  return {
    negsim: meanScores(qs.map((q) => ({ p: q.forecast.p, observed: q.observed }))),
    half: meanScores(qs.map((q) => ({ p: HALF, observed: q.observed }))),
    baseRate: meanScores(qs.map((q) => ({ p: q.baseRate, observed: q.observed }))),
  };
}

export function backtest(inputs: readonly BacktestInput[]): BacktestResult {
  for (const { scenario } of inputs) {
    if (!scenario.observed) throw new Error(`backtest: scenario ${scenario.id} has no observed block`);
  }
  const rates = baseRates(inputs.flatMap(({ scenario }) => scenario.observed!.questions));
  const scenarios = inputs.map(({ scenario, summary, tally }): ScenarioBacktest => {
    const obs = scenario.observed!;
    const questions = obs.questions.map((q, k): QuestionResult => {
      const forecast = forecastQuestion(scenario, tally, k);
      const r: QuestionResult = {
        scenario: scenario.id,
        question: q.id,
        ask: q.ask,
        actor: q.actor >= 0 ? scenario.actors[q.actor].id : '',
        measure: q.measure >= 0 ? scenario.measures[q.measure].id : '',
        rounds: q.rounds,
        observed: q.answer,
        forecast,
        brier: brierScore(forecast.p, q.answer),
        logLoss: logLoss(forecast.p, q.answer),
        baseRate: rates.get(q.ask)!.rate,
      };
      if (q.note !== undefined) r.note = q.note;
      return r;
    });
    const positions = positionRows(scenario, summary);
    const out: ScenarioBacktest = {
      id: scenario.id, title: scenario.title, file: basename(scenario.file), hash: scenario.hash,
      observedAsOf: obs.asOf, seed: summary.seed, runs: summary.runs,
      questions, scores: scoreSet(questions), positions, positionErrors: meanAbsoluteErrors(positions),
    };
    if (scenario.asOf !== undefined) out.asOf = scenario.asOf;
    return out;
  });
  return {
    clip: CLIP,
    scenarios,
    overall: scoreSet(scenarios.flatMap((s) => s.questions)),
    baseRates: Object.fromEntries(rates),
    positionErrors: meanAbsoluteErrors(scenarios.flatMap((s) => s.positions)),
  };
}
