import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fillBayesianPair, newBayesianPairGame } from '../../../src/model/games/bayesian-pair.js';
import { GameLayout } from '../../../src/model/qre/game-layout.js';
import { makeGame, payoff, profileCount, profileFromIndex } from '../../../src/model/normal-form.js';
import { lcg } from '../random-games.js';

test('doc example: the prisoner\'s dilemma has R = 5 and row differences 0.4 and 0.2', () => {
  const g = new GameLayout();
  g.load(makeGame([2, 2], [3, 3, 5, 0, 0, 5, 1, 1]));
  assert.is(g.scale, 0.2);
  assert.equal(Array.from(g.diff.subarray(0, 2)), [0.4, 0.2]);
  // The column player's: (B[a, 1] - B[a, 0]) / 5 for a = 0, 1.
  assert.equal(Array.from(g.diff.subarray(4, 6)), [0.4, 0.2]);
  assert.equal([g.nPlayers, g.m, g.nF, g.profiles, g.twoPlayer, g.binary], [2, 4, 2, 4, true, false]);
});

test('N players: entry [(a - 1) others + index of the others\' profile] is (u_i(a, s) - u_i(0, s)) / R, lowest other fastest', () => {
  const rand = lcg(3);
  for (const shape of [[3, 2, 4], [2, 2, 2, 2], [2, 3]]) {
    const game = makeGame(shape, Array.from({ length: profileCount(shape) * shape.length }, () => Math.round(rand() * 20) - 10));
    const g = new GameLayout();
    g.load(game);
    const range = Math.max(...game.payoffs) - Math.min(...game.payoffs);
    for (let i = 0; i < shape.length; i++) {
      if (g.twoPlayer) continue; // (two players: the layout of the doc example)
      const others = shape.filter((_, j) => j !== i);
      for (let rest = 0; rest < g.othersProfiles[i]; rest++) {
        const s = profileFromIndex(others, rest);
        for (let a = 1; a < shape[i]; a++) {
          const profile = [...s.slice(0, i), a, ...s.slice(i)];
          const base = [...s.slice(0, i), 0, ...s.slice(i)];
          const want = (payoff(game, profile, i) - payoff(game, base, i)) / range;
          assert.ok(Math.abs(g.diff[g.diffStart[i] + (a - 1) * g.othersProfiles[i] + rest] - want) < 1e-15, `${shape} player ${i}`);
        }
      }
    }
  }
});

test('an agent of an agent-form pair game ignores its own side\'s other agent, and not the other side\'s', () => {
  const rand = lcg(8);
  const game = newBayesianPairGame();
  fillBayesianPair(game, Float64Array.from({ length: 16 }, rand), Float64Array.from({ length: 16 }, rand), 0.3, 0.6);
  const g = new GameLayout();
  g.load(game);
  assert.ok(g.ignores(0, 1) && g.ignores(1, 0) && g.ignores(2, 3) && g.ignores(3, 2));
  assert.not.ok(g.ignores(0, 2) || g.ignores(2, 0) || g.ignores(1, 3));
});

test('payoffs whose range overflows: differences of halved payoffs over the halved range, the same tensor as the game scaled down', () => {
  const small = makeGame([2, 3], [1, -1, 0.5, 0.25, -1, 1, 0.75, 0, -0.5, 1, 1, -0.75]);
  const huge = makeGame([2, 3], Array.from(small.payoffs, (x) => x * 1.5e308));
  const a = new GameLayout();
  const b = new GameLayout();
  a.load(small);
  b.load(huge);
  assert.ok(b.varies && b.scale > 0 && b.scale < 5e-309, String(b.scale));
  for (let e = 0; e < 9; e++) assert.ok(Math.abs(a.diff[e] - b.diff[e]) < 1e-15, `entry ${e}`);
  const flat = new GameLayout();
  flat.load(makeGame([2, 2], [7, 7, 7, 7, 7, 7, 7, 7]));
  assert.equal([flat.varies, flat.scale], [false, 0]);
});

test('a malformed game is refused with the reason (validateGame)', () => {
  const g = new GameLayout();
  assert.throws(() => g.load({ strategies: [2, 2], payoffs: new Float64Array(7) }), /payoffs has length 7; expected 8/);
  assert.throws(() => g.load({ strategies: [2, 2], payoffs: Float64Array.of(1, 2, 3, Infinity, 5, 6, 7, 8) }), /Infinity/);
});

test.run();
