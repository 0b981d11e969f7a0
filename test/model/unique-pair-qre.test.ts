import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fillBayesianPair, newBayesianPairGame, typePayoffIndex } from '../../src/model/games/bayesian-pair.js';
import { LogitQreSolver } from '../../src/model/logit-qre.js';
import { makeGame } from '../../src/model/normal-form.js';
import { UniquePairQre } from '../../src/model/unique-pair-qre.js';
import { lcg, maxDiff, residual } from './random-games.js';


interface StageTerms {
  peace: number;
  temptation: number;
  sucker: number;
  push: number;
  future: number;
}

/**
 * Compliance-shaped type payoffs (comply = 0, violate = 1), a fixture for the solver: the sincere type
 * is an assurance game, the type buying time is tempted to violate, and neither reads the other's type.
 */
function stage(t: StageTerms): Float64Array {
  const u = new Float64Array(16);
  for (let tOther = 0; tOther < 2; tOther++) {
    u[typePayoffIndex(0, tOther, 0, 0)] = t.peace + t.push;
    u[typePayoffIndex(0, tOther, 0, 1)] = -t.sucker + t.push;
    u[typePayoffIndex(0, tOther, 1, 0)] = -t.future;
    u[typePayoffIndex(0, tOther, 1, 1)] = 0;
    u[typePayoffIndex(1, tOther, 0, 0)] = t.peace + t.push;
    u[typePayoffIndex(1, tOther, 0, 1)] = -t.sucker + t.push;
    u[typePayoffIndex(1, tOther, 1, 0)] = t.peace + t.temptation - t.future;
    u[typePayoffIndex(1, tOther, 1, 1)] = 0;
  }
  return u;
}

/** Type payoffs that ignore the other's type, each entry uniform in [-1, 1). */
function randomTypeIndependent(rand: () => number): Float64Array {
  const u = new Float64Array(16);
  for (let t = 0; t < 2; t++) {
    for (let a = 0; a < 2; a++) {
      for (let b = 0; b < 2; b++) {
        const v = 2 * rand() - 1;
        u[typePayoffIndex(t, 0, a, b)] = v;
        u[typePayoffIndex(t, 1, a, b)] = v;
      }
    }
  }
  return u;
}

/** Roots of x - G(x) on a grid of 200,001 points, G as in unique-pair-qre.ts, from the normal form via the reference solver's definitions. */
function gridRoots(uA: Float64Array, uB: Float64Array, bA: number, bB: number, lambda: number): number {
  const L = (z: number): number => 1 / (1 + Math.exp(-z));
  const d = (u: Float64Array, t: number, x: number): number =>
    x * (u[typePayoffIndex(t, 0, 0, 0)] - u[typePayoffIndex(t, 0, 1, 0)]) + (1 - x) * (u[typePayoffIndex(t, 0, 0, 1)] - u[typePayoffIndex(t, 0, 1, 1)]);
  const g = (x: number): number => {
    const y = bB * L(lambda * d(uA, 0, x)) + (1 - bB) * L(lambda * d(uA, 1, x));
    return bA * L(lambda * d(uB, 0, y)) + (1 - bA) * L(lambda * d(uB, 1, y));
  };
  const n = 200_000;
  let roots = 0;
  let prev = -g(0);
  for (let i = 1; i <= n; i++) {
    const x = i / n;
    const h = x - g(x);
    if (h > 0 !== prev > 0) roots++;
    prev = h;
  }
  return roots;
}


test('doc example: the certified QRE equals the traced one (P(comply) of (A,s), (A,n), (B,s), (B,n))', () => {
  const u = stage({ peace: 1, temptation: 0.5, sucker: 1, push: 0.2, future: 1 });
  const out = new Float64Array(8);
  const solver = new UniquePairQre();
  assert.ok(solver.solve(u, u, 0.7, 0.4, 2, out));
  assert.is(solver.rounds, 3);
  const game = newBayesianPairGame();
  fillBayesianPair(game, u, u, 0.7, 0.4);
  const traced = new LogitQreSolver({ caution: 0.05 }).solve(game, 2);
  assert.ok(maxDiff(out, traced) < 1e-12, `differs from the trace by ${maxDiff(out, traced)}`);
  const rounded = [0, 2, 4, 6].map((j) => Math.round(out[j] * 1e9) / 1e9);
  assert.equal(rounded, [0.977102244, 0.745883422, 0.968635925, 0.71404527]);
  for (let j = 0; j < 8; j += 2) assert.ok(Math.abs(out[j] + out[j + 1] - 1) < 1e-15);
});

