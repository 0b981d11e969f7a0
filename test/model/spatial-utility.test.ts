import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spatialUtility, weightedDistance } from '../../src/model/spatial-utility.js';

test('utility is 1 at the ideal point and 0 at the far end of every scale', () => {
  assert.is(spatialUtility([20, 80], [20, 80], [0.5, 0.5], 0, 2), 1);
  assert.is(spatialUtility([100, 0], [0, 100], [0.5, 0.5], 0, 2), 0);
});

test('linear loss weighted by salience (hand-computed)', () => {
  // 1 - (0.5 * 30 + 0.5 * 0) / 100
  assert.ok(Math.abs(spatialUtility([50, 80], [20, 80], [0.5, 0.5], 0, 2) - 0.85) < 1e-15);
  // offset: the second actor's weights and positions
  assert.ok(Math.abs(spatialUtility([50], [0, 40], [1, 0.25], 1, 1) - (1 - 0.25 * 10 / 100)) < 1e-15);
});

test('deviation is the weighted distance on the 0..100 scale', () => {
  assert.ok(Math.abs(weightedDistance([50, 80], [20, 80], [0.5, 0.5], 0, 2) - 15) < 1e-12);
});

test.run();
