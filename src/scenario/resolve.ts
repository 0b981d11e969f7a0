/**
 * From a schema-valid file to a `Scenario`: the checks a schema cannot express (references between
 * ids, reserved names, distribution parameters, expressions, quotes, role rules) and the resolution
 * of every number into a parameter slot.
 *
 * Parameter order (what `sampleParams` draws, so it fixes which uniform feeds which number): the nine
 * model parameters in the order of docs/SCENARIO.md; then each actor in file order — capability,
 * positions and saliences in issue order, sincerity, flexibility, audience_cost, beliefs in file
 * order, preferences in file order (their `with` names, then firmness, penalty, cost, strength,
 * outside_option), pressure in file order; then each measure in file order (miss, false_alarm, peace,
 * temptation, sucker). Reordering keys inside an actor therefore changes nothing; reordering actors,
 * beliefs or preferences changes which draws they get.
 *
 * Defaults that come from `model.*` (flexibility, audience_cost, outside_option, measure miss and
 * false_alarm) and an exit's default cost (the actor's audience cost) share that slot; other
 * defaults (salience 0.5, sincerity 0.5, firmness 1, penalty 0.5, peace 0.3, temptation 0.2,
 * sucker 0.3) get a fixed parameter of their own, so `--set` can still name them.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve as resolvePath } from 'node:path';
import { DEAL } from './types.js';
import type {
  ActorSpec, AttendIfSpec, BeliefSpec, ConditionSpec, GuaranteeSpec, Diagnostic, ExitSpec, InclinationSpec, IssueSpec, Location, MeasureSpec,
  ModelParams, Observed, ObservedQuestion, OutsideOptionSpec, ParamSpec, PressureSpec, PrioritySpec, PushedAction, Scenario, Slot,
  SourceSpec,
} from './types.js';
import { exprNames, type ExprIR } from './expr-ir.js';
import { parseExpression } from './expression.js';
import { MAX_FILE_BYTES, MAX_PARTIES } from './limits.js';
import { EXIT_NAMES, RESERVED_NAMES } from './names.js';
import { didYouMean } from './nearest.js';
import { resolveMeasure } from './resolve-measure.js';
import { resolveObserved } from './resolve-observed.js';
import { checkQuotes, resolveSource } from './resolve-source.js';
import { noEffectWarnings } from './no-effect.js';
import { roundDate, roundOfDate } from './calendar.js';
import { isRealDate } from './sources-file.js';
import { canBeSatisfied } from './satisfiable.js';
import { RANGE, type RawActor, type RawMeasure, type RawObserved, type RawPressure, type RawUncertain, type ScenarioFile } from './schema.js';
import { explainUncertain, toDistribution } from './uncertain.js';
import { distributionMean } from './distributions/mean.js';
import type { Locator, Path } from './locate.js';

export { MAX_FILE_BYTES };

type RangeName = keyof typeof RANGE;

/**
 * The model's global parameters: key in the file, field, default, range. The first nine keep the order
 * they have always had (parameter slots, and so the draws, of old files do not move); the split audience
 * costs come last and default to `audience_cost`'s slot (see model()).
 */
export const MODEL_KEYS: readonly [string, keyof ModelParams, number, RangeName][] = [
  ['lambda', 'lambda', 7.05, 'lambda'],
  ['discount', 'discount', 0.9, 'unit'],
  ['miss', 'miss', 0.2, 'unit'],
  ['false_alarm', 'falseAlarm', 0.05, 'unit'],
  ['audience_cost', 'audienceCost', 0.551, 'cost'],
  ['flexibility', 'flexibility', 0.218, 'unit'],
  ['outside_option', 'outsideOption', 0.55, 'unit'],
  ['betrayal_cost', 'betrayalCost', 0.0094, 'cost'],
  ['attend_alone_cost', 'attendAloneCost', 0.0177, 'cost'],
  ['sincerity', 'sincerity', 0.5, 'unit'],
  ['delay_cost', 'delayCost', 0.02, 'cost'],
  ['war_gain', 'warGain', 0, 'gain'],
  ['firmness', 'firmness', 1, 'unit'],
  ['penalty', 'penalty', 0.5, 'cost'],
];
/** Model keys whose default is another key's slot: [key, field, the field whose slot it shares, range]. */
export const MODEL_SHARED_KEYS: readonly [string, keyof ModelParams, keyof ModelParams, RangeName][] = [
  ['boycott_cost', 'boycottCost', 'audienceCost', 'cost'],
  ['walkout_cost', 'walkoutCost', 'audienceCost', 'cost'],
  ['offer_cost', 'offerCost', 'audienceCost', 'cost'],
];

