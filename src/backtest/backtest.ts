/**
 * A backtest: the Monte Carlo forecasts of scenarios that carry `observed:` scored against what really
 * happened. For each question, the forecast probability with its 95% interval (questions.ts), the answer,
 * its Brier score and log loss (score.ts); per scenario and over all questions pooled (each question
 * weighs the same, so scenarios with more questions weigh more), the mean scores of negsim and of the three
 * baselines (baselines.ts: always 0.5, the in-sample base rate of each ask, and the same base rate with
 * the question's own case left out); each forecaster's scorecard (scorecard.ts: attendance apart from the
 * rest, by kind, by case, the reliability table and its calibration error); the counts of cases and
 * questions (attendance, yes and no per kind); and the mean absolute error of position forecasts
 * (positions.ts).
 *
 * Pure: the caller plays the Monte Carlos and hands in each scenario's summary and tally (which counts
 * the runs in which each question's event happened). `scoreBacktest` does the scoring alone, from
 * forecasts however made (a test builds them by hand).
 *
 * @example
 * const r = backtest([{ scenario, summary, tally }]);
 * r.overall.negsim // { n: 10, brier: ..., logLoss: ... }
 * r.scorecards.outOfSampleBaseRate.nonAttendance // the fair bar, without the attendance questions
 */
import { basename } from 'node:path';
import type { ObservedAsk, Scenario } from '../scenario/types.js';
import { OBSERVED_ASK_VALUES } from '../scenario/schema.js';
import type { Summary } from '../stats/summary.js';
import { baseRates, HALF, leaveCaseOutRates, type BaseRate, type BaseRateBasis } from './baselines.js';
import type { Tally } from '../stats/tally.js';
import { meanAbsoluteErrors, positionRows, type PositionError, type PositionModel, type PositionRow } from './positions.js';
import { forecastQuestion, type QuestionForecast } from './questions.js';
import { isAttendance, scorecard, type ScoredQuestion, type Scorecard } from './scorecard.js';
import { brierScore, CLIP, logLoss, meanScores, type Scores } from './score.js';

/**
 * Who forecasts: negsim, and the baselines it is judged against (baselines.ts), in the order every output
 * lists them.
 */
export const FORECASTERS = ['negsim', 'half', 'baseRate', 'outOfSampleBaseRate'] as const;
export type Forecaster = (typeof FORECASTERS)[number];

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
  /** The in-sample base-rate baseline's forecast for this question. */
  baseRate: number;
  /** The out-of-sample base-rate baseline's forecast: its kind's share of yes in the other cases. */
  outOfSampleBaseRate: number;
  /** What that rate was computed from: the kind in other cases, all their questions, or nothing (0.5). */
  outOfSampleBasis: BaseRateBasis;
}

export interface ScoreSet {
  negsim: Scores;
  /** Always 0.5. */
  half: Scores;
  /** The share of yes answers of the question's ask across all scenarios of the backtest (in-sample). */
  baseRate: Scores;
  /** The same share over the other scenarios only (leave one case out). */
  outOfSampleBaseRate: Scores;
}

/** How many questions of one kind, and their answers. */
export interface KindCount {
  n: number;
  yes: number;
  no: number;
}

