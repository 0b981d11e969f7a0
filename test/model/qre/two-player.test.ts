import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { makeGame, profileCount } from '../../../src/model/normal-form.js';
import { QreSystem } from '../../../src/model/qre/system.js';
import { lcg } from '../random-games.js';
import { jacobianError, randomPoint } from './jacobian-check.js';

test('doc example: the prisoner\'s dilemma at the centroid and mu = 1: D_0 = 0.3, H_0 = -0.3, dH_0/dv_1 = 0.05', () => {
  const sys = new QreSystem(false);
  sys.setup(makeGame([2, 2], [3, 3, 5, 0, 0, 5, 1, 1]));
  sys.evaluate(Float64Array.of(0, 0, 1));
  assert.ok(Math.abs(sys.dd[0] - 0.3) < 1e-15 && Math.abs(sys.hh[0] + 0.3) < 1e-15);
  assert.ok(Math.abs(sys.aa[1] - 0.05) < 1e-15, String(sys.aa[1]));
  assert.equal([sys.aa[0], sys.aa[2]], [1, -sys.dd[0]]);
});

test('the rows are the derivatives of H (central differences), all shapes, both players', () => {
  const rand = lcg(4);
  for (const shape of [[2, 2], [2, 3], [3, 2], [4, 5], [1, 3]]) {
    const sys = new QreSystem(false);
    sys.setup(makeGame(shape, Array.from({ length: profileCount(shape) * 2 }, rand)));
    for (let k = 0; k < 3; k++) assert.ok(jacobianError(sys, randomPoint(sys.n, rand)) < 1e-7, `${shape}`);
  }
});

test('with the larger player eliminated, the one-player system is the derivative of H_s(v_s, mu D_t(sigma_s), mu)', () => {
  const rand = lcg(6);
  for (const shape of [[2, 2], [2, 3], [3, 3], [4, 2]]) {
    const sys = new QreSystem(true);
    sys.setup(makeGame(shape, Array.from({ length: profileCount(shape) * 2 }, rand)));
    assert.is(sys.n, Math.min(...shape) - 1, `${shape}`);
    for (let k = 0; k < 3; k++) assert.ok(jacobianError(sys, randomPoint(sys.n, rand)) < 1e-7, `${shape}`);
  }
});

test.run();
