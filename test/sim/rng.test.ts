import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { rngName, runRng } from '../../src/sim/rng.js';

const draws = (seed: number, run: number, n: number): number[] => {
  const rng = runRng(seed, run);
  return Array.from({ length: n }, () => rng());
};

test('the same (seed, run) gives the same stream, even when built again later', () => {
  const first = draws(7, 4711, 50);
  draws(7, 4712, 10); // another run in between must not disturb it
  assert.equal(draws(7, 4711, 50), first);
});

test('pins the first draws of seed 1, run 0, so that a change of generator or key fails here', () => {
  // Values from an independent Python port of xorgens xor4096 with seedrandom's string-key setup
  // (key "1/0"), which agrees with seedrandom.xor4096 to the last digit.
  assert.equal(draws(1, 0, 5), [
    0.8058088116813451, 0.6964639737270772, 0.04791332269087434, 0.5449953218922019, 0.6344463503919542,
  ]);
  assert.equal(draws(1, 1, 2), [0.8841529914643615, 0.061438707169145346]);
  assert.equal(draws(-5, 3, 2), [0.4206936100963503, 0.955226469784975]);
  assert.is(rngName, 'seedrandom.xor4096');
});

test('different runs of one seed, and one run of different seeds, give different streams', () => {
  const seen = new Set<string>();
  for (const [seed, run] of [[1, 0], [1, 1], [1, 2], [2, 0], [2, 1], [0, 12], [1, 20], [12, 0], [-1, 0]]) {
    seen.add(draws(seed, run, 3).join(','));
  }
  assert.is(seen.size, 9);
});

test('draws lie in [0, 1) and are multiples of 2^-32', () => {
  const rng = runRng(3, 9);
  for (let i = 0; i < 100_000; i++) {
    const u = rng();
    assert.ok(u >= 0 && u < 1, `draw ${i} = ${u}`);
    assert.ok(Number.isInteger(u * 2 ** 32), `draw ${i} = ${u}`);
  }
});

test('the first draws of runs 0..9999 are uniform and uncorrelated from run to run', () => {
  // A bad key scheme (e.g. seeding with seed + run into a weakly mixed state) shows here first.
  const n = 10_000;
  const u = Array.from({ length: n }, (_, r) => runRng(1, r)());
  // Kolmogorov-Smirnov D against U(0,1); 1% critical value 1.628 / sqrt(n) (Massey 1951, large n).
  const sorted = [...u].sort((a, b) => a - b);
  let d = 0;
  for (let i = 0; i < n; i++) d = Math.max(d, (i + 1) / n - sorted[i], sorted[i] - i / n);
  assert.ok(d < 1.628 / Math.sqrt(n), `KS D = ${d}`);
  // Lag-1 correlation across runs; under independence its sd is 1/sqrt(n), so 4 sd is 0.04.
  let sxy = 0;
  for (let i = 0; i + 1 < n; i++) sxy += (u[i] - 0.5) * (u[i + 1] - 0.5);
  const r = sxy / (n - 1) / (1 / 12);
  assert.ok(Math.abs(r) < 4 / Math.sqrt(n), `lag-1 r = ${r}`);
});

test('rejects seeds and runs that would make the key ambiguous or meaningless', () => {
  assert.throws(() => runRng(1.5, 0), /seed must be a safe integer/);
  assert.throws(() => runRng(2 ** 53, 0), /seed must be a safe integer/);
  assert.throws(() => runRng(NaN, 0), /seed must be a safe integer/);
  assert.throws(() => runRng(1, -1), /run must be a non-negative safe integer/);
  assert.throws(() => runRng(1, 0.5), /run must be a non-negative safe integer/);
});

test.run();
