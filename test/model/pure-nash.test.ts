import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseNfg } from '../../src/model/nfg.js';
import { makeGame, payoff, type NormalFormGame } from '../../src/model/normal-form.js';
import { pureNashEquilibria } from '../../src/model/pure-nash.js';

const fixtureDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'qre');
const fixture = (name: string): NormalFormGame => parseNfg(readFileSync(join(fixtureDir, `${name}.nfg`), 'utf8')).game;

test('doc example: the ceasefire prisoner dilemma has one pure equilibrium, mutual violation', () => {
  assert.equal(pureNashEquilibria(makeGame([2, 2], [3, 3, 5, 0, 0, 5, 1, 1])), [[1, 1]]);
  assert.equal(pureNashEquilibria(fixture('ceasefire-pd')), [[1, 1]]);
});

// attend-2x2 (Attend, Boycott), payoffs (gov, opp): AA (3,2), BA (1,0), AB (0,1), BB (1,1).
// AA: gov 3 > 1, opp 2 > 1 -> equilibrium. BB: gov 1 > 0, opp 1 > 0 -> equilibrium.
// BA: gov gains 3 - 1 by attending. AB: gov gains 1 - 0 by boycotting.
test('attend-2x2 (by hand): both attend, or both boycott', () => {
  assert.equal(pureNashEquilibria(fixture('attend-2x2')), [[0, 0], [1, 1]]);
});

// accept-continue-withdraw: gov's best replies: to Accept -> Accept (4 vs 2, 3), to Continue ->
// Continue (2 vs 1, 1), to Withdraw -> Withdraw (1 vs -1, 0). opp's best replies: to Accept ->
// Accept or Withdraw (3, 2, 3), to Continue -> Continue (-1, 2, 1), to Withdraw -> Continue or
// Withdraw (0, 1, 1). Mutual best replies: (A, A), (C, C), (W, W); (A, W) fails (gov wants W).
test('accept-continue-withdraw (by hand): the three diagonal profiles, with ties counting as best replies', () => {
  assert.equal(pureNashEquilibria(fixture('accept-continue-withdraw')), [[0, 0], [1, 1], [2, 2]]);
});

// attend-3p, profile order (gov, snc, kurds), payoffs: AAA (4,3,2), BAA (0.8,-0.2,0.1),
// ABA (-0.5,0.8,0.1), BBA (0.8,0.8,0.1), AAB (-0.5,-0.2,0.8), BAB (0.8,-0.2,0.8), ABB (-0.5,0.8,0.8),
// BBB (0.8,0.8,0.8). AAA: deviations pay 0.8 < 4, 0.8 < 3, 0.8 < 2. BBB: -0.5 < 0.8, -0.2 < 0.8,
// 0.1 < 0.8. Every other profile has a player who gains by switching (e.g. BBA: kurds 0.1 -> 0.8).
test('attend-3p (by hand): all attend or all boycott', () => {
  assert.equal(pureNashEquilibria(fixture('attend-3p')), [[0, 0, 0], [1, 1, 1]]);
});

// random-3p-3a: one profitable deviation for each of the 27 profiles, read off the .nfg payoff list:
// [profile, deviating player, its new strategy, payoff before, payoff after].
const DEVIATIONS: [number[], number, number, number, number][] = [
  [[0, 0, 0], 0, 2, -1.85, 4.85], [[0, 0, 1], 0, 1, 4.4, 4.46], [[0, 0, 2], 0, 1, -4.77, -3.91],
  [[0, 1, 0], 0, 2, 1.77, 4.78], [[0, 1, 1], 1, 0, -2.42, -0.73], [[0, 1, 2], 0, 2, -2.57, -1.42],
  [[0, 2, 0], 0, 1, -0.8, 2.03], [[0, 2, 1], 0, 1, -4.2, 2.94], [[0, 2, 2], 0, 1, 1.89, 3.71],
  [[1, 0, 0], 0, 0, -2.24, -1.85], [[1, 0, 1], 2, 0, -3.02, 1.38], [[1, 0, 2], 0, 2, -3.91, -0.26],
  [[1, 1, 0], 0, 0, 1.31, 1.77], [[1, 1, 1], 0, 0, -3.42, -0.28], [[1, 1, 2], 0, 0, -4.33, -2.57],
  [[1, 2, 0], 0, 2, 2.03, 4.74], [[1, 2, 1], 1, 0, -3.06, 0.12], [[1, 2, 2], 0, 2, 3.71, 4.67],
  [[2, 0, 0], 1, 2, -1.06, 3.79], [[2, 0, 1], 0, 0, 4.18, 4.4], [[2, 0, 2], 1, 1, -1.13, -0.33],
  [[2, 1, 0], 1, 0, -3.88, -1.06], [[2, 1, 1], 0, 0, -4.64, -0.28], [[2, 1, 2], 1, 2, -0.33, 2.72],
  [[2, 2, 0], 2, 1, 1.38, 2.03], [[2, 2, 1], 0, 0, -4.82, -4.2], [[2, 2, 2], 2, 0, -4.13, 1.38],
];

test('random-3p-3a (by hand): every one of the 27 profiles has a profitable deviation, so there is no pure equilibrium', () => {
  const game = fixture('random-3p-3a');
  assert.is(DEVIATIONS.length, 27);
  for (const [profile, player, to, before, after] of DEVIATIONS) {
    const moved = profile.slice();
    moved[player] = to;
    assert.is(payoff(game, profile, player), before, `payoff at ${profile}`);
    assert.is(payoff(game, moved, player), after, `payoff at ${moved}`);
    assert.ok(after > before);
  }
  assert.equal(pureNashEquilibria(game), []);
});

