import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bayesTrust, monitoredLikelihood } from '../../src/model/bayes-trust.js';

test('a seen violation lowers the belief by Bayes rule (hand-computed)', () => {
  // prior 0.5; sincere violates 10%, insincere 60%: 0.05 / (0.05 + 0.30)
  assert.ok(Math.abs(bayesTrust(0.5, 0.1, 0.6) - 1 / 7) < 1e-15);
});

test('an observation equally likely under both types leaves the belief unchanged', () => {
  assert.ok(Math.abs(bayesTrust(0.3, 0.4, 0.4) - 0.3) < 1e-15);
});

test('an observation impossible under both types leaves the belief unchanged', () => {
  assert.is(bayesTrust(0.3, 0, 0), 0.3);
});

test('certainty stays certainty', () => {
  assert.is(bayesTrust(1, 0.2, 0.9), 1);
  assert.is(bayesTrust(0, 0.2, 0.9), 0);
});

test('monitoring noise: P(seen) = p (1 - miss) + (1 - p) falseAlarm', () => {
  assert.ok(Math.abs(monitoredLikelihood(0.5, 0.2, 0.05) - 0.425) < 1e-15);
  assert.is(monitoredLikelihood(1, 0, 0), 1);
  assert.is(monitoredLikelihood(0, 0.3, 0), 0);
});

test('with noisy monitoring a false alarm moves a belief less than a clean signal would', () => {
  const noisy = bayesTrust(0.5, monitoredLikelihood(0.1, 0.2, 0.1), monitoredLikelihood(0.6, 0.2, 0.1));
  const clean = bayesTrust(0.5, monitoredLikelihood(0.1, 0, 0), monitoredLikelihood(0.6, 0, 0));
  assert.ok(noisy > clean, `${noisy} > ${clean}`);
});

test.run();
