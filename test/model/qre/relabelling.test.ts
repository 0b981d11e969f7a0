import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { makeGame, payoff, profileCount } from '../../../src/model/normal-form.js';
import { GameLayout } from '../../../src/model/qre/game-layout.js';
import { Relabelling } from '../../../src/model/qre/relabelling.js';
import { LogitQreSolver } from '../../../src/model/logit-qre.js';
import { lcg, maxDiff } from '../random-games.js';

test('doc example: v = (3, 1) (strategy 1 most probable) becomes (-3, -2), strategy 1 now first', () => {
  const game = makeGame([3], [0, 1, 2]);
  const layout = new GameLayout();
  layout.load(game);
  const relabel = new Relabelling();
  relabel.reset(game, layout);
  const z = 1 + Math.exp(3) + Math.exp(1);
  assert.ok(relabel.rebase(layout, Float64Array.of(1 / z, Math.exp(3) / z, Math.exp(1) / z)));
  assert.equal(Array.from(relabel.order.subarray(0, 3)), [1, 0, 2]);
  assert.equal(Array.from(relabel.game.payoffs), [1, 0, 2]);
  const v = Float64Array.of(3, 1, 99); // (mu last, untouched)
  relabel.transform(layout, v);
  assert.equal(Array.from(v), [-3, -2, 99]);
});

test('the relabelled game is the same game: its payoffs by the original labels, and the same QRE read back', () => {
  const rand = lcg(14);
  const shape = [3, 2, 4];
  const game = makeGame(shape, Array.from({ length: profileCount(shape) * 3 }, rand));
  const layout = new GameLayout();
  layout.load(game);
  const relabel = new Relabelling();
  relabel.reset(game, layout);
  // Strategy 2 of player 0, 1 of player 1 and 3 of player 2 most probable: relabelled, twice over.
  relabel.rebase(layout, Float64Array.of(0.1, 0.2, 0.7, 0.4, 0.6, 0.1, 0.1, 0.1, 0.7));
  relabel.rebase(layout, Float64Array.of(0.2, 0.5, 0.3, 0.9, 0.1, 0.4, 0.2, 0.2, 0.2));
  const order = (i: number, a: number): number => relabel.order[layout.probStart[i] + a];
  for (let p = 0; p < profileCount(shape); p++) {
    const s = [p % 3, Math.floor(p / 3) % 2, Math.floor(p / 6)];
    for (let i = 0; i < 3; i++) {
      assert.is(payoff(relabel.game, s, i), payoff(game, s.map((a, j) => order(j, a)), i));
    }
  }
  const solver = new LogitQreSolver();
  const want = solver.solve(game, 7).slice();
  const inNewLabels = solver.solve(relabel.game, 7);
  const back = new Float64Array(9);
  relabel.toOriginal(layout, inNewLabels, back);
  assert.ok(maxDiff(back, want) < 1e-10, `${back} vs ${want}`);
});

test.run();