export interface ResolveContext {
  file: string;
  hash: string;
  loc: Locator;
}

/** Resolve a schema-valid file. `scenario` is set only when there is no error. */
export function resolveScenario(raw: ScenarioFile, ctx: ResolveContext): { scenario?: Scenario; diagnostics: Diagnostic[] } {
  return new Resolver(raw, ctx).run();
}

/** Resolves one file; its helpers (numbers, references, diagnostics) are used by resolve-*.ts. */
export class Resolver {
  private readonly diags: Diagnostic[] = [];
  private readonly params: ParamSpec[] = [];
  readonly issueIds: string[];
  readonly actorIds: string[];
  readonly measureIds: string[];
  readonly issueIndex: Map<string, number>;
  readonly actorIndex: Map<string, number>;
  readonly measureIndex: Map<string, number>;
  readonly quotes: { path: Path; quote: string }[] = [];

  constructor(readonly raw: ScenarioFile, readonly ctx: ResolveContext) {
    this.issueIds = Object.keys(raw.issues);
    this.actorIds = Object.keys(raw.actors);
    this.measureIds = Object.keys(raw.measures ?? {});
    this.issueIndex = new Map(this.issueIds.map((id, i) => [id, i]));
    this.actorIndex = new Map(this.actorIds.map((id, i) => [id, i]));
    this.measureIndex = new Map(this.measureIds.map((id, i) => [id, i]));
  }

  run(): { scenario?: Scenario; diagnostics: Diagnostic[] } {
    const raw = this.raw;
    this.checkIds();
    if (raw.as_of !== undefined && !isRealDate(raw.as_of)) {
      this.error(['as_of'], `as_of: '${raw.as_of}' is not a calendar date`, 'write YYYY-MM-DD, e.g. 2014-01-17');
    }
    const model = this.model();
    const source = resolveSource(this);
    const issues: IssueSpec[] = this.issueIds.map((id) => {
      const i = raw.issues[id];
      return { id, name: i.name ?? id, low: i.low, high: i.high };
    });
    const actors = this.actorIds.map((id) => this.actor(id, raw.actors[id], model));
    const parties = this.actorIds.filter((id) => raw.actors[id].role === 'party');
    if (parties.length === 0) {
      this.error(['actors'], "no actor has role 'party': a negotiation needs at least one party", "set 'role: party' on the negotiating sides", 'key');
    } else if (parties.every((id) => raw.actors[id].essential === false)) {
      this.error(['actors', parties[0]], 'no party is essential: agreement is defined as every essential party accepting, so at least one must be',
        `remove 'essential: false' from the party (or parties) whose acceptance a deal needs`, 'key');
    } else if (parties.length > MAX_PARTIES) {
      this.error(['actors', parties[MAX_PARTIES]], `too many parties: ${parties.length}; the limit is ${MAX_PARTIES}`,
        `each round is a game with up to 3^parties action profiles (3^${MAX_PARTIES} = ${3 ** MAX_PARTIES}), and each party more triples the time and memory of every run; make minor sides sponsors, or merge allied parties`, 'key');
    }
    const measures = this.measureIds.map((id) => resolveMeasure(this, id, raw.measures![id], model));
    const time = this.time();
    if (source !== undefined) checkQuotes(this, source);
    const observed = raw.observed === undefined ? undefined : resolveObserved(this, raw.observed, parties, source?.entries);
    if (!this.diags.some((d) => d.severity === 'error')) noEffectWarnings(this, actors, measures);

    const diagnostics = this.diags;
    if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
    const scenario: Scenario = {
      id: raw.id,
      title: raw.title,
      file: this.ctx.file,
      hash: this.ctx.hash,
      rounds: raw.rounds,
      ...time,
      issues,
      actors,
      measures,
      model,
      params: this.params,
    };
    if (raw.as_of !== undefined) scenario.asOf = raw.as_of;
    if (source !== undefined) scenario.source = source;
    if (observed !== undefined) scenario.observed = observed;
    return { scenario, diagnostics };
  }

