import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { leaveCaseOutRates, trainedBaseRate } from '../../src/backtest/baselines.js';
import { caseDerivatives } from '../../src/fit/case-derivatives.js';
import { crossValidate, FORECASTERS, TRUST } from '../../src/fit/cross-validate.js';
import { fitParameters } from '../../src/fit/fit.js';
import { fitLogistic, predictLogistic } from '../../src/fit/logistic.js';
import { RecordObjective } from '../../src/fit/objective.js';
import { fitParameter, toSearch } from '../../src/fit/parameters.js';
import { loadScenario } from '../../src/scenario/load.js';
import { withModelDefaults } from '../../src/scenario/model-defaults.js';
import { monteCarlo } from '../../src/sim/monte-carlo.js';
import { ScenarioPool } from '../../src/sim/scenario-pool.js';
import { writePlanted } from './planted.js';

const dir = mkdtempSync(join(tmpdir(), 'negsim-cv-'));
// as_of 2001 .. 2005
// the model's values before the fit (other than lambda), where these small cases identify lambda well
const PINNED = 'audience_cost: 0.1, outside_option: 0.4, attend_alone_cost: 0.05, betrayal_cost: 0.1, flexibility: 0.15';
const cases = (await writePlanted(dir, 5, 15, 'cv-unit', 300, PINNED)).map((f) => loadScenario(f).scenario!);
const lambda = fitParameter('lambda')!;

const pool = new ScenarioPool(1);
const fitting = new RecordObjective(cases, [lambda], pool, { runs: 100, seed: 2 });
const scoring = new RecordObjective(cases, [lambda], pool, { runs: 200, seed: 2 });
const full = await fitParameters(fitting, { maxEvaluations: 10 });
const derivatives = await caseDerivatives(fitting, full.z);
const schemes = await crossValidate(fitting, scoring, { full, derivatives, years: [2003, 1990], maxEvaluations: 8, foldEvaluations: 0 });
await pool.close();

const all = cases.flatMap((s) => s.observed!.questions.map((q) => ({ case: s.id, ask: q.ask, observed: q.answer })));

test('two designs: leave one case out (5 folds) and the one year with cases on both sides (1990 has none before it)', () => {
  assert.equal(schemes.map((s) => [s.kind, s.year ?? null, s.trainCases, s.testCases, s.folds.length]), [['case-out', null, 4, 1, 5], ['time', 2003, 2, 3, 1]]);
  for (const s of schemes) for (const f of FORECASTERS) assert.is(s.scorecards[f].overall.n, s.forecasts[f].length);
  assert.is(schemes[0].forecasts.negsim.length, 30);
  assert.is(schemes[1].forecasts.negsim.length, 18);
  assert.equal(schemes[1].folds[0].test, ['planted-2', 'planted-3', 'planted-4']);
});

test('leave one case out: each case forecast at its fold\'s parameters with the scoring runs; baselines never see its answers', async () => {
  const s = schemes[0];
  const rates = leaveCaseOutRates(all);
  s.forecasts.baseRate.forEach((q, k) => assert.is(q.p, rates[k].p));
  assert.ok(s.forecasts.half.every((q) => q.p === 0.5));
  // the logistic forecast of case 2's questions: fitted on cases 0, 1, 3, 4 only
  const others = all.filter((q) => q.case !== 'planted-2').map((q) => ({ kind: q.ask, y: q.observed }));
  const model = fitLogistic(others);
  for (const q of s.forecasts.logistic.filter((x) => x.case === 'planted-2')) assert.is(q.p, predictLogistic(model, q.ask));
  // negsim: the share of 200 runs at the fold's lambda
  const fold = s.folds[2];
  assert.equal(fold.test, ['planted-2']);
  const t = await monteCarlo(withModelDefaults(cases[2], { lambda: fold.values[0] }).scenario!, { runs: 200, seed: 2, workers: 1 });
  assert.equal(s.forecasts.negsim.filter((q) => q.case === 'planted-2').map((q) => q.p), [...t.questions].map((k) => k / 200));
  // each fold moved from the full fit by at most the trust region, and differs from it
  for (const f of s.folds) assert.ok(Math.abs(toSearch(lambda, f.values[0]) - full.z[0]) <= TRUST + 1e-9);
  assert.ok(s.folds.some((f) => f.values[0] !== full.values[0]));
});

test('by time: fitted afresh on the earlier cases only, baselines learnt from them', () => {
  const s = schemes[1];
  const train = all.filter((q) => q.case === 'planted-0' || q.case === 'planted-1');
  s.forecasts.baseRate.forEach((q) => assert.is(q.p, trainedBaseRate(train, q.ask).p));
  const model = fitLogistic(train.map((q) => ({ kind: q.ask, y: q.observed })));
  s.forecasts.logistic.forEach((q) => assert.is(q.p, predictLogistic(model, q.ask)));
  assert.ok(s.folds[0].evaluations <= 8 && s.folds[0].evaluations > 0);
  assert.ok(s.forecasts.negsim.every((q) => q.asOf >= '2003-01-01'));
});

test.run();
