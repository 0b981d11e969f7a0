import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { monteCarlo } from '../../src/sim/monte-carlo.js';
import { playSweep, sweepScenarios } from '../../src/sim/sweep.js';
import { parseVaries } from '../../src/sim/sweep-grid.js';
import type { Tally } from '../../src/stats/tally.js';
import { twoParties } from './fixtures.js';

const base = twoParties({ rounds: 4, exitB: 'deviation > 15' });

/** Every typed array of a tally as plain numbers, for deep equality. */
const plain = (t: Tally) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v]));

test('every grid point is the scenario with its values set as --set sets them, the fixed --sets at every point', () => {
  const p = sweepScenarios(base, [{ path: 'model.lambda', text: '5' }], parseVaries(['actors.s.pressure.0.strength=0:1:0.5', 'actors.a.capability=0.4:0.6:0.2']));
  assert.equal(p.diagnostics, []);
  assert.is(p.points!.length, 6);
  assert.equal(p.points![3].values, [0.5, 0.6]);
  assert.equal(p.points![3].overrides, { 'model.lambda': 5, 'actors.s.pressure.0.strength': 0.5, 'actors.a.capability': 0.6 });
  const s = p.points![3].scenario;
  const param = (path: string) => s.params.find((q) => q.path === path)!.dist;
  assert.equal(param('actors.s.pressure.0.strength'), { kind: 'fixed', value: 0.5 });
  assert.equal(param('actors.a.capability'), { kind: 'fixed', value: 0.6 });
  assert.equal(param('model.lambda'), { kind: 'fixed', value: 5 });
  assert.equal(base.params.find((q) => q.path === 'actors.a.capability')!.dist, { kind: 'fixed', value: 0.6 }, 'the base scenario is not touched');
});

test('a value outside its range or an unknown path is one diagnostic an axis, worded for --vary, and no points', () => {
  const p = sweepScenarios(base, [], parseVaries(['actors.a.capability=0.5:1.5:0.5', 'actors.s.presure.0.strength=0:1:1']));
  assert.is(p.points, undefined);
  assert.is(p.diagnostics.length, 2);
  assert.match(p.diagnostics[0].message, /^--vary actors\.a\.capability=1\.5: must be within \[0, 1\]/);
  assert.match(p.diagnostics[1].message, /^--vary actors\.s\.presure\.0\.strength=0: /);
  assert.match(p.diagnostics[1].hint ?? '', "did you mean 'actors.s.pressure.0.strength'?");
});

test('points play under common random numbers: each tally is the Monte Carlo of its scenario at the same seed, the same for 1 and 2 workers', async () => {
  const p = sweepScenarios(base, [], parseVaries(['actors.s.pressure.0.strength=0:2:1', 'model.lambda=2:20:18']));
  const scenarios = p.points!.map((q) => q.scenario);
  const seen: number[] = [];
  const serial = await playSweep(scenarios, { runs: 2500, seed: 9, workers: 1, onProgress: (d, n) => seen.push(d / n) });
  const parallel = await playSweep(scenarios, { runs: 2500, seed: 9, workers: 2 });
  assert.is(serial.length, 6);
  for (let i = 0; i < 6; i++) assert.equal(plain(parallel[i]), plain(serial[i]), `point ${i}`);
  assert.equal(plain(serial[4]), plain(await monteCarlo(scenarios[4], { runs: 2500, seed: 9, workers: 1 })));
  // the file's own value (strength 0, lambda 20) as a grid point: the file's Monte Carlo, run for run
  assert.equal(plain(serial[1]), plain(await monteCarlo(base, { runs: 2500, seed: 9, workers: 1 })));
  assert.is(seen.length, 18, 'three blocks a point');
  assert.is(seen[seen.length - 1], 1);
  // the varied number matters: lambda 2 and 20 play different tallies
  assert.not.equal(Array.from(serial[0].outcomes), Array.from(serial[1].outcomes));
});

test('three workers on two points of one block each still give the serial tallies', async () => {
  const p = sweepScenarios(base, [], parseVaries(['model.lambda=1:3:2']));
  const scenarios = p.points!.map((q) => q.scenario);
  const a = await playSweep(scenarios, { runs: 700, seed: -4, workers: 1 });
  const b = await playSweep(scenarios, { runs: 700, seed: -4, workers: 3 });
  assert.equal(b.map(plain), a.map(plain));
  assert.is(a[0].runs, 700);
});

test.run();