  // ---------------------------------------------------------------- diagnostics

  /** A diagnostic made elsewhere (the sources file's own, located in that file). */
  diagnostic(d: Diagnostic): void {
    this.diags.push(d);
  }

  private push(severity: Diagnostic['severity'], path: Path, message: string, hint: string | undefined, where: 'key' | 'value', loc?: Location): void {
    const d: Diagnostic = { severity, message, path: path.join('.') };
    if (hint !== undefined) d.hint = hint;
    const l = loc ?? (where === 'key' ? this.ctx.loc.key(path) : this.ctx.loc.value(path));
    if (l !== undefined) d.loc = l;
    this.diags.push(d);
  }

  error(path: Path, message: string, hint?: string, where: 'key' | 'value' = 'value', loc?: Location): void {
    this.push('error', path, message, hint, where, loc);
  }

  warn(path: Path, message: string, hint?: string, where: 'key' | 'value' = 'value'): void {
    this.push('warning', path, message, hint, where);
  }

  // ---------------------------------------------------------------- ids and references

  private checkIds(): void {
    const reserved = (kind: string, group: string, id: string): void => {
      if (RESERVED_NAMES.has(id)) {
        this.error([group, id], `'${id}' is a reserved name and cannot be ${kind} id`, `reserved names: ${[...RESERVED_NAMES].join(', ')}`, 'key');
      }
    };
    for (const id of this.issueIds) reserved('an issue', 'issues', id);
    for (const id of this.actorIds) {
      reserved('an actor', 'actors', id);
      if (this.issueIndex.has(id)) {
        this.error(['actors', id], `'${id}' is both an issue id and an actor id`, 'rename one of them', 'key');
      }
    }
    for (const id of this.measureIds) reserved('a measure', 'measures', id);
  }

  /** Index of an issue id, or -1 with an error at `path`. */
  issueRef(path: Path, id: string, where: 'key' | 'value' = 'value'): number {
    const i = this.issueIndex.get(id) ?? -1;
    if (i < 0) {
      this.error(path, `unknown issue '${id}' in ${path.slice(0, -1).join('.') || path.join('.')}`,
        didYouMean(id, this.issueIds) ?? `issues: ${this.issueIds.join(', ')}`, where);
    }
    return i;
  }

  /** Index of an actor id, or -1 with an error at `path`. */
  actorRef(path: Path, id: string, where: 'key' | 'value' = 'value'): number {
    const i = this.actorIndex.get(id) ?? -1;
    if (i < 0) {
      this.error(path, `unknown actor '${id}' in ${path.join('.')}`,
        didYouMean(id, this.actorIds) ?? `actors: ${this.actorIds.join(', ')}`, where);
    }
    return i;
  }

  /** Index of a measure id, or -1 with an error at `path`. */
  measureRef(path: Path, id: string, where: 'key' | 'value' = 'value'): number {
    const i = this.measureIndex.get(id) ?? -1;
    if (i < 0) {
      this.error(path, `unknown measure '${id}' in ${path.slice(0, -1).join('.') || path.join('.')}`,
        didYouMean(id, this.measureIds) ?? (this.measureIds.length ? `measures: ${this.measureIds.join(', ')}` : 'the scenario has no measures'), where);
    }
    return i;
  }

