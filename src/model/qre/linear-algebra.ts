/**
 * The tracer's linear algebra: factorise a small dense matrix in place, read the sign of its
 * determinant, and solve with the factors.
 *
 * Every linear system of the path tracer is the bordered Jacobian [J; t^T] (n + 1 square) or, when
 * landing with lambda fixed, its leading n x n block J_v (path-tracer.ts). Both want the same two
 * things: the solution of a system and the *sign* of the determinant, which orients the branch
 * (Allgower & Georg 1990, §2.1: sign det [J; t^T] is constant along a smooth branch and flips at a
 * simple bifurcation point). So the factorisation returns that sign and records the determinant.
 *
 * - Up to 4 x 4 (every system of 2x2, 2x3, 3x3 and four-agent binary games once players are
 *   eliminated): the explicit inverse by cofactors, no loops and no pivoting; the determinant comes
 *   with it (4 x 4: Laplace expansion in 2 x 2 minors, as in the usual closed-form 4 x 4 inverse).
 * - Beyond: LU with partial pivoting (Golub & Van Loan 2013, alg. 3.4.1), the pivots' reciprocals
 *   kept so that solving multiplies instead of divides; det = (-1)^swaps prod(pivots).
 *
 * A matrix is taken as the leading m x m block of a row-major Float64Array with row stride s, so a
 * system and its bordered version share one buffer. Nothing is allocated: the pivot indices,
 * reciprocals and determinant live in an `LuFactors` reused across calls.
 *
 * @example
 * const lu = new LuFactors(3), a = Float64Array.of(2, 1, 1, 3); // [[2, 1], [1, 3]]
 * luFactor(a, 2, 2, lu); // 1 (det 5 > 0); lu.det === 5
 * const b = Float64Array.of(3, 4); luSolve(a, 2, 2, lu, b); // b = [1.0000000000000002, 1]
 */

/** Pivots, pivot reciprocals and determinant of the last factorisation (capacity: the largest m). */
export class LuFactors {
  /** row interchanged with row k at step k; piv[0] = -1 marks an explicit inverse (m <= 4) */
  readonly piv: Int32Array;
  /** 1 / pivot k (LU only) */
  readonly invPivot: Float64Array;
  /** (a typed array, so that writing the determinant never boxes it) */
  private readonly value = new Float64Array(1);

  constructor(capacity: number) {
    this.piv = new Int32Array(capacity);
    this.invPivot = new Float64Array(capacity);
  }

  /** determinant of the matrix last factorised (0 when it was numerically singular) */
  get det(): number {
    return this.value[0];
  }

  set det(d: number) {
    this.value[0] = d;
  }
}

/**
 * Factorises the leading m x m block of a (row stride s) in place: the explicit inverse for m <= 4,
 * LU with partial pivoting otherwise. Returns the sign of the determinant (+1 or -1; 0 if the
 * matrix is numerically singular) and records the determinant in lu.det. luSolve then solves with it.
 */
export function luFactor(a: Float64Array, m: number, s: number, lu: LuFactors): number {
  if (m <= 4) return invertSmall(a, m, s, lu);
  const { piv, invPivot } = lu;
  let det = 1;
  for (let k = 0; k < m; k++) {
    const rk = k * s;
    let p = k;
    let big = Math.abs(a[rk + k]);
    for (let i = k + 1; i < m; i++) {
      const v = Math.abs(a[i * s + k]);
      if (v > big) {
        big = v;
        p = i;
      }
    }
    piv[k] = p;
    if (!(big > 1e-300)) {
      lu.det = 0;
      return 0;
    }
    if (p !== k) {
      det = -det;
      const rp = p * s;
      for (let j = 0; j < m; j++) {
        const tmp = a[rk + j];
        a[rk + j] = a[rp + j];
        a[rp + j] = tmp;
      }
    }
    const pivot = a[rk + k];
    det *= pivot;
    const inv = 1 / pivot;
    invPivot[k] = inv;
    for (let i = k + 1; i < m; i++) {
      const ri = i * s;
      const fi = a[ri + k] * inv;
      a[ri + k] = fi;
      if (fi !== 0) for (let j = k + 1; j < m; j++) a[ri + j] -= fi * a[rk + j];
    }
  }
  lu.det = det;
  return det > 0 ? 1 : -1;
}

