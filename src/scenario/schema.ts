/**
 * The scenario file format (negsim v1) as a JSON Schema, built with TypeBox so that the TypeScript
 * type of a raw file (`ScenarioFile`) and the published schema (`negsim schema`) come from one
 * source. Every object is closed (`additionalProperties: false`) so that a misspelt key is an error,
 * not a silently ignored line; every property carries a description for editors.
 *
 * The schema checks shape, types and plain ranges. What it cannot express — references between
 * ids, lo <= hi inside a distribution, expressions, quotes — load.ts checks afterwards.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DATE_PATTERN, ID_PATTERN, SCENARIO_ID_PATTERN, SOURCE_ID_PATTERN } from './names.js';
import { MAX_ACTORS, MAX_ISSUES, MAX_MEASURE_SIDES, MAX_MEASURES, MAX_PARTIES, MAX_PREFERENCES, MAX_ROUNDS, MAX_TOLERANCE } from './limits.js';

export const SCHEMA_ID = 'urn:negsim:scenario:v1';

/** Actor roles (docs/SCENARIO.md). */
export const ROLES = ['party', 'sponsor', 'mediator', 'ratifier'] as const;
/** Kinds of confidence-building measure. */
export const MEASURE_KINDS = ['ceasefire', 'exchange', 'concession'] as const;

/** Ranges of the numeric fields ([min, max]); plain numbers outside are errors, draws are clipped. */
export const RANGE = {
  unit: [0, 1],
  position: [0, 100],
  cost: [0, 10],
  lambda: [0, 1000],
  strength: [-10, 10],
  pressure: [0, 10],
  with: [-1e6, 1e6],
  gain: [-1, 1],
} as const satisfies Record<string, readonly [number, number]>;
export type Range = readonly [number, number];

export type RawUncertain =
  | number
  | { normal: [number, number] }
  | { uniform: [number, number] }
  | { triangular: [number, number, number] }
  | { beta: [number, number] };

export const DISTRIBUTION_KEYS = ['normal', 'uniform', 'triangular', 'beta'] as const;

function num(description: string) {
  return Type.Number({ description });
}

type RangeName = keyof typeof RANGE;

/**
 * The schema of an uncertain number with range `range`: a plain number in [min, max] or one of the
 * distributions. `beta` is offered only where the range lies within [0, 1], since beta draws do.
 * One definition per range, referenced from its 33 uses: the published schema stays small (29 KB
 * instead of 69 KB) and editors show one description of the notation. (The loader validates with a
 * derived copy, see validator.ts.)
 */
function uncertainDefinition(range: Range): TSchema {
  const [min, max] = range;
  const closed = { additionalProperties: false } as const;
  const branches: TSchema[] = [
    Type.Number({ minimum: min, maximum: max, description: `A fixed value in [${min}, ${max}].` }),
    Type.Object(
      { normal: Type.Tuple([num('mean'), Type.Number({ exclusiveMinimum: 0, description: 'standard deviation, > 0' })], { description: '[mean, sd]' }) },
      { ...closed, description: `Normal distribution [mean, sd]; draws are clipped to [${min}, ${max}]; the mean must lie in the range.` },
    ),
    Type.Object(
      { uniform: Type.Tuple([num('lower bound'), num('upper bound, >= lower bound')], { description: '[lo, hi]' }) },
      { ...closed, description: `Uniform distribution on [lo, hi]; clipped to [${min}, ${max}].` },
    ),
    Type.Object(
      { triangular: Type.Tuple([num('lower bound'), num('mode (most likely value)'), num('upper bound')], { description: '[lo, mode, hi], lo <= mode <= hi, lo < hi' }) },
      { ...closed, description: `Triangular distribution [lo, mode, hi]; clipped to [${min}, ${max}].` },
    ),
  ];
  if (min >= 0 && max <= 1) {
    branches.push(
      Type.Object(
        { beta: Type.Tuple([Type.Number({ exclusiveMinimum: 0, description: 'a > 0' }), Type.Number({ exclusiveMinimum: 0, description: 'b > 0' })], { description: '[a, b]' }) },
        { ...closed, description: 'Beta distribution [a, b] (mean a/(a+b)).' },
      ),
    );
  }
  return Type.Union(branches, {
    description: `A number in [${min}, ${max}], or an uncertain value: {normal: [mean, sd]}, {uniform: [lo, hi]}, {triangular: [lo, mode, hi]}${min >= 0 && max <= 1 ? ', {beta: [a, b]}' : ''}.`,
  });
}

