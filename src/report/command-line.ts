/**
 * How outputs say what command made them. `--set` overrides written out in full, the same way everywhere: as `--set` takes them (`path=value`,
 * an uncertain value in YAML flow syntax), in the tables, in a CSV field and in the "run it again"
 * command of a report — there as shell words, each quoted for a POSIX shell when it needs to be.
 *
 * @example
 * overrideText('actors.gov.capability', { uniform: [0.5, 0.8] }) // 'actors.gov.capability={uniform: [0.5, 0.8]}'
 * overridesText({ 'model.lambda': 10, rounds: 4 })                 // 'model.lambda=10; rounds=4'
 * setArgs({ 'actors.gov.capability': { uniform: [0.5, 0.8] } })   // " --set 'actors.gov.capability={uniform: [0.5, 0.8]}'"
 * shellQuote('x;echo INJECTED;#.yaml')                             // "'x;echo INJECTED;#.yaml'"
 * shellQuote("it's.yaml")                                          // "'it'\\''s.yaml'"
 * scenarioWord('-rf.yaml')                                         // './-rf.yaml'
 */

/** A value as `--set` reads it: a number as it is, an uncertain value in YAML flow syntax. */
export function overrideValue(v: unknown): string {
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v).replace(/"([a-z_]+)":/g, '$1: ').replace(/,/g, ', ');
}

/** One override as `--set` takes it. */
export function overrideText(path: string, value: unknown): string {
  return `${path}=${overrideValue(value)}`;
}

/** Every override, in the order given, separated by `; ` (empty when there are none). */
export function overridesText(overrides: Record<string, unknown> | undefined): string {
  return overrides ? Object.entries(overrides).map(([k, v]) => overrideText(k, v)).join('; ') : '';
}

/** The overrides as the `--set` arguments that reproduce them, each a leading space and a quoted word. */
export function setArgs(overrides: Record<string, unknown> | undefined): string {
  return overrides ? Object.entries(overrides).map(([k, v]) => ` --set ${shellQuote(overrideText(k, v))}`).join('') : '';
}

/**
 * A word for a POSIX shell: as it is when it holds only characters no shell gives a meaning to, else in
 * single quotes (inside which nothing is special), each `'` written as `'\''`.
 */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_./:,@%+=-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, "'\\''")}'`;
}

/**
 * A scenario file as a word of the command that reproduces an output: its name (outputs name the
 * scenario by its file name, the same from any folder; the command is run in the scenario's folder),
 * quoted, and never read as a flag.
 */
export function scenarioWord(file: string): string {
  return shellQuote(file.startsWith('-') ? `./${file}` : file);
}