/**
 * In-place inverse of a 1x1 to 4x4 block by cofactors (4x4: Laplace expansion in 2x2 minors);
 * piv[0] = -1 marks it for luSolve.
 */
function invertSmall(a: Float64Array, m: number, s: number, lu: LuFactors): number {
  lu.piv[0] = -1;
  let det: number;
  if (m === 4) {
    const s2 = 2 * s;
    const s3 = 3 * s;
    const a00 = a[0];
    const a01 = a[1];
    const a02 = a[2];
    const a03 = a[3];
    const a10 = a[s];
    const a11 = a[s + 1];
    const a12 = a[s + 2];
    const a13 = a[s + 3];
    const a20 = a[s2];
    const a21 = a[s2 + 1];
    const a22 = a[s2 + 2];
    const a23 = a[s2 + 3];
    const a30 = a[s3];
    const a31 = a[s3 + 1];
    const a32 = a[s3 + 2];
    const a33 = a[s3 + 3];
    const b00 = a00 * a11 - a01 * a10;
    const b01 = a00 * a12 - a02 * a10;
    const b02 = a00 * a13 - a03 * a10;
    const b03 = a01 * a12 - a02 * a11;
    const b04 = a01 * a13 - a03 * a11;
    const b05 = a02 * a13 - a03 * a12;
    const b06 = a20 * a31 - a21 * a30;
    const b07 = a20 * a32 - a22 * a30;
    const b08 = a20 * a33 - a23 * a30;
    const b09 = a21 * a32 - a22 * a31;
    const b10 = a21 * a33 - a23 * a31;
    const b11 = a22 * a33 - a23 * a32;
    det = b00 * b11 - b01 * b10 + b02 * b09 + b03 * b08 - b04 * b07 + b05 * b06;
    lu.det = det;
    if (!(det !== 0 && det - det === 0)) return 0;
    const r = 1 / det;
    a[0] = (a11 * b11 - a12 * b10 + a13 * b09) * r;
    a[1] = (a02 * b10 - a01 * b11 - a03 * b09) * r;
    a[2] = (a31 * b05 - a32 * b04 + a33 * b03) * r;
    a[3] = (a22 * b04 - a21 * b05 - a23 * b03) * r;
    a[s] = (a12 * b08 - a10 * b11 - a13 * b07) * r;
    a[s + 1] = (a00 * b11 - a02 * b08 + a03 * b07) * r;
    a[s + 2] = (a32 * b02 - a30 * b05 - a33 * b01) * r;
    a[s + 3] = (a20 * b05 - a22 * b02 + a23 * b01) * r;
    a[s2] = (a10 * b10 - a11 * b08 + a13 * b06) * r;
    a[s2 + 1] = (a01 * b08 - a00 * b10 - a03 * b06) * r;
    a[s2 + 2] = (a30 * b04 - a31 * b02 + a33 * b00) * r;
    a[s2 + 3] = (a21 * b02 - a20 * b04 - a23 * b00) * r;
    a[s3] = (a11 * b07 - a10 * b09 - a12 * b06) * r;
    a[s3 + 1] = (a00 * b09 - a01 * b07 + a02 * b06) * r;
    a[s3 + 2] = (a31 * b01 - a30 * b03 - a32 * b00) * r;
    a[s3 + 3] = (a20 * b03 - a21 * b01 + a22 * b00) * r;
  } else if (m === 3) {
    const s2 = 2 * s;
    const a00 = a[0];
    const a01 = a[1];
    const a02 = a[2];
    const a10 = a[s];
    const a11 = a[s + 1];
    const a12 = a[s + 2];
    const a20 = a[s2];
    const a21 = a[s2 + 1];
    const a22 = a[s2 + 2];
    const c00 = a11 * a22 - a12 * a21;
    const c01 = a12 * a20 - a10 * a22;
    const c02 = a10 * a21 - a11 * a20;
    det = a00 * c00 + a01 * c01 + a02 * c02;
    lu.det = det;
    if (!(det !== 0 && det - det === 0)) return 0;
    const r = 1 / det;
    a[0] = c00 * r;
    a[1] = (a02 * a21 - a01 * a22) * r;
    a[2] = (a01 * a12 - a02 * a11) * r;
    a[s] = c01 * r;
    a[s + 1] = (a00 * a22 - a02 * a20) * r;
    a[s + 2] = (a02 * a10 - a00 * a12) * r;
    a[s2] = c02 * r;
    a[s2 + 1] = (a01 * a20 - a00 * a21) * r;
    a[s2 + 2] = (a00 * a11 - a01 * a10) * r;
  } else if (m === 2) {
    const a00 = a[0];
    const a01 = a[1];
    const a10 = a[s];
    const a11 = a[s + 1];
    det = a00 * a11 - a01 * a10;
    lu.det = det;
    if (!(det !== 0 && det - det === 0)) return 0;
    const r = 1 / det;
    a[0] = a11 * r;
    a[1] = -a01 * r;
    a[s] = -a10 * r;
    a[s + 1] = a00 * r;
  } else {
    det = a[0];
    lu.det = det;
    if (!(det !== 0 && det - det === 0)) return 0;
    a[0] = 1 / det;
  }
  return det > 0 ? 1 : -1;
}

