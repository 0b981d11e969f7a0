/**
 * `--set path=value`: override a number of a loaded scenario by its ParamSpec path, e.g.
 * `actors.russia.pressure.0.strength=0.9`, `model.lambda=10` or `actors.gov.capability={uniform: [0.5, 0.8]}`
 * (the value is read as YAML flow text, so any uncertain value the file format accepts is accepted here).
 *
 * Meaning: `--set P=V` means what writing `P: V` into the file would mean, and the value is checked as the
 * file's would be (the field's range; beta only on fields within [0, 1]; lo <= hi ...). In particular a
 * default shared with `model.*` (docs/SCENARIO.md): an actor without its own `flexibility` uses the slot of
 * `model.flexibility`. Then
 *   - `--set model.flexibility=0.3` changes every actor that has no flexibility of its own (as editing
 *     `model:` would);
 *   - `--set actors.gov.flexibility=0.3` gives gov a slot of its own and leaves everyone else on the model's.
 * The shared defaults that can be named this way: `actors.ID.flexibility`, `actors.ID.audience_cost` (the
 * actor's exits without a cost of their own follow it, as they would in the file), a measure's `miss`
 * and `false_alarm`, and the model's `boycott_cost`, `walkout_cost` and `offer_cost` (which default to
 * `model.audience_cost`). An exit's cost can be set where the file gives one; an outside option where the file
 * gives one (else `model.outside_option`). A new slot is appended after
 * all others, so no other number's draw moves (fixed values draw nothing; an uncertain one draws after the
 * scenario's own numbers).
 *
 * Two whole numbers that shape every run rather than being drawn can be set too: `rounds` (at least
 * the last round a measure is offered in and any backtest question's `rounds`, at most MAX_ROUNDS) and a
 * ceasefire's `measures.ID.tolerance` (1..MAX_TOLERANCE). They take a plain integer, not an uncertain value.
 * Everything else that is structure (actors, issues, expressions) is the file's to change.
 */
import { parseDocument, visit, type Document } from 'yaml';
import type { Diagnostic, ParamSpec, Scenario, Slot } from './types.js';
import { RANGE, type RawUncertain } from './schema.js';
import { explainUncertain, toDistribution } from './uncertain.js';
import { nearest } from './nearest.js';
import { MAX_ROUNDS, MAX_TOLERANCE } from './limits.js';
import { MODEL_SHARED_KEYS } from './resolve.js';

/** The first explicit tag (`!!binary`, `!foo`) in a parsed value, as written; a value from the command line needs none. */
function explicitTag(doc: Document): string | undefined {
  let tag: string | undefined;
  visit(doc, { Node(_, n) { if ('tag' in n && typeof n.tag === 'string') { tag = n.tag; return visit.BREAK; } return undefined; } });
  return tag;
}

/** One `--set` as given: the path and its value text. */
export interface SetArg {
  path: string;
  text: string;
}

/** The overrides applied, path -> value (a number or an uncertain value), in the order given. */
export type Overrides = Record<string, RawUncertain>;

export interface OverrideResult {
  /** Set only when there is no error. */
  scenario?: Scenario;
  overrides: Overrides;
  diagnostics: Diagnostic[];
}

/**
 * Split `path=value` at the first `=`.
 *
 * @example parseSetArg('model.lambda=10') // {path: 'model.lambda', text: '10'}
 */
export function parseSetArg(arg: string): SetArg | Diagnostic {
  const eq = arg.indexOf('=');
  if (eq <= 0) {
    return {
      severity: 'error',
      message: `--set ${arg}: expected path=value`,
      hint: "e.g. --set model.lambda=10 or --set 'actors.gov.capability={uniform: [0.5, 0.8]}'",
    };
  }
  return { path: arg.slice(0, eq).trim(), text: arg.slice(eq + 1).trim() };
}

/** A shared default nameable by a path of its own: the range of the new slot, and how to point the scenario at it. */
interface SharedDefault {
  range: keyof typeof RANGE;
  /** The slot the path currently reads. */
  current: Slot;
  /** Make the path read `slot`. */
  repoint: (s: Scenario, slot: Slot) => void;
}

