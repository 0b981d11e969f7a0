import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { symmetricEigen } from '../../src/fit/symmetric-eigen.js';

/** V diag(values) V^T */
function rebuild(values: number[], vectors: number[][]): number[][] {
  const n = values.length;
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (__, j) => values.reduce((s, l, k) => s + l * vectors[i][k] * vectors[j][k], 0)));
}

test('[[2, 1], [1, 2]]: eigenvalues 1 and 3, eigenvectors (1, -1) and (1, 1) over sqrt 2', () => {
  const { values, vectors } = symmetricEigen([[2, 1], [1, 2]]);
  assert.ok(Math.abs(values[0] - 1) < 1e-14 && Math.abs(values[1] - 3) < 1e-14, String(values));
  assert.ok(Math.abs(Math.abs(vectors[0][0]) - Math.SQRT1_2) < 1e-14);
  assert.ok(Math.abs(vectors[0][0] + vectors[1][0]) < 1e-14, 'the first is (1, -1) up to sign');
  assert.ok(Math.abs(vectors[0][1] - vectors[1][1]) < 1e-14, 'the second is (1, 1) up to sign');
});

test('a 4x4 matrix with a known spectrum (the 1-2-1 second-difference matrix: 2 - 2 cos(k pi / 5))', () => {
  const a = [[2, -1, 0, 0], [-1, 2, -1, 0], [0, -1, 2, -1], [0, 0, -1, 2]];
  const { values, vectors } = symmetricEigen(a);
  const expected = [1, 2, 3, 4].map((k) => 2 - 2 * Math.cos((k * Math.PI) / 5));
  values.forEach((v, k) => assert.ok(Math.abs(v - expected[k]) < 1e-13, `${v} vs ${expected[k]}`));
  const back = rebuild(values, vectors);
  a.forEach((row, i) => row.forEach((x, j) => assert.ok(Math.abs(back[i][j] - x) < 1e-13)));
  // orthonormal columns
  for (let k = 0; k < 4; k++) for (let l = 0; l < 4; l++) {
    const dot = vectors.reduce((s, row) => s + row[k] * row[l], 0);
    assert.ok(Math.abs(dot - (k === l ? 1 : 0)) < 1e-13);
  }
});

test('singular and indefinite matrices: a zero and a negative eigenvalue come out as such', () => {
  const { values } = symmetricEigen([[1, 1], [1, 1]]);
  assert.ok(Math.abs(values[0]) < 1e-15 && Math.abs(values[1] - 2) < 1e-14, String(values));
  const ind = symmetricEigen([[0, 2], [2, 0]]).values;
  assert.ok(Math.abs(ind[0] + 2) < 1e-14 && Math.abs(ind[1] - 2) < 1e-14, String(ind));
});

test('a diagonal matrix is its own answer, sorted; a non-symmetric one is a bug and throws', () => {
  assert.equal(symmetricEigen([[3, 0], [0, -1]]).values, [-1, 3]);
  assert.throws(() => symmetricEigen([[1, 2], [0, 1]]), /not symmetric/);
});

test.run();
