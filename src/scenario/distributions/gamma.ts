/**
 * Gamma(shape, 1) by Marsaglia & Tsang's squeeze-rejection method: G. Marsaglia and W. W. Tsang
 * (2000), "A simple method for generating gamma variables", ACM TOMS 26(3), 363–372.
 *
 * For shape a >= 1, with d = a - 1/3 and c = 1/sqrt(9d): draw x ~ N(0,1) and u ~ U(0,1), let
 * v = (1 + c x)³; accept d·v when v > 0 and (u < 1 - 0.0331 x⁴ or log u < x²/2 + d(1 - v + log v)).
 * For a < 1: Gamma(a) = Gamma(a + 1) · U^(1/a) (same paper, section 6).
 *
 * The result is returned as a logarithm so that tiny shapes (whose draws underflow to 0) still give
 * usable ratios in beta.ts. The number of uniforms used varies (two per trial, plus one when a < 1)
 * but is fixed by the stream, so draws are reproducible from the seed. Acceptance is above 95%
 * for every shape.
 */
import { normalQuantile } from './normal.js';

/**
 * log of one draw from Gamma(shape, 1), shape > 0.
 *
 * @example
 * const u = [0.5, 0.1]; let i = 0;
 * Math.exp(sampleLogGamma(1, () => u[i++])) // 0.6666666666666667 (x = Φ⁻¹(0.5) = 0 -> v = 1, accept d = 2/3)
 */
export function sampleLogGamma(shape: number, rng: () => number): number {
  if (shape < 1) {
    // Gamma(a) = Gamma(a + 1) * U^(1/a); 1 - rng() lies in (0, 1], so its log is finite
    const g = sampleLogGamma(shape + 1, rng);
    return g + Math.log(1 - rng()) / shape;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normalQuantile(rng());
    const t = 1 + c * x;
    if (t <= 0) {
      rng(); // keep two uniforms per trial, whatever the branch
      continue;
    }
    const v = t * t * t;
    const u = 1 - rng();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
      return Math.log(d) + Math.log(v);
    }
  }
}

/**
 * One draw from Gamma(shape, 1), shape > 0.
 *
 * @example
 * const u = [0.5, 0.1]; let i = 0;
 * sampleGamma(1, () => u[i++]) // 0.6666666666666667 (2/3, via exp(log d))
 */
export function sampleGamma(shape: number, rng: () => number): number {
  return Math.exp(sampleLogGamma(shape, rng));
}