/** The shared-default paths of a scenario (those without a ParamSpec of their own). */
function sharedDefaults(s: Scenario): Map<string, SharedDefault> {
  const own = new Set(s.params.map((p) => p.path));
  const out = new Map<string, SharedDefault>();
  const add = (path: string, d: SharedDefault) => { if (!own.has(path)) out.set(path, d); };
  s.actors.forEach((a, i) => {
    const base = `actors.${a.id}`;
    add(`${base}.flexibility`, { range: 'unit', current: a.flexibility, repoint: (t, slot) => { t.actors[i].flexibility = slot; } });
    add(`${base}.audience_cost`, {
      range: 'cost', current: a.audienceCost,
      repoint: (t, slot) => {
        const actor = t.actors[i];
        // exits with no cost of their own read the actor's audience cost (resolve.ts): they follow it
        for (const e of actor.exits) if (e.cost === actor.audienceCost) e.cost = slot;
        actor.audienceCost = slot;
      },
    });
  });
  return out;
}

/**
 * A measure's monitoring rates, which default to the model's; and the model's keys that default to
 * another key's slot (`model.boycott_cost` reads `model.audience_cost` unless the file gives it), so that
 * `--set model.boycott_cost=0.2` means what writing it into `model:` would: every actor with no cost of
 * its own for that role follows it.
 */
function moreSharedDefaults(s: Scenario, out: Map<string, SharedDefault>): void {
  const own = new Set(s.params.map((p) => p.path));
  for (const [key, field, , range] of MODEL_SHARED_KEYS) {
    if (own.has(`model.${key}`)) continue;
    out.set(`model.${key}`, {
      range, current: s.model[field],
      repoint: (t, slot) => {
        const old = t.model[field];
        t.model[field] = slot;
        for (const a of t.actors) {
          const role = a as unknown as Record<string, number>;
          if (field in role && role[field] === old) role[field] = slot;
        }
      },
    });
  }
  s.measures.forEach((m, i) => {
    const base = `measures.${m.id}`;
    if (!own.has(`${base}.miss`)) out.set(`${base}.miss`, { range: 'unit', current: m.miss, repoint: (t, slot) => { t.measures[i].miss = slot; } });
    if (!own.has(`${base}.false_alarm`)) {
      out.set(`${base}.false_alarm`, { range: 'unit', current: m.falseAlarm, repoint: (t, slot) => { t.measures[i].falseAlarm = slot; } });
    }
  });
}

/** A whole number that shapes the runs (not drawn): its range for this scenario and how to set it. */
interface Structural {
  min: number;
  max: number;
  /** Why min is what it is, for the hint when a value is below it. */
  why: string;
  apply: (s: Scenario, value: number) => void;
}

/** `rounds` and each ceasefire's `tolerance`. */
function structuralPaths(s: Scenario): Map<string, Structural> {
  const out = new Map<string, Structural>();
  let min = 1;
  let why = 'a conference has at least one round';
  for (const m of s.measures) {
    if (m.at > min) {
      min = m.at;
      why = `measures.${m.id} is offered in round ${m.at}`;
    }
  }
  for (const q of s.observed?.questions ?? []) {
    if (q.rounds > min) {
      min = q.rounds;
      why = `observed question ${q.id} asks about ${q.rounds} rounds`;
    }
  }
  out.set('rounds', { min, max: MAX_ROUNDS, why, apply: (t, v) => { t.rounds = v; } });
  s.measures.forEach((m, i) => {
    if (m.kind !== 'ceasefire') return;
    out.set(`measures.${m.id}.tolerance`, { min: 1, max: MAX_TOLERANCE, why: 'the first observed violation is the least that can call it off', apply: (t, v) => { t.measures[i].tolerance = v; } });
  });
  return out;
}

/** Every path `--set` accepts for this scenario. */
export function settablePaths(s: Scenario): string[] {
  const shared = sharedDefaults(s);
  moreSharedDefaults(s, shared);
  return [...s.params.map((p) => p.path), ...shared.keys(), ...structuralPaths(s).keys()];
}

/**
 * Apply `sets` to a copy of `scenario` (the original is not touched). Every problem is a diagnostic
 * naming the `--set`; an unknown path gets the nearest valid one as a hint.
 *
 * @example
 * const r = applySets(scenario, [{ path: 'model.lambda', text: '10' }]);
 * // r.overrides = {'model.lambda': 10}; r.scenario.params[r.scenario.model.lambda].dist = {kind: 'fixed', value: 10}
 */
