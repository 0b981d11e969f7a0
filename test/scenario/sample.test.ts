import { test } from 'uvu';
import * as assert from 'uvu/assert';
import seedrandom from 'seedrandom';
import { sampleParams } from '../../src/scenario/sample.js';
import { normalQuantile, sampleNormal } from '../../src/scenario/distributions/normal.js';
import { sampleTriangular, triangularQuantile } from '../../src/scenario/distributions/triangular.js';
import { sampleUniform } from '../../src/scenario/distributions/uniform.js';
import { sampleGamma } from '../../src/scenario/distributions/gamma.js';
import { sampleBeta } from '../../src/scenario/distributions/beta.js';
import { distributionMean } from '../../src/scenario/distributions/mean.js';
import type { Distribution, ParamSpec } from '../../src/scenario/types.js';

const N = 100_000;

function stats(draw: () => number): { mean: number; sd: number; min: number; max: number } {
  let s = 0;
  let s2 = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < N; i++) {
    const x = draw();
    s += x;
    s2 += x * x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const mean = s / N;
  return { mean, sd: Math.sqrt((s2 - N * mean * mean) / (N - 1)), min, max };
}

/** |got - want| within `k` standard errors of a mean of N draws with standard deviation `sd`. */
function nearMean(got: number, want: number, sd: number, what: string, k = 4): void {
  const se = sd / Math.sqrt(N);
  assert.ok(Math.abs(got - want) <= k * se, `${what}: mean ${got}, want ${want} ± ${k * se}`);
}

function near(got: number, want: number, tol: number, what: string): void {
  assert.ok(Math.abs(got - want) <= tol, `${what}: ${got}, want ${want} ± ${tol}`);
}

function counting(rng: () => number): { rng: () => number; count: () => number } {
  let n = 0;
  return { rng: () => { n++; return rng(); }, count: () => n };
}

test('normalQuantile agrees with Python statistics.NormalDist().inv_cdf (also AS 241) to 1e-15', () => {
  // values printed by Python 3: from statistics import NormalDist; NormalDist().inv_cdf(p)
  const cases: [number, number][] = [
    [0.975, 1.9599639845400536],
    [0.3, -0.5244005127080407],
    [0.02, -2.0537489106318225],
    [1e-10, -6.361340902404056],
    [1e-300, -37.0470962993612],
    [0.999999, 4.753424308817089],
    [0.8413447460685429, 1.0],
  ];
  for (const [p, x] of cases) assert.ok(Math.abs(normalQuantile(p) - x) <= 1e-15 * Math.max(1, Math.abs(x)), `p=${p}: ${normalQuantile(p)} vs ${x}`);
  assert.is(normalQuantile(0.5), 0);
  assert.is(normalQuantile(0), -Infinity);
  assert.is(normalQuantile(1), Infinity);
  assert.ok(Number.isNaN(normalQuantile(1.5)));
});

test('each normal draw uses exactly one uniform, the quantile at it', () => {
  assert.is(sampleNormal(10, 2, () => 0.975), 13.919927969080106);
  const c = counting(seedrandom.xor4096('test'));
  for (let i = 0; i < 1000; i++) sampleNormal(0, 1, c.rng);
  assert.is(c.count(), 1000);
});

test('normal(50, 10): mean 50 and sd 10 over 100,000 draws', () => {
  const rng = seedrandom.xor4096('test');
  const s = stats(() => sampleNormal(50, 10, rng));
  nearMean(s.mean, 50, 10, 'normal');
  near(s.sd, 10, 0.1, 'normal sd');
});

test('uniform(20, 40): inside [20, 40], mean 30, sd 20/sqrt(12)', () => {
  const rng = seedrandom.xor4096('test');
  const s = stats(() => sampleUniform(20, 40, rng));
  assert.ok(s.min >= 20 && s.max < 40);
  nearMean(s.mean, 30, 20 / Math.sqrt(12), 'uniform');
  near(s.sd, 20 / Math.sqrt(12), 0.05, 'uniform sd');
  assert.is(sampleUniform(20, 40, () => 0.25), 25);
});