  // ---------------------------------------------------------------- numbers

  add(path: string, value: RawUncertain, range: RangeName, loc: Location | undefined): Slot {
    const [min, max] = RANGE[range];
    const p: ParamSpec = { path, dist: toDistribution(value), min, max };
    if (loc !== undefined) p.loc = loc;
    this.params.push(p);
    return this.params.length - 1;
  }

  /** A number given in the file at `path`: checked, then a slot of its own. -1 if invalid. */
  number(path: Path, value: RawUncertain, range: RangeName): Slot {
    const label = path.join('.');
    const problem = explainUncertain(value, RANGE[range], label);
    if (problem) {
      this.error(path, problem.message, problem.hint);
      return -1;
    }
    return this.add(label, value, range, this.ctx.loc.value(path));
  }

  /** The number at `path` if given, else a fixed parameter holding `dflt`. */
  numberOr(path: Path, value: RawUncertain | undefined, range: RangeName, dflt: number): Slot {
    return value === undefined ? this.add(path.join('.'), dflt, range, undefined) : this.number(path, value, range);
  }

  /** The number at `path` if given, else the shared slot `shared`. */
  numberOrShared(path: Path, value: RawUncertain | undefined, range: RangeName, shared: Slot): Slot {
    return value === undefined ? shared : this.number(path, value, range);
  }

  private model(): ModelParams {
    const m = (this.raw.model ?? {}) as Record<string, RawUncertain | undefined>;
    const out = {} as ModelParams;
    for (const [key, field, dflt, range] of MODEL_KEYS) out[field] = this.numberOr(['model', key], m[key], range, dflt);
    for (const [key, field, shared, range] of MODEL_SHARED_KEYS) out[field] = this.numberOrShared(['model', key], m[key], range, out[shared]);
    return out;
  }

  // ---------------------------------------------------------------- time

