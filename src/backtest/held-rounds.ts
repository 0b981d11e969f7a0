/**
 * How many rounds each ceasefire was kept, run by run, for the backtest question "was it accepted and
 * kept at least N rounds?" (`ask: held, rounds: N`). The Monte Carlo tally keeps only the sum of rounds
 * kept (for the mean); this is their histogram, built from the run columns of each block (keepRuns), so
 * the tally and every output made from it stay as they are.
 *
 * A round is kept when the ceasefire was in force and neither side committed a violation in it (the run
 * record's heldRounds; with a tolerance above 1, a ceasefire can go on through a violation, and the
 * rounds kept need not be consecutive).
 *
 * @example
 * const h = newHeldRounds(scenario);
 * await monteCarlo(scenario, { runs, seed, workers, keepRuns: true, onBlock: (b) => addHeldRounds(h, scenario, b.columns!) });
 * heldAtLeast(h, 0, 3) // runs in which measure 0 was accepted and kept 3 rounds or more
 */
import type { Scenario } from '../scenario/types.js';
import type { RunColumns } from '../sim/block.js';
import { ceasefireAccepted } from '../sim/run-record.js';

export interface HeldRounds {
  /** Bins per measure: rounds kept 0 .. rounds. */
  bins: number;
  /** measure * bins + rounds kept: runs in which the measure (a ceasefire) was accepted and kept that many rounds. */
  counts: Float64Array;
}

export function newHeldRounds(s: Scenario): HeldRounds {
  const bins = s.rounds + 1;
  return { bins, counts: new Float64Array(s.measures.length * bins) };
}

/** Adds the runs of one block. */
export function addHeldRounds(h: HeldRounds, s: Scenario, c: RunColumns): void {
  const nM = s.measures.length;
  for (let m = 0; m < nM; m++) {
    if (s.measures[m].kind !== 'ceasefire') continue;
    for (let i = 0; i < c.count; i++) {
      const fate = c.measureFate[i * nM + m];
      if (!ceasefireAccepted(fate)) continue;
      const kept = Math.min(h.bins - 1, c.heldRounds[i * nM + m]);
      h.counts[m * h.bins + kept]++;
    }
  }
}

/** Runs in which ceasefire `m` was accepted and kept at least `rounds` rounds. */
export function heldAtLeast(h: HeldRounds, m: number, rounds: number): number {
  let n = 0;
  for (let k = Math.max(0, rounds); k < h.bins; k++) n += h.counts[m * h.bins + k];
  return n;
}
