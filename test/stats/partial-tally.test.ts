import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadScenario } from '../../src/scenario/load.js';
import { monteCarlo } from '../../src/sim/monte-carlo.js';
import { addBlockTally, mergePartialTallies, newPartialTally } from '../../src/stats/partial-tally.js';
import type { Scenario } from '../../src/scenario/types.js';
import type { Tally } from '../../src/stats/tally.js';

const geneva = loadScenario('scenarios/geneva-2014.yaml').scenario as Scenario;

const plain = (t: Tally) => JSON.stringify(t, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));

test('slices [0,2) [2,5) merged give the tally of 5000 runs bit for bit, deal sums included', async () => {
  const whole = await monteCarlo(geneva, { runs: 5000, seed: 3, workers: 1 });
  const parts = [];
  for (const blocks of [[0, 2], [2, 5]] as [number, number][]) {
    const p = newPartialTally(geneva, blocks);
    await monteCarlo(geneva, { runs: 5000, seed: 3, workers: 1, blocks, onBlock: (r) => addBlockTally(p, r.tally) });
    assert.is(p.perBlock.length, blocks[1] - blocks[0]);
    parts.push(p);
  }
  const merged = mergePartialTallies(geneva, parts);
  assert.is(plain(merged), plain(whole));
  assert.ok(whole.dealSum[0] > 0 && !Number.isInteger(whole.dealSum[0]), 'the deal sum is a non-integer (the order-sensitive case)');
});

test('an empty slice has no blocks and merges to an empty tally', () => {
  const p = newPartialTally(geneva, [0, 0]);
  assert.equal(p.perBlock, []);
  assert.is(mergePartialTallies(geneva, [p]).runs, 0);
});

test.run();
