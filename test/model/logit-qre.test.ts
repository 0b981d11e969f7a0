import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fillBayesianPair, newBayesianPairGame } from '../../src/model/games/bayesian-pair.js';
import { LogitQreSolver, logitQre, QreLimitError } from '../../src/model/logit-qre.js';
import { logitResidual, residualTolerance } from '../../src/model/qre/fixed-point-check.js';
import { expectedPayoffs, gameFromFixture, makeGame, payoff, profileCount, type NormalFormGame, type QreFixture } from '../../src/model/normal-form.js';
import { lcg, maxDiff, residual } from './random-games.js';

// The Gambit fixtures, copied into the repository with their provenance: test/fixtures/qre/README.md.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtureDir = resolve(repoRoot, 'test', 'fixtures', 'qre');

function loadFixtures(): { file: string; fixture: QreFixture }[] {
  if (!existsSync(fixtureDir)) {
    throw new Error(
      `QRE fixtures not found: expected the folder ${fixtureDir} (test/fixtures/qre in the ` +
        'repository) holding the gambit-logit results these tests compare against',
    );
  }
  const files = readdirSync(fixtureDir).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new Error(`QRE fixtures: no *.json files in ${fixtureDir}`);
  return files.map((file) => ({ file, fixture: JSON.parse(readFileSync(resolve(fixtureDir, file), 'utf8')) }));
}


function randomGame(strategies: number[], rand: () => number, lo = -1, hi = 1): NormalFormGame {
  const len = profileCount(strategies) * strategies.length;
  return makeGame(strategies, Array.from({ length: len }, () => lo + (hi - lo) * rand()));
}


test('every gambit-logit fixture point is reproduced to 1e-6 at its reported lambda', () => {
  const solver = new LogitQreSolver();
  let points = 0;
  for (const { file, fixture } of loadFixtures()) {
    const game = gameFromFixture(fixture);
    for (const point of fixture.qre) {
      const got = solver.solve(game, point.reported_lambda);
      const want = point.strategies.flat();
      assert.is(got.length, want.length, file);
      const err = maxDiff(got, want);
      assert.ok(err < 1e-6, `${file} lambda ${point.lambda}: max error ${err}`);
      points++;
    }
  }
  assert.ok(points >= 30, `${points} fixture points checked`);
});

test('doc example: ceasefire prisoner dilemma at lambda 1 gives P(comply) = 0.226750644834 (gambit-logit)', () => {
  const pd = makeGame([2, 2], [3, 3, 5, 0, 0, 5, 1, 1]);
  const [gov, opp] = logitQre(pd, 1);
  assert.ok(Math.abs(gov[0] - 0.226750644834) < 1e-10, String(gov[0]));
  assert.ok(Math.abs(opp[1] - 0.773249355166) < 1e-10, String(opp[1]));
  assert.ok(Math.abs(gov[0] + gov[1] - 1) < 1e-15);
});

test('lambda 0 gives the centroid, for any number of players and strategies', () => {
  const solver = new LogitQreSolver();
  const rand = lcg(1);
  for (const shape of [[2, 2], [3, 2], [2, 3, 4], [1, 3], [2, 2, 2, 2]]) {
    const got = solver.solve(randomGame(shape, rand), 0);
    let o = 0;
    for (const k of shape) {
      for (let a = 0; a < k; a++) assert.is(got[o + a], 1 / k, `shape ${shape}`);
      o += k;
    }
  }
});

test('one player: its logit choice exactly, and the same as the traced branch to 1e-13', () => {
  // payoffs 0.2, 0.5, -0.1 at lambda 7.05: exp(7.05 (u - 0.5)) / sum = 0.10627, 0.88091, 0.01282
  const u = [0.2, 0.5, -0.1];
  const e = u.map((v) => Math.exp(7.05 * (v - 0.5)));
  const want = e.map((v) => v / (e[0] + e[1] + e[2]));
  const got = new LogitQreSolver().solve(makeGame([3], u), 7.05);
  assert.equal(Array.from(got), want);
  assert.ok(Math.abs(got[0] - 0.10627) < 1e-5 && Math.abs(got[2] - 0.01282) < 1e-5, `${Array.from(got)}`);
  const traced = new LogitQreSolver({ shortcut: false }).solve(makeGame([3], u), 7.05);
  assert.ok(maxDiff(got, traced) < 1e-13, `${maxDiff(got, traced)}`);
  // two actions, a large difference: no overflow, the better one nearly surely
  const two = new LogitQreSolver().solve(makeGame([2], [-400, 400]), 7.05);
  assert.equal(Array.from(two), [0, 1]);
});

