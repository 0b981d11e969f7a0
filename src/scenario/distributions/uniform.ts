/**
 * Uniform(lo, hi) by inversion: x = lo + (hi - lo) u, one uniform per draw.
 *
 * @example sampleUniform(20, 40, () => 0.25) // 25
 */
export function sampleUniform(lo: number, hi: number, rng: () => number): number {
  return lo + (hi - lo) * rng();
}
