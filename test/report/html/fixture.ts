/**
 * Real results of the small two-party scenario (test/report/fixture.ts) for the HTML report's tests: a
 * Monte Carlo summary, a comparison of seeds, a comparison of two scenarios and a sweep — each made by
 * the library functions the commands use, each computed once.
 */
import { explainScenario } from '../../../src/sim/explain.js';
import { playJobs } from '../../../src/sim/play-jobs.js';
import { playSweep, sweepScenarios } from '../../../src/sim/sweep.js';
import { parseVaries } from '../../../src/sim/sweep-grid.js';
import { applySets } from '../../../src/scenario/override.js';
import { compareScenarios, compareSeeds } from '../../../src/stats/comparison.js';
import { summariseSweep } from '../../../src/stats/sweep-summary.js';
import { summaryOf, tiny } from '../fixture.js';

export { tiny };

export const summary = summaryOf(500, 7);

export const seeds = (async () => {
  const jobs = await playJobs([1, 2, 3].map((seed) => ({ scenario: tiny, seed })), { runs: 300, workers: 1, keepOutcomes: false });
  return compareSeeds({ label: 'test.yaml', id: tiny.id, file: tiny.file, hash: tiny.hash }, jobs, '0.0.0-test', 'test-rng');
})();

export const pressed = applySets(tiny, [{ path: 'actors.s.pressure.1.strength', text: '0.5' }]);

export const scenarios = (async () => {
  const specs = [
    { scenario: tiny, label: { label: 'baseline', id: tiny.id, file: tiny.file, hash: tiny.hash } },
    { scenario: pressed.scenario!, label: { label: 'with --set', id: tiny.id, file: tiny.file, hash: tiny.hash, overrides: pressed.overrides } },
  ];
  const jobs = await playJobs(specs.map((s) => ({ scenario: s.scenario, seed: 4 })), { runs: 400, workers: 1, keepOutcomes: true });
  return compareScenarios(jobs.map((j, i) => ({ label: specs[i].label, tally: j.tally, outcomes: j.outcomes!, events: j.events })), 4, '0.0.0-test', 'test-rng');
})();

export const varies = parseVaries(['actors.s.pressure.1.strength=0:0.45:0.05']);

/** Ten grid points (0, 0.05, ..., 0.45): more than one report table of eight. */
export const sweep = (async () => {
  const prepared = sweepScenarios(tiny, [], varies);
  const tallies = await playSweep(prepared.points!.map((p) => p.scenario), { runs: 150, seed: 2, workers: 1 });
  return summariseSweep(tiny, varies, prepared.points!, tallies, 2, '0.0.0-test', 'test-rng', {});
})();

/** What drives the small scenario's forecast (negsim explain), from a small design. */
export const explanation = explainScenario(tiny, { id: tiny.id, title: tiny.title, file: tiny.file, hash: tiny.hash }, '0.0.0-test', {
  rows: 512, inner: 8, seed: 3, workers: 1, grouping: 'preference', counterfactualRuns: 400, resamples: 100,
});
