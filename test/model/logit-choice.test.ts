import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { logit2 } from '../../src/model/logit-choice.js';

test('the logit choice: the doc example, symmetry, and no overflow at extreme arguments', () => {
  assert.is(logit2(25, 0.1), 1 / (1 + Math.exp(-2.5)));
  assert.is(logit2(3, 0), 0.5);
  assert.ok(Math.abs(logit2(7, 0.3) + logit2(7, -0.3) - 1) < 1e-15);
  assert.is(logit2(25, -1e9), 0);
  assert.is(logit2(25, 1e9), 1);
  assert.is(logit2(0, 5), 0.5);
});

test.run();
