/**
 * Playing rows of negsim explain's design (sobol-design.ts): every evaluation of a row is a batch of M runs
 * with the inputs set to the evaluation's (RunEngine.run's `inputs` hook, called right after the run's
 * parameters are sampled), and run m of every evaluation of row j is run j·M + m of the seed — common
 * random numbers within a row (stats/sobol-batch.ts says why). For each headline outcome
 * (stats/headline.ts) a row leaves the sums that stats/sobol-batch.ts reads: how often it happened at A,
 * at B and at each A_B^(i), and how often together with A's or B's run of the same generator.
 *
 * The sums are whole numbers, so the result of a row is the same whichever thread plays it and in
 * whatever slices; rows are summed in row order by the caller.
 */
import type { Scenario, Slot } from '../scenario/types.js';
import { headlineOutcomes, headlineReader } from '../stats/headline.js';
import { crossA, crossB, CROSS_AB, rowWidth, SUM_A, SUM_B, sumAB } from '../stats/sobol-batch.js';
import type { Slices } from './block.js';
import { newRunRecord, type RunRecord } from './run-record.js';
import { RunEngine } from './run.js';
import { drawRow, evaluationInputs, evaluationsPerRow } from './sobol-design.js';

export interface SobolBlockResult {
  /** The first row and how many. */
  first: number;
  count: number;
  /** count rows x outputs x rowWidth(k) sums, row-major (sobol-batch.ts's layout). */
  sums: Float64Array;
  /** Runs played. */
  runs: number;
}

export class SobolRunner {
  private readonly engine: RunEngine;
  private readonly record: RunRecord;
  private readonly read: (r: RunRecord, out: Uint8Array, offset: number) => void;
  readonly outputs: number;
  private readonly k: number;
  private readonly width: number;
  private readonly a: Float64Array;
  private readonly b: Float64Array;
  private readonly x: Float64Array;
  /** The outcomes of A's and B's runs of the current row (run m's at m * outputs), and of the run just played. */
  private readonly yA: Uint8Array;
  private readonly yB: Uint8Array;
  private readonly y: Uint8Array;
  private readonly setInputs = (v: Float64Array): void => { v.set(this.x); };

  constructor(private readonly scenario: Scenario, private readonly groups: readonly (readonly Slot[])[], private readonly inner: number) {
    if (!Number.isSafeInteger(inner) || inner < 2) throw new RangeError(`SobolRunner: batches of 2 runs or more, got ${inner}`);
    this.engine = new RunEngine(scenario);
    this.record = newRunRecord(scenario);
    this.read = headlineReader(scenario);
    this.outputs = headlineOutcomes(scenario).length;
    this.k = groups.length;
    this.width = rowWidth(this.k);
    const n = scenario.params.length;
    this.a = new Float64Array(n);
    this.b = new Float64Array(n);
    this.x = new Float64Array(n);
    this.yA = new Uint8Array(inner * this.outputs);
    this.yB = new Uint8Array(inner * this.outputs);
    this.y = new Uint8Array(this.outputs);
  }

  /** Runs a row takes: (k + 2) evaluations of M runs. */
  runsPerRow(): number {
    return evaluationsPerRow(this.k) * this.inner;
  }

  rows(seed: number, first: number, end: number): SobolBlockResult {
    return this.begin(seed, first, end).step(Infinity)!;
  }

  /** Rows [first, end), played a slice of runs at a time. */
  begin(seed: number, first: number, end: number): Slices<SobolBlockResult> {
    const { outputs, width, inner, k } = this;
    const count = end - first;
    const sums = new Float64Array(count * outputs * width);
    const evaluations = evaluationsPerRow(k);
    let row = first, e = 0, m = 0, runs = 0;
    return {
      step: (n: number): SobolBlockResult | null => {
        for (let played = 0; played < n && row < end; played++) {
          if (e === 0 && m === 0) drawRow(this.scenario, seed, row, this.a, this.b);
          if (m === 0) evaluationInputs(e, this.a, this.b, this.groups, this.x);
          this.engine.run(seed, row * inner + m, this.record, null, this.setInputs);
          runs++;
          const o = (row - first) * outputs * width;
          if (e === 0) {
            this.read(this.record, this.yA, m * outputs);
            for (let q = 0; q < outputs; q++) sums[o + q * width + SUM_A] += this.yA[m * outputs + q];
          } else if (e === 1) {
            this.read(this.record, this.yB, m * outputs);
            for (let q = 0; q < outputs; q++) {
              const yb = this.yB[m * outputs + q];
              sums[o + q * width + SUM_B] += yb;
              sums[o + q * width + CROSS_AB] += yb & this.yA[m * outputs + q];
            }
          } else {
            this.read(this.record, this.y, 0);
            const i = e - 2;
            for (let q = 0; q < outputs; q++) {
              const y = this.y[q];
              if (y === 0) continue;
              const p = o + q * width;
              sums[p + sumAB(i)] += 1;
              sums[p + crossA(k, i)] += this.yA[m * outputs + q];
              sums[p + crossB(k, i)] += this.yB[m * outputs + q];
            }
          }
          if (++m === inner) {
            m = 0;
            if (++e === evaluations) {
              e = 0;
              row++;
            }
          }
        }
        return row === end ? { first, count, sums, runs } : null;
      },
    };
  }
}
