/**
 * `inclination: attend|stay|accept|comply` with `strength` — "the coalition was inclined to vote in favour of
 * participating in the Geneva talks".
 *
 * Meaning in utilities: a disposition the article reports without giving its reasons. `strength` (utility
 * units, may be negative) is added to the payoff of the action it names in every stage game where that
 * action is available: attend (attendance), stay (accept and continue, against withdraw), accept (accept),
 * comply (ceasefire compliance, carrying out an exchange, accepting a ceasefire).
 *
 * Sponsor pressure (pressure.ts) enters the same way; the two are summed into one "push" per actor and
 * action before the run starts (pushIndex gives the slot).
 */
import type { PushedAction } from '../../scenario/types.js';

export const PUSH_INDEX: Record<PushedAction, number> = { attend: 0, stay: 1, accept: 2, comply: 3 };
export const N_PUSH = 4;

/** Slot of (actor, action) in a per-run push array of length nActors * N_PUSH. */
export function pushIndex(actor: number, action: PushedAction): number {
  return actor * N_PUSH + PUSH_INDEX[action];
}
