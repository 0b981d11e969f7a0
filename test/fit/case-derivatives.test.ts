import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { caseDerivatives, pseudoInverse, stencilEvaluations } from '../../src/fit/case-derivatives.js';
import type { Evaluation, RecordObjective } from '../../src/fit/objective.js';
import { fitParameter, fromSearch, toSearch, type FitParameter } from '../../src/fit/parameters.js';

/**
 * A stand-in for the Monte Carlo objective: case c's loss a quadratic in the search coordinates,
 * L_c(z) = 1/2 (z - m_c)' A_c (z - m_c), so finite differences give its derivatives exactly (to rounding).
 */
function quadraticObjective(ps: FitParameter[], a: number[][][], m: number[][]): RecordObjective & { calls: number } {
  const o = {
    parameters: ps,
    calls: 0,
    async evaluate(values: readonly number[], cases?: readonly number[]): Promise<Evaluation> {
      o.calls++;
      const z = ps.map((p, k) => toSearch(p, values[k]));
      const which = cases ? [...cases] : a.map((_, c) => c);
      const caseLoss = which.map((c) => {
        const d = z.map((zi, i) => zi - m[c][i]);
        return 0.5 * d.reduce((s, di, i) => s + di * d.reduce((t, dj, j) => t + a[c][i][j] * dj, 0), 0);
      });
      return { values: [...values], cases: which, caseLoss, counts: [], logLoss: NaN };
    },
  };
  return o as unknown as RecordObjective & { calls: number };
}

const ps = [fitParameter('lambda')!, fitParameter('miss')!];
const A = [[[2, 0.5], [0.5, 1]], [[1, -0.2], [-0.2, 3]], [[0.5, 0], [0, 0.5]]];
const M = [[0.1, -0.3], [-0.2, 0.4], [0.3, 0]];

test('on quadratic cases the stencil gives each case\'s gradient and Hessian and their sum exactly: 1 + 2d + d(d-1)/2 evaluations', async () => {
  const o = quadraticObjective(ps, A, M);
  const z = [0.05, -0.1];
  const d = await caseDerivatives(o, ps.map((p, k) => toSearch(p, fromSearch(p, z[k]))), { h: 0.3 });
  assert.is(d.evaluations, stencilEvaluations(2));
  assert.is(stencilEvaluations(2), 6);
  assert.is(stencilEvaluations(8), 45);
  assert.is(o.calls, 6);
  assert.equal(d.cases, [0, 1, 2]);
  for (let c = 0; c < 3; c++) {
    // gradient A_c (z - m_c), Hessian A_c
    const g = [0, 1].map((i) => A[c][i][0] * (d.z[0] - M[c][0]) + A[c][i][1] * (d.z[1] - M[c][1]));
    g.forEach((gi, i) => assert.ok(Math.abs(d.gradients[c][i] - gi) < 1e-9, `case ${c} g${i}: ${d.gradients[c][i]} vs ${gi}`));
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) assert.ok(Math.abs(d.caseHessians[c][i][j] - A[c][i][j]) < 1e-8);
  }
  for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) {
    assert.ok(Math.abs(d.hessian[i][j] - (A[0][i][j] + A[1][i][j] + A[2][i][j])) < 1e-8);
  }
});

test('the pseudo-inverse leaves out flat and downward directions and says which coordinates they touch', () => {
  const { inverse, identified } = pseudoInverse([[2, 0], [0, 0]]);
  assert.equal(inverse, [[0.5, 0], [0, 0]]);
  assert.equal(identified, [true, false]);
  // a direction curving down: (1, 1)/sqrt 2 with eigenvalue -1, (1, -1)/sqrt 2 with 3: both coordinates touch it
  const down = pseudoInverse([[1, -2], [-2, 1]]);
  assert.equal(down.identified, [false, false]);
  const full = pseudoInverse([[4, 1], [1, 3]]);
  assert.equal(full.identified, [true, true]);
  // the true inverse of [[4, 1], [1, 3]] is [[3, -1], [-1, 4]] / 11
  [[3, -1], [-1, 4]].forEach((row, i) => row.forEach((x, j) => assert.ok(Math.abs(full.inverse[i][j] - x / 11) < 1e-14)));
});

test.run();
