import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { meanAbsoluteErrors, positionRows } from '../../src/backtest/positions.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/types.js';
import { monteCarlo } from '../../src/sim/monte-carlo.js';
import { summarise } from '../../src/stats/summary.js';

test('mean absolute error per model over the issues it forecast; negsim n/a without agreements', () => {
  const e = meanAbsoluteErrors([
    { issue: 'x', observed: 40, compromise: 50, median: 45, eum: 42, negsim: null },
    { issue: 'y', observed: 80, compromise: 70, median: 80, eum: 90, negsim: 60 },
  ]);
  assert.equal(e.compromise, { mae: 10, n: 2 }); // (10 + 10) / 2
  assert.equal(e.median, { mae: 2.5, n: 2 }); // (5 + 0) / 2
  assert.equal(e.eum, { mae: 6, n: 2 }); // (2 + 10) / 2
  assert.equal(e.negsim, { mae: 20, n: 1 }); // y only
  const none = meanAbsoluteErrors([]);
  assert.is(none.median.n, 0);
  assert.ok(Number.isNaN(none.median.mae));
});

test('the deadlock scenario: compromise 45.909 and median 5 against an observed 50; no agreement, so no negsim forecast', async () => {
  const s = loadScenario('test/backtest/deadlock.yaml').scenario as Scenario;
  const summary = summarise(s, await monteCarlo(s, { runs: 200, seed: 1, workers: 1 }), 1, 'test', 'test');
  const [row] = positionRows(s, summary);
  // capability x salience (default 0.5): a 0.6 x 0.5 = 0.3 at 5, b 0.5 x 0.5 = 0.25 at 95
  // compromise (0.3 x 5 + 0.25 x 95) / 0.55 = 25.25 / 0.55 = 45.9090...; weighted median: 5 (a holds 0.3 of 0.55)
  assert.is(row.issue, 'x');
  assert.is(row.observed, 50);
  assert.ok(Math.abs(row.compromise - 25.25 / 0.55) < 1e-12);
  assert.is(row.median, 5);
  assert.ok(Number.isFinite(row.eum));
  assert.is(row.negsim, null);
  const e = meanAbsoluteErrors([row]);
  assert.ok(Math.abs(e.compromise.mae - (50 - 25.25 / 0.55)) < 1e-12);
  assert.equal(e.negsim, { mae: NaN, n: 0 });
});

test('a scenario without observed positions has no rows', async () => {
  const s = loadScenario('test/backtest/deadlock.yaml').scenario as Scenario;
  const summary = summarise(s, await monteCarlo(s, { runs: 10, seed: 1, workers: 1 }), 1, 'test', 'test');
  assert.equal(positionRows({ ...s, observed: { ...s.observed!, positions: [] } }, summary), []);
});

test.run();
