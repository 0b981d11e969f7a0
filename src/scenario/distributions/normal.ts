/**
 * Normal distribution by inversion: x = mean + sd * Φ⁻¹(u), one uniform per draw.
 *
 * One uniform per draw (rather than Box–Muller's pairs or a ziggurat's variable count) keeps the
 * generator's stream aligned: run r of two scenarios that differ in one distribution still feed the
 * same uniforms to every other parameter, so their results are comparable draw for draw.
 *
 * Φ⁻¹ is Wichura's algorithm AS 241 (PPND16), relative accuracy about 1e-16: M. J. Wichura (1988),
 * "Algorithm AS 241: The percentage points of the normal distribution", Applied Statistics 37(3),
 * 477–484. It is the algorithm behind R's qnorm and Python's statistics.NormalDist.inv_cdf.
 */

/**
 * Φ⁻¹(p), the standard normal quantile; -Infinity at 0, +Infinity at 1, NaN outside [0, 1].
 *
 * @example normalQuantile(0.975) // 1.9599639845400536
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    // central region: rational approximation in r = 0.180625 - q^2
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r +
          45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r +
          133.14166789178437745) * r + 3.387132872796366608)) /
      (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r +
        42.313330701600911252) * r + 1.0)
    );
  }
  // tails: rational approximation in r = sqrt(-log(min(p, 1 - p)))
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x =
      (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
        1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r +
        4.6303378461565452959) * r + 1.42343711074968357734) /
      (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
        0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r +
        2.05319162663775882187) * r + 1.0);
  } else {
    r -= 5;
    x =
      (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
        0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r +
        5.4637849111641143699) * r + 6.6579046435011037772) /
      (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r +
        0.59983220655588793769) * r + 1.0);
  }
  return q < 0 ? -x : x;
}

/**
 * One draw from Normal(mean, sd); consumes exactly one uniform.
 *
 * @example sampleNormal(10, 2, () => 0.975) // 10 + 2 * 1.9599639845400536 = 13.919927969080106
 */
export function sampleNormal(mean: number, sd: number, rng: () => number): number {
  return mean + sd * normalQuantile(rng());
}
