/**
 * The resolved scenario: what the loader hands to the model.
 *
 * Everything here is plain data (structured-clone safe) so that it can be posted to worker threads:
 * numbers that may be uncertain are `Slot`s, indexes into the run's parameter vector; expressions
 * are `ExprIR` trees (see expr-ir.ts), compiled into closures over numbers by whoever runs them.
 * Actors and issues are referred to by index (`ActorIndex`, `IssueIndex`), never by string, inside
 * the model.
 */
import type { ExprIR } from './expr-ir.js';
// type-only: schema.ts holds the list of asks, and a type import makes no cycle at run time
import type { ObservedAsk } from './schema.js';

export type ActorId = string;
export type IssueId = string;
/** A number in [0, 1] read as a probability. */
export type Probability = number;
/** 1-based round of the talks; round 0 is the run-up (measures offered "before", attendance). */
export type Round = number;
export type ActorIndex = number;
export type IssueIndex = number;
/** Index of a value in the run's parameter vector (see ParamSpec). */
export type Slot = number;

export type Distribution =
  | { kind: 'fixed'; value: number }
  | { kind: 'normal'; mean: number; sd: number }
  | { kind: 'uniform'; lo: number; hi: number }
  | { kind: 'triangular'; lo: number; mode: number; hi: number }
  | { kind: 'beta'; a: number; b: number };

/** One scenario number, fixed or uncertain. Sampled once per run and clipped to [min, max]. */
export interface ParamSpec {
  /** Dotted path in the scenario file, e.g. `actors.snc.position.assad_role`; what `--set` names. */
  path: string;
  dist: Distribution;
  min: number;
  max: number;
  /** Where it was written, for messages. */
  loc?: Location;
}

export interface Location {
  file: string;
  line: number;
  column: number;
}

export type Role = 'party' | 'sponsor' | 'mediator';

/** Actions that pressure and inclinations can push. */
export type PushedAction = 'attend' | 'stay' | 'accept' | 'comply';
export const PUSHED_ACTIONS: readonly PushedAction[] = ['attend', 'stay', 'accept', 'comply'];

export interface IssueSpec {
  id: IssueId;
  name: string;
  low: string;
  high: string;
}

/**
 * A condition the deal must satisfy for the actor to accept it: `red_line` ("Assad stepping down is out
 * of the question") and `precondition` ("Assad's ouster is a condition for any deal") read the same way
 * in utilities; they differ in wording only. `expr` is over issue ids (the proposal's values) and the
 * names in `with`.
 */
export interface ConditionSpec {
  kind: 'red_line' | 'precondition';
  text: string;
  expr: ExprIR;
  /** Names the expression may use besides issue ids, each a parameter slot. */
  with: { name: string; slot: Slot }[];
  /** Probability (per run) that the condition binds, i.e. is hard. */
  firmness: Slot;
  /** Utility lost when a non-binding (soft) condition is broken. */
  penalty: Slot;
  source?: string;
}

/** A public withdrawal trigger ("If we find any deviation in the negotiations, we'll withdraw"). */
export interface ExitSpec {
  text: string;
  expr: ExprIR;
  with: { name: string; slot: Slot }[];
  /** Utility lost by staying once the trigger is met (the audience cost of an empty threat). */
  cost: Slot;
  source?: string;
}

export interface PrioritySpec {
  issues: IssueIndex[];
  source?: string;
}

export interface InclinationSpec {
  toward: PushedAction;
  strength: Slot;
  source?: string;
}

export interface OutsideOptionSpec {
  value: Slot;
  source?: string;
}

export interface BeliefSpec {
  about: ActorIndex;
  /** Prior probability that `about` is sincere (not "buying time"). */
  sincere: Slot;
  source?: string;
}

export interface PressureSpec {
  /** The actor pressed. */
  on: ActorIndex;
  toward: PushedAction[];
  strength: Slot;
  source?: string;
}

