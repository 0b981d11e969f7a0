import type { Distribution } from '../types.js';

/**
 * The mean of a distribution before clipping: fixed value; normal mean; (lo + hi)/2;
 * (lo + mode + hi)/3; a/(a + b). Used where one representative value is needed (e.g. checking
 * whether a red line with uncertain thresholds can be met at all).
 *
 * @example distributionMean({kind: 'triangular', lo: 80, mode: 95, hi: 100}) // 91.66666666666667
 */
export function distributionMean(d: Distribution): number {
  switch (d.kind) {
    case 'fixed': return d.value;
    case 'normal': return d.mean;
    case 'uniform': return (d.lo + d.hi) / 2;
    case 'triangular': return (d.lo + d.mode + d.hi) / 3;
    case 'beta': return d.a / (d.a + d.b);
  }
}
