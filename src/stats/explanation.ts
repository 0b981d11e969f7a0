/**
 * What `negsim explain` reports: what a forecast hinges on, in two views.
 *
 * 1. Sensitivity: for each headline outcome (headline.ts), the share of the variance of P(outcome | inputs)
 *    that each uncertain input accounts for — Sobol first-order and total indices from Saltelli's design,
 *    with 95% bootstrap intervals (sobol.ts, sobol-batch.ts) — and the share of a single run's variance
 *    that chance carries (hidden types, whether red lines bind, every equilibrium draw), ranked by total
 *    index.
 * 2. Counterfactuals: for each stated preference, every headline outcome with the preference switched off
 *    (scenario/switch-off.ts), beside the scenario as it is, from the same seed and runs (common random
 *    numbers), with the paired difference and its 95% interval (Newcombe 1998b, as `negsim compare`).
 *
 * Built from whole-number sums and per-run bits alone, so the same design gives the same bytes.
 */
import type { Grouping, UncertainInput } from '../scenario/uncertain-inputs.js';
import type { PreferenceEntry } from '../scenario/preference-entries.js';
import type { HeadlineOutcome } from './headline.js';
import { pairedNewcombeDifference, type DifferenceInterval } from './newcombe-difference.js';
import { pairedCounts } from './paired-events.js';
import { batchRows } from './sobol-batch.js';
import { sobolIntervals, type IntervalEstimate } from './sobol.js';
import { estimate, type Estimate } from './summary.js';

export interface ScenarioLabel {
  id: string;
  title: string;
  file: string;
  hash: string;
  overrides?: Record<string, unknown>;
}

/** An input as outputs name it. */
export interface InputInfo {
  path: string;
  kind: string;
  short: string;
  label: string;
  quote?: string;
  /** The parameters it moves (paths, as --set names them). */
  params: string[];
}

export interface InputIndex {
  /** The input's path. */
  input: string;
  first: IntervalEstimate;
  total: IntervalEstimate;
}

export interface OutcomeSensitivity {
  outcome: string;
  label: string;
  /** Share of the design's A and B runs in which it happened. */
  p: number;
  /** Variance of one run's outcome (yes/no): p (1 − p), split into what the inputs carry and what chance carries. */
  run_variance: number;
  /** Variance of P(outcome | inputs) over the inputs' distributions: what the indices share out. */
  input_variance: number;
  /** Share of a single run's variance that chance carries, E Var(Y | inputs) / Var Y. */
  chance: IntervalEstimate;
  /** Every input, the largest total index first (undefined indices last). */
  indices: InputIndex[];
}

export interface SensitivityView {
  /** Rows of Saltelli's design (the base sample N, --runs). */
  runs: number;
  /** Runs an evaluation (M, --inner). */
  inner: number;
  /** Evaluations a row: A, B and one A_B^(i) an input (k + 2). */
  evaluations: number;
  /** Runs in all: runs x evaluations x inner. */
  model_runs: number;
  /** Bootstrap resamples of the rows behind each interval. */
  resamples: number;
  grouping: Grouping;
  inputs: InputInfo[];
  outcomes: OutcomeSensitivity[];
}

export interface PreferenceEffect {
  outcome: string;
  label: string;
  baseline: Estimate;
  switched_off: Estimate;
  /** switched_off − baseline, with its 95% paired Newcombe interval. */
  difference: DifferenceInterval;
  /** The interval excludes 0. */
  flagged: boolean;
}

export interface PreferenceCounterfactual extends InputInfo {
  effects: PreferenceEffect[];
}

export interface CounterfactualView {
  /** Runs of the scenario and of each counterfactual (runs 0 .. runs − 1 of the seed). */
  runs: number;
  interval: string;
  preferences: PreferenceCounterfactual[];
}

export interface Explanation {
  negsim: string;
  scenario: ScenarioLabel;
  seed: number;
  rng: string;
  method: Record<string, string>;
  sensitivity: SensitivityView;
  counterfactual: CounterfactualView | null;
}

export const METHOD = {
  f: 'f(x) = P(outcome | inputs x), the share of M runs with the inputs set to x; the M runs of every evaluation of a row draw from the same M generators (common random numbers), rows from different ones',
  design: 'Saltelli sampling (Saltelli 2002; Saltelli et al. 2010): N rows of two independent pseudo-random draws A and B of every input from the scenario\'s own distributions, and A_B^(i) for each input',
  first_order: 'Saltelli et al. 2010 (Table 2 b): V_i = mean f(B)(f(A_B^i) - f(A)); S_i = V_i / V',
  total: 'Jansen 1999 (Saltelli et al. 2010, Table 2 f): VT_i = mean (f(A) - f(A_B^i))^2 / 2; ST_i = VT_i / V',
  unbiased: 'products of two batch means leave out pairs of runs from one generator (U-statistics), so the indices are those of P(outcome | inputs), not of its noisy estimate',
  chance: 'chance: what a run draws itself (hidden types, whether red lines bind, every equilibrium draw); its share of a run\'s variance is E Var(Y | x) / Var Y, from the variance within each batch',
  intervals: '95% bootstrap percentile intervals over the N rows (Archer, Saltelli & Sobol 1997)',
  counterfactual: 'each preference switched off in turn (docs/MODEL.md §14), runs 0..R-1 of the same seed as the scenario: paired differences with Newcombe\'s interval (1998b, method 10)',
} as const;

