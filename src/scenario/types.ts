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

export type Role = 'party' | 'sponsor' | 'mediator' | 'ratifier';

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
  /** Where it is in the file (`actors.snc.preferences.0`), for outputs that name it. */
  path?: string;
  source?: string;
}

/** A public withdrawal trigger ("If we find any deviation in the negotiations, we'll withdraw"). */
export interface ExitSpec {
  text: string;
  expr: ExprIR;
  with: { name: string; slot: Slot }[];
  /** Utility lost by staying once the trigger is met (the audience cost of an empty threat). */
  cost: Slot;
  /** Where it is in the file (`actors.snc.preferences.0`), for outputs that name it. */
  path?: string;
  source?: string;
}

export interface PrioritySpec {
  issues: IssueIndex[];
  /** Where it is in the file (`actors.snc.preferences.0`), for outputs that name it. */
  path?: string;
  source?: string;
}

export interface InclinationSpec {
  toward: PushedAction;
  strength: Slot;
  /** Where it is in the file (`actors.snc.preferences.0`), for outputs that name it. */
  path?: string;
  source?: string;
}

export interface OutsideOptionSpec {
  value: Slot;
  /** Where it is in the file (`actors.snc.preferences.0`), for outputs that name it. */
  path?: string;
  source?: string;
}

export interface BeliefSpec {
  about: ActorIndex;
  /** Prior probability that `about` is sincere (not "buying time"). */
  sincere: Slot;
  /** Where it is in the file (`actors.snc.beliefs.gov`), for outputs that name it. */
  path?: string;
  source?: string;
}

/**
 * A precondition for attending ("we will come once the prisoners are released"): the measure must have
 * been carried out (exchange, concession) or accepted (ceasefire) before the talks open.
 */
export interface AttendIfSpec {
  measure: number;
  /** Probability (per run) that it is hard: the party then boycotts unless it is met. */
  firmness: Slot;
  /** Utility lost by attending without it, when it is soft. */
  penalty: Slot;
  /** Where it is in the file (`actors.snc.preferences.0`), for outputs that name it. */
  path?: string;
  source?: string;
}

/** Index into MeasureSpec[] of a guarantee's object, or DEAL for the agreement itself. */
export const DEAL = -1;

/** A guarantee: the guarantor detects a defection from `of` and reverses and punishes it with probability `strength`. */
export interface GuaranteeSpec {
  /** DEAL, or the index of the measure guaranteed. */
  of: number;
  strength: Slot;
  /** Where it is in the file (`actors.un.guarantees.0`), for outputs that name it. */
  path?: string;
  source?: string;
}

export interface PressureSpec {
  /** The actor pressed. */
  on: ActorIndex;
  toward: PushedAction[];
  strength: Slot;
  /** Where it is in the file (`actors.russia.pressure.0`), for outputs that name it. */
  path?: string;
  source?: string;
}

export interface ActorSpec {
  id: ActorId;
  name: string;
  role: Role;
  /** Agreement needs every essential party; an essential party's boycott or withdrawal ends the talks. */
  essential: boolean;
  /** Sits at the table: its position counts in proposals (a party not at the table is excluded from the talks). */
  atTable: boolean;
  armed: boolean;
  capability: Slot;
  /** Per issue index: the position slot, or -1 where the actor has no position on the issue. */
  position: Slot[];
  /** Per issue index: the salience slot, or -1 (salience 0). */
  salience: Slot[];
  /** Probability that the actor is in truth sincere; its type is drawn from it once per run. */
  sincerity: Slot;
  flexibility: Slot;
  /** The actor's audience cost: the default of the three below and of its exits' costs. */
  audienceCost: Slot;
  /** The audience cost split by role: of a boycott, of walking out, of turning down or failing one's own offer. */
  boycottCost: Slot;
  walkoutCost: Slot;
  offerCost: Slot;
  /** Battlefield expectations: utility per round of fighting over a round of ceasefire. */
  warGain: Slot;
  outsideOption: OutsideOptionSpec;
  conditions: ConditionSpec[];
  priorities: PrioritySpec[];
  exits: ExitSpec[];
  inclinations: InclinationSpec[];
  beliefs: BeliefSpec[];
  /** Pressure this actor exerts on others. */
  pressure: PressureSpec[];
  attendIf: AttendIfSpec[];
  /** Guarantees this actor gives. */
  guarantees: GuaranteeSpec[];
}

