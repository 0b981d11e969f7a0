import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fillBayesianPair, newBayesianPairGame } from '../../../src/model/games/bayesian-pair.js';
import { makeGame } from '../../../src/model/normal-form.js';
import { QreSystem } from '../../../src/model/qre/system.js';
import { lcg } from '../random-games.js';
import { jacobianError, randomPoint } from './jacobian-check.js';

test('doc example: D = 0.5 - 0.2 p_1 + 0.1 p_2 + 0.4 p_1 p_2 keeps four terms; at p = (0.5, 0.25) D = 0.475, gradient (-0.1, 0.3)', () => {
  // Player 0's payoff difference by the others' strategies (s1, s2): E(0,0) = 0.5, E(1,0) = 0.3,
  // E(0,1) = 0.6, E(1,1) = 0.8; R = 1 (the others' payoffs 0 and 1 somewhere).
  const payoffs = new Array(24).fill(0);
  const e = [0.5, 0.3, 0.6, 0.8];
  for (let s = 0; s < 4; s++) payoffs[3 * (1 + 2 * (s & 1) + 4 * (s >> 1))] = e[s];
  payoffs[1] = 1;
  const sys = new QreSystem(false);
  sys.setup(makeGame([2, 2, 2], payoffs));
  const terms = sys.terms;
  assert.is(terms.start[1] - terms.start[0], 4);
  assert.equal(Array.from(terms.coef.subarray(0, 4)).map((c) => Math.round(c * 1e12) / 1e12), [0.5, -0.2, 0.1, 0.4]);
  const prob = Float64Array.of(0.5, 0.5, 0.5, 0.5, 0.75, 0.25);
  const d = new Float64Array(3);
  terms.row(0, 3, prob, d);
  assert.ok(Math.abs(d[0] - 0.475) < 1e-15, String(d[0]));
  assert.ok(Math.abs(terms.grad[1] + 0.1) < 1e-15 && Math.abs(terms.grad[2] - 0.3) < 1e-15);
});

test('an agent-form pair game: four terms an agent, evaluated by them; rows are the derivatives of H, with and without elimination', () => {
  const rand = lcg(21);
  for (let k = 0; k < 10; k++) {
    const game = newBayesianPairGame();
    fillBayesianPair(game, Float64Array.from({ length: 16 }, rand), Float64Array.from({ length: 16 }, rand), rand(), rand());
    for (const eliminate of [false, true]) {
      const sys = new QreSystem(eliminate);
      sys.setup(game);
      assert.ok(sys.sparse);
      for (let i = 0; i < 4; i++) assert.ok(sys.terms.start[i + 1] - sys.terms.start[i] <= 4);
      assert.is(sys.n, eliminate ? 2 : 4);
      assert.ok(jacobianError(sys, randomPoint(sys.n, rand)) < 1e-7);
    }
  }
});

test.run();
