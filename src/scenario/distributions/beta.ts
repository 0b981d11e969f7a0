/**
 * Beta(a, b) from two gammas: X ~ Gamma(a), Y ~ Gamma(b), X / (X + Y) ~ Beta(a, b)
 * (e.g. Devroye, "Non-Uniform Random Variate Generation", 1986, ch. IX.4). Computed as
 * 1 / (1 + exp(log Y - log X)) so that shapes below 1, whose gamma draws can underflow, still work.
 * Mean a/(a+b), variance ab/((a+b)²(a+b+1)).
 */
import { sampleLogGamma } from './gamma.js';

/**
 * One draw from Beta(a, b), a > 0, b > 0; the X draw comes first, then the Y draw.
 *
 * @example
 * const u = [0.5, 0.1, 0.5, 0.1]; let i = 0;
 * sampleBeta(1, 1, () => u[i++]) // 0.5 (two equal gamma draws)
 */
export function sampleBeta(a: number, b: number, rng: () => number): number {
  const lx = sampleLogGamma(a, rng);
  const ly = sampleLogGamma(b, rng);
  return 1 / (1 + Math.exp(ly - lx));
}