export type MeasureKind = 'ceasefire' | 'exchange' | 'concession';

export interface MeasureSpec {
  id: string;
  kind: MeasureKind;
  offeredBy: ActorIndex;
  /** The sides: two or more for a ceasefire (armed) or an exchange; the one actor of a concession. */
  sides: ActorIndex[];
  /** Concession: the actors whose trust in its actor it speaks to (every other party by default); else empty. */
  audience: ActorIndex[];
  /** Issue the measure stands for, if any (-1 if none): stakes scale with each side's salience of it. */
  issue: IssueIndex;
  /** Round it is offered in (0 = before the talks open); for a measure in force, 0. */
  at: Round;
  /** Already in force when the talks open: no acceptance game; played from round 1. */
  inForce: boolean;
  /** A measure that must have been carried out (or accepted) first, or -1. */
  requires: number;
  /** Exchange: tranches, one a round from `at`. 1 otherwise. */
  parts: number;
  /** Ceasefire: the number of observed violations by one side at which it collapses whatever the sides choose; 0 = no cap. */
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
  /** Concession: what carrying it out costs its actor (-1 for other kinds). */
  cost: Slot;
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
  /** Prior probability that an actor is sincere, where the file says nothing. */
  sincerity: Slot;
  /** What a round of talks without a deal costs each party. */
  delayCost: Slot;
  /** The audience cost split by role (each defaults to audienceCost). */
  boycottCost: Slot;
  walkoutCost: Slot;
  offerCost: Slot;
  /** Default battlefield expectation. */
  warGain: Slot;
  /** Default firmness of a red line or precondition (the probability it binds in a run). */
  firmness: Slot;
  /** Default penalty of a red line or precondition that does not bind. */
  penalty: Slot;
}

export interface SourceSpec {
  title: string;
  file?: string;
  url?: string;
  publisher?: string;
  date?: string;
  /** Full text of `file`, when given (quotes are checked against it and shown in traces). */
  text?: string;
  /** The entries of a structured sources file (`.yaml`, `.yml`, `.json`), when `file` is one. */
  entries?: SourceEntry[];
}

/** One entry of a structured sources file: a dated, addressed publication and the excerpts quoted from it. */
export interface SourceEntry {
  id: string;
  publisher: string;
  title: string;
  author?: string;
  /** YYYY-MM-DD. */
  date: string;
  dateNote?: string;
  url: string;
  excerpts: string[];
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
  /** held, unbroken: kept at least this many rounds from its first; 0 = through the end of the window. */
  rounds: number;
  /** The last round the event may happen in (by / by_round), or -1 for no limit. */
  byRound: number;
  /** carried_out: at least one tranche rather than all. */
  partial: boolean;
  /** agreement: the framework stage. */
  framework: boolean;
  answer: boolean;
  note?: string;
  /** Id of the source entry reporting the answer. */
  source?: string;
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

/** A calendar of rounds: a start and a step in days, or one date per round. */
export type Calendar = { start: string; everyDays: number } | { dates: string[] };

export interface Scenario {
  id: string;
  title: string;
  asOf?: string;
  /** Path of the file it was loaded from. */
  file: string;
  /** sha256 (hex) of the file's bytes; printed with every output. */
  hash: string;
  source?: SourceSpec;
  /** Rounds of talks in the file (the talks may end earlier at a deadline). */
  rounds: number;
  /** The deadline's round (the talks end with it), or 0 with no deadline. */
  deadline: number;
  /** What missing the deadline costs each party (a slot), or -1 with no deadline. */
  deadlineCost: Slot;
  /** Rounds of measures and implementation after the talks' last possible round. */
  window: number;
  /** When each round opens, when the file has a calendar (calendar.ts reads it). */
  calendar?: Calendar;
  /** Issues of a framework agreement reached first (empty: none). */
  framework: IssueIndex[];
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
