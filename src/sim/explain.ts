/**
 * `negsim explain`'s computation, both views (stats/explanation.ts): the sensitivity design played by
 * playSobol (sobol.ts), its indices with bootstrap intervals; then, for each stated preference, the
 * scenario without it (scenario/switch-off.ts) played beside the scenario as it is by playJobs — the
 * machinery of `negsim compare`, so every run of a counterfactual is paired with the same run of the
 * scenario. Nothing here depends on the number of workers: the same arguments give the same bytes.
 *
 * @example
 * const e = await explainScenario(geneva, label, '0.1.0', { rows: 256, inner: 16, seed: 1, workers: 2,
 *   grouping: 'preference', counterfactualRuns: 10_000, resamples: 1000 });
 * e.sensitivity.outcomes[0].indices[0] // agreement's most influential input, with its indices
 */
import { preferenceEntries } from '../scenario/preference-entries.js';
import { switchOff } from '../scenario/switch-off.js';
import type { Scenario } from '../scenario/types.js';
import { uncertainInputs, type Grouping } from '../scenario/uncertain-inputs.js';
import { counterfactualView, METHOD, sensitivityView, type Explanation, type ScenarioLabel } from '../stats/explanation.js';
import { headlineOutcomes } from '../stats/headline.js';
import { bootstrapCounts } from '../stats/sobol.js';
import { playJobs } from './play-jobs.js';
import { rngName } from './rng.js';
import { OUTCOMES } from './run-record.js';
import { bootstrapRng } from './sobol-design.js';
import { playSobol, sobolRuns } from './sobol.js';

export interface ExplainOptions {
  /** Rows of the design (N). */
  rows: number;
  /** Runs an evaluation (M >= 2). */
  inner: number;
  seed: number;
  workers: number;
  grouping: Grouping;
  /** Runs of the scenario and of each counterfactual; 0: no counterfactual view. */
  counterfactualRuns: number;
  /** Bootstrap resamples behind each interval. */
  resamples: number;
  onProgress?: (runsDone: number, runsPlanned: number) => void;
}

/** The resamples of the bootstrap: enough for the 2.5% and 97.5% percentiles (Efron & Tibshirani 1993, ch. 13: 1000 or more). */
export const DEFAULT_RESAMPLES = 1000;

/** Every run the explanation plays: the design's, then the scenario's and each counterfactual's. */
export function explainRuns(s: Scenario, o: Pick<ExplainOptions, 'rows' | 'inner' | 'grouping' | 'counterfactualRuns'>): { design: number; counterfactual: number } {
  const inputs = uncertainInputs(s, o.grouping);
  const design = inputs.length === 0 ? 0 : sobolRuns(inputs.length, o.rows, o.inner);
  const counterfactual = o.counterfactualRuns === 0 ? 0 : (preferenceEntries(s).length + 1) * o.counterfactualRuns;
  return { design, counterfactual };
}

export async function explainScenario(s: Scenario, label: ScenarioLabel, version: string, o: ExplainOptions): Promise<Explanation> {
  const inputs = uncertainInputs(s, o.grouping);
  const outcomes = headlineOutcomes(s);
  const planned = explainRuns(s, o);
  const total = planned.design + planned.counterfactual;
  const sums = inputs.length === 0
    ? new Float64Array(0)
    : await playSobol(s, inputs.map((i) => i.slots), {
      rows: o.rows, inner: o.inner, seed: o.seed, workers: o.workers,
      onProgress: (done) => o.onProgress?.(done, total),
    });
  const resamples = inputs.length === 0 ? [] : bootstrapCounts(o.rows, o.resamples, bootstrapRng(o.seed));
  const sensitivity = sensitivityView(inputs.length === 0 ? [] : outcomes, inputs, { sums, rows: inputs.length === 0 ? 0 : o.rows, inner: o.inner, grouping: o.grouping, resamples });

  let counterfactual: Explanation['counterfactual'] = null;
  if (o.counterfactualRuns > 0) {
    const entries = preferenceEntries(s);
    const specs = [{ scenario: s, seed: o.seed }, ...entries.map((e) => ({ scenario: switchOff(s, e), seed: o.seed }))];
    let finished = 0;
    const jobs = await playJobs(specs, {
      runs: o.counterfactualRuns, workers: o.workers, keepOutcomes: true,
      onProgress: (done) => {
        // playJobs reports each job's runs when it ends, jobs one after another
        finished += done;
        o.onProgress?.(planned.design + finished, total);
      },
    });
    const played = jobs.map((j) => ({ outcomes: j.outcomes!, events: j.events!.bits }));
    counterfactual = counterfactualView(outcomes, OUTCOMES.length, played[0], entries.map((entry, i) => ({ entry, runs: played[i + 1] })));
  }
  return { negsim: version, scenario: label, seed: o.seed, rng: rngName, method: { ...METHOD }, sensitivity, counterfactual };
}
