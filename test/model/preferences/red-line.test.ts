import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ExprIR } from '../../../src/scenario/expr-ir.js';
import { bindCondition, compileCondition, conditionBox, conditionHolds } from '../../../src/model/preferences/red-line.js';
import type { ConditionSpec } from '../../../src/scenario/types.js';

const v = (name: string): ExprIR => ({ t: 'var', name });
const n = (x: number): ExprIR => ({ t: 'num', v: x });
const cmp = (op: '<' | '<=' | '>' | '>=' | '==' | '!=', l: ExprIR, r: ExprIR): ExprIR => ({ t: 'binary', op, left: l, right: r });
const and = (l: ExprIR, r: ExprIR): ExprIR => ({ t: 'binary', op: 'and', left: l, right: r });
const or = (l: ExprIR, r: ExprIR): ExprIR => ({ t: 'binary', op: 'or', left: l, right: r });

function spec(expr: ExprIR, withNames: string[] = []): ConditionSpec {
  return { kind: 'red_line', text: 'test', expr, with: withNames.map((name, i) => ({ name, slot: i })), firmness: 0, penalty: 0 };
}

const issues = ['assad_role', 'agenda'];

test('a condition holds or not on a deal, with its `with` values bound for the run', () => {
  const c = compileCondition(spec(cmp('<=', v('assad_role'), v('limit')), ['limit']), issues);
  bindCondition(c, new Float64Array([20]));
  assert.ok(conditionHolds(c, [15, 90]));
  assert.ok(conditionHolds(c, [20, 90]));
  assert.not.ok(conditionHolds(c, [20.5, 90]));
  bindCondition(c, new Float64Array([30]));
  assert.ok(conditionHolds(c, [25, 0]));
});

test('a conjunction of one-issue comparisons reads as a box of bounds', () => {
  const c = compileCondition(spec(and(cmp('>=', v('assad_role'), n(80)), cmp('>', n(40), v('agenda')))), issues);
  const lo = new Float64Array([0, 0]), hi = new Float64Array([100, 100]);
  assert.ok(conditionBox(c, lo, hi));
  assert.equal(Array.from(lo), [80, 0]);
  assert.is(hi[0], 100);
  assert.ok(hi[1] < 40 && hi[1] > 40 - 1e-6, 'a strict bound moves inward');
});

test('an equality gives both bounds; a disjunction or a two-issue comparison is not a box', () => {
  const eq = compileCondition(spec(cmp('==', v('agenda'), n(50))), issues);
  const lo = new Float64Array([0, 0]), hi = new Float64Array([100, 100]);
  assert.ok(conditionBox(eq, lo, hi));
  assert.equal([lo[1], hi[1]], [50, 50]);
  const disj = compileCondition(spec(or(cmp('>=', v('assad_role'), n(80)), cmp('<=', v('agenda'), n(10)))), issues);
  assert.not.ok(conditionBox(disj, lo, hi));
  const two = compileCondition(spec(cmp('>=', v('assad_role'), v('agenda'))), issues);
  assert.not.ok(conditionBox(two, lo, hi));
});

test.run();
