/**
 * Eigenvalues and eigenvectors of a small real symmetric matrix by the cyclic Jacobi method (Golub & Van
 * Loan, Matrix Computations, 4th ed., section 8.5.2): plane rotations zero the off-diagonal entries one
 * at a time, sweep after sweep, until their sum of squares is below 1e-30 of the matrix's. Quadratically
 * convergent, accurate to rounding for the sizes the fit needs (one row a fitted parameter), and
 * well-defined on singular and indefinite matrices — which is why the fit uses it: a parameter the record
 * does not pin down shows as an eigenvalue near zero (or below it) of the Hessian.
 *
 * @example
 * const { values, vectors } = symmetricEigen([[2, 1], [1, 2]]);
 * values  // [1, 3] (ascending)
 * vectors // columns: [-0.7071, 0.7071] for 1 and [0.7071, 0.7071] for 3 (signs as found); vectors[i][k]
 *         // is component i of eigenvector k
 */

export interface SymmetricEigen {
  /** Ascending. */
  values: number[];
  /** vectors[i][k]: component i of the eigenvector of values[k] (unit length). */
  vectors: number[][];
}

export function symmetricEigen(matrix: readonly (readonly number[])[]): SymmetricEigen {
  const n = matrix.length;
  const a = matrix.map((row) => [...row]);
  for (let i = 0; i < n; i++) {
    if (a[i].length !== n) throw new RangeError('symmetricEigen: not a square matrix');
    for (let j = 0; j < i; j++) {
      if (Math.abs(a[i][j] - a[j][i]) > 1e-9 * (Math.abs(a[i][j]) + Math.abs(a[j][i]) + 1e-300)) {
        throw new RangeError(`symmetricEigen: not symmetric at (${i}, ${j})`);
      }
    }
  }
  const v: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (__, j) => (i === j ? 1 : 0)));
  let total = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) total += a[i][j] * a[i][j];
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += 2 * a[i][j] * a[i][j];
    if (off <= 1e-30 * total || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (a[p][q] === 0) continue;
        // the rotation that zeroes a[p][q] (Golub & Van Loan, Algorithm 8.5.1, the smaller angle)
        const tau = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = (tau >= 0 ? 1 : -1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k][p], akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k], aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p], vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = a.map((_, i) => i).sort((x, y) => a[x][x] - a[y][y]);
  return {
    values: order.map((i) => a[i][i]),
    vectors: v.map((row) => order.map((k) => row[k])),
  };
}
