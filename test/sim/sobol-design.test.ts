import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bootstrapRng, designRng, drawRow, evaluationInputs, evaluationsPerRow } from '../../src/sim/sobol-design.js';
import { runRng } from '../../src/sim/rng.js';
import { uncertainInputs } from '../../src/scenario/uncertain-inputs.js';
import { DECIDED_YAML, scenarioFrom } from './fixtures.js';

const s = scenarioFrom(DECIDED_YAML);
const groups = uncertainInputs(s).map((i) => i.slots);
const n = s.params.length;

test('a row\'s draws depend on (seed, row) alone, differ between rows, and share no stream with a run', () => {
  const a1 = new Float64Array(n), b1 = new Float64Array(n), a2 = new Float64Array(n), b2 = new Float64Array(n);
  drawRow(s, 1, 7, a1, b1);
  drawRow(s, 1, 7, a2, b2);
  assert.equal(Array.from(a1), Array.from(a2));
  assert.equal(Array.from(b1), Array.from(b2));
  drawRow(s, 1, 8, a2, b2);
  assert.not.equal(Array.from(a1), Array.from(a2));
  assert.not.equal(designRng(1, 0)(), runRng(1, 0)());
  assert.not.equal(bootstrapRng(1)(), designRng(1, 0)());
  assert.throws(() => designRng(1, -1), /row/);
});

test('A and B draw every sampled number from the scenario\'s own distributions and keep every fixed one', () => {
  const a = new Float64Array(n), b = new Float64Array(n);
  for (let row = 0; row < 200; row++) {
    drawRow(s, 3, row, a, b);
    s.params.forEach((p, k) => {
      if (p.dist.kind === 'fixed') {
        assert.is(a[k], p.dist.value);
        assert.is(b[k], p.dist.value);
      } else if (p.dist.kind === 'uniform') {
        assert.ok(a[k] >= p.dist.lo && a[k] <= p.dist.hi && b[k] >= p.dist.lo && b[k] <= p.dist.hi);
      }
    });
    assert.not.equal(Array.from(a), Array.from(b));
  }
});

test('evaluation 0 is A, 1 is B, 2 + i is A with group i\'s numbers from B', () => {
  const a = new Float64Array(n), b = new Float64Array(n), x = new Float64Array(n);
  drawRow(s, 1, 0, a, b);
  evaluationInputs(0, a, b, groups, x);
  assert.equal(Array.from(x), Array.from(a));
  evaluationInputs(1, a, b, groups, x);
  assert.equal(Array.from(x), Array.from(b));
  evaluationInputs(3, a, b, groups, x); // group 1
  for (let k = 0; k < n; k++) assert.is(x[k], groups[1].includes(k) ? b[k] : a[k]);
  assert.is(evaluationsPerRow(groups.length), groups.length + 2);
});

test.run();