  /** calendar, deadline, window, framework (docs/SCENARIO.md, "Time"). */
  private time(): Pick<Scenario, 'deadline' | 'deadlineCost' | 'window' | 'framework' | 'calendar'> {
    const raw = this.raw;
    const out: Pick<Scenario, 'deadline' | 'deadlineCost' | 'window' | 'framework' | 'calendar'> = {
      deadline: 0, deadlineCost: -1, window: raw.window ?? 0, framework: [],
    };
    const c = raw.calendar;
    if (c !== undefined) {
      if ('dates' in c) {
        c.dates.forEach((d, j) => {
          if (!isRealDate(d)) this.error(['calendar', 'dates', j], `calendar.dates: '${d}' is not a calendar date`, 'write YYYY-MM-DD');
          else if (j > 0 && d <= c.dates[j - 1]) this.error(['calendar', 'dates', j], `calendar.dates: ${d} does not come after ${c.dates[j - 1]}`, 'one date per round, in order');
        });
        if (c.dates.length !== raw.rounds) {
          this.error(['calendar', 'dates'], `calendar.dates lists ${c.dates.length} date${c.dates.length === 1 ? '' : 's'}, and the scenario has ${raw.rounds} rounds`, 'give one date per round of talks');
        }
        out.calendar = { dates: c.dates };
      } else {
        if (!isRealDate(c.start)) this.error(['calendar', 'start'], `calendar.start: '${c.start}' is not a calendar date`, 'write YYYY-MM-DD');
        out.calendar = { start: c.start, everyDays: c.every_days };
      }
      const first = out.calendar === undefined ? undefined : roundDate(out.calendar, 1);
      if (first !== undefined && raw.as_of !== undefined && first < raw.as_of) {
        this.warn(['calendar'], `the first round (${first}) opens before the scenario's as_of (${raw.as_of})`, 'as_of is the decision date the inputs are read at; rounds before it have already happened', 'key');
      }
    }
    const d = raw.deadline;
    if (d !== undefined) {
      let round = -1;
      if ((d.round === undefined) === (d.date === undefined)) {
        this.error(['deadline'], 'deadline: give round or date (one of them)', 'e.g. deadline: {date: 1998-04-09} or {round: 4}', 'key');
      } else if (d.round !== undefined) {
        round = d.round;
      } else if (!isRealDate(d.date!)) {
        this.error(['deadline', 'date'], `deadline.date: '${d.date}' is not a calendar date`, 'write YYYY-MM-DD');
      } else if (out.calendar === undefined) {
        this.error(['deadline', 'date'], 'deadline: a date needs a calendar', "add 'calendar: {start: DATE, every_days: N}', or give the deadline's round");
      } else {
        round = roundOfDate(out.calendar, d.date!, raw.rounds);
        if (round === 0) this.error(['deadline', 'date'], `deadline: ${d.date} falls before the first round`, 'check the date and the calendar');
      }
      if (round > raw.rounds) {
        this.error(['deadline', 'round'], `deadline.round: ${round} is after the last round (rounds: ${raw.rounds})`, `use 1..${raw.rounds}`);
      } else if (round >= 1) {
        out.deadline = round;
      }
      out.deadlineCost = this.numberOr(['deadline', 'cost'], d.cost, 'cost', 0);
      this.quote(['deadline', 'source'], d.source);
    }
    for (const m of this.measureIds) {
      const at = raw.measures![m].at;
      if (typeof at === 'number' && out.deadline > 0 && at <= raw.rounds && at > out.deadline) {
        this.error(['measures', m, 'at'], `measures.${m} is offered in round ${at}, after the deadline's round (${out.deadline})`, 'offer it by the deadline, or move the deadline');
      }
    }
    out.framework = (raw.framework ?? []).map((issue, j) => this.issueRef(['framework', j], issue));
    if (raw.framework !== undefined && raw.framework.length === this.issueIds.length) {
      this.warn(['framework'], 'the framework covers every issue, so it is the full deal', 'list only the issues of the framework (a declaration of principles), or remove framework', 'key');
    }
    return out;
  }

  // ---------------------------------------------------------------- quotes

  quote(path: Path, quote: string | undefined): string | undefined {
    if (quote !== undefined) this.quotes.push({ path, quote });
    return quote;
  }

  // ---------------------------------------------------------------- actors

