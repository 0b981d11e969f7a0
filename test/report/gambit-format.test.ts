import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatG, gambitLogitLine, gambitNashLine } from '../../src/report/gambit-format.js';

// Expected strings printed by g++ 12's iostream: std::cout << std::setprecision(10) << x (what
// gambit-logit -d 10 does for each probability).
const CPP_SETPRECISION_10: [number, string][] = [
  [0.2267506448338, '0.2267506448'],
  [0.7732493551662, '0.7732493552'],
  [0.5, '0.5'],
  [1.2345e-7, '1.2345e-07'],
  [0.000123456789012345, '0.000123456789'],
  [1, '1'],
  [0.99999999999, '1'],
  [9.99999999996, '10'],
  [12345678901, '1.23456789e+10'],
  [0.0001, '0.0001'],
  [0.00001, '1e-05'],
  [1e-300, '1e-300'],
];

test('formatG prints probabilities as C++ setprecision(10) does (checked against g++ output)', () => {
  for (const [x, want] of CPP_SETPRECISION_10) assert.is(formatG(x, 10), want, String(x));
});

test('formatG: zero, negatives and other precisions', () => {
  assert.is(formatG(0, 10), '0');
  assert.is(formatG(-0.25, 6), '-0.25');
  assert.is(formatG(1 / 3, 6), '0.333333');
  assert.is(formatG(2 / 3, 12), '0.666666666667');
  assert.is(formatG(123456, 3), '1.23e+05');
});

test('a logit line is lambda in fixed notation with D decimals, then the probabilities: the doc example', () => {
  assert.is(gambitLogitLine(1, [0.2267506448338, 0.7732493551662], 10), '1.0000000000,0.2267506448,0.7732493552');
  assert.is(gambitLogitLine(0.5, [0.5, 0.5], 4), '0.5000,0.5,0.5');
});

test('a Nash line is NE then a 1 for each strategy played (gambit-enumpure)', () => {
  assert.is(gambitNashLine([1, 0], [2, 3]), 'NE,0,1,1,0,0');
  assert.is(gambitNashLine([2, 2, 0], [3, 3, 2]), 'NE,0,0,1,0,0,1,1,0');
});

test.run();
