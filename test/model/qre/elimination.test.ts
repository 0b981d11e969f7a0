import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fillBayesianPair, newBayesianPairGame } from '../../../src/model/games/bayesian-pair.js';
import { makeGame, profileCount } from '../../../src/model/normal-form.js';
import { LuFactors, luFactor } from '../../../src/model/qre/linear-algebra.js';
import { QreSystem } from '../../../src/model/qre/system.js';
import { lcg } from '../random-games.js';
import { jacobianError } from './jacobian-check.js';

test('which players are eliminated: the larger of two (the second on a tie), an agent-form game\'s side A, one of N that all interact', () => {
  const rand = lcg(2);
  const pick = (game: Parameters<QreSystem['setup']>[0]): number[] => {
    const sys = new QreSystem(true);
    sys.setup(game);
    return Array.from(sys.tPlayers.subarray(0, sys.nT));
  };
  const random = (shape: number[]) => makeGame(shape, Array.from({ length: profileCount(shape) * shape.length }, rand));
  assert.equal(pick(random([2, 2])), [1]);
  assert.equal(pick(random([3, 2])), [0]);
  assert.equal(pick(random([2, 2, 2])), [0]); // (one player alone always qualifies)
  assert.equal(pick(random([2, 3, 2])), [1]);
  const pair = newBayesianPairGame();
  fillBayesianPair(pair, Float64Array.from({ length: 16 }, rand), Float64Array.from({ length: 16 }, rand), 0.5, 0.5);
  assert.equal(pick(pair), [0, 1]);
  const none = new QreSystem(false);
  none.setup(random([3, 3]));
  assert.equal([none.nT, none.n], [0, 4]);
});

test('the reduced system is the full one without T\'s coordinates: same H_S at the completed point, same det [J; t^T] (Schur)', () => {
  const rand = lcg(9);
  // A 2x3x3 game in which players 1 and 2 ignore each other (the general path, not two-player.ts or multilinear.ts).
  const shape = [2, 3, 3];
  const payoffs = Array.from({ length: profileCount(shape) * 3 }, rand);
  for (let p = 0; p < 18; p++) {
    const s0 = p % 2;
    const s1 = Math.floor(p / 2) % 3;
    const s2 = Math.floor(p / 6);
    payoffs[p * 3 + 1] = payoffs[(s0 + 2 * s1) * 3 + 1]; // player 1's payoff as with player 2 at 0
    payoffs[p * 3 + 2] = payoffs[(s0 + 6 * s2) * 3 + 2]; // player 2's as with player 1 at 0
  }
  const game = makeGame(shape, payoffs);
  const red = new QreSystem(true);
  const full = new QreSystem(false);
  red.setup(game);
  full.setup(game);
  assert.equal([red.nT, red.n, full.n], [2, 1, 5]);
  const x = Float64Array.of(0.3, 2);
  red.evaluate(x);
  const xf = red.xfB.slice(0, 6); // the completed full point
  full.evaluate(xf);
  assert.ok(Math.abs(red.hh[0] - full.hh[0]) < 1e-15);
  for (let r = 1; r < 5; r++) assert.ok(Math.abs(full.hh[r]) < 1e-15, 'T\'s equations hold exactly');
  // det [J; t^T] with t = e_mu in both.
  const bordered = (sys: QreSystem): number => {
    const nx = sys.n + 1;
    const a = sys.aa.slice(0, nx * nx);
    for (let c = 0; c < nx; c++) a[sys.n * nx + c] = c === sys.n ? 1 : 0;
    const lu = new LuFactors(nx);
    luFactor(a, nx, nx, lu);
    return lu.det;
  };
  const d1 = bordered(red);
  const d2 = bordered(full);
  assert.ok(Math.abs(d1 - d2) < 1e-12 * Math.abs(d2), `${d1} vs ${d2}`);
  assert.ok(jacobianError(red, x) < 1e-7);
});

test.run();
