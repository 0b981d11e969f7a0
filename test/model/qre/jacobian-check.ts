/** Shared by the qre/ tests: the analytic Jacobian of a system against central differences of its H. */
import type { QreSystem } from '../../../src/model/qre/system.js';

/**
 * max over rows r < n and columns c <= n of |aa[r][c] - dH_r/dx_c| at x, the derivative by central
 * differences with step 1e-6, relative to 1 + |aa[r][c]|.
 */
export function jacobianError(sys: QreSystem, x: Float64Array): number {
  const n = sys.n;
  const nx = n + 1;
  sys.evaluate(x);
  const analytic = sys.aa.slice(0, n * nx);
  let worst = 0;
  for (let c = 0; c < nx; c++) {
    const h = 1e-6;
    const up = x.slice();
    const down = x.slice();
    up[c] += h;
    down[c] -= h;
    sys.evaluate(up);
    const hu = sys.hh.slice(0, n);
    sys.evaluate(down);
    const hd = sys.hh.slice(0, n);
    for (let r = 0; r < n; r++) {
      const fd = (hu[r] - hd[r]) / (2 * h);
      worst = Math.max(worst, Math.abs(analytic[r * nx + c] - fd) / (1 + Math.abs(fd)));
    }
  }
  sys.evaluate(x);
  return worst;
}

/** A point with random log-ratios in [-1, 1] and mu = 3. */
export function randomPoint(n: number, rand: () => number): Float64Array {
  const x = new Float64Array(n + 1);
  for (let r = 0; r < n; r++) x[r] = rand() * 2 - 1;
  x[n] = 3;
  return x;
}
