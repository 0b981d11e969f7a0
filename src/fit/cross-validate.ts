/**
 * Out-of-sample scores of the fitting procedure (`negsim fit --cv`): every question is forecast by a model
 * fitted without its case's answers, and scored (src/backtest/scorecard.ts) beside three baselines fitted
 * the same out-of-sample way. Two designs:
 *
 * - Leave one case out: for each case c, negsim's parameters fitted on the other cases, and c's questions
 *   forecast at them. A refit per case (34 x hundreds of Monte Carlos) is beyond the budget, so each fold
 *   is one Newton step from the full fit on the fold's own objective: with the case derivatives at the
 *   full fit z^ (case-derivatives.ts), z_-c = z^ - (H - H_c)^+ (G - g_c), G = sum of all g_c — the
 *   approximate leave-one-out of Rad & Maleki (2020), "A scalable estimate of the out-of-sample prediction
 *   error via approximate leave-one-out", JRSS B 82(4); the step is capped at TRUST (logit units) in each
 *   coordinate, a trust region where the quadratic picture is doubtful. Optionally, `foldEvaluations`
 *   Nelder-Mead evaluations polish each fold from there. Removing g_c and H_c takes the case's pull on
 *   the fit out to first order; what a full refit would do beyond that is the approximation's error.
 * - By time: for each year Y, the parameters fitted afresh (from the model's defaults, the full budget,
 *   never warm-started from the full fit, which has seen the later cases) on the cases whose as_of is
 *   before 1 January Y, and the later cases forecast at them: a forecaster in Y with the record up to Y.
 *
 * Forecasts scored: negsim's share of runs k / n over `scoreRuns` runs at the fold's parameters — what
 * `negsim backtest --params F --runs scoreRuns` would say (the fit's smoothing is for the fit's objective;
 * a forecast is the share, clipped only in the log loss, as backtest does). Baselines, learnt from the
 * same training cases: always 0.5; the base rate of the question's kind (src/backtest/baselines.ts);
 * a ridge logistic regression on the kind (logistic.ts).
 */
import { leaveCaseOutRates, trainedBaseRate, type CaseQuestion } from '../backtest/baselines.js';
import { scorecard, type Scorecard, type ScoredQuestion } from '../backtest/scorecard.js';
import type { Scenario } from '../scenario/types.js';
import { pseudoInverse, type CaseDerivatives } from './case-derivatives.js';
import { fitParameters, type FitResult } from './fit.js';
import { fitLogistic, predictLogistic } from './logistic.js';
import type { RecordObjective } from './objective.js';
import { fromSearch } from './parameters.js';

export const FORECASTERS = ['negsim', 'half', 'baseRate', 'logistic'] as const;
export type CvForecaster = (typeof FORECASTERS)[number];

/** The largest move of a leave-one-out Newton step in any coordinate (logit scale). */
export const TRUST = 1;

export const DEFAULT_YEARS = [2000, 2004, 2008];

export interface CvFold {
  /** Cases forecast (ids). */
  test: string[];
  /** Cases fitted on. */
  train: number;
  /** negsim's parameter values of the fold. */
  values: number[];
  /** Evaluations the fold's fit took (0: the Newton step alone). */
  evaluations: number;
  /** Mean log loss (smoothed) of the fold's fit on its training cases, where it was computed. */
  trainLogLoss?: number;
}

export interface CvScheme {
  /** 'case-out', or 'time' with its year. */
  kind: 'case-out' | 'time';
  year?: number;
  /** In words: 'leave one case out', 'fit before 2000, score 2000 on'. */
  label: string;
  trainCases: number;
  testCases: number;
  folds: CvFold[];
  forecasts: Record<CvForecaster, ScoredQuestion[]>;
  scorecards: Record<CvForecaster, Scorecard>;
}

export interface CvOptions {
  /** The full fit and the derivatives at it (for the leave-one-out steps). */
  full: FitResult;
  derivatives: CaseDerivatives;
  years: readonly number[];
  /** Nelder-Mead budget of each by-time fit. */
  maxEvaluations: number;
  /** Polishing evaluations of each leave-one-out fold (0: the Newton step alone). */
  foldEvaluations: number;
  onPhase?: (what: string) => void;
}

/** Questions of a case as the baselines see them. */
function caseQuestions(s: Scenario): CaseQuestion[] {
  return s.observed!.questions.map((q) => ({ case: s.id, ask: q.ask, observed: q.answer }));
}

function scored(s: Scenario, p: (k: number) => number): ScoredQuestion[] {
  return s.observed!.questions.map((q, k) => ({ case: s.id, question: q.id, ask: q.ask, asOf: s.asOf ?? '', p: p(k), observed: q.answer }));
}

function emptyForecasts(): Record<CvForecaster, ScoredQuestion[]> {
  return { negsim: [], half: [], baseRate: [], logistic: [] };
}

