import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { estimateTime, formatDuration, PARALLEL_EFFICIENCY } from '../../src/sim/estimate.js';
import { twoParties } from './fixtures.js';

test('the estimate scales a measured time per run to the runs and workers asked for', () => {
  const s = twoParties();
  const one = estimateTime(s, 1_000_000, 1);
  assert.ok(one.perRun > 0 && one.perRun < 0.1, `per run ${one.perRun}`);
  assert.is(one.calibrationRuns, 500);
  assert.ok(Math.abs(one.seconds - 1_000_000 * one.perRun) < 1e-6);
  const two = estimateTime(s, 1_000_000, 2);
  assert.ok(Math.abs(two.seconds - (1_000_000 * two.perRun) / (2 * PARALLEL_EFFICIENCY) - 0.3) < 1e-6);
});

test('durations read as seconds, minutes or hours', () => {
  assert.is(formatDuration(0.2), '1 s');
  assert.is(formatDuration(42.4), '42 s');
  assert.is(formatDuration(150), '2.5 min');
  assert.is(formatDuration(3 * 3600), '3.0 h');
});

test.run();
