import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { canBeSatisfied } from '../../src/scenario/satisfiable.js';
import { parseExpression } from '../../src/scenario/expression.js';
import type { ExprIR } from '../../src/scenario/expr-ir.js';

function ir(text: string, scope: string[]): ExprIR {
  const r = parseExpression(text, scope, 'boolean');
  if (!r.ok) throw new Error(r.message);
  return r.ir;
}

test('one issue: every integer 0..100 is tried', () => {
  assert.is(canBeSatisfied(ir('a > 60 and a < 40', ['a']), ['a'], new Map()), false);
  assert.is(canBeSatisfied(ir('a < 0', ['a']), ['a'], new Map()), false);
  assert.is(canBeSatisfied(ir('a == 37', ['a']), ['a'], new Map()), true);
  assert.is(canBeSatisfied(ir('a >= 100', ['a']), ['a'], new Map()), true);
});

test('two issues: steps of 5, so the corners and the 5-grid are tried', () => {
  assert.is(canBeSatisfied(ir('a + b > 200', ['a', 'b']), ['a', 'b'], new Map()), false);
  assert.is(canBeSatisfied(ir('a + b == 200', ['a', 'b']), ['a', 'b'], new Map()), true);
  assert.is(canBeSatisfied(ir('a == 35 and b == 65', ['a', 'b']), ['a', 'b'], new Map()), true);
  // a grid misses what lies between its points: hence a warning, not an error
  assert.is(canBeSatisfied(ir('a == 37 and b == 65', ['a', 'b']), ['a', 'b'], new Map()), false);
});

test('with-names take the given values; no issues means one evaluation', () => {
  assert.is(canBeSatisfied(ir('a >= t', ['a', 't']), ['a'], new Map([['t', 120]])), false);
  assert.is(canBeSatisfied(ir('a >= t', ['a', 't']), ['a'], new Map([['t', 80]])), true);
  assert.is(canBeSatisfied(ir('t > 3', ['t']), [], new Map([['t', 2]])), false);
});

test('five issues: the corners and the centre', () => {
  const names = ['a', 'b', 'c', 'd', 'f'];
  assert.is(canBeSatisfied(ir('a + b + c + d + f == 250', names), names, new Map()), true); // the centre
  assert.is(canBeSatisfied(ir('a == 100 and b == 0 and c == 100 and d == 0 and f == 100', names), names, new Map()), true);
  assert.is(canBeSatisfied(ir('a + b + c + d + f > 500', names), names, new Map()), false);
});

test.run();