function cards(f: Record<CvForecaster, ScoredQuestion[]>): Record<CvForecaster, Scorecard> {
  return { negsim: scorecard(f.negsim), half: scorecard(f.half), baseRate: scorecard(f.baseRate), logistic: scorecard(f.logistic) };
}

/**
 * `objective` plays the fit's runs; `scoring` the same cases with the scoring runs (same pool, same seed).
 */
export async function crossValidate(objective: RecordObjective, scoring: RecordObjective, opts: CvOptions): Promise<CvScheme[]> {
  const cases = objective.cases;
  const ps = objective.parameters;
  const values = (z: readonly number[]) => ps.map((p, k) => fromSearch(p, z[k]));
  const out: CvScheme[] = [];

  // ---- leave one case out
  opts.onPhase?.('leave one case out');
  const d = opts.derivatives;
  const gAll = ps.map((_, i) => d.gradients.reduce((s, g) => s + g[i], 0));
  const all = cases.map(caseQuestions);
  const lcoRates = leaveCaseOutRates(all.flat());
  const looForecasts = emptyForecasts();
  const folds: CvFold[] = [];
  let q0 = 0;
  for (let c = 0; c < cases.length; c++) {
    const pos = d.cases.indexOf(c);
    if (pos < 0) throw new Error(`crossValidate: the derivatives do not cover case ${cases[c].id}`);
    const h = d.hessian.map((row, i) => row.map((x, j) => x - d.caseHessians[pos][i][j]));
    const g = gAll.map((x, i) => x - d.gradients[pos][i]);
    const { inverse } = pseudoInverse(h);
    const step = inverse.map((row) => -row.reduce((s, x, j) => s + x * g[j], 0));
    const scale = Math.min(1, TRUST / Math.max(1e-300, ...step.map(Math.abs)));
    let z = d.z.map((x, i) => x + scale * step[i]);
    const others = cases.map((_, i) => i).filter((i) => i !== c);
    let evaluations = 0;
    let trainLogLoss: number | undefined;
    if (opts.foldEvaluations > 0) {
      const r = await fitParameters(objective, { cases: others, start: values(z), step: 0.2, maxEvaluations: opts.foldEvaluations });
      z = r.z;
      evaluations = r.evaluations;
      trainLogLoss = r.logLoss;
    }
    const v = values(z);
    const e = await scoring.evaluate(v, [c]);
    const s = cases[c];
    looForecasts.negsim.push(...scored(s, (k) => e.counts[0][k] / scoring.opts.runs));
    looForecasts.half.push(...scored(s, () => 0.5));
    looForecasts.baseRate.push(...scored(s, (k) => lcoRates[q0 + k].p));
    const model = fitLogistic(others.flatMap((i) => all[i]).map((x) => ({ kind: x.ask, y: x.observed })));
    looForecasts.logistic.push(...scored(s, (k) => predictLogistic(model, s.observed!.questions[k].ask)));
    q0 += all[c].length;
    const fold: CvFold = { test: [s.id], train: others.length, values: v, evaluations };
    if (trainLogLoss !== undefined) fold.trainLogLoss = trainLogLoss;
    folds.push(fold);
  }
  out.push({
    kind: 'case-out', label: 'leave one case out', trainCases: cases.length - 1, testCases: 1,
    folds, forecasts: looForecasts, scorecards: cards(looForecasts),
  });

  // ---- by time
  for (const year of opts.years) {
    const cut = `${String(year).padStart(4, '0')}-01-01`;
    const train = cases.map((_, i) => i).filter((i) => cases[i].asOf !== undefined && cases[i].asOf! < cut);
    const test = cases.map((_, i) => i).filter((i) => cases[i].asOf !== undefined && cases[i].asOf! >= cut);
    if (train.length === 0 || test.length === 0) continue;
    opts.onPhase?.(`fit on the cases before ${year}`);
    const r = await fitParameters(objective, { cases: train, maxEvaluations: opts.maxEvaluations });
    const e = await scoring.evaluate(r.values, test);
    const forecasts = emptyForecasts();
    const trainQs = train.flatMap((i) => all[i]);
    const model = fitLogistic(trainQs.map((x) => ({ kind: x.ask, y: x.observed })));
    test.forEach((i, j) => {
      const s = cases[i];
      forecasts.negsim.push(...scored(s, (k) => e.counts[j][k] / scoring.opts.runs));
      forecasts.half.push(...scored(s, () => 0.5));
      forecasts.baseRate.push(...scored(s, (k) => trainedBaseRate(trainQs, s.observed!.questions[k].ask).p));
      forecasts.logistic.push(...scored(s, (k) => predictLogistic(model, s.observed!.questions[k].ask)));
    });
    out.push({
      kind: 'time', year, label: `fit before ${year}, score ${year} on`, trainCases: train.length, testCases: test.length,
      folds: [{ test: test.map((i) => cases[i].id), train: train.length, values: r.values, evaluations: r.evaluations, trainLogLoss: r.logLoss }],
      forecasts, scorecards: cards(forecasts),
    });
  }
  return out;
}