test('triangular(80, 95, 100): quantiles by hand, mean 275/3, sd sqrt(325/18)', () => {
  assert.is(triangularQuantile(0.5, 0, 50, 100), 50);
  assert.is(triangularQuantile(0.125, 0, 50, 100), 25);
  assert.is(triangularQuantile(0, 80, 95, 100), 80);
  assert.is(triangularQuantile(1, 80, 95, 100), 100);
  // F(mode) = 15/20 = 0.75, so u = 0.75 lands on the mode
  assert.is(sampleTriangular(80, 95, 100, () => 0.75), 95);
  const rng = seedrandom.xor4096('test');
  const s = stats(() => sampleTriangular(80, 95, 100, rng));
  // var = (80² + 95² + 100² - 80·95 - 80·100 - 95·100)/18 = 325/18
  const sd = Math.sqrt(325 / 18);
  assert.ok(s.min >= 80 && s.max <= 100);
  nearMean(s.mean, 275 / 3, sd, 'triangular');
  near(s.sd, sd, 0.05, 'triangular sd');
});

test('gamma(3) and gamma(0.3): mean and variance equal the shape', () => {
  for (const shape of [3, 0.3]) {
    const rng = seedrandom.xor4096('test');
    const s = stats(() => sampleGamma(shape, rng));
    assert.ok(s.min > 0);
    nearMean(s.mean, shape, Math.sqrt(shape), `gamma(${shape})`);
    near(s.sd * s.sd, shape, 0.05 * shape, `gamma(${shape}) variance`);
  }
  // x = Φ⁻¹(0.5) = 0 gives v = 1, accepted at once: d·v = 1 - 1/3
  const seq = [0.5, 0.1];
  let i = 0;
  // (returned through exp(log d), hence the last-bit rounding)
  near(sampleGamma(1, () => seq[i++]), 2 / 3, 1e-15, 'gamma(1) at x = 0');
});

test('beta(2, 6), beta(8, 2), beta(0.5, 0.5): inside [0, 1], mean a/(a+b), sd sqrt(ab/((a+b)²(a+b+1)))', () => {
  for (const [a, b] of [[2, 6], [8, 2], [0.5, 0.5], [0.05, 0.05]]) {
    const rng = seedrandom.xor4096('test');
    const s = stats(() => sampleBeta(a, b, rng));
    const mean = a / (a + b);
    const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
    assert.ok(s.min >= 0 && s.max <= 1, `beta(${a}, ${b}) range [${s.min}, ${s.max}]`);
    nearMean(s.mean, mean, sd, `beta(${a}, ${b})`);
    near(s.sd, sd, 0.01 * Math.max(sd, 0.1) + 0.002, `beta(${a}, ${b}) sd`);
  }
  const seq = [0.5, 0.1, 0.5, 0.1];
  let i = 0;
  assert.is(sampleBeta(1, 1, () => seq[i++]), 0.5);
});

const fixed = (path: string, value: number, min = 0, max = 1): ParamSpec => ({ path, dist: { kind: 'fixed', value }, min, max });
const spec = (path: string, dist: Distribution, min: number, max: number): ParamSpec => ({ path, dist, min, max });

