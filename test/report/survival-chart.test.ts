import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MAX_BAR_ROUNDS, survivalChart } from '../../src/report/survival-chart.js';

test('a bar a round, in eighths of a cell, with the percentage', () => {
  assert.equal(survivalChart([1, 0.5, 0.25], 8), [
    '  round 1  ████████  100.0%',
    '  round 2  ████       50.0%',
    '  round 3  ██         25.0%',
  ]);
  // 0.3 x 8 cells x 8 = 19.2 eighths, drawn 19: 2 full cells and 3 eighths
  assert.equal(survivalChart([0.3], 8), ['  round 1  ██▍        30.0%']);
  assert.equal(survivalChart([0], 4), [`  round 1  ${' '.repeat(4)}    0.0%`]);
});

test('round labels are aligned when rounds reach two digits', () => {
  const lines = survivalChart(Array.from({ length: 10 }, (_, i) => 1 - i / 10), 10);
  assert.is(lines[0], '  round  1  ██████████  100.0%');
  assert.is(lines[9], '  round 10  █            10.0%');
});

test(`more than ${MAX_BAR_ROUNDS} rounds: a sparkline of 50 rounds a line and a legend`, () => {
  const shares = Array.from({ length: 60 }, (_, i) => (i < 30 ? 1 : i < 50 ? 0.5 : 0.05));
  const lines = survivalChart(shares);
  assert.is(lines.length, 3);
  assert.is(lines[0], `  round  1  ${'█'.repeat(30)}${'▅'.repeat(20)}`);
  assert.is(lines[1], `  round 51  ${'▁'.repeat(10)}`);
  assert.is(lines[2], '  ▁ under 12.5% still talking, █ 87.5% or more (round 1: 100.0%, round 60: 5.0%)');
});

test.run();
