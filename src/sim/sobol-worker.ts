/**
 * A worker thread of negsim explain's design (sobol.ts): it plays blocks of rows and answers each with
 * the rows' sums (sobol-block.ts). The scenario, the input groups and the batch size come once, as
 * workerData; each request names its rows. Replies echo the request's `seq`, the pool's numbering
 * (monte-carlo.ts's WorkerPool). Results are copied, never transferred (worker.ts says why).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario, Slot } from '../scenario/types.js';
import { SobolRunner, type SobolBlockResult } from './sobol-block.js';
import type { WorkerReply } from './worker.js';

export interface SobolWorkerData {
  scenario: Scenario;
  groups: Slot[][];
  inner: number;
}

export interface SobolRequest {
  seq: number;
  seed: number;
  /** Rows [first, end). */
  first: number;
  end: number;
}

const data = workerData as SobolWorkerData;
const runner = new SobolRunner(data.scenario, data.groups, data.inner);

parentPort!.on('message', (req: SobolRequest) => {
  try {
    const result = runner.rows(req.seed, req.first, req.end);
    parentPort!.postMessage({ ok: true, seq: req.seq, result } satisfies WorkerReply<SobolBlockResult>);
  } catch (e) {
    const err = e as Error;
    parentPort!.postMessage({ ok: false, seq: req.seq, block: req.first, message: err.message, stack: err.stack } satisfies WorkerReply<SobolBlockResult>);
  }
});
