/**
 * What `negsim compare` reports, built from the tallies (and, for scenarios, each run's outcome) of
 * play-jobs.ts: the headline probabilities — the four outcomes — of each seed or scenario with their 95%
 * Wilson intervals, and
 *   - across seeds: each outcome's pooled estimate, spread, chi-square homogeneity test and a verdict;
 *   - across scenarios: each outcome's difference from the first scenario with a 95% interval for paired
 *     proportions (Newcombe 1998b, newcombe-difference.ts; the runs are paired by common random numbers),
 *     flagged when the interval excludes 0; likewise each party's attendance and withdrawal and each
 *     measure's fate that both scenarios have (paired-events.ts).
 */
import { AGREEMENT, OUTCOMES, type OutcomeName } from '../sim/run-record.js';
import { estimate, type Estimate } from './summary.js';
import { pairedNewcombeDifference, type DifferenceInterval } from './newcombe-difference.js';
import { pairedCounts, type EventColumns, type EventKey } from './paired-events.js';
import { seedHomogeneity, type SeedHomogeneity } from './seed-homogeneity.js';
import type { Tally } from './tally.js';

/** A p-value below this makes the seeds "disagree": with four outcomes tested, about a 4% false alarm rate. */
export const DISAGREE_BELOW = 0.01;

export interface ScenarioLabel {
  label: string;
  id: string;
  file: string;
  hash: string;
  overrides?: Record<string, unknown>;
}

export type Outcomes = Record<OutcomeName, Estimate>;

export function outcomeEstimates(t: Tally): Outcomes {
  const out = {} as Outcomes;
  OUTCOMES.forEach((name, i) => {
    out[name] = estimate(t.outcomes[i], t.runs);
  });
  return out;
}

/** The largest half-width of the headline intervals, max(p − lo, hi − p). */
export function widestHalf(o: Outcomes): number {
  let w = 0;
  for (const e of Object.values(o)) w = Math.max(w, e.p - e.lo, e.hi - e.p);
  return w;
}

export interface SeedComparison {
  kind: 'seeds';
  negsim: string;
  scenario: ScenarioLabel;
  runs: number;
  rng: string;
  seeds: { seed: number; outcomes: Outcomes }[];
  homogeneity: Record<OutcomeName, SeedHomogeneity>;
  agree: boolean;
  verdict: string;
}

export function compareSeeds(scenario: ScenarioLabel, seeds: readonly { seed: number; tally: Tally }[], version: string, rng: string): SeedComparison {
  const homogeneity = {} as Record<OutcomeName, SeedHomogeneity>;
  OUTCOMES.forEach((name, i) => {
    homogeneity[name] = seedHomogeneity(seeds.map((s) => s.tally.outcomes[i]), seeds.map((s) => s.tally.runs));
  });
  const worst = OUTCOMES.reduce((a, b) => (homogeneity[b].p_value < homogeneity[a].p_value ? b : a), OUTCOMES[AGREEMENT]);
  const pw = homogeneity[worst].p_value;
  const agree = seeds.length < 2 || pw >= DISAGREE_BELOW;
  const ratio = homogeneity[worst].sd_across / homogeneity[worst].sd_expected;
  const verdict = seeds.length < 2
    ? 'One seed: nothing to compare; name two or more (--seeds 1..10).'
    : agree
      ? `The ${seeds.length} seeds agree: they differ by no more than Monte Carlo error predicts (smallest homogeneity p-value ${fmtP(pw)}, ${worst}). The pooled estimates use all ${seeds.length * seeds[0].tally.runs} runs.`
      : `The seeds disagree on ${worst} (homogeneity p-value ${fmtP(pw)}; spread ${ratio.toFixed(1)}x what Monte Carlo error predicts). Runs of different seeds should differ by chance alone: this points to a bug or something outside the seed; please report it with the command.`;
  return {
    kind: 'seeds', negsim: version, scenario, runs: seeds[0]?.tally.runs ?? 0, rng,
    seeds: seeds.map((s) => ({ seed: s.seed, outcomes: outcomeEstimates(s.tally) })),
    homogeneity, agree, verdict,
  };
}

