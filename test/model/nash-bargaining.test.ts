import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { NashBargainer } from '../../src/model/nash-bargaining.js';

function solve(x0: number[], lo: number[], hi: number[], pos: number[], w: number[], outside: number[], power: number[]): number[] {
  const nA = outside.length, nI = x0.length;
  const x = Float64Array.from(x0);
  new NashBargainer(nA, nI).solve(x, Float64Array.from(lo), Float64Array.from(hi), Int32Array.from(outside.map((_, i) => i)), nA,
    Float64Array.from(pos), Float64Array.from(w), Float64Array.from(outside), Float64Array.from(power));
  return Array.from(x);
}

test('the doc example: equal power, equal gains over the outside options', () => {
  const [x] = solve([50], [0], [100], [20, 80], [1, 1], [0.4, 0.6], [1, 1]);
  assert.ok(Math.abs(x - 60) < 1e-3, `x = ${x}`); // 24 golden-section steps: to 0.001 points
});

test('more bargaining power, a solution nearer the party', () => {
  const [eq] = solve([50], [0], [100], [20, 80], [1, 1], [0.4, 0.4], [1, 1]);
  const [strongA] = solve([50], [0], [100], [20, 80], [1, 1], [0.4, 0.4], [3, 1]);
  assert.ok(strongA < eq - 5, `${strongA} against ${eq}`);
});

test('the solution stays in the box of the red lines', () => {
  const [x] = solve([40], [0], [45], [20, 80], [1, 1], [0.4, 0.6], [1, 1]);
  assert.ok(x <= 45 && x > 44.9, `x = ${x}`);
});

test('two issues: each party gives on the issue it cares less about (logrolling)', () => {
  // A cares about issue 0, B about issue 1; A wants 0 on both, B 100 on both
  const x = solve([50, 50], [0, 0], [100, 100], [0, 0, 100, 100], [0.9, 0.1, 0.1, 0.9], [0.3, 0.3], [1, 1]);
  assert.ok(x[0] < 20 && x[1] > 80, `x = ${x}`);
});

test('a party already at or below its outside option at the start is not pushed further down', () => {
  const x = solve([50], [0], [100], [0, 100], [1, 1], [0.6, 0.2], [1, 1]);
  // A's utility at 50 is 0.5 < 0.6: its disagreement point is lowered to 0.45; the solution does not move away from A
  assert.ok(x[0] <= 50, `x = ${x}`);
});

test.run();
