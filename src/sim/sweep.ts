/**
 * A parameter sweep: the scenario at every point of a grid (sweep-grid.ts), each point a Monte Carlo of
 * the same runs under the same seed — common random numbers, as `compare` plays scenarios: run r of every
 * point draws from the generator seeded (seed, r), so two neighbouring points differ by the varied value,
 * not by luck.
 *
 * Points are what `--set path=value` would make of the file (scenario/override.ts), every value checked
 * as `--set` checks it before anything runs.
 *
 * Parallelism: with W >= 2 workers, one pool of W threads (monte-carlo.ts's WorkerPool; each request
 * carries its point's scenario to worker.ts) plays the blocks of every point, point after point, so small points run side by side
 * and big ones spread over all threads. Each point's blocks are merged in block order whatever thread
 * played them, so the tallies — and every byte made from them — are those of playing the points one
 * after the other in this thread.
 *
 * @example
 * const prepared = sweepScenarios(geneva, [], parseVaries(['model.lambda=5:25:10']));
 * const tallies = await playSweep(prepared.points!.map((p) => p.scenario), { runs: 1000, seed: 1, workers: 2 });
 * // tallies[k] equals monteCarlo(prepared.points[k].scenario, { runs: 1000, seed: 1, workers: 1 })
 */
import { applySets, type Overrides, type SetArg } from '../scenario/override.js';
import type { Diagnostic, Scenario } from '../scenario/types.js';
import { mergeTally, newTally, type Tally } from '../stats/tally.js';
import { blockCount, blockRange } from './block.js';
import { monteCarlo, WorkerCrashError, WorkerPool } from './monte-carlo.js';
import { sweepGrid, type Vary } from './sweep-grid.js';

export interface SweepPoint {
  /** One value per Vary, in the order of the varies. */
  values: number[];
  scenario: Scenario;
  /** The fixed `--set`s and this point's values, path -> value. */
  overrides: Overrides;
}

export interface PreparedSweep {
  /** Set only when there is no diagnostic. */
  points?: SweepPoint[];
  diagnostics: Diagnostic[];
}

/** `--vary` value as `--set` text: shortest round-trip decimal, which YAML's core schema reads back exactly. */
const text = (v: number) => String(v);

/**
 * The scenario at every grid point, `fixed` (the `--set`s) applied first. Every value of every axis is
 * checked against its path first, so a bad path or an out-of-range value is one diagnostic, not one a point.
 */
export function sweepScenarios(base: Scenario, fixed: readonly SetArg[], varies: readonly Vary[]): PreparedSweep {
  const diagnostics: Diagnostic[] = [];
  for (const v of varies) {
    for (const value of v.values) {
      const r = applySets(base, [...fixed, { path: v.path, text: text(value) }]);
      if (r.diagnostics.length > 0) {
        diagnostics.push(...r.diagnostics.map((d) => (d.path === v.path ? { ...d, message: d.message.replace(/^--set/, '--vary') } : d)));
        break; // the first bad value of an axis says enough (a path that does not exist fails on every value)
      }
    }
  }
  if (diagnostics.length > 0) return { diagnostics: dedupe(diagnostics) };
  const points = sweepGrid(varies.map((v) => v.values)).map((values) => {
    const r = applySets(base, [...fixed, ...values.map((value, k) => ({ path: varies[k].path, text: text(value) }))]);
    if (!r.scenario) throw new Error(`sweep point ${values.join(',')} failed after its values passed: ${JSON.stringify(r.diagnostics)}`);
    return { values, scenario: r.scenario, overrides: r.overrides };
  });
  return { points, diagnostics };
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => (seen.has(d.message) ? false : (seen.add(d.message), true)));
}

export interface SweepOptions {
  runs: number;
  seed: number;
  workers: number;
  /** Runs finished over all points, of runs x points. */
  onProgress?: (runsDone: number, runsPlanned: number) => void;
}

/** Play every point's Monte Carlo; tallies in the order of the scenarios. */
export async function playSweep(scenarios: readonly Scenario[], opts: SweepOptions): Promise<Tally[]> {
  const n = scenarios.length;
  const tallies: Tally[] = new Array(n);
  const planned = opts.runs * n;
  let done = 0;
  const progress = (runs: number) => {
    done += runs;
    opts.onProgress?.(done, planned);
  };
  if (opts.workers <= 1) {
    for (let i = 0; i < n; i++) {
      let before = 0;
      tallies[i] = await monteCarlo(scenarios[i], {
        runs: opts.runs, seed: opts.seed, workers: 1,
        onProgress: (d) => { progress(d - before); before = d; },
      });
    }
    return tallies;
  }
  // one sequence of requests, point after point, block after block: handed on in that order, each point's
  // blocks reach its tally in block order
  const perPoint = blockCount(opts.runs);
  const total = n * perPoint;
  const pool = new WorkerPool(null, Math.min(opts.workers, total));
  try {
    await pool.runBlocks(total, (i) => {
      const point = Math.floor(i / perPoint), block = i % perPoint;
      const [start, end] = blockRange(block, opts.runs);
      return { seq: i, point, scenario: scenarios[point], block, seed: opts.seed, start, end, keepRuns: false };
    }, (res, i) => {
      const point = Math.floor(i / perPoint);
      tallies[point] ??= newTally(scenarios[point]);
      mergeTally(tallies[point], res.tally);
      progress(res.tally.runs);
    });
  } catch (e) {
    throw new WorkerCrashError((e as Error).message, done, planned);
  } finally {
    await pool.close();
  }
  return tallies;
}