/** The name under `definitions` of the uncertain-number schema for a range. */
export function uncertainDefinitionName(range: RangeName): string {
  return `uncertain_${range}`;
}

/**
 * A number field of range RANGE[range]. The description sits beside an `allOf` holding the `$ref`
 * because draft-07 ignores keywords next to a `$ref` (editors then would lose the description).
 */
function Uncertain(range: RangeName, description: string) {
  const [min, max] = RANGE[range];
  return Type.Unsafe<RawUncertain>({
    description: `${description} A number in [${min}, ${max}] or an uncertain value like {uniform: [lo, hi]}.`,
    allOf: [{ $ref: `#/definitions/${uncertainDefinitionName(range)}` }],
  });
}

function Id(description: string) {
  return Type.String({ pattern: ID_PATTERN, description });
}

function Enum<T extends string>(values: readonly T[], description: string) {
  return Type.Unsafe<T>({ type: 'string', enum: [...values], description });
}

const Source = Type.String({ minLength: 1, description: 'A quotation from the source text supporting this entry; checked against source.file when one is given.' });
const Expression = (what: string) => Type.String({ minLength: 1, maxLength: 500, description: what });
const With = Type.Record(Type.String({ pattern: ID_PATTERN }), Uncertain('with', 'A named number the expression may use.'), {
  additionalProperties: false,
  description: 'Named numbers for the expression (e.g. a threshold that is itself uncertain): name -> number.',
});

const ACTIONS = ['attend', 'stay', 'accept', 'comply'] as const;
const Action = Enum(ACTIONS, 'An action: attend (the talks), stay (not withdraw), accept (the proposal), comply (with a ceasefire).');

const RedLine = Type.Object(
  {
    red_line: Expression('A condition the deal must satisfy for this actor to accept it, over issue ids and `with` names, e.g. "assad_role <= 15".'),
    with: Type.Optional(With),
    firmness: Type.Optional(Uncertain('unit', 'Probability per run that the red line is hard (never crossed). Default 1.')),
    penalty: Type.Optional(Uncertain('cost', 'Utility lost when a soft red line is crossed. Default 0.5.')),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, description: 'A red line: a condition any acceptable deal must meet.' },
);
const Precondition = Type.Object(
  {
    precondition: Expression('A condition for any deal, over issue ids and `with` names, e.g. "assad_role >= 80".'),
    with: Type.Optional(With),
    firmness: Type.Optional(Uncertain('unit', 'Probability per run that the precondition is hard. Default 1.')),
    penalty: Type.Optional(Uncertain('cost', 'Utility lost when a soft precondition is not met. Default 0.5.')),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, description: 'A precondition: read like a red line, worded as a demand.' },
);
const Exit = Type.Object(
  {
    exit: Expression('A withdrawal trigger over issue ids, `with` names and deviation, breach, violations, trust, round, rounds, e.g. "deviation > 10".'),
    with: Type.Optional(With),
    cost: Type.Optional(Uncertain('cost', "Utility lost by staying once the trigger is met. Default: the actor's audience_cost.")),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, description: 'A public withdrawal trigger.' },
);
const Priority = Type.Object(
  {
    priority: Type.Array(Id('An issue id.'), { minItems: 2, uniqueItems: true, description: 'Issues in order of importance, first dominates (at least 2, distinct).' }),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, description: 'An ordering of issues.' },
);
const OutsideOption = Type.Object(
  {
    outside_option: Uncertain('unit', 'Utility of no deal for this actor (at most one per actor). Default model.outside_option.'),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, description: 'The reservation value of this actor.' },
);
const Inclination = Type.Object(
  {
    inclination: Action,
    strength: Uncertain('strength', 'Utility added to the action (negative: pushes against it).'),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, description: 'A leaning toward (or against) an action, e.g. "inclined to vote in favour of participating".' },
);
const AttendIf = Type.Object(
  {
    attend_if: Id('A measure offered before the talks that must be carried out (an exchange or concession) or accepted (a ceasefire) for this party to attend.'),
    firmness: Type.Optional(Uncertain('unit', 'Probability per run that the precondition is hard (the party then boycotts unless it is met). Default 1.')),
    penalty: Type.Optional(Uncertain('cost', 'What attending without it costs when it is soft. Default 0.5.')),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, description: 'A precondition for attending ("we will come once the prisoners are released").' },
);
export const PREFERENCE_KINDS = ['red_line', 'precondition', 'exit', 'priority', 'outside_option', 'inclination', 'attend_if'] as const;
export type PreferenceKind = (typeof PREFERENCE_KINDS)[number];
const PREFERENCE_SCHEMAS: Record<PreferenceKind, TSchema> = {
  red_line: RedLine, precondition: Precondition, exit: Exit, priority: Priority, outside_option: OutsideOption, inclination: Inclination,
  attend_if: AttendIf,
};
type RawPreferenceT =
  | Static<typeof RedLine> | Static<typeof Precondition> | Static<typeof Exit>
  | Static<typeof Priority> | Static<typeof OutsideOption> | Static<typeof Inclination> | Static<typeof AttendIf>;

