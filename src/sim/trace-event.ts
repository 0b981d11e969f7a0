/**
 * What a traced run reports, step by step: plain data that report/trace.ts puts into words. Only
 * `negsim trace` asks for it; the Monte Carlo passes no sink and pays nothing for it.
 */
import { expectedPayoffs, type NormalFormGame } from '../model/normal-form.js';

/** One player of a stage game at its equilibrium: what each action was worth and how likely it was. */
export interface TracePlayer {
  actor: number;
  /** For agent-form games: which type of the actor this agent is ('sincere' | 'buying time'). */
  type?: string;
  /** Whether this agent is the actor's realised type (only its choice is drawn). */
  realised?: boolean;
  actions: string[];
  /** Expected utility of each action against the others' equilibrium strategies. */
  utilities: number[];
  probabilities: number[];
  /** Index into actions of what was drawn, or -1 (agents of types not realised). */
  chosen: number;
}

export type TraceEvent =
  | { kind: 'sampled'; values: { path: string; value: number }[] }
  | { kind: 'types'; sincere: boolean[] }
  | { kind: 'condition'; actor: number; condition: number; binding: boolean; text: string; source?: string; penalty: number }
  | { kind: 'game'; round: number; game: string; lambda: number; players: TracePlayer[] }
  | { kind: 'measure'; round: number; measure: number; event: string }
  | { kind: 'trust'; round: number; actor: number; about: number; before: number; after: number; observed: string }
  | { kind: 'proposal'; round: number; values: number[]; moved: boolean; feasible: boolean }
  | { kind: 'deal-value'; round: number; actor: number; utility: number; trust: number; deal: number; cont: number; canAccept: boolean; brokenBy: string[] }
  | { kind: 'exit'; round: number; actor: number; text: string; source?: string; cost: number; state: Record<string, number> }
  | { kind: 'threat'; round: number; actor: number; against: number; text: string; source?: string; demand: number[] }
  | { kind: 'positions'; round: number; actor: number; before: number[]; after: number[] }
  | { kind: 'outcome'; round: number; outcome: string; detail: string };

/**
 * A stage game played in round `round` as a trace event: for each player (`actors[i]`, its actions named by
 * `names(i)`), what each action was worth against the others' equilibrium `sigma`, how likely it was, and
 * `chosen[i]`, the one drawn.
 */
export function gameEvent(
  round: number,
  game: string,
  lambda: number,
  g: NormalFormGame,
  sigma: Float64Array,
  actors: ArrayLike<number>,
  chosen: number[],
  names: (i: number) => string[],
): TraceEvent {
  const utilities = expectedUtilities(g, sigma);
  const players: TracePlayer[] = [];
  let off = 0;
  for (let i = 0; i < g.strategies.length; i++) {
    const m = g.strategies[i];
    players.push({
      actor: actors[i],
      actions: names(i),
      utilities: utilities[i],
      probabilities: Array.from(sigma.subarray(off, off + m)),
      chosen: chosen[i],
    });
    off += m;
  }
  return { kind: 'game', round, game, lambda, players };
}

/** u_i(a, sigma_-i) for every player and action, per player (for traces; not on the hot path). */
export function expectedUtilities(g: NormalFormGame, sigma: Float64Array): number[][] {
  const flat = expectedPayoffs(g, sigma);
  let o = 0;
  return g.strategies.map((m) => flat.slice(o, (o += m)));
}
