/**
 * 95% intervals for a difference of two proportions, p1 − p2, built from the Wilson intervals of each
 * (wilson-interval.ts).
 *
 * Independent samples — Newcombe, R. G. (1998a). Interval estimation for the difference between
 * independent proportions: comparison of eleven methods. Statistics in Medicine 17:873–890, method 10
 * (the hybrid score interval). With (l1, u1) and (l2, u2) the Wilson intervals of p1 and p2:
 *
 *     lo = (p1 − p2) − sqrt((p1 − l1)² + (u2 − p2)²)
 *     hi = (p1 − p2) + sqrt((u1 − p1)² + (p2 − l2)²)
 *
 * Paired samples — Newcombe, R. G. (1998b). Improved confidence intervals for the difference between
 * binomial proportions based on paired data. Statistics in Medicine 17:2635–2650, method 10. negsim's
 * scenario comparisons are paired: run r of both scenarios draws from the generator seeded (seed, r)
 * (common random numbers), so their outcomes are correlated and the independent-samples interval would be
 * too wide. With the 2x2 table of runs — e both, f first only, g second only, h neither, n = e+f+g+h —
 * p1 = (e+f)/n, p2 = (e+g)/n, and φ the correlation of the two indicators,
 *
 *     A = e·h − f·g,  φ = (A − n/2) / sqrt((e+f)(g+h)(e+g)(f+h)) if A > n/2; 0 if 0 <= A <= n/2;
 *                     A / sqrt(...) if A < 0;            0 when a margin is 0
 *
 * (φ with Newcombe's continuity correction, as in Fagerland, Lydersen & Laake 2017, Statistical Analysis
 * of Contingency Tables, §8.5, and their contingencytables R package; over thousands of runs the
 * correction is negligible.)
 *     lo = d − sqrt((p1 − l1)² − 2φ(p1 − l1)(u2 − p2) + (u2 − p2)²)
 *     hi = d + sqrt((u1 − p1)² − 2φ(u1 − p1)(p2 − l2) + (p2 − l2)²)
 *
 * φ = 0 gives the independent-samples interval back.
 *
 * @example
 * newcombeDifference(56, 70, 48, 80);   // { d: 0.2, lo: 0.05243..., hi: 0.33386... }  (Newcombe 1998a, Table II: 0.0524, 0.3339)
 * pairedNewcombeDifference(59, 6, 16, 80); // { d: -0.0621..., lo: -0.1186..., hi: -0.0045... } (Cavo et al. 2012 data, Fagerland et al. 2017 ch. 8)
 */
import { wilsonInterval, Z95 } from './wilson-interval.js';

export interface DifferenceInterval {
  /** p1 − p2 */
  d: number;
  lo: number;
  hi: number;
}

function combine(p1: number, l1: number, u1: number, p2: number, l2: number, u2: number, phi: number): DifferenceInterval {
  const d = p1 - p2;
  const a = p1 - l1, b = u2 - p2, c = u1 - p1, e = p2 - l2;
  const lo = d - Math.sqrt(Math.max(0, a * a - 2 * phi * a * b + b * b));
  const hi = d + Math.sqrt(Math.max(0, c * c - 2 * phi * c * e + e * e));
  return { d, lo: Math.max(-1, lo), hi: Math.min(1, hi) };
}

export function newcombeDifference(x1: number, n1: number, x2: number, n2: number, z = Z95): DifferenceInterval {
  const w1 = wilsonInterval(x1, n1, z), w2 = wilsonInterval(x2, n2, z);
  return combine(w1.p, w1.lo, w1.hi, w2.p, w2.lo, w2.hi, 0);
}

/** e: both, f: first only, g: second only, h: neither. */
export function pairedNewcombeDifference(e: number, f: number, g: number, h: number, z = Z95): DifferenceInterval {
  const n = e + f + g + h;
  const w1 = wilsonInterval(e + f, n, z), w2 = wilsonInterval(e + g, n, z);
  const den = (e + f) * (g + h) * (e + g) * (f + h);
  const A = e * h - f * g;
  const phi = den === 0 ? 0 : A > n / 2 ? (A - n / 2) / Math.sqrt(den) : A >= 0 ? 0 : A / Math.sqrt(den);
  return combine(w1.p, w1.lo, w1.hi, w2.p, w2.lo, w2.hi, phi);
}