/**
 * A preference: exactly one kind key (`oneOf` of `required`), and the kind key selects the schema
 * the object must meet (`if`/`then`). Unlike an `anyOf` of the six shapes, only the selected shape is
 * checked, so a misspelt key in a red line is reported once, against the red line's keys.
 */
const Preference = Type.Unsafe<RawPreferenceT>({
  type: 'object',
  description: `A preference: an object with exactly one of ${PREFERENCE_KINDS.join(', ')}.`,
  oneOf: PREFERENCE_KINDS.map((k) => ({ required: [k] })),
  // `type: 'object'` in the `if`: a string item must not trigger every `then` (its `required` holds vacuously)
  allOf: PREFERENCE_KINDS.map((k) => ({ if: { type: 'object', required: [k] }, then: PREFERENCE_SCHEMAS[k] })),
});

/** `one` or a list of `one`s (at least `minItems`), told apart by `if`/`then`/`else`. */
function OneOrList<T extends TSchema>(one: T, description: string, list: { minItems?: number; maxItems?: number; uniqueItems?: boolean } = {}) {
  return Type.Unsafe<Static<T> | Static<T>[]>({
    description,
    if: { type: 'array' },
    then: { type: 'array', items: one, ...list },
    else: one,
  });
}

const Pressure = Type.Object(
  {
    on: Id('The actor pressed (not the actor itself).'),
    toward: OneOrList(Action, 'The action, or list of actions, pushed.', { minItems: 1, uniqueItems: true }),
    strength: Uncertain('pressure', 'Utility added to the pushed actions of the actor pressed.'),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, description: 'Pressure this actor exerts on another.' },
);

const Guarantee = Type.Object(
  {
    of: Type.String({ pattern: ID_PATTERN, description: "What is guaranteed: 'deal' (the agreement) or a measure id." }),
    strength: Uncertain('unit', 'Probability that this guarantor detects a defection from what it guarantees and reverses and punishes it.'),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, description: 'A guarantee this actor gives: of the deal or of a measure.' },
);

const Belief = Type.Object(
  {
    sincere: Uncertain('unit', 'Prior probability that the other actor is sincere (not "buying time").'),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, description: 'A prior belief about another actor.' },
);

