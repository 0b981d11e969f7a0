import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { LogitQreSolver } from '../../src/model/logit-qre.js';
import { makeGame } from '../../src/model/normal-form.js';
import { UniqueBinaryQre } from '../../src/model/unique-binary-qre.js';
import { lcg, maxDiff, residual } from './random-games.js';

/** Payoffs of a two-player game, player 0 fastest: u0[a][s], u1[a][s] for player 0's a and player 1's s. */
function payoffs(u0: number[][], u1: number[][]): number[] {
  const k0 = u0.length, k1 = u0[0].length;
  const p = new Array<number>(2 * k0 * k1);
  for (let a = 0; a < k0; a++) {
    for (let s = 0; s < k1; s++) {
      p[2 * (a + k0 * s)] = u0[a][s];
      p[2 * (a + k0 * s) + 1] = u1[a][s];
    }
  }
  return p;
}

/** Roots of h(y) = y - G(y) on a grid of n + 1 points (sign changes), from the definition, for soundness. */
function gridRoots(ks: number[], p: number[], lambda: number, n: number): number {
  const game = makeGame(ks, p);
  const b = ks[0] === 2 ? 0 : 1;
  const mP = 1 - b;
  const m = ks[mP];
  const h = (y: number): number => {
    // M's logit response to P_B(0) = y, then B's response to it
    const sigma = new Array<number>(ks[0] + ks[1]).fill(0);
    const oB = b === 0 ? 0 : m, oM = b === 0 ? 2 : 0;
    sigma[oB] = y;
    sigma[oB + 1] = 1 - y;
    for (let a = 0; a < m; a++) sigma[oM + a] = 1 / m;
    const uM: number[] = [];
    for (let a = 0; a < m; a++) {
      const pr = (s: number) => 2 * (mP === 0 ? a + m * s : s + 2 * a);
      uM.push(y * game.payoffs[pr(0) + mP] + (1 - y) * game.payoffs[pr(1) + mP]);
    }
    const top = Math.max(...uM.map((u) => lambda * u));
    const e = uM.map((u) => Math.exp(lambda * u - top));
    const sum = e.reduce((x, z) => x + z, 0);
    let D = 0;
    for (let a = 0; a < m; a++) {
      const pr = (s: number) => 2 * (mP === 0 ? a + m * s : s + 2 * a);
      D += (e[a] / sum) * (game.payoffs[pr(0) + b] - game.payoffs[pr(1) + b]);
    }
    return y - 1 / (1 + Math.exp(-lambda * D));
  };
  let roots = 0;
  let prev = h(0);
  for (let i = 1; i <= n; i++) {
    const cur = h(i / n);
    if ((prev < 0 && cur >= 0) || (prev > 0 && cur <= 0)) roots++;
    prev = cur;
  }
  return roots;
}

test('doc example: 3 strategies against 2 at lambda 2, certified (bound 0.03), equal to a cautious trace', () => {
  const p = payoffs([[0.1, 0.3], [0.2, 0], [0, 0.1]], [[0.2, 0], [0, 0.1], [0.1, 0.1]]);
  const out = new Float64Array(5);
  assert.ok(new UniqueBinaryQre().solve([3, 2], p, 2, out));
  const rounded = Array.from(out, (x) => Math.round(x * 1e9) / 1e9);
  assert.equal(rounded, [0.387920499, 0.32339865, 0.288680851, 0.522606694, 0.477393306]);
  const traced = new LogitQreSolver({ caution: 0.05 }).solve(makeGame([3, 2], p), 2);
  assert.ok(maxDiff(out, traced) < 1e-12, `differs from the trace by ${maxDiff(out, traced)}`);
});

test('certified games (2 to 4 strategies against 2, either player first) agree with a cautious trace to 1e-11, fixed points to 1e-13', () => {
  const rand = lcg(21);
  const solver = new UniqueBinaryQre();
  const ref = new LogitQreSolver({ caution: 0.05 });
  let tried = 0, certified = 0, worst = 0, worstResidual = 0;
  for (let k = 0; k < 600; k++) {
    const m = 2 + (k % 3);
    const ks = k % 2 === 0 ? [m, 2] : [2, m];
    const scale = [0.3, 1, 3][k % 3 === 0 ? 0 : Math.floor(k / 3) % 3];
    const p = Array.from({ length: 4 * m }, () => (rand() - 0.5) * scale);
    const lambda = [1, 3, 7.05][Math.floor(k / 9) % 3];
    const out = new Float64Array(m + 2);
    tried++;
    if (!solver.solve(ks, p, lambda, out)) continue;
    certified++;
    const game = makeGame(ks, p);
    worst = Math.max(worst, maxDiff(out, ref.solve(game, lambda)));
    worstResidual = Math.max(worstResidual, residual(game, lambda, out));
    assert.ok(solver.residual < 1e-13, `${solver.residual}`);
  }
  assert.ok(worst < 1e-11, `largest difference from the trace ${worst}`);
  assert.ok(worstResidual < 1e-13, `largest fixed-point residual ${worstResidual}`);
  assert.ok(certified > 0.5 * tried && certified < tried, `certified ${certified} of ${tried}`);
});

test('the certificate is sound: every certified game has exactly one root on a fine grid', () => {
  const rand = lcg(23);
  const solver = new UniqueBinaryQre();
  let checked = 0;
  for (let k = 0; k < 120; k++) {
    const m = 3;
    const ks = k % 2 === 0 ? [m, 2] : [2, m];
    const p = Array.from({ length: 4 * m }, () => (rand() - 0.5) * 2);
    const lambda = [2, 4][k % 2];
    if (!solver.solve(ks, p, lambda, new Float64Array(5))) continue;
    checked++;
    assert.is(gridRoots(ks, p, lambda, 20_000), 1, `game ${k}`);
  }
  assert.ok(checked > 30, `only ${checked} certified`);
});

test('a coordination game with three QRE is declined and out is left alone; so are 3x3 games and non-finite payoffs', () => {
  // both prefer to match on strategy 0 or 1 (player 0's third strategy is poor): at lambda 20, three QRE
  const p = payoffs([[1, 0], [0, 1], [-1, -1]], [[1, 0], [0, 1], [0, 0]]);
  assert.is(gridRoots([3, 2], p, 20, 20_000), 3);
  const out = new Float64Array(5).fill(7);
  const solver = new UniqueBinaryQre();
  assert.not.ok(solver.solve([3, 2], p, 20, out));
  assert.equal(Array.from(out), [7, 7, 7, 7, 7]);
  assert.not.ok(solver.solve([3, 3], new Array(18).fill(0), 1, out));
  const bad = payoffs([[0.1, NaN], [0, 0], [0, 0]], [[0, 0], [0, 0], [0, 0]]);
  assert.not.ok(solver.solve([3, 2], bad, 1, out));
});

test('the default solver answers a certified game without tracing; a reference solver traces it', () => {
  const p = payoffs([[0.1, 0.3], [0.2, 0], [0, 0.1]], [[0.2, 0], [0, 0.1], [0.1, 0.1]]);
  const direct = new Float64Array(5);
  new UniqueBinaryQre().solve([3, 2], p, 2, direct);
  const solver = new LogitQreSolver();
  assert.equal(Array.from(solver.solve(makeGame([3, 2], p), 2)), Array.from(direct));
  assert.is(solver.stats.evaluations, 0);
  const reference = new LogitQreSolver({ shortcut: false });
  reference.solve(makeGame([3, 2], p), 2);
  assert.ok(reference.stats.evaluations > 0);
});

test.run();
