import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { expectedPayoffs, makeGame, profileCount } from '../../../src/model/normal-form.js';
import { profileProbs } from '../../../src/model/qre/mixtures.js';
import { QreSystem } from '../../../src/model/qre/system.js';
import { lcg } from '../random-games.js';
import { jacobianError, randomPoint } from './jacobian-check.js';

test('doc example: E_0 = [1, 0, 0, 1] over two binary others at sigma_1(1) = 0.2, sigma_2(1) = 0.5 gives D_0 = 0.5', () => {
  // Player 0 gains 1 from strategy 1 when both others play 0 or both play 1 (payoffs of the others 0; R = 1).
  const payoffs = new Array(24).fill(0);
  for (const [s1, s2] of [[0, 0], [1, 1]]) payoffs[3 * (1 + 2 * s1 + 4 * s2)] = 1;
  const sys = new QreSystem(false);
  sys.setup(makeGame([2, 2, 2], payoffs));
  assert.is(sys.sparse, true);
  // (Binary: evaluate without the multilinear path, through the contraction.)
  sys.sparse = false;
  const x = Float64Array.of(0, Math.log(0.2 / 0.8), 0, 1);
  sys.evaluate(x);
  assert.ok(Math.abs(sys.dd[0] - 0.5) < 1e-15, String(sys.dd[0]));
});

test('D is the expected gain over strategy 0 divided by R, and the rows are the derivatives of H, for 3 to 6 players', () => {
  const rand = lcg(12);
  for (const shape of [[3, 2, 4], [2, 3, 2, 2], [3, 3, 3], [2, 2, 2, 2, 2, 2], [2, 1, 3]]) {
    const game = makeGame(shape, Array.from({ length: profileCount(shape) * shape.length }, rand));
    const sys = new QreSystem(false);
    sys.setup(game);
    assert.is(sys.sparse, false, `${shape}: the contraction, not the multilinear terms`);
    const x = randomPoint(sys.n, rand);
    sys.evaluate(x);
    const prob = new Float64Array(sys.layout.m);
    profileProbs(sys.layout, x, prob);
    const u = expectedPayoffs(game, prob);
    const range = Math.max(...game.payoffs) - Math.min(...game.payoffs);
    let o = 0;
    let r = 0;
    for (const k of shape) {
      for (let a = 1; a < k; a++) assert.ok(Math.abs(sys.dd[r++] - (u[o + a] - u[o]) / range) < 1e-14, `${shape}`);
      o += k;
    }
    assert.ok(jacobianError(sys, x) < 1e-7, `${shape}`);
  }
});

test.run();
