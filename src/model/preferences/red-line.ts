/**
 * `red_line: EXPR` and `precondition: EXPR` — "the ouster of Syrian President Bashar Assad is a condition for
 * any deal"; "it was out of the question for Assad to step down".
 *
 * Meaning in utilities: a condition on the deal, an expression over the issues' values (0..100) and the
 * names in its `with:` map. In each run the condition is *binding* with probability `firmness` (public red
 * lines are partly bargaining positions, and how firm each is, is what an analyst is least sure of):
 * - binding (hard): the actor never accepts a deal that breaks it — `accept` is taken out of its action
 *   set, so its probability is exactly 0, whatever lambda; the mediator moves its proposal to meet it when
 *   any point can (proposal.ts), and the actor's own position never moves across it (dynamics);
 * - not binding (soft): a deal that breaks it is worth `penalty` less to the actor.
 *
 * `red_line` and `precondition` differ in wording only (a line not to cross, a condition to meet).
 *
 * For the mediator and for position bounds, a condition that is a conjunction of comparisons between one
 * issue and a constant (e.g. `assad_role >= t and agenda <= 40`) is also read as a box of bounds per issue
 * (conditionBox); other shapes are evaluated point by point only.
 */
import { compileExpr, type CompiledExpr, type ExprIR } from '../../scenario/expr-ir.js';
import type { ConditionSpec } from '../../scenario/types.js';

/** A bound on one issue that the condition implies: issue >= value (lower) or issue <= value. */
export interface IssueBound {
  issue: number;
  lower: boolean;
  strict: boolean;
  value: CompiledExpr;
}

export interface CompiledCondition {
  spec: ConditionSpec;
  /** Scope: the deal's issue values, then the `with` values of this run. */
  scope: Float64Array;
  nIssues: number;
  holds: CompiledExpr;
  /** The condition as bounds per issue, or null where it is not a conjunction of such bounds. */
  bounds: IssueBound[] | null;
  /** Scope of the bounds' values: the `with` values only. */
  withScope: Float64Array;
}

export function compileCondition(spec: ConditionSpec, issueIds: readonly string[]): CompiledCondition {
  const withNames = spec.with.map((w) => w.name);
  return {
    spec,
    scope: new Float64Array(issueIds.length + withNames.length),
    nIssues: issueIds.length,
    holds: compileExpr(spec.expr, [...issueIds, ...withNames]),
    bounds: issueBounds(spec.expr, issueIds, withNames),
    withScope: new Float64Array(withNames.length),
  };
}

/** Set this run's `with` values (parameter vector `values`). */
export function bindCondition(c: CompiledCondition, values: Float64Array): void {
  for (let j = 0; j < c.spec.with.length; j++) {
    const v = values[c.spec.with[j].slot];
    c.scope[c.nIssues + j] = v;
    c.withScope[j] = v;
  }
}

export function conditionHolds(c: CompiledCondition, deal: ArrayLike<number>): boolean {
  for (let k = 0; k < c.nIssues; k++) c.scope[k] = deal[k];
  return c.holds(c.scope) !== 0;
}

/**
 * Narrow [lo, hi] per issue by the condition's bounds. Returns false (and changes nothing) when the
 * condition is not box-shaped. A strict bound is moved inward by 1e-9 so the box's points satisfy it.
 */
export function conditionBox(c: CompiledCondition, lo: Float64Array, hi: Float64Array): boolean {
  if (c.bounds === null) return false;
  for (const b of c.bounds) {
    const v = b.value(c.withScope);
    if (b.lower) {
      const l = b.strict ? v + 1e-9 : v;
      if (l > lo[b.issue]) lo[b.issue] = l;
    } else {
      const h = b.strict ? v - 1e-9 : v;
      if (h < hi[b.issue]) hi[b.issue] = h;
    }
  }
  return true;
}

const FLIP: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==' };

function issueBounds(ir: ExprIR, issueIds: readonly string[], withNames: readonly string[]): IssueBound[] | null {
  const out: IssueBound[] = [];
  const walk = (n: ExprIR): boolean => {
    if (n.t === 'binary' && n.op === 'and') return walk(n.left) && walk(n.right);
    if (n.t !== 'binary' || !(n.op in FLIP)) return false;
    let op: string = n.op;
    let issueSide = n.left;
    let other = n.right;
    if (!(issueSide.t === 'var' && issueIds.includes(issueSide.name))) {
      issueSide = n.right;
      other = n.left;
      op = FLIP[op];
    }
    if (!(issueSide.t === 'var' && issueIds.includes(issueSide.name))) return false;
    if (mentionsAny(other, issueIds)) return false;
    const issue = issueIds.indexOf(issueSide.name);
    const value = compileExpr(other, withNames);
    if (op === '>' || op === '>=' || op === '==') out.push({ issue, lower: true, strict: op === '>', value });
    if (op === '<' || op === '<=' || op === '==') out.push({ issue, lower: false, strict: op === '<', value });
    return true;
  };
  return walk(ir) ? out : null;
}

function mentionsAny(n: ExprIR, names: readonly string[]): boolean {
  switch (n.t) {
    case 'num': return false;
    case 'var': return names.includes(n.name);
    case 'unary': return mentionsAny(n.arg, names);
    case 'binary': return mentionsAny(n.left, names) || mentionsAny(n.right, names);
    case 'fn': return n.args.some((a) => mentionsAny(a, names));
    case 'if': return mentionsAny(n.cond, names) || mentionsAny(n.then, names) || mentionsAny(n.else, names);
  }
}