const Actor = Type.Object(
  {
    name: Type.String({ minLength: 1, description: 'Display name.' }),
    role: Enum(ROLES, 'party (negotiates, may be essential), sponsor (presses others, guarantees), mediator (proposes), ratifier (approves or rejects a signed deal).'),
    at_table: Type.Optional(Type.Boolean({ description: 'Whether the actor sits at the table (its position counts in proposals). Default: true for parties and mediators, false for sponsors and ratifiers. A party with at_table: false is excluded from the talks.' })),
    essential: Type.Optional(Type.Boolean({ description: 'Agreement needs every essential party; only parties may be essential. Default: true for a party.' })),
    armed: Type.Optional(Type.Boolean({ description: 'Whether the actor fields forces (both sides of a ceasefire must be armed). Default false.' })),
    capability: Uncertain('unit', 'Relative power to shape the outcome.'),
    position: Type.Optional(
      Type.Record(Type.String({ pattern: ID_PATTERN }), Uncertain('position', 'Position on the issue, 0 = its low label, 100 = its high label.'), {
        additionalProperties: false,
        description: 'Issue id -> position on the 0-100 scale.',
      }),
    ),
    salience: Type.Optional(
      Type.Record(Type.String({ pattern: ID_PATTERN }), Uncertain('unit', 'How much the issue matters to the actor.'), {
        additionalProperties: false,
        description: 'Issue id -> salience in [0, 1]; default 0.5 for each issue with a position.',
      }),
    ),
    sincerity: Type.Optional(Uncertain('unit', 'Probability that the actor is really sincere. Default 0.5.')),
    flexibility: Type.Optional(Uncertain('unit', 'Rate at which positions move toward the proposal. Default model.flexibility.')),
    audience_cost: Type.Optional(Uncertain('cost', 'Cost of boycotting, walking out and failing its own offers (sets all three). Default model.audience_cost.')),
    boycott_cost: Type.Optional(Uncertain('cost', 'Audience cost of boycotting the talks. Default: audience_cost, else model.boycott_cost.')),
    walkout_cost: Type.Optional(Uncertain('cost', 'Audience cost of walking out. Default: audience_cost, else model.walkout_cost.')),
    offer_cost: Type.Optional(Uncertain('cost', 'Audience cost of turning down or failing its own public offer. Default: audience_cost, else model.offer_cost.')),
    war_gain: Type.Optional(Uncertain('gain', 'Battlefield expectations: what a round of fighting gains this side over a round of ceasefire (utility per round). Default model.war_gain.')),
    guarantees: Type.Optional(Type.Array(Guarantee, { maxItems: MAX_PREFERENCES, description: 'Guarantees this actor gives (of the deal or of measures).' })),
    beliefs: Type.Optional(
      Type.Record(Type.String({ pattern: ID_PATTERN }), Belief, {
        additionalProperties: false,
        description: 'Actor id -> prior belief that that actor is sincere.',
      }),
    ),
    preferences: Type.Optional(Type.Array(Preference, { maxItems: MAX_PREFERENCES, description: `Red lines, preconditions, exit triggers, priorities, outside option, inclinations (at most ${MAX_PREFERENCES}).` })),
    pressure: Type.Optional(OneOrList(Pressure, `Pressure this actor exerts: one object or a list (at most ${MAX_PREFERENCES}).`, { maxItems: MAX_PREFERENCES })),
  },
  { additionalProperties: false, description: 'An actor: a party to the talks, a sponsor, a mediator or a ratifier.' },
);

const Issue = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, description: 'Display name. Default: the id.' })),
    low: Type.String({ minLength: 1, description: 'What position 0 means.' }),
    high: Type.String({ minLength: 1, description: 'What position 100 means.' }),
    description: Type.Optional(Type.String({ description: 'Free text.' })),
  },
  { additionalProperties: false, description: 'An issue: a 0-100 scale between two labelled ends.' },
);

const Measure = Type.Object(
  {
    kind: Enum(MEASURE_KINDS, 'ceasefire (a repeated comply/violate game), exchange (a one-shot swap between sides), or concession (one actor carries it out alone).'),
    offered_by: Type.Optional(Id('The actor offering the measure (required for ceasefires and exchanges; a concession is offered by its `by`).')),
    between: Type.Optional(Type.Array(Id('An actor id.'), { minItems: 2, maxItems: MAX_MEASURE_SIDES, uniqueItems: true, description: `Ceasefire and exchange: the sides, 2 to ${MAX_MEASURE_SIDES} distinct actors (armed, for a ceasefire).` })),
    by: Type.Optional(Id('Concession only: the actor who carries it out.')),
    for: Type.Optional(Type.Array(Id('An actor id.'), { minItems: 1, uniqueItems: true, description: 'Concession only: the actors whose trust in `by` it speaks to. Default: every other party.' })),
    issue: Type.Optional(Id('The issue the measure stands for: its stakes scale with each side\'s salience of it.')),
    at: Type.Optional(
      Type.Union([Type.Literal('before'), Type.Literal('in_force'), Type.Integer({ minimum: 1, maximum: MAX_ROUNDS })], {
        description: "When it is offered: 'before' the talks (default), a round 1..rounds, or 'in_force' (already in force when the talks open).",
      }),
    ),
    requires: Type.Optional(Id('Another measure that must have been carried out (or, a ceasefire, accepted) before this one is offered.')),
    parts: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ROUNDS, description: 'Exchange only: tranches, one a round. Default 1.' })),
    tolerance: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_TOLERANCE, description: 'Ceasefire only: a hard cap: at this many observed violations by one side it collapses. Default: no cap (each side decides).' })),
    miss: Type.Optional(Uncertain('unit', 'Probability a violation goes unseen. Default model.miss.')),
    false_alarm: Type.Optional(Uncertain('unit', 'Probability compliance is seen as a violation. Default model.false_alarm.')),
    peace: Type.Optional(Uncertain('cost', 'What mutual compliance is worth to a sincere side (per round, for a ceasefire). Default 0.3.')),
    temptation: Type.Optional(Uncertain('cost', 'What a side buying time gains by violating (reneging) while the other complies. Default 0.2.')),
    sucker: Type.Optional(Uncertain('cost', 'What the complying side loses when the other violates. Default 0.3.')),
    cost: Type.Optional(Uncertain('cost', "Concession only: what carrying it out costs its actor. Default: the measure's sucker.")),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, description: 'A confidence-building measure.' },
);

