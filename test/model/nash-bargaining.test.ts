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
  assert.ok(Math.abs(x - 60) < 1e-12, `x = ${x}`); // the root of the slope, to the last bits
});

test('unequal power: the solution is the root of the slope between the two positions, x = 100/3', () => {
  // A at 20, B at 80, outside options 0.2, power 2 and 1: gain_A = 0.8 - (x - 20)/100 = (100 - x)/100 and
  // gain_B = 0.8 - (80 - x)/100 = x/100; the slope -2/(100 - x) + 1/x is 0 at x = 100/3
  const [x] = solve([50], [0], [100], [20, 80], [1, 1], [0.2, 0.2], [2, 1]);
  assert.ok(Math.abs(x - 100 / 3) < 1e-12, `x = ${x}`);
});

test('a dominant party: the solution is its position exactly (the slope changes sign at the kink)', () => {
  // power 10 against 1: the slope just left of 20 is positive and just right negative
  const [x] = solve([50], [0], [100], [20, 80], [1, 1], [0.2, 0.2], [10, 1]);
  assert.is(x, 20);
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

/** The Nash product's logarithm as the solver defines it (disagreement points set at the start). */
function nashLog(x: number[], x0: number[], pos: number[], w: number[], outside: number[], power: number[]): number {
  const nI = x.length;
  const u = (y: number[], a: number) => 1 - y.reduce((s, v, k) => s + w[a * nI + k] * Math.abs(v - pos[a * nI + k]), 0) / 100;
  let f = 0;
  for (let a = 0; a < outside.length; a++) {
    const gain = u(x, a) - Math.min(outside[a], u(x0, a) - 0.05);
    if (!(gain > 0)) return -Infinity;
    f += power[a] * Math.log(gain);
  }
  return f;
}

test('one issue, four parties: no point of a fine grid does better, and the box is kept', () => {
  const pos = [12.5, 37, 61.25, 90], w = [1, 1, 1, 1], outside = [0.55, 0.5, 0.45, 0.6], power = [0.7, 0.3, 0.9, 0.5];
  const [x] = solve([50], [10], [80], pos, w, outside, power);
  const f = nashLog([x], [50], pos, w, outside, power);
  let gridBest = -Infinity, gridX = NaN;
  for (let i = 0; i <= 700_000; i++) {
    const y = 10 + i / 10_000;
    const g = nashLog([y], [50], pos, w, outside, power);
    if (g > gridBest) { gridBest = g; gridX = y; }
  }
  assert.ok(x >= 10 && x <= 80, `x = ${x}`);
  assert.ok(f >= gridBest - 1e-12, `f(${x}) = ${f} < grid ${gridBest} at ${gridX}`);
  assert.ok(Math.abs(x - gridX) < 2e-4, `${x} against the grid's ${gridX}`);
});

test('two issues: two passes end at least as high as the best point of a grid, within 1e-6', () => {
  // A cares about issue 0, B about issue 1, C about both; start at the median 50, 50
  const pos = [10, 30, 90, 70, 40, 60], w = [0.7, 0.3, 0.2, 0.8, 0.5, 0.5], outside = [0.5, 0.5, 0.6], power = [1, 0.8, 0.6];
  const x = solve([50, 50], [0, 0], [100, 100], pos, w, outside, power);
  const f = nashLog(x, [50, 50], pos, w, outside, power);
  let gridBest = -Infinity;
  for (let i = 0; i <= 1000; i++) {
    for (let j = 0; j <= 1000; j++) gridBest = Math.max(gridBest, nashLog([i / 10, j / 10], [50, 50], pos, w, outside, power));
  }
  assert.ok(f > nashLog([50, 50], [50, 50], pos, w, outside, power) + 0.01, `x = ${x}`);
  assert.ok(f >= gridBest - 1e-6, `f(${x}) = ${f} against the grid's ${gridBest}`);
});

test.run();