test('a game whose payoffs are all equal stays at the centroid for every lambda', () => {
  const flat = makeGame([2, 3], new Array(12).fill(4));
  assert.equal(Array.from(new LogitQreSolver().solve(flat, 50)), [0.5, 0.5, 1 / 3, 1 / 3, 1 / 3]);
});

test('a dominance-solvable game approaches its pure Nash equilibrium at large lambda', () => {
  // Gibbons (1992, fig. 1.1.1): Right is strictly dominated by Middle for the column player; once it
  // is gone, Down is dominated by Up; then Middle is the column player's best reply: (Up, Middle).
  //            Left    Middle  Right
  //   Up       1, 0    1, 2    0, 1
  //   Down     0, 3    0, 1    2, 0
  const g = makeGame([2, 3], [1, 0, 0, 3, 1, 2, 0, 1, 0, 1, 2, 0]);
  const solver = new LogitQreSolver();
  const near = solver.solve(g, 100);
  const pure = [1, 0, 0, 1, 0];
  assert.ok(maxDiff(near, pure) < 1e-9, `lambda 100: ${Array.from(near)}`);
  // Monotone approach along the way: Up and Middle gain as lambda grows.
  const mid = solver.solve(g, 2).slice();
  const low = solver.solve(g, 0.5).slice();
  assert.ok(low[0] < mid[0] && mid[0] < near[0]);
  assert.ok(low[3] < mid[3] && mid[3] < near[3]);
  // Ceasefire prisoner dilemma: violating is dominant.
  const pd = makeGame([2, 2], [3, 3, 5, 0, 0, 5, 1, 1]);
  assert.ok(maxDiff(solver.solve(pd, 40), [0, 1, 0, 1]) < 1e-9);
});

test('the result is a fixed point of the logit response to 1e-9 (fixtures, random games, up to 6 players)', () => {
  const solver = new LogitQreSolver();
  for (const { fixture } of loadFixtures()) {
    const game = gameFromFixture(fixture);
    for (const lambda of [0.3, 3, 30]) {
      const r = residual(game, lambda, solver.solve(game, lambda));
      assert.ok(r < 1e-9, `${fixture.name} lambda ${lambda}: residual ${r}`);
    }
  }
  const rand = lcg(7);
  const shapes = [[2, 2], [2, 3], [3, 3], [4, 4], [2, 2, 2, 2], [3, 3, 3], [3, 2, 4], [3, 3, 3, 3, 3, 3]];
  // Players with a single strategy (no choice) may sit anywhere.
  shapes.push([3], [2, 1, 2], [2, 3, 1, 2], [1, 1, 2, 1, 1]);
  for (const shape of shapes) {
    for (let g = 0; g < (shape.length > 4 ? 2 : 10); g++) {
      const game = randomGame(shape, rand, 0, 1);
      for (const lambda of [1, 5, 20, 80]) {
        const sigma = solver.solve(game, lambda);
        const r = residual(game, lambda, sigma);
        assert.ok(r < 1e-9, `shape ${shape} game ${g} lambda ${lambda}: residual ${r}`);
        assert.ok(solver.stats.residual < 1e-9);
      }
    }
  }
});

test('payoff units do not matter: scaling payoffs by c and lambda by 1/c gives the same QRE', () => {
  const solver = new LogitQreSolver();
  const rand = lcg(11);
  const base = randomGame([3, 3], rand);
  const scaled = makeGame([3, 3], Array.from(base.payoffs, (p) => p * 1000 - 7));
  const a = solver.solve(base, 12).slice();
  const b = solver.solve(scaled, 12 / 1000);
  assert.ok(maxDiff(a, b) < 1e-9, `max difference ${maxDiff(a, b)}`);
});

