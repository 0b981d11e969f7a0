/**
 * Play several Monte Carlos side by side — one scenario under several seeds, or several scenarios under
 * one seed — optionally until a precision is reached, for `negsim compare`.
 *
 * Each job keeps its tally and, when asked, each run's outcome code and events (one byte a run each), so that two
 * scenarios' runs can be paired run by run: run r of every scenario draws from the generator seeded
 * (seed, r), common random numbers.
 *
 * Precision: jobs are played in rounds of whole blocks, all jobs to the same run count, 1,000 runs first
 * and then doubling (capped by maxRuns), until `precise(jobs)` says so. Rounds are fixed by the arguments
 * alone, so the same command stops at the same run count and prints the same bytes.
 */
import type { Scenario } from '../scenario/types.js';
import { growEventColumns, newEventColumns, recordEvents, type EventColumns } from '../stats/paired-events.js';
import { mergeTally, newTally, type Tally } from '../stats/tally.js';
import { BLOCK_SIZE, blockCount } from './block.js';
import { monteCarlo } from './monte-carlo.js';

export interface Job {
  scenario: Scenario;
  seed: number;
  tally: Tally;
  /** Outcome code of each run played (when outcomes were asked for). */
  outcomes: Uint8Array | null;
  /** Each run's yes/no events — attendance, withdrawal, measures' fates (with the outcomes). */
  events: EventColumns | null;
}

export interface PlayOptions {
  /** Runs to play; with `precise`, the most runs to play. */
  runs: number;
  workers: number;
  keepOutcomes: boolean;
  /** With it: play in doubling rounds until it returns true (or `runs` is reached). */
  precise?: (jobs: readonly Job[]) => boolean;
  onProgress?: (runsDone: number, runsPlanned: number) => void;
}

export async function playJobs(specs: readonly { scenario: Scenario; seed: number }[], opts: PlayOptions): Promise<Job[]> {
  const jobs: Job[] = specs.map((s) => ({
    ...s, tally: newTally(s.scenario),
    outcomes: opts.keepOutcomes ? new Uint8Array(0) : null,
    events: opts.keepOutcomes ? newEventColumns(s.scenario, 0) : null,
  }));
  const total = blockCount(opts.runs);
  let done = 0;
  let target = opts.precise ? Math.min(1, total) : total;
  for (;;) {
    const runs = Math.min(opts.runs, target * BLOCK_SIZE);
    for (const job of jobs) {
      if (job.outcomes) {
        const grown = new Uint8Array(runs);
        grown.set(job.outcomes);
        job.outcomes = grown;
      }
      if (job.events) job.events = growEventColumns(job.events, runs);
      const out = job.outcomes;
      const ev = job.events;
      const inc = await monteCarlo(job.scenario, {
        runs, seed: job.seed, workers: opts.workers, blocks: [done, target], keepRuns: out !== null,
        onBlock: out ? (res) => {
          const c = res.columns!;
          for (let i = 0; i < c.count; i++) out[c.first + i] = c.outcome[i];
          recordEvents(job.scenario, c, ev!);
        } : undefined,
      });
      mergeTally(job.tally, inc);
      opts.onProgress?.(runs, opts.runs);
    }
    done = target;
    if (done >= total || !opts.precise || opts.precise(jobs)) break;
    target = Math.min(total, target * 2);
  }
  return jobs;
}
