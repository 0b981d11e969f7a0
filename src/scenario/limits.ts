/**
 * The sizes a scenario may have, and why. A scenario file may come from anyone; these bounds keep
 * loading and running it within seconds and within memory whatever it holds, and each one is far
 * above what a hand-written negotiation needs (the Geneva II scenario: 6 actors, 4 issues, 2 measures,
 * 5 preferences on one actor). Each is checked with a message naming the limit (schema.ts for the
 * counts, resolve.ts for the parties), and README.md "Safety" lists them with the others:
 * file size (MAX_FILE_BYTES below), YAML aliases and nesting (load.ts, yaml-parse.ts), expression
 * length and depth (expression.ts), rounds (schema.ts), runs (cli/run.ts).
 */

/** Bytes of a scenario file, a source file it quotes, or a CSV of positions (negsim forecast). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Issues in a scenario. */
export const MAX_ISSUES = 50;
/** Actors in a scenario (parties, sponsors and mediators together). */
export const MAX_ACTORS = 50;
/**
 * Parties in a scenario. Every round is a normal-form game among the parties at the table, each with
 * up to three actions (accept, continue, withdraw), so it has up to 3^parties action profiles: 6,561
 * for 8 parties, where one run takes a few milliseconds; each party more multiplies time and memory by
 * three (11 parties: about 0.1 s a run; 15: 14 million profiles, gigabytes for one round's payoffs).
 */
export const MAX_PARTIES = 8;
/** Confidence-building measures in a scenario. */
export const MAX_MEASURES = 50;
/** Preferences of one actor, and pressure entries of one actor. */
export const MAX_PREFERENCES = 50;
/** Runs of one Monte Carlo (`--runs`, a part's total runs): 10^8 runs take about an hour on two cores. */
export const MAX_RUNS = 100_000_000;
/** Rounds of talks. */
export const MAX_ROUNDS = 200;
/** Observed violations a ceasefire tolerates (its `tolerance`, in the file and by `--set`). */
export const MAX_TOLERANCE = 100;
/**
 * Sides of one measure. A measure among n sides, each sincere or buying time, is an agent-form game of
 * 2n two-action agents: 2^(2n) profiles (256 for four sides, played every round of a ceasefire); five
 * sides would be 1,024 profiles a round, and real multi-sided truces rarely have more than four armed
 * sides that each decide for themselves.
 */
export const MAX_MEASURE_SIDES = 4;
