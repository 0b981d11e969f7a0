/**
 * What the command line says when it cannot make sense of the words it was given: yargs' messages made
 * into ones a user can act on — an unknown command or flag with the nearest one ("did you mean"), each
 * unknown flag named once (yargs names `--max-minutez` twice, as `max-minutez` and `maxMinutez`), a missing
 * argument said in the command's own terms — and the one place a bare `-` (standard input) is understood.
 *
 * @example
 * usageMessage('Unknown arguments: max-minutez, maxMinutez', { argv: ['run', '--max-minutez', '3'], commands: ['run'], options: ['max-minutes', 'runs'] })
 * // "unknown flag --max-minutez (did you mean --max-minutes?)"
 */
import { nearest } from '../scenario/nearest.js';
import { terminalSafe } from '../report/terminal-text.js';

/** What the words were checked against: the command names, and the flags of the command given (or the global ones). */
export interface UsageContext {
  argv: readonly string[];
  commands: readonly string[];
  options: readonly string[];
}

/** The command a command line names: its first word that is not a flag (undefined if none). */
export function commandOf(argv: readonly string[]): string | undefined {
  return argv.find((a) => !a.startsWith('-'));
}

/** yargs' message `msg` in words a user can act on. */
export function usageMessage(msg: string, ctx: UsageContext): string {
  const command = commandOf(ctx.argv);
  const unknown = /^Unknown arguments?: (.*)$/s.exec(msg);
  if (unknown) {
    const names = dedupeCamel(unknown[1].split(', ').map((s) => s.trim()).filter(Boolean));
    if (command !== undefined && names.includes(command) && !ctx.commands.includes(command)) {
      const near = nearest(command, ctx.commands);
      return `unknown command '${terminalSafe(command)}'${near ? ` (did you mean ${near}?)` : ''}; the commands are ${ctx.commands.join(', ')}`;
    }
    const flags = names.filter((n) => ctx.argv.some((a) => a === `--${n}` || a.startsWith(`--${n}=`) || a === `-${n}` || a === `--no-${n}`));
    const words = names.filter((n) => !flags.includes(n));
    const lines: string[] = [];
    for (const f of flags) {
      const near = nearest(f, ctx.options.filter((o) => o.length > 1));
      lines.push(`unknown flag ${flagName(f)}${near ? ` (did you mean --${near}?)` : ''}`);
    }
    if (words.length > 0) {
      lines.push(`unexpected argument${words.length === 1 ? '' : 's'} ${words.map((w) => `'${terminalSafe(w)}'`).join(', ')} (negsim ${command ?? ''}${command ? ' ' : ''}--help lists what it takes)`);
    }
    return lines.join('\n');
  }
  if (/^Not enough non-option arguments/.test(msg)) {
    if (command === 'merge') return 'name the part files to merge, e.g. negsim merge part-*.json (parts are written by negsim run FILE --shard k/N --out part-k.json)';
    if (command === 'validate') return 'name at least one scenario file, e.g. negsim validate scenarios/geneva-2014.yaml (or - for standard input)';
    return `${command ?? 'negsim'}: an argument is missing`;
  }
  return terminalSafe(msg);
}

/** yargs adds the camelCase form of each unknown kebab-case flag; a user typed one of them. */
function dedupeCamel(names: string[]): string[] {
  const camel = (s: string) => s.replace(/-+([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return names.filter((n, i) => !names.some((m, j) => j !== i && m.includes('-') && camel(m) === n) && names.indexOf(n) === i);
}

function flagName(f: string): string {
  return f.length === 1 ? `-${f}` : `--${terminalSafe(f)}`;
}

/** Marks the one `-` negsim reads (validate's standard input) after yargs, which drops a bare `-`, has parsed. */
export const STDIN_FILE = '\u0000stdin';

/**
 * A bare `-` in `argv`: for `validate`, standard input (returned as STDIN_FILE in its place); anywhere else
 * a message saying why not (yargs would silently read `run -` as the bundled scenario). Returns the
 * arguments to parse, or the message.
 */
export function stdinArgument(argv: readonly string[]): string[] | { problem: string } {
  const at = argv.indexOf('-');
  if (at < 0) return [...argv];
  const end = argv.indexOf('--');
  if (end >= 0 && end < at) return [...argv];
  const command = commandOf(argv);
  if (command === 'validate') return argv.map((a, i) => (a === '-' && i >= at ? STDIN_FILE : a));
  return {
    problem: "'-' names no file here: only negsim validate - reads standard input; save the scenario to a file and name it, " +
      'and give outputs a file name (stdout already carries the table, or the JSON with --json)',
  };
}