test('one solver object gives identical bytes for the same game, whatever it solved in between', () => {
  const solver = new LogitQreSolver();
  const rand = lcg(3);
  const g = randomGame([3, 3], rand);
  const other = randomGame([2, 2, 2, 2], rand);
  const big = randomGame([4, 5], rand);
  const first = Buffer.from(solver.solve(g, 17).buffer).toString('hex');
  const out = new Float64Array(6);
  solver.solve(other, 3);
  solver.solve(big, 40);
  solver.solve(g, 2);
  const again = Buffer.from(solver.solve(g, 17, out).buffer).toString('hex');
  assert.is(again, first);
  const fresh = Buffer.from(new LogitQreSolver().solve(g, 17).buffer).toString('hex');
  assert.is(fresh, first);
});

test('solve writes into the given array and returns it; a too-short array is refused', () => {
  const solver = new LogitQreSolver();
  const pd = makeGame([2, 2], [3, 3, 5, 0, 0, 5, 1, 1]);
  const out = new Float64Array(5).fill(-1);
  assert.is(solver.solve(pd, 1, out), out);
  assert.is(out[4], -1);
  assert.throws(() => solver.solve(pd, 1, new Float64Array(3)), /out has length 3; needs 4/);
});

test('negative, NaN and infinite lambda are refused; malformed games too', () => {
  const solver = new LogitQreSolver();
  const pd = makeGame([2, 2], [3, 3, 5, 0, 0, 5, 1, 1]);
  for (const bad of [-1, -1e-9, NaN, Infinity]) {
    assert.throws(() => solver.solve(pd, bad), /lambda must be a finite number >= 0/);
  }
  assert.throws(() => solver.solve({ strategies: [2, 2], payoffs: new Float64Array(7) }, 1), /payoffs has length 7; expected 8/);
  assert.throws(() => solver.solve({ strategies: [2, 0], payoffs: new Float64Array(0) }, 1), /player 1 has 0 strategies/);
  const nan = new Float64Array(8);
  nan[5] = NaN;
  assert.throws(() => solver.solve({ strategies: [2, 2], payoffs: nan }, 1), /player 1 at profile 2 is NaN/);
});

test('branch: from the centroid at lambda 0 to exactly lambdaMax, ending where solve lands', () => {
  const solver = new LogitQreSolver();
  const game = gameFromFixture(loadFixtures().find((f) => f.file === 'random-3p-3a.json')!.fixture);
  const points = solver.branch(game, 5);
  assert.is(points[0].lambda, 0);
  assert.equal(Array.from(points[0].probs), new Array(9).fill(1 / 3));
  const last = points[points.length - 1];
  assert.is(last.lambda, 5);
  assert.ok(maxDiff(last.probs, solver.solve(game, 5)) < 1e-12);
  for (let i = 1; i < points.length; i++) assert.ok(points[i].lambda > points[i - 1].lambda);
  const thin = solver.branch(game, 5, { maxPoints: 10, maxStep: 0.05 });
  assert.ok(thin.length <= 10 && thin.length >= 5, `${thin.length} points`);
  assert.is(thin[thin.length - 1].lambda, 5);
});

// ---------------------------------------------------------------------------------------------
// Principal branches with folds, against a deliberately simple, independent tracer.

/** The QRE equations in log-ratio variables v (as the solver's doc comment), via expectedPayoffs. */
function logRatioSystem(game: NormalFormGame): {
  n: number;
  probs: (v: number[]) => number[];
  H: (v: number[], lambda: number) => number[];
} {
  const ks = game.strategies;
  const n = ks.reduce((a, k) => a + k - 1, 0);
  const probs = (v: number[]): number[] => {
    const out: number[] = [];
    let vo = 0;
    for (const k of ks) {
      const e = [1, ...v.slice(vo, vo + k - 1).map(Math.exp)];
      const s = e.reduce((a, b) => a + b, 0);
      out.push(...e.map((x) => x / s));
      vo += k - 1;
    }
    return out;
  };
  const H = (v: number[], lambda: number): number[] => {
    const u = expectedPayoffs(game, probs(v));
    const h: number[] = [];
    let o = 0;
    let vo = 0;
    for (const k of ks) {
      for (let a = 1; a < k; a++) h.push(v[vo + a - 1] - lambda * (u[o + a] - u[o]));
      o += k;
      vo += k - 1;
    }
    return h;
  };
  return { n, probs, H };
}