test('certified games agree with a trace 20 times as cautious to 1e-11, and are fixed points to 1e-12 (random games, lambda 0.5 to 60)', () => {
  const rand = lcg(5);
  const solver = new UniquePairQre();
  const ref = new LogitQreSolver({ caution: 0.05 });
  const game = newBayesianPairGame();
  const out = new Float64Array(8);
  let certified = 0;
  let tried = 0;
  let worst = 0;
  let worstResidual = 0;
  for (const lambda of [0.5, 2, 8, 25, 60]) {
    for (let k = 0; k < 300; k++) {
      const compliance = k % 2 === 0;
      const terms = (): StageTerms => ({
        peace: rand(), temptation: rand(), sucker: rand(), push: 0.4 * rand() - 0.2, future: rand() < 0.5 ? 0 : 2 * rand(),
      });
      const uA = compliance ? stage(terms()) : randomTypeIndependent(rand);
      const uB = compliance ? stage(terms()) : randomTypeIndependent(rand);
      const bA = rand();
      const bB = rand();
      tried++;
      if (!solver.solve(uA, uB, bA, bB, lambda, out)) continue;
      certified++;
      fillBayesianPair(game, uA, uB, bA, bB);
      const traced = ref.solve(game, lambda);
      worst = Math.max(worst, maxDiff(out, traced));
      worstResidual = Math.max(worstResidual, residual(game, lambda, out));
    }
  }
  assert.ok(worst < 1e-11, `largest difference from the trace ${worst}`);
  // (Steep games: h' near 90 at lambda 60, so the root is only as sharp as one double's spacing.)
  assert.ok(worstResidual < 1e-12, `largest fixed-point residual ${worstResidual}`);
  // Most games are certified (so the comparison above is not empty), not all (lambda 25 and 60 have several QRE).
  assert.ok(certified > 0.7 * tried && certified < tried, `certified ${certified} of ${tried}`);
});

test('Newton starts where the root must be, in G\'s image of the last range: random compliance games take 4.1 evaluations on average, not 4.9', () => {
  const rand = lcg(11);
  const solver = new UniquePairQre();
  const out = new Float64Array(8);
  let solved = 0;
  let evaluations = 0;
  for (let k = 0; k < 400; k++) {
    const terms = (): StageTerms => ({
      peace: rand(), temptation: rand(), sucker: rand(), push: 0.4 * rand() - 0.2, future: rand() < 0.5 ? 0 : 2 * rand(),
    });
    if (!solver.solve(stage(terms()), stage(terms()), rand(), rand(), [2, 7.05][k % 2], out)) continue;
    solved++;
    evaluations += solver.evaluations;
  }
  assert.ok(solved > 300, `only ${solved} certified`);
  const mean = evaluations / solved;
  assert.ok(mean >= 2 && mean < 4.5, `${mean} evaluations on average`); // 4.9 from the middle of [0, 1]
});

test('the certificate is sound: every certified game has exactly one root on a fine grid', () => {
  const rand = lcg(9);
  const solver = new UniquePairQre();
  const out = new Float64Array(8);
  let checked = 0;
  for (let k = 0; k < 150; k++) {
    const uA = randomTypeIndependent(rand);
    const uB = randomTypeIndependent(rand);
    const bA = rand();
    const bB = rand();
    const lambda = [3, 12, 40][k % 3];
    if (!solver.solve(uA, uB, bA, bB, lambda, out)) continue;
    checked++;
    assert.is(gridRoots(uA, uB, bA, bB, lambda), 1, `game ${k} at lambda ${lambda}`);
  }
  assert.ok(checked > 80, `only ${checked} certified`);
});

