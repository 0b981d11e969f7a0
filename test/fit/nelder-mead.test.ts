import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { nelderMead } from '../../src/fit/nelder-mead.js';

const near = (a: readonly number[], b: readonly number[], tol: number) => a.every((x, i) => Math.abs(x - b[i]) <= tol);

test('a shifted quadratic bowl in 2-D: the minimum (1, -2) to 1e-4, converged, in under 150 evaluations', async () => {
  const r = await nelderMead((x) => (x[0] - 1) ** 2 + (x[1] + 2) ** 2, [0, 0], { step: 0.5, xTol: 1e-5, fTol: 1e-10 });
  assert.ok(near(r.x, [1, -2], 1e-4), String(r.x));
  assert.ok(r.f < 1e-8, String(r.f));
  assert.ok(r.converged);
  assert.ok(r.evaluations < 150, String(r.evaluations));
});

test("Rosenbrock's banana from (-1.2, 1), the classical test (Nelder & Mead 1965): (1, 1) to 1e-3", async () => {
  const rosen = (x: readonly number[]) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
  for (const adaptive of [true, false]) {
    const r = await nelderMead(rosen, [-1.2, 1], { step: 0.5, xTol: 1e-8, fTol: 1e-12, maxEvaluations: 2000, adaptive });
    assert.ok(near(r.x, [1, 1], 1e-3), `${adaptive}: ${r.x}`);
    assert.ok(r.converged);
  }
});

test('an ill-scaled 6-D quadratic with a cross term: the minimum to 1e-3 with the adaptive coefficients', async () => {
  const target = [3, -1, 0.5, 2, -4, 1];
  const scale = [1, 10, 0.5, 3, 1, 2];
  const fn = (x: readonly number[]) => x.reduce((s, xi, i) => s + scale[i] * (xi - target[i]) ** 2, 0) + (x[0] - 3) * (x[1] + 1);
  const r = await nelderMead(fn, new Array(6).fill(0), { step: 1, xTol: 1e-6, fTol: 1e-12, maxEvaluations: 20000 });
  assert.ok(near(r.x, target, 1e-3), String(r.x));
  assert.ok(r.converged);
});

test('an asynchronous objective (as a Monte Carlo is) gives the same answer as the same function synchronous', async () => {
  const fn = (x: readonly number[]) => Math.abs(x[0] - 0.3) + (x[1] - 0.7) ** 2;
  const sync = await nelderMead(fn, [0, 0], { step: 0.2 });
  const asyncR = await nelderMead(async (x) => { await new Promise((r) => setImmediate(r)); return fn(x); }, [0, 0], { step: 0.2 });
  assert.equal(asyncR, sync);
});

test('maxEvaluations is a hard budget: exactly that many evaluations, converged false, the best point seen', async () => {
  const seen: number[] = [];
  let best = Infinity;
  const r = await nelderMead((x) => (x[0] - 5) ** 2 + (x[1] - 5) ** 2 + (x[2] - 5) ** 2, [0, 0, 0], {
    step: 0.1, maxEvaluations: 25, onEvaluation: (_, f, k) => { seen.push(k); best = Math.min(best, f); },
  });
  assert.is(r.evaluations, 25);
  assert.equal(seen, Array.from({ length: 25 }, (_, i) => i + 1));
  assert.is(r.converged, false);
  assert.is(r.f, best);
});

test('a NaN value is treated as +infinity: the simplex moves away from where the function is undefined', async () => {
  // defined only for x > 0 (a log), minimum at x = 1 where x - ln x = 1
  const r = await nelderMead((x) => (x[0] > 0 ? x[0] - Math.log(x[0]) : NaN), [3], { step: -4, xTol: 1e-6, fTol: 1e-12 });
  assert.ok(Math.abs(r.x[0] - 1) < 1e-3, String(r.x));
  assert.ok(Math.abs(r.f - 1) < 1e-6);
});

test('a step function (what a Monte Carlo with common random numbers looks like up close) still lands in the right place', async () => {
  // |x - 2| + |y + 1| seen through steps of 0.01: Nelder-Mead never needs a derivative
  const fn = (x: readonly number[]) => Math.round(100 * (Math.abs(x[0] - 2) + Math.abs(x[1] + 1))) / 100;
  const r = await nelderMead(fn, [0, 0], { step: 0.5, xTol: 1e-3, fTol: 1e-3 });
  assert.ok(near(r.x, [2, -1], 0.02), String(r.x));
});

test('no variables, or a step list of the wrong length, is a bug and throws', async () => {
  let err = '';
  try { await nelderMead(() => 0, []); } catch (e) { err = (e as Error).message; }
  assert.match(err, /no variables/);
  try { await nelderMead(() => 0, [0, 0], { step: [1] }); } catch (e) { err = (e as Error).message; }
  assert.match(err, /1 steps for 2 variables/);
});

test.run();
