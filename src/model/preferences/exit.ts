/**
 * `exit: EXPR` — "If we find any deviation in the negotiations, we'll withdraw."
 *
 * Meaning in utilities: a public commitment to walk out when a condition on the state of the talks is met.
 * Once it is met, every action that keeps the actor at the table (accept, continue) is worth `cost` less:
 * the audience cost of a threat not carried out (Fearon 1994, "Domestic political audiences and the
 * escalation of international disputes", APSR 88:577-592). Withdrawal is not forced: a strong enough deal,
 * or sponsor pressure to stay, can still outweigh the cost.
 *
 * The expression may read the issues' values in the current proposal (0..100), its `with:` names and:
 *   deviation   salience-weighted mean distance (0..100) of the proposal from the actor's opening position
 *   breach      1 if the proposal breaks one of the actor's binding conditions, else 0
 *   violations  ceasefire violations by the other side(s) the actor has seen so far
 *   trust       the actor's lowest belief that another essential party is sincere (1 if none)
 *   round       the current round (1-based); rounds: the number of rounds
 */
import { compileExpr, type CompiledExpr } from '../../scenario/expr-ir.js';
import type { ExitSpec } from '../../scenario/types.js';

export const EXIT_STATE_NAMES = ['deviation', 'breach', 'violations', 'trust', 'round', 'rounds'] as const;

export interface ExitState {
  deviation: number;
  breach: number;
  violations: number;
  trust: number;
  round: number;
  rounds: number;
}

export interface CompiledExit {
  spec: ExitSpec;
  scope: Float64Array;
  nIssues: number;
  nWith: number;
  triggered: CompiledExpr;
}

export function compileExit(spec: ExitSpec, issueIds: readonly string[]): CompiledExit {
  const withNames = spec.with.map((w) => w.name);
  return {
    spec,
    scope: new Float64Array(issueIds.length + withNames.length + EXIT_STATE_NAMES.length),
    nIssues: issueIds.length,
    nWith: withNames.length,
    triggered: compileExpr(spec.expr, [...issueIds, ...withNames, ...EXIT_STATE_NAMES]),
  };
}

export function bindExit(e: CompiledExit, values: Float64Array): void {
  for (let j = 0; j < e.nWith; j++) e.scope[e.nIssues + j] = values[e.spec.with[j].slot];
}

export function exitTriggered(e: CompiledExit, proposal: ArrayLike<number>, s: ExitState): boolean {
  const sc = e.scope;
  for (let k = 0; k < e.nIssues; k++) sc[k] = proposal[k];
  const o = e.nIssues + e.nWith;
  sc[o] = s.deviation;
  sc[o + 1] = s.breach;
  sc[o + 2] = s.violations;
  sc[o + 3] = s.trust;
  sc[o + 4] = s.round;
  sc[o + 5] = s.rounds;
  return e.triggered(sc) !== 0;
}
