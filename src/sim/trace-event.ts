/**
 * What a traced run reports, step by step: plain data that report/trace.ts puts into words. Only
 * `negsim trace` asks for it; the Monte Carlo passes no sink and pays nothing for it.
 */

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