test('an assurance game with three QRE is declined (the branch must be traced) and out is left alone', () => {
  // Two sincere sides sure of each other: comply if the other does. At lambda 10 three QRE (x about
  // 0.000125, 0.4667 and 0.99996).
  const u = stage({ peace: 1, temptation: 0.5, sucker: 0.9, push: 0, future: 0 });
  assert.is(gridRoots(u, u, 1, 1, 10), 3);
  const out = new Float64Array(8).fill(-1);
  const solver = new UniquePairQre();
  assert.not.ok(solver.solve(u, u, 1, 1, 10, out));
  assert.equal(Array.from(out), new Array(8).fill(-1));
  // At lambda 2 the same game has one QRE and is certified.
  assert.is(gridRoots(u, u, 1, 1, 2), 1);
  assert.ok(solver.solve(u, u, 1, 1, 2, out));
});

test('payoffs that depend on the other\'s type (accepting a ceasefire) are declined', () => {
  const u = stage({ peace: 1, temptation: 0.5, sucker: 1, push: 0, future: 0 });
  // worth more against a sincere other than against one buying time
  const acc = u.slice();
  for (let t = 0; t < 2; t++) acc[typePayoffIndex(t, 0, 0, 0)] += 0.5;
  assert.not.ok(new UniquePairQre().solve(acc, u, 0.5, 0.5, 4, new Float64Array(8)));
});

test('lambda 0 gives the centroid; NaN payoffs, beliefs outside [0, 1] and negative lambda are declined', () => {
  const u = stage({ peace: 1, temptation: 0.5, sucker: 1, push: 0.1, future: 0.5 });
  const out = new Float64Array(8);
  const solver = new UniquePairQre();
  assert.ok(solver.solve(u, u, 0.3, 0.8, 0, out));
  assert.equal(Array.from(out), new Array(8).fill(0.5));
  const bad = u.slice();
  bad[3] = NaN;
  assert.not.ok(solver.solve(bad, u, 0.3, 0.8, 2, out));
  assert.not.ok(solver.solve(u, u, 1.2, 0.8, 2, out));
  assert.not.ok(solver.solve(u, u, 0.3, 0.8, -1, out));
});

test('2x2 games: the ceasefire prisoner dilemma at lambda 1 gives gambit-logit\'s P(comply) = 0.226750644834', () => {
  const pd = makeGame([2, 2], [3, 3, 5, 0, 0, 5, 1, 1]);
  const out = new Float64Array(4);
  const solver = new UniquePairQre();
  assert.ok(solver.solveTwoByTwo(pd.payoffs as Float64Array, 1, out));
  assert.ok(Math.abs(out[0] - 0.226750644834) < 1e-12 && Math.abs(out[2] - 0.226750644834) < 1e-12, String(out[0]));
  assert.ok(solver.residual < 1e-15);
});

test('2x2 games: certified ones agree with a cautious trace to 1e-11; a coordination game with three QRE is declined', () => {
  const rand = lcg(21);
  const solver = new UniquePairQre();
  const ref = new LogitQreSolver({ caution: 0.05 });
  const out = new Float64Array(4);
  let certified = 0;
  let worst = 0;
  for (let k = 0; k < 600; k++) {
    const game = makeGame([2, 2], Array.from({ length: 8 }, () => 2 * rand() - 1));
    const lambda = [1, 5, 20][k % 3];
    if (!solver.solveTwoByTwo(game.payoffs as Float64Array, lambda, out)) continue;
    certified++;
    worst = Math.max(worst, maxDiff(out, ref.solve(game, lambda)));
  }
  assert.ok(worst < 1e-11, `largest difference ${worst}`);
  assert.ok(certified > 400 && certified < 600, `certified ${certified} of 600`);
  // Stag hunt: one QRE at lambda 10 (certified), three at lambda 40 (x about 5e-6, 0.8418, 0.99967: declined).
  const stag = makeGame([2, 2], [1, 1, 0.8, 0, 0, 0.8, 0.8, 0.8]);
  assert.ok(solver.solveTwoByTwo(stag.payoffs as Float64Array, 10, out));
  assert.not.ok(solver.solveTwoByTwo(stag.payoffs as Float64Array, 40, out));
});

test.run();
