/**
 * The Monte Carlo driver: plays runs [0, runs) of a seed in blocks (block.ts), in this thread or, with
 * N >= 2 workers, in this thread and N - 1 worker threads (this thread plays a block whenever it is free,
 * between its events: N threads compute, none sits idle waiting, one fewer is started and warmed up;
 * 10^5 Geneva II runs on two cores, four alternating pairs: 3.20-3.43 s against 3.37-4.02 s with two
 * worker threads and an idle main thread), and merges the blocks' tallies
 * in block order. Run r draws only from its own generator seeded from (seed, r) (rng.ts), and blocks are
 * fixed, so the tally — and every output made from it — is the same bytes for any number of workers.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../scenario/types.js';
import { mergeTally, newTally, type Tally } from '../stats/tally.js';
import { blockCount, blockRange, BlockRunner, type BlockResult, type Slices } from './block.js';
import type { BlockRequest, WorkerReply } from './worker.js';

export interface MonteCarloOptions {
  runs: number;
  seed: number;
  /** Threads that play runs: this one and workers - 1 worker threads; 1 runs in this thread only. */
  workers: number;
  /** Keep every run's record (for the runs CSV); passed to onBlock in block order. */
  keepRuns?: boolean;
  onBlock?: (result: BlockResult) => void | Promise<void>;
  onProgress?: (runsDone: number) => void;
  /**
   * Play only blocks [first, end) of the `runs` (a shard, src/sim/shard.ts); default all. The runs are
   * those the whole Monte Carlo would play in these blocks, so shards' block tallies merge exactly.
   */
  blocks?: readonly [number, number];
  /**
   * Asked after each block is merged, in block order: true ends the Monte Carlo there (blocks already in
   * flight are dropped). Since it sees the same tallies in the same order, the stop is deterministic.
   */
  stop?: (total: Tally) => boolean;
}

/**
 * A worker thread died or threw while playing runs (a bug, or the machine ran out of memory). The Monte
 * Carlo is abandoned rather than finished without that worker's blocks: a result that silently lacks
 * runs would be wrong, and the same seeds in a new run reproduce it.
 */
export class WorkerCrashError extends Error {
  constructor(what: string, readonly runsDone: number, readonly runs: number) {
    super(`a worker thread ${what} after ${runsDone} of ${runs} runs; the Monte Carlo was abandoned`);
    this.name = 'WorkerCrashError';
  }
}

/** `auto` (or 0) means one worker per available core. */
export function resolveWorkers(w: number | 'auto'): number {
  return w === 'auto' || w === 0 ? Math.max(1, availableParallelism()) : w;
}