const Model = Type.Object(
  {
    lambda: Type.Optional(Uncertain('lambda', 'Logit QRE rationality (0: random choice; large: best response). Default 7.05 (fitted on the record).')),
    discount: Type.Optional(Uncertain('unit', 'Per-round discount factor. Default 0.9.')),
    miss: Type.Optional(Uncertain('unit', 'Default probability a ceasefire violation goes unseen. Default 0.2.')),
    false_alarm: Type.Optional(Uncertain('unit', 'Default probability compliance is seen as a violation. Default 0.05.')),
    audience_cost: Type.Optional(Uncertain('cost', 'Default cost of boycotting or walking out. Default 0.551 (fitted).')),
    flexibility: Type.Optional(Uncertain('unit', 'Default rate at which positions move toward the proposal. Default 0.218 (fitted).')),
    outside_option: Type.Optional(Uncertain('unit', 'Default utility of no deal. Default 0.55 (fitted).')),
    betrayal_cost: Type.Optional(Uncertain('cost', 'Utility lost by signing with a side that turns out insincere. Default 0.0094 (fitted).')),
    attend_alone_cost: Type.Optional(Uncertain('cost', 'Utility lost by attending talks the other essential parties boycott. Default 0.0177 (fitted).')),
    sincerity: Type.Optional(Uncertain('unit', 'Prior probability that an actor is sincere where the file says nothing. Default 0.5.')),
    delay_cost: Type.Optional(Uncertain('cost', 'What a round of talks without a deal costs each party. Default 0.02.')),
    boycott_cost: Type.Optional(Uncertain('cost', 'Default audience cost of a boycott. Default: audience_cost.')),
    walkout_cost: Type.Optional(Uncertain('cost', 'Default audience cost of walking out. Default: audience_cost.')),
    offer_cost: Type.Optional(Uncertain('cost', 'Default audience cost of turning down or failing one\'s own offer. Default: audience_cost.')),
    war_gain: Type.Optional(Uncertain('gain', 'Default battlefield expectation of an armed actor (utility per round of fighting over a round of ceasefire). Default 0.')),
    firmness: Type.Optional(Uncertain('unit', 'Default probability that a stated red line or precondition binds in a run. Default 1.')),
    penalty: Type.Optional(Uncertain('cost', 'Default utility lost when a deal breaks a red line that does not bind. Default 0.5.')),
  },
  { additionalProperties: false, description: 'Model parameters; every key optional.' },
);

const SourceInfo = Type.Object(
  {
    title: Type.String({ minLength: 1, description: 'Title of the source.' }),
    file: Type.Optional(Type.String({ minLength: 1, description: 'Path of the source text, relative to the scenario file; every `source:` quote must occur in it.' })),
    url: Type.Optional(Type.String({ minLength: 1, description: 'Where the source was published.' })),
    publisher: Type.Optional(Type.String({ description: 'Who published it.' })),
    date: Type.Optional(Type.String({ description: 'When it was published.' })),
  },
  { additionalProperties: false, description: 'The text the scenario is drawn from.' },
);

