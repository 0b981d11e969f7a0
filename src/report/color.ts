/**
 * Colour in the terminal tables, and when to use it. Only the tables' headings and flags are coloured
 * (bold headings, a yellow flag), never a number: a table read without colour says the same. Files
 * (CSV, JSON, parts) and anything piped are never coloured.
 *
 * When (https://no-color.org): colour only when stdout is a terminal, `--no-color` was not given and
 * `NO_COLOR` is not set to a non-empty value ("when present and not an empty string ... prevents the
 * addition of ANSI color").
 *
 * @example
 * colorEnabled({ flag: undefined, env: {}, isTTY: true })                // true
 * colorEnabled({ flag: undefined, env: { NO_COLOR: '1' }, isTTY: true }) // false
 * painter(true).heading('Outcome')                                       // '\x1b[1mOutcome\x1b[22m'
 */

export interface ColorContext {
  /** `--color` as yargs reads it: false after `--no-color`, else true or undefined. */
  flag: boolean | undefined;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether the stream the table goes to is a terminal. */
  isTTY: boolean;
}

export function colorEnabled(c: ColorContext): boolean {
  if (c.flag === false) return false;
  const noColor = c.env.NO_COLOR;
  if (noColor !== undefined && noColor !== '') return false;
  return c.isTTY;
}

export interface Paint {
  /** A heading line or column heading: bold. */
  heading: (text: string) => string;
  /** A mark that asks for attention (a difference beyond Monte Carlo error): yellow. */
  flag: (text: string) => string;
}

const sgr = (on: number, off: number) => (t: string) => `\x1b[${on}m${t}\x1b[${off}m`;

/** No colour: every function returns its text unchanged. */
export const PLAIN: Paint = { heading: (t) => t, flag: (t) => t };

export function painter(on: boolean): Paint {
  return on ? { heading: sgr(1, 22), flag: sgr(33, 39) } : PLAIN;
}
