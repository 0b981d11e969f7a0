/** A small Monte Carlo summary for the report tests. */
import { monteCarlo } from '../../src/sim/monte-carlo.js';
import { summarise, type Summary } from '../../src/stats/summary.js';
import { twoParties } from '../sim/fixtures.js';

export const tiny = twoParties({ exitB: 'deviation > 15', rounds: 4 });

export async function summaryOf(runs: number, seed: number): Promise<Summary> {
  const tally = await monteCarlo(tiny, { runs, seed, workers: 1 });
  return summarise(tiny, tally, seed, '0.0.0-test', 'test-rng');
}