const Calendar = Type.Union([
  Type.Object(
    {
      start: Type.String({ pattern: DATE_PATTERN, description: 'The date round 1 opens, YYYY-MM-DD.' }),
      every_days: Type.Integer({ minimum: 1, maximum: 3650, description: 'Days from one round to the next.' }),
    },
    { additionalProperties: false, description: 'Rounds at a fixed interval from a start date.' },
  ),
  Type.Object(
    {
      dates: Type.Array(Type.String({ pattern: DATE_PATTERN }), { minItems: 1, maxItems: MAX_ROUNDS, description: 'The date each round opens, in order, one per round.' }),
    },
    { additionalProperties: false, description: 'One date per round.' },
  ),
], { description: 'When each round of talks opens: {start, every_days} or {dates: [...]}.' });

const Deadline = Type.Object(
  {
    round: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ROUNDS, description: 'The last round of talks.' })),
    date: Type.Optional(Type.String({ pattern: DATE_PATTERN, description: 'The deadline: the last round is the last one that opens on or before it (needs a calendar).' })),
    cost: Type.Optional(Uncertain('cost', 'What reaching the deadline without a deal costs each party. Default 0.')),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, description: 'A deadline: the talks end with its round. Give round or date.' },
);

/**
 * What a backtest question asks (docs/SCENARIO.md, "observed"); each maps to one metric of the Monte Carlo:
 * attends, withdraws (a party: attended the talks / withdrew in some round); withdrawal, agreement,
 * stalemate, talks (the outcome; talks = not no_talks); accepted, held (a ceasefire: accepted / accepted
 * and kept); carried_out (an exchange).
 */
export const OBSERVED_ASK_VALUES = [
  'attends', 'withdraws', 'withdrawal', 'agreement', 'stalemate', 'talks', 'accepted', 'held', 'carried_out',
  'unbroken', 'ratified', 'implemented', 'threatens',
] as const;
export type ObservedAsk = (typeof OBSERVED_ASK_VALUES)[number];
/** Questions in one `observed:` block; far above the dozen a real backtest asks. */
export const MAX_OBSERVED_QUESTIONS = 200;

const ObservedQuestion = Type.Object(
  {
    ask: Enum(OBSERVED_ASK_VALUES,
      'What is asked: attends, withdraws, threatens (of a party: actor); withdrawal, agreement, stalemate, talks, implemented (of the outcome); ratified (of the deal, or of one ratifier: actor); accepted, held, unbroken (of a ceasefire: measure); carried_out (of an exchange or concession: measure).'),
    actor: Type.Optional(Id('attends, withdraws, threatens: the party asked about; ratified: the ratifier (optional).')),
    measure: Type.Optional(Id('accepted, held, unbroken: the ceasefire; carried_out: the exchange or concession.')),
    rounds: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ROUNDS, description: 'held, unbroken: kept at least this many rounds from its first. Without it: kept to the end of the window.' })),
    by: Type.Optional(Type.String({ pattern: DATE_PATTERN, description: 'The event happened in a round that opens on or before this date (needs a calendar); held, unbroken: kept through it.' })),
    by_round: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_ROUNDS, description: 'As by, with a round number (0: the run-up).' })),
    partial: Type.Optional(Type.Boolean({ description: 'carried_out only: at least one tranche (true) rather than every tranche.' })),
    stage: Type.Optional(Enum(['framework'] as const, 'agreement only: the framework agreement (needs framework:).')),
    source: Type.Optional(Type.String({ pattern: SOURCE_ID_PATTERN, description: 'The id of the entry of the structured sources file that reports the answer.' })),
    answer: Type.Union([Type.Boolean(), Enum(['yes', 'no'] as const, 'yes or no.')], { description: 'What happened: yes or no (true or false).' }),
    note: Type.Optional(Type.String({ minLength: 1, description: 'Where the answer comes from (free text; not checked against the source, which predates the outcome).' })),
  },
  { additionalProperties: false, description: 'A yes/no question about what really happened, and its answer.' },
);

const Observed = Type.Object(
  {
    as_of: Type.String({ pattern: DATE_PATTERN, description: 'Date the outcome was known, YYYY-MM-DD (after the scenario\'s as_of).' }),
    note: Type.Optional(Type.String({ description: 'What happened, in a sentence (free text).' })),
    questions: Type.Record(Type.String({ pattern: ID_PATTERN }), ObservedQuestion, {
      additionalProperties: false,
      minProperties: 1,
      maxProperties: MAX_OBSERVED_QUESTIONS,
      description: `Question id -> question (at least one, at most ${MAX_OBSERVED_QUESTIONS}).`,
    }),
    positions: Type.Optional(
      Type.Record(Type.String({ pattern: ID_PATTERN }), Type.Number({ minimum: 0, maximum: 100, description: 'Where the deal settled on the issue, 0-100.' }), {
        additionalProperties: false,
        description: 'Issue id -> where the deal settled (0-100), only where known.',
      }),
    ),
  },
  { additionalProperties: false, description: 'What really happened, for negsim backtest; never read by a run.' },
);

