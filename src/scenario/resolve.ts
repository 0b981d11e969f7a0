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
import type {
  ActorSpec, BeliefSpec, ConditionSpec, Diagnostic, ExitSpec, InclinationSpec, IssueSpec, Location, MeasureSpec,
  ModelParams, Observed, ObservedQuestion, OutsideOptionSpec, ParamSpec, PressureSpec, PrioritySpec, PushedAction, Scenario, Slot,
  SourceSpec,
} from './types.js';
import { exprNames, type ExprIR } from './expr-ir.js';
import { parseExpression } from './expression.js';
import { MAX_FILE_BYTES, MAX_PARTIES } from './limits.js';
import { EXIT_NAMES, RESERVED_NAMES } from './names.js';
import { didYouMean } from './nearest.js';
import { findQuote, normaliseForQuote } from './quotes.js';
import { canBeSatisfied } from './satisfiable.js';
import { RANGE, type RawActor, type RawMeasure, type RawObserved, type RawPressure, type RawUncertain, type ScenarioFile } from './schema.js';
import { explainUncertain, toDistribution } from './uncertain.js';
import { distributionMean } from './distributions/mean.js';
import type { Locator, Path } from './locate.js';

export { MAX_FILE_BYTES };

type RangeName = keyof typeof RANGE;

