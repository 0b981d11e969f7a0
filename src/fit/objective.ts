/**
 * What `negsim fit` minimises: the mean log loss of the model's forecasts over every observed question of
 * the cases, as a function of the fitted parameters (parameters.ts). At each parameter value every case is
 * played — the values applied as model defaults (scenario/model-defaults.ts), `runs` runs under `seed` —
 * and question q of a case, seen in k of those n runs, is forecast
 *
 *     p~ = (k + 1/2) / (n + 1)
 *
 * (the Krichevsky-Trofimov estimator: the posterior mean of a proportion under Jeffreys' Beta(1/2, 1/2)
 * prior; Krichevsky & Trofimov 1981, "The performance of universal encoding", IEEE Trans. Inf. Theory
 * 27(2)). Why not k / n: a question the model never saw happen in n runs would cost -ln 0 = infinity
 * (or, clipped as the backtest clips, 13.8 nats), and one run more or less of it would move the
 * objective by nats — the objective would be ruled by whether a rare event was drawn at all, not by how
 * likely the model makes it. With the estimator, k = 0 costs ln(2n + 2) (6.4 nats at 300 runs) and each
 * run moves a question's loss by at most ln 3 (k from 0 to 1), by about 1/(k + 1/2) beyond.
 *
 * Common random numbers: run r of every evaluation draws from the generator seeded (seed, r) whatever the
 * parameters, so two nearby parameter values differ by what the parameters change, not by luck: the
 * objective is a deterministic function of the parameters for a given seed, flat between the values where
 * some run's choice flips and stepping by one run's worth there — smooth at the scale of a Nelder-Mead
 * simplex, where independent draws at each point would add noise of order sqrt(p(1 - p)/n) per question.
 *
 * The objective keeps the per-case sums, so the same evaluations serve a fit on a subset of the cases
 * (a cross-validation fold) and the bootstrap over cases (intervals.ts).
 */
import type { Scenario } from '../scenario/types.js';
import { withModelDefaults } from '../scenario/model-defaults.js';
import type { ScenarioPool } from '../sim/scenario-pool.js';
import type { Tally } from '../stats/tally.js';
import type { FitParameter } from './parameters.js';

/** The Krichevsky-Trofimov estimate of a proportion seen k times in n: (k + 1/2) / (n + 1). */
export function smoothedProportion(k: number, n: number): number {
  return (k + 0.5) / (n + 1);
}

/** Sum over the observed questions of `scenario` of the smoothed forecast's log loss. */
export function caseLogLoss(scenario: Scenario, tally: Tally): number {
  const qs = scenario.observed?.questions ?? [];
  let sum = 0;
  qs.forEach((q, i) => {
    const p = smoothedProportion(tally.questions[i], tally.runs);
    sum -= Math.log(q.answer ? p : 1 - p);
  });
  return sum;
}

/** One evaluation: the cases played at `values`. */
export interface Evaluation {
  /** The parameter values, in the order of the objective's parameters. */
  values: number[];
  /** The cases played (indices into the objective's cases), in order. */
  cases: number[];
  /** Per case played: its summed log loss (smoothed forecasts). */
  caseLoss: number[];
  /** Per case played: the runs in which each observed question happened. */
  counts: Float64Array[];
  /** Mean log loss over the questions of the cases played. */
  logLoss: number;
}

export interface ObjectiveOptions {
  runs: number;
  seed: number;
  /** Runs finished in the current evaluation (for a progress bar). */
  onRuns?: (runsDone: number) => void;
}

/** Evaluations kept for reuse (a stencil point the search already visited, say). */
const CACHE_SIZE = 256;

export class RecordObjective {
  private readonly cache = new Map<string, Evaluation>();
  /** Evaluations played (cache hits not counted). */
  evaluations = 0;
  /** Runs played over all evaluations. */
  runsPlayed = 0;

  constructor(
    /** Scenarios with `observed:`. */
    readonly cases: readonly Scenario[],
    readonly parameters: readonly FitParameter[],
    private readonly pool: ScenarioPool,
    readonly opts: ObjectiveOptions,
  ) {
    for (const s of cases) if (!s.observed) throw new Error(`RecordObjective: case ${s.id} has no observed block`);
  }

  /** Questions of each case. */
  questions(i: number): number {
    return this.cases[i].observed!.questions.length;
  }

  /** The scenario of case i at `values` (the values as its model defaults). */
  scenarioAt(i: number, values: readonly number[]): Scenario {
    const given: Record<string, number> = {};
    this.parameters.forEach((p, k) => { given[p.key] = values[k]; });
    const r = withModelDefaults(this.cases[i], given);
    if (!r.scenario) {
      // values come from the table's bounds, inside every key's range: a diagnostic here is a bug
      throw new Error(`fit: cannot apply ${JSON.stringify(given)} to ${this.cases[i].id}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
    }
    return r.scenario;
  }

  /** Play `cases` (default all) at `values`. */
  async evaluate(values: readonly number[], cases?: readonly number[]): Promise<Evaluation> {
    const which = cases ? [...cases] : this.cases.map((_, i) => i);
    const key = `${values.join(',')}|${which.join(',')}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const scenarios = which.map((i) => this.scenarioAt(i, values));
    const tallies = await this.pool.play(scenarios, { runs: this.opts.runs, seed: this.opts.seed, onProgress: this.opts.onRuns });
    this.evaluations++;
    this.runsPlayed += this.opts.runs * which.length;
    const caseLoss = which.map((i, j) => caseLogLoss(this.cases[i], tallies[j]));
    const n = which.reduce((s, i) => s + this.questions(i), 0);
    const e: Evaluation = {
      values: [...values], cases: which, caseLoss,
      counts: tallies.map((t) => Float64Array.from(t.questions)),
      logLoss: caseLoss.reduce((a, b) => a + b, 0) / n,
    };
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, e);
    return e;
  }
}