export interface ActorSpec {
  id: ActorId;
  name: string;
  role: Role;
  /** Agreement needs every essential party; an essential party's boycott or withdrawal ends the talks. */
  essential: boolean;
  armed: boolean;
  capability: Slot;
  /** Per issue index: the position slot, or -1 where the actor has no position on the issue. */
  position: Slot[];
  /** Per issue index: the salience slot, or -1 (salience 0). */
  salience: Slot[];
  /** Probability that the actor is in truth sincere; its type is drawn from it once per run. */
  sincerity: Slot;
  flexibility: Slot;
  audienceCost: Slot;
  outsideOption: OutsideOptionSpec;
  conditions: ConditionSpec[];
  priorities: PrioritySpec[];
  exits: ExitSpec[];
  inclinations: InclinationSpec[];
  beliefs: BeliefSpec[];
  /** Pressure this actor exerts on others. */
  pressure: PressureSpec[];
}

export type MeasureKind = 'ceasefire' | 'exchange';

export interface MeasureSpec {
  id: string;
  kind: MeasureKind;
  offeredBy: ActorIndex;
  /** The two sides (armed parties for a ceasefire). */
  between: [ActorIndex, ActorIndex];
  /** Issue the measure stands for, if any (-1 if none). */
  issue: IssueIndex;
  /** Round it is offered in; 0 = before the talks open. */
  at: Round;
  /** Ceasefire: the number of observed violations by one side at which the other side calls it off. */
  tolerance: number;
  /** Probability a violation goes unseen. */
  miss: Slot;
  /** Probability compliance is seen as a violation. */
  falseAlarm: Slot;
  /** Stage-game payoffs (utility units): what mutual compliance is worth to a sincere side ... */
  peace: Slot;
  /** ... what a side "buying time" gains by violating while the other complies ... */
  temptation: Slot;
  /** ... and what the complying side loses when the other violates. */
  sucker: Slot;
  source?: string;
}

export interface ModelParams {
  /** Logit QRE rationality (McKelvey & Palfrey 1995). */
  lambda: Slot;
  /** Per-round discount factor. */
  discount: Slot;
  /** Default probability a ceasefire violation goes unseen. */
  miss: Slot;
  /** Default probability compliance is seen as a violation. */
  falseAlarm: Slot;
  /** Default audience cost of boycotting or walking out. */
  audienceCost: Slot;
  /** Default rate at which a position moves toward the proposal each round (scaled by 1 - salience). */
  flexibility: Slot;
  /** Default utility of no deal. */
  outsideOption: Slot;
  /** Utility lost if an agreement is signed with a side that turns out to be insincere. */
  betrayalCost: Slot;
  /** Utility lost by attending talks the other essential parties boycott. */
  attendAloneCost: Slot;
}

export interface SourceSpec {
  title: string;
  file?: string;
  url?: string;
  publisher?: string;
  date?: string;
  /** Full text of `file`, when given (quotes are checked against it and shown in traces). */
  text?: string;
}

export type { ObservedAsk };

/** A yes/no question about what really happened, with its answer. */
export interface ObservedQuestion {
  id: string;
  ask: ObservedAsk;
  /** attends, withdraws: the party asked about; -1 otherwise. */
  actor: ActorIndex;
  /** accepted, held, carried_out: the measure asked about (index into `measures`); -1 otherwise. */
  measure: number;
  /** held: kept at least this many rounds (1..rounds); 0 = kept to the end (never called off). */
  rounds: number;
  answer: boolean;
  note?: string;
}

/**
 * What really happened, for `negsim backtest`. Never read by the simulator: a run's output is the
 * same with or without it.
 */
export interface Observed {
  /** Date the outcome was known, YYYY-MM-DD (after the scenario's as_of). */
  asOf: string;
  note?: string;
  questions: ObservedQuestion[];
  /** Where the deal settled on an issue (0..100), only where known. */
  positions: { issue: IssueIndex; value: number }[];
}

export interface Scenario {
  id: string;
  title: string;
  asOf?: string;
  /** Path of the file it was loaded from. */
  file: string;
  /** sha256 (hex) of the file's bytes; printed with every output. */
  hash: string;
  source?: SourceSpec;
  rounds: number;
  issues: IssueSpec[];
  actors: ActorSpec[];
  measures: MeasureSpec[];
  model: ModelParams;
  params: ParamSpec[];
  /** What really happened (backtests only; the run never reads it). */
  observed?: Observed;
}

export type Severity = 'error' | 'warning';

/** A problem a user can cause and fix: shown as `file:line:column: message` then the hint. */
export interface Diagnostic {
  severity: Severity;
  message: string;
  hint?: string;
  loc?: Location;
  /** Dotted path of the offending value, when there is one. */
  path?: string;
}
