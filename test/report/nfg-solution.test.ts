import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseNfg, type NfgGame } from '../../src/model/nfg.js';
import { expectedPayoffs, profileCount, type NormalFormGame, type QreFixture } from '../../src/model/normal-form.js';
import { LogitQreSolver, QreLimitError } from '../../src/model/logit-qre.js';
import { nfgSolutionLines } from '../../src/report/nfg-solution.js';

const fixtureDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'qre');

/** A printed `lambda,p1,p2,...` line back as numbers. */
function parseLine(line: string): { lambda: number; probs: number[] } {
  const cells = line.split(',').map(Number);
  for (const c of cells) assert.ok(Number.isFinite(c), line);
  return { lambda: cells[0], probs: cells.slice(1) };
}


/** The logit response to sigma at lambda. */
function logitResponse(game: NormalFormGame, lambda: number, sigma: ArrayLike<number>): number[] {
  const u = expectedPayoffs(game, sigma);
  const out: number[] = [];
  let o = 0;
  for (const k of game.strategies) {
    const top = Math.max(...u.slice(o, o + k));
    const e = u.slice(o, o + k).map((x) => Math.exp(lambda * (x - top)));
    const sum = e.reduce((a, b) => a + b, 0);
    for (const x of e) out.push(x / sum);
    o += k;
  }
  return out;
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
};

test('every gambit-logit fixture point is reproduced to 1e-6 from its .nfg file, through the printed line', () => {
  const files = readdirSync(fixtureDir).filter((f) => f.endsWith('.json')).sort();
  assert.ok(files.length >= 5, `${files.length} fixtures`);
  let points = 0;
  for (const file of files) {
    const fixture = JSON.parse(readFileSync(join(fixtureDir, file), 'utf8')) as QreFixture;
    const nfg = parseNfg(readFileSync(join(fixtureDir, file.replace(/\.json$/, '.nfg')), 'utf8'));
    for (const point of fixture.qre) {
      const lines = nfgSolutionLines(nfg, { lambda: point.reported_lambda, decimals: 10 });
      assert.is(lines.length, 1);
      const got = parseLine(lines[0]);
      assert.ok(Math.abs(got.lambda - point.reported_lambda) < 1e-10);
      const want = point.strategies.flat();
      assert.is(got.probs.length, want.length, file);
      const err = maxDiff(got.probs, want);
      assert.ok(err < 1e-6, `${file} lambda ${point.reported_lambda}: max error ${err}`);
      points++;
    }
  }
  assert.ok(points >= 30, `${points} points`);
});

test('doc example: the prisoner dilemma at lambda 1 with its pure equilibrium', () => {
  const nfg = parseNfg('NFG 1 R "PD" { "A" "B" } { 2 2 } 3 3 5 0 0 5 1 1');
  assert.equal(nfgSolutionLines(nfg, { lambda: 1, nash: true }), [
    '1.0000000000,0.2267506448,0.7732493552,0.2267506448,0.7732493552',
    'NE,0,1,0,1',
  ]);
});

test('--branch: from the centroid at lambda 0 to exactly L, lambda increasing, ending on the single-point answer', () => {
  const nfg = parseNfg(readFileSync(join(fixtureDir, 'attend-2x2.nfg'), 'utf8'));
  const lines = nfgSolutionLines(nfg, { lambda: 3, branch: true });
  assert.ok(lines.length > 10, `${lines.length} points`);
  assert.is(lines[0], '0.0000000000,0.5,0.5,0.5,0.5');
  assert.is(lines[lines.length - 1], nfgSolutionLines(nfg, { lambda: 3 })[0]);
  const lambdas = lines.map((l) => parseLine(l).lambda);
  for (let i = 1; i < lambdas.length; i++) assert.ok(lambdas[i] > lambdas[i - 1], `point ${i}`);
});

test('digits follow decimals, as gambit-logit -d', () => {
  const nfg = parseNfg('NFG 1 R "PD" { "A" "B" } { 2 2 } 3 3 5 0 0 5 1 1');
  assert.equal(nfgSolutionLines(nfg, { lambda: 1, decimals: 4 }), ['1.0000,0.2268,0.7732,0.2268,0.7732']);
});

// ---- A game bigger than the fixtures: 3 players, 4 strategies each (64 profiles), payoffs from a
// fixed generator. Its principal branch is monotone in lambda, so the QRE at each lambda is the
// single branch point there, and any continuation in lambda from the centroid must find it too.

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