/** Gaussian elimination with partial pivoting: solves A x = b. */
function solveLinear(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, r) => [...row, b[r]]);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(M[i][k]) > Math.abs(M[p][k])) p = i;
    [M[k], M[p]] = [M[p], M[k]];
    for (let i = k + 1; i < n; i++) {
      const f = M[i][k] / M[k][k];
      for (let j = k; j <= n; j++) M[i][j] -= f * M[k][j];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = M[i][n];
    for (let j = i + 1; j < n; j++) s -= M[i][j] * x[j];
    x[i] = s / M[i][i];
  }
  return x;
}

/** Forward-difference Jacobian of F at x (rows: components of F). */
function jacobian(F: (x: number[]) => number[], x: number[], fx: number[]): number[][] {
  const J = fx.map(() => new Array<number>(x.length).fill(0));
  for (let c = 0; c < x.length; c++) {
    const xe = x.slice();
    const h = 1e-7 * Math.max(1, Math.abs(x[c]));
    xe[c] += h;
    const fe = F(xe);
    for (let r = 0; r < fx.length; r++) J[r][c] = (fe[r] - fx[r]) / h;
  }
  return J;
}

/** Plain Newton's method (forward-difference Jacobian); null if it does not converge. */
function newton(F: (x: number[]) => number[], x0: number[], maxIt = 1000): number[] | null {
  let x = x0.slice();
  for (let it = 0; it < maxIt; it++) {
    const fx = F(x);
    if (Math.max(...fx.map(Math.abs)) < 1e-12) return x;
    const d = solveLinear(jacobian(F, x, fx), fx.map((f) => -f));
    x = x.map((v, i) => v + d[i]);
  }
  return null;
}

/**
 * Reference: pseudo-arclength continuation with a fixed small step (0.005 in (v, lambda)), Euler
 * predictor, Newton corrector on [H; t . (x - x_pred)] with forward-difference Jacobians; at the
 * first step that reaches the target lambda, Newton with lambda fixed from the interpolated point.
 * Slow and simple: no step control, no shortcuts.
 */
function simpleTrace(game: NormalFormGame, target: number): number[] {
  const { n, probs, H } = logRatioSystem(game);
  const Hx = (x: number[]): number[] => H(x.slice(0, n), x[n]);
  let x = new Array<number>(n + 1).fill(0);
  const d0 = H(new Array<number>(n).fill(0), -1); // at the centroid H(0, -1) = D(centroid)
  let t = [...d0, 1];
  let norm = Math.hypot(...t);
  t = t.map((c) => c / norm);
  const h = 0.005;
  for (let step = 0; step < 100000; step++) {
    const pred = x.map((c, i) => c + h * t[i]);
    const G = (y: number[]): number[] => [...Hx(y), y.reduce((s, c, i) => s + (c - pred[i]) * t[i], 0)];
    const y = newton(G, pred, 50);
    if (y === null) throw new Error(`simple tracer: corrector failed at lambda ${x[n]}`);
    const J = jacobian(Hx, y, Hx(y));
    let w = solveLinear([...J, t], [...new Array<number>(n).fill(0), 1]);
    norm = Math.hypot(...w);
    w = w.map((c) => c / norm);
    if (y[n] >= target) {
      const s = (target - x[n]) / (y[n] - x[n]);
      const v0 = x.slice(0, n).map((c, i) => c + s * (y[i] - c));
      const v = newton((u) => H(u, target), v0, 50);
      if (v === null) throw new Error('simple tracer: landing failed');
      return probs(v);
    }
    x = y;
    t = w;
  }
  throw new Error('simple tracer: target not reached');
}

