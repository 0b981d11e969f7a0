/**
 * Ids and reserved names of the scenario format (docs/SCENARIO.md, "Ids").
 */
import { FUNCTIONS } from './expr-ir.js';

/** Issue, actor, measure and `with` ids. */
export const ID_PATTERN = '^[a-z][a-z0-9_]*$';
/** The scenario's own id (may start with a digit and contain '-'). */
export const SCENARIO_ID_PATTERN = '^[a-z0-9][a-z0-9_-]*$';
export const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

/** Names an exit expression may read besides issues and `with` names, with their meaning. */
export const EXIT_NAMES: readonly string[] = ['deviation', 'breach', 'violations', 'trust', 'round', 'rounds'];

/**
 * Names no id may take: the exit-expression names, constants, the expression functions; and, beyond
 * the format's list, the words mathjs parses as operators or constants (an issue called `and` or
 * `null` could never be used in an expression) and JavaScript object internals.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  ...EXIT_NAMES, 'true', 'false', 'pi', 'e', ...Object.keys(FUNCTIONS),
  'and', 'or', 'xor', 'not', 'mod', 'to', 'in', 'null', 'undefined',
  'constructor', 'prototype', '__proto__',
]);

/** Ids of entries of a structured sources file (docs/SCENARIO.md, "Sources and quotes"). */
export const SOURCE_ID_PATTERN = '^[a-z0-9][a-z0-9_-]*$';
