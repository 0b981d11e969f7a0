import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { applySets } from '../../src/scenario/override.js';
import { monteCarlo } from '../../src/sim/monte-carlo.js';
import { ScenarioPool } from '../../src/sim/scenario-pool.js';
import type { Tally } from '../../src/stats/tally.js';
import { twoParties } from './fixtures.js';

const plain = (t: Tally) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v]));
const at = (lambda: number, exit = 'deviation > 15') => applySets(twoParties({ rounds: 4, exitB: exit }), [{ path: 'model.lambda', text: String(lambda) }]).scenario!;

test('a batch: each tally is its scenario\'s Monte Carlo at the seed, the same with 1 and 2 threads (blocks of 1000 across threads)', async () => {
  const scenarios = [at(3), at(30), at(12, 'deviation > 40')];
  const expected = await Promise.all(scenarios.map((s) => monteCarlo(s, { runs: 2500, seed: 8, workers: 1 })));
  for (const w of [1, 2]) {
    const pool = new ScenarioPool(w);
    try {
      let last = 0;
      const got = await pool.play(scenarios, { runs: 2500, seed: 8, onProgress: (d) => { assert.ok(d > last); last = d; } });
      assert.is(last, 7500);
      got.forEach((t, i) => assert.equal(plain(t), plain(expected[i]), `workers ${w}, scenario ${i}`));
    } finally {
      await pool.close();
    }
  }
});

test('one pool for many batches: a scenario played again with other values is played with them (no stale runner), and no listener piles up', async () => {
  const pool = new ScenarioPool(2);
  try {
    const first = await pool.play([at(3), at(30)], { runs: 1200, seed: 2 });
    const workers = (pool as unknown as { pool: { workers: { listenerCount(e: string): number }[] } }).pool.workers;
    const listeners = workers.map((w) => w.listenerCount('message'));
    for (let k = 0; k < 5; k++) await pool.play([at(3), at(30)], { runs: 1200, seed: 2 });
    assert.equal(workers.map((w) => w.listenerCount('message')), listeners, 'each batch removes its listeners');
    const swapped = await pool.play([at(30), at(3)], { runs: 1200, seed: 2 });
    assert.equal(plain(swapped[0]), plain(first[1]));
    assert.equal(plain(swapped[1]), plain(first[0]));
    assert.not.equal(plain(first[0]).outcomes, plain(first[1]).outcomes, 'lambda 3 and 30 differ');
  } finally {
    await pool.close();
  }
  let err = '';
  try { await pool.play([at(3)], { runs: 10, seed: 1 }); } catch (e) { err = (e as Error).message; }
  assert.match(err, /play after close/);
});

test.run();
