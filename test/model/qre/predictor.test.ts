import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { makeGame } from '../../../src/model/normal-form.js';
import { predict, predictCrossing } from '../../../src/model/qre/predictor.js';
import { QreSystem } from '../../../src/model/qre/system.js';
import { TraceState } from '../../../src/model/qre/trace-state.js';

/** A tracer state over a one-unknown system (a 2x2 game with a player eliminated): points (v, mu). */
function state(): TraceState {
  const sys = new QreSystem(true);
  sys.setup(makeGame([2, 2], [3, 3, 5, 0, 0, 5, 1, 1]));
  const st = new TraceState(sys, 1);
  st.ensure(2);
  return st;
}

test('doc example: without a previous point, the Euler step x + h t', () => {
  const st = state();
  st.x.set([0, 0]);
  st.t.set([0.6, 0.8]);
  st.prevChord = 0;
  st.h = 0.5;
  predict(st);
  assert.equal(Array.from(st.y), [0.3, 0.4]);
  st.target = 0.2;
  predictCrossing(st);
  assert.ok(Math.abs(st.crossing - 0.25) < 1e-15, String(st.crossing));
});

test('with a previous point the cubic Hermite arc: exact on the unit circle to about h^4', () => {
  // Points on the circle of radius 1 at angles 0 and 0.1, unit tangents; predict 0.1 further.
  const st = state();
  const at = (a: number): [number, number] => [Math.cos(a), Math.sin(a)];
  const tan = (a: number): [number, number] => [-Math.sin(a), Math.cos(a)];
  st.xp.set(at(0));
  st.tp.set(tan(0));
  st.x.set(at(0.1));
  st.t.set(tan(0.1));
  st.prevChord = 0.1; // (the arc length; the chord differs by 4e-5)
  st.h = 0.1;
  predict(st);
  const want = at(0.2);
  assert.ok(Math.hypot(st.y[0] - want[0], st.y[1] - want[1]) < 1e-4, `${Array.from(st.y)}`);
  // mu = sin: where does it reach 0.15? At angle asin(0.15) = 0.1506, i.e. 0.0506 past x.
  st.target = 0.15;
  predictCrossing(st);
  assert.ok(Math.abs(st.crossing - (Math.asin(0.15) - 0.1)) < 1e-4, String(st.crossing));
});

test.run();
