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
 * Nothing is printed unchecked: the point at L (the QRE line, or the branch's last) must be a fixed point
 * of the logit response to within residualTolerance(lambda R) by an independent computation
 * (model/qre/fixed-point-check.ts); if it is not, or if the solver finds no answer (beyond lambda R =
 * 1e8 only nearly pure ones pass), a QreLimitError says why and no line is returned. The branch's
 * intermediate points are accurate to the tracer's corrector (about 1e-2 min(1, step) in log-ratios):
 * a drawing of the curve, as gambit-logit's.
 *
 * @example
 * nfgSolutionLines(parseNfg('NFG 1 R "PD" { "A" "B" } { 2 2 } 3 3 5 0 0 5 1 1'), { lambda: 1, nash: true });
 * // ['1.0000000000,0.2267506448,0.7732493552,0.2267506448,0.7732493552', 'NE,0,1,0,1']
 */
import { LogitQreSolver, QreLimitError } from '../model/logit-qre.js';
import { lambdaTimesRange, logitResidual, residualTolerance } from '../model/qre/fixed-point-check.js';
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
    const lambda = opts.lambda;
    if (opts.branch) {
      const points = solver.branch(nfg.game, lambda, { maxPoints: opts.maxPoints });
      checkAnswer(nfg, lambda, points[points.length - 1].probs);
      for (const point of points) lines.push(gambitLogitLine(point.lambda, point.probs, decimals));
    } else {
      const probs = solver.solve(nfg.game, lambda);
      checkAnswer(nfg, lambda, probs);
      lines.push(gambitLogitLine(lambda, probs, decimals));
    }
  }
  if (opts.nash) {
    for (const profile of pureNashEquilibria(nfg.game)) lines.push(gambitNashLine(profile, nfg.game.strategies));
  }
  return lines;
}

/** The solver's point at lambda, checked independently before it is printed (see above). */
function checkAnswer(nfg: NfgGame, lambda: number, probs: ArrayLike<number>): void {
  const tolerance = residualTolerance(lambdaTimesRange(nfg.game, lambda));
  const residual = logitResidual(nfg.game, lambda, probs);
  if (residual <= tolerance) return;
  throw new QreLimitError(
    `logit QRE: the point found at lambda = ${lambda} fails the fixed-point check (residual ${residual.toExponential(2)}, ` +
      `tolerance ${tolerance.toExponential(2)}); it is not printed`,
  );
}