/** Naive continuation: lambda in steps of 0.01, plain Newton in v from the last solution. */
function naiveLambdaStepping(game: NormalFormGame, target: number): number[] | null {
  const { n, probs, H } = logRatioSystem(game);
  let v: number[] | null = new Array<number>(n).fill(0);
  for (let k = 1; k <= Math.round(target / 0.01); k++) {
    const lambda = Math.min(k * 0.01, target);
    v = newton((u) => H(u, lambda), v);
    if (v === null) return null;
  }
  return probs(v);
}

// A 2x3 game found by searching games with payoffs 0..9 for a principal branch on which lambda is
// not monotone. Row player: Top, Bottom; column player: Left, Centre, Right.
//
//              Left   Centre  Right
//   Top        8, 5   2, 3    0, 2
//   Bottom     4, 6   9, 6    9, 5
//
// From the centroid the branch first heads for Bottom (P(Top) falls to 0.12 by lambda 1.18) while
// the column player drifts to Left; lambda peaks at 1.2286, runs back to 0.9438 while the row
// player swings over to Top, then grows again towards the pure equilibrium (Top, Left).
const fold2x3 = makeGame([2, 3], [8, 5, 4, 6, 2, 3, 9, 6, 0, 2, 9, 5]);

// A 3x3 game from the same search:
//
//          Left   Centre  Right
//   Top    7, 7   2, 1    8, 2
//   Middle 0, 3   8, 6    8, 7
//   Bottom 4, 2   7, 7    5, 2
//
// The principal branch rises to lambda 2.0066 (near Middle / Right), folds back to 1.4985 and then
// rises again through a region of mixed play. Naive lambda-stepping cannot turn at 2.0066: its
// Newton iteration leaves the branch and settles on the QRE near the pure equilibrium (Top, Left),
// a different component.
const fold3x3 = makeGame([3, 3], [7, 7, 0, 3, 4, 2, 2, 1, 8, 6, 7, 7, 8, 2, 8, 7, 5, 2]);

test('fold: lambda runs backwards along the principal branch (1.2286 down to 0.9438), and the traced branch is continuous', () => {
  const points = new LogitQreSolver().branch(fold2x3, 2, { maxStep: 0.05, maxPoints: 100000 });
  let peak = 0;
  while (points[peak + 1].lambda >= points[peak].lambda) peak++;
  let trough = peak;
  while (points[trough + 1].lambda <= points[trough].lambda) trough++;
  assert.ok(Math.abs(points[peak].lambda - 1.2286) < 2e-3, `peak at ${points[peak].lambda}`);
  assert.ok(Math.abs(points[trough].lambda - 0.9438) < 2e-3, `trough at ${points[trough].lambda}`);
  assert.is(points[points.length - 1].lambda, 2);
  // No jumps: successive points are close (arc-length steps of at most 0.05).
  for (let i = 1; i < points.length; i++) {
    assert.ok(maxDiff(points[i].probs, points[i - 1].probs) < 0.05, `jump at point ${i}`);
  }
  // P(Top) is near 0.12 at the peak and near 1 beyond the second fold.
  assert.ok(points[peak].probs[0] < 0.2 && points[points.length - 1].probs[0] > 0.99);
});

test('fold: the solver returns the first point of the branch at the target lambda, as the simple tracer finds it', () => {
  const solver = new LogitQreSolver();
  // 1.1: three points of the branch have this lambda; the first is still on the way to Bottom.
  // 1.25: past the peak, the branch point is beyond the second fold, near (Top, Left).
  for (const [target, check] of [
    [1.1, (p: Float64Array) => p[0] < 0.2],
    [1.25, (p: Float64Array) => p[0] > 0.95 && p[2] > 0.85],
  ] as const) {
    const got = solver.solve(fold2x3, target).slice();
    const reference = simpleTrace(fold2x3, target);
    assert.ok(maxDiff(got, reference) < 1e-6, `lambda ${target}: solver ${got} vs reference ${reference}`);
    assert.ok(check(got), `lambda ${target}: ${got}`);
  }
});

