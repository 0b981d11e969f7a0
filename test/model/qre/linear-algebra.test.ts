import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { LuFactors, luFactor, luSolve } from '../../../src/model/qre/linear-algebra.js';
import { lcg } from '../random-games.js';

/** Gaussian elimination on a copy, for reference: solution and determinant. */
function reference(a: number[][], b: number[]): { x: number[]; det: number } {
  const m = a.map((row, i) => [...row, b[i]]);
  const n = b.length;
  let det = 1;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(m[i][k]) > Math.abs(m[p][k])) p = i;
    if (p !== k) [m[p], m[k]] = [m[k], m[p]], (det = -det);
    det *= m[k][k];
    for (let i = k + 1; i < n; i++) {
      const f = m[i][k] / m[k][k];
      for (let j = k; j <= n; j++) m[i][j] -= f * m[k][j];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = m[i][n];
    for (let j = i + 1; j < n; j++) s -= m[i][j] * x[j];
    x[i] = s / m[i][i];
  }
  return { x, det };
}

test('doc example: [[2, 1], [1, 3]] has determinant 5 and solves b = (3, 4) to (1, 1)', () => {
  const lu = new LuFactors(3);
  const a = Float64Array.of(2, 1, 1, 3);
  assert.is(luFactor(a, 2, 2, lu), 1);
  assert.is(lu.det, 5);
  const b = Float64Array.of(3, 4);
  luSolve(a, 2, 2, lu, b);
  assert.equal(Array.from(b), [1.0000000000000002, 1]);
});

test('every size from 1 to 7 (explicit inverse up to 4, LU beyond) solves as Gaussian elimination does, with the sign of the determinant', () => {
  const rand = lcg(5);
  for (let n = 1; n <= 7; n++) {
    for (let trial = 0; trial < 20; trial++) {
      const rows = Array.from({ length: n }, () => Array.from({ length: n }, () => rand() * 2 - 1));
      const rhs = Array.from({ length: n }, () => rand() * 2 - 1);
      const want = reference(rows, rhs);
      // Stored as the leading block of a matrix with stride n + 2, as the tracer stores [J; t^T].
      const s = n + 2;
      const a = new Float64Array(s * s).fill(NaN);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * s + j] = rows[i][j];
      const lu = new LuFactors(s);
      assert.is(luFactor(a, n, s, lu), Math.sign(want.det), `n ${n}`);
      assert.ok(Math.abs(lu.det - want.det) <= 1e-12 * Math.max(1, Math.abs(want.det)), `n ${n}: det ${lu.det} vs ${want.det}`);
      const b = Float64Array.from(rhs);
      luSolve(a, n, s, lu, b);
      for (let i = 0; i < n; i++) assert.ok(Math.abs(b[i] - want.x[i]) < 1e-9 * (1 + Math.abs(want.x[i])), `n ${n}`);
    }
  }
});

test('a singular matrix gives sign 0 and determinant 0, small or large', () => {
  const lu = new LuFactors(6);
  assert.is(luFactor(Float64Array.of(1, 2, 2, 4), 2, 2, lu), 0);
  assert.is(lu.det, 0);
  const big = new Float64Array(36);
  for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) big[i * 6 + j] = i < 5 ? i + j : 0; // last row zero
  assert.is(luFactor(big, 6, 6, lu), 0);
  assert.is(lu.det, 0);
});

test('swapping two rows flips the sign: the orientation test of the tracer', () => {
  const lu = new LuFactors(5);
  const rows = [[1, 2, 0, 0, 1], [0, 1, 3, 0, 0], [2, 0, 1, 1, 0], [0, 0, 1, 2, 1], [1, 1, 0, 0, 3]];
  const flat = (r: number[][]) => Float64Array.from(r.flat());
  const s1 = luFactor(flat(rows), 5, 5, lu);
  const d1 = lu.det;
  const s2 = luFactor(flat([rows[1], rows[0], ...rows.slice(2)]), 5, 5, lu);
  assert.is(s2, -s1);
  assert.ok(Math.abs(lu.det + d1) < 1e-12, `${lu.det} vs ${-d1}`);
});

test.run();
