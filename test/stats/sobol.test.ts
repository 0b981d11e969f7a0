import seedrandom from 'seedrandom';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bootstrapCounts, percentileInterval, sobolIndices, sobolIntervals, sobolRows } from '../../src/stats/sobol.js';

/**
 * The Ishigami function (Ishigami & Homma 1990), the standard test of Sobol estimators:
 * f = sin x1 + a sin² x2 + b x3⁴ sin x1, x_i uniform on [−π, π]. With a = 7, b = 0.1 its indices are known
 * in closed form (Saltelli et al. 2000, Sensitivity Analysis, §2.9; Sobol' & Levitan 1999):
 * V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2, V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V3 = 0, V13 = b²π⁸/18 − b²π⁸/50.
 */
const A = 7, B = 0.1;
const ishigami = (x1: number, x2: number, x3: number) => Math.sin(x1) + A * Math.sin(x2) ** 2 + B * x3 ** 4 * Math.sin(x1);
const V = A * A / 8 + B * Math.PI ** 4 / 5 + B * B * Math.PI ** 8 / 18 + 0.5;
const V1 = (1 + B * Math.PI ** 4 / 5) ** 2 / 2;
const V2 = A * A / 8;
const V13 = B * B * Math.PI ** 8 / 18 - B * B * Math.PI ** 8 / 50;
const S = [V1 / V, V2 / V, 0];
const ST = [(V1 + V13) / V, V2 / V, V13 / V];

/** Saltelli's design over three uniform inputs, N rows, from one generator. */
function design(n: number, seed: string) {
  const rng = seedrandom.xor4096(seed);
  const u = () => Math.PI * (2 * rng() - 1);
  const fA = new Float64Array(n), fB = new Float64Array(n), fAB = new Float64Array(3 * n);
  for (let j = 0; j < n; j++) {
    const a = [u(), u(), u()], b = [u(), u(), u()];
    fA[j] = ishigami(a[0], a[1], a[2]);
    fB[j] = ishigami(b[0], b[1], b[2]);
    for (let i = 0; i < 3; i++) {
      const x = a.slice();
      x[i] = b[i];
      fAB[i * n + j] = ishigami(x[0], x[1], x[2]);
    }
  }
  return sobolRows(fA, fB, fAB);
}

test('the analytic Ishigami indices are what the text books give: S = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424, 0.2437', () => {
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
  assert.equal(S.map(r4), [0.3139, 0.4424, 0]);
  assert.equal(ST.map(r4), [0.5576, 0.4424, 0.2437]);
});

test('Ishigami: Saltelli 2010 first-order and Jansen total estimates from 20,000 rows are within 0.03 of the analytic indices', () => {
  const e = sobolIndices(design(20_000, 'ishigami'));
  for (let i = 0; i < 3; i++) {
    assert.ok(Math.abs(e.first[i] - S[i]) < 0.03, `S${i + 1} = ${e.first[i]}, analytic ${S[i]}`);
    assert.ok(Math.abs(e.total[i] - ST[i]) < 0.03, `ST${i + 1} = ${e.total[i]}, analytic ${ST[i]}`);
  }
  assert.ok(Math.abs(e.variance - V) / V < 0.03, `V = ${e.variance}, analytic ${V}`);
  assert.is(e.within, 0);
});

test('Ishigami: the 95% bootstrap intervals over rows hold the analytic indices and narrow as rows are added', () => {
  const rows = design(4000, 'ishigami-bootstrap');
  const iv = sobolIntervals(rows, bootstrapCounts(rows.n, 400, seedrandom.xor4096('boot')));
  for (let i = 0; i < 3; i++) {
    assert.ok(iv.first[i].lo <= S[i] && S[i] <= iv.first[i].hi, `S${i + 1} ${S[i]} outside [${iv.first[i].lo}, ${iv.first[i].hi}]`);
    assert.ok(iv.total[i].lo <= ST[i] && ST[i] <= iv.total[i].hi, `ST${i + 1} ${ST[i]} outside [${iv.total[i].lo}, ${iv.total[i].hi}]`);
    assert.ok(iv.first[i].hi - iv.first[i].lo < 0.2);
  }
  const small = design(500, 'ishigami-bootstrap');
  const ivSmall = sobolIntervals(small, bootstrapCounts(small.n, 400, seedrandom.xor4096('boot')));
  assert.ok(ivSmall.total[0].hi - ivSmall.total[0].lo > iv.total[0].hi - iv.total[0].lo);
  // a deterministic function leaves nothing to chance
  assert.is(iv.chance.estimate, 0);
});

test('weights count rows: a resample that draws every row once is the plain estimate, and a constant f has no indices', () => {
  const rows = design(100, 'w');
  const once = sobolIndices(rows, new Uint32Array(100).fill(1));
  const plain = sobolIndices(rows);
  assert.equal(Array.from(once.first), Array.from(plain.first));
  const flat = sobolRows([1, 1], [1, 1], [1, 1, 1, 1]);
  const e = sobolIndices(flat);
  assert.is(e.variance, 0);
  assert.ok(Number.isNaN(e.first[0]) && Number.isNaN(e.total[1]));
});

test('an input that f ignores gets first-order and total indices of exactly 0', () => {
  // f(x1, x2) = x1²: A_B^(2) changes only x2, so every Jansen and Saltelli term of group 2 is 0
  const rng = seedrandom.xor4096('dummy');
  const n = 200;
  const fA = new Float64Array(n), fB = new Float64Array(n), fAB = new Float64Array(2 * n);
  for (let j = 0; j < n; j++) {
    const a1 = rng(), b1 = rng();
    rng(); rng();
    fA[j] = a1 * a1; fB[j] = b1 * b1;
    fAB[j] = b1 * b1; // group 1 from B
    fAB[n + j] = a1 * a1; // group 2 from B: f unchanged
  }
  const e = sobolIndices(sobolRows(fA, fB, fAB));
  assert.is(e.first[1], 0);
  assert.is(e.total[1], 0);
  assert.ok(e.total[0] > 0.9);
});

test('percentile intervals interpolate between order statistics (type 7) and skip undefined values', () => {
  assert.equal(percentileInterval([1, 2, 3, 4, 5], 0.5), [2, 4]);
  assert.equal(percentileInterval([5, NaN, 1, 3], 0.5), [2, 4]);
  assert.equal(percentileInterval([NaN], 0.95).map(Number.isNaN), [true, true]);
});

test('an output that varies in one row only: the ratio is the same in every resample that holds the row, so the interval is undefined, not narrow', () => {
  const n = 200;
  const fA = new Float64Array(n), fB = new Float64Array(n), fAB = new Float64Array(2 * n);
  // row 7: f is 1 at B and at A_B^(1) (input 1 decides), 0 elsewhere; every other row 0
  fB[7] = 1; fAB[7] = 1;
  const rows = sobolRows(fA, fB, fAB);
  const point = sobolIndices(rows);
  assert.ok(point.variance > 0 && Number.isFinite(point.total[0]));
  const iv = sobolIntervals(rows, bootstrapCounts(n, 400, seedrandom.xor4096('one-row')));
  assert.ok(Number.isNaN(iv.total[0].lo) && Number.isNaN(iv.total[0].hi), `${iv.total[0].lo} .. ${iv.total[0].hi}`);
  assert.is(iv.total[0].estimate, point.total[0]);
});

test.run();
