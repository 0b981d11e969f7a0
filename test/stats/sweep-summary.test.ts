import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { monteCarlo } from '../../src/sim/monte-carlo.js';
import { sweepScenarios } from '../../src/sim/sweep.js';
import { parseVaries } from '../../src/sim/sweep-grid.js';
import { summarise } from '../../src/stats/summary.js';
import { summariseSweep } from '../../src/stats/sweep-summary.js';
import { twoParties } from '../sim/fixtures.js';

const base = twoParties({ rounds: 3 });
const varies = parseVaries(['model.lambda=4:8:4']);
const points = sweepScenarios(base, [{ path: 'actors.a.capability', text: '0.7' }], varies).points!;

test('each point carries its values and the summary of its tally, overrides included; the sweep carries seed, runs and the fixed --sets', async () => {
  const tallies = await Promise.all(points.map((p) => monteCarlo(p.scenario, { runs: 300, seed: 3, workers: 1 })));
  const r = summariseSweep(base, varies, points, tallies, 3, '9.9.9', 'rng-x', { 'actors.a.capability': 0.7 });
  assert.equal(r.scenario, { id: 'two-parties', title: 'Two parties', file: 'test.yaml', hash: base.hash, overrides: { 'actors.a.capability': 0.7 } });
  assert.is(r.seed, 3);
  assert.is(r.runs, 300);
  assert.is(r.rng, 'rng-x');
  assert.equal(r.vary, [{ path: 'model.lambda', from: 4, to: 8, step: 4, values: [4, 8] }]);
  assert.equal(r.points.map((p) => p.values), [[4], [8]]);
  assert.equal(r.points[1].summary, summarise(points[1].scenario, tallies[1], 3, '9.9.9', 'rng-x', { 'actors.a.capability': 0.7, 'model.lambda': 8 }));
  assert.equal(r.points[1].summary.scenario.overrides, { 'actors.a.capability': 0.7, 'model.lambda': 8 });
});

test('no fixed --set: no overrides in the sweep\'s scenario; tallies of different run counts or a missing tally are a bug', async () => {
  const t300 = await monteCarlo(points[0].scenario, { runs: 300, seed: 1, workers: 1 });
  const t200 = await monteCarlo(points[1].scenario, { runs: 200, seed: 1, workers: 1 });
  const r = summariseSweep(base, varies, points, [t300, t300], 1, 'v', 'g', {});
  assert.not.ok('overrides' in r.scenario);
  assert.throws(() => summariseSweep(base, varies, points, [t300, t200], 1, 'v', 'g', {}), /every point plays the same runs/);
  assert.throws(() => summariseSweep(base, varies, points, [t300], 1, 'v', 'g', {}), /2 sweep points but 1 tallies/);
});

test.run();
