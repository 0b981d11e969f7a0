import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { gridSize, MAX_SWEEP_POINTS, parseVaries, parseVary, sweepGrid, VaryError } from '../../src/sim/sweep-grid.js';

test('from:to:step gives from, from + step, ..., to, rounded to 12 significant digits', () => {
  assert.equal(parseVary('model.lambda=5:25:10'), { path: 'model.lambda', from: 5, to: 25, step: 10, values: [5, 15, 25] });
  // 0.1 + 2 * 0.1 is 0.30000000000000004 in binary floating point; the grid says 0.3
  assert.equal(parseVary('a.b=0.1:0.9:0.2').values, [0.1, 0.3, 0.5, 0.7, 0.9]);
  assert.equal(parseVary('a.b=0:1:0.1').values, [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  assert.equal(parseVary('a.b=-1:1:1').values, [-1, 0, 1]);
});

test('from equal to to is one value whatever the step', () => {
  assert.equal(parseVary('x.y=0.4:0.4:7').values, [0.4]);
});

test('a step that does not divide the range, a step of 0, from above to, or not three numbers are refused with the reason', () => {
  for (const [arg, msg] of [
    ['a.b=0:1:0.3', 'does not divide the range 0..1'],
    ['a.b=0:1:0', 'the step must be above 0'],
    ['a.b=0:1:-0.5', 'the step must be above 0'],
    ['a.b=1:0:0.5', 'from (1) is above to (0)'],
    ['a.b=0:1', 'three numbers'],
    ['a.b=0:x:1', 'three numbers'],
    ['a.b=0::1', 'three numbers'],
    ['0:1:0.5', 'expected path=from:to:step'],
  ]) {
    assert.throws(() => parseVary(arg), (e: Error) => e instanceof VaryError && e.message.includes(msg), arg);
  }
});

test(`a grid of more than ${MAX_SWEEP_POINTS} points, a path varied twice, or no --vary are refused`, () => {
  assert.throws(() => parseVary('a.b=0:10000:1'), /10001 values, more than the 10000/);
  assert.throws(() => parseVaries(['a.b=0:100:1', 'c.d=0:100:1']), /the grid has 10201 points \(101 x 101\)/);
  assert.throws(() => parseVaries(['a.b=0:1:0.5', 'a.b=0:1:0.25']), /a\.b is given twice/);
  assert.throws(() => parseVaries([]), /at least one --vary/);
  assert.is(parseVaries(['a.b=0:99:1', 'c.d=0:99:1']).length, 2); // 10,000 points: allowed
});

test('the grid is the Cartesian product, the first axis changing slowest', () => {
  assert.equal(sweepGrid([[1, 2], [10, 20, 30]]), [[1, 10], [1, 20], [1, 30], [2, 10], [2, 20], [2, 30]]);
  assert.equal(sweepGrid([[7]]), [[7]]);
  assert.is(gridSize([5, 3, 2]), 30);
});

test.run();
