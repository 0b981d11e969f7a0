import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { weightedMedian } from '../../src/model/weighted-median.js';

const wm = (p: number[], w: number[]) => weightedMedian(p, w, p.length, new Int32Array(p.length));

test('a heavy actor at the end pulls the median to its position', () => {
  assert.is(wm([10, 50, 90], [1, 1, 3]), 90);
});

test('equal weights give the middle position', () => {
  assert.is(wm([10, 50, 90], [1, 1, 1]), 50);
  assert.is(wm([90, 10, 50], [1, 1, 1]), 50);
});

test('an exact split of the weight gives the midpoint of the two middle positions', () => {
  assert.is(wm([10, 90], [1, 1]), 50);
  assert.is(wm([0, 20, 60, 100], [0.25, 0.25, 0.25, 0.25]), 40);
});

test('zero weights do not count; no weight at all gives NaN', () => {
  assert.is(wm([10, 50, 90], [0, 0, 1]), 90);
  assert.ok(Number.isNaN(wm([10, 50], [0, 0])));
});

test('Geneva-like example: capability x salience weights, worked by hand', () => {
  // gov 5 (0.7), russia 15 (0.54), west 80 (0.48), snc 95 (0.4): total 2.12, half 1.06; cumulative 0.7, 1.24 -> 15
  assert.is(wm([5, 95, 15, 80], [0.7, 0.4, 0.54, 0.48]), 15);
});

test.run();
