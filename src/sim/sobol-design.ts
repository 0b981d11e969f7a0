/**
 * The inputs of Saltelli's sampling design for negsim explain (stats/sobol.ts): row j of seed S draws two
 * independent parameter vectors, A and B, from the scenario's own distributions (sample.ts), with a
 * generator of its own seeded from (S, j) alone — so row j is the same whatever worker plays it, and
 * its inputs never share a stream with a run's (runs are keyed `S/r`, digits only; rows `explain/S/j`).
 * Evaluation 0 of a row is A, 1 is B, and 2 + i is A_B^(i): A with input group i's parameters from B.
 *
 * Fixed parameters draw nothing and keep their value in A, B and every mix; groups list sampled
 * parameters only (scenario/uncertain-inputs.ts).
 *
 * @example
 * const a = new Float64Array(s.params.length), b = new Float64Array(s.params.length), x = new Float64Array(s.params.length);
 * drawRow(s, 1, 0, a, b);
 * evaluationInputs(2, a, b, groups, x); // x = a, with groups[0]'s slots from b
 */
import seedrandom from 'seedrandom';
import { sampleParams } from '../scenario/sample.js';
import type { Scenario, Slot } from '../scenario/types.js';
import type { Rng } from './rng.js';

/** The generator of row `row` of seed `seed`'s design. */
export function designRng(seed: number, row: number): Rng {
  if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(row) || row < 0) throw new RangeError(`designRng: seed and row must be safe integers (row >= 0), got ${seed}, ${row}`);
  return seedrandom.xor4096(`explain/${seed}/${row}`);
}

/** Row `row`'s two draws of every parameter, into `a` and `b`. */
export function drawRow(s: Scenario, seed: number, row: number, a: Float64Array, b: Float64Array): void {
  const rng = designRng(seed, row);
  sampleParams(s.params, rng, a);
  sampleParams(s.params, rng, b);
}

/** The inputs of evaluation `e` of a row (0: A, 1: B, 2 + i: A_B^(i)) into `out`. */
export function evaluationInputs(e: number, a: Float64Array, b: Float64Array, groups: readonly (readonly Slot[])[], out: Float64Array): void {
  if (e === 1) {
    out.set(b);
    return;
  }
  out.set(a);
  if (e >= 2) for (const k of groups[e - 2]) out[k] = b[k];
}

/** Evaluations a row: A, B and one A_B^(i) a group. */
export function evaluationsPerRow(groups: number): number {
  return groups + 2;
}

/** The generator of the bootstrap resamples of seed `seed`'s design (a stream of its own, like the rows'). */
export function bootstrapRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`bootstrapRng: seed must be a safe integer, got ${seed}`);
  return seedrandom.xor4096(`explain-bootstrap/${seed}`);
}