function game3x4(): NfgGame {
  const rand = lcg(3);
  const payoffs = Array.from({ length: 64 * 3 }, () => Math.round((rand() * 10 - 5) * 100) / 100);
  const names = '{ "a" "b" "c" "d" }';
  return parseNfg(`NFG 1 R "3 x 4" { "P1" "P2" "P3" } { ${names} ${names} ${names} }\n${payoffs.join(' ')}\n`);
}

/**
 * An independent solver: lambda raised from 0 in steps of 0.01, at each step damped fixed-point
 * iteration sigma <- (sigma + logit response) / 2 from the previous point, to 1e-13. Valid while
 * the branch has no fold (the fixed point moves continuously with lambda).
 */
function naiveContinuation(game: NormalFormGame, targets: number[]): Map<number, number[]> {
  const m = game.strategies.reduce((a, b) => a + b, 0);
  let sigma: number[] = [];
  for (const k of game.strategies) for (let a = 0; a < k; a++) sigma.push(1 / k);
  const out = new Map<number, number[]>();
  const stops = [...new Set([...targets, ...Array.from({ length: Math.round(Math.max(...targets) / 0.01) }, (_, i) => (i + 1) * 0.01)])].sort((a, b) => a - b);
  for (const lambda of stops) {
    for (let it = 0; it < 100_000; it++) {
      const r = logitResponse(game, lambda, sigma);
      const next = sigma.map((s, j) => (s + r[j]) / 2);
      const d = maxDiff(next, sigma);
      sigma = next;
      if (d < 1e-13) break;
    }
    assert.ok(maxDiff(logitResponse(game, lambda, sigma), sigma) < 1e-11, `naive continuation stalled at lambda ${lambda}`);
    if (targets.includes(lambda)) out.set(lambda, sigma.slice(0, m));
  }
  return out;
}

test('3 players x 4 strategies: the branch is monotone and every printed point is a fixed point of the logit response', () => {
  const nfg = game3x4();
  const branch = nfgSolutionLines(nfg, { lambda: 20, branch: true }).map(parseLine);
  assert.ok(branch.length > 100, `${branch.length} points`);
  for (let i = 1; i < branch.length; i++) assert.ok(branch[i].lambda >= branch[i - 1].lambda, `lambda falls at point ${i}`);
  for (const lambda of [0.25, 0.5, 1, 2, 5, 10, 20]) {
    const { probs } = parseLine(nfgSolutionLines(nfg, { lambda })[0]);
    const residual = maxDiff(logitResponse(nfg.game, lambda, probs), probs);
    assert.ok(residual < 1e-8, `lambda ${lambda}: residual ${residual}`);
  }
});

test('3 players x 4 strategies: the QRE agrees to 1e-6 with a naive continuation in lambda (no fold to jump)', () => {
  const nfg = game3x4();
  const targets = [0.25, 0.5, 1, 1.5, 2];
  const naive = naiveContinuation(nfg.game, targets);
  for (const lambda of targets) {
    const { probs } = parseLine(nfgSolutionLines(nfg, { lambda })[0]);
    const err = maxDiff(probs, naive.get(lambda)!);
    assert.ok(err < 1e-6, `lambda ${lambda}: ${err}`);
  }
});

test('3 players x 4 strategies: at large lambda the QRE approaches the pure equilibrium --nash finds', () => {
  const nfg = game3x4();
  const lines = nfgSolutionLines(nfg, { lambda: 200, nash: true });
  const { probs } = parseLine(lines[0]);
  const equilibria = lines.slice(1).map((l) => l.split(',').slice(1).map(Number));
  assert.ok(equilibria.length >= 1);
  assert.ok(equilibria.some((ne) => maxDiff(ne, probs) < 1e-3), `${lines.join('\n')}`);
});

test('a point that fails the fixed-point check is never printed: a QreLimitError says why', () => {
  const nfg = parseNfg('NFG 1 R "PD" { "A" "B" } { 2 2 } 3 3 5 0 0 5 1 1');
  // A solver that returns the centroid, which is no QRE of the prisoner's dilemma at lambda 1.
  const wrong = { solve: () => Float64Array.of(0.5, 0.5, 0.5, 0.5) } as unknown as LogitQreSolver;
  assert.throws(
    () => nfgSolutionLines(nfg, { lambda: 1 }, wrong),
    (e: unknown) => e instanceof QreLimitError && /fails the fixed-point check \(residual 3\.18e-1, tolerance 1\.00e-9\); it is not printed/.test((e as Error).message),
  );
  assert.equal(nfgSolutionLines(nfg, { lambda: 1 }), ['1.0000000000,0.2267506448,0.7732493552,0.2267506448,0.7732493552']);
});

test.run();