/**
 * Whether the design can share out the outcome's variance among the inputs: the inputs carry some (else
 * the indices are undefined), and the bootstrap bounds the largest total index (a rare outcome whose
 * variation sits in a handful of rows cannot be shared out: its interval is undefined; sobol.ts).
 */
export function measurable(o: OutcomeSensitivity): boolean {
  const top = o.indices[0];
  return o.input_variance > 0 && top !== undefined && Number.isFinite(top.total.estimate) && Number.isFinite(top.total.lo) && Number.isFinite(top.total.hi);
}

/** Orders indices by total index, largest first; NaN last; ties in input order (a stable sort). */
function ranked(indices: InputIndex[]): InputIndex[] {
  const key = (x: InputIndex) => (Number.isFinite(x.total.estimate) ? x.total.estimate : -Infinity);
  return indices.map((x, i) => ({ x, i })).sort((a, b) => key(b.x) - key(a.x) || a.i - b.i).map((e) => e.x);
}

export function inputInfo(i: UncertainInput | PreferenceEntry): InputInfo {
  const info: InputInfo = { path: i.path, kind: i.kind, short: i.short, label: i.label, params: 'params' in i ? i.params : [] };
  if (i.quote !== undefined) info.quote = i.quote;
  return info;
}

export interface DesignResult {
  /** The rows' sums (sim/sobol.ts's playSobol). */
  sums: Float64Array;
  rows: number;
  inner: number;
  grouping: Grouping;
  /** Bootstrap resamples of the rows as counts (sobol.ts's bootstrapCounts). */
  resamples: readonly Uint32Array[];
}

export function sensitivityView(outcomes: readonly HeadlineOutcome[], inputs: readonly UncertainInput[], d: DesignResult): SensitivityView {
  const k = inputs.length;
  return {
    runs: d.rows,
    inner: d.inner,
    evaluations: k + 2,
    model_runs: d.rows * (k + 2) * d.inner,
    resamples: d.resamples.length,
    grouping: d.grouping,
    inputs: inputs.map(inputInfo),
    outcomes: outcomes.map((o, q) => {
      const rows = batchRows(d.sums, d.rows, k, d.inner, outcomes.length, q);
      const iv = sobolIntervals(rows, d.resamples);
      let p = 0;
      for (let j = 0; j < d.rows; j++) p += rows.mean[j];
      p /= Math.max(1, d.rows);
      return {
        outcome: o.key,
        label: o.label,
        p,
        run_variance: iv.variance + iv.within,
        input_variance: iv.variance,
        chance: iv.chance,
        indices: ranked(inputs.map((input, i) => ({ input: input.path, first: iv.first[i], total: iv.total[i] }))),
      };
    }),
  };
}

/** One scenario's runs, as compare keeps them: each run's outcome code, and each event's bit (headline order after the outcomes). */
export interface PlayedRuns {
  outcomes: Uint8Array;
  events: Uint8Array[];
}

/** The bits of headline outcome q: an outcome code compared with q, or an event's byte. */
function bitsOf(r: PlayedRuns, q: number, nOutcomes: number): { bits: ArrayLike<number>; code: number } {
  return q < nOutcomes ? { bits: r.outcomes, code: q } : { bits: r.events[q - nOutcomes], code: 1 };
}

export function counterfactualView(
  outcomes: readonly HeadlineOutcome[], nOutcomes: number, baseline: PlayedRuns,
  switched: readonly { entry: PreferenceEntry; runs: PlayedRuns }[],
): CounterfactualView {
  const n = baseline.outcomes.length;
  return {
    runs: n,
    interval: 'paired Newcombe hybrid score (Newcombe 1998b, method 10): runs are paired by common random numbers',
    preferences: switched.map(({ entry, runs }) => ({
      ...inputInfo(entry),
      effects: outcomes.map((o, q) => {
        const b = bitsOf(baseline, q, nOutcomes), x = bitsOf(runs, q, nOutcomes);
        const [e, f, g, h] = pairedCounts(x.bits, b.bits, x.code);
        const difference = pairedNewcombeDifference(e, f, g, h);
        return {
          outcome: o.key, label: o.label,
          baseline: estimate(e + g, n), switched_off: estimate(e + f, n),
          difference, flagged: difference.lo > 0 || difference.hi < 0,
        };
      }),
    })),
  };
}
