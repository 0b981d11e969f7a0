import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { QreSystem } from '../../../src/model/qre/system.js';
import { MAX_STEPS, TraceState } from '../../../src/model/qre/trace-state.js';

test('every named scalar is its own slot, and caution scales the limits', () => {
  const st = new TraceState(new QreSystem(true), 0.5);
  const names = ['target', 'maxStep', 'prevChord', 'detX', 'h', 'err', 'crossing', 'chord', 'alpha', 'noise', 'dist', 'yMax', 'cosAlpha', 'maxStepPerMu'] as const;
  names.forEach((name, k) => {
    st[name] = k + 0.5;
  });
  assert.equal(names.map((name) => st[name]), names.map((_, k) => k + 0.5));
  assert.equal([st.dMax, st.dNom, st.aMax, st.aNom, st.slack, st.relabelAbove, st.maxIterations], [0.5, 0.15, 0.3, 0.15, 0.001, 0, MAX_STEPS]);
});

test('points grow to the size asked and keep it', () => {
  const st = new TraceState(new QreSystem(true), 1);
  st.ensure(5);
  const x = st.x;
  st.ensure(3);
  assert.is(st.x, x);
  assert.equal([st.x.length, st.t.length, st.lu.piv.length], [5, 5, 5]);
});

test.run();