export const ScenarioFileSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String({ description: 'URL or path of this JSON Schema, for editors; ignored by negsim.' })),
    id: Type.String({ pattern: SCENARIO_ID_PATTERN, description: 'Scenario id: lowercase letters, digits, - and _.' }),
    title: Type.String({ minLength: 1, description: 'Title shown in every output.' }),
    as_of: Type.Optional(Type.String({ pattern: DATE_PATTERN, description: 'Decision date, YYYY-MM-DD.' })),
    description: Type.Optional(Type.String({ description: 'Free text.' })),
    source: Type.Optional(SourceInfo),
    rounds: Type.Integer({ minimum: 1, maximum: MAX_ROUNDS, description: `Rounds of talks, 1..${MAX_ROUNDS}.` }),
    calendar: Type.Optional(Calendar),
    deadline: Type.Optional(Deadline),
    window: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_ROUNDS, description: 'Rounds played after the talks end, for measures and the deal\'s implementation. Default 0.' })),
    framework: Type.Optional(Type.Array(Id('An issue id.'), { minItems: 1, uniqueItems: true, description: 'Issues of a framework agreement reached before the full deal.' })),
    model: Type.Optional(Model),
    issues: Type.Record(Type.String({ pattern: ID_PATTERN }), Issue, {
      additionalProperties: false,
      minProperties: 1,
      maxProperties: MAX_ISSUES,
      description: `Issue id -> issue (at least one, at most ${MAX_ISSUES}).`,
    }),
    actors: Type.Record(Type.String({ pattern: ID_PATTERN }), Actor, {
      additionalProperties: false,
      minProperties: 1,
      maxProperties: MAX_ACTORS,
      description: `Actor id -> actor (at least one party; at most ${MAX_ACTORS} actors, of them at most ${MAX_PARTIES} parties).`,
    }),
    measures: Type.Optional(
      Type.Record(Type.String({ pattern: ID_PATTERN }), Measure, {
        additionalProperties: false,
        maxProperties: MAX_MEASURES,
        description: `Measure id -> confidence-building measure (at most ${MAX_MEASURES}).`,
      }),
    ),
    observed: Type.Optional(Observed),
  },
  {
    additionalProperties: false,
    $id: SCHEMA_ID,
    definitions: Object.fromEntries(
      (Object.keys(RANGE) as RangeName[]).map((r) => [uncertainDefinitionName(r), uncertainDefinition(RANGE[r])]),
    ),
    title: 'negsim scenario (v1)',
    description: 'A negotiation scenario for negsim: issues, actors, preferences and confidence-building measures.',
  },
);

/** A scenario file as written (after YAML/JSON parsing and schema validation). */
export type ScenarioFile = Static<typeof ScenarioFileSchema>;
export type RawActor = ScenarioFile['actors'][string];
export type RawPreference = NonNullable<RawActor['preferences']>[number];
export type RawPressure = Static<typeof Pressure>;
export type RawMeasure = NonNullable<ScenarioFile['measures']>[string];
export type RawObserved = NonNullable<ScenarioFile['observed']>;
export type RawGuarantee = Static<typeof Guarantee>;
export type RawCalendar = Static<typeof Calendar>;
export type RawDeadline = Static<typeof Deadline>;

/**
 * The published JSON Schema (draft-07), a plain JSON object: what `negsim schema` prints.
 *
 * @example scenarioJsonSchema().$id === 'urn:negsim:scenario:v1'
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  // JSON round trip drops TypeBox's symbol-keyed metadata and gives the caller its own copy
  const schema = JSON.parse(JSON.stringify(ScenarioFileSchema)) as Record<string, unknown>;
  // the identifying keys first and the definitions last, for a reader of `negsim schema`
  const { $id, title, description, definitions, ...rest } = schema;
  return { $schema: 'http://json-schema.org/draft-07/schema#', $id, title, description, ...rest, definitions };
}
