import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { seedHomogeneity } from '../../src/stats/seed-homogeneity.js';

test('10, 20, 30 of 100: pooled 0.2, X² = 12.5 on 2 df, p = e^-6.25 (by hand), sd 0.1 across vs 0.04 expected', () => {
  const h = seedHomogeneity([10, 20, 30], [100, 100, 100]);
  assert.is(h.pooled.p, 0.2);
  assert.ok(Math.abs(h.chi_square - 12.5) < 1e-12);
  assert.is(h.df, 2);
  assert.ok(Math.abs(h.p_value - Math.exp(-6.25)) < 1e-15);
  assert.ok(Math.abs(h.sd_across - 0.1) < 1e-12 && Math.abs(h.sd_expected - 0.04) < 1e-12);
});

test('equal estimates give X² = 0 and p = 1; an outcome that never happens too', () => {
  assert.equal([seedHomogeneity([5, 5], [50, 50]).chi_square, seedHomogeneity([5, 5], [50, 50]).p_value], [0, 1]);
  assert.is(seedHomogeneity([0, 0, 0], [10, 10, 10]).p_value, 1);
});

test('one seed: no test (df 0, p 1)', () => {
  const h = seedHomogeneity([3], [10]);
  assert.is(h.df, 0);
  assert.is(h.p_value, 1);
});

test.run();
