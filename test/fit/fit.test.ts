import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fitParameters } from '../../src/fit/fit.js';
import { RecordObjective } from '../../src/fit/objective.js';
import { fitParameter, modelDefault, toSearch } from '../../src/fit/parameters.js';
import { loadScenario } from '../../src/scenario/load.js';
import { ScenarioPool } from '../../src/sim/scenario-pool.js';
import { writePlanted } from './planted.js';

const dir = mkdtempSync(join(tmpdir(), 'negsim-fitfit-'));
const cases = (await writePlanted(dir, 6, 25, 'fit-unit', 500)).map((f) => loadScenario(f).scenario!);
const lambda = fitParameter('lambda')!;

test('from the default, the search moves lambda toward the planted 25 and lowers the objective; the result is its best point', async () => {
  const pool = new ScenarioPool(1);
  try {
    const o = new RecordObjective(cases, [lambda], pool, { runs: 200, seed: 4 });
    const r = await fitParameters(o, { maxEvaluations: 30 });
    assert.equal(r.start, [modelDefault('lambda')]);
    // up from the default (7.05) toward the planted value; above it these cases' likelihood is nearly flat
    assert.ok(r.values[0] > 12, String(r.values[0]));
    assert.ok(r.logLoss < r.startLogLoss, `${r.logLoss} < ${r.startLogLoss}`);
    assert.ok(Math.abs(toSearch(lambda, r.values[0]) - r.z[0]) < 1e-9);
    assert.is(r.best.logLoss, r.logLoss);
    assert.ok(r.evaluations <= 30);
    assert.is((await o.evaluate(r.values)).logLoss, r.logLoss);
  } finally {
    await pool.close();
  }
});

test('a fold: fitted on some cases only, from a given start, with its own budget', async () => {
  const pool = new ScenarioPool(1);
  try {
    const o = new RecordObjective(cases, [lambda], pool, { runs: 100, seed: 4 });
    let seen = 0;
    const r = await fitParameters(o, { cases: [0, 2, 4], start: [20], maxEvaluations: 6, step: 0.2, onEvaluation: (k) => { seen = k; } });
    assert.equal(r.start, [20]);
    assert.equal(r.best.cases, [0, 2, 4]);
    assert.is(r.evaluations, 6);
    assert.is(seen, 6);
    assert.is(r.converged, false);
  } finally {
    await pool.close();
  }
});

test.run();
