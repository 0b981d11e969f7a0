import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { newcombeDifference, pairedNewcombeDifference } from '../../src/stats/newcombe-difference.js';

const close = (a: number, b: number, tol = 5e-5) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

test('independent samples: Newcombe 1998a Table II, method 10 (56/70 vs 48/80: 0.0524 to 0.3339; 9/10 vs 3/10: 0.1705 to 0.8090)', () => {
  const a = newcombeDifference(56, 70, 48, 80);
  close(a.d, 0.2, 1e-12); close(a.lo, 0.0524); close(a.hi, 0.3339);
  const b = newcombeDifference(9, 10, 3, 10);
  close(b.lo, 0.1705); close(b.hi, 0.8090);
});

test('paired: the square-and-add interval of the Cavo et al. (2012) table (59, 6, 16, 80), computed from the published formula in Python', () => {
  const r = pairedNewcombeDifference(59, 6, 16, 80);
  close(r.d, -0.06211180124223603, 1e-15); close(r.lo, -0.11862119563870994, 1e-14); close(r.hi, -0.004625113933050061, 1e-14);
});

test('paired with weak correlation (A <= n/2, φ = 0) equals the independent interval of the margins', () => {
  const p = pairedNewcombeDifference(1, 1, 7, 12); // n 21, A = 5 <= 10.5
  const i = newcombeDifference(2, 21, 8, 21);
  close(p.lo, i.lo, 1e-15); close(p.hi, i.hi, 1e-15);
  close(p.lo, -0.506920226686141, 1e-14);
});

test('pairing narrows the interval when the runs are strongly correlated, and identical runs give d = 0 inside it', () => {
  const paired = pairedNewcombeDifference(400, 20, 10, 570);
  const indep = newcombeDifference(420, 1000, 410, 1000);
  assert.ok(paired.hi - paired.lo < (indep.hi - indep.lo) / 2);
  const same = pairedNewcombeDifference(300, 0, 0, 700);
  assert.is(same.d, 0);
  assert.ok(same.lo < 0 && same.hi > 0);
});

test.run();