export async function monteCarlo(scenario: Scenario, opts: MonteCarloOptions): Promise<Tally> {
  const total = newTally(scenario);
  const [first, end] = opts.blocks ?? [0, blockCount(opts.runs)];
  const nBlocks = Math.max(0, end - first);
  const workers = Math.min(opts.workers, nBlocks);
  let done = 0;
  let stopped = false;
  const take = async (res: BlockResult): Promise<void> => {
    if (stopped) return;
    mergeTally(total, res.tally);
    if (opts.onBlock) await opts.onBlock(res);
    done += res.tally.runs;
    opts.onProgress?.(done);
    if (opts.stop?.(total)) stopped = true;
  };
  if (workers <= 1) {
    const runner = new BlockRunner(scenario);
    for (let b = first; b < end && !stopped; b++) {
      const [start, end] = blockRange(b, opts.runs);
      await take(runner.run(b, opts.seed, start, end, opts.keepRuns ?? false));
      // let the event loop in between blocks, so that SIGINT/SIGTERM handlers run during a long run
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return total;
  }
  // The main thread plays blocks too: `workers` threads of computation in all, one fewer to start.
  const pool = new WorkerPool(scenario, workers - 1);
  const local = new BlockRunner(scenario);
  try {
    await pool.runBlocks(nBlocks, (i) => {
      const [start, stop] = blockRange(first + i, opts.runs);
      return { seq: i, block: first + i, seed: opts.seed, start, end: stop, keepRuns: opts.keepRuns ?? false };
    }, take, () => stopped, (q) => local.begin(q.block, q.seed, q.start, q.end, q.keepRuns));
  } catch (e) {
    if (e instanceof WorkerFailure) throw new WorkerCrashError(e.message, done, opts.runs);
    throw e;
  } finally {
    await pool.close();
  }
  return total;
}

/** Runs the main thread plays between two looks at its events (about 10 ms). */
const LOCAL_SLICE = 100;

/**
 * Blocks a thread may have played, or be playing, ahead of the block being handed on: a caller whose
 * `take` is slow (a library user reading run records one by one) holds the threads back instead of
 * letting finished blocks pile up in memory. Two in flight per worker and a few waiting never bind when
 * `take` keeps up (merging a tally takes microseconds), so the threads never wait on this.
 */
const AHEAD_PER_THREAD = 4;

/** How a worker failed, without the runs count (monteCarlo adds it). */
class WorkerFailure extends Error {}

/**
 * Worker threads that play blocks; results are handed on strictly in the order of the requests. The
 * scenario is given once (a Monte Carlo) or, with null, carried by each request (a sweep). Another worker
 * module (`module`, beside this file, given `data` as its workerData) may answer other requests the same
 * way: negsim explain's design rows (sobol-worker.ts).
 */
export class WorkerPool<Req extends { seq: number } = BlockRequest, Res = BlockResult> {
  private readonly workers: Worker[] = [];
  private closing = false;

  constructor(scenario: Scenario | null, n: number, module = 'worker', data: unknown = scenario ? { scenario } : undefined) {
    for (let i = 0; i < n; i++) this.workers.push(startWorkerThread(module, data));
  }

  /**
   * Requests 0 .. n-1 (request(i) must set seq: i), handed out in order, two in flight per worker thread
   * (so none waits while the main thread merges or plays), one once few are left (so none sits queued
   * behind a block while another thread runs dry); each result is handed to take in request order, with
   * its request number.
   */
  async runBlocks(
    nBlocks: number,
    request: (i: number) => Req,
    take: (res: Res, i: number) => Promise<void> | void,
    /** Checked after each block handed on: true ends the work there. */
    stopped: () => boolean = () => false,
    /**
     * Plays a request on this thread, a slice at a time: with it, the calling thread takes blocks too,
     * and handles its events (worker replies, signals, the progress bar) between slices.
     */
    local?: (req: Req) => Slices<Res>,
  ): Promise<void> {
    const ready = new Map<number, Res>();
    let next = 0; // next request to hand out
    let expected = 0; // next request to hand on
    let resumeLocal: (() => void) | null = null; // the local thread, waiting for the hand-on to catch up
    let failed: Error | null = null;
    let draining = Promise.resolve();
    // This call's listeners, removed when it settles: a pool kept for many calls (scenario-pool.ts) would
    // otherwise hand every later reply to every earlier call's handlers too.
    type Listener = (...args: any[]) => void; // Worker.on's own listener type
    const listeners: [Worker, 'message' | 'error' | 'exit', Listener][] = [];
    const listen = (w: Worker, event: 'message' | 'error' | 'exit', fn: Listener) => {
      w.on(event, fn);
      listeners.push([w, event, fn]);
    };
    await new Promise<void>((resolve, reject) => {
      const fail = (e: Error) => {
        if (failed) return;
        failed = e;
        reject(e);
      };
      const inFlight = new Map<Worker, number>(this.workers.map((w) => [w, 0]));
      const threads = this.workers.length + (local ? 1 : 0);
      const maxAhead = AHEAD_PER_THREAD * threads;
      const dispatch = (w: Worker) => {
        if (failed || next >= nBlocks || stopped() || next - expected >= maxAhead) return;
        // The last blocks go one at a time to whichever thread is free first: a second block queued
        // on a busy worker would leave the others idle at the end (about a block's time, 55 ms of
        // Geneva II's 3.3 s on 10^5 runs).
        if (inFlight.get(w)! > 0 && nBlocks - next <= threads) return;
        inFlight.set(w, inFlight.get(w)! + 1);
        w.postMessage(request(next++));
      };
      const drain = async () => {
        while (ready.has(expected)) {
          const res = ready.get(expected)!;
          ready.delete(expected);
          await take(res, expected);
          expected++;
          if (stopped()) {
            expected = nBlocks;
            break;
          }
          // room ahead again: the threads held back take their next blocks
          for (const w of this.workers) if (inFlight.get(w)! < 2) dispatch(w);
          const go = resumeLocal;
          resumeLocal = null;
          go?.();
        }
        if (expected === nBlocks) resolve();
      };
      for (const w of this.workers) {
        listen(w, 'message', (msg: WorkerReply<Res>) => {
          if (!msg.ok) return fail(new WorkerFailure(`failed on block ${msg.block}: ${msg.message}`));
          ready.set(msg.seq, msg.result);
          inFlight.set(w, inFlight.get(w)! - 1);
          dispatch(w);
          draining = draining.then(drain).catch(fail);
        });
        listen(w, 'error', (e: Error) => fail(new WorkerFailure(`threw an uncaught error (${e.message})`)));
        // Any exit before the last block, even with code 0, leaves blocks in flight that would never
        // come back: without this the driver would wait for ever.
        listen(w, 'exit', (code: number) => {
          if (!this.closing && expected < nBlocks) fail(new WorkerFailure(`exited with code ${code}`));
        });
        dispatch(w);
        dispatch(w);
      }
      if (local) {
        let current: Slices<Res> | null = null;
        let seq = 0;
        const play = (): void => {
          if (failed || stopped()) return;
          if (current === null) {
            if (next >= nBlocks) return;
            if (next - expected >= maxAhead) {
              resumeLocal = () => setImmediate(play);
              return;
            }
            seq = next++;
            current = local(request(seq));
          }
          let res: Res | null;
          try {
            res = current.step(LOCAL_SLICE);
          } catch (e) {
            return fail(e as Error);
          }
          if (res !== null) {
            ready.set(seq, res);
            current = null;
            draining = draining.then(drain).catch(fail);
          }
          // (a macrotask between slices: a worker's reply is answered within a slice, so it never runs dry)
          setImmediate(play);
        };
        setImmediate(play);
      }
    }).finally(() => {
      for (const [w, event, fn] of listeners) w.off(event, fn);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * A worker's young generation, at most (MB). V8 grows it with the allocation rate, up to several times
 * this; a run allocates about 7 KB, all short-lived, so a bigger nursery only holds more garbage: with
 * the default, peak memory of 10^6 runs on 2 workers crept to 1.17-1.27x that of 10^4 runs; capped at
 * 16 MB, 1.05-1.08x, and no slower (npm run bench; measured side by side, 33.0 s against 35.3 s).
 */
const WORKER_YOUNG_GENERATION_MB = 16;

/**
 * Start the worker thread of module `name` (worker.ts) beside this file. From source
 * (tests, tsx) tsx's loader does not reach worker threads on Node 20, so the thread registers it itself
 * before importing the TypeScript module; from dist/ it is a plain module.
 */
export function startWorkerThread(name: string, workerData?: unknown): Worker {
  const here = import.meta.url;
  const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
  if (here.endsWith('.ts')) {
    const tsxApi = import.meta.resolve('tsx/esm/api');
    const target = new URL(`./${name}.ts`, here).href;
    const code = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(target)});`;
    return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), { workerData, resourceLimits });
  }
  return new Worker(new URL(`./${name}.js`, here), { workerData, resourceLimits });
}