  private actor(id: string, a: RawActor, model: ModelParams): ActorSpec {
    const base = ['actors', id];
    const nIssues = this.issueIds.length;
    if (a.essential === true && a.role !== 'party') {
      this.error([...base, 'essential'], `actors.${id}: only parties may be essential, and this actor is a ${a.role}`, "remove 'essential: true' or make it a party");
    }
    const atTable = a.at_table ?? (a.role === 'party' || a.role === 'mediator');
    if (a.role === 'ratifier' && a.at_table === true) {
      this.error([...base, 'at_table'], `actors.${id}: a ratifier approves a signed deal and never sits at the table`, 'remove at_table, or make it a party');
    }
    if (a.role === 'party' && !atTable && a.essential === true) {
      this.error([...base, 'essential'], `actors.${id}: a party excluded from the table (at_table: false) cannot be essential`, 'remove one of the two');
    }
    const capability = this.number([...base, 'capability'], a.capability, 'unit');
    const position = new Array<Slot>(nIssues).fill(-1);
    const salience = new Array<Slot>(nIssues).fill(-1);
    const pos = a.position ?? {};
    const sal = a.salience ?? {};
    for (const k of Object.keys(pos)) this.issueRef([...base, 'position', k], k, 'key');
    for (const k of Object.keys(sal)) {
      if (this.issueRef([...base, 'salience', k], k, 'key') >= 0 && !Object.hasOwn(pos, k)) {
        this.error([...base, 'salience', k], `actors.${id} has a salience for '${k}' but no position on it`, `add 'position: {${k}: ...}' or remove this salience`, 'key');
      }
    }
    this.issueIds.forEach((issue, i) => {
      if (Object.hasOwn(pos, issue)) position[i] = this.number([...base, 'position', issue], pos[issue], 'position');
    });
    this.issueIds.forEach((issue, i) => {
      if (Object.hasOwn(pos, issue)) salience[i] = this.numberOr([...base, 'salience', issue], sal[issue], 'unit', 0.5);
    });
    // a mediator proposes from the others' positions and needs none of its own
    if (Object.keys(pos).length === 0 && a.role !== 'mediator') {
      this.warn(base, `actors.${id} has no position on any issue`, 'it will not pull proposals anywhere; add a position if it has views', 'key');
    }
    const sincerity = this.numberOrShared([...base, 'sincerity'], a.sincerity, 'unit', model.sincerity);
    const flexibility = this.numberOrShared([...base, 'flexibility'], a.flexibility, 'unit', model.flexibility);
    const audienceCost = this.numberOrShared([...base, 'audience_cost'], a.audience_cost, 'cost', model.audienceCost);
    // an actor's own audience_cost sets all three roles (what it always meant); else each role's model default
    const roleCost = (key: 'boycott_cost' | 'walkout_cost' | 'offer_cost', dflt: Slot): Slot =>
      this.numberOrShared([...base, key], a[key], 'cost', a.audience_cost !== undefined ? audienceCost : dflt);
    const boycottCost = roleCost('boycott_cost', model.boycottCost);
    const walkoutCost = roleCost('walkout_cost', model.walkoutCost);
    const offerCost = roleCost('offer_cost', model.offerCost);
    const warGain = this.numberOrShared([...base, 'war_gain'], a.war_gain, 'gain', model.warGain);

    const beliefs: BeliefSpec[] = [];
    for (const [other, b] of Object.entries(a.beliefs ?? {})) {
      const bp = [...base, 'beliefs', other];
      const about = this.actorRef(bp, other, 'key');
      if (other === id) this.error(bp, `actors.${id} holds a belief about itself`, 'beliefs are about other actors', 'key');
      const spec: BeliefSpec = { about, sincere: this.number([...bp, 'sincere'], b.sincere, 'unit'), path: bp.join('.') };
      const src = this.quote([...bp, 'source'], b.source);
      if (src !== undefined) spec.source = src;
      beliefs.push(spec);
    }

    const conditions: ConditionSpec[] = [];
    const attendIf: AttendIfSpec[] = [];
    const exits: ExitSpec[] = [];
    const priorities: PrioritySpec[] = [];
    const inclinations: InclinationSpec[] = [];
    let outsideOption: OutsideOptionSpec | undefined;
    (a.preferences ?? []).forEach((p, k) => {
      const pp = [...base, 'preferences', k];
      const src = this.quote([...pp, 'source'], p.source);
      if ('red_line' in p || 'precondition' in p) {
        const kind = 'red_line' in p ? 'red_line' : 'precondition';
        const text = 'red_line' in p ? p.red_line : p.precondition;
        const withSlots = this.withNames(pp, p.with);
        const expr = this.expression([...pp, kind], text, withSlots, false);
        const spec: ConditionSpec = {
          kind, text, expr: expr ?? { t: 'num', v: 1 }, with: withSlots,
          firmness: this.numberOrShared([...pp, 'firmness'], p.firmness, 'unit', model.firmness),
          penalty: this.numberOrShared([...pp, 'penalty'], p.penalty, 'cost', model.penalty),
          path: pp.join('.'),
        };
        if (src !== undefined) spec.source = src;
        if (expr !== undefined) this.checkSatisfiable([...pp, kind], kind, expr, withSlots);
        conditions.push(spec);
      } else if ('exit' in p) {
        const withSlots = this.withNames(pp, p.with);
        const expr = this.expression([...pp, 'exit'], p.exit, withSlots, true);
        const spec: ExitSpec = {
          text: p.exit, expr: expr ?? { t: 'num', v: 0 }, with: withSlots,
          cost: this.numberOrShared([...pp, 'cost'], p.cost, 'cost', audienceCost),
          path: pp.join('.'),
        };
        if (src !== undefined) spec.source = src;
        exits.push(spec);
      } else if ('priority' in p) {
        const issues = p.priority.map((issue, j) => this.issueRef([...pp, 'priority', j], issue));
        const spec: PrioritySpec = { issues, path: pp.join('.') };
        if (src !== undefined) spec.source = src;
        priorities.push(spec);
      } else if ('outside_option' in p) {
        const value = this.number([...pp, 'outside_option'], p.outside_option, 'unit');
        if (outsideOption !== undefined) {
          this.error([...pp, 'outside_option'], `actors.${id} has more than one outside_option`, 'keep one (an actor has one value of no deal)', 'key');
        }
        outsideOption = { value, path: pp.join('.') };
        if (src !== undefined) outsideOption.source = src;
      } else if ('inclination' in p) {
        const spec: InclinationSpec = { toward: p.inclination, strength: this.number([...pp, 'strength'], p.strength, 'strength'), path: pp.join('.') };
        if (src !== undefined) spec.source = src;
        inclinations.push(spec);
      } else if ('attend_if' in p) {
        const measure = this.measureRef([...pp, 'attend_if'], p.attend_if);
        const m = measure >= 0 ? this.raw.measures![p.attend_if] : undefined;
        if (a.role !== 'party') {
          this.error([...pp, 'attend_if'], `actors.${id}: only parties attend, and this actor is a ${a.role}`, 'remove the preference', 'key');
        } else if (m !== undefined && m.at !== undefined && m.at !== 'before') {
          this.error([...pp, 'attend_if'], `actors.${id}.preferences.${k}: attend_if needs a measure offered before the talks, and '${p.attend_if}' is ${m.at === 'in_force' ? 'in force already (the condition always holds)' : `offered in round ${m.at}`}`,
            m.at === 'in_force' ? 'remove the preference: it is met' : `set measures.${p.attend_if}.at: before, or remove the preference`);
        }
        const spec: AttendIfSpec = {
          measure,
          firmness: this.numberOr([...pp, 'firmness'], p.firmness, 'unit', 1),
          penalty: this.numberOr([...pp, 'penalty'], p.penalty, 'cost', 0.5),
          path: pp.join('.'),
        };
        if (src !== undefined) spec.source = src;
        attendIf.push(spec);
      }
    });

    const pressure: PressureSpec[] = [];
    const rawPressure: RawPressure[] = a.pressure === undefined ? [] : Array.isArray(a.pressure) ? a.pressure : [a.pressure];
    rawPressure.forEach((pr, k) => {
      const where = Array.isArray(a.pressure) ? [...base, 'pressure', k] : [...base, 'pressure'];
      const on = this.actorRef([...where, 'on'], pr.on);
      if (pr.on === id) this.error([...where, 'on'], `actors.${id} presses itself`, 'pressure is on another actor; use an inclination for the actor itself');
      const toward: PushedAction[] = Array.isArray(pr.toward) ? [...pr.toward] : [pr.toward];
      const label = [...base, 'pressure', k, 'strength'].join('.');
      const problem = explainUncertain(pr.strength, RANGE.pressure, label);
      let strength = -1;
      if (problem) this.error([...where, 'strength'], problem.message, problem.hint);
      else strength = this.add(label, pr.strength, 'pressure', this.ctx.loc.value([...where, 'strength']));
      const spec: PressureSpec = { on, toward, strength, path: [...base, 'pressure', k].join('.') };
      const src = this.quote([...where, 'source'], pr.source);
      if (src !== undefined) spec.source = src;
      pressure.push(spec);
    });

    const guarantees: GuaranteeSpec[] = (a.guarantees ?? []).map((g, k) => {
      const gp = [...base, 'guarantees', k];
      const of = g.of === 'deal' ? DEAL : this.measureRef([...gp, 'of'], g.of);
      const spec: GuaranteeSpec = { of, strength: this.number([...gp, 'strength'], g.strength, 'unit'), path: gp.join('.') };
      const src = this.quote([...gp, 'source'], g.source);
      if (src !== undefined) spec.source = src;
      return spec;
    });

    return {
      id,
      name: a.name,
      role: a.role,
      essential: a.essential ?? (a.role === 'party' && atTable),
      atTable,
      armed: a.armed ?? false,
      capability,
      position,
      salience,
      sincerity,
      flexibility,
      audienceCost,
      boycottCost,
      walkoutCost,
      offerCost,
      warGain,
      outsideOption: outsideOption ?? { value: model.outsideOption },
      conditions,
      priorities,
      exits,
      inclinations,
      beliefs,
      pressure,
      attendIf,
      guarantees,
    };
  }

