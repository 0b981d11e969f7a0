import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { caseLogLoss, RecordObjective, smoothedProportion } from '../../src/fit/objective.js';
import { fitParameter } from '../../src/fit/parameters.js';
import { loadScenario } from '../../src/scenario/load.js';
import { withModelDefaults } from '../../src/scenario/model-defaults.js';
import { monteCarlo } from '../../src/sim/monte-carlo.js';
import { ScenarioPool } from '../../src/sim/scenario-pool.js';
import { writePlanted } from './planted.js';

const dir = mkdtempSync(join(tmpdir(), 'negsim-objective-'));
const files = await writePlanted(dir, 3, 12, 'objective', 300);
const cases = files.map((f) => loadScenario(f).scenario!);
const lambda = fitParameter('lambda')!;

test('the Krichevsky-Trofimov estimate: (k + 1/2)/(n + 1), never 0 or 1', () => {
  assert.is(smoothedProportion(0, 300), 0.5 / 301);
  assert.is(smoothedProportion(300, 300), 300.5 / 301);
  assert.is(smoothedProportion(3, 9), 0.35);
  // a question never seen in 300 runs costs ln(602) = 6.4 nats, not infinity
  assert.ok(Math.abs(-Math.log(smoothedProportion(0, 300)) - Math.log(602)) < 1e-12);
});

test('a case\'s log loss sums -ln p~ over its questions, p~ from the tally of its own Monte Carlo', async () => {
  const s = cases[0];
  const t = await monteCarlo(s, { runs: 200, seed: 3, workers: 1 });
  let sum = 0;
  s.observed!.questions.forEach((q, i) => {
    const p = (t.questions[i] + 0.5) / 201;
    sum -= Math.log(q.answer ? p : 1 - p);
  });
  assert.ok(Math.abs(caseLogLoss(s, t) - sum) < 1e-12);
});

test('an evaluation plays every case at the values (as model defaults): the counts are those of the case\'s own Monte Carlo', async () => {
  const pool = new ScenarioPool(1);
  try {
    const o = new RecordObjective(cases, [lambda], pool, { runs: 200, seed: 5 });
    const e = await o.evaluate([30]);
    assert.equal(e.cases, [0, 1, 2]);
    for (let i = 0; i < 3; i++) {
      const t = await monteCarlo(withModelDefaults(cases[i], { lambda: 30 }).scenario!, { runs: 200, seed: 5, workers: 1 });
      assert.equal([...e.counts[i]], [...t.questions]);
      assert.ok(Math.abs(e.caseLoss[i] - caseLogLoss(cases[i], t)) < 1e-12);
    }
    const n = cases.reduce((s, c) => s + c.observed!.questions.length, 0);
    assert.ok(Math.abs(e.logLoss - e.caseLoss.reduce((a, b) => a + b, 0) / n) < 1e-15);
    assert.is(o.evaluations, 1);
    assert.is(o.runsPlayed, 600);
  } finally {
    await pool.close();
  }
});

test('common random numbers: the same values give the same objective (cached or replayed); a subset gives the same per-case sums', async () => {
  const pool = new ScenarioPool(1);
  try {
    const o = new RecordObjective(cases, [lambda], pool, { runs: 150, seed: 9 });
    const a = await o.evaluate([10]);
    const again = await o.evaluate([10]);
    assert.is(again, a, 'the second is the cached evaluation');
    assert.is(o.evaluations, 1);
    const fresh = await new RecordObjective(cases, [lambda], pool, { runs: 150, seed: 9 }).evaluate([10]);
    assert.equal(fresh.caseLoss, a.caseLoss, 'replayed: the same runs, the same numbers');
    const sub = await o.evaluate([10], [2, 0]);
    assert.equal(sub.cases, [2, 0]);
    assert.equal(sub.caseLoss, [a.caseLoss[2], a.caseLoss[0]]);
    // another value moves the objective
    assert.not.equal((await o.evaluate([60])).caseLoss, a.caseLoss);
  } finally {
    await pool.close();
  }
});

test('a case without observed: is a bug and throws', () => {
  const { observed: _, ...bare } = cases[0];
  assert.throws(() => new RecordObjective([bare], [lambda], new ScenarioPool(1), { runs: 10, seed: 1 }), /has no observed block/);
});

test.run();
