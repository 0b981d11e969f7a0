import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { makeGame } from '../../../src/model/normal-form.js';
import { GameLayout } from '../../../src/model/qre/game-layout.js';
import { binaryProbs, playerProbs, profileProbs } from '../../../src/model/qre/mixtures.js';

test('doc example: log-ratios (ln 2, 0) give (0.25, 0.5, 0.25)', () => {
  const layout = new GameLayout();
  layout.load(makeGame([3], [0, 0, 0]));
  const prob = new Float64Array(3);
  playerProbs(layout, 0, Float64Array.of(Math.log(2), 0), prob);
  assert.equal(Array.from(prob), [0.25, 0.5, 0.25]);
});

test('no overflow and no cancellation far out: log-ratios of +-800 give 1 and e^-800 (or 0), summing to 1', () => {
  const prob = new Float64Array(2);
  binaryProbs(prob, 0, Float64Array.of(800), 0);
  assert.equal(Array.from(prob), [0, 1]);
  binaryProbs(prob, 0, Float64Array.of(-30), 0);
  assert.ok(Math.abs(prob[1] / (Math.exp(-30) / (1 + Math.exp(-30))) - 1) < 1e-15, String(prob[1]));
  const layout = new GameLayout();
  layout.load(makeGame([3], [0, 1, 2]));
  const three = new Float64Array(3);
  playerProbs(layout, 0, Float64Array.of(800, 799), three);
  assert.ok(Math.abs(three[1] - 1 / (1 + Math.exp(-1))) < 1e-15 && three[0] === 0, String(Array.from(three)));
});

test('every player of a profile: one strategy gives probability 1', () => {
  const layout = new GameLayout();
  layout.load(makeGame([2, 1, 3], new Array(18).fill(0).map((_, j) => j % 5)));
  const prob = new Float64Array(6);
  profileProbs(layout, Float64Array.of(0, 0, 0, 0), prob);
  assert.equal(Array.from(prob), [0.5, 0.5, 1, 1 / 3, 1 / 3, 1 / 3]);
});

test.run();