test('fold: past the peak the solver stays on the principal branch, where naive lambda-stepping jumps to another QRE', () => {
  const solver = new LogitQreSolver();
  const points = solver.branch(fold3x3, 2.05, { maxStep: 0.05, maxPoints: 100000 });
  let peak = 0;
  while (points[peak + 1].lambda >= points[peak].lambda) peak++;
  assert.ok(Math.abs(points[peak].lambda - 2.0066) < 2e-3, `peak at ${points[peak].lambda}`);
  assert.ok(Math.min(...points.slice(peak).map((p) => p.lambda)) < 1.5, 'lambda falls back below 1.5');

  const target = 2.05;
  const got = solver.solve(fold3x3, target).slice();
  const reference = simpleTrace(fold3x3, target);
  assert.ok(maxDiff(got, reference) < 1e-6, `solver ${got} vs reference ${reference}`);
  assert.ok(residual(fold3x3, target, got) < 1e-9);
  const naive = naiveLambdaStepping(fold3x3, target);
  assert.ok(naive !== null, 'naive Newton converges, on some QRE');
  assert.ok(residual(fold3x3, target, naive) < 1e-9, `naive is a QRE: ${naive}`);
  assert.ok(naive[0] > 0.99 && naive[3] > 0.99, `naive lands near (Top, Left): ${naive}`);
  assert.ok(maxDiff(got, naive) > 0.5, `solver ${got} vs naive ${naive}`);
});

test('a symmetric game: the principal branch is the symmetric one, also past a bifurcation', () => {
  // Hawk-dove (chicken): (Dove, Dove) 3,3; Dove vs Hawk 1,5; Hawk vs Dove 5,1; (Hawk, Hawk) 0,0.
  // By symmetry the principal branch is symmetric; it meets a pitchfork where the asymmetric
  // branches towards (Hawk, Dove) and (Dove, Hawk) split off, and carries on towards the symmetric
  // mixed equilibrium P(Dove) = 1/3. At lambda 10, P(Dove) = 0.353462.
  const hd = makeGame([2, 2], [3, 3, 5, 1, 1, 5, 0, 0]);
  const solver = new LogitQreSolver();
  const got = solver.solve(hd, 10);
  assert.ok(Math.abs(got[0] - got[2]) < 1e-12, `symmetric: ${Array.from(got)}`);
  assert.ok(residual(hd, 10, got) < 1e-9);
  // The symmetric QRE: p = 1 / (1 + exp(lambda (u(Hawk) - u(Dove)))), u(Hawk) - u(Dove) = 3p - 1.
  const p = got[0];
  assert.ok(Math.abs(p - 1 / (1 + Math.exp(10 * (3 * p - 1)))) < 1e-12);
  assert.ok(Math.abs(p - 0.353462) < 1e-6, String(p));
});

/** An agent-form pair game (bayesian-pair.ts): agents 0, 1 of side A ignore each other, 2, 3 likewise. */
function agentFormGame(rand: () => number): NormalFormGame {
  const uA = Float64Array.from({ length: 16 }, rand);
  const uB = Float64Array.from({ length: 16 }, rand);
  const bA = rand();
  const bB = rand();
  const game = newBayesianPairGame();
  fillBayesianPair(game, uA, uB, bA, bB);
  return game;
}

