import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { combinedGuarantee, implementationProbability } from '../../src/model/implementation.js';

test('guarantors combine as independent chances of catching a defection', () => {
  assert.is(combinedGuarantee([0.5, 0.5]), 0.75);
  assert.is(combinedGuarantee([]), 0);
  assert.ok(Math.abs(combinedGuarantee([0.2, 0.3, 0.5]) - (1 - 0.8 * 0.7 * 0.5)) < 1e-15);
});

test('implementation: the guarantee, else the trust in the least trusted party', () => {
  assert.ok(Math.abs(implementationProbability(0.4, 0.5) - 0.7) < 1e-15);
  assert.is(implementationProbability(0.4, 0), 0.4);
  assert.is(implementationProbability(0, 1), 1);
});

test.run();
