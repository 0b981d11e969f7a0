/**
 * Wilson score interval for a binomial proportion: every probability negsim reports (agreement,
 * withdrawal, a ceasefire holding...) carries one.
 *
 * Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference.
 * JASA 22:209-212. Newcombe, R. G. (1998). Two-sided confidence intervals for the single proportion:
 * comparison of seven methods. Statistics in Medicine 17:857-872, method 3.
 *
 * With x successes in n trials and z the standard normal quantile (1.959963984540054 = Φ⁻¹(0.975)
 * for 95%), the interval is the set of p whose score test does not reject:
 *
 *     lo, hi = (x + z²/2 ∓ z·sqrt(x(n − x)/n + z²/4)) / (n + z²)
 *
 * Unlike the Wald interval p ± z·sqrt(p(1 − p)/n), it never leaves [0, 1] and does not collapse to a
 * point at 0 or n successes, which matters here: rare outcomes (a withdrawal in 0 of 1000 runs) are
 * common in Monte Carlo summaries. At the ends the formula gives lo = 0 (x = 0) and hi = 1 (x = n)
 * only up to rounding; they are set exactly, so that printed bounds read 0 and 1.
 *
 * n = 0 (no runs): p = 0, lo = 0, hi = 1 — no data leaves every proportion possible. p = 0 is then a
 * placeholder, not an estimate; whoever prints it should show n too.
 *
 * `successes` may be fractional (a weighted count) but must lie in [0, n]. Invalid arguments are
 * bugs, not user errors, and throw.
 *
 * @example
 * wilsonInterval(1, 10);   // { p: 0.1, lo: 0.017876213095072896, hi: 0.4041500267952385 }
 * wilsonInterval(0, 10);   // { p: 0, lo: 0, hi: 0.2775327998628892 }
 * wilsonInterval(81, 263); // { p: 0.30798479087452474, lo: 0.2552885198782742, hi: 0.36620957698280004 }
 *                          //   (Newcombe 1998, Table I: 0.2553 to 0.3662)
 */
export interface ProportionInterval {
  /** Point estimate x / n. */
  p: number;
  lo: number;
  hi: number;
}

/** Φ⁻¹(0.975): the z of a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export function wilsonInterval(successes: number, n: number, z: number = Z95): ProportionInterval {
  if (!(Number.isFinite(n) && n >= 0)) throw new RangeError(`wilsonInterval: n must be finite and >= 0, got ${n}`);
  if (!(Number.isFinite(successes) && successes >= 0 && successes <= n)) {
    throw new RangeError(`wilsonInterval: successes must lie in [0, n = ${n}], got ${successes}`);
  }
  if (!(Number.isFinite(z) && z > 0)) throw new RangeError(`wilsonInterval: z must be finite and > 0, got ${z}`);
  if (n === 0) return { p: 0, lo: 0, hi: 1 };

  const z2 = z * z;
  const centre = (successes + z2 / 2) / (n + z2);
  const half = (z * Math.sqrt((successes * (n - successes)) / n + z2 / 4)) / (n + z2);
  const p = successes / n;
  // The clamps only ever move a bound by rounding error; they keep lo <= p <= hi inside [0, 1].
  const lo = successes === 0 ? 0 : Math.min(p, Math.max(0, centre - half));
  const hi = successes === n ? 1 : Math.max(p, Math.min(1, centre + half));
  return { p, lo, hi };
}