/** Solves for z with (the factorised) a z = b, in place, for a factorised by luFactor. */
export function luSolve(a: Float64Array, m: number, s: number, lu: LuFactors, b: Float64Array): void {
  const piv = lu.piv;
  if (piv[0] < 0) {
    // Explicit inverse (m <= 4): b <- a b.
    const b0 = b[0];
    if (m === 1) {
      b[0] = a[0] * b0;
      return;
    }
    const b1 = b[1];
    if (m === 2) {
      b[0] = a[0] * b0 + a[1] * b1;
      b[1] = a[s] * b0 + a[s + 1] * b1;
      return;
    }
    const b2 = b[2];
    const s2 = 2 * s;
    if (m === 3) {
      b[0] = a[0] * b0 + a[1] * b1 + a[2] * b2;
      b[1] = a[s] * b0 + a[s + 1] * b1 + a[s + 2] * b2;
      b[2] = a[s2] * b0 + a[s2 + 1] * b1 + a[s2 + 2] * b2;
      return;
    }
    const b3 = b[3];
    const s3 = 3 * s;
    b[0] = a[0] * b0 + a[1] * b1 + a[2] * b2 + a[3] * b3;
    b[1] = a[s] * b0 + a[s + 1] * b1 + a[s + 2] * b2 + a[s + 3] * b3;
    b[2] = a[s2] * b0 + a[s2 + 1] * b1 + a[s2 + 2] * b2 + a[s2 + 3] * b3;
    b[3] = a[s3] * b0 + a[s3 + 1] * b1 + a[s3 + 2] * b2 + a[s3 + 3] * b3;
    return;
  }
  // Forward substitution with the row interchanges applied on the way, then back substitution.
  const invPivot = lu.invPivot;
  for (let i = 0; i < m; i++) {
    const p = piv[i];
    let sum = b[p];
    if (p !== i) b[p] = b[i];
    const ri = i * s;
    for (let j = 0; j < i; j++) sum -= a[ri + j] * b[j];
    b[i] = sum;
  }
  for (let i = m - 1; i >= 0; i--) {
    const ri = i * s;
    let sum = b[i];
    for (let j = i + 1; j < m; j++) sum -= a[ri + j] * b[j];
    b[i] = sum * invPivot[i];
  }
}