test('a weak equilibrium counts: when all payoffs are equal every profile is an equilibrium', () => {
  assert.is(pureNashEquilibria(makeGame([2, 3], new Array(12).fill(1))).length, 6);
});

test('a gain of one ulp is a deviation: payoffs are compared exactly', () => {
  const eps = Number.EPSILON;
  // Player 0 gets 1 at (0,*) and 1 + eps at (1,*); player 1 is indifferent.
  assert.equal(pureNashEquilibria(makeGame([2, 1], [1, 0, 1 + eps, 0])), [[1, 0]]);
});

test('one-player games: the maxima of the payoff list', () => {
  assert.equal(pureNashEquilibria(makeGame([4], [2, 5, 5, -1])), [[1], [2]]);
});

// ---- comparison with lrsnash (lrslib), which enumerates every extreme Nash equilibrium of a
// two-player game in exact arithmetic.

const hasLrsnash = spawnSync('lrsnash', ['--version'], { encoding: 'utf8' }).error === undefined;

/** A payoff as an exact rational for lrs (it reads integers and a/b). */
function rational(x: number): string {
  if (Number.isInteger(x)) return String(x);
  const [mant, e] = x.toExponential().split('e');
  const [int, frac = ''] = mant.replace('-', '').split('.');
  let num = BigInt(int + frac);
  let exp = Number(e) - frac.length;
  let den = 1n;
  if (exp >= 0) num *= 10n ** BigInt(exp);
  else den = 10n ** BigInt(-exp);
  return `${x < 0 ? '-' : ''}${num}/${den}`;
}

/** lrsnash input: "m n", player 1's m x n payoff matrix, player 2's. */
function lrsInput(game: NormalFormGame): string {
  const [m, n] = game.strategies;
  const rows = (player: number): string =>
    Array.from({ length: m }, (_, a) => Array.from({ length: n }, (_, b) => rational(payoff(game, [a, b], player))).join(' ')).join('\n');
  return `${m} ${n}\n\n${rows(0)}\n\n${rows(1)}\n`;
}

/**
 * Pure equilibria among lrsnash's output. Each block lists player 2's strategies (lines "2 y_1 ..
 * y_n payoff") then player 1's ("1 x_1 .. x_m payoff"); every pair in a block is an equilibrium.
 */
function lrsPure(output: string): string[] {
  const found = new Set<string>();
  let twos: string[][] = [];
  let lastWasOne = false;
  const pureIndex = (v: string[]): number => (v.filter((s) => s === '1').length === 1 && v.every((s) => s === '0' || s === '1') ? v.indexOf('1') : -1);
  for (const line of output.split('\n')) {
    const cells = line.trim().split(/\s+/);
    if (cells[0] === '2') {
      if (lastWasOne) twos = [];
      twos.push(cells.slice(1, -1));
      lastWasOne = false;
    } else if (cells[0] === '1') {
      const a = pureIndex(cells.slice(1, -1));
      for (const y of twos) {
        const b = pureIndex(y);
        if (a >= 0 && b >= 0) found.add(`${a},${b}`);
      }
      lastWasOne = true;
    } else if (line.trim() === '') {
      twos = [];
      lastWasOne = false;
    }
  }
  return [...found].sort();
}

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

if (!hasLrsnash) {
  console.log('pure-nash: lrsnash not found (Debian package lrslib: apt-get install -y lrslib); the comparison with it is skipped.');
  test.skip('pure equilibria agree with lrsnash on two-player games (lrsnash not installed)', () => {});
} else {
  test('pure equilibria agree with lrsnash on the two-player fixtures and 60 random two-player games', () => {
    const dir = mkdtempSync(join(tmpdir(), 'negsim-lrs-'));
    try {
      const rand = lcg(20140122);
      const games: [string, NormalFormGame][] = ['ceasefire-pd', 'attend-2x2', 'accept-continue-withdraw'].map((f) => [f, fixture(f)]);
      for (let g = 0; g < 60; g++) {
        const m = 2 + Math.floor(rand() * 4);
        const n = 2 + Math.floor(rand() * 4);
        // small integer payoffs: ties (degenerate games) are common, the hard case for both
        const range = g < 30 ? 4 : 100;
        games.push([`random ${g} (${m}x${n})`, makeGame([m, n], Array.from({ length: 2 * m * n }, () => Math.floor(rand() * range) - range / 2))]);
      }
      games.push(['decimals', makeGame([2, 2], [0.1, 2.5, -0.75, 1e-3, 0.3, 0.2, 1.25, -2])]);
      let withEquilibria = 0;
      for (const [name, game] of games) {
        const file = join(dir, 'game.txt');
        writeFileSync(file, lrsInput(game));
        const r = spawnSync('lrsnash', [file], { encoding: 'utf8' });
        assert.is(r.status, 0, `${name}: lrsnash failed: ${r.stderr}`);
        const ours = pureNashEquilibria(game).map((p) => p.join(',')).sort();
        assert.equal(ours, lrsPure(r.stdout), `${name}\n${lrsInput(game)}\n${r.stdout}`);
        if (ours.length > 0) withEquilibria++;
      }
      assert.ok(withEquilibria >= 30, `${withEquilibria} games with a pure equilibrium`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test.run();