const MODEL_KEYS: readonly [string, keyof ModelParams, number, RangeName][] = [
  ['lambda', 'lambda', 8, 'lambda'],
  ['discount', 'discount', 0.9, 'unit'],
  ['miss', 'miss', 0.2, 'unit'],
  ['false_alarm', 'falseAlarm', 0.05, 'unit'],
  ['audience_cost', 'audienceCost', 0.1, 'cost'],
  ['flexibility', 'flexibility', 0.15, 'unit'],
  ['outside_option', 'outsideOption', 0.4, 'unit'],
  ['betrayal_cost', 'betrayalCost', 0.3, 'cost'],
  ['attend_alone_cost', 'attendAloneCost', 0.05, 'cost'],
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

class Resolver {
  private readonly diags: Diagnostic[] = [];
  private readonly params: ParamSpec[] = [];
  private readonly issueIds: string[];
  private readonly actorIds: string[];
  private readonly measureIds: string[];
  private readonly issueIndex: Map<string, number>;
  private readonly actorIndex: Map<string, number>;
  private readonly measureIndex: Map<string, number>;
  private readonly quotes: { path: Path; quote: string }[] = [];

  constructor(private readonly raw: ScenarioFile, private readonly ctx: ResolveContext) {
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
    const source = this.source();
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
    const measures = this.measureIds.map((id) => this.measure(id, raw.measures![id], model));
    if (source?.text !== undefined) this.checkQuotes(source.text, source.file ?? '');
    const observed = raw.observed === undefined ? undefined : this.observed(raw.observed, parties);

    const diagnostics = this.diags;
    if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
    const scenario: Scenario = {
      id: raw.id,
      title: raw.title,
      file: this.ctx.file,
      hash: this.ctx.hash,
      rounds: raw.rounds,
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

  private push(severity: Diagnostic['severity'], path: Path, message: string, hint: string | undefined, where: 'key' | 'value', loc?: Location): void {
    const d: Diagnostic = { severity, message, path: path.join('.') };
    if (hint !== undefined) d.hint = hint;
    const l = loc ?? (where === 'key' ? this.ctx.loc.key(path) : this.ctx.loc.value(path));
    if (l !== undefined) d.loc = l;
    this.diags.push(d);
  }

  private error(path: Path, message: string, hint?: string, where: 'key' | 'value' = 'value', loc?: Location): void {
    this.push('error', path, message, hint, where, loc);
  }

  private warn(path: Path, message: string, hint?: string, where: 'key' | 'value' = 'value'): void {
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
  private issueRef(path: Path, id: string, where: 'key' | 'value' = 'value'): number {
    const i = this.issueIndex.get(id) ?? -1;
    if (i < 0) {
      this.error(path, `unknown issue '${id}' in ${path.slice(0, -1).join('.') || path.join('.')}`,
        didYouMean(id, this.issueIds) ?? `issues: ${this.issueIds.join(', ')}`, where);
    }
    return i;
  }

  /** Index of an actor id, or -1 with an error at `path`. */
  private actorRef(path: Path, id: string, where: 'key' | 'value' = 'value'): number {
    const i = this.actorIndex.get(id) ?? -1;
    if (i < 0) {
      this.error(path, `unknown actor '${id}' in ${path.join('.')}`,
        didYouMean(id, this.actorIds) ?? `actors: ${this.actorIds.join(', ')}`, where);
    }
    return i;
  }

  /** Index of a measure id, or -1 with an error at `path`. */
  private measureRef(path: Path, id: string, where: 'key' | 'value' = 'value'): number {
    const i = this.measureIndex.get(id) ?? -1;
    if (i < 0) {
      this.error(path, `unknown measure '${id}' in ${path.slice(0, -1).join('.') || path.join('.')}`,
        didYouMean(id, this.measureIds) ?? (this.measureIds.length ? `measures: ${this.measureIds.join(', ')}` : 'the scenario has no measures'), where);
    }
    return i;
  }

  // ---------------------------------------------------------------- numbers

  private add(path: string, value: RawUncertain, range: RangeName, loc: Location | undefined): Slot {
    const [min, max] = RANGE[range];
    const p: ParamSpec = { path, dist: toDistribution(value), min, max };
    if (loc !== undefined) p.loc = loc;
    this.params.push(p);
    return this.params.length - 1;
  }

  /** A number given in the file at `path`: checked, then a slot of its own. -1 if invalid. */
  private number(path: Path, value: RawUncertain, range: RangeName): Slot {
    const label = path.join('.');
    const problem = explainUncertain(value, RANGE[range], label);
    if (problem) {
      this.error(path, problem.message, problem.hint);
      return -1;
    }
    return this.add(label, value, range, this.ctx.loc.value(path));
  }

  /** The number at `path` if given, else a fixed parameter holding `dflt`. */
  private numberOr(path: Path, value: RawUncertain | undefined, range: RangeName, dflt: number): Slot {
    return value === undefined ? this.add(path.join('.'), dflt, range, undefined) : this.number(path, value, range);
  }

  /** The number at `path` if given, else the shared slot `shared`. */
  private numberOrShared(path: Path, value: RawUncertain | undefined, range: RangeName, shared: Slot): Slot {
    return value === undefined ? shared : this.number(path, value, range);
  }

  private model(): ModelParams {
    const m = (this.raw.model ?? {}) as Record<string, RawUncertain | undefined>;
    const out = {} as ModelParams;
    for (const [key, field, dflt, range] of MODEL_KEYS) out[field] = this.numberOr(['model', key], m[key], range, dflt);
    return out;
  }

  // ---------------------------------------------------------------- source

  private source(): SourceSpec | undefined {
    const s = this.raw.source;
    if (s === undefined) return undefined;
    const out: SourceSpec = { title: s.title };
    if (s.url !== undefined) out.url = s.url;
    if (s.publisher !== undefined) out.publisher = s.publisher;
    if (s.date !== undefined) out.date = s.date;
    if (s.file === undefined) return out;
    out.file = s.file;
    const dir = resolvePath(dirname(this.ctx.file));
    const full = resolvePath(dir, s.file);
    if (!existsSync(full)) {
      this.error(['source', 'file'], `source file '${s.file}' not found (looked for ${full})`, 'source.file is relative to the scenario file');
      return out;
    }
    if (!statSync(full).isFile()) {
      this.error(['source', 'file'], `source file '${s.file}' is not a regular file (a folder or a device)`, 'name the text file that holds the source, e.g. article.txt');
      return out;
    }
    // The text goes into traces and reports; a shared scenario must not pull in other files of
    // its user's (`../../home/me/notes.txt`), so the source must lie in the scenario's folder tree.
    const real = realpathSync(full);
    const inside = relative(existsSync(dir) ? realpathSync(dir) : dir, real);
    if (inside.startsWith('..') || isAbsolute(inside)) {
      this.error(['source', 'file'], `source file '${s.file}' is outside the scenario's folder`, 'copy the source text next to the scenario file (negsim reads no files elsewhere)');
      return out;
    }
    const size = statSync(full).size;
    if (size > MAX_FILE_BYTES) {
      this.error(['source', 'file'], `source file '${s.file}' is too large (${size} bytes; the limit is ${MAX_FILE_BYTES})`);
      return out;
    }
    try {
      out.text = readFileSync(full, 'utf8').replace(/^\uFEFF/, '');
    } catch (e) {
      this.error(['source', 'file'], `source file '${s.file}' cannot be read: ${(e as Error).message}`);
    }
    return out;
  }

  private quote(path: Path, quote: string | undefined): string | undefined {
    if (quote !== undefined) this.quotes.push({ path, quote });
    return quote;
  }

  private checkQuotes(text: string, file: string): void {
    const norm = normaliseForQuote(text);
    for (const { path, quote } of this.quotes) {
      const m = findQuote(quote, norm);
      if (m.found) continue;
      const words = quote.trim().split(/\s+/);
      const head = words.slice(0, 8).join(' ') + (words.length > 8 ? ' …' : '');
      const hint = m.sourceContinues !== undefined
        ? `the first ${m.matchedWords} words match; then the source has "${m.sourceContinues}" where the quote has "${m.quoteContinues}"`
        : `copy the words from ${file} (spacing, quote marks, dashes and case may differ; mark omissions with '...')`;
      this.error(path, `quote not found in the source file ${file}: "${head}"`, hint);
    }
  }

  // ---------------------------------------------------------------- actors

  private actor(id: string, a: RawActor, model: ModelParams): ActorSpec {
    const base = ['actors', id];
    const nIssues = this.issueIds.length;
    if (a.essential === true && a.role !== 'party') {
      this.error([...base, 'essential'], `actors.${id}: only parties may be essential, and this actor is a ${a.role}`, "remove 'essential: true' or make it a party");
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
    const sincerity = this.numberOr([...base, 'sincerity'], a.sincerity, 'unit', 0.5);
    const flexibility = this.numberOrShared([...base, 'flexibility'], a.flexibility, 'unit', model.flexibility);
    const audienceCost = this.numberOrShared([...base, 'audience_cost'], a.audience_cost, 'cost', model.audienceCost);

    const beliefs: BeliefSpec[] = [];
    for (const [other, b] of Object.entries(a.beliefs ?? {})) {
      const bp = [...base, 'beliefs', other];
      const about = this.actorRef(bp, other, 'key');
      if (other === id) this.error(bp, `actors.${id} holds a belief about itself`, 'beliefs are about other actors', 'key');
      const spec: BeliefSpec = { about, sincere: this.number([...bp, 'sincere'], b.sincere, 'unit') };
      const src = this.quote([...bp, 'source'], b.source);
      if (src !== undefined) spec.source = src;
      beliefs.push(spec);
    }

    const conditions: ConditionSpec[] = [];
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
          firmness: this.numberOr([...pp, 'firmness'], p.firmness, 'unit', 1),
          penalty: this.numberOr([...pp, 'penalty'], p.penalty, 'cost', 0.5),
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
        };
        if (src !== undefined) spec.source = src;
        exits.push(spec);
      } else if ('priority' in p) {
        const issues = p.priority.map((issue, j) => this.issueRef([...pp, 'priority', j], issue));
        const spec: PrioritySpec = { issues };
        if (src !== undefined) spec.source = src;
        priorities.push(spec);
      } else if ('outside_option' in p) {
        const value = this.number([...pp, 'outside_option'], p.outside_option, 'unit');
        if (outsideOption !== undefined) {
          this.error([...pp, 'outside_option'], `actors.${id} has more than one outside_option`, 'keep one (an actor has one value of no deal)', 'key');
        }
        outsideOption = { value };
        if (src !== undefined) outsideOption.source = src;
      } else if ('inclination' in p) {
        const spec: InclinationSpec = { toward: p.inclination, strength: this.number([...pp, 'strength'], p.strength, 'strength') };
        if (src !== undefined) spec.source = src;
        inclinations.push(spec);
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
      const spec: PressureSpec = { on, toward, strength };
      const src = this.quote([...where, 'source'], pr.source);
      if (src !== undefined) spec.source = src;
      pressure.push(spec);
    });

    return {
      id,
      name: a.name,
      role: a.role,
      essential: a.essential ?? a.role === 'party',
      armed: a.armed ?? false,
      capability,
      position,
      salience,
      sincerity,
      flexibility,
      audienceCost,
      outsideOption: outsideOption ?? { value: model.outsideOption },
      conditions,
      priorities,
      exits,
      inclinations,
      beliefs,
      pressure,
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

  // ---------------------------------------------------------------- measures

  private measure(id: string, m: RawMeasure, model: ModelParams): MeasureSpec {
    const base = ['measures', id];
    const offeredBy = this.actorRef([...base, 'offered_by'], m.offered_by);
    const between = m.between.map((a, j) => this.actorRef([...base, 'between', j], a)) as [number, number];
    if (m.between[0] === m.between[1]) {
      this.error([...base, 'between'], `measures.${id}: between must name two different actors; got '${m.between[0]}' twice`);
    }
    m.between.forEach((a, j) => {
      const actor = Object.hasOwn(this.raw.actors, a) ? this.raw.actors[a] : undefined;
      if (actor === undefined) return;
      if (actor.role !== 'party') {
        this.error([...base, 'between', j], `measures.${id}: '${a}' is a ${actor.role}; a measure is between two parties`);
      } else if (m.kind === 'ceasefire' && actor.armed !== true) {
        this.error([...base, 'between', j], `measures.${id}: a ceasefire is between armed parties, and '${a}' is not armed`, `add 'armed: true' to actors.${a} if it fields forces`);
      }
    });
    const issue = m.issue === undefined ? -1 : this.issueRef([...base, 'issue'], m.issue);
    let at = 0;
    if (typeof m.at === 'number') {
      at = m.at;
      if (m.at > this.raw.rounds) {
        this.error([...base, 'at'], `measures.${id}.at: round ${m.at} is after the last round (rounds: ${this.raw.rounds})`, `use 'before' or a round in 1..${this.raw.rounds}`);
      }
    }
    if (m.tolerance !== undefined && m.kind !== 'ceasefire') {
      this.error([...base, 'tolerance'], `measures.${id}: tolerance applies to ceasefires only, and this is an ${m.kind}`, 'remove it', 'key');
    }
    const spec: MeasureSpec = {
      id,
      kind: m.kind,
      offeredBy,
      between,
      issue,
      at,
      tolerance: m.tolerance ?? 1,
      miss: this.numberOrShared([...base, 'miss'], m.miss, 'unit', model.miss),
      falseAlarm: this.numberOrShared([...base, 'false_alarm'], m.false_alarm, 'unit', model.falseAlarm),
      peace: this.numberOr([...base, 'peace'], m.peace, 'cost', 0.3),
      temptation: this.numberOr([...base, 'temptation'], m.temptation, 'cost', 0.2),
      sucker: this.numberOr([...base, 'sucker'], m.sucker, 'cost', 0.3),
    };
    const src = this.quote([...base, 'source'], m.source);
    if (src !== undefined) spec.source = src;
    return spec;
  }

  // ---------------------------------------------------------------- observed (backtests)

  /**
   * The `observed:` block: each question's actor or measure must exist and fit its ask (a party for
   * attends/withdraws, a ceasefire for accepted/held, an exchange for carried_out), outcome questions take
   * neither, and `rounds` belongs to `held` only. Its notes are not checked against the source: the
   * source predates the outcome. `parties`: the ids of the parties, in file order.
   */
  private observed(o: RawObserved, parties: readonly string[]): Observed {
    const base = ['observed'];
    if (!isRealDate(o.as_of)) {
      this.error([...base, 'as_of'], `observed.as_of: '${o.as_of}' is not a calendar date`, 'write YYYY-MM-DD, e.g. 2014-02-15');
    } else if (this.raw.as_of !== undefined && isRealDate(this.raw.as_of) && o.as_of <= this.raw.as_of) {
      this.error([...base, 'as_of'], `observed.as_of (${o.as_of}) must be after the scenario's as_of (${this.raw.as_of})`,
        'as_of is the decision date the scenario is encoded at; observed.as_of is when the outcome was known, later');
    }
    const questions: ObservedQuestion[] = [];
    for (const [id, q] of Object.entries(o.questions)) {
      const qp = [...base, 'questions', id];
      const ask = q.ask;
      const wantsActor = ask === 'attends' || ask === 'withdraws';
      const kind = ask === 'accepted' || ask === 'held' ? 'ceasefire' : ask === 'carried_out' ? 'exchange' : undefined;
      let actor = -1;
      let measure = -1;
      if (wantsActor) {
        if (q.actor === undefined) {
          this.error(qp, `observed.questions.${id}: ask '${ask}' needs an actor (the party asked about)`, `add 'actor: ${parties[0] ?? '...'}'`, 'key');
        } else {
          actor = this.actorRef([...qp, 'actor'], q.actor);
          const a = actor >= 0 ? this.raw.actors[q.actor] : undefined;
          if (a !== undefined && a.role !== 'party') {
            this.error([...qp, 'actor'], `observed.questions.${id}: '${q.actor}' is a ${a.role}; only parties attend or withdraw`, `parties: ${parties.join(', ')}`);
            actor = -1;
          }
        }
      } else if (q.actor !== undefined) {
        this.error([...qp, 'actor'], `observed.questions.${id}: ask '${ask}' takes no actor`,
          kind ? 'remove it; the measure names its sides' : "remove it; the question is about the talks' outcome (for one party, use attends or withdraws)", 'key');
      }
      if (kind !== undefined) {
        const fit = this.measureIds.filter((m) => this.raw.measures![m].kind === kind);
        if (q.measure === undefined) {
          this.error(qp, `observed.questions.${id}: ask '${ask}' needs a measure (${kind === 'ceasefire' ? 'a ceasefire' : 'an exchange'})`,
            fit.length ? `add 'measure: ${fit[0]}'` : `the scenario has no ${kind}; add one under measures or ask something else`, 'key');
        } else {
          const i = this.measureRef([...qp, 'measure'], q.measure);
          const found = i >= 0 ? this.raw.measures![q.measure] : undefined;
          if (found !== undefined && found.kind !== kind) {
            this.error([...qp, 'measure'], `observed.questions.${id}: ask '${ask}' is about ${kind === 'ceasefire' ? 'a ceasefire' : 'an exchange'}, and '${q.measure}' is ${found.kind === 'ceasefire' ? 'a ceasefire' : 'an exchange'}`,
              fit.length ? `use ${fit.map((m) => `'${m}'`).join(' or ')}, or ask ${kind === 'ceasefire' ? "'carried_out'" : "'accepted' or 'held'"}` : undefined);
          } else {
            measure = i;
          }
        }
      } else if (q.measure !== undefined) {
        this.error([...qp, 'measure'], `observed.questions.${id}: ask '${ask}' takes no measure`,
          wantsActor ? 'remove it' : "remove it, or ask 'accepted', 'held' or 'carried_out' about the measure", 'key');
      }
      if (q.rounds !== undefined) {
        if (ask !== 'held') {
          this.error([...qp, 'rounds'], `observed.questions.${id}: rounds applies to ask 'held' only`, 'remove it', 'key');
        } else if (q.rounds > this.raw.rounds) {
          this.error([...qp, 'rounds'], `observed.questions.${id}.rounds: ${q.rounds} is more than the scenario's rounds (${this.raw.rounds})`,
            `use 1..${this.raw.rounds}, or leave rounds out for "kept to the end"`);
        }
      }
      const spec: ObservedQuestion = { id, ask, actor, measure, rounds: q.rounds ?? 0, answer: q.answer === true || q.answer === 'yes' };
      if (q.note !== undefined) spec.note = q.note;
      questions.push(spec);
    }
    const positions: Observed['positions'] = [];
    for (const [issue, value] of Object.entries(o.positions ?? {})) {
      const i = this.issueRef([...base, 'positions', issue], issue, 'key');
      if (i >= 0) positions.push({ issue: i, value });
    }
    positions.sort((a, b) => a.issue - b.issue);
    const out: Observed = { asOf: o.as_of, questions, positions };
    if (o.note !== undefined) out.note = o.note;
    return out;
  }

}

/** YYYY-MM-DD naming a real day of the Gregorian calendar. */
function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

