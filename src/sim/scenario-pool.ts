/**
 * Threads kept for many Monte Carlos of many scenarios: what `negsim fit` needs, which plays every case of
 * the record at hundreds of parameter values one after another. Starting worker threads costs 70 ms to
 * 2.4 s (TOOLCHAIN.md); a pool started once and handed one batch of scenarios after another pays it once.
 *
 * One batch is like a sweep (sweep.ts): every scenario of the batch played for the same runs under the same
 * seed, block after block, by this thread and workers - 1 worker threads (this thread plays a block
 * whenever it is free, as monte-carlo.ts does); each scenario's blocks are merged in block order, so its
 * tally is the same bytes as monteCarlo(scenario, { runs, seed, workers: 1 }) — common random numbers
 * across batches, whatever the number of workers.
 *
 * Each scenario of each batch gets a point number of its own for the pool's lifetime: a worker keeps the
 * runner of the last point it played (worker.ts), and a scenario played with other parameters must never
 * reuse the runner built for the old ones.
 *
 * @example
 * const pool = new ScenarioPool(2);
 * const a = await pool.play([s1, s2], { runs: 500, seed: 1 });   // tallies of s1 and s2
 * const b = await pool.play([s1b, s2b], { runs: 500, seed: 1 }); // the same threads, new scenarios
 * await pool.close();
 */
import type { Scenario } from '../scenario/types.js';
import { mergeTally, newTally, type Tally } from '../stats/tally.js';
import { blockCount, blockRange, BlockRunner } from './block.js';
import { WorkerCrashError, WorkerPool } from './monte-carlo.js';

export interface PoolPlayOptions {
  runs: number;
  seed: number;
  /** Runs finished over the batch, after each block. */
  onProgress?: (runsDone: number) => void;
}

export class ScenarioPool {
  private readonly pool: WorkerPool | null;
  private nextPoint = 0;
  private closed = false;

  /** `workers`: threads that play runs, this one included (1: this thread only). */
  constructor(readonly workers: number) {
    this.pool = workers >= 2 ? new WorkerPool(null, workers - 1) : null;
  }

  /** Every scenario's Monte Carlo; tallies in the order of the scenarios. */
  async play(scenarios: readonly Scenario[], opts: PoolPlayOptions): Promise<Tally[]> {
    if (this.closed) throw new Error('ScenarioPool: play after close');
    const n = scenarios.length;
    const tallies = scenarios.map((s) => newTally(s));
    const perPoint = blockCount(opts.runs);
    const first = this.nextPoint;
    this.nextPoint += n;
    let done = 0;
    if (this.pool === null) {
      for (let i = 0; i < n; i++) {
        const runner = new BlockRunner(scenarios[i]);
        for (let b = 0; b < perPoint; b++) {
          const [start, end] = blockRange(b, opts.runs);
          const res = runner.run(b, opts.seed, start, end, false);
          mergeTally(tallies[i], res.tally);
          done += res.tally.runs;
          opts.onProgress?.(done);
          // let the event loop in between blocks (signals, the progress bar)
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      }
      return tallies;
    }
    let local: { point: number; runner: BlockRunner } | null = null;
    try {
      await this.pool.runBlocks(n * perPoint, (i) => {
        const k = Math.floor(i / perPoint), block = i % perPoint;
        const [start, end] = blockRange(block, opts.runs);
        return { seq: i, point: first + k, scenario: scenarios[k], block, seed: opts.seed, start, end, keepRuns: false };
      }, (res, i) => {
        mergeTally(tallies[Math.floor(i / perPoint)], res.tally);
        done += res.tally.runs;
        opts.onProgress?.(done);
      }, () => false, (q) => {
        if (local === null || local.point !== q.point) local = { point: q.point!, runner: new BlockRunner(q.scenario!) };
        return local.runner.begin(q.block, q.seed, q.start, q.end, false);
      });
    } catch (e) {
      throw new WorkerCrashError((e as Error).message, done, opts.runs * n);
    }
    return tallies;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool?.close();
  }
}
