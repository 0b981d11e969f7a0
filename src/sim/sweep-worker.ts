/**
 * A sweep's worker thread: unlike worker.ts (one scenario for its whole life), each request carries the
 * scenario of its grid point, so one pool of threads serves every point of a sweep and no thread is
 * started per point. The runner of the last point is kept: blocks are handed out point by point, so a
 * thread builds a point's runner about once.
 */
import { parentPort } from 'node:worker_threads';
import type { Scenario } from '../scenario/types.js';
import { BlockRunner, transferList } from './block.js';
import type { WorkerReply } from './worker.js';

export interface SweepBlockRequest {
  point: number;
  scenario: Scenario;
  block: number;
  seed: number;
  start: number;
  end: number;
}

export type SweepWorkerReply = { point: number } & WorkerReply;

let current: { point: number; runner: BlockRunner } | null = null;

parentPort!.on('message', (req: SweepBlockRequest) => {
  try {
    if (current === null || current.point !== req.point) current = { point: req.point, runner: new BlockRunner(req.scenario) };
    const result = current.runner.run(req.block, req.seed, req.start, req.end, false);
    const transfer = transferList(result);
    parentPort!.postMessage({ point: req.point, ok: true, result } satisfies SweepWorkerReply, transfer);
  } catch (e) {
    const err = e as Error;
    parentPort!.postMessage({ point: req.point, ok: false, block: req.block, message: err.message, stack: err.stack } satisfies SweepWorkerReply);
  }
});
