import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { baseRates, HALF, leaveCaseOutRates, outOfSampleBaseRate, trainedBaseRate } from '../../src/backtest/baselines.js';
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

test('out of sample: each question gets the base rate of its kind in the other cases, never its own answer', () => {
  // agreement asked in three cases: a yes, b no, c no (and twice in d: yes, yes)
  const items = [
    { case: 'a', ask: 'agreement' as const, observed: true },
    { case: 'b', ask: 'agreement' as const, observed: false },
    { case: 'c', ask: 'agreement' as const, observed: false },
    { case: 'd', ask: 'agreement' as const, observed: true },
    { case: 'd', ask: 'agreement' as const, observed: true },
  ];
  // a sees b, c, d: 2 of 4; b sees a, c, d: 3 of 4; c the same; d sees a, b, c: 1 of 3 (both of d's)
  assert.equal(outOfSampleBaseRate(items), [0.5, 0.75, 0.75, 1 / 3, 1 / 3]);
  // in sample every one would get 3 of 5 = 0.6, its own answer included
  assert.is(baseRates(items.map((i) => ({ ask: i.ask, answer: i.observed }))).get('agreement')!.rate, 0.6);
  assert.equal(leaveCaseOutRates(items)[3], { p: 1 / 3, yes: 1, n: 3, basis: 'kind' });
});

test('out of sample: a kind no other case asks falls back to the pooled rate of the other cases; one case alone to 0.5', () => {
  const items = [
    { case: 'a', ask: 'agreement' as const, observed: true },
    { case: 'a', ask: 'attends' as const, observed: true },
    { case: 'b', ask: 'agreement' as const, observed: false },
    { case: 'c', ask: 'agreement' as const, observed: false },
    { case: 'c', ask: 'held' as const, observed: true },
  ];
  // the doc comment's example: a's attends sees b and c (no, no, yes: 1 of 3); c's held sees a and b (yes, yes, no)
  assert.equal(outOfSampleBaseRate(items), [0, 1 / 3, 0.5, 0.5, 2 / 3]);
  const r = leaveCaseOutRates(items);
  assert.equal(r.map((x) => x.basis), ['kind', 'pooled', 'kind', 'kind', 'pooled']);
  assert.equal(r[4], { p: 2 / 3, yes: 2, n: 3, basis: 'pooled' });
  // one case: nothing else to learn from
  const alone = leaveCaseOutRates([{ case: 'a', ask: 'agreement', observed: true }, { case: 'a', ask: 'attends', observed: false }]);
  assert.equal(alone, [{ p: 0.5, yes: 0, n: 0, basis: 'half' }, { p: 0.5, yes: 0, n: 0, basis: 'half' }]);
  assert.equal(outOfSampleBaseRate([]), []);
});

test('out of sample scores worse than in sample where the answers disagree: 2 cases, agreement yes and no', () => {
  const items = [{ case: 'a', ask: 'agreement' as const, observed: true }, { case: 'b', ask: 'agreement' as const, observed: false }];
  // in sample: 0.5 for both, Brier 0.25; out of sample: a gets b's 0 and b gets a's 1, Brier 1
  assert.equal(outOfSampleBaseRate(items), [0, 1]);
  assert.is(meanScores(items.map((it, k) => ({ p: outOfSampleBaseRate(items)[k], observed: it.observed }))).brier, 1);
});

test('learnt from training cases (a split by time): the share of the kind, else pooled, else 0.5', () => {
  const train = [
    { case: 'a', ask: 'agreement' as const, observed: true }, { case: 'b', ask: 'attends' as const, observed: true },
    { case: 'b', ask: 'agreement' as const, observed: false }, { case: 'c', ask: 'agreement' as const, observed: false },
  ];
  assert.equal(trainedBaseRate(train, 'agreement'), { p: 1 / 3, yes: 1, n: 3, basis: 'kind' });
  assert.equal(trainedBaseRate(train, 'attends'), { p: 1, yes: 1, n: 1, basis: 'kind' });
  // nobody in training asked held: two yes of four questions
  assert.equal(trainedBaseRate(train, 'held'), { p: 0.5, yes: 2, n: 4, basis: 'pooled' });
  assert.equal(trainedBaseRate(train.slice(0, 3), 'held'), { p: 2 / 3, yes: 2, n: 3, basis: 'pooled' });
  assert.equal(trainedBaseRate([], 'agreement'), { p: 0.5, yes: 0, n: 0, basis: 'half' });
});

test.run();
