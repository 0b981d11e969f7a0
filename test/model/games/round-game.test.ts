import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ACCEPT, CONTINUE, fillRoundGame, roundAction, WITHDRAW } from '../../../src/model/games/round-game.js';
import type { NormalFormGame } from '../../../src/model/normal-form.js';

const terms = (canAccept: number[]) => ({
  canAccept: new Uint8Array(canAccept), essential: new Uint8Array([1, 1]),
  outside: new Float64Array([0.4, 0.3]), walkout: new Float64Array([0.1, 0.1]),
  deal: new Float64Array([0.6, 0.5]), cont: new Float64Array([0.45, 0.35]),
  stay: new Float64Array([0, -0.2]), accept: new Float64Array([0.05, 0]),
});

test('accept/continue/withdraw payoffs (hand-computed)', () => {
  const g: NormalFormGame = { strategies: [], payoffs: new Float64Array(18) };
  fillRoundGame(g, 2, terms([1, 1]), new Int32Array(2));
  assert.equal(g.strategies, [3, 3]);
  const at = (s0: number, s1: number, i: number) => g.payoffs[(s0 + 3 * s1) * 2 + i];
  // both accept: the deal (+accept push for player 0; stay = -0.2 for player 1)
  assert.ok(Math.abs(at(0, 0, 0) - 0.65) < 1e-12);
  assert.ok(Math.abs(at(0, 0, 1) - 0.3) < 1e-12);
  // one continues: continuation
  assert.ok(Math.abs(at(0, 1, 0) - 0.5) < 1e-12);
  assert.ok(Math.abs(at(0, 1, 1) - 0.15) < 1e-12);
  // player 1 withdraws: player 0 gets its outside option, player 1 the outside option less its walk-out cost
  assert.ok(Math.abs(at(1, 2, 0) - 0.4) < 1e-12);
  assert.ok(Math.abs(at(1, 2, 1) - 0.2) < 1e-12);
});

test('a party that cannot accept plays continue or withdraw only', () => {
  const g: NormalFormGame = { strategies: [], payoffs: new Float64Array(18) };
  fillRoundGame(g, 2, terms([1, 0]), new Int32Array(2));
  assert.equal(g.strategies, [3, 2]);
  assert.is(roundAction(0, 0), CONTINUE);
  assert.is(roundAction(0, 1), WITHDRAW);
  assert.is(roundAction(1, 0), ACCEPT);
  // no profile is an agreement: player 0 accepting gets the continuation at best
  for (let s1 = 0; s1 < 2; s1++) assert.ok(g.payoffs[(0 + 3 * s1) * 2] <= 0.5 + 1e-12);
});

test.run();
