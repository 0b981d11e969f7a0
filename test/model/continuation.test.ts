import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { futureWeight, talksContinuation } from '../../src/model/continuation.js';

test('before the last round: the deal a round later, less the cost of delay; never the deal if it cannot be signed', () => {
  assert.ok(Math.abs(talksContinuation(0.4, 0.6, true, 0.9, 0.01, false, 0) - 0.57) < 1e-12);
  assert.ok(Math.abs(talksContinuation(0.4, 0.6, false, 0.9, 0.01, false, 0) - 0.39) < 1e-12);
  assert.ok(Math.abs(talksContinuation(0.4, 0.3, true, 0.9, 0, false, 0) - 0.4) < 1e-12, 'a deal worse than no deal is not waited for');
});

test('at the last round: the outside option, less the cost of missing a deadline', () => {
  assert.is(talksContinuation(0.4, 0.6, true, 0.9, 0.01, true, 0), 0.4);
  assert.ok(Math.abs(talksContinuation(0.4, 0.6, true, 0.9, 0.01, true, 0.15) - 0.25) < 1e-12);
});

test('the weight of the future: delta / (1 - delta), the same whatever round it is', () => {
  assert.ok(Math.abs(futureWeight(0.9) - 9) < 1e-12);
  assert.is(futureWeight(0), 0);
  assert.is(futureWeight(1), Infinity);
});

test.run();