export function applySets(scenario: Scenario, sets: readonly SetArg[]): OverrideResult {
  const diagnostics: Diagnostic[] = [];
  const overrides: Overrides = {};
  if (sets.length === 0) return { scenario, overrides, diagnostics };
  const s = structuredClone(scenario);
  const byPath = new Map<string, number>();
  s.params.forEach((p, i) => { if (!byPath.has(p.path)) byPath.set(p.path, i); });
  const shared = sharedDefaults(s);
  moreSharedDefaults(s, shared);
  const structural = structuralPaths(s);
  const error = (set: SetArg, message: string, hint?: string) => {
    const d: Diagnostic = { severity: 'error', message: `--set ${set.path}=${set.text}: ${message}`, path: set.path };
    if (hint !== undefined) d.hint = hint;
    diagnostics.push(d);
  };

  for (const set of sets) {
    if (Object.hasOwn(overrides, set.path)) {
      error(set, `${set.path} is set twice`, 'give each path one --set');
      continue;
    }
    const whole = structural.get(set.path);
    if (whole !== undefined) {
      const value = Number(set.text);
      if (set.text === '' || !Number.isInteger(value)) {
        error(set, `${set.path} takes a whole number`, `e.g. --set ${set.path}=${whole.min === 1 ? 4 : whole.min}; it shapes every run, so it cannot be uncertain`);
      } else if (value < whole.min || value > whole.max) {
        error(set, `${value} is outside ${whole.min}..${whole.max}`, value < whole.min ? `at least ${whole.min}: ${whole.why}` : `at most ${whole.max}`);
      } else {
        overrides[set.path] = value;
        whole.apply(s, value);
      }
      continue;
    }
    const slot = byPath.get(set.path);
    const sh = shared.get(set.path);
    if (slot === undefined && sh === undefined) {
      error(set, `no number of ${scenario.id} has the path '${set.path}'`, pathHint(set.path, settablePaths(scenario)));
      continue;
    }
    let value: unknown = null;
    if (set.text !== '') {
      // Silent: yaml would print its warnings (an unresolved tag) on stderr as Node warnings.
      const doc = parseDocument(set.text, { schema: 'core', version: '1.2', logLevel: 'silent' });
      if (doc.errors.length > 0) {
        error(set, `the value is not valid YAML flow text (${doc.errors[0].message.split('\n')[0]})`, "write a number, or e.g. '{uniform: [0.1, 0.3]}' in quotes");
        continue;
      }
      const tag = explicitTag(doc);
      if (tag !== undefined) {
        error(set, `YAML tag not allowed: ${tag.replace(/^tag:yaml\.org,2002:/, '!!')}`, "write the value itself: a number, or e.g. '{uniform: [0.1, 0.3]}'");
        continue;
      }
      value = doc.toJS();
    }
    const range = slot !== undefined ? ([s.params[slot].min, s.params[slot].max] as const) : RANGE[sh!.range];
    const problem = explainUncertain(value, range, set.path);
    if (problem) {
      error(set, problem.message.startsWith(`${set.path}`) ? problem.message.slice(set.path.length).replace(/^:?\s*/, '') : problem.message, problem.hint);
      continue;
    }
    overrides[set.path] = value as RawUncertain;
    const dist = toDistribution(value);
    if (slot !== undefined) {
      const p = s.params[slot];
      const q: ParamSpec = { path: p.path, dist, min: p.min, max: p.max };
      s.params[slot] = q; // its `loc` (the file's place) no longer holds the value
    } else {
      const [min, max] = RANGE[sh!.range];
      s.params.push({ path: set.path, dist, min, max });
      sh!.repoint(s, s.params.length - 1);
      byPath.set(set.path, s.params.length - 1);
      shared.delete(set.path);
    }
  }
  if (diagnostics.length > 0) return { overrides, diagnostics };
  return { scenario: s, overrides, diagnostics };
}

/** The nearest valid path, else those sharing the longest dotted prefix with it (at most 6). */
function pathHint(path: string, paths: string[]): string {
  const n = nearest(path, paths);
  if (n !== undefined) return `did you mean '${n}'?`;
  const parts = path.split('.');
  for (let k = parts.length - 1; k >= 1; k--) {
    const prefix = parts.slice(0, k).join('.') + '.';
    const under = paths.filter((p) => p.startsWith(prefix));
    if (under.length > 0) {
      return `paths under ${prefix.slice(0, -1)}: ${under.slice(0, 6).join(', ')}${under.length > 6 ? `, ... (${under.length} in all)` : ''}`;
    }
  }
  return `settable paths start with model., actors.ID. or measures.ID., e.g. ${paths.slice(0, 3).join(', ')}`;
}