test('sampleParams writes one value per param, in order; fixed params consume no draws', () => {
  const params = [
    fixed('model.lambda', 8, 0, 1000),
    spec('a', { kind: 'uniform', lo: 0.2, hi: 0.4 }, 0, 1),
    fixed('b', 0.5),
    spec('c', { kind: 'normal', mean: 50, sd: 5 }, 0, 100),
    spec('d', { kind: 'triangular', lo: 1, mode: 2, hi: 4 }, 0, 10),
    fixed('e', 0.7),
  ];
  const c = counting(seedrandom.xor4096('test'));
  const out = new Float64Array(params.length);
  sampleParams(params, c.rng, out);
  assert.is(c.count(), 3);
  assert.is(out[0], 8);
  assert.is(out[2], 0.5);
  assert.is(out[5], 0.7);
  // the same three uniforms, by hand
  const u = seedrandom.xor4096('test');
  const u1 = u(), u2 = u(), u3 = u();
  assert.is(out[1], 0.2 + 0.2 * u1);
  assert.is(out[3], 50 + 5 * normalQuantile(u2));
  assert.is(out[4], triangularQuantile(u3, 1, 2, 4));
  // only fixed params: no draw at all
  const none = counting(seedrandom.xor4096('test'));
  sampleParams([fixed('x', 1), fixed('y', 2, 0, 5)], none.rng, new Float64Array(2));
  assert.is(none.count(), 0);
});

test('draws are clipped to [min, max], piling the excess on the bounds', () => {
  const rng = seedrandom.xor4096('test');
  const params = [spec('p', { kind: 'normal', mean: 0.9, sd: 0.3 }, 0, 1)];
  const out = new Float64Array(1);
  let atMax = 0;
  let atMin = 0;
  for (let i = 0; i < N; i++) {
    sampleParams(params, rng, out);
    assert.ok(out[0] >= 0 && out[0] <= 1);
    if (out[0] === 1) atMax++;
    if (out[0] === 0) atMin++;
  }
  // P(X > 1) = P(Z > 1/3) = 0.36944, P(X < 0) = P(Z < -3) = 0.0013499
  near(atMax / N, 0.36944, 0.006, 'mass at 1');
  near(atMin / N, 0.0013499, 0.0005, 'mass at 0');
  const out2 = new Float64Array(2);
  sampleParams([spec('u', { kind: 'uniform', lo: 0.5, hi: 1.5 }, 0, 1), fixed('f', 3, 0, 2)], () => 0.75, out2);
  assert.equal([...out2], [1, 2]);
});

test('the same seed gives the same values; another seed other values', () => {
  const params = [
    spec('a', { kind: 'beta', a: 2, b: 6 }, 0, 1),
    spec('b', { kind: 'normal', mean: 50, sd: 10 }, 0, 100),
    spec('c', { kind: 'uniform', lo: 4, hi: 12 }, 0, 1000),
  ];
  const draw = (seed: string) => {
    const rng = seedrandom.xor4096(seed);
    const out = new Float64Array(3);
    const runs: number[] = [];
    for (let r = 0; r < 100; r++) {
      sampleParams(params, rng, out);
      runs.push(...out);
    }
    return runs;
  };
  assert.equal(draw('test'), draw('test'));
  assert.not.equal(draw('test'), draw('other'));
});

test('swapping one one-uniform distribution for another leaves every later draw unchanged', () => {
  const after = spec('later', { kind: 'normal', mean: 0, sd: 1 }, -10, 10);
  const a = new Float64Array(2);
  const b = new Float64Array(2);
  sampleParams([spec('x', { kind: 'uniform', lo: 0, hi: 1 }, 0, 1), after], seedrandom.xor4096('test'), a);
  sampleParams([spec('x', { kind: 'triangular', lo: 0, mode: 0.2, hi: 1 }, 0, 1), after], seedrandom.xor4096('test'), b);
  assert.is.not(a[0], b[0]);
  assert.is(a[1], b[1]);
});

test('distributionMean gives the mean before clipping', () => {
  assert.is(distributionMean({ kind: 'fixed', value: 3 }), 3);
  assert.is(distributionMean({ kind: 'normal', mean: 50, sd: 3 }), 50);
  assert.is(distributionMean({ kind: 'uniform', lo: 70, hi: 90 }), 80);
  assert.is(distributionMean({ kind: 'triangular', lo: 80, mode: 95, hi: 100 }), 275 / 3);
  assert.is(distributionMean({ kind: 'beta', a: 2, b: 6 }), 0.25);
});

test.run();
