/**
 * Scenarios for the library: load one from a file or a text, check one, and change its numbers as
 * `--set path=value` does. The checks are the command line's own (src/scenario/load.ts), and so are the
 * problems, given as data (Problem: file, line, column, message, hint).
 *
 * @example
 * const talks = loadScenario('scenarios/geneva-2014.yaml', { set: { 'model.lambda': 10 } });
 * talks.scenario.actors.map((a) => a.id); // ['gov', 'snc', 'russia', 'us', 'un']
 * talks.overrides;                         // { 'model.lambda': 10 }
 * checkScenario({ text: 'id: x\n', name: 'x.yaml' }).filter((p) => p.severity === 'error').length; // > 0
 */
import { loadScenario as loadScenarioFile } from '../scenario/load.js';
import { applySets, parseSetArg, type Overrides, type SetArg } from '../scenario/override.js';
import type { Diagnostic, Scenario } from '../scenario/types.js';
import { OverrideError, ScenarioError, toProblem, type Problem } from './errors.js';
import { BUNDLED_SCENARIO } from './version.js';

export type { Overrides, Scenario };

/**
 * Overrides as `--set` takes them: `['model.lambda=10', 'actors.gov.capability={uniform: [0.5, 0.8]}']`,
 * or as an object `{ 'model.lambda': 10, 'actors.gov.capability': { uniform: [0.5, 0.8] } }` (a value
 * that is not a number is read as the YAML a file would hold there).
 */
export type OverrideInput = readonly string[] | Readonly<Record<string, unknown>>;

/** A scenario ready to play: the file as resolved, the overrides applied to it, and its warnings. */
export interface LoadedScenario {
  readonly scenario: Scenario;
  /** The overrides applied, path -> value, in the order given ({} for none). */
  readonly overrides: Overrides;
  /** What the loader warned about (entries with no effect, and the like); the scenario plays anyway. */
  readonly warnings: readonly Problem[];
}

export interface LoadOptions {
  /** Overrides to apply once loaded (withOverrides). */
  set?: OverrideInput;
}

/** Where the text of a scenario comes from: a file, or a text with the name it is known by. */
export type ScenarioSource = string | { text: string; name?: string };

/** The name a text is known by when none is given: YAML, in the working directory. */
export const TEXT_NAME = 'scenario.yaml';

function read(source: ScenarioSource): { name: string; diagnostics: Diagnostic[]; scenario?: Scenario } {
  if (typeof source === 'string') return { name: source, ...loadScenarioFile(source) };
  const name = source.name ?? TEXT_NAME;
  return { name, ...loadScenarioFile(name, { text: source.text }) };
}

/**
 * Every problem of a scenario, errors and warnings, in file order; an empty list when it is clean.
 * Never throws for bad input. A text's `source.file` is read relative to its name.
 */
export function checkScenario(source: ScenarioSource): Problem[] {
  const r = read(source);
  return r.diagnostics.map((d) => toProblem(d, r.name));
}

/**
 * Load and check a scenario file (default: the bundled Geneva II scenario) and apply `opts.set`.
 * Throws ScenarioError (with every problem) when the file does not load, OverrideError when an
 * override does not apply.
 */
export function loadScenario(path: string = BUNDLED_SCENARIO, opts: LoadOptions = {}): LoadedScenario {
  return loaded(read(path), opts);
}

/**
 * A scenario from its text: `name` (default scenario.yaml) names it in problems, says YAML or JSON by
 * its extension, and is where a `source.file` is looked for. Throws as loadScenario does.
 */
export function parseScenario(text: string, opts: LoadOptions & { name?: string } = {}): LoadedScenario {
  return loaded(read({ text, name: opts.name }), opts);
}

function loaded(r: ReturnType<typeof read>, opts: LoadOptions): LoadedScenario {
  const problems = r.diagnostics.map((d) => toProblem(d, r.name));
  if (!r.scenario || problems.some((p) => p.severity === 'error')) throw new ScenarioError(r.name, problems);
  const base: LoadedScenario = { scenario: r.scenario, overrides: {}, warnings: problems };
  return opts.set === undefined ? base : withOverrides(base, opts.set);
}

/** Overrides as `path=value` texts (an object's values written as the YAML a file would hold). */
export function overrideArgs(set: OverrideInput): string[] {
  if (Array.isArray(set)) return set.map(String);
  return Object.entries(set).map(([path, value]) => `${path}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
}

/**
 * The scenario with numbers changed as `--set path=value` changes them: each value checked as the
 * file's would be (its range, the distribution rules), a path unknown to the scenario refused with
 * the nearest one as a hint. Overrides already applied stay; a path may be set once. The scenario
 * given is not changed. Throws OverrideError with every problem.
 */
export function withOverrides(loaded: LoadedScenario, set: OverrideInput): LoadedScenario {
  const parsed: SetArg[] = [];
  const problems: Diagnostic[] = [];
  const args = overrideArgs(set);
  for (const a of args) {
    const r = parseSetArg(a);
    if ('severity' in r) problems.push(r);
    else if (Object.hasOwn(loaded.overrides, r.path)) {
      problems.push({ severity: 'error', message: `--set ${a}: ${r.path} is set already`, hint: 'give each path one --set', path: r.path });
    } else parsed.push(r);
  }
  const applied = applySets(loaded.scenario, parsed);
  const all = [...problems, ...applied.diagnostics];
  if (all.length > 0 || !applied.scenario) throw new OverrideError(all.map((d) => toProblem(d)));
  if (args.length === 0) return loaded;
  return { scenario: applied.scenario, overrides: { ...loaded.overrides, ...applied.overrides }, warnings: loaded.warnings };
}
