/**
 * negsim explain's Monte Carlo: the rows of Saltelli's design (sobol-design.ts), each evaluation a batch of
 * runs (sobol-block.ts), played in blocks of rows in this thread or, with N >= 2 workers, in this thread and
 * N - 1 worker threads (sobol-worker.ts, through monte-carlo.ts's WorkerPool), as `negsim run` plays its
 * blocks. Each row's sums are whole numbers placed at the row's own offset, so the result is the same bytes
 * for any number of workers.
 *
 * @example
 * const sums = await playSobol(s, groups, { rows: 256, inner: 16, seed: 1, workers: 2 });
 * batchRows(sums, 256, groups.length, 16, headlineOutcomes(s).length, 0) // agreement's Sobol terms
 */
import type { Scenario, Slot } from '../scenario/types.js';
import { headlineOutcomes } from '../stats/headline.js';
import { rowWidth } from '../stats/sobol-batch.js';
import { WorkerCrashError, WorkerPool } from './monte-carlo.js';
import { SobolRunner, type SobolBlockResult } from './sobol-block.js';
import { evaluationsPerRow } from './sobol-design.js';
import type { SobolRequest, SobolWorkerData } from './sobol-worker.js';

export interface SobolOptions {
  /** Rows of the design (Saltelli's base sample N). */
  rows: number;
  /** Runs an evaluation (M >= 2). */
  inner: number;
  seed: number;
  workers: number;
  onProgress?: (runsDone: number, runsPlanned: number) => void;
}

/** Runs a block of rows should take, about: a block is the unit of work handed to a thread. */
const RUNS_PER_BLOCK = 2000;

/** Runs the whole design takes: N rows x (k + 2) evaluations x M runs. */
export function sobolRuns(groups: number, rows: number, inner: number): number {
  return rows * evaluationsPerRow(groups) * inner;
}

/** The sums of every row, row after row (rows x outputs x rowWidth(k); sobol-batch.ts's layout). */
export async function playSobol(scenario: Scenario, groups: readonly (readonly Slot[])[], opts: SobolOptions): Promise<Float64Array> {
  const outputs = headlineOutcomes(scenario).length;
  const perRow = outputs * rowWidth(groups.length);
  const all = new Float64Array(opts.rows * perRow);
  const runsPerRow = evaluationsPerRow(groups.length) * opts.inner;
  const rowsPerBlock = Math.max(1, Math.floor(RUNS_PER_BLOCK / runsPerRow));
  const blocks = Math.ceil(opts.rows / rowsPerBlock);
  const planned = opts.rows * runsPerRow;
  let done = 0;
  const take = (res: SobolBlockResult) => {
    all.set(res.sums, res.first * perRow);
    done += res.runs;
    opts.onProgress?.(done, planned);
  };
  const range = (b: number): [number, number] => [b * rowsPerBlock, Math.min(opts.rows, (b + 1) * rowsPerBlock)];
  const workers = Math.min(opts.workers, blocks);
  const local = new SobolRunner(scenario, groups, opts.inner);
  if (workers <= 1) {
    for (let b = 0; b < blocks; b++) {
      const [first, end] = range(b);
      take(local.rows(opts.seed, first, end));
      // the event loop in between blocks: a signal's handler runs during a long design
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return all;
  }
  const data: SobolWorkerData = { scenario, groups: groups.map((g) => [...g]), inner: opts.inner };
  const pool = new WorkerPool<SobolRequest, SobolBlockResult>(null, workers - 1, 'sobol-worker', data);
  try {
    await pool.runBlocks(blocks, (i) => {
      const [first, end] = range(i);
      return { seq: i, seed: opts.seed, first, end };
    }, take, () => false, (q) => local.begin(q.seed, q.first, q.end));
  } catch (e) {
    throw new WorkerCrashError((e as Error).message, done, planned);
  } finally {
    await pool.close();
  }
  return all;
}
