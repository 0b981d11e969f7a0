import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cubicCrossing, HermiteCubic, hermiteMax } from '../../../src/model/qre/hermite.js';

function arcOf(f0: number, m0: number, f1: number, m1: number): HermiteCubic {
  const arc = new HermiteCubic();
  arc.f0 = f0;
  arc.m0 = m0;
  arc.f1 = f1;
  arc.m1 = m1;
  return arc;
}

test('doc example: the straight arc f = theta peaks at its end and reaches 0.25 at theta 0.25', () => {
  const arc = arcOf(0, 1, 1, 1);
  hermiteMax(arc);
  assert.is(arc.result, 1);
  arc.target = 0.25;
  arc.lo = 0;
  arc.hi = 1;
  cubicCrossing(arc);
  assert.is(arc.result, 0.25);
});

test('an arc that rises and comes back (lambda past a fold): the maximum inside the step, and the first crossing', () => {
  // f(0) = 0, f'(0) = 3, f(1) = 0, f'(1) = -3: f = 3 theta - 3 theta^2, highest 0.75 at theta 0.5.
  const arc = arcOf(0, 3, 0, -3);
  hermiteMax(arc);
  assert.ok(Math.abs(arc.result - 0.75) < 1e-15, String(arc.result));
  // f = 0.5 at theta = (1 - sqrt(1/3)) / 2 on the way up.
  arc.target = 0.5;
  arc.lo = 0;
  arc.hi = 0.5;
  cubicCrossing(arc);
  assert.ok(Math.abs(arc.result - (1 - Math.sqrt(1 / 3)) / 2) < 1e-13, String(arc.result));
});

test('a true cubic: f = theta^3 through (0, 0) and (1, 1) with slopes 0 and 3 crosses 0.125 at theta 0.5', () => {
  const arc = arcOf(0, 0, 1, 3);
  arc.target = 0.125;
  arc.lo = 0;
  arc.hi = 1;
  cubicCrossing(arc);
  assert.ok(Math.abs(arc.result - 0.5) < 1e-12, String(arc.result));
  // Extrapolated past theta = 1 (the predictor's use): the bracket (1, 2] holds f = 8 at theta 2.
  arc.target = 8;
  arc.lo = 1;
  arc.hi = 2;
  cubicCrossing(arc);
  assert.ok(Math.abs(arc.result - 2) < 1e-12, String(arc.result));
});

test.run();
