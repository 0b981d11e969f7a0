/**
 * A Monte Carlo worker thread: receives the resolved scenario once (workerData) and then blocks of runs to
 * play; answers each with its tally (and run columns when asked), transferring the typed arrays.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../scenario/types.js';
import { BlockRunner, transferList, type BlockResult } from './block.js';

export interface BlockRequest {
  block: number;
  seed: number;
  start: number;
  end: number;
  keepRuns: boolean;
}

export type WorkerReply = { ok: true; result: BlockResult } | { ok: false; block: number; message: string; stack?: string };

const runner = new BlockRunner((workerData as { scenario: Scenario }).scenario);

parentPort!.on('message', (req: BlockRequest) => {
  try {
    const result = runner.run(req.block, req.seed, req.start, req.end, req.keepRuns);
    const transfer = transferList(result);
    parentPort!.postMessage({ ok: true, result } satisfies WorkerReply, transfer);
  } catch (e) {
    const err = e as Error;
    parentPort!.postMessage({ ok: false, block: req.block, message: err.message, stack: err.stack } satisfies WorkerReply);
  }
});
