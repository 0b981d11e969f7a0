import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { wilsonInterval, Z95 } from '../../src/stats/wilson-interval.js';

// Reference bounds from SciPy 1.17 (`scipy.stats.binomtest(x, n).proportion_ci(0.95, 'wilson')`), and
// for 1/10, 5/10, 81/263 also from the closed form in 40-digit mpmath; they agree to 1e-15.
const close = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) < 1e-12, `${what}: ${actual} vs ${expected}`);

const cases: [number, number, number, number][] = [
  // x, n, lo, hi
  [1, 10, 0.017876213095072896, 0.4041500267952385],
  [5, 10, 0.236593090512564, 0.7634069094874361],
  [7, 12, 0.31951131254954973, 0.8067396863412435],
  // Newcombe (1998) Table I, method 3, printed to 4 places: 0.2553-0.3662, 0.0624-0.1605, 0.0061-0.1718.
  [81, 263, 0.2552885198782742, 0.36620957698280004],
  [15, 148, 0.06238639953073629, 0.16048724172330803],
  [1, 29, 0.006113214292762667, 0.17175521879320282],
];

test('matches SciPy and Newcombe (1998) Table I for interior counts', () => {
  for (const [x, n, lo, hi] of cases) {
    const ci = wilsonInterval(x, n);
    assert.is(ci.p, x / n);
    close(ci.lo, lo, `${x}/${n} lo`);
    close(ci.hi, hi, `${x}/${n} hi`);
  }
  // Newcombe's own 4-place figures, as printed.
  const t = wilsonInterval(81, 263);
  assert.is(t.lo.toFixed(4), '0.2553');
  assert.is(t.hi.toFixed(4), '0.3662');
});

test('0 successes gives lo exactly 0 and n successes gives hi exactly 1', () => {
  const none = wilsonInterval(0, 10);
  assert.equal([none.p, none.lo], [0, 0]);
  close(none.hi, 0.27753279986288926, '0/10 hi'); // closed form: z²/(n + z²) = 3.8415/13.8415
  const zero20 = wilsonInterval(0, 20);
  assert.is(zero20.lo, 0);
  close(zero20.hi, 0.16112515805281935, '0/20 hi'); // Newcombe Table I: 0.1611
  const all = wilsonInterval(10, 10);
  assert.equal([all.p, all.hi], [1, 1]);
  close(all.lo, 0.7224672001371109, '10/10 lo'); // = 1 - hi of 0/10
  const all29 = wilsonInterval(29, 29);
  assert.is(all29.hi, 1);
  close(all29.lo, 0.8830302015002592, '29/29 lo'); // Newcombe Table I: 0.8830
});

test('n = 0 means no information: p = 0, lo = 0, hi = 1', () => {
  assert.equal(wilsonInterval(0, 0), { p: 0, lo: 0, hi: 1 });
});

test('is symmetric: x of n gives the mirror image of n - x of n', () => {
  for (let x = 0; x <= 17; x++) {
    const a = wilsonInterval(x, 17);
    const b = wilsonInterval(17 - x, 17);
    close(a.lo, 1 - b.hi, `lo of ${x}/17`);
    close(a.hi, 1 - b.lo, `hi of ${x}/17`);
  }
});

test('takes another z: 99% (z = 2.5758293035489004) for 3 of 40', () => {
  // mpmath, 40 digits: 0.019163255329385152872, 0.2517689761520615903.
  const ci = wilsonInterval(3, 40, 2.5758293035489004);
  close(ci.lo, 0.019163255329385153, 'lo');
  close(ci.hi, 0.2517689761520616, 'hi');
  assert.is(Z95, 1.959963984540054);
});

test('keeps lo <= p <= hi inside [0, 1] for every count up to 200, and narrows as n grows', () => {
  for (let n = 1; n <= 200; n++) {
    for (let x = 0; x <= n; x++) {
      const { p, lo, hi } = wilsonInterval(x, n);
      assert.ok(0 <= lo && lo <= p && p <= hi && hi <= 1, `${x}/${n}: ${lo} ${p} ${hi}`);
    }
  }
  const w = (x: number, n: number) => wilsonInterval(x, n).hi - wilsonInterval(x, n).lo;
  assert.ok(w(50, 100) > w(500, 1000) && w(500, 1000) > w(5000, 10000));
});

test('rejects counts outside [0, n] and meaningless n or z', () => {
  assert.throws(() => wilsonInterval(11, 10), /successes must lie in \[0, n = 10\]/);
  assert.throws(() => wilsonInterval(-1, 10), /successes must lie/);
  assert.throws(() => wilsonInterval(NaN, 10), /successes must lie/);
  assert.throws(() => wilsonInterval(0, -1), /n must be finite/);
  assert.throws(() => wilsonInterval(0, Infinity), /n must be finite/);
  assert.throws(() => wilsonInterval(1, 10, 0), /z must be finite and > 0/);
});

test.run();
