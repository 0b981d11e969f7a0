/**
 * What `negsim solve GAME.nfg` prints: a game read from Gambit's .nfg format, solved by the
 * simulator's own logit-QRE solver (LogitQreSolver, the one every stage game of a run goes through)
 * and written as Gambit's tools write it (gambit-format.ts):
 *
 * - `lambda: L`: one line `L,p_1,...,p_m`, the principal-branch QRE at L — the line
 *   `gambit-logit -q -e -d D -l L` prints;
 * - `branch`: the points along the principal branch from the centroid (lambda 0) to L, the last
 *   exactly at L — the lines `gambit-logit -q -d D -l L` prints, except that Gambit repeats its last
 *   point and steps differently, so the lambdas between the ends differ;
 * - `nash`: one `NE,...` line per pure-strategy Nash equilibrium, as `gambit-enumpure` prints them.
 *
 * QRE lines come first, then equilibria. Lines are returned without a newline.
 *
 * @example
 * nfgSolutionLines(parseNfg('NFG 1 R "PD" { "A" "B" } { 2 2 } 3 3 5 0 0 5 1 1'), { lambda: 1, nash: true });
 * // ['1.0000000000,0.2267506448,0.7732493552,0.2267506448,0.7732493552', 'NE,0,1,0,1']
 */
import { LogitQreSolver } from '../model/logit-qre.js';
import type { NfgGame } from '../model/nfg.js';
import { pureNashEquilibria } from '../model/pure-nash.js';
import { gambitLogitLine, gambitNashLine } from './gambit-format.js';

export interface NfgSolutionOptions {
  /** rationality parameter of the QRE; no QRE line when absent */
  lambda?: number;
  /** print the points along the principal branch up to lambda */
  branch?: boolean;
  /** print the pure-strategy Nash equilibria */
  nash?: boolean;
  /** digits, as gambit-logit's -d (default 10) */
  decimals?: number;
  /** most branch points printed (default 2000; thinned evenly beyond) */
  maxPoints?: number;
}

export const DEFAULT_DECIMALS = 10;

export function nfgSolutionLines(nfg: NfgGame, opts: NfgSolutionOptions, solver = new LogitQreSolver()): string[] {
  const decimals = opts.decimals ?? DEFAULT_DECIMALS;
  const lines: string[] = [];
  if (opts.lambda !== undefined) {
    if (opts.branch) {
      for (const point of solver.branch(nfg.game, opts.lambda, { maxPoints: opts.maxPoints })) {
        lines.push(gambitLogitLine(point.lambda, point.probs, decimals));
      }
    } else {
      lines.push(gambitLogitLine(opts.lambda, solver.solve(nfg.game, opts.lambda), decimals));
    }
  }
  if (opts.nash) {
    for (const profile of pureNashEquilibria(nfg.game)) lines.push(gambitNashLine(profile, nfg.game.strategies));
  }
  return lines;
}
