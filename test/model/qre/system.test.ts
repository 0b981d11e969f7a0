import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { makeGame } from '../../../src/model/normal-form.js';
import { LogitQreSolver } from '../../../src/model/logit-qre.js';
import { QreSystem } from '../../../src/model/qre/system.js';
import { residual } from '../random-games.js';

const pd = makeGame([2, 2], [3, 3, 5, 0, 0, 5, 1, 1]);

test('doc example: at the centroid and mu = 1 every H of the prisoner\'s dilemma is -0.3', () => {
  const sys = new QreSystem(false);
  sys.setup(pd);
  assert.is(sys.n, 2);
  sys.evaluate(Float64Array.of(0, 0, 1));
  assert.equal(Array.from(sys.hh.subarray(0, 2)), [-0.30000000000000004, -0.30000000000000004]);
  assert.equal(Array.from(sys.prob.subarray(0, 4)), [0.5, 0.5, 0.5, 0.5]);
  assert.is(sys.stats.evaluations, 1);
});

test('the residual estimate is first-order: near the QRE it matches |sigma - logit response| to a few per cent', () => {
  const sigma = new LogitQreSolver().solve(pd, 1);
  const v = Math.log(sigma[1] / sigma[0]);
  for (const shift of [1e-3, 1e-5]) {
    const sys = new QreSystem(false);
    sys.setup(pd);
    sys.evaluate(Float64Array.of(v + shift, v, 5)); // mu = lambda R = 5
    sys.residualEstimate();
    const exact = residual(pd, 1, sys.prob.subarray(0, 4));
    assert.ok(Math.abs(sys.stats.residual / exact - 1) < 0.05 * (shift / 1e-3), `${sys.stats.residual} vs ${exact}`);
  }
});

test('pointProbs gives the profile at a traced point without counting an evaluation', () => {
  const sys = new QreSystem(true);
  sys.setup(pd);
  const out = new Float64Array(4);
  sys.pointProbs(Float64Array.of(0, 0), out);
  assert.equal(Array.from(out), [0.5, 0.5, 0.5, 0.5]);
  assert.is(sys.stats.evaluations, 0);
});

test.run();
