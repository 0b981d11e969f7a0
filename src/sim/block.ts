/**
 * A block of consecutive runs, the unit of work of the Monte Carlo: the same blocks whatever the number of
 * workers, so that their tallies, merged in block order, give the same bytes for 1, 2 or 16 workers.
 * Optionally keeps each run's record in columns (for the runs CSV), as typed arrays.
 */
import type { Scenario } from '../scenario/types.js';
import { addRun, newTally, type Tally } from '../stats/tally.js';
import { newRunRecord, type RunRecord } from './run-record.js';
import { RunEngine } from './run.js';

/** Runs per block. Part of the output's definition: changing it changes the order of floating-point sums. */
export const BLOCK_SIZE = 1000;

export interface RunColumns {
  first: number;
  count: number;
  outcome: Int32Array;
  endRound: Int32Array;
  /** count x nActors */
  attended: Uint8Array;
  withdrewRound: Int32Array;
  trigger: Uint8Array;
  /** count x nIssues */
  deal: Float64Array;
  /** count x nMeasures */
  measureFate: Int32Array;
  heldRounds: Int32Array;
  brokenBy: Int32Array;
  /** count x nParams */
  values: Float64Array;
}

export interface BlockResult {
  block: number;
  tally: Tally;
  columns: RunColumns | null;
}

export function blockCount(runs: number): number {
  return Math.ceil(runs / BLOCK_SIZE);
}

export function blockRange(block: number, runs: number, offset = 0): [number, number] {
  const start = offset + block * BLOCK_SIZE;
  return [start, Math.min(start + BLOCK_SIZE, offset + runs)];
}

function newColumns(s: Scenario, first: number, count: number): RunColumns {
  const nA = s.actors.length, nI = s.issues.length, nM = s.measures.length, nP = s.params.length;
  return {
    first, count,
    outcome: new Int32Array(count), endRound: new Int32Array(count),
    attended: new Uint8Array(count * nA), withdrewRound: new Int32Array(count * nA), trigger: new Uint8Array(count * nA),
    deal: new Float64Array(count * nI),
    measureFate: new Int32Array(count * nM), heldRounds: new Int32Array(count * nM), brokenBy: new Int32Array(count * nM),
    values: new Float64Array(count * nP),
  };
}

function keep(c: RunColumns, i: number, r: RunRecord): void {
  c.outcome[i] = r.outcome;
  c.endRound[i] = r.endRound;
  c.attended.set(r.attended, i * r.attended.length);
  c.withdrewRound.set(r.withdrewRound, i * r.withdrewRound.length);
  c.trigger.set(r.trigger, i * r.trigger.length);
  c.deal.set(r.deal, i * r.deal.length);
  c.measureFate.set(r.measureFate, i * r.measureFate.length);
  c.heldRounds.set(r.heldRounds, i * r.heldRounds.length);
  c.brokenBy.set(r.brokenBy, i * r.brokenBy.length);
  c.values.set(r.values, i * r.values.length);
}

/** Runs [start, end) of `seed`. */
export class BlockRunner {
  private readonly engine: RunEngine;
  private readonly record: RunRecord;

  constructor(private readonly scenario: Scenario) {
    this.engine = new RunEngine(scenario);
    this.record = newRunRecord(scenario);
  }

  run(block: number, seed: number, start: number, end: number, keepRuns: boolean): BlockResult {
    const slices = this.begin(block, seed, start, end, keepRuns);
    return slices.step(end - start)!;
  }

  /**
   * The same block, played a slice at a time: step(n) plays up to n more runs and returns the block's
   * result once its last run is played (null before). Runs are added to the tally in the same order
   * however the block is sliced, so the result is the same bytes as run's.
   */
  begin(block: number, seed: number, start: number, end: number, keepRuns: boolean): BlockSlices {
    const tally = newTally(this.scenario);
    const columns = keepRuns ? newColumns(this.scenario, start, end - start) : null;
    let r = start;
    return {
      step: (n: number): BlockResult | null => {
        const stop = Math.min(end, r + n);
        for (; r < stop; r++) {
          this.engine.run(seed, r, this.record);
          addRun(tally, this.scenario, this.record);
          if (columns) keep(columns, r - start, this.record);
        }
        return r === end ? { block, tally, columns } : null;
      },
    };
  }
}

/** Work played a slice at a time: step(n) plays up to n more runs and returns the result once all are played (null before). */
export interface Slices<R> {
  step(n: number): R | null;
}

/** A block being played in slices (BlockRunner.begin). */
export type BlockSlices = Slices<BlockResult>;
