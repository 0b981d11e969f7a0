import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ExprIR } from '../../src/scenario/expr-ir.js';
import { compileCondition } from '../../src/model/preferences/red-line.js';
import { Mediator, noPoint } from '../../src/model/proposal.js';

const v = (name: string): ExprIR => ({ t: 'var', name });
const n = (x: number): ExprIR => ({ t: 'num', v: x });
const cmp = (op: '<=' | '>=' | '<' | '>', l: ExprIR, r: ExprIR): ExprIR => ({ t: 'binary', op, left: l, right: r });
const cond = (expr: ExprIR) => compileCondition({ kind: 'red_line', text: 't', expr, with: [], firmness: 0, penalty: 0 }, ['x', 'y']);

// three actors, two issues; weights capability x salience
const positions = new Float64Array([10, 20, /**/ 50, 60, /**/ 90, 80]);
const weight = new Float64Array([1, 1, /**/ 1, 1, /**/ 1, 1]);
const present = new Uint8Array([1, 1, 1]);
const fallback = new Float64Array([50, 50]);

test('with no conditions the proposal is the weighted median on each issue', () => {
  const out = new Float64Array(2);
  const r = new Mediator(3, 2).propose(present, positions, weight, [], [], fallback, out);
  assert.equal(Array.from(out), [50, 60]);
  assert.equal(r, { feasible: true, moved: false });
});

test('an absent actor does not count', () => {
  const out = new Float64Array(2);
  new Mediator(3, 2).propose(new Uint8Array([1, 1, 0]), positions, weight, [], [], fallback, out);
  assert.equal(Array.from(out), [30, 40]);
});

test('the proposal is moved to the nearest point of the box of binding conditions', () => {
  const out = new Float64Array(2);
  const r = new Mediator(3, 2).propose(present, positions, weight, [cond(cmp('>=', v('x'), n(70)))], [2], fallback, out);
  assert.equal(Array.from(out), [70, 60]);
  assert.equal(r, { feasible: true, moved: true });
});

test('conditions no point can meet leave the median, marked infeasible', () => {
  const out = new Float64Array(2);
  const r = new Mediator(3, 2).propose(present, positions, weight, [cond(cmp('>=', v('x'), n(80))), cond(cmp('<=', v('x'), n(20)))], [2, 0], fallback, out);
  assert.equal(Array.from(out), [50, 60]);
  assert.equal(r, { feasible: false, moved: false });
});

test('a condition that is not a box is met by moving toward its holder', () => {
  // x + y >= 150: not a box; toward actor 2 (90, 80): t = 0.5 gives (70, 70) -> 140, t = 0.7 gives (78, 74) -> 152
  const sum: ExprIR = { t: 'binary', op: '>=', left: { t: 'binary', op: '+', left: v('x'), right: v('y') }, right: n(150) };
  const out = new Float64Array(2);
  const r = new Mediator(3, 2).propose(present, positions, weight, [cond(sum)], [2], fallback, out);
  assert.ok(Math.abs(out[0] - 78) < 1e-9 && Math.abs(out[1] - 74) < 1e-9, `${out[0]}, ${out[1]}`);
  assert.equal(r, { feasible: true, moved: true });
});

test('no point: box-shaped conditions whose bounds cross, and only those', () => {
  const lo = new Float64Array(2), hi = new Float64Array(2);
  const crossing = [cond(cmp('>=', v('x'), n(80))), cond(cmp('<=', v('x'), n(20)))];
  assert.ok(noPoint(crossing, 2, lo, hi));
  // 50 < x < 50.000000001 holds at 50.0000000005, though the box moved inward by 1e-9 each side is empty
  assert.not.ok(noPoint([cond(cmp('>', v('x'), n(50))), cond(cmp('<', v('x'), n(50.000000001)))], 2, lo, hi));
  // beyond the scale is not a contradiction between conditions
  assert.not.ok(noPoint([cond(cmp('>=', v('x'), n(120)))], 1, lo, hi));
  // a condition that is not a box may be met by points the bounds do not describe: try them
  const sum: ExprIR = { t: 'binary', op: '+', left: v('x'), right: v('y') };
  assert.not.ok(noPoint([...crossing, cond(cmp('<=', sum, n(60)))], 3, lo, hi));
  // only the first `count` conditions count
  assert.not.ok(noPoint(crossing, 1, lo, hi));
});

test.run();
