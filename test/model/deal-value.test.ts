import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { dealValue } from '../../src/model/deal-value.js';

test('the deal: its utility if implemented, the outside option less betrayal if not, less soft penalties', () => {
  assert.ok(Math.abs(dealValue(0.9, 0.7, 0.4, 0.3, 0) - 0.66) < 1e-12);
  assert.ok(Math.abs(dealValue(0.9, 1, 0.4, 0.3, 0.2) - 0.7) < 1e-12);
  assert.ok(Math.abs(dealValue(0.9, 0, 0.4, 0.3, 0) - 0.1) < 1e-12);
});

test.run();
