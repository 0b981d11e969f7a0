import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { addHeldRounds, heldAtLeast, newHeldRounds } from '../../src/backtest/held-rounds.js';
import type { RunColumns } from '../../src/sim/block.js';
import { CF_BROKEN, CF_HELD, CF_NOT_OFFERED, CF_REJECTED } from '../../src/sim/run-record.js';
import type { Scenario } from '../../src/scenario/types.js';

// two measures (a ceasefire, then an exchange), 4 rounds; only what the histogram reads
const scenario = { rounds: 4, measures: [{ kind: 'ceasefire' }, { kind: 'exchange' }] } as unknown as Scenario;

/** Columns of runs given as [ceasefire fate, rounds kept, exchange fate] each. */
function columns(runs: [number, number, number][]): RunColumns {
  return {
    first: 0, count: runs.length,
    measureFate: Int32Array.from(runs.flatMap(([f, , e]) => [f, e])),
    heldRounds: Int32Array.from(runs.flatMap(([, k]) => [k, 0])),
  } as unknown as RunColumns;
}

test('accepted runs are binned by rounds kept; rejected and never-offered runs and exchanges are not counted', () => {
  const h = newHeldRounds(scenario);
  assert.is(h.bins, 5);
  addHeldRounds(h, scenario, columns([
    [CF_HELD, 4, 1], // accepted, kept all 4 rounds
    [CF_BROKEN, 1, 0], // accepted, kept 1 round, then called off
    [CF_BROKEN, 0, 1], // accepted, violated in its first round
    [CF_REJECTED, 0, 1],
    [CF_NOT_OFFERED, 0, 0],
    [CF_HELD, 3, 1], // accepted, kept 3 of 4 rounds (a tolerated violation)
  ]));
  assert.equal(Array.from(h.counts), [1, 1, 0, 1, 1, /* exchange */ 0, 0, 0, 0, 0]);
  // at least N rounds: 0 -> every accepted run (4), 1 -> 3, 2 -> 2, 3 -> 2, 4 -> 1, 5 -> 0
  assert.equal([0, 1, 2, 3, 4, 5].map((n) => heldAtLeast(h, 0, n)), [4, 3, 2, 2, 1, 0]);
});

test('blocks add up: two blocks give the counts of their union', () => {
  const one = newHeldRounds(scenario);
  addHeldRounds(one, scenario, columns([[CF_HELD, 2, 0], [CF_BROKEN, 2, 0], [CF_HELD, 4, 0]]));
  const two = newHeldRounds(scenario);
  addHeldRounds(two, scenario, columns([[CF_HELD, 2, 0]]));
  addHeldRounds(two, scenario, columns([[CF_BROKEN, 2, 0], [CF_HELD, 4, 0]]));
  assert.equal(Array.from(two.counts), Array.from(one.counts));
  assert.is(heldAtLeast(two, 0, 2), 3);
});

test.run();
