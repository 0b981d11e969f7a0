/**
 * How long a Monte Carlo will take, said before it starts: a short calibration plays runs of the scenario
 * in this thread (a calibration seed of its own, so nothing it draws reaches the output) and scales the
 * time a run took to the run count and workers asked for. Stage games cost differently from scenario to
 * scenario (parties, rounds, measures), so no fixed table would do.
 *
 * Workers are counted at PARALLEL_EFFICIENCY each (2 workers measured 1.64x one on the bundled scenario by
 * `npm run bench`), plus their start-up. The estimate is a wall-clock guide for the user, printed on stderr;
 * it never changes what a run computes.
 */
import type { Scenario } from '../scenario/types.js';
import { BlockRunner } from './block.js';

const CALIBRATION_SEED = 0x5eed;
const WARM_UP_RUNS = 200;
const TIMED_RUNS = 300;
export const PARALLEL_EFFICIENCY = 0.82;
const WORKER_START_SECONDS = 0.15;

export interface TimeEstimate {
  /** Seconds for the whole Monte Carlo. */
  seconds: number;
  /** Seconds a run took in the calibration, in one thread. */
  perRun: number;
  calibrationRuns: number;
}

export function estimateTime(scenario: Scenario, runs: number, workers: number): TimeEstimate {
  const runner = new BlockRunner(scenario);
  runner.run(0, CALIBRATION_SEED, 0, WARM_UP_RUNS, false);
  const t0 = process.hrtime.bigint();
  runner.run(0, CALIBRATION_SEED, WARM_UP_RUNS, WARM_UP_RUNS + TIMED_RUNS, false);
  const perRun = Number(process.hrtime.bigint() - t0) / 1e9 / TIMED_RUNS;
  return { seconds: wallSeconds(runs * perRun, workers), perRun, calibrationRuns: WARM_UP_RUNS + TIMED_RUNS };
}

/** Wall-clock seconds for work that takes `threadSeconds` in one thread, spread over `workers` (started once). */
export function wallSeconds(threadSeconds: number, workers: number): number {
  const speed = workers <= 1 ? 1 : workers * PARALLEL_EFFICIENCY;
  return threadSeconds / speed + (workers > 1 ? workers * WORKER_START_SECONDS : 0);
}

/** "42 s", "3.5 min", "2.1 h" */
export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 90 * 60) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
