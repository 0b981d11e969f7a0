/**
 * What a command's --help shows beyond its flags, in a module that loads nothing (main.ts, start-up).
 *
 * @example
 * examples([['negsim solve game.nfg --nash', 'the pure-strategy Nash equilibria']])
 * // 'Examples:\n  negsim solve game.nfg --nash\n      the pure-strategy Nash equilibria'
 */

/**
 * A command's examples for its --help, each command on a line of its own and what it does indented below
 * (yargs' own two-column examples break a long command across lines, where it cannot be copied).
 */
export function examples(list: readonly [command: string, what: string][]): string {
  return `Examples:\n${list.map(([c, w]) => `  ${c}\n      ${w}`).join('\n')}`;
}
