import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fillBayesianPair, newBayesianPairGame, typePayoffIndex } from '../../../src/model/games/bayesian-pair.js';
import { discountedRounds, fillAcceptanceTypePayoffs, fillComplianceTypePayoffs } from '../../../src/model/games/ceasefire.js';
import { LogitQreSolver } from '../../../src/model/logit-qre.js';

const stage = (push: number, future: number, temptation = 0.25) => {
  const u = new Float64Array(16);
  fillComplianceTypePayoffs({ peace: 0.3, temptation, sucker: 0.3, push, future }, u);
  return u;
};

test('stage payoffs: sincere sides face an assurance game, sides buying time a dilemma', () => {
  const u = stage(0, 0);
  assert.is(u[typePayoffIndex(0, 0, 0, 0)], 0.3);
  assert.is(u[typePayoffIndex(0, 0, 1, 0)], -0);
  assert.ok(u[typePayoffIndex(1, 0, 1, 0)] > u[typePayoffIndex(1, 0, 0, 0)], 'buying time: violating a complying side pays');
  assert.ok(u[typePayoffIndex(0, 0, 0, 0)] > u[typePayoffIndex(0, 0, 1, 0)], 'sincere: complying with a complying side pays');
});

test('discounted future rounds', () => {
  assert.is(discountedRounds(0.9, 0), 0);
  assert.ok(Math.abs(discountedRounds(0.9, 2) - (0.9 + 0.81)) < 1e-12);
  assert.is(discountedRounds(1, 3), 3);
});

test('in equilibrium a side buying time violates more than a sincere one, and pressure makes it comply more', () => {
  const solver = new LogitQreSolver();
  const g = newBayesianPairGame();
  fillBayesianPair(g, stage(0, 0), stage(0, 0), 0.5, 0.5);
  const s0 = Array.from(solver.solve(g, 25));
  // agents: (A,sincere) (A,buying time) (B,sincere) (B,buying time); P(comply) at even indexes
  assert.ok(s0[0] > s0[2], `sincere ${s0[0]} complies more than buying time ${s0[2]}`);
  fillBayesianPair(g, stage(0.3, 0), stage(0, 0), 0.5, 0.5);
  const s1 = Array.from(solver.solve(g, 25));
  assert.ok(s1[2] > s0[2], `pressure raises compliance of the side buying time: ${s1[2]} > ${s0[2]}`);
});

test('the shadow of the future makes a side buying time comply', () => {
  const solver = new LogitQreSolver();
  const g = newBayesianPairGame();
  fillBayesianPair(g, stage(0, 0.5), stage(0, 0.5), 0.5, 0.5);
  const s = solver.solve(g, 25);
  assert.ok(s[2] > 0.9, `P(comply | buying time) = ${s[2]}`);
});

test('acceptance payoffs: horizon times the expected stage payoff, plus face for the side that offered', () => {
  const u = stage(0, 0);
  const sigma = new Float64Array([1, 0, 1, 0]); // sincere agents comply, insincere violate
  const acc = new Float64Array(16);
  fillAcceptanceTypePayoffs(u, 0, sigma, 2, 0.1, acc);
  // sincere vs sincere: both comply -> 0.3 per round, 2 rounds, + face 0.1
  assert.ok(Math.abs(acc[typePayoffIndex(0, 0, 0, 0)] - 0.7) < 1e-12);
  // sincere vs buying time: comply vs violate -> -0.3 x 2 + 0.1
  assert.ok(Math.abs(acc[typePayoffIndex(0, 1, 0, 0)] - -0.5) < 1e-12);
  // rejecting: nothing
  assert.is(acc[typePayoffIndex(0, 0, 1, 0)], 0);
});

test.run();
