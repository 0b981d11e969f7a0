/**
 * A Monte Carlo worker thread. It plays blocks of runs and answers each with its tally (and run columns
 * when asked). The scenario comes once, as workerData (a Monte Carlo of one scenario), or with each request
 * together with its `point` (a sweep: one pool of threads serves every grid point; the runner of the last
 * point is kept, and blocks are handed out point by point, so a thread builds a point's runner about once).
 * Every reply echoes the request's `seq`, the pool's own numbering.
 *
 * Results are copied, never transferred. Transferring detaches an ArrayBuffer, and the first detach in an
 * isolate invalidates V8's array-buffer-detaching protector, after which optimised code checks every
 * typed-array access for a detached buffer: the engine's runs, typed arrays throughout, were about 12%
 * slower in a worker than on the main thread (62 against 55 ms a block of 1,000 Geneva II runs; the same
 * thread and code with the transfer and without). A copy costs microseconds a block.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../scenario/types.js';
import { BlockRunner, type BlockResult } from './block.js';

export interface BlockRequest {
  /** The pool's number for this request, echoed in the reply. */
  seq: number;
  block: number;
  seed: number;
  start: number;
  end: number;
  keepRuns: boolean;
  /** A sweep's request carries its point's scenario (and the point's number). */
  scenario?: Scenario;
  point?: number;
}

export type WorkerReply<R = BlockResult> =
  | { ok: true; seq: number; result: R }
  | { ok: false; seq: number; block: number; message: string; stack?: string };

const fixed = (workerData as { scenario?: Scenario } | null)?.scenario;
let current: { point: number; runner: BlockRunner } | null = fixed ? { point: -1, runner: new BlockRunner(fixed) } : null;

parentPort!.on('message', (req: BlockRequest) => {
  try {
    if (req.scenario !== undefined && (current === null || current.point !== req.point)) {
      current = { point: req.point ?? -1, runner: new BlockRunner(req.scenario) };
    }
    if (current === null) throw new Error('a block request without a scenario, to a worker started without one');
    const result = current.runner.run(req.block, req.seed, req.start, req.end, req.keepRuns);
    parentPort!.postMessage({ ok: true, seq: req.seq, result } satisfies WorkerReply);
  } catch (e) {
    const err = e as Error;
    parentPort!.postMessage({ ok: false, seq: req.seq, block: req.block, message: err.message, stack: err.stack } satisfies WorkerReply);
  }
});
