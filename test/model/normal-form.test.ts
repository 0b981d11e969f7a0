import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { expectedPayoffs, makeGame, payoff, profileCount, profileFromIndex, profileIndex, strategyCount } from '../../src/model/normal-form.js';

// the ceasefire prisoner's dilemma of test/fixtures/qre/ceasefire-pd.nfg: payoffs in Gambit order
const pd = makeGame([2, 2], [3, 3, 5, 0, 0, 5, 1, 1]);

test('profiles are numbered with player 0 varying fastest, as in Gambit\'s payoff list', () => {
  assert.is(profileCount([2, 3, 2]), 12);
  assert.is(strategyCount([2, 3, 2]), 7);
  assert.is(profileIndex([2, 3, 2], [1, 2, 0]), 1 + 2 * 2);
  assert.equal(profileFromIndex([2, 3, 2], 11), [1, 2, 1]);
  assert.is(payoff(pd, [1, 0], 0), 5);
  assert.is(payoff(pd, [1, 0], 1), 0);
});

test('expected payoffs against mixtures (hand-computed)', () => {
  // against 50/50: comply 0.5*3 + 0.5*0 = 1.5, violate 0.5*5 + 0.5*1 = 3
  assert.equal(expectedPayoffs(pd, [0.5, 0.5, 0.5, 0.5]), [1.5, 3, 1.5, 3]);
  // against pure comply by the other: 3 and 5
  assert.equal(expectedPayoffs(pd, [1, 0, 1, 0]), [3, 5, 3, 5]);
});

test('a game whose payoff vector has the wrong length is refused', () => {
  assert.throws(() => makeGame([2, 2], [1, 2, 3]), /payoffs has length 3/);
});

test.run();
