import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { makeGame } from '../../../src/model/normal-form.js';
import { chordConsistent, newtonStep, unitTangent } from '../../../src/model/qre/corrector.js';
import { QreSystem } from '../../../src/model/qre/system.js';
import { TraceState } from '../../../src/model/qre/trace-state.js';

/** The prisoner's dilemma with nothing eliminated: x = (v_0, v_1, mu); by symmetry v_0 = v_1 on the branch. */
function state(): TraceState {
  const sys = new QreSystem(false);
  sys.setup(makeGame([2, 2], [3, 3, 5, 0, 0, 5, 1, 1]));
  const st = new TraceState(sys, 1);
  st.ensure(3);
  return st;
}

test('Newton on the bordered system brings a point off the branch back onto it, within the hyperplane normal to t', () => {
  const st = state();
  st.t.set([0, 0, 1]); // (normal: mu held, as at a point where the branch runs along mu)
  st.y.set([0.5, 0.2, 5]);
  for (let k = 0; k < 6; k++) assert.is(newtonStep(st, 0), 1);
  const sys = st.sys;
  sys.evaluate(st.y);
  assert.ok(Math.abs(sys.hh[0]) < 1e-14 && Math.abs(sys.hh[1]) < 1e-14, `${sys.hh[0]} ${sys.hh[1]}`);
  assert.is(st.y[2], 5);
  // gambit-logit: P(comply) = 0.226750644834 at lambda 1 (mu = 5): v = ln(0.7732.../0.2267...).
  assert.ok(Math.abs(st.y[0] - Math.log(0.773249355166 / 0.226750644834)) < 1e-10, String(st.y[0]));
});

test('after Newton, the same factorisation gives the unit tangent, lambda increasing along the symmetric branch, and cos of its turn', () => {
  const st = state();
  const v = Math.log(0.773249355166 / 0.226750644834);
  st.t.set([0, 0, 1]);
  st.y.set([v + 0.05, v - 0.05, 5]);
  const first = newtonStep(st, 0);
  assert.is(first, 1);
  assert.ok(Math.abs(st.dist - Math.hypot(0.05, 0.05)) < 0.02, `first correction ${st.dist}`);
  for (let k = 0; k < 4; k++) newtonStep(st, 0);
  assert.ok(Math.abs(st.y[0] - v) < 1e-10 && st.y[0] === st.y[1], String(st.y[0]));
  unitTangent(st, st.tn);
  const tn = st.tn;
  assert.ok(Math.abs(Math.hypot(tn[0], tn[1], tn[2]) - 1) < 1e-15);
  assert.ok(Math.abs(st.cosAlpha - tn[2]) < 1e-15, 'cos of the turn from t = e_mu');
  assert.ok(tn[0] > 0 && Math.abs(tn[0] - tn[1]) < 1e-12, 'along the symmetric branch, lambda increasing');
  assert.ok(st.lu.det > 0);
});

test('a straight step is one smooth arc; a chord at a wide angle to both tangents is not', () => {
  const st = state();
  st.x.set([0, 0, 0]);
  st.t.set([0, 0, 1]);
  st.tn.set([0, 0, 1]);
  st.y.set([0, 0, 1]);
  st.chord = 1;
  st.alpha = 0;
  st.noise = 0;
  assert.ok(chordConsistent(st));
  st.y.set([0.5, 0, 1]); // the chord leans 0.46 rad off both (parallel) tangents: 0.93 rad in all
  st.chord = Math.hypot(0.5, 1);
  assert.not.ok(chordConsistent(st));
  st.noise = 0.6; // unless the points may be that far off the branch (2 noise / chord = 1.07 rad)
  assert.ok(chordConsistent(st));
});

test.run();
