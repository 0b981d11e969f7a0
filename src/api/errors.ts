/**
 * What the library throws for input a user can fix, as typed exceptions: a program tells them apart
 * with `instanceof` and reads the details as data; the command line prints their message and exits 1
 * (src/cli/main.ts). Anything else the library throws is a bug.
 *
 * @example
 * try {
 *   loadScenario('talks.yaml');
 * } catch (e) {
 *   if (!(e instanceof ScenarioError)) throw e;
 *   for (const p of e.problems) console.error(`${p.file}:${p.line}:${p.column}: ${p.message} (${p.hint})`);
 * }
 */
import { formatDiagnostic } from '../scenario/diagnostic.js';
import type { Diagnostic } from '../scenario/types.js';

/**
 * One problem of a scenario (or of an override of it), as data: what `negsim validate` prints as
 * `file:line:column: error: message` with its hint.
 */
export interface Problem {
  severity: 'error' | 'warning';
  message: string;
  /** How to fix it, when there is something to say. */
  hint?: string;
  /** The file (or the name given to a text); set on every problem of a scenario. */
  file?: string;
  /** 1-based line and column of the offending value, when there is a place to point at. */
  line?: number;
  column?: number;
  /** Dotted path of the offending value (`actors.gov.capability`), when there is one. */
  path?: string;
  /** The problem as the command line prints it, hint included. */
  text: string;
}

/** A diagnostic of the loader as a Problem; `file` names the scenario when the diagnostic has no place. */
export function toProblem(d: Diagnostic, file?: string): Problem {
  // (fields in the order a reader wants them: where, what, how to fix it)
  const p = { severity: d.severity } as Problem;
  const where = d.loc?.file ?? file;
  if (where !== undefined) p.file = where;
  if (d.loc) {
    p.line = d.loc.line;
    p.column = d.loc.column;
  }
  p.message = d.message;
  if (d.hint !== undefined) p.hint = d.hint;
  if (d.path) p.path = d.path;
  p.text = formatDiagnostic(d);
  return p;
}

/** The base of every error the library throws for bad input. */
export class NegsimError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NegsimError';
  }
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/**
 * A scenario that does not load: every problem found (errors, and the warnings found beside them), in
 * file order.
 */
export class ScenarioError extends NegsimError {
  /** The errors (severity 'error') among `problems`. */
  readonly errors: Problem[];

  constructor(readonly file: string, readonly problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(`${errors.map((p) => p.text).join('\n')}\n${count(errors.length, 'problem')} in ${file}`);
    this.name = 'ScenarioError';
    this.errors = errors;
  }
}

/** Overrides (`--set path=value`) that cannot be applied: an unknown path, a value out of range. */
export class OverrideError extends NegsimError {
  constructor(readonly problems: Problem[]) {
    super(`${problems.map((p) => p.text).join('\n')}\n${count(problems.length, 'problem')} with the overrides`);
    this.name = 'OverrideError';
  }
}

/** An option out of its range: `runs: 0`, `seed: 1.5`, `precision: 2`. */
export class OptionError extends NegsimError {
  constructor(readonly option: string, message: string) {
    super(message);
    this.name = 'OptionError';
  }
}

/**
 * Input other than a scenario that negsim cannot use: a CSV of positions, the parts of a sharded run.
 * `problems`: one line each (a part's file name first, when there is one).
 */
export class InputError extends NegsimError {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'InputError';
  }
}
