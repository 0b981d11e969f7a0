/**
 * Can a red line or precondition be met by any deal? Checked on a grid over the issues it mentions
 * (each on 0..100), so that a condition no proposal can satisfy — `assad_role < 0`, or
 * `a > 60 and a < 40` — is flagged when the file is loaded rather than silently blocking every deal.
 *
 * Grid: one issue, every integer 0..100; two, steps of 5; three, steps of 10; four, steps of 25;
 * five to twelve, the corners of the cube and its centre. Beyond twelve issues the check is skipped
 * (reported as satisfiable). A grid can miss a sliver of feasible points (e.g. `a == 50.5`), so the
 * finding is a warning, not an error.
 */
import { compileExpr, type ExprIR } from './expr-ir.js';

const STEPS: Record<number, number> = { 1: 1, 2: 5, 3: 10, 4: 25 };
const MAX_CORNER_DIMS = 12;

/**
 * True if some grid point over `issues` (with `fixed` names at their given values) satisfies `ir`.
 *
 * @example canBeSatisfied(parse('a > 60 and a < 40'), ['a'], new Map()) === false
 */
export function canBeSatisfied(ir: ExprIR, issues: readonly string[], fixed: ReadonlyMap<string, number>): boolean {
  const names = [...issues, ...fixed.keys()];
  const f = compileExpr(ir, names);
  const scope = new Float64Array(names.length);
  let i = issues.length;
  for (const v of fixed.values()) scope[i++] = v;
  const k = issues.length;
  if (k === 0) return f(scope) !== 0;
  const step = STEPS[k];
  if (step !== undefined) {
    const per = Math.floor(100 / step) + 1;
    const total = per ** k;
    for (let n = 0; n < total; n++) {
      let r = n;
      for (let d = 0; d < k; d++) {
        scope[d] = (r % per) * step;
        r = Math.floor(r / per);
      }
      if (f(scope) !== 0) return true;
    }
    return false;
  }
  if (k > MAX_CORNER_DIMS) return true;
  for (let d = 0; d < k; d++) scope[d] = 50;
  if (f(scope) !== 0) return true;
  for (let n = 0; n < 2 ** k; n++) {
    for (let d = 0; d < k; d++) scope[d] = (n >> d) & 1 ? 100 : 0;
    if (f(scope) !== 0) return true;
  }
  return false;
}
