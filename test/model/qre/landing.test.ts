import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { makeGame } from '../../../src/model/normal-form.js';
import { land, landingConsistent, polishAtTarget } from '../../../src/model/qre/landing.js';
import { QreSystem } from '../../../src/model/qre/system.js';
import { TraceState } from '../../../src/model/qre/trace-state.js';

const pd = makeGame([2, 2], [3, 3, 5, 0, 0, 5, 1, 1]);
const v = Math.log(0.773249355166 / 0.226750644834); // gambit-logit at lambda 1, mu = 5

function state(): TraceState {
  const sys = new QreSystem(false);
  sys.setup(pd);
  const st = new TraceState(sys, 1);
  st.ensure(3);
  return st;
}

test('doc example: Newton at mu = 5 lands on the prisoner\'s dilemma QRE with a residual estimate below 1e-13', () => {
  const st = state();
  st.y.set([v + 0.1, v - 0.2, 5]);
  assert.ok(land(st, true));
  assert.ok(st.sys.stats.residual < 1e-13, String(st.sys.stats.residual));
  assert.ok(Math.abs(st.sys.prob[0] - 0.226750644834) < 1e-11, String(st.sys.prob[0]));
  assert.is(st.y[2], 5);
});

test('a landing that starts too far (first correction beyond dMax) is refused when guarded', () => {
  const st = state();
  st.y.set([v + 3, v - 3, 5]);
  assert.not.ok(land(st, true));
});

test('landingConsistent: the step from x arrives with lambda increasing, on the branch it left', () => {
  const st = state();
  // x at mu = 4.5 on the branch (landed there), t the tangent; then land at 5.
  st.y.set([0, 0, 4.5]);
  assert.ok(land(st, false));
  st.x.set(st.y);
  st.t.set([0.3, 0.3, 1].map((c) => c / Math.hypot(0.3, 0.3, 1)));
  st.y.set([st.x[0], st.x[1], 5]);
  assert.ok(land(st, false));
  st.err = 0;
  assert.ok(landingConsistent(st, 1));
  assert.ok(st.tn[2] > 0);
  assert.not.ok(landingConsistent(st, -1), 'the other orientation');
});

test('polishAtTarget keeps the best point Newton reaches at the target, never a worse one', () => {
  const st = state();
  st.x.set([v + 0.01, v + 0.01, 5]);
  polishAtTarget(st);
  assert.ok(st.sys.stats.residual < 1e-15, String(st.sys.stats.residual));
  assert.ok(Math.abs(st.x[0] - v) < 1e-11);
});

test.run();