/** An event's share of runs (paired-events.ts), with its interval. */
export interface EventEstimate extends EventKey, Estimate {}

export interface Difference extends DifferenceInterval {
  /** The scenario compared with the first (the baseline). */
  scenario: string;
  baseline: string;
  /** An outcome (agreement, ...), or an event's metric as the summary CSV names it (attend, MEASURE.held, ...). */
  metric: string;
  /** The party of attend and withdraw; '' otherwise. */
  actor: string;
  /** Runs paired. */
  n: number;
  /** The interval excludes 0. */
  flagged: boolean;
}

export interface ScenarioComparison {
  kind: 'scenarios';
  negsim: string;
  seed: number;
  runs: number;
  rng: string;
  interval: string;
  /** `events`: empty when no run events were kept. */
  scenarios: (ScenarioLabel & { outcomes: Outcomes; events: EventEstimate[] })[];
  differences: Difference[];
}

/** What a comparison reads of a job's events: their names and one byte a run each. */
type EventBits = Pick<EventColumns, 'keys' | 'bits'>;

/** The share of runs in which each event happened, with its 95% Wilson interval. */
function eventEstimates(ev: EventBits): EventEstimate[] {
  return ev.keys.map((k, i) => {
    const bits = ev.bits[i];
    let count = 0;
    for (let r = 0; r < bits.length; r++) count += bits[r];
    return { ...k, ...estimate(count, bits.length) };
  });
}

/**
 * Side by side, and each scenario's difference from the first (the baseline) with its paired interval:
 * the four outcomes, and, where `events` are given, each party's attendance and withdrawal and each
 * measure's fate that the baseline has too (by id).
 */
export function compareScenarios(
  jobs: readonly { label: ScenarioLabel; tally: Tally; outcomes: Uint8Array; events?: EventBits | null }[], seed: number, version: string, rng: string,
): ScenarioComparison {
  const base = jobs[0];
  const differences: Difference[] = [];
  const push = (j: (typeof jobs)[number], metric: string, actor: string, counts: [number, number, number, number]) => {
    const [e, f, g, h] = counts;
    const d = pairedNewcombeDifference(e, f, g, h);
    differences.push({ scenario: j.label.label, baseline: base.label.label, metric, actor, n: e + f + g + h, ...d, flagged: d.lo > 0 || d.hi < 0 });
  };
  for (const j of jobs.slice(1)) {
    // the compared scenario first: d = p(scenario) − p(baseline)
    OUTCOMES.forEach((metric, code) => push(j, metric, '', pairedCounts(j.outcomes, base.outcomes, code)));
    if (!j.events || !base.events) continue;
    j.events.keys.forEach((k, i) => {
      const b = base.events!.keys.findIndex((x) => x.metric === k.metric && x.actor === k.actor);
      if (b >= 0) push(j, k.metric, k.actor, pairedCounts(j.events!.bits[i], base.events!.bits[b], 1));
    });
  }
  return {
    kind: 'scenarios', negsim: version, seed, runs: base.tally.runs, rng,
    interval: 'paired Newcombe hybrid score (Newcombe 1998b, method 10): runs are paired by common random numbers',
    scenarios: jobs.map((j) => ({ ...j.label, outcomes: outcomeEstimates(j.tally), events: j.events ? eventEstimates(j.events) : [] })),
    differences,
  };
}

/** Whether a difference is of one of the four outcomes (the headline ones). */
export function isOutcomeDifference(d: Difference): boolean {
  return d.actor === '' && (OUTCOMES as readonly string[]).includes(d.metric);
}

/** Largest half-width among the outcome differences' intervals (for --precision: the headline numbers). */
export function widestDifferenceHalf(c: ScenarioComparison): number {
  let w = 0;
  for (const d of c.differences) if (isOutcomeDifference(d)) w = Math.max(w, d.d - d.lo, d.hi - d.d);
  return w;
}

function fmtP(p: number): string {
  return p >= 0.001 ? p.toFixed(3) : p.toExponential(1);
}
