/**
 * Triangular(lo, mode, hi) by inversion, one uniform per draw. With F(mode) = (mode - lo)/(hi - lo):
 *
 *   x = lo + sqrt(u (hi - lo)(mode - lo))          if u < F(mode)
 *   x = hi - sqrt((1 - u)(hi - lo)(hi - mode))     otherwise
 *
 * (e.g. Kotz & van Dorp, "Beyond Beta", 2004, ch. 1). Mean (lo + mode + hi)/3,
 * variance (lo² + mode² + hi² - lo·mode - lo·hi - mode·hi)/18. Requires lo < hi.
 */

/**
 * The p-quantile of Triangular(lo, mode, hi).
 *
 * @example triangularQuantile(0.5, 0, 50, 100) // 50
 * @example triangularQuantile(0.125, 0, 50, 100) // 25 (= sqrt(0.125 * 100 * 50))
 */
export function triangularQuantile(p: number, lo: number, mode: number, hi: number): number {
  const width = hi - lo;
  const fMode = (mode - lo) / width;
  return p < fMode ? lo + Math.sqrt(p * width * (mode - lo)) : hi - Math.sqrt((1 - p) * width * (hi - mode));
}

/**
 * One draw from Triangular(lo, mode, hi); consumes exactly one uniform.
 *
 * @example sampleTriangular(80, 95, 100, () => 0.75) // 100 - sqrt(0.25 * 20 * 5) = 95
 */
export function sampleTriangular(lo: number, mode: number, hi: number, rng: () => number): number {
  return triangularQuantile(rng(), lo, mode, hi);
}