/** What was scored: the record's size and balance. */
export interface BacktestCounts {
  cases: number;
  questions: number;
  /** Questions on attendance (asks attends and talks; scorecard.ts). */
  attendance: number;
  /** attendance / questions (NaN with no questions). */
  attendanceShare: number;
  yes: number;
  no: number;
  /** Per ask, in the schema's order, only those asked. */
  byKind: Record<string, KindCount>;
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
  /** Per ask, in order of first appearance: the base rates the in-sample baseline used. */
  baseRates: Record<string, BaseRate>;
  counts: BacktestCounts;
  /** Each forecaster's scorecard over every question. */
  scorecards: Record<Forecaster, Scorecard>;
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

/** A question's forecast and answer, before it is scored. */
export type UnscoredQuestion = Omit<QuestionResult, 'brier' | 'logLoss' | 'baseRate' | 'outOfSampleBaseRate' | 'outOfSampleBasis'>;

/** A scenario's forecasts, before they are scored. */
export type CaseForecasts = Omit<ScenarioBacktest, 'questions' | 'scores' | 'positionErrors'> & { questions: UnscoredQuestion[] };

/** Each forecaster's probability of yes for question q. */
export function forecastOf(q: QuestionResult, who: Forecaster): number {
  switch (who) {
    case 'negsim': return q.forecast.p;
    case 'half': return HALF;
    case 'baseRate': return q.baseRate;
    case 'outOfSampleBaseRate': return q.outOfSampleBaseRate;
  }
}

function scoreSet(qs: readonly QuestionResult[]): ScoreSet {
  const set = {} as ScoreSet;
  for (const who of FORECASTERS) set[who] = meanScores(qs.map((q) => ({ p: forecastOf(q, who), observed: q.observed })));
  return set;
}

/** The questions of a backtest as one forecaster's scored questions (scorecard.ts), in their order. */
export function scoredQuestions(scenarios: readonly ScenarioBacktest[], who: Forecaster): ScoredQuestion[] {
  return scenarios.flatMap((s) => s.questions.map((q): ScoredQuestion => ({
    case: s.id, question: q.question, ask: q.ask, asOf: s.asOf ?? '', p: forecastOf(q, who), observed: q.observed,
  })));
}

/** Cases, questions, attendance and the answers of each kind. */
export function backtestCounts(scenarios: readonly { questions: readonly { ask: ObservedAsk; observed: boolean }[] }[]): BacktestCounts {
  const qs = scenarios.flatMap((s) => s.questions);
  const yes = qs.filter((q) => q.observed).length;
  const attendance = qs.filter((q) => isAttendance(q.ask)).length;
  const byKind: Record<string, KindCount> = {};
  for (const ask of OBSERVED_ASK_VALUES) {
    const of = qs.filter((q) => q.ask === ask);
    if (of.length === 0) continue;
    const y = of.filter((q) => q.observed).length;
    byKind[ask] = { n: of.length, yes: y, no: of.length - y };
  }
  return {
    cases: scenarios.length, questions: qs.length, attendance, attendanceShare: qs.length > 0 ? attendance / qs.length : NaN,
    yes, no: qs.length - yes, byKind,
  };
}

/**
 * Scores forecasts made however (by `backtest`, or by hand in a test): each question's Brier score, log
 * loss and baseline forecasts, the scores per scenario and overall, the counts and the scorecards.
 */
export function scoreBacktest(cases: readonly CaseForecasts[]): BacktestResult {
  const all = cases.flatMap((c) => c.questions.map((q) => ({ case: c.id, ask: q.ask, observed: q.observed })));
  const rates = baseRates(all.map((q) => ({ ask: q.ask, answer: q.observed })));
  const outside = leaveCaseOutRates(all);
  let k = 0;
  const scenarios = cases.map((c): ScenarioBacktest => {
    const questions = c.questions.map((q): QuestionResult => {
      const out = outside[k++];
      return {
        ...q,
        brier: brierScore(q.forecast.p, q.observed),
        logLoss: logLoss(q.forecast.p, q.observed),
        baseRate: rates.get(q.ask)!.rate,
        outOfSampleBaseRate: out.p,
        outOfSampleBasis: out.basis,
      };
    });
    return { ...c, questions, scores: scoreSet(questions), positionErrors: meanAbsoluteErrors(c.positions) };
  });
  const scorecards = {} as Record<Forecaster, Scorecard>;
  for (const who of FORECASTERS) scorecards[who] = scorecard(scoredQuestions(scenarios, who));
  return {
    clip: CLIP,
    scenarios,
    overall: scoreSet(scenarios.flatMap((s) => s.questions)),
    baseRates: Object.fromEntries(rates),
    counts: backtestCounts(scenarios),
    scorecards,
    positionErrors: meanAbsoluteErrors(scenarios.flatMap((s) => s.positions)),
  };
}

export function backtest(inputs: readonly BacktestInput[]): BacktestResult {
  for (const { scenario } of inputs) {
    if (!scenario.observed) throw new Error(`backtest: scenario ${scenario.id} has no observed block`);
  }
  return scoreBacktest(inputs.map(({ scenario, summary, tally }): CaseForecasts => {
    const obs = scenario.observed!;
    const questions = obs.questions.map((q, k): UnscoredQuestion => {
      const r: UnscoredQuestion = {
        scenario: scenario.id,
        question: q.id,
        ask: q.ask,
        actor: q.actor >= 0 ? scenario.actors[q.actor].id : '',
        measure: q.measure >= 0 ? scenario.measures[q.measure].id : '',
        rounds: q.rounds,
        observed: q.answer,
        forecast: forecastQuestion(scenario, tally, k),
      };
      if (q.note !== undefined) r.note = q.note;
      return r;
    });
    const out: CaseForecasts = {
      id: scenario.id, title: scenario.title, file: basename(scenario.file), hash: scenario.hash,
      observedAsOf: obs.asOf, seed: summary.seed, runs: summary.runs,
      questions, positions: positionRows(scenario, summary),
    };
    if (scenario.asOf !== undefined) out.asOf = scenario.asOf;
    return out;
  }));
}
