import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { baseRates, HALF } from '../../src/backtest/baselines.js';
import { meanScores } from '../../src/backtest/score.js';

test('the base rate of an ask is the share of yes answers among the questions of that ask, over all files', () => {
  // file 1: gov attends yes, snc attends yes, agreement no; file 2: a attends no, agreement yes, b attends yes
  const r = baseRates([
    { ask: 'attends', answer: true }, { ask: 'attends', answer: true }, { ask: 'agreement', answer: false },
    { ask: 'attends', answer: false }, { ask: 'agreement', answer: true }, { ask: 'attends', answer: true },
  ]);
  assert.equal([...r.keys()], ['attends', 'agreement']);
  assert.equal(r.get('attends'), { yes: 3, n: 4, rate: 0.75 });
  assert.equal(r.get('agreement'), { yes: 1, n: 2, rate: 0.5 });
  assert.is(r.get('talks'), undefined);
});

test('always 0.5 scores Brier 0.25 and log loss ln 2 whatever the answers', () => {
  assert.is(HALF, 0.5);
  const s = meanScores([true, false, false, true, false].map((o) => ({ p: HALF, observed: o })));
  assert.is(s.brier, 0.25);
  assert.ok(Math.abs(s.logLoss - Math.LN2) < 1e-15);
});

test('the base rate scored on its own answers: 3 yes of 4 -> Brier (3 x 0.0625 + 0.5625) / 4 = 0.1875', () => {
  const answers = [true, true, false, true];
  const rate = baseRates(answers.map((answer) => ({ ask: 'attends' as const, answer }))).get('attends')!.rate;
  assert.is(rate, 0.75);
  // (0.75 - 1)^2 = 0.0625 three times, (0.75 - 0)^2 = 0.5625 once: 0.75 / 4 = 0.1875 = p(1 - p), below 0.25
  assert.is(meanScores(answers.map((o) => ({ p: rate, observed: o }))).brier, 0.1875);
});

test.run();
