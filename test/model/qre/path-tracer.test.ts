import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { makeGame } from '../../../src/model/normal-form.js';
import { LANDED, PathTraceFailure, RELABEL, trace } from '../../../src/model/qre/path-tracer.js';
import { QreSystem } from '../../../src/model/qre/system.js';
import { TraceState } from '../../../src/model/qre/trace-state.js';

const pd = makeGame([2, 2], [3, 3, 5, 0, 0, 5, 1, 1]);

function state(game = pd, eliminate = true, relabelAbove = 0): TraceState {
  const sys = new QreSystem(eliminate);
  sys.setup(game);
  const st = new TraceState(sys, 1, relabelAbove);
  st.ensure(sys.layout.nF + 1);
  st.maxStep = Infinity;
  return st;
}

test('doc example: the prisoner\'s dilemma at lambda 1 (mu = 5): one step, then the landing; gambit-logit\'s point', () => {
  const st = state();
  st.target = 5;
  assert.is(trace(st, null, false), LANDED);
  assert.equal([st.sys.stats.steps, st.sys.stats.rejected, st.sys.stats.evaluations], [1, 0, 6]);
  assert.ok(Math.abs(st.sys.prob[0] - 0.226750644834) < 1e-11, String(st.sys.prob[0]));
  assert.is(st.x[st.sys.n], 5);
});

test('every accepted point is recorded, lambda increasing on a monotone branch, the landing last', () => {
  const st = state();
  st.target = 50;
  st.maxStep = 0.5;
  const mus: number[] = [];
  let landed = 0;
  trace(st, (x, isLanding) => {
    mus.push(x[1]);
    if (isLanding) landed++;
  }, false);
  assert.is(landed, 1);
  assert.is(mus[mus.length - 1], 50);
  for (let i = 1; i < mus.length; i++) assert.ok(mus[i] > mus[i - 1] && mus[i] - mus[i - 1] <= 0.5 + 1e-12);
});

test('a trace out of steps throws a PathTraceFailure (which the solver catches to fall back)', () => {
  const st = state();
  st.target = 50;
  st.maxStep = 0.5;
  st.maxIterations = 5;
  assert.throws(() => trace(st, null, false), (e: unknown) => e instanceof PathTraceFailure && /no convergence within 5 path steps/.test((e as Error).message));
});

test('with relabelling on, the trace stops where strategy 0 drops e^30 behind, and resumes from there', () => {
  const st = state(pd, false, 30);
  st.target = 200;
  assert.is(trace(st, null, false), RELABEL);
  assert.ok(Math.max(st.x[0], st.x[1]) > 30 && st.x[2] < 200, String(Array.from(st.x)));
  // Resuming without relabelling (the same coordinates) goes on to the next stop or the target.
  const status = trace(st, null, true);
  assert.ok(status === RELABEL || status === LANDED);
});

test.run();