  /** The `with` names of a preference: checked and given slots, in file order. */
  private withNames(pp: Path, w: Record<string, RawUncertain> | undefined): { name: string; slot: Slot }[] {
    const out: { name: string; slot: Slot }[] = [];
    for (const [name, value] of Object.entries(w ?? {})) {
      const path = [...pp, 'with', name];
      if (RESERVED_NAMES.has(name)) this.error(path, `'${name}' is a reserved name and cannot be a 'with' name`, undefined, 'key');
      else if (this.issueIndex.has(name)) this.error(path, `'with' name '${name}' is already an issue id`, 'choose another name (it would hide the issue)', 'key');
      out.push({ name, slot: this.number(path, value, 'with') });
    }
    return out;
  }

  /** Parse a condition or exit expression; errors located in the string. */
  private expression(path: Path, text: string, withSlots: { name: string }[], exit: boolean): ExprIR | undefined {
    const scope = [...this.issueIds, ...withSlots.map((w) => w.name), ...(exit ? EXIT_NAMES : [])];
    const elsewhere = new Map<string, string>();
    if (!exit) for (const n of EXIT_NAMES) elsewhere.set(n, 'is only available in exit expressions');
    for (const a of this.actorIds) if (!scope.includes(a)) elsewhere.set(a, "is an actor; expressions read issue positions and 'with' names");
    const r = parseExpression(text, scope, 'boolean', { elsewhere });
    if (!r.ok) {
      this.error(path, `${path.join('.')}: ${r.message}`, r.hint, 'value', this.ctx.loc.inString(path, r.offset));
      return undefined;
    }
    const used = exprNames(r.ir);
    for (const w of withSlots) {
      if (!used.includes(w.name)) this.warn([...path.slice(0, -1), 'with', w.name], `'with' name '${w.name}' is not used in the expression`, undefined, 'key');
    }
    return r.ir;
  }

  private checkSatisfiable(path: Path, kind: string, ir: ExprIR, withSlots: { name: string; slot: Slot }[]): void {
    const used = exprNames(ir);
    const issues = used.filter((n) => this.issueIndex.has(n));
    const fixed = new Map<string, number>();
    for (const w of withSlots) {
      if (w.slot < 0) return;
      const p = this.params[w.slot];
      fixed.set(w.name, Math.min(p.max, Math.max(p.min, distributionMean(p.dist))));
    }
    if (!canBeSatisfied(ir, issues, fixed)) {
      const on = issues.length ? ` on ${issues.join(', ')} in [0, 100]` : '';
      this.warn(path, `${path.join('.')}: no deal${on} can satisfy this ${kind === 'red_line' ? 'red line' : 'precondition'}`,
        'check the comparison and the threshold; issues run from 0 (low) to 100 (high)');
    }
  }

}