test('eliminating players in closed form follows the same branch as tracing every unknown, 20 times as cautiously', () => {
  // Two players (one eliminated), agent-form pair games (two agents eliminated), three players (one), a
  // fold: the point returned equals the cautious full trace's to 1e-10. (Without the certified 2x2
  // shortcut, so that the 2x2 games take the one-unknown elimination trace.)
  const fast = new LogitQreSolver({ shortcut: false });
  const reference = new LogitQreSolver({ eliminate: false, caution: 0.05 });
  const rand = lcg(11);
  const games: NormalFormGame[] = [fold2x3, fold3x3];
  for (let g = 0; g < 150; g++) games.push(agentFormGame(rand));
  for (const shape of [[2, 2], [2, 3], [3, 3], [4, 3], [2, 2, 2], [3, 3, 2]]) {
    for (let g = 0; g < 40; g++) games.push(makeGame(shape, randomGame(shape, rand, 0, 9).payoffs.map(Math.round)));
  }
  for (const game of games) {
    for (const lambda of [0.5, 2, 8, 30]) {
      const a = fast.solve(game, lambda).slice();
      const d = maxDiff(a, reference.solve(game, lambda));
      assert.ok(d < 1e-10, `${game.strategies} lambda ${lambda}: differs from the full trace by ${d}`);
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Large lambda R: the fallback trace (qre/fallback-trace.ts) and the fixed-point check.

/** The payoff range of a game. */
function range(game: NormalFormGame): number {
  return Math.max(...game.payoffs) - Math.min(...game.payoffs);
}

test('past lambda R = 1e4 the fallback trace takes over: random-3p-3a reaches lambda 1e6 and tends to its mixed Nash equilibrium like 1 / lambda', () => {
  const game = gameFromFixture(loadFixtures().find((f) => f.file === 'random-3p-3a.json')!.fixture);
  // The limit: player 1 plays its third strategy; players 0 and 2 mix their second and third so that
  // the other is indifferent between them (solved from the payoffs).
  const d0 = (c: number): number => payoff(game, [1, 2, c], 0) - payoff(game, [2, 2, c], 0);
  const d2 = (a: number): number => payoff(game, [a, 2, 1], 2) - payoff(game, [a, 2, 2], 2);
  const q = d0(1) / (d0(1) - d0(2));
  const p = d2(1) / (d2(1) - d2(2));
  assert.ok(Math.abs(p - 0.5176194205) < 1e-9 && Math.abs(q - 0.8899082569) < 1e-9, `${p} ${q}`);
  const solver = new LogitQreSolver();
  const gap: number[] = [];
  for (const lambda of [2000, 1e5, 1e6]) {
    const sigma = solver.solve(game, lambda).slice();
    assert.is(solver.stats.fallbacks, 1, `lambda ${lambda}: the fast trace stalls at its rounding floor`);
    assert.ok(logitResidual(game, lambda, sigma) < 1e-10, `lambda ${lambda}`);
    assert.ok(sigma[0] < 1e-300 && sigma[3] < 1e-300 && sigma[4] < 1e-300 && sigma[6] < 1e-300);
    gap.push(Math.max(Math.abs(sigma[2] - p), Math.abs(sigma[8] - q)));
  }
  assert.ok(gap[2] < 2e-7, `lambda 1e6: ${gap[2]} from the equilibrium`);
  assert.ok(Math.abs(gap[1] / gap[2] - 10) < 0.1, `1 / lambda: ${gap[1] / gap[2]}`);
});

test('a 2x3 game whose eliminated trace creeps at lambda R = 1e4 is solved by the fallback, at the point a full trace finds', () => {
  // Player 0 mixes (0.28, 0.72) against player 1's first two strategies; with player 1 eliminated,
  // player 0's equation holds a logistic of an argument scaled by mu, and Newton's basin shrinks below the corrector's tolerance.
  const game = makeGame([2, 3], [0.141, 0.759, 0.346, 0.759, 0.679, 0.384, 0.379, 0.905, 0.812, 0.051, 0.686, 0.433]);
  const lambda = 1e4 / range(game);
  const got = new LogitQreSolver().solve(game, lambda).slice();
  const full = new LogitQreSolver({ eliminate: false }).solve(game, lambda);
  assert.ok(maxDiff(got, full) < 1e-9, `${got} vs ${full}`);
  assert.ok(Math.abs(got[0] - 0.28) < 0.001 && got[4] < 1e-300, String(got));
  assert.ok(logitResidual(game, lambda, got) < 1e-10);
});

test('every random game of 2 to 6 players gets an answer up to lambda R = 1e8, within the fixed-point tolerance (so the simulator never throws there)', () => {
  const solver = new LogitQreSolver();
  const rand = lcg(29);
  let solves = 0;
  let fallbacks = 0;
  for (const shape of [[2, 2], [2, 3], [3, 3], [4, 4], [2, 2, 2], [3, 3, 2], [2, 2, 2, 2], [3, 3, 3], [2, 2, 2, 2, 2, 2]]) {
    for (let g = 0; g < 6; g++) {
      // Half the games with payoffs 0..4: ties, and degenerate games.
      const game = g % 2 === 0 ? randomGame(shape, rand, 0, 1) : makeGame(shape, randomGame(shape, rand, 0, 4).payoffs.map(Math.round));
      if (range(game) === 0) continue;
      for (const mu of [1e3, 1e5, 1e7, 1e8]) {
        const lambda = mu / range(game);
        const sigma = solver.solve(game, lambda);
        const r = logitResidual(game, lambda, sigma);
        assert.ok(r <= residualTolerance(mu), `${shape} game ${g} lambda R ${mu}: residual ${r}`);
        solves++;
        fallbacks += solver.stats.fallbacks;
      }
    }
  }
  assert.ok(solves > 200 && fallbacks > 10, `${solves} solves, ${fallbacks} by the fallback`);
});

test('payoffs whose range overflows a double: the same QRE as the game scaled down, with lambda scaled up', () => {
  const base = gameFromFixture(loadFixtures().find((f) => f.file === 'accept-continue-withdraw.json')!.fixture);
  const s = 1.7e308 / Math.max(...base.payoffs.map(Math.abs));
  const huge = makeGame(base.strategies, Array.from(base.payoffs, (x) => x * s));
  assert.is(Math.max(...huge.payoffs) - Math.min(...huge.payoffs), Infinity);
  const solver = new LogitQreSolver();
  for (const lambda of [0.5, 3]) {
    const want = solver.solve(base, lambda).slice();
    const got = solver.solve(huge, lambda / s);
    assert.ok(maxDiff(got, want) < 1e-12, `lambda ${lambda}: ${got} vs ${want}`);
  }
});

test('payoffs of +-1e14 at lambda 1: a dominance-solvable game is answered exactly, a degenerate one is refused, never answered wrong', () => {
  const solver = new LogitQreSolver();
  const pd = makeGame([2, 2], [3, 3, 5, 0, 0, 5, 1, 1].map((x) => x * 1e14));
  assert.equal(Array.from(solver.solve(pd, 1)), [0, 1, 0, 1]);
  // The row player's first strategy is weakly dominated; at lambda R = 2e14 rounding leaves no mixed
  // profile that passes the check (the certified 2x2 shortcut finds a point with residual 0.5, which is not taken).
  const degenerate = makeGame([2, 2], [-1, 1, 1, -1, 1, -1, 1, 1].map((x) => x * 1e14));
  assert.throws(() => solver.solve(degenerate, 1), (e: unknown) => e instanceof QreLimitError && /no answer at lambda = 1 \(lambda x payoff range = 2\.000e\+14\)/.test((e as Error).message));
});

test('lambda R beyond 1e15, or overflowing a double, is refused with the limit named', () => {
  const solver = new LogitQreSolver();
  const pennies = makeGame([2, 2], [1, -1, -1, 1, -1, 1, 1, -1].map((x) => x * 5e307));
  assert.throws(() => solver.solve(pennies, 5), (e: unknown) => e instanceof QreLimitError && /5 x 1\.000e\+308, more than the largest double\): beyond 1e15 nothing is traced.*lower lambda/.test((e as Error).message));
  // Matching pennies' QRE is the centroid at every lambda: at lambda R = 1e8 it is found.
  assert.ok(maxDiff(solver.solve(pennies, 1e8 / 1e308), [0.5, 0.5, 0.5, 0.5]) < 1e-12);
});

test('branch reaches large lambda: random-3p-3a to lambda 1e5 in at most 2000 points, ending where solve lands', () => {
  const game = gameFromFixture(loadFixtures().find((f) => f.file === 'random-3p-3a.json')!.fixture);
  const solver = new LogitQreSolver();
  const points = solver.branch(game, 1e5);
  assert.ok(points.length <= 2000 && points.length > 50, `${points.length} points`);
  assert.is(points[points.length - 1].lambda, 1e5);
  assert.ok(maxDiff(points[points.length - 1].probs, solver.solve(game, 1e5)) < 1e-9);
  for (let i = 1; i < points.length; i++) assert.ok(points[i].lambda > points[i - 1].lambda, `point ${i}`);
});

test('logitQre returns one probability array per player', () => {
  const g = randomGame([2, 3, 2], lcg(5));
  const per = logitQre(g, 4);
  assert.equal(per.map((p) => p.length), [2, 3, 2]);
  for (const p of per) assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-12);
});

test.run();
